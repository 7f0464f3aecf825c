import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-caller rate limit's token buckets in PostgreSQL, so that several hub processes on one
 * database enforce one limit (src/http/caller-limiter.ts): one row per caller, one upsert per
 * request. UNLOGGED: no WAL for a counter that may be lost in a crash (the buckets then start full
 * again). Not captured by the audit log (like the idempotency keys, the system's own bookkeeping).
 */
export class SharedRateLimit1795810000001 implements MigrationInterface {
  name = 'SharedRateLimit1795810000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE "rate_limit_bucket" (
      "caller_key" character varying(300) NOT NULL,
      "tokens" double precision NOT NULL,
      "refilled_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "admitted" boolean NOT NULL,
      CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("caller_key")
    )`);
    await q.query(captureTables([...CAPTURE_EXCLUDED, 'rate_limit_bucket']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(captureTables(CAPTURE_EXCLUDED));
    await q.query(`DROP TABLE "rate_limit_bucket"`);
  }
}

/** The tables the audit log's change capture leaves out (migrations 1795740000000, 1795810000000). */
const CAPTURE_EXCLUDED = [
  'migrations',
  'typeorm_metadata',
  'idempotency_key',
  'notification_event',
  'webhook_delivery',
  'webhook_attempt',
  'email_digest',
  'aggregation_run',
  'aggregation_run_key',
];

/** audit_capture_tables() of migration 1795740000000 with the given tables left out. */
const captureTables = (excluded: string[]) => `CREATE OR REPLACE FUNCTION audit_capture_tables() RETURNS int LANGUAGE plpgsql AS $$
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
