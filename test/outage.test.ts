/**
 * The database goes away under load and comes back (issue "Resilience"): on a throw-away
 * PostgreSQL 15 cluster the spec may stop, never the shared server. During the outage every
 * request answers DATABASE_UNAVAILABLE (Chinese message) and /readyz 503; after it the hub
 * serves again without a restart; no write is half-applied and every acknowledged write is there.
 * The figures (time to fail, time to recover) are printed for docs/resilience.md.
 */
import { Client } from 'pg';
import { systemClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { CREATE, insertProject, resourceInput } from './support/catalogue';
import { startTestHub, TestHub, postGraphql } from './support/hub';
import { startThrowawayPg, ThrowawayPg } from './support/throwaway-pg';

jest.setTimeout(180_000);

let pg: ThrowawayPg;
let hub: TestHub;
let unit: string;
let auditor: string;
let projectId: string;
beforeAll(async () => {
  pg = await startThrowawayPg();
  hub = await startTestHub({ POOL_WAIT_MS: '1500', STATEMENT_TIMEOUT_MS: '3000', LOG_LEVEL: 'error' }, 'organizations', systemClock, pg.url);
  unit = await hub.token(Role.PROJECT_UNIT);
  auditor = await hub.token(Role.AUDITOR);
  projectId = (await insertProject(hub.ds, 'education')).id;
});
afterAll(async () => {
  await hub?.close().catch(() => undefined);
  pg?.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writers creating entries (each one row plus three data items in one transaction) until stopped. */
function writers(prefix: string, count = 2) {
  const acknowledged: string[] = [];
  const codes: Record<string, number> = {};
  let stop = false;
  let n = 0;
  const loops = Array.from({ length: count }, async () => {
    while (!stop) {
      const name = `${prefix}-${++n}`;
      try {
        const res = await hub.gql(CREATE, { input: resourceInput(projectId, { name }) }, unit);
        const code = res.errors?.[0]?.extensions?.code ?? (res.data?.resourceCreate?.userErrors?.length ? 'USER_ERROR' : 'OK');
        codes[code] = (codes[code] ?? 0) + 1;
        if (code === 'OK') acknowledged.push(name);
        if (code !== 'OK') await sleep(50);
      } catch (err) {
        codes[`fetch: ${(err as Error).message}`] = (codes[`fetch: ${(err as Error).message}`] ?? 0) + 1;
      }
    }
  });
  return {
    acknowledged,
    codes,
    stop: async () => {
      stop = true;
      await Promise.all(loops);
    },
  };
}

/** One read, answered within 10 s whatever happens (else the fetch aborts and the spec fails). */
async function probe(): Promise<{ ms: number; code: string; message?: string }> {
  const t0 = performance.now();
  const res = await postGraphql(hub.url, { query: '{ organizations { totalCount } }' }, { token: auditor, signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as any;
  return { ms: performance.now() - t0, code: body.errors?.[0]?.extensions?.code ?? 'OK', message: body.errors?.[0]?.message };
}

async function untilServing(): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < 300; i++) {
    if ((await probe()).code === 'OK') return performance.now() - t0;
    await sleep(100);
  }
  throw new Error('the hub did not recover within 30 s');
}

/** Every acknowledged entry is there, and no entry lacks its data items (nothing half-applied). */
async function expectIntact(prefix: string, acknowledged: string[]) {
  const rows: { name: string; items: number }[] = await hub.ds.query(
    `SELECT r.name, (SELECT count(*)::int FROM data_item d WHERE d.resource_id = r.id) AS items FROM information_resource r WHERE r.name LIKE $1`,
    [`${prefix}-%`],
  );
  const present = new Set(rows.map((r) => r.name));
  expect(acknowledged.filter((n) => !present.has(n))).toEqual([]);
  expect(rows.filter((r) => r.items !== 3)).toEqual([]);
  return rows.length;
}

it('the server stopped under load: DATABASE_UNAVAILABLE and /readyz 503 during, serving again after, nothing lost or half-written', async () => {
  const w = writers('stop');
  await sleep(1000);
  await pg.stop();
  const during: Awaited<ReturnType<typeof probe>>[] = [];
  const ready: number[] = [];
  for (let i = 0; i < 8; i++) {
    during.push(await probe());
    ready.push((await fetch(`${hub.url}/readyz`, { signal: AbortSignal.timeout(10_000) })).status);
  }
  await pg.start();
  const recoveredMs = await untilServing();
  await sleep(500);
  await w.stop();

  expect(during.map((d) => d.code)).toEqual(during.map(() => 'DATABASE_UNAVAILABLE'));
  expect(during[0].message).toMatch(/数据库暂不可用/);
  expect(ready).toEqual(ready.map(() => 503));
  expect(Object.keys(w.codes).filter((c) => !['OK', 'DATABASE_UNAVAILABLE'].includes(c))).toEqual([]);
  expect(w.acknowledged.length).toBeGreaterThan(0);
  const rows = await expectIntact('stop', w.acknowledged);
  expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
  const failMs = during.map((d) => d.ms).sort((a, b) => a - b);
  console.log(
    `server stopped: ${during.length} probes failed in ${failMs[0].toFixed(0)}–${failMs[failMs.length - 1].toFixed(0)} ms; recovered ${recoveredMs.toFixed(0)} ms after the restart; writers ${JSON.stringify(w.codes)}; ${w.acknowledged.length} acknowledged, ${rows} present`,
  );
});

it('every backend terminated with pg_terminate_backend, ten times under load: no other answer than success or DATABASE_UNAVAILABLE, nothing lost', async () => {
  const w = writers('terminate');
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  const dbName = new URL((hub.ds.options as { url: string }).url).pathname.slice(1);
  let killed = 0;
  try {
    for (let i = 0; i < 10; i++) {
      await sleep(200);
      const res = await admin.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
        dbName,
      ]);
      killed += res.rows[0].n;
    }
  } finally {
    await admin.end();
  }
  const recoveredMs = await untilServing();
  await sleep(300);
  await w.stop();
  expect(Object.keys(w.codes).filter((c) => !['OK', 'DATABASE_UNAVAILABLE'].includes(c))).toEqual([]);
  const rows = await expectIntact('terminate', w.acknowledged);
  console.log(
    `pg_terminate_backend ×10: ${killed} backends ended; writers ${JSON.stringify(w.codes)}; ${w.acknowledged.length} acknowledged, ${rows} present; serving ${recoveredMs.toFixed(0)} ms after the last`,
  );
});

it('a connection ended by the server while a transaction holds it between statements fails that transaction, not the process', async () => {
  const runner = hub.ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
  // The server's FATAL message arrives while no statement is in flight: it must find a listener.
  await sleep(300);
  await expect(runner.query('SELECT 1')).rejects.toThrow();
  await runner.release().catch(() => undefined);
  expect((await hub.gql('{ __typename }', {}, auditor)).data?.__typename).toBe('Query');
});
