import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The run history partitioned by month (docs/scaling.md):
 * - `aggregation_run` becomes `PARTITION BY RANGE (ran_at)`, one partition per UTC month
 *   (`aggregation_run_y2026m12`), from the oldest run's month to three months ahead, plus
 *   `aggregation_run_older` for every earlier time, so that no run in the past is refused (the future
 *   past the clock skew is refused by the service; partitions stay made three months ahead). No
 *   DEFAULT partition: PostgreSQL refuses DETACH PARTITION … CONCURRENTLY while one exists. The
 *   primary key becomes (id, ran_at), since a partitioned table's unique keys must hold the partition key;
 * - the platform's idempotency key (interface, platform run id), which the partitioned table can no
 *   longer enforce, moves to the unpartitioned `aggregation_run_key`, filled by the ingest statement
 *   itself (the runs are inserted only for the keys it really inserted) and kept when old months are
 *   detached, so that a late replay is still recognised;
 * - `aggregation_run_partition(month)` makes one month's partition; `aggregation_run_ensure_partitions(months_ahead)`
 *   this month's, the coming months' and any missing since the newest; the hub calls it at start-up
 *   and in its daily round. Old months leave with `npm run runs:detach` (DETACH PARTITION … CONCURRENTLY,
 *   then `aggregation_run_older` moved up to the new oldest month).
 * Existing runs are copied into their months' partitions.
 *
 * Ingest (S4) touches the catalogue rows only for their last-run columns (last_run_at,
 * last_success_at, last_aggregated_at), bookkeeping derived from the runs: such an update raises no
 * revision (a provider editing the resource meanwhile is not refused as stale) and is not captured
 * by the audit log, nor are the runs themselves (an append-only record of their own, one entry per
 * report still written); `sharing_interface` and `information_resource` keep a tenth of each page
 * free so that those updates stay heap-only (no index holds the columns).
 */
export class PartitionedRuns1795810000000 implements MigrationInterface {
  name = 'PartitionedRuns1795810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL statement_timeout = 0`); // the copy of a city's runs takes minutes
    await q.query(`CREATE TABLE "aggregation_run_key" (
      "interface_id" uuid NOT NULL,
      "platform_run_id" character varying(100) NOT NULL,
      CONSTRAINT "aggregation_run_key_pkey" PRIMARY KEY ("interface_id", "platform_run_id")
    )`);
    await q.query(`INSERT INTO "aggregation_run_key" ("interface_id", "platform_run_id") SELECT "interface_id", "platform_run_id" FROM "aggregation_run"`);

    await q.query(`DROP TRIGGER IF EXISTS "audit_capture" ON "aggregation_run"`);
    await q.query(`ALTER TABLE "aggregation_run" RENAME TO "aggregation_run_unpartitioned"`);
    await q.query(`DROP INDEX "aggregation_run_platform_key"`);
    await q.query(`DROP INDEX "IDX_7f7ca8c04eb1f7d7740aa6330b"`);
    await q.query(`DROP INDEX "IDX_508f122aa6a2fd8d3cf44cd356"`);
    for (const c of ['FK_d7e4aca0b098bfa11c1ba379552', 'FK_7f7ca8c04eb1f7d7740aa6330b6', 'PK_514926bed2e2af7ce95b1ac0ba0']) {
      await q.query(`ALTER TABLE "aggregation_run_unpartitioned" DROP CONSTRAINT "${c}"`);
    }

