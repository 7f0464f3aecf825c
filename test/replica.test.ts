/**
 * Read replicas (DATABASE_REPLICA_URLS): a real primary and a real streaming replica of it
 * (Debian's PostgreSQL 15: initdb, pg_basebackup -R, pg_ctl) on ports 5750-5799, the hub's
 * migrations on the primary, hubs reading from the replica. Which server answered is proved by
 * the data: with the replica's replay paused (pg_wal_replay_pause) a write is on the primary only,
 * so an answer without it came from the replica, an answer with it from the primary.
 */
import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { Role } from '../src/common/role.enums';
import { startTestHubOn, TestHub } from './support/hub';
import { startStreamingReplica, startThrowawayPg, ThrowawayPg } from './support/throwaway-pg';

jest.setTimeout(120_000);

const UPDATE = `mutation ($input: OrganizationUpdateInput!) {
  organizationUpdate(input: $input) { organization { id name } userErrors { code field message } }
}`;
const READ = `query ($id: ID!) { organization(id: $id) { id name } }`;

/** A free loopback port in 5750-5799. */
async function portInRange(taken: number[]): Promise<number> {
  for (let port = 5750 + Math.floor(Math.random() * 50), tries = 0; tries < 50; tries++, port = 5750 + ((port - 5750 + 1) % 50)) {
    if (taken.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 5750-5799');
}

async function sql<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

interface Answer {
  status: number;
  name?: string;
  errors?: unknown[];
  readFrom: string | null;
  readAfter: string | null;
  cookie: string | null;
}

async function gql(
  hub: TestHub,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  headers: Record<string, string> = {},
): Promise<Answer & { data: any }> {
  const res = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  return {
    status: res.status,
    data: body.data,
    errors: body.errors,
    readFrom: res.headers.get('x-hub-read-from'),
    readAfter: res.headers.get('x-hub-read-after'),
    cookie: res.headers.get('set-cookie'),
  };
}

let primary: ThrowawayPg;
let replica: ThrowawayPg;
let hub: TestHub;
/** A second hub process of the same primary and replica: it shares nothing with the first but PostgreSQL and what the client brings. */
let other: TestHub;
let env: Record<string, string>;
let writer: string;
let reader: string;
let orgId: string;

const read = async (via: TestHub, token: string, headers?: Record<string, string>) => {
  const a = await gql(via, READ, { id: orgId }, token, headers);
  return { ...a, name: a.data?.organization?.name as string | undefined };
};

/** Until the replica has replayed everything the primary has written. */
async function caughtUp(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const [{ lsn }] = await sql(primary.url, 'SELECT pg_current_wal_lsn()::text AS lsn');
    const [{ ok }] = await sql(replica.url, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the replica does not catch up');
}

/** Until every hub's poller has seen the replica in `state`. */
async function replicaState(state: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const seen = await Promise.all(
      [hub, other].map(async (h) => ((await (await fetch(`${h.url}/readyz`)).json()) as { replicas: { state: string }[] }).replicas[0].state),
    );
    if (seen.every((s) => s === state)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the replica is not seen ${state}`);
}

const pause = () => sql(replica.url, 'SELECT pg_wal_replay_pause()');
const resume = () => sql(replica.url, 'SELECT pg_wal_replay_resume()');

beforeAll(async () => {
  const primaryPort = await portInRange([]);
  primary = await startThrowawayPg(undefined, { port: primaryPort });
  replica = await startStreamingReplica(primary, { port: await portInRange([primaryPort]) });
  // One token key for both hubs, as for several processes of one deployment.
  env = { DATABASE_URL: primary.url, DATABASE_REPLICA_URLS: replica.url, REPLICA_CHECK_MS: '100', LOG_LEVEL: 'error', JWT_SECRET: 'r'.repeat(48) };
  hub = await startTestHubOn({ url: primary.url }, env, 'organizations');
  other = await startTestHubOn({ url: primary.url }, env, 'none');
  writer = await hub.token(Role.ADMIN);
  reader = await hub.token(Role.ADMIN, undefined, 'replica-reader', '只读管理员');
  [{ id: orgId }] = await sql(primary.url, 'SELECT id FROM organization ORDER BY credit_code LIMIT 1');
  await caughtUp();
  await replicaState('up');
});

afterAll(async () => {
  await other?.close();
  await hub?.close();
  replica?.destroy();
  primary?.destroy();
});

describe('read replicas', () => {
  it('are reported by /readyz', async () => {
    const res = await fetch(`${hub.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; replicas: Record<string, unknown>[] };
    expect(body.status).toBe('ready');
    // the lag is whatever the last check saw (the hub's own background writes may be replaying): a number, and 'up' means within the bound
    expect(body.replicas).toEqual([
      expect.objectContaining({ name: 'replica 1', where: `127.0.0.1:${replica.port}/postgres`, state: 'up', lagMs: expect.any(Number) }),
    ]);
    expect(JSON.stringify(body)).not.toContain('postgres://');
  });

  it('serve the queries: a write the replica has not replayed yet is not in the answer', async () => {
    await pause();
    try {
      // Written behind the hub's back: no caller has a position to wait for.
      await sql(primary.url, 'UPDATE organization SET name = $1 WHERE id = $2', ['直接写入的名称', orgId]);
      const onReplica = await read(hub, reader);
      expect(onReplica).toMatchObject({ status: 200, readFrom: 'replica 1' });
      expect(onReplica.errors).toBeUndefined();
      expect(onReplica.name).not.toBe('直接写入的名称');
    } finally {
      await resume();
    }
    await caughtUp();
    expect(await read(hub, reader)).toMatchObject({ readFrom: 'replica 1', name: '直接写入的名称' });
  });

  it('send a mutation to the primary, and its caller reads their write at once while the replica does not have it; others read the replica', async () => {
    await replicaState('up');
    const [{ name: before }] = await sql(primary.url, 'SELECT name FROM organization WHERE id = $1', [orgId]);
    await pause();
    try {
      const wrote = await gql(hub, UPDATE, { input: { id: orgId, name: '副本测试单位' } }, writer);
      expect(wrote.data.organizationUpdate).toEqual({ organization: { id: orgId, name: '副本测试单位' }, userErrors: [] });
      expect(wrote.readFrom).toBe('primary');
      // The commit's WAL position, in a header and a cookie.
      expect(wrote.readAfter).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(wrote.cookie).toContain(`hub_read_after=${wrote.readAfter}`);
      const [{ replayed }] = await sql(replica.url, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed', [wrote.readAfter]);
      expect(replayed).toBe(false);

      // (b) The writer, right away: from the primary, with the write (this hub remembers the caller).
      expect(await read(hub, writer)).toMatchObject({ status: 200, readFrom: 'primary', name: '副本测试单位' });
      // (c) Another caller: from the replica, which has not replayed the write yet.
      expect(await read(hub, reader)).toMatchObject({ status: 200, readFrom: 'replica 1', name: before });

      // Another hub process knows nothing of the write: the header or the cookie the client sends back routes the read.
      expect(await read(other, writer)).toMatchObject({ readFrom: 'replica 1', name: before });
      expect(await read(other, writer, { 'x-hub-read-after': wrote.readAfter! })).toMatchObject({ readFrom: 'primary', name: '副本测试单位' });
      expect(await read(other, writer, { cookie: `other=1; hub_read_after=${wrote.readAfter}` })).toMatchObject({ readFrom: 'primary', name: '副本测试单位' });
      // A malformed position is ignored, never refused.
      expect(await read(other, writer, { 'x-hub-read-after': 'not an lsn' })).toMatchObject({ status: 200, readFrom: 'replica 1' });
    } finally {
      await resume();
    }
    // Once the replica has replayed the write, the writer reads from it again.
    await caughtUp();
    expect(await read(hub, writer)).toMatchObject({ readFrom: 'replica 1', name: '副本测试单位' });
    expect(
      await read(other, writer, { 'x-hub-read-after': (await gql(hub, UPDATE, { input: { id: orgId, name: '副本测试单位二' } }, writer)).readAfter! }),
    ).toMatchObject({
      name: '副本测试单位二',
    });
  });

  it('serve the exports too, with read-your-writes', async () => {
    await caughtUp();
    await replicaState('up');
    const exported = async (token: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${hub.url}/catalogue/export.csv`, { headers: { authorization: `Bearer ${token}`, ...headers } });
      await res.arrayBuffer();
      return { status: res.status, readFrom: res.headers.get('x-hub-read-from') };
    };
    expect(await exported(reader)).toEqual({ status: 200, readFrom: 'replica 1' });
    await pause();
    try {
      const wrote = await gql(other, UPDATE, { input: { id: orgId, name: '导出前写入' } }, reader);
      expect(wrote.data.organizationUpdate.userErrors).toEqual([]);
      // This hub did not serve the write: the header brings it.
      expect(await exported(reader, { 'x-hub-read-after': wrote.readAfter! })).toEqual({ status: 200, readFrom: 'primary' });
      expect(await exported(writer)).toEqual({ status: 200, readFrom: 'replica 1' });
    } finally {
      await resume();
    }
    // Back for the next spec.
    expect((await gql(hub, UPDATE, { input: { id: orgId, name: '副本测试单位二' } }, writer)).data.organizationUpdate.userErrors).toEqual([]);
  });

  it('fall back to the primary when the replica stops, with no error, and are used again when it is back', async () => {
    await caughtUp();
    await replicaState('up');
    await replica.stop();
    // Right away, before any check has noticed: the caller still gets an answer.
    const first = await read(hub, reader);
    expect(first.errors).toBeUndefined();
    expect(first).toMatchObject({ status: 200, readFrom: 'primary', name: '副本测试单位二' });
    await replicaState('down');
    const later = await read(other, reader);
    expect(later.errors).toBeUndefined();
    expect(later).toMatchObject({ status: 200, readFrom: 'primary' });
    const ready = await fetch(`${hub.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { replicas: { state: string }[] }).replicas[0].state).toBe('down');
    // Writes never needed it.
    expect((await gql(hub, UPDATE, { input: { id: orgId, name: '副本停止时写入' } }, writer)).data.organizationUpdate.userErrors).toEqual([]);

    await replica.start();
    await caughtUp();
    await replicaState('up');
    expect(await read(hub, reader)).toMatchObject({ status: 200, readFrom: 'replica 1', name: '副本停止时写入' });
  });

  // The long part (a hub process of its own, a replica made to lag): `npm run test:replica`.
  (process.env.REPLICA_SPEC_FULL === '1' ? it : it.skip)(
    'are used by the hub started as a process (main.ts), which leaves a replica lagging more than REPLICA_MAX_LAG_MS for the primary',
    async () => {
      await caughtUp();
      const port = String(4450 + Math.floor(Math.random() * 50));
      const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, '../dist/src/main.js')], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...env,
          NODE_ENV: 'test',
          PORT: port,
          REPLICA_MAX_LAG_MS: '500',
          NOTIFY_WORKER: 'false',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      const url = `http://127.0.0.1:${port}`;
      const status = async () => {
        try {
          const res = await fetch(`${url}/readyz`);
          return res.status === 200 ? ((await res.json()) as { replicas: { state: string }[] }).replicas[0].state : null;
        } catch {
          return null;
        }
      };
      const until = async (state: string) => {
        for (let i = 0; i < 600 && (await status()) !== state; i++) {
          if (child.exitCode !== null) throw new Error(`the hub exited ${child.exitCode}: ${output}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(await status()).toBe(state);
      };
      const proc = { url } as TestHub;
      try {
        await until('up');
        expect(await read(proc, reader)).toMatchObject({ status: 200, readFrom: 'replica 1', name: '副本停止时写入' });
        await pause();
        try {
          await sql(primary.url, 'UPDATE organization SET name = $1 WHERE id = $2', ['复制延迟时写入', orgId]);
          // Behind the primary for more than half a second: not read from, by anyone.
          await until('lagging');
          expect(await read(proc, reader)).toMatchObject({ status: 200, readFrom: 'primary', name: '复制延迟时写入' });
        } finally {
          await resume();
        }
        await until('up');
        expect(await read(proc, reader)).toMatchObject({ status: 200, readFrom: 'replica 1', name: '复制延迟时写入' });
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      }
      expect(output).not.toMatch(/"level":(50|60)/);
    },
  );
});
