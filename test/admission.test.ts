/**
 * The admission queue (src/http/admission.ts) over real HTTP: with ADMISSION_LIMIT 1 (the pool has
 * more connections), a request that holds the place makes the others wait in line instead of failing;
 * they are served one at a time in the order they came; one whose wait passes ADMISSION_WAIT_MS is
 * answered 503 DATABASE_BUSY with Retry-After and writes nothing; a client that goes away while
 * waiting gives its place up; a request past the queue answers as before. The neighbours:
 * test/pool-busy.test.ts and test/limits.test.ts (the pool's own wait, without the queue).
 */
import net from 'node:net';
import { Role } from '../src/common/role.enums';
import { lockTable, postGraphql, sleep, startTestHub, TestHub } from './support/hub';

let hub: TestHub;
const WAIT_MS = 1500;

beforeAll(async () => {
  hub = await startTestHub(
    { POOL_SIZE: '4', POOL_WAIT_MS: '5000', ADMISSION_LIMIT: '1', ADMISSION_WAIT_MS: String(WAIT_MS), STATEMENT_TIMEOUT_MS: '20000' },
    'demo',
  );
}, 120_000);
afterAll(() => hub.close());

/** The queue as /readyz reports it (readiness never waits in it). */
const admission = async () => ((await (await fetch(`${hub.url}/readyz`)).json()) as any).admission;

/** Takes the only place and keeps it while the organisation table is locked. */
const HOLDER = '{ organizations { totalCount } }';
/** Asks nothing of the locked table (an anonymous request: no caller to look up). */
const LIGHT = '{ __typename }';

it('requests beyond the limit wait in line while the place is held, and are then served one by one in the order they came', async () => {
  const unit = await hub.token(Role.PROJECT_UNIT);
  const lock = await lockTable(hub);
  const holder = postGraphql(hub.url, { query: HOLDER }, { token: unit });
  await sleep(200);
  const done: string[] = [];
  const waiting = ['A', 'B', 'C', 'D'].map(async (name, i) => {
    await sleep(60 * i);
    const res = await postGraphql(hub.url, { query: LIGHT });
    done.push(name);
    return { name, status: res.status, body: await res.json() };
  });
  await sleep(600);
  expect(done).toEqual([]); // without the queue these need no connection the holder has: they would have answered at once
  await lock.release();
  expect((await holder).status).toBe(200);
  const answers = await Promise.all(waiting);
  expect(answers.map((a) => [a.name, a.status, a.body])).toEqual(['A', 'B', 'C', 'D'].map((n) => [n, 200, { data: { __typename: 'Query' } }]));
  expect(done).toEqual(['A', 'B', 'C', 'D']);
}, 30_000);

