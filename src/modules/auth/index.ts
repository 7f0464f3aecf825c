/**
 * The auth module's public face: users, sessions (access and refresh tokens, the console's
 * cookie), service accounts' API tokens, single sign-on, and who a request's caller is
 * (`IdentityService.callerOf`). Role and Caller live in src/common (every request carries them).
 */
// The entities first: they load TypeORM, which loads reflect-metadata before any decorator runs.
export { User } from './user.entity';
export { UserSession } from './user-session.entity';
export { ApiToken } from './api-token.entity';
export { TokenService } from './token.service';
export { IdentityService } from './identity.service';
export { issueToken, SessionService } from './session.service';
export { normalizeLogin, UserService, userSummary, expertById, enabledExperts } from './user.service';
export type { ExpertListing, UserSummary } from './user.service';
export { ApiTokenService } from './api-token.service';
/** Per-request batched reads of users (their names) for other modules' field resolvers. */
export { authLoaders } from './auth.loaders';
/** The accounts a daily digest may go to, as SQL (for the notification module's daily digests). */
export { MAILABLE_USERS } from './user.sql';
export { UserCreateInput } from './user.inputs';
export { sessionRoute } from './session.routes';
export { CSRF_HEADER } from './session-cookie';
export { generatePassword, hashPassword } from './password';
export { ViewerResolver } from './viewer.resolver';
export { UserResolver } from './user.resolver';
export { SessionResolver } from './session.resolver';
export { ApiTokenResolver } from './api-token.resolver';
