import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { applyMigrations, createDataSource } from './data-source';
import { startEmbedded, watchEmbedded } from './embedded';
import { ReadReplicas } from './read-replicas';

export interface Database {
  ds: DataSource;
  /** Where it runs, without the password. */
  where: string;
  embedded: boolean;
  /** The streaming replicas GraphQL queries read from (DATABASE_REPLICA_URLS); null: none. */
  replicas: ReadReplicas | null;
  close(): Promise<void>;
}

export class DatabaseUnavailable extends Error {}

/** The database was migrated by a newer hub than this one: starting would misread its tables. */
export class SchemaTooNew extends Error {}

/** Any number that is the same in every hub: the key of the advisory lock that serialises start-ups. */
const STARTUP_LOCK = 727_144_001;

/**
 * Runs `work` while holding a session advisory lock on its own connection, so that of several hubs
 * starting at once on one database exactly one migrates (and seeds) while the others wait, then
 * find nothing left to do.
 */
export async function withStartupLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    // Waiting for the other hub's migrations and seed may take longer than any one statement may.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
      await runner.query('RESET statement_timeout');
    }
  } finally {
    await runner.release();
  }
}

/** Migrations recorded in the database that this code does not know: a newer hub applied them. */
export async function unknownMigrations(ds: DataSource): Promise<string[]> {
  const [{ exists }] = await ds.query(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
  if (!exists) return [];
  const known = new Set(ds.migrations.map((m) => m.name ?? m.constructor.name));
  const rows: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
  return rows.map((r) => r.name).filter((n) => !known.has(n));
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** Connects to DATABASE_URL, or starts (or attaches to) the embedded PostgreSQL; applies migrations when asked. */
export async function openDatabase(
  config: Pick<
    Config,
    | 'databaseUrl'
    | 'embeddedPgDir'
    | 'embeddedPgPort'
    | 'poolSize'
    | 'statementTimeoutMs'
    | 'poolWaitMs'
    | 'databaseReplicaUrls'
    | 'replicaMaxLagMs'
    | 'replicaCheckMs'
  >,
  log: Logger,
  opts: { migrate: boolean; onEmbeddedLost?: (err: Error) => void },
): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded = async () => undefined as void;
  if (!url) {
    try {
      const embedded = await startEmbedded(config.embeddedPgDir, config.embeddedPgPort);
      url = embedded.url;
      stopEmbedded = embedded.stop;
    } catch (err) {
      throw new DatabaseUnavailable((err as Error).message);
    }
  }
  const ds = createDataSource({ url, poolSize: config.poolSize, statementTimeoutMs: config.statementTimeoutMs, poolWaitMs: config.poolWaitMs });
  try {
    await ds.initialize();
  } catch (err) {
    await stopEmbedded();
    const e = err as Error & { code?: string };
    throw new DatabaseUnavailable(`cannot connect to PostgreSQL at ${redact(url)}: ${e.code ?? ''} ${e.message}`.trim());
  }
  try {
    await withStartupLock(ds, async () => {
      const unknown = await unknownMigrations(ds);
      if (unknown.length) {
        throw new SchemaTooNew(
          `the database schema is newer than this hub: it has migrations this code does not know (${unknown.join(', ')}); run the hub version that applied them, or restore a backup made for this one`,
        );
      }
      if (opts.migrate) {
        const applied = await applyMigrations(url);
        if (applied.length) log.info({ migrations: applied }, 'migrations applied');
      }
    });
  } catch (err) {
    await ds.destroy().catch(() => undefined);
    await stopEmbedded();
    throw err;
  }
  // The embedded server is a child of this process: if it dies, start it again (or give up loudly).
  const watch =
    !config.databaseUrl && opts.onEmbeddedLost
      ? watchEmbedded(config.embeddedPgDir, Number(new URL(url).port), {
          restarted: (ms) => log.warn({ ms }, 'embedded PostgreSQL had stopped; restarted it'),
          failed: (attempt, err) => log.error({ attempt, err: err.message }, 'embedded PostgreSQL is down and does not start again yet'),
          giveUp: opts.onEmbeddedLost,
        })
      : null;
  // Read replicas: checked once now (one that is down or behind is only reported), then in the background.
  const replicas = config.databaseReplicaUrls.length ? openReplicas(ds, config, log) : null;
  await replicas?.start();
  if (replicas) log.info({ replicas: replicas.status() }, 'read replicas');
  return {
    ds,
    where: redact(url),
    embedded: !config.databaseUrl,
    replicas,
    close: async () => {
      await replicas?.close();
      await ds.destroy();
      if (watch?.restarted()) await watch.stop();
      else {
        await watch?.stop();
        await stopEmbedded().catch(() => undefined);
      }
    },
  };
}

/** The replicas of DATABASE_REPLICA_URLS over the primary's DataSource (not started yet). */
export function openReplicas(
  ds: DataSource,
  config: Pick<Config, 'databaseReplicaUrls' | 'replicaMaxLagMs' | 'replicaCheckMs' | 'poolSize' | 'statementTimeoutMs' | 'poolWaitMs'>,
  log: Logger,
): ReadReplicas {
  return new ReadReplicas(ds, config.databaseReplicaUrls, {
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    poolWaitMs: config.poolWaitMs,
    maxLagMs: config.replicaMaxLagMs,
    checkMs: config.replicaCheckMs,
    log,
  });
}