    await q.query(`CREATE TABLE "aggregation_run" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "interface_id" uuid NOT NULL,
      "resource_id" uuid NOT NULL,
      "platform_run_id" character varying(100) NOT NULL,
      "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "mode" "public"."aggregation_mode" NOT NULL,
      "records" integer NOT NULL,
      "outcome" "public"."aggregation_outcome" NOT NULL,
      "failure_reason" text,
      "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_9226ba8550ed61217614eb8122b" PRIMARY KEY ("id", "ran_at")
    ) PARTITION BY RANGE ("ran_at")`);
    // One month's partition, made apart and then attached (SHARE UPDATE EXCLUSIVE on the run table:
    // ingest and reads go on meanwhile; CREATE TABLE … PARTITION OF would take ACCESS EXCLUSIVE).
    await q.query(`CREATE FUNCTION aggregation_run_partition(month timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        m timestamptz := date_trunc('month', month AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
        next_m timestamptz := (date_trunc('month', month AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
        part text := 'aggregation_run_' || to_char(date_trunc('month', month AT TIME ZONE 'UTC'), '"y"YYYY"m"MM');
      BEGIN
        IF to_regclass(quote_ident(part)) IS NOT NULL THEN RETURN false; END IF;
        EXECUTE format('CREATE TABLE %I (LIKE aggregation_run INCLUDING DEFAULTS)', part);
        EXECUTE format('ALTER TABLE aggregation_run ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, m, next_m);
        RETURN true;
      END $$`);
    // Every month from the newest partition's to `until`'s (a hub stopped for months leaves no gap);
    // answers the end of the newest month. Runs before the oldest month go to aggregation_run_older.
    await q.query(`CREATE FUNCTION aggregation_run_cover(until timestamptz) RETURNS timestamptz LANGUAGE plpgsql AS $$
      DECLARE
        newest timestamptz;
        m timestamptz;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('aggregation_run_ensure_partitions'));
        SELECT max(to_date(substr(c.relname, 17), '"y"YYYY"m"MM')::timestamp AT TIME ZONE 'UTC') INTO newest
          FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
         WHERE h.inhparent = 'aggregation_run'::regclass AND c.relname ~ '^aggregation_run_y[0-9]{4}m[0-9]{2}$';
        FOR m IN SELECT generate_series(coalesce(newest, until), until, interval '1 month') LOOP
          PERFORM aggregation_run_partition(m);
        END LOOP;
        -- A time before the newest month is covered already (by its month or by aggregation_run_older).
        IF newest IS NULL OR until >= newest THEN
          PERFORM aggregation_run_partition(until);
        END IF;
        RETURN (date_trunc('month', greatest(newest, until) AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
      END $$`);
    // This month's and the next `months_ahead` months' partitions; answers how many it made.
    await q.query(`CREATE FUNCTION aggregation_run_ensure_partitions(months_ahead int) RETURNS int LANGUAGE plpgsql AS $$
      DECLARE
        before int := (SELECT count(*) FROM pg_inherits WHERE inhparent = 'aggregation_run'::regclass);
      BEGIN
        PERFORM aggregation_run_cover((date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => months_ahead)) AT TIME ZONE 'UTC');
        RETURN (SELECT count(*) FROM pg_inherits WHERE inhparent = 'aggregation_run'::regclass) - before;
      END $$`);
    const [{ first }] = await q.query(
      `SELECT coalesce(min(date_trunc('month', ran_at AT TIME ZONE 'UTC')), date_trunc('month', now() AT TIME ZONE 'UTC')) AT TIME ZONE 'UTC' AS first
         FROM "aggregation_run_unpartitioned"`,
    );
    await q.query(`CREATE TABLE "aggregation_run_older" PARTITION OF "aggregation_run" FOR VALUES FROM (MINVALUE) TO ('${(first as Date).toISOString()}')`);
    await q.query(
      `SELECT aggregation_run_partition(m) FROM generate_series($1::timestamptz, date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', interval '1 month') m`,
      [first],
    );
    await q.query(`SELECT aggregation_run_ensure_partitions(3)`);
    await q.query(`INSERT INTO "aggregation_run" SELECT * FROM "aggregation_run_unpartitioned"`);
    await q.query(`DROP TABLE "aggregation_run_unpartitioned"`);
    // Indexes and keys once the rows are in (one build per partition, one check of each foreign key).
    await q.query(`CREATE INDEX "IDX_7f7ca8c04eb1f7d7740aa6330b" ON "aggregation_run" ("resource_id")`);
    await q.query(`CREATE INDEX "IDX_508f122aa6a2fd8d3cf44cd356" ON "aggregation_run" ("interface_id", "ran_at")`);
    await q.query(
      `ALTER TABLE "aggregation_run" ADD CONSTRAINT "FK_d7e4aca0b098bfa11c1ba379552" FOREIGN KEY ("interface_id") REFERENCES "sharing_interface"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "aggregation_run" ADD CONSTRAINT "FK_7f7ca8c04eb1f7d7740aa6330b6" FOREIGN KEY ("resource_id") REFERENCES "information_resource"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // The audit log's change capture: neither on the runs nor on their keys; last-run bookkeeping is no change.
    await q.query(captureTables([...CAPTURE_EXCLUDED, 'aggregation_run', 'aggregation_run_key']));
    await q.query(`SELECT audit_capture_tables()`);
    for (const [table, columns] of BOOKKEEPING) await q.query(bookkeepingTriggers(table, columns));
    for (const table of ['sharing_interface', 'information_resource']) await q.query(`ALTER TABLE "${table}" SET (fillfactor = 90)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL statement_timeout = 0`);
    for (const table of ['sharing_interface', 'information_resource']) await q.query(`ALTER TABLE "${table}" RESET (fillfactor)`);
    for (const [table] of BOOKKEEPING) await q.query(plainTriggers(table));
    await q.query(captureTables(CAPTURE_EXCLUDED));
    await q.query(`DROP TRIGGER IF EXISTS "audit_capture" ON "aggregation_run"`);
    await q.query(`ALTER TABLE "aggregation_run" RENAME TO "aggregation_run_partitioned"`);
    await q.query(`DROP INDEX "IDX_7f7ca8c04eb1f7d7740aa6330b"`);
    await q.query(`DROP INDEX "IDX_508f122aa6a2fd8d3cf44cd356"`);
    for (const c of ['FK_d7e4aca0b098bfa11c1ba379552', 'FK_7f7ca8c04eb1f7d7740aa6330b6', 'PK_9226ba8550ed61217614eb8122b']) {
      await q.query(`ALTER TABLE "aggregation_run_partitioned" DROP CONSTRAINT "${c}"`);
    }
    await q.query(
      `CREATE TABLE "aggregation_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "interface_id" uuid NOT NULL, "resource_id" uuid NOT NULL, "platform_run_id" character varying(100) NOT NULL, "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL, "mode" "public"."aggregation_mode" NOT NULL, "records" integer NOT NULL, "outcome" "public"."aggregation_outcome" NOT NULL, "failure_reason" text, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_514926bed2e2af7ce95b1ac0ba0" PRIMARY KEY ("id"))`,
    );
    await q.query(`INSERT INTO "aggregation_run" SELECT * FROM "aggregation_run_partitioned"`);
    await q.query(`DROP TABLE "aggregation_run_partitioned"`);
    await q.query(`DROP FUNCTION aggregation_run_ensure_partitions(int)`);
    await q.query(`DROP FUNCTION aggregation_run_cover(timestamptz)`);
    await q.query(`DROP FUNCTION aggregation_run_partition(timestamptz)`);
    await q.query(`CREATE INDEX "IDX_7f7ca8c04eb1f7d7740aa6330b" ON "aggregation_run" ("resource_id")`);
    await q.query(`CREATE INDEX "IDX_508f122aa6a2fd8d3cf44cd356" ON "aggregation_run" ("interface_id", "ran_at")`);
    await q.query(`CREATE UNIQUE INDEX "aggregation_run_platform_key" ON "aggregation_run" ("interface_id", "platform_run_id")`);
    await q.query(
      `ALTER TABLE "aggregation_run" ADD CONSTRAINT "FK_d7e4aca0b098bfa11c1ba379552" FOREIGN KEY ("interface_id") REFERENCES "sharing_interface"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "aggregation_run" ADD CONSTRAINT "FK_7f7ca8c04eb1f7d7740aa6330b6" FOREIGN KEY ("resource_id") REFERENCES "information_resource"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`DROP TABLE "aggregation_run_key"`);
    await q.query(`SELECT audit_capture_tables()`);
  }
}

/** The tables the audit log's change capture leaves out (migration 1795740000000; later migrations build on these helpers). */
export const CAPTURE_EXCLUDED = ['migrations', 'typeorm_metadata', 'idempotency_key', 'notification_event', 'webhook_delivery', 'webhook_attempt', 'email_digest'];

/** audit_capture_tables() of migration 1795740000000 with the given tables left out. */
export const captureTables = (excluded: string[]) => `CREATE OR REPLACE FUNCTION audit_capture_tables() RETURNS int LANGUAGE plpgsql AS $$
      DECLARE
        t record;
        made int := 0;
      BEGIN
        FOR t IN
          SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
          WHERE ns.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            AND c.relname NOT LIKE 'audit\\_%'
            AND c.relname NOT IN (${excluded.map((t) => `'${t}'`).join(', ')})
            AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'audit_capture')
        LOOP
          EXECUTE format('CREATE TRIGGER audit_capture AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_capture()', t.relname);
          made := made + 1;
        END LOOP;
        RETURN made;
      END $$`;

/** The columns ingest keeps from the runs, per catalogue table. */
export const BOOKKEEPING: [string, string[]][] = [
  ['sharing_interface', ['last_run_at', 'last_success_at']],
  ['information_resource', ['last_aggregated_at']],
];

/**
 * The revision and change-capture triggers of migration 1795740000000, firing only for an UPDATE
 * that leaves the last-run columns as they were: one that moves them is ingest's bookkeeping (the
 * hub never moves them together with anything else). A WHEN condition costs no function call.
 */
export const bookkeepingTriggers = (table: string, columns: string[]) => {
  const same = columns.map((c) => `OLD."${c}" IS NOT DISTINCT FROM NEW."${c}"`).join(' AND ');
  return `DROP TRIGGER "${table}_revision" ON "${table}";
    CREATE TRIGGER "${table}_revision" BEFORE UPDATE ON "${table}" FOR EACH ROW WHEN (${same}) EXECUTE FUNCTION raise_revision();
    DROP TRIGGER IF EXISTS "audit_capture" ON "${table}";
    CREATE TRIGGER "audit_capture" AFTER INSERT OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_capture();
    CREATE TRIGGER "audit_capture_update" AFTER UPDATE ON "${table}" FOR EACH ROW WHEN (${same}) EXECUTE FUNCTION audit_capture();`;
};

/** The triggers as migration 1795740000000 made them. */
export const plainTriggers = (table: string) => `DROP TRIGGER "${table}_revision" ON "${table}";
    CREATE TRIGGER "${table}_revision" BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION raise_revision();
    DROP TRIGGER "audit_capture_update" ON "${table}";
    DROP TRIGGER "audit_capture" ON "${table}";
    CREATE TRIGGER "audit_capture" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_capture();`;
