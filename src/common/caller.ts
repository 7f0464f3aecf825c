import { Role } from './role.enums';

/** A person who signs in, or a service account (an API token of another system). */
export type CallerKind = 'USER' | 'SERVICE_ACCOUNT';

/**
 * The authenticated caller of one request, as the database has them when the request comes in.
 * `userId` is the actor recorded for what they do: the user's id (the same across every token,
 * session and single sign-on) or the service account's (its API token's id).
 */
export interface Caller {
  userId: string;
  organizationId: string | null;
  roles: Role[];
  /** The user's or service account's name (for audit records and reviews); absent in hand-made callers. */
  name?: string;
  kind?: CallerKind;
}

export const hasRole = (caller: Caller | null, ...roles: Role[]) => !!caller && caller.roles.some((r) => roles.includes(r));
