/**
 * A saturated pool (the load run's failure): with POOL_SIZE 1 and its only connection held by a
 * request waiting on a lock, every kind of request the load run sends — nested catalogue reads on
 * the look-ahead path, the search with facets, completeness, the platform's ingest — answers a
 * clean DATABASE_BUSY (HTTP 503, Retry-After, a Chinese message), never INTERNAL_SERVER_ERROR, and
 * writes nothing; once the connection is free the same requests answer.
 */
import { Role } from '../src/common/role.enums';
import { lockTable, postGraphql, sleep, startOneConnectionHub, TestHub } from './support/hub';

let hub: TestHub;

const post = (query: string, variables: Record<string, unknown>, token: string) => postGraphql(hub.url, { query, variables }, { token });

const HOLDER = '{ organizations { totalCount } }';
const READS: [string, string, Record<string, unknown>][] = [
  [
    'nested catalogue (look-ahead)',
    '{ projects(first: 10) { edges { node { code resources { edges { node { code dataItems { name } interfaces { mountStatus } provider { name } } } } } } } }',
    {},
  ],
  [
    'search with count',
    'query ($s: String) { resources(first: 20, filter: { search: $s }) { totalCount edges { node { code provider { name } } } } }',
    { s: '资助' },
  ],
  ['facets', '{ resources(first: 20, filter: { sharingType: CONDITIONAL }) { totalCount facets { openType { value count } } edges { node { code } } } }', {}],
  ['district completeness', '{ completeness { catalogued { ratio } mounted { ratio } timely { ratio } } }', {}],
];

beforeAll(async () => {
  hub = await startOneConnectionHub({ STATEMENT_TIMEOUT_MS: '20000' }, 'demo');
}, 300_000); // the demo district through one connection: minutes on a loaded machine
afterAll(() => hub?.close());

it('every kind of request of the load run answers DATABASE_BUSY (503, Retry-After) while the only pooled connection is held, and answers once it is free', async () => {
  const [unit, bureau, platform] = [await hub.token(Role.PROJECT_UNIT), await hub.token(Role.BIG_DATA_BUREAU), await hub.token(Role.PLATFORM)];
  const [{ id: interfaceId }] = await hub.ds.query(`SELECT id FROM sharing_interface WHERE mount_status = 'MOUNTED' ORDER BY id LIMIT 1`);
  const runsBefore = (await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run`))[0].n;
  const INGEST: [string, string, Record<string, unknown>] = [
    'ingest',
    'mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted userErrors { code } } }',
    {
      input: {
        runs: [
          {
            interfaceId,
            platformRunId: 'POOL-BUSY-1',
            ranAt: new Date(Date.now() - 60_000).toISOString(),
            mode: 'INCREMENTAL',
            records: 1,
            outcome: 'SUCCEEDED',
          },
        ],
      },
    },
  ];

  const lock = await lockTable(hub);
  const holder = post(HOLDER, {}, unit); // takes the only connection and waits on the lock
  await sleep(200);
  const answers: Record<string, unknown> = {};
  for (const [name, query, variables] of [...READS, INGEST]) {
    const res = await post(query, variables, name === 'ingest' ? platform : bureau);
    const body = (await res.json()) as any;
    answers[name] = {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      codes: [...new Set((body.errors ?? []).map((e: any) => e.extensions?.code))],
      chinese: (body.errors ?? []).every((e: any) => /数据库繁忙/.test(e.message)),
    };
  }
  await lock.release();
  expect(((await (await holder).json()) as any).errors).toBeUndefined();
  const busy = { status: 503, retryAfter: '1', codes: ['DATABASE_BUSY'], chinese: true };
  expect(answers).toEqual(Object.fromEntries([...READS, INGEST].map(([name]) => [name, busy])));
  expect((await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run`))[0].n).toBe(runsBefore);

  // The connection free again: the same requests answer.
  for (const [name, query, variables] of [...READS, INGEST]) {
    const res = await post(query, variables, name === 'ingest' ? platform : bureau);
    const body = (await res.json()) as any;
    expect({ name, status: res.status, errors: body.errors }).toEqual({ name, status: 200, errors: undefined });
  }
  expect((await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run`))[0].n).toBe(runsBefore + 1);
}, 60_000);
