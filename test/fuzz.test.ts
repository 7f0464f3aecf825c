/**
 * A generated fuzz run against the live hub by every role (and no token): operations and
 * variables derived from the schema, random, boundary and malformed. Zero INTERNAL_SERVER_ERROR,
 * zero 5xx, zero dropped connections; the entries, projects, interfaces and sharing requests in
 * the database grew by exactly the creations that reported success, and the audit log by exactly
 * one entry per mutation that reported success, under its name. `npm test` runs FUZZ_RUNS
 * (default 300) cases, `npm run fuzz` 10,000; FUZZ_SEED replays a run.
 */
import { buildHubSchema } from '../src/graphql/schema';
import { ALL_ROLES } from '../src/common/role.enums';
import { runFuzz } from './support/fuzz';
import { startTestHub, TestHub } from './support/hub';

const COUNT = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
jest.setTimeout(Math.max(120_000, COUNT * 200));

/** Creations whose success adds exactly one row to a table. */
const CREATES: Record<string, string> = {
  resourceCreate: 'information_resource',
  projectCreate: 'project',
  organizationCreate: 'organization',
  interfaceCreate: 'sharing_interface',
  sharingRequestCreate: 'sharing_request',
};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, 'demo');
});
afterAll(() => hub.close());

const counts = async () => {
  const out: Record<string, number> = {};
  for (const table of new Set(Object.values(CREATES))) out[table] = (await hub.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  return out;
};

it(`${COUNT} generated operations by every role: no INTERNAL_SERVER_ERROR, no 5xx, rows match the successes`, async () => {
  const schema = await buildHubSchema();
  const tokens: Record<string, string | undefined> = { anonymous: undefined };
  for (const role of ALL_ROLES) tokens[role] = await hub.token(role);
  const ids: string[] = [];
  for (const table of ['organization', 'project', 'information_resource', 'sharing_interface', 'sharing_request', 'acceptance_application']) {
    for (const r of await hub.ds.query(`SELECT id FROM ${table} ORDER BY id LIMIT 20`)) ids.push(r.id);
  }
  const before = await counts();
  const audited = async () =>
    Object.fromEntries(
      (
        (await hub.ds.query(`SELECT operation, count(*)::int AS n FROM audit_entry WHERE outcome = 'SUCCESS' GROUP BY 1`)) as { operation: string; n: number }[]
      ).map((r) => [r.operation, r.n]),
    ) as Record<string, number>;
  const auditedBefore = await audited();
  const result = await runFuzz({ url: hub.url, schema, tokens, ctx: { ids }, seed: SEED, count: COUNT });
  const after = await counts();
  console.log(
    `fuzz: seed ${result.seed}, ${result.count} operations, ${result.failures.length} failures; answers ${JSON.stringify(result.answered)}; successful mutations ${JSON.stringify(result.succeeded)} (replay: FUZZ_SEED=${result.seed} FUZZ_RUNS=${result.count})`,
  );
  expect(result.failures).toEqual([]);
  for (const [mutation, table] of Object.entries(CREATES)) {
    const grew = after[table] - before[table];
    const reported = Object.entries(CREATES)
      .filter(([, t]) => t === table)
      .reduce((n, [m]) => n + (result.succeeded[m] ?? 0), 0);
    expect({ mutation, table, grew }).toEqual({ mutation, table, grew: reported });
  }
  // 审计记录: every mutation that reported success wrote its entry, and nothing else did.
  const auditedAfter = await audited();
  const entries = Object.fromEntries(
    Object.keys({ ...auditedAfter, ...result.succeeded })
      .map((op) => [op, (auditedAfter[op] ?? 0) - (auditedBefore[op] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
  expect(entries).toEqual(result.succeeded);
});
