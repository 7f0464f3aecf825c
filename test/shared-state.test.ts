/**
 * Several hub processes behind one address share nothing but PostgreSQL: two hubs on one database
 * enforce one rate limit per caller (the token buckets live in `rate_limit_bucket`) and honour one
 * Idempotency-Key (the stored answers live in `idempotency_key`).
 */
import { spawn, ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Role } from '../src/common/role.enums';
import { CREATE, insertProject, resourceInput } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
let other: { url: string; child: ChildProcess };

/** A second hub process (dist/src/main.js) on the first one's database, with its settings. */
async function startSecondHub(url: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = 4400 + (process.pid % 40);
  const child = spawn(process.execPath, [path.join(__dirname, '../dist/src/main.js')], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      NOTIFY_WORKER: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`second hub exited: ${output}`);
    const up = await fetch(`${base}/graphql?query=%7B__typename%7D`).then(
      () => true,
      () => false,
    );
    if (up) return { url: base, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`second hub did not start: ${output}`);
}

const SETTINGS = {
  RATE_LIMIT_REQUESTS: '6',
  RATE_LIMIT_WINDOW_SECONDS: '3600',
  MAX_CONCURRENT_PER_CALLER: '4',
  JWT_SECRET: 'shared-state-spec-secret-of-32-characters!',
};

beforeAll(async () => {
  hub = await startTestHub(SETTINGS);
  other = await startSecondHub((hub.ds.options as { url: string }).url, SETTINGS);
});
afterAll(async () => {
  other?.child.kill();
  await hub?.close();
});

const post = (base: string, token: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

it('one rate limit over both hubs: six requests in the window pass, alternating, and the seventh is refused by either', async () => {
  const token = await hub.token(Role.AUDITOR);
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await post(i % 2 ? other.url : hub.url, token, { query: '{ viewer { roles } }' })).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  for (const base of [hub.url, other.url]) {
    const over = await post(base, token, { query: '{ viewer { roles } }' });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await over.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  }
  // Another caller has a bucket of their own.
  expect((await post(other.url, await hub.token(Role.EXPERT), { query: '{ viewer { roles } }' })).status).toBe(200);
});

it('requests arriving at once at both hubs take exactly the bucket', async () => {
  const token = await hub.token(Role.BIG_DATA_BUREAU);
  const statuses = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => (await post(i % 2 ? other.url : hub.url, token, { query: '{ viewer { roles } }' })).status),
  );
  expect(statuses.filter((s) => s === 200)).toHaveLength(6);
  expect(statuses.filter((s) => s === 429)).toHaveLength(2);
});

it('one Idempotency-Key over both hubs: the answer stored by one is replayed by the other, one entry', async () => {
  const projectId = (await insertProject(hub.ds, 'education')).id;
  const token = await hub.token(Role.PROJECT_UNIT);
  const body = { query: CREATE, variables: { input: resourceInput(projectId, { name: '两个进程共用的幂等键' }) } };
  const first = await post(hub.url, token, body, { 'idempotency-key': 'shared-state-key' });
  const stored = await first.text();
  const replay = await post(other.url, token, body, { 'idempotency-key': 'shared-state-key' });
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
  expect(await replay.text()).toBe(stored);
  const [{ n }] = await hub.ds.query(`SELECT count(*)::int AS n FROM information_resource WHERE name = '两个进程共用的幂等键'`);
  expect(n).toBe(1);
});
