/** How the seeds act through the services: as a demo organisation's caller, refusing to go on past a refusal. */
import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { Outcome } from '../src/db/transaction';
import type { RequestContext } from '../src/common/request-context';
import { Role, roleLabel } from '../src/common/role.enums';
import { Organization } from '../src/modules/organization';
import { DEMO_EXPERT_LOGINS, demoUser, namedUser } from './users';
import { DEMO_ORGANIZATIONS } from './organizations';

const silent = pino({ level: 'silent' });

/** An input object of its class, as type-graphql would hand it to a service. */
export const make = <T extends object>(cls: new () => T, values: Partial<T>): T => Object.assign(new cls(), values);

/** The result of a service call; a refusal means the demo data is wrong, so it stops the seed. */
export function ok<T>(what: string, outcome: Outcome<T>): T {
  if (outcome.userErrors.length || !outcome.result) {
    throw new Error(`seed: ${what} refused: ${outcome.userErrors.map((e) => `${e.code} ${e.field?.join('.')} ${e.message}`).join('; ')}`);
  }
  return outcome.result;
}

export type ActAs = (role: Role, orgKey: string) => RequestContext;

export interface DemoExpert {
  userId: string;
  name: string;
}

/** The demo's experts' accounts (made on first use), in the order of DEMO_EXPERT_LOGINS. */
export async function demoExperts(ds: DataSource): Promise<DemoExpert[]> {
  const out: DemoExpert[] = [];
  for (const e of DEMO_EXPERT_LOGINS) {
    const user = await namedUser(ds, Role.EXPERT, e.login, e.name);
    out.push({ userId: user.id, name: user.name });
  }
  return out;
}

/** A request context for one of the demo's experts. */
export const asExpert = (expert: DemoExpert): RequestContext => ({
  requestId: 'seed',
  log: silent,
  caller: { userId: expert.userId, organizationId: null, roles: [Role.EXPERT], name: expert.name, kind: 'USER' },
});

/**
 * Organisation ids by demo key, and a request context for a role in one of them. The bureau's
 * reviews are made by its demo user (李文静, `bureau`), as a person would: the versions it publishes
 * name their publisher (第五条). The other roles act as named demo callers (演示数据（<role>）).
 */
export async function demoActors(ds: DataSource): Promise<{ org: (key: string) => string; as: ActAs }> {
  const ids = new Map((await ds.getRepository(Organization).find()).map((o) => [DEMO_ORGANIZATIONS.find((d) => d.creditCode === o.creditCode)?.key, o.id]));
  const org = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`seed: organisation ${key} missing`);
    return id;
  };
  const { user: reviewer, organization: bureau } = await demoUser(ds, Role.BIG_DATA_BUREAU);
  const as: ActAs = (role, orgKey) =>
    role === Role.BIG_DATA_BUREAU && org(orgKey) === bureau.id
      ? { requestId: 'seed', log: silent, caller: { userId: reviewer.id, organizationId: bureau.id, roles: [role], name: reviewer.name, kind: 'USER' } }
      : {
          requestId: 'seed',
          log: silent,
          caller: { userId: `seed-${role.toLowerCase()}`, organizationId: org(orgKey), roles: [role], name: `演示数据（${roleLabel(role)}）` },
        };
  return { org, as };
}
