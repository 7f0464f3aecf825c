import { DataSource, Logger } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming.strategy';
import { poolOptions } from './pool';

export { ListeningClient, poolOptions } from './pool';

export interface DataSourceOptions {
  url: string;
  logger?: Logger;
  /** Pool size of the connection pool. */
  poolSize?: number;
  /** statement_timeout of every connection, in ms (QUERY_TIMEOUT). */
  statementTimeoutMs?: number;
  /** Longest wait for a pooled connection (or a new one), in ms (DATABASE_BUSY). */
  poolWaitMs?: number;
}

/** The one DataSource definition, used by the hub, the TypeORM CLI, the seeds and the tests. */
export function createDataSource({ url, logger, poolSize = 10, statementTimeoutMs = 5000, poolWaitMs = 2000 }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto', // gen_random_uuid(), built into PostgreSQL 13+
    namingStrategy: new SnakeNamingStrategy(),
    logger,
    logging: logger ? true : false,
    extra: poolOptions({ poolSize, statementTimeoutMs, poolWaitMs }),
  });
}

/**
 * Applies the pending migrations on a connection of their own without the statement timeout the
 * hub's pool has: a migration (the audit log's partitions and triggers on every table, say) may
 * take longer than any one request may, and must not fail a start with a tight STATEMENT_TIMEOUT_MS.
 */
export async function applyMigrations(url: string): Promise<string[]> {
  const ds = createDataSource({ url, poolSize: 1, statementTimeoutMs: 0 });
  await ds.initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** True when every migration the code knows has been applied. */
export async function migrationsCurrent(ds: DataSource): Promise<boolean> {
  return !(await ds.showMigrations());
}
