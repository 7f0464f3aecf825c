/** The auth module's public face: users, sessions, service accounts' API tokens, and who a request's caller is. */
export { TokenService } from './token.service';
export { ViewerResolver } from './viewer.resolver';
export { User } from './user.entity';
export { UserSession } from './user-session.entity';
export { ApiToken } from './api-token.entity';
