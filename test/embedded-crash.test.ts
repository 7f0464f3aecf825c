/**
 * The embedded PostgreSQL killed under the running hub (`node dist/src/main.js`): the hub notices,
 * starts it again on the same folder and port, and serves again without a restart of its own;
 * SIGTERM still shuts it down cleanly afterwards.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(180_000);
const MAIN = path.join(__dirname, '../dist/src/main.js');

it('SIGKILL of the embedded postmaster: DATABASE_UNAVAILABLE meanwhile, restarted by the hub, serving again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-crash-'));
  fs.chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'pg');
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', EMBEDDED_PG_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  try {
    let base = '';
    const adminLine = /^\s+ADMIN\s+(\S+)\s+(\S+)/m;
    for (let i = 0; i < 1200 && !(base && adminLine.test(out)); i++) {
      base = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(out)?.[1] ?? '';
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(base).not.toBe('');
    // The demo admin printed at first start signs in for a token.
    const [, login, password] = adminLine.exec(out)!;
    const signIn = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { accessToken } } }',
        variables: { input: { login, password } },
      }),
    });
    const admin = ((await signIn.json()) as any).data.sessionCreate.session.accessToken as string;
    const ask = async () => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ organizations { totalCount } }' }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as any;
      return body.errors?.[0]?.extensions?.code ?? 'OK';
    };
    expect(await ask()).toBe('OK');

    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    const seen = new Set<string>();
    const t0 = Date.now();
    let back = false;
    while (!back && Date.now() - t0 < 60_000) {
      const code = await ask();
      seen.add(code);
      back = code === 'OK' && seen.size > 1;
      if (!back) await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`embedded postmaster killed: answers meanwhile ${[...seen].join(', ')}; serving again after ${Date.now() - t0} ms`);
    expect(back).toBe(true);
    expect([...seen].filter((c) => !['OK', 'DATABASE_UNAVAILABLE'].includes(c))).toEqual([]);
    expect(out).toContain('restarted it');
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) console.log(out.split('\n').slice(-8).join('\n'));
    expect(code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
