export { TokenService } from './token.service';
export { ViewerResolver } from './viewer.resolver';
