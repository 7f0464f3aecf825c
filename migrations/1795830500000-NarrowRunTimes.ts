import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  BOOKKEEPING,
  bookkeepingTriggers,
  CAPTURE_EXCLUDED as BEFORE_EXCLUDED,
  captureTables,
  plainTriggers,
} from './1795810000000-PartitionedRuns';

/**
 * The last-run bookkeeping leaves the catalogue rows (docs/scaling.md, S4): an interface's latest
 * run and latest success move from `sharing_interface` (last_run_at, last_success_at) to
 * `interface_run_times`, a resource's latest success from `information_resource`
 * (last_aggregated_at) to `resource_run_times`, both owned by the aggregation module. Ingest upserts
 * one narrow row per interface and per resource once per batch instead of rewriting the wide
 * catalogue rows (11 indexes, two of them GIN, on `information_resource`); every reader asks the
 * aggregation module for the values. A row exists only once a run set a value (the copy leaves out
 * the rows whose columns were all NULL). The narrow tables are the system's bookkeeping, like the
 * runs: not captured by the audit log. The catalogue tables' revision and change-capture triggers
 * fire again on every UPDATE (no update of theirs is bookkeeping any more), and they lose the free
 * room per page kept for the heap-only bookkeeping updates.
 */
export class NarrowRunTimes1795830500000 implements MigrationInterface {
  name = 'NarrowRunTimes1795830500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL statement_timeout = 0`); // a city's 400,000 interfaces
    await q.query(captureTables([...CAPTURE_EXCLUDED, ...NARROW]));
    await q.query(`CREATE TABLE "interface_run_times" (
      "interface_id" uuid NOT NULL,
      "last_run_at" TIMESTAMP WITH TIME ZONE,
      "last_success_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "interface_run_times_pkey" PRIMARY KEY ("interface_id")
    ) WITH (fillfactor = 70)`);
    await q.query(`CREATE TABLE "resource_run_times" (
      "resource_id" uuid NOT NULL,
      "last_aggregated_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "resource_run_times_pkey" PRIMARY KEY ("resource_id")
    ) WITH (fillfactor = 70)`);
    await q.query(`INSERT INTO "interface_run_times" ("interface_id", "last_run_at", "last_success_at")
      SELECT "id", "last_run_at", "last_success_at" FROM "sharing_interface" WHERE "last_run_at" IS NOT NULL OR "last_success_at" IS NOT NULL`);
    await q.query(`INSERT INTO "resource_run_times" ("resource_id", "last_aggregated_at")
      SELECT "id", "last_aggregated_at" FROM "information_resource" WHERE "last_aggregated_at" IS NOT NULL`);
    await q.query(`ALTER TABLE "interface_run_times" ADD CONSTRAINT "interface_run_times_interface_fkey" FOREIGN KEY ("interface_id")
      REFERENCES "sharing_interface"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "resource_run_times" ADD CONSTRAINT "resource_run_times_resource_fkey" FOREIGN KEY ("resource_id")
      REFERENCES "information_resource"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const [table, columns] of BOOKKEEPING) {
      await q.query(plainTriggers(table));
      for (const c of columns) await q.query(`ALTER TABLE "${table}" DROP COLUMN "${c}"`);
      await q.query(`ALTER TABLE "${table}" RESET (fillfactor)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL statement_timeout = 0`);
    for (const [table, columns] of BOOKKEEPING) {
      for (const c of columns) await q.query(`ALTER TABLE "${table}" ADD "${c}" TIMESTAMP WITH TIME ZONE`);
      await q.query(`ALTER TABLE "${table}" SET (fillfactor = 90)`);
    }
    await q.query(`UPDATE "sharing_interface" i SET "last_run_at" = t."last_run_at", "last_success_at" = t."last_success_at"
      FROM "interface_run_times" t WHERE t."interface_id" = i."id"`);
    await q.query(`UPDATE "information_resource" r SET "last_aggregated_at" = t."last_aggregated_at"
      FROM "resource_run_times" t WHERE t."resource_id" = r."id"`);
    for (const [table, columns] of BOOKKEEPING) await q.query(bookkeepingTriggers(table, columns));
    await q.query(`DROP TABLE "resource_run_times"`);
    await q.query(`DROP TABLE "interface_run_times"`);
    await q.query(captureTables(CAPTURE_EXCLUDED));
  }
}

const NARROW = ['interface_run_times', 'resource_run_times'];

/** The tables the audit log's change capture leaves out before this migration (1795740000000, 1795810000000, 1795810000001). */
const CAPTURE_EXCLUDED = [...BEFORE_EXCLUDED, 'aggregation_run', 'aggregation_run_key', 'rate_limit_bucket'];
