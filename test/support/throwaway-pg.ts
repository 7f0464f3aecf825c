/**
 * A PostgreSQL server of the specs' own that they may stop, start and kill: Debian's PostgreSQL 15
 * binaries, a cluster in a temporary folder on a free loopback port. Never the machine's shared
 * server. Runs as the `postgres` user when the specs run as root.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded';

const BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';

export interface ThrowawayPg {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dataDir: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: disconnects every client, then shuts down. */
  stop(): Promise<void>;
  /** `pg_ctl stop -m immediate`: no checkpoint, like a crash. */
  crash(): Promise<void>;
  /** Stops the server and removes the folder. */
  destroy(): void;
}

const execFileAsync = promisify(execFile);

function command(args: string[], asPostgres: boolean): [string, string[]] {
  const [cmd, ...rest] = args;
  return asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...rest]] : [cmd, rest];
}

/** Runs a command without blocking the event loop (the hub under test lives in this process). */
async function run(args: string[], asPostgres: boolean): Promise<void> {
  const [cmd, rest] = command(args, asPostgres);
  await execFileAsync(cmd, rest, { encoding: 'utf8' });
}

const runsAsRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-pg15-'));
  fs.chmodSync(dir, 0o777);
  return dir;
}

export interface ThrowawayOptions {
  /** The port to listen on; a free one when absent. */
  port?: number;
}

/** A new cluster, or (`existing`) a server on a data folder that is already there, such as a restored backup. */
export async function startThrowawayPg(existing?: string, options: ThrowawayOptions = {}): Promise<ThrowawayPg> {
  const asPostgres = runsAsRoot();
  const dir = tempFolder();
  const dataDir = existing ?? path.join(dir, 'data');
  if (!existing) await run([`${BIN}/initdb`, '-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], asPostgres);
  return serve(dir, dataDir, options.port ?? (await freePort()), asPostgres);
}

/**
 * A streaming replica (hot standby) of `primary`: `pg_basebackup -R` of it into a folder of its
 * own, started on its own port; it replays the primary's WAL as it comes.
 */
export async function startStreamingReplica(primary: ThrowawayPg, options: ThrowawayOptions = {}): Promise<ThrowawayPg> {
  const asPostgres = runsAsRoot();
  const dir = tempFolder();
  const dataDir = path.join(dir, 'data');
  await run(
    [`${BIN}/pg_basebackup`, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast'],
    asPostgres,
  );
  return serve(dir, dataDir, options.port ?? (await freePort()), asPostgres);
}

async function serve(dir: string, dataDir: string, port: number, asPostgres: boolean): Promise<ThrowawayPg> {
  const pgctl = (...args: string[]) => run([`${BIN}/pg_ctl`, '-D', dataDir, ...args], asPostgres);
  const start = () =>
    pgctl('-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=60`, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start');
  const stopWith = async (mode: string) => {
    try {
      await pgctl('-m', mode, '-w', '-t', '30', 'stop');
    } catch {
      /* not running */
    }
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    start,
    stop: () => stopWith('fast'),
    crash: () => stopWith('immediate'),
    destroy: () => {
      try {
        execFileSync(...command([`${BIN}/pg_ctl`, '-D', dataDir, '-m', 'immediate', '-w', 'stop'], asPostgres), { stdio: 'ignore' });
      } catch {
        /* not running */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
