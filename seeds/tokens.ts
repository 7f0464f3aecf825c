import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Caller } from '../src/common/caller';
import { Role } from '../src/common/role.enums';
import { TokenService } from '../src/modules/auth';
import { Organization } from '../src/modules/organization';
import { ROLE_HOME } from './organizations';

/** A token for a role, in the organisation given by credit code or the seeded one that holds the role. */
export async function tokenFor(
  ds: DataSource,
  tokens: TokenService,
  role: Role,
  creditCode?: string,
  expiresIn = '12h',
  /** A stable user id (e.g. a named expert) and display name; by default a fresh id and no name. */
  user: { userId?: string; name?: string } = {},
): Promise<{ token: string; caller: Caller; organization: Organization }> {
  const code = (creditCode ?? ROLE_HOME[role]).toUpperCase();
  const organization = await ds.getRepository(Organization).findOneBy({ creditCode: code });
  if (!organization) {
    throw new Error(
      creditCode ? `no organisation with credit code ${code}` : `the demo organisation ${code} of ${role} is missing: run \`npm run seed\` or pass --org`,
    );
  }
  const caller: Caller = {
    userId: user.userId ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`,
    organizationId: organization.id,
    roles: [role],
    ...(user.name ? { name: user.name } : {}),
  };
  return { token: await tokens.sign(caller, expiresIn), caller, organization };
}