it('a request still in line at its deadline answers 503 DATABASE_BUSY with Retry-After, in Chinese, and writes nothing', async () => {
  const [unit, platform] = [await hub.token(Role.PROJECT_UNIT), await hub.token(Role.PLATFORM)];
  const [{ id: interfaceId }] = await hub.ds.query(`SELECT id FROM sharing_interface WHERE mount_status = 'MOUNTED' ORDER BY id LIMIT 1`);
  const runs = async () => (await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run`))[0].n;
  const before = await runs();
  const batch = {
    runs: [{ interfaceId, platformRunId: 'ADMISSION-1', ranAt: new Date(Date.now() - 60_000).toISOString(), mode: 'FULL', records: 1, outcome: 'SUCCEEDED' }],
  };
  const INGEST = 'mutation ($batch: AggregationRunBatch!) { aggregationRunsIngest(batch: $batch) { accepted userErrors { code } } }';

  const lock = await lockTable(hub);
  const holder = postGraphql(hub.url, { query: HOLDER }, { token: unit });
  await sleep(200);
  const t0 = Date.now();
  const res = await postGraphql(hub.url, { query: INGEST, variables: { batch } }, { token: platform });
  const waited = Date.now() - t0;
  const body = (await res.json()) as any;
  expect({ status: res.status, retryAfter: res.headers.get('retry-after'), codes: body.errors.map((e: any) => e.extensions.code) }).toEqual({
    status: 503,
    retryAfter: '1',
    codes: ['DATABASE_BUSY'],
  });
  expect(body.errors[0].message).toMatch(/数据库繁忙/);
  expect(waited).toBeGreaterThanOrEqual(WAIT_MS - 50);
  await lock.release();
  expect((await holder).status).toBe(200);
  expect(await runs()).toBe(before);

  // With the place free the same batch is stored.
  const again = await postGraphql(hub.url, { query: INGEST, variables: { batch } }, { token: platform });
  expect(((await again.json()) as any).data.aggregationRunsIngest).toEqual({ accepted: 1, userErrors: [] });
  expect(await runs()).toBe(before + 1);
}, 30_000);

it('a client that goes away while in line gives its place up: its request never runs, and the one after it is served', async () => {
  const [unit, platform] = [await hub.token(Role.PROJECT_UNIT), await hub.token(Role.PLATFORM)];
  const [{ id: interfaceId }] = await hub.ds.query(`SELECT id FROM sharing_interface WHERE mount_status = 'MOUNTED' ORDER BY id LIMIT 1`);
  const batch = {
    runs: [
      { interfaceId, platformRunId: 'ADMISSION-GONE', ranAt: new Date(Date.now() - 60_000).toISOString(), mode: 'FULL', records: 1, outcome: 'SUCCEEDED' },
    ],
  };
  const INGEST = 'mutation ($batch: AggregationRunBatch!) { aggregationRunsIngest(batch: $batch) { accepted } }';
  const lock = await lockTable(hub);
  const holder = postGraphql(hub.url, { query: HOLDER }, { token: unit });
  await sleep(200);
  // The client that leaves: its request sent whole, then its connection reset (a half-close is still answered, by design).
  const { hostname, port } = new URL(hub.url);
  const leaving = net.connect(Number(port), hostname);
  await new Promise((resolve) => leaving.once('connect', resolve));
  const body = JSON.stringify({ query: INGEST, variables: { batch } });
  leaving.write(
    `POST /graphql HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\nauthorization: Bearer ${platform}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  await sleep(100);
  const next = postGraphql(hub.url, { query: LIGHT });
  await sleep(100);
  expect(await admission()).toEqual({ limit: 1, active: 1, waiting: 2 });
  leaving.resetAndDestroy();
  await sleep(100);
  expect(await admission()).toEqual({ limit: 1, active: 1, waiting: 1 });
  await lock.release();
  expect((await holder).status).toBe(200);
  expect((await next).status).toBe(200);
  await sleep(300);
  expect((await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run WHERE platform_run_id = 'ADMISSION-GONE'`))[0].n).toBe(0);
  // The place is free again: requests go straight through.
  for (let i = 0; i < 3; i++) expect((await postGraphql(hub.url, { query: LIGHT })).status).toBe(200);
  expect(await admission()).toEqual({ limit: 1, active: 0, waiting: 0 });
}, 30_000);

it('the file routes take their place in the same line', async () => {
  const [unit, bureau] = [await hub.token(Role.PROJECT_UNIT), await hub.token(Role.BIG_DATA_BUREAU)];
  const lock = await lockTable(hub);
  const holder = postGraphql(hub.url, { query: HOLDER }, { token: unit });
  await sleep(200);
  const res = await fetch(`${hub.url}/catalogue/template.xlsx`, { headers: { authorization: `Bearer ${bureau}` } });
  expect([res.status, res.headers.get('retry-after')]).toEqual([503, '1']);
  await lock.release();
  expect((await holder).status).toBe(200);
  expect((await fetch(`${hub.url}/catalogue/template.xlsx`, { headers: { authorization: `Bearer ${bureau}` } })).status).toBe(200);
}, 30_000);
