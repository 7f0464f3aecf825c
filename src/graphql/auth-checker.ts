import type { AuthChecker } from 'type-graphql';
import { Role } from '../common/role.enums';
import type { Context } from './context';
import { forbidden, unauthenticated } from '../common/errors';

/**
 * `@Authorized()` needs a caller; `@Authorized(Role.X, …)` needs one of those roles.
 * Failures are top-level errors: UNAUTHENTICATED or FORBIDDEN; a FORBIDDEN is an audit entry too.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  const { caller } = context;
  if (!caller) throw unauthenticated();
  if (roles.length > 0 && !caller.roles.some((r) => roles.includes(r))) {
    const what = `「${info.parentType.name}.${info.fieldName}」`;
    void context.services.audit.forbidden(context, `${info.parentType.name}.${info.fieldName}`); // a security event (rate-limited)
    throw forbidden(what);
  }
  return true;
};
