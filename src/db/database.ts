import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource } from './data-source';
import { startEmbedded } from './embedded';

export interface Database {
  ds: DataSource;
  /** Where it runs, without the password. */
  where: string;
  embedded: boolean;
  close(): Promise<void>;
}

export class DatabaseUnavailable extends Error {}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** Connects to DATABASE_URL, or starts (or attaches to) the embedded PostgreSQL; applies migrations when asked. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'embeddedPgDir' | 'embeddedPgPort' | 'poolSize' | 'statementTimeoutMs' | 'poolWaitMs'>,
  log: Logger,
  opts: { migrate: boolean },
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
  if (opts.migrate) {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  }
  return {
    ds,
    where: redact(url),
    embedded: !config.databaseUrl,
    close: async () => {
      await ds.destroy();
      await stopEmbedded();
    },
  };
}
