import { Role } from './role.enums';

/** The authenticated caller of one request, as its token states it. */
export interface Caller {
  userId: string;
  organizationId: string | null;
  roles: Role[];
  /** The display name the token carries (claim `name`), if any; user accounts will supply it later. */
  name?: string | null;
}

export const hasRole = (caller: Caller | null, ...roles: Role[]) => !!caller && caller.roles.some((r) => roles.includes(r));
