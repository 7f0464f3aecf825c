/**
 * The hub killed (SIGKILL) in the middle of a write (issue "Resilience"): an aggregation batch, a
 * catalogue import and an acceptance snapshot; and stopped (SIGTERM) with a write in flight. The built hub (`node dist/src/main.js`) runs as a
 * child process on a database of the spec's own. To kill it at a known point, the spec holds a
 * table lock the write needs half-way: the hub's transaction has run its first statements
 * (locked its targets, written its first rows) and waits; then the process is killed and the
 * lock let go. After the restart each write is wholly
 * absent; retrying it gives the whole write, and retrying once more changes nothing.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { systemClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { UpdateFrequency } from '../src/modules/catalogue';
import { InterfaceKind, MountStatus, SharingInterface } from '../src/modules/sharing';
import { createServices, Services } from '../src/services';
import { seedOrganizations } from '../seeds/demo';
import { tokenFor } from '../seeds/tokens';
import { A, applicationDocs, completeResource, trialProject } from './support/acceptance';
import { codeOf, insertProject, orgId } from './support/catalogue';
import { filledTemplate, row } from './support/exchange';
import { freshDatabase, TestHub, gqlAt } from './support/hub';
import { insertResource } from './support/projects';

jest.setTimeout(300_000);

const MAIN = path.join(__dirname, '../dist/src/main.js');
const SECRET = 'kill-spec-secret-0123456789abcdef0123456789';

let db: { url: string; drop: () => Promise<void> };
let ds: DataSource;
let services: Services;
let admin: Client;

interface RunningHub {
  url: string;
  child: ChildProcess;
}

async function startHub(env: NodeJS.ProcessEnv = {}): Promise<RunningHub & { output: () => string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      JWT_SECRET: SECRET,
      PORT: '0',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      // The write waits for the spec's lock: no statement timeout may end it first.
      STATEMENT_TIMEOUT_MS: '120000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  for (let i = 0; i < 1200; i++) {
    const url = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(out)?.[1];
    if (url) return { url, child, output: () => out };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the hub did not start: ${out.slice(-2000)}`);
}

async function kill(hub: RunningHub): Promise<void> {
  const exited = new Promise((r) => hub.child.once('exit', r));
  hub.child.kill('SIGKILL');
  await exited;
}

const token = async (role: Role, credit?: string) => (await tokenFor(ds, services.tokens, role, credit)).token;

const gql = (hub: RunningHub, query: string, variables: unknown, bearer: string): Promise<any> => gqlAt(hub.url, query, variables, { token: bearer });

/**
 * Holds `LOCK TABLE <table> IN SHARE MODE` until the hub's transaction has written something and
 * waits for the lock, kills the hub there, lets the lock go and waits for the orphaned backend to
 * end (it finds its client gone and rolls back).
 */
async function killMidWrite(hub: RunningHub, table: string, start: () => Promise<unknown>): Promise<{ wrote: boolean }> {
  const release = await holdLock(table);
  const inFlight = start().then(
    (r) => (r instanceof Response ? r.status : r),
    (e: Error) => e.message,
  );
  let waiter: { pid: number; wrote: boolean };
  try {
    waiter = await waitingFor(table);
  } catch (err) {
    await kill(hub);
    await admin.query('ROLLBACK');
    throw new Error(`${(err as Error).message}; ${JSON.stringify(await inFlight)}`, { cause: err });
  }
  await kill(hub);
  await inFlight;
  await release();
  const ended = await poll(async () => ((await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [waiter.pid])).rowCount === 0 ? true : undefined));
  if (!ended) throw new Error(`backend ${waiter.pid} of the killed hub did not end`);
  return { wrote: waiter.wrote };
}

