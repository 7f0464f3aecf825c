/** The auth module's public face: bearer tokens and the viewer. Role and Caller live in src/common (every request carries them). */
export { TokenService } from './token.service';
export { ViewerResolver } from './viewer.resolver';
