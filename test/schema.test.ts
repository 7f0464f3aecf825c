import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../src/graphql/schema';
import { freshDatabase } from './support/hub';
import { createDataSource } from '../src/db/data-source';
import { consoleCatalogueTerms } from '../src/modules/exchange';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` and commit it when this fails)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await printHubSchema());
  });

  it('comes with the catalogue terms the console shows, as the code gives them (run `npm run schema` when this fails)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '../console/src/generated/catalogue.json'), 'utf8'));
    expect(committed).toEqual(consoleCatalogueTerms());
  });
});

/**
 * TypeORM's schema builder reads the tables' metadata with parallel queries on one connection
 * (PostgresQueryRunner.getTables), which pg 8 answers with a deprecation warning. The hub never
 * does that; only this one call is let through silently, any other warning still shows.
 */
async function withoutOverlappingQueryWarning<T>(work: () => Promise<T>): Promise<T> {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith('Calling client.query() when the client is already executing a query')) return;
    return (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await work();
  } finally {
    process.emitWarning = emit;
  }
}

describe('migrations', () => {
  it('build exactly the schema the entities describe, and undo cleanly', async () => {
    const db = await freshDatabase();
    const ds = createDataSource({ url: db.url, poolSize: 2 });
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      const pending = await withoutOverlappingQueryWarning(() => ds.driver.createSchemaBuilder().log());
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
      const tables = await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`);
      expect(tables).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