/** Asks `probe` every 50 ms, 600 times at most (30 s), until it answers something; undefined if it never did. */
async function poll<T>(probe: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let i = 0; i < 600; i++) {
    const answer = await probe();
    if (answer !== undefined) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/**
 * The hub's backend waiting for the lock on `table` (asked until one does, 30 s at most), and
 * whether it has written yet; when none waited, throws with what the database's sessions were doing.
 */
async function waitingFor(table: string): Promise<{ pid: number; wrote: boolean }> {
  const found = await poll(async () => {
    // pg_stat_activity is read once per transaction, and the caller may hold a lock in one: read it anew.
    await admin.query('SELECT pg_stat_clear_snapshot()');
    const rows = await admin.query(
      `SELECT a.pid, a.backend_xid IS NOT NULL AS wrote FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted AND l.relation = $1::regclass
        WHERE a.datname = current_database() AND a.application_name = 'catalogue-hub'`,
      [table],
    );
    return rows.rows[0] as { pid: number; wrote: boolean } | undefined;
  });
  if (found) return found;
  const seen = await admin.query(
    `SELECT application_name, state, wait_event_type, backend_xid, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database()`,
  );
  throw new Error(`the hub's write never waited for the lock on ${table}: ${JSON.stringify(seen.rows)}`);
}

const count = async (sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0].n as number;

beforeAll(async () => {
  db = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, DATABASE_URL: db.url });
  ds = createDataSource({ url: db.url });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedOrganizations(ds);
  services = createServices(ds, config, systemClock);
  admin = new Client({ connectionString: db.url });
  admin.on('error', () => undefined);
  await admin.connect();
});
afterAll(async () => {
  await admin?.end().catch(() => undefined);
  await ds?.destroy().catch(() => undefined);
  await db?.drop().catch(() => undefined);
});

const REPORT = `mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted duplicates userErrors { code } } }`;

it('an aggregation batch of 1,000 runs: killed while its transaction holds its interfaces, absent after; the retry stores all 1,000 once', async () => {
  const project = await insertProject(ds, 'education');
  const provider = await orgId(ds, 'education');
  const fake = { ds } as TestHub;
  const interfaces: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await insertResource(fake, project.id, provider);
    const { identifiers } = await ds.getRepository(SharingInterface).insert({
      resourceId: r.id,
      kind: InterfaceKind.REST_API,
      endpoint: `https://exchange.sucheng.gov.cn/api/kill-${i}`,
      syncFrequency: UpdateFrequency.DAILY,
      mountStatus: MountStatus.MOUNTED,
      platformId: `SQ-KILL-${i}`,
    });
    interfaces.push(identifiers[0].id as string);
  }
  const runs = Array.from({ length: 1000 }, (_, i) => ({
    interfaceId: interfaces[i % interfaces.length],
    platformRunId: `SQ-KILL-RUN-${i}`,
    ranAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
    mode: 'INCREMENTAL',
    records: 10,
    outcome: 'SUCCEEDED',
  }));
  const platform = await token(Role.PLATFORM);
  let hub = await startHub();
  // The batch is one statement after the one that locks its interfaces and entries.
  await killMidWrite(hub, 'aggregation_run', () => gql(hub, REPORT, { input: { runs } }, platform));
  expect(await count(`SELECT count(*)::int AS n FROM aggregation_run`)).toBe(0);
  expect(await count(`SELECT count(*)::int AS n FROM interface_run_times WHERE last_run_at IS NOT NULL AND interface_id = ANY($1)`, [interfaces])).toBe(0);

  hub = await startHub();
  try {
    const first = (await gql(hub, REPORT, { input: { runs } }, platform)).data.aggregationRunsReport;
    expect(first).toMatchObject({ accepted: 1000, duplicates: 0, userErrors: [] });
    const again = (await gql(hub, REPORT, { input: { runs } }, platform)).data.aggregationRunsReport;
    expect(again).toMatchObject({ accepted: 0, duplicates: 1000, userErrors: [] });
    expect(await count(`SELECT count(*)::int AS n FROM aggregation_run`)).toBe(1000);
  } finally {
    await kill(hub);
  }
});

