import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
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
 * (PostgresQueryRunner.getTables), which pg 8 answers with a deprecation warning ("client.query()
 * when the client is already executing a query"). For that one call each query waits for the one
 * before it on its connection, as the hub's own queries always do; nothing is silenced.
 */
async function oneQueryAtATime<T>(work: () => Promise<T>): Promise<T> {
  const query = Client.prototype.query;
  const last = new WeakMap<Client, Promise<unknown>>();
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    // A callback or a submittable query (a cursor, COPY) is sent as it is.
    if (typeof args[args.length - 1] === 'function' || typeof (args[0] as { submit?: unknown })?.submit === 'function') {
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    }
    const next = (last.get(this) ?? Promise.resolve()).catch(() => undefined).then(() => (query as (...a: unknown[]) => unknown).apply(this, args));
    last.set(this, next);
    return next;
  } as typeof query;
  try {
    return await work();
  } finally {
    Client.prototype.query = query;
  }
}

describe('migrations', () => {
  it('build exactly the schema the entities describe, and undo cleanly', async () => {
    const db = await freshDatabase();
    const ds = createDataSource({ url: db.url, poolSize: 2 });
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      const pending = await oneQueryAtATime(() => ds.driver.createSchemaBuilder().log());
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
