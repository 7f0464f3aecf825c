import { Client } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming.strategy';

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

/**
 * A pooled connection that is never without an 'error' listener. pg's pool listens only while a
 * connection is idle, and TypeORM adds none to a checked-out one, so a server that ends a backend
 * while a transaction holds it (a restart, pg_terminate_backend) would otherwise raise an unhandled
 * 'error' event and end the process. The query in flight fails on its own and is classified as
 * DATABASE_UNAVAILABLE; the pool drops the broken connection when it is released.
 */
export class ListeningClient extends Client {
  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * The options of every pool of the hub (pg.Pool's), the primary's and each read replica's alike:
 * connections that always listen for 'error', the same timeouts and settings.
 */
export function poolOptions({ poolSize, statementTimeoutMs, poolWaitMs }: { poolSize: number; statementTimeoutMs: number; poolWaitMs: number }) {
  return {
    Client: ListeningClient,
    max: poolSize,
    application_name: 'catalogue-hub',
    connectionTimeoutMillis: poolWaitMs,
    // A dead server must not hold a request for the kernel's TCP timeout.
    keepAlive: true,
    // JIT compiles a plan in ~0.4 s once its estimated cost is high, which the completeness
    // statements' estimates often are, while they run in tens of milliseconds: never worth it here.
    // statement_timeout bounds every statement, and a transaction left idle is ended after twice that.
    options: `-c jit=off -c statement_timeout=${statementTimeoutMs} -c idle_in_transaction_session_timeout=${statementTimeoutMs * 2}`,
  };
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