it('a catalogue import of 100 entries: killed after its entries were written and before their data items, absent after; the retry imports all 100 once', async () => {
  const project = await insertProject(ds, 'education');
  const unit = await token(Role.PROJECT_UNIT, codeOf('education'));
  let hub = await startHub();
  const template = Buffer.from(await (await fetch(`${hub.url}/catalogue/template.xlsx`)).arrayBuffer());
  const rows = Array.from({ length: 100 }, (_, i) => row({ 信息资源名称: `中断导入${i}`, 信息资源代码: `301001/${String(i + 1).padStart(6, '0')}` }));
  const file = await filledTemplate(template, rows);
  const upload = (h: RunningHub) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'catalogue.xlsx');
    return fetch(`${h.url}/catalogue/import?project=${project.code}`, { method: 'POST', headers: { authorization: `Bearer ${unit}` }, body: form });
  };
  const entries = () => count(`SELECT count(*)::int AS n FROM information_resource WHERE project_id = $1`, [project.id]);
  // The entries are written (the transaction has its id) when it waits for data_item.
  expect(await killMidWrite(hub, 'data_item', () => upload(hub))).toEqual({ wrote: true });
  expect(await entries()).toBe(0);

  hub = await startHub();
  try {
    const first = await upload(hub);
    expect(first.status).toBe(200);
    expect(await entries()).toBe(100);
    const items = await count(`SELECT count(*)::int AS n FROM data_item d JOIN information_resource r ON r.id = d.resource_id WHERE r.project_id = $1`, [
      project.id,
    ]);
    const again = await upload(hub);
    expect(again.status).toBe(200);
    expect(await entries()).toBe(100);
    expect(
      await count(`SELECT count(*)::int AS n FROM data_item d JOIN information_resource r ON r.id = d.resource_id WHERE r.project_id = $1`, [project.id]),
    ).toBe(items);
  } finally {
    await kill(hub);
  }
});

it('an acceptance application: killed after the application row and before its snapshot, absent after; the retry applies once with its snapshot', async () => {
  const fake = { ds } as TestHub;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const project = await trialProject(fake, { lead: 'health', goLiveDate: day(-150), trialEndDate: day(-2) });
  const r = await completeResource(fake, project.id, 'health', { publishedOn: day(-140), lastAggregatedAt: new Date(Date.now() - 3600_000) });
  await ds.query(
    `UPDATE interface_run_times SET last_success_at = now() - interval '1 hour' WHERE interface_id IN (SELECT id FROM sharing_interface WHERE resource_id = $1)`,
    [r.id],
  );
  const unit = await token(Role.PROJECT_UNIT, codeOf('health'));
  const input = { projectId: project.id, documents: applicationDocs() };
  const applications = () => count(`SELECT count(*)::int AS n FROM acceptance_application WHERE project_id = $1`, [project.id]);
  const snapshots = () =>
    count(`SELECT count(*)::int AS n FROM acceptance_snapshot s JOIN acceptance_application a ON a.id = s.application_id WHERE a.project_id = $1`, [
      project.id,
    ]);
  let hub = await startHub();
  expect(await killMidWrite(hub, 'acceptance_snapshot', () => gql(hub, A.apply, { input }, unit))).toEqual({ wrote: true });
  expect(await applications()).toBe(0);
  expect(await snapshots()).toBe(0);

  hub = await startHub();
  try {
    const first = (await gql(hub, A.apply, { input }, unit)).data.acceptanceApply;
    expect(first.userErrors).toEqual([]);
    expect(first.acceptanceApplication.snapshot.verify).toBe(true);
    const again = (await gql(hub, A.apply, { input }, unit)).data.acceptanceApply;
    expect(again.userErrors.length).toBeGreaterThan(0);
    expect(await applications()).toBe(1);
    expect(await snapshots()).toBe(1);
  } finally {
    await kill(hub);
  }
});

