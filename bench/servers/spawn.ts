/** Starting the three servers of the benchmark as child processes that count their SQL statements. */
import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const COUNTER = path.join(__dirname, '../count-statements.js');

/** The node flags `npm start` gives the hub (package.json), so that the benchmark runs it the same way. */
function hubNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { scripts: { start: string } };
  const m = /node((?: --\S+)*) dist\/src\/main\.js/.exec(pkg.scripts.start);
  return m ? m[1].trim().split(' ').filter(Boolean) : [];
}

export interface Running {
  name: string;
  url: string;
  child: ChildProcess;
  /** SQL statements the server has sent so far. */
  statements(): Promise<number>;
  /** Resident memory of the process, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function wrap(name: string, child: ChildProcess, url: string): Running {
  return {
    name,
    url,
    child,
    statements: () =>
      new Promise((resolve) => {
        const on = (m: { count?: number }) => {
          if (typeof m?.count !== 'number') return;
          child.off('message', on);
          resolve(m.count);
        };
        child.on('message', on);
        child.send({ count: true });
      }),
    rssMiB: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A bench server script that reports its port over IPC once it listens. */
export async function startScript(name: string, script: string, env: NodeJS.ProcessEnv): Promise<Running> {
  const child = fork(path.join(__dirname, script), [], {
    env: { ...process.env, ...env },
    execArgv: ['-r', COUNTER],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { port?: number }) => m?.port && resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return wrap(name, child, `http://127.0.0.1:${port}`);
}

/**
 * The built hub (`dist/src/main.js`, what `npm start` runs) in production mode on a database the
 * caller names; `main` another build's, then named `name` and without this build's statement counter.
 */
export async function startHubProcess(env: NodeJS.ProcessEnv, other?: { main: string; name: string }): Promise<Running> {
  const port = await freePort();
  const main = other?.main ?? path.join(__dirname, '../../src/main.js');
  const child = fork(main, [], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      RUN_MIGRATIONS: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      // The benchmark's one token per role stands for many callers: the per-caller rate limit and
      // concurrency cap (300 a minute, 4 at once) would answer most of its requests 429, which
      // PostGraphile and the SQL server, having no such limits, never do.
      RATE_LIMIT_REQUESTS: '0',
      MAX_CONCURRENT_PER_CALLER: '1000',
      // Likewise PostGraphile's pool queues a request as long as it takes: the hub's production
      // wait for a pooled connection (5 s, then 503 DATABASE_BUSY) answered some S1 requests at
      // 16 connections with a quick 503 that counted as throughput; here it waits up to a minute.
      POOL_WAIT_MS: '60000',
      ...env,
    },
    execArgv: other ? hubNodeFlags() : ['-r', COUNTER, ...hubNodeFlags()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`hub ${other ? `of ${main} ` : ''}exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('hub did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return wrap(other?.name ?? 'hub', child, url);
}
