import type { DataSource } from 'typeorm';
import { Caller } from '../src/common/caller';
import { Role } from '../src/common/role.enums';
import { issueToken, TokenService } from '../src/modules/auth';
import { Organization } from '../src/modules/organization';
import { demoUserIn, namedUserIn, roleOrganization } from './users';

/** "12h", "30m", "90s" or a number of seconds → seconds. */
export function ttlSeconds(text: string): number {
  const m = /^(\d+)\s*([hms]?)$/.exec(text.trim());
  if (!m) throw new Error(`--ttl must be like 12h, 30m, 90s or a number of seconds, got "${text}"`);
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
}

/**
 * A token of the demo user of a role, in the organisation given by credit code or the seeded one
 * that holds the role. The user is the same every time (the actor is a person, not a token).
 */
export async function tokenFor(
  ds: DataSource,
  tokens: TokenService,
  role: Role,
  creditCode?: string,
  expiresIn = '12h',
  /** A named user instead of the role's demo user (made on first use). */
  named?: { login: string; name?: string },
): Promise<{ token: string; caller: Caller; organization: Organization }> {
  // One look-up of the organisation; a named user is made without the role's demo user.
  const organization = await roleOrganization(ds, role, creditCode);
  const user = named ? await namedUserIn(ds, role, organization, named.login, named.name) : await demoUserIn(ds, role, organization);
  const caller: Caller = { userId: user.id, organizationId: organization.id, roles: user.roles, name: user.name, kind: 'USER' };
  const { token } = await issueToken(ds, tokens, user.id, ttlSeconds(expiresIn));
  return { token, caller, organization };
}
