import type { AuthChecker } from 'type-graphql';
import { Role } from '../common/role.enums';
import type { Context } from './context';
import { forbidden, unauthenticated } from '../common/errors';

/** `@Authorized(ANYONE)`: a root field open without credentials (signing in: sessionCreate, sessionRefresh, sessionRevoke). */
export const ANYONE = 'ANYONE';

/**
 * `@Authorized()` needs a caller; `@Authorized(Role.X, …)` needs one of those roles;
 * `@Authorized(ANYONE)` needs nothing. Failures are top-level errors: UNAUTHENTICATED or FORBIDDEN;
 * a FORBIDDEN is an audit entry too.
 */
export const authChecker: AuthChecker<Context, Role | typeof ANYONE> = ({ context, info }, roles) => {
  if (roles.includes(ANYONE)) return true;
  const { caller } = context;
  if (!caller) throw unauthenticated();
  if (roles.length > 0 && !caller.roles.some((r) => (roles as string[]).includes(r))) {
    const what = `「${info.parentType.name}.${info.fieldName}」`;
    void context.services.audit.forbidden(context, `${info.parentType.name}.${info.fieldName}`); // a security event (rate-limited)
    throw forbidden(what);
  }
  return true;
};
