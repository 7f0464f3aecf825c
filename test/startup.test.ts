/**
 * The hub as a newcomer runs it: `node dist/src/main.js` (what `npm start` runs after building),
 * on the embedded PostgreSQL with an empty data folder, then again on the same folder.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(__dirname, '../dist/src/main.js');
const TOKEN = path.join(__dirname, '../dist/scripts/token.js');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: NodeJS.ProcessEnv): Run {
  if (!fs.existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds it first (npm run build)');
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (err += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Generous limits: the spec waits for the hub on a loaded machine, it does not time it (speed is measured in bench/). */
async function listening(r: Run, timeoutMs = 240_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const m = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(r.stdout());
    if (m) return m[1];
    if (r.child.exitCode !== null) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`hub did not start:\n${r.stdout()}\n${r.stderr()}`);
}

/**
 * A script of the project run as a child, awaited without blocking this process: a blocked event loop
 * would keep fetch's pooled connection past the hub's keep-alive timeout, and the next request would
 * go out on a socket the hub has already closed.
 */
function tool(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = (err as (Error & { code?: unknown }) | null)?.code;
      resolve({ status: err ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr });
    });
  });
}

describe('starting the hub', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-start-'));
    fs.chmodSync(dir, 0o777); // the embedded server may run as the `postgres` user
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('on an empty data folder: starts embedded PostgreSQL with secrets of its own, loads the demo, prints demo users who can sign in; stops on SIGTERM', async () => {
    const dataDir = path.join(dir, 'pg');
    const first = run({ EMBEDDED_PG_DIR: dataDir });
    const url = await listening(first);
    // The demo users, one per role, with passwords shown this once.
    expect(first.stdout()).toContain('Demo users (shown once');
    const [, login, password] = /^\s+ADMIN\s+(\S+)\s+(\S+)/m.exec(first.stdout()) ?? [];
    expect(login).toBe('admin');
    const signIn = (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { accessToken } userErrors { message } } }',
          variables: { input: { login, password } },
        }),
      })
    ).json()) as any;
    const token = signIn.data.sessionCreate.session.accessToken as string;
    // The token key and the superuser password are random, kept in the data folder, readable by its owner only.
    const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'catalogue-hub.secrets.json'), 'utf8'));
    expect(secrets.jwtSecret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(secrets.postgresPassword).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.statSync(path.join(dataDir, 'catalogue-hub.secrets.json')).mode & 0o777).toBe(0o600);
    expect(token).toBeDefined();
    expect(first.stdout()).toContain('demo district loaded');

    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { roles } organizations { totalCount } }' }),
    });
    const body = (await res.json()) as any;
    expect(body.data.viewer.roles).toEqual(['ADMIN']);
    const seeded = body.data.organizations.totalCount;
    expect(seeded).toBeGreaterThan(30);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);

    // `npm run token` attaches to the running embedded server and signs for the role's seeded office.
    const auditor = await tool([TOKEN, '--role', 'AUDITOR'], { PATH: process.env.PATH, EMBEDDED_PG_DIR: dataDir });
    expect(auditor.status).toBe(0);
    const viewer = (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${auditor.stdout.trim()}` },
        body: JSON.stringify({ query: '{ viewer { roles organization { name } } }' }),
      })
    ).json()) as any;
    expect(viewer.data.viewer).toEqual({ roles: ['AUDITOR'], organization: { name: '宿城区审计局' } });
    const unknown = await tool([TOKEN, '--role', 'AUDITOR', '--org', '91350200776049653A'], { PATH: process.env.PATH, EMBEDDED_PG_DIR: dataDir });
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('no organisation with credit code 91350200776049653A');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(first.stderr()).toBe('');

    // A second start reuses the data and loads nothing again.
    const second = run({ EMBEDDED_PG_DIR: dataDir });
    const url2 = await listening(second);
    expect(second.stdout()).not.toContain('demo district loaded');
    expect(second.stdout()).not.toContain('Demo users');
    const again = (await (
      await fetch(url2, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ organizations { totalCount } }' }),
      })
    ).json()) as any;
    expect(again.data.organizations.totalCount).toBe(seeded);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 600_000);

  it('with an unreachable database: one clear log line, exit code ≠ 0, nothing on stderr', async () => {
    const r = run({ DATABASE_URL: 'postgres://hub:secret@127.0.0.1:1/nowhere' });
    const code = await r.exited;
    expect(code).not.toBe(0);
    const lines = r.stdout().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 60, msg: expect.stringContaining('database unavailable') });
    expect(lines[0]).not.toContain('secret');
    expect(r.stderr()).toBe('');
  });

  it('with a bad setting: names the variable and exits ≠ 0', async () => {
    const r = run({ PORT: 'eighty', DATABASE_URL: 'postgres://x@127.0.0.1:1/x' });
    expect(await r.exited).toBe(2);
    expect(r.stderr()).toContain('PORT');
  });
});
