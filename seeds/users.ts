import type { DataSource } from 'typeorm';
import { Role } from '../src/common/role.enums';
import { generatePassword, hashPassword, User } from '../src/modules/auth';
import { Organization } from '../src/modules/organization';
import { ROLE_HOME } from './organizations';

/** The demo user of each role signs in with this login (in the organisation that holds the role). */
export const DEMO_LOGINS: Record<Role, string> = {
  [Role.PROJECT_UNIT]: 'unit',
  [Role.BIG_DATA_BUREAU]: 'bureau',
  [Role.LEADING_GROUP_OFFICE]: 'office',
  [Role.EXPERT]: 'expert',
  [Role.AUDITOR]: 'auditor',
  [Role.PLATFORM]: 'platform',
  [Role.ADMIN]: 'admin',
};

const DEMO_NAMES: Record<Role, string> = {
  [Role.PROJECT_UNIT]: '张晓明',
  [Role.BIG_DATA_BUREAU]: '李文静',
  [Role.LEADING_GROUP_OFFICE]: '王建国',
  [Role.EXPERT]: '张明远',
  [Role.AUDITOR]: '刘思远',
  [Role.PLATFORM]: '市政务数据共享交换平台',
  [Role.ADMIN]: '赵志强',
};

/**
 * The demo user of `role` in the organisation with `creditCode` (by default the seeded one that
 * holds the role): `unit`, `bureau`, … at home, `unit.<credit code>` elsewhere. Made without a
 * password when missing; the same user (the same actor) every time.
 */
export async function demoUser(ds: DataSource, role: Role, creditCode?: string): Promise<{ user: User; organization: Organization }> {
  const organization = await roleOrganization(ds, role, creditCode);
  return { user: await demoUserIn(ds, role, organization), organization };
}

/** The organisation with `creditCode`, by default the seeded one that holds `role`; a clear error when it is missing. */
export async function roleOrganization(ds: DataSource, role: Role, creditCode?: string): Promise<Organization> {
  const code = (creditCode ?? ROLE_HOME[role]).toUpperCase();
  const organization = await ds.getRepository(Organization).findOneBy({ creditCode: code });
  if (!organization) {
    throw new Error(
      creditCode ? `no organisation with credit code ${code}` : `the demo organisation ${code} of ${role} is missing: run \`npm run seed\` or pass --org`,
    );
  }
  return organization;
}

/** The demo user of `role` in `organization` (see demoUser), made when missing. */
export function demoUserIn(ds: DataSource, role: Role, organization: Organization): Promise<User> {
  const home = organization.creditCode === ROLE_HOME[role].toUpperCase();
  const login = home ? DEMO_LOGINS[role] : `${DEMO_LOGINS[role]}.${organization.creditCode.toLowerCase()}`;
  const name = home ? DEMO_NAMES[role] : `${DEMO_NAMES[role]}（${organization.name}）`.slice(0, 50);
  return ensureUser(ds, login, name, organization.id, role);
}

/** The named user `login` of `role` in `organization` (see namedUser), made when missing. */
export function namedUserIn(ds: DataSource, role: Role, organization: Organization, login: string, name?: string): Promise<User> {
  return ensureUser(ds, login, name ?? login, organization.id, role);
}

/** The user `login`, made (without a password) with these name, organisation and role when missing. */
async function ensureUser(ds: DataSource, login: string, name: string, organizationId: string, role: Role): Promise<User> {
  await ds
    .createQueryBuilder()
    .insert()
    .into(User)
    .values({ login, name, organizationId, roles: [role] })
    .orIgnore()
    .execute();
  return ds.getRepository(User).findOneByOrFail({ login });
}

/** The demo's experts (专家咨询小组, 第六条): two accounts, so that a review has two opinions. */
export const DEMO_EXPERT_LOGINS = [
  { login: DEMO_LOGINS[Role.EXPERT], name: '张明远' },
  { login: 'expert2', name: '李静' },
] as const;

/**
 * A named user of `role` (in the organisation that holds the role unless `creditCode` says
 * otherwise), made without a password on first use: the demo's second expert, a spec's reviewers.
 */
export async function namedUser(ds: DataSource, role: Role, login: string, name?: string, creditCode?: string): Promise<User> {
  return namedUserIn(ds, role, await roleOrganization(ds, role, creditCode), login, name);
}

/** Gives a demo user a new random password (policy-compliant) and answers it. */
export async function demoPassword(ds: DataSource, user: User): Promise<string> {
  const password = generatePassword();
  await ds
    .getRepository(User)
    .update({ id: user.id }, { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), failedSignIns: 0, lockedUntil: null });
  return password;
}

/**
 * One demo user per role, each in the organisation that holds it; those without a password get
 * a random one, answered here once (printed at first start, like the tokens before them).
 */
export async function seedDemoUsers(ds: DataSource): Promise<{ role: Role; login: string; name: string; password: string }[]> {
  const out: { role: Role; login: string; name: string; password: string }[] = [];
  for (const role of Object.values(Role)) {
    const { user } = await demoUser(ds, role);
    if (user.passwordHash) continue;
    out.push({ role, login: user.login, name: user.name, password: await demoPassword(ds, user) });
  }
  // The demo's second expert (the first is the EXPERT role's demo user).
  const second = await namedUser(ds, Role.EXPERT, DEMO_EXPERT_LOGINS[1].login, DEMO_EXPERT_LOGINS[1].name);
  if (!second.passwordHash) out.push({ role: Role.EXPERT, login: second.login, name: second.name, password: await demoPassword(ds, second) });
  return out;
}
