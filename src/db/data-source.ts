import { DataSource, Logger } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming.strategy';

export interface DataSourceOptions {
  url: string;
  logger?: Logger;
  /** Pool size of the connection pool. */
  poolSize?: number;
}

/** The one DataSource definition, used by the hub, the TypeORM CLI, the seeds and the tests. */
export function createDataSource({ url, logger, poolSize = 10 }: DataSourceOptions): DataSource {
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
    extra: {
      max: poolSize,
      application_name: 'catalogue-hub',
      connectionTimeoutMillis: 5000,
      // JIT compiles a plan in ~0.4 s once its estimated cost is high, which the completeness
      // statements' estimates often are, while they run in tens of milliseconds: never worth it here.
      options: '-c jit=off',
    },
  });
}

/** True when every migration the code knows has been applied. */
export async function migrationsCurrent(ds: DataSource): Promise<boolean> {
  return !(await ds.showMigrations());
}