/** Holds a SHARE lock on `table` until the returned function is called. */
async function holdLock(table: string): Promise<() => Promise<void>> {
  await admin.query('BEGIN');
  await admin.query(`LOCK TABLE ${table} IN SHARE MODE`);
  return async () => void (await admin.query('COMMIT'));
}

describe('graceful shutdown (SIGTERM)', () => {
  const runs = (prefix: string, interfaceId: string) =>
    Array.from({ length: 10 }, (_, i) => ({
      interfaceId,
      platformRunId: `${prefix}-${i}`,
      ranAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      mode: 'INCREMENTAL',
      records: 1,
      outcome: 'SUCCEEDED',
    }));
  let interfaceId: string;
  beforeAll(async () => {
    const project = await insertProject(ds, 'education');
    const r = await insertResource({ ds } as TestHub, project.id, await orgId(ds, 'education'));
    const { identifiers } = await ds.getRepository(SharingInterface).insert({
      resourceId: r.id,
      kind: InterfaceKind.REST_API,
      endpoint: 'https://exchange.sucheng.gov.cn/api/term',
      syncFrequency: UpdateFrequency.DAILY,
      mountStatus: MountStatus.MOUNTED,
      platformId: 'SQ-TERM-1',
    });
    interfaceId = identifiers[0].id as string;
  });

  it('drains the write in flight (it commits and is answered), refuses new connections meanwhile, then exits 0', async () => {
    const platform = await token(Role.PLATFORM);
    const hub = await startHub();
    const release = await holdLock('aggregation_run');
    const inFlight = gql(hub, REPORT, { input: { runs: runs('SQ-TERM-A', interfaceId) } }, platform);
    await waitingFor('aggregation_run');
    const exited = new Promise<number | null>((r) => hub.child.once('exit', (code) => r(code)));
    hub.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    // Stopping: the listening socket is closed, a new request cannot get in.
    await expect(fetch(`${hub.url}/healthz`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
    await release();
    const answer = await inFlight;
    expect(answer.data.aggregationRunsReport).toMatchObject({ accepted: 10, userErrors: [] });
    expect(await exited).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM aggregation_run WHERE platform_run_id LIKE 'SQ-TERM-A-%'`)).toBe(10);
    expect(hub.output()).toMatch(/shutting down/);
  });

  it('gives up after SHUTDOWN_TIMEOUT_MS with the write still waiting: exits 1, saying so, and the write is absent', async () => {
    const platform = await token(Role.PLATFORM);
    const hub = await startHub({ SHUTDOWN_TIMEOUT_MS: '1500' });
    const release = await holdLock('aggregation_run');
    const inFlight = gql(hub, REPORT, { input: { runs: runs('SQ-TERM-B', interfaceId) } }, platform).catch((e: Error) => e);
    await waitingFor('aggregation_run');
    const exited = new Promise<number | null>((r) => hub.child.once('exit', (code) => r(code)));
    const t0 = Date.now();
    hub.child.kill('SIGTERM');
    const code = await exited;
    const tookMs = Date.now() - t0;
    await release();
    expect(code).toBe(1);
    // The connection was cut: the client sees a failed fetch, not an answer.
    expect(await inFlight).toMatchObject({ message: expect.stringMatching(/fetch failed|terminated|socket/i) });
    expect(hub.output()).toMatch(/shutdown timed out/);
    // Bounded: the timeout, plus the time a loaded machine takes to notice it.
    expect(tookMs).toBeLessThan(60_000);
    for (let i = 0; i < 100; i++) {
      const rows = await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'catalogue-hub' AND state <> 'idle'`,
      );
      if (rows.rowCount === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await count(`SELECT count(*)::int AS n FROM aggregation_run WHERE platform_run_id LIKE 'SQ-TERM-B-%'`)).toBe(0);
    console.log(`SIGTERM with a write held: exited ${tookMs} ms later (SHUTDOWN_TIMEOUT_MS 1500)`);
  });
});
