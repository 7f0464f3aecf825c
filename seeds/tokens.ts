import type { DataSource } from 'typeorm';
import { Caller } from '../src/common/caller';
import { Role } from '../src/common/role.enums';
import { issueToken, TokenService } from '../src/modules/auth';
import { Organization } from '../src/modules/organization';
import { demoUser, namedUser } from './users';

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
  const demo = await demoUser(ds, role, creditCode);
  const user = named ? await namedUser(ds, role, named.login, named.name, creditCode) : demo.user;
  const { organization } = demo;
  const caller: Caller = { userId: user.id, organizationId: organization.id, roles: user.roles, name: user.name, kind: 'USER' };
  const { token } = await issueToken(ds, tokens, user.id, ttlSeconds(expiresIn));
  return { token, caller, organization };
}
