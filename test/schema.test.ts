import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../src/graphql/schema';
import { freshDatabase } from './support/hub';
import { createDataSource } from '../src/db/data-source';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` and commit it when this fails)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await printHubSchema());
  });
});

describe('migrations', () => {
  it('build exactly the schema the entities describe, and undo cleanly', async () => {
    const db = await freshDatabase();
    const ds = createDataSource({ url: db.url, poolSize: 2 });
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      const pending = await ds.driver.createSchemaBuilder().log();
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
