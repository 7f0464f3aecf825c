import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (审计记录, 第四条、第十九条、第二十九条、第三十二条、第三十四条; 网络安全法 第二十一条):
 * - `audit_entry`, partitioned by month (UTC), append-only by trigger (UPDATE, DELETE, TRUNCATE refused),
 *   each row hashed (SM3) over its content and the previous row's hash; `audit_chain_head` holds the
 *   end of the chain and is the lock that keeps the chain linear;
 * - `audit_capture()`, an AFTER ROW trigger on every table of the hub (but the log itself, the
 *   notification outbox and delivery bookkeeping, idempotency claims): inside a mutation (the
 *   transaction helper sets `hub.audit_capture`) it notes each changed row's before and after in
 *   `audit_pending_change`, which the mutation turns into its entry before it commits;
 * - `lock_version` on projects, information resources and sharing interfaces, raised by a trigger on
 *   every UPDATE (optimistic concurrency: a stale revision is refused with CONFLICT; an information
 *   resource's `version` is the catalogue's own numbering of published versions, another thing).
 */
export class AuditLog1795740000000 implements MigrationInterface {
  name = 'AuditLog1795740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_entry" (
      "seq" bigint NOT NULL,
      "id" uuid NOT NULL,
      "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
      "actor_id" character varying(200),
      "actor_name" character varying(200),
      "actor_kind" character varying(40),
      "roles" character varying(40) array NOT NULL DEFAULT '{}',
      "organization_id" uuid,
      "operation" character varying(100) NOT NULL,
      "outcome" character varying(30) NOT NULL,
      "target_type" character varying(100),
      "target_id" character varying(200),
      "changes" jsonb NOT NULL DEFAULT '[]',
      "subjects" text array NOT NULL DEFAULT '{}',
      "detail" jsonb,
      "request_id" character varying(100),
      "client_address" character varying(100),
      "prev_hash" character(64) NOT NULL,
      "hash" character(64) NOT NULL,
      CONSTRAINT "PK_audit_entry" PRIMARY KEY ("seq", "recorded_at")
    ) PARTITION BY RANGE ("recorded_at")`);
    await q.query(`CREATE INDEX "audit_entry_recorded_at" ON "audit_entry" ("recorded_at", "seq")`);
    await q.query(`CREATE INDEX "audit_entry_target" ON "audit_entry" ("target_type", "target_id", "seq")`);
    await q.query(`CREATE INDEX "audit_entry_actor" ON "audit_entry" ("actor_id", "seq")`);
    await q.query(`CREATE INDEX "audit_entry_organization" ON "audit_entry" ("organization_id", "seq")`);
    await q.query(`CREATE INDEX "audit_entry_subjects" ON "audit_entry" USING gin ("subjects")`);

    await q.query(`CREATE TABLE "audit_chain_head" (
      "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
      "seq" bigint NOT NULL,
      "hash" character(64) NOT NULL,
      "recorded_at" TIMESTAMP(3) WITH TIME ZONE
    )`);
    await q.query(`INSERT INTO "audit_chain_head" ("singleton", "seq", "hash") VALUES (true, 0, repeat('0', 64))`);

    await q.query(`CREATE UNLOGGED TABLE "audit_pending_change" (
      "n" bigserial PRIMARY KEY,
      "txid" bigint NOT NULL DEFAULT txid_current(),
      "table_name" text NOT NULL,
      "op" text NOT NULL,
      "row_id" text,
      "keys" jsonb,
      "before" jsonb,
      "after" jsonb
    )`);
    await q.query(`CREATE INDEX "audit_pending_change_txid" ON "audit_pending_change" ("txid", "n")`);

    // Append-only (审计记录不可篡改): no UPDATE, DELETE or TRUNCATE, whoever asks.
    await q.query(`CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '审计记录只可追加，不可修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_append_only()`);
    await q.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
    await q.query(`CREATE FUNCTION audit_head_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.seq > OLD.seq THEN RETURN NEW; END IF;
        RAISE EXCEPTION '审计链头只能前进（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION audit_head_kept()`);
    await q.query(`CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON "audit_chain_head" FOR EACH STATEMENT EXECUTE FUNCTION audit_head_kept()`);

    // Monthly partitions (UTC months), each refusing TRUNCATE itself; made ahead at start-up and by the daily round.
    await q.query(`CREATE FUNCTION audit_ensure_partitions(months_ahead int) RETURNS int LANGUAGE plpgsql AS $$
      DECLARE
        m timestamptz;
        part text;
        made int := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_ensure_partitions'));
        FOR i IN -1..months_ahead LOOP
          m := date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + make_interval(months => i);
          part := 'audit_entry_' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM');
          IF to_regclass(quote_ident(part)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_entry FOR VALUES FROM (%L) TO (%L)', part, m, m + interval '1 month');
            EXECUTE format('CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()', part);
            made := made + 1;
          END IF;
        END LOOP;
        RETURN made;
      END $$`);
    await q.query(`SELECT audit_ensure_partitions(12)`);

    // The change capture: only inside a mutation (hub.audit_capture = 'on' for its transaction).
    await q.query(`CREATE FUNCTION audit_capture() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
        n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
        b jsonb;
        a jsonb;
        k jsonb;
      BEGIN
        IF coalesce(current_setting('hub.audit_capture', true), '') <> 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'UPDATE' THEN
          IF o = n THEN RETURN NULL; END IF;
          SELECT jsonb_object_agg(key, value) INTO b FROM jsonb_each(o) WHERE n -> key IS DISTINCT FROM value;
          SELECT jsonb_object_agg(key, value) INTO a FROM jsonb_each(n) WHERE o -> key IS DISTINCT FROM value;
        ELSE
          b := o;
          a := n;
        END IF;
        SELECT jsonb_object_agg(key, value) INTO k FROM jsonb_each(coalesce(n, o)) WHERE key LIKE '%\\_id' OR key = 'id';
        INSERT INTO audit_pending_change (table_name, op, row_id, keys, before, after)
          VALUES (TG_TABLE_NAME, TG_OP, coalesce(n, o) ->> 'id', k, b, a);
        RETURN NULL;
      END $$`);
    // Every table of the hub but the log itself and the system's own bookkeeping; run again at start-up for tables added later.
    await q.query(`CREATE FUNCTION audit_capture_tables() RETURNS int LANGUAGE plpgsql AS $$
      DECLARE
        t record;
        made int := 0;
      BEGIN
        FOR t IN
          SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
          WHERE ns.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            AND c.relname NOT LIKE 'audit\\_%'
            AND c.relname NOT IN ('migrations', 'typeorm_metadata', 'idempotency_key', 'notification_event', 'webhook_delivery', 'webhook_attempt', 'email_digest')
            AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'audit_capture')
        LOOP
          EXECUTE format('CREATE TRIGGER audit_capture AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_capture()', t.relname);
          made := made + 1;
        END LOOP;
        RETURN made;
      END $$`);
    await q.query(`SELECT audit_capture_tables()`);

    // Optimistic concurrency: every UPDATE of an editable object raises its lock_version.
    await q.query(`CREATE FUNCTION raise_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.lock_version := OLD.lock_version + 1;
        RETURN NEW;
      END $$`);
    for (const table of ['project', 'information_resource', 'sharing_interface']) {
      await q.query(`ALTER TABLE "${table}" ADD "lock_version" integer NOT NULL DEFAULT 1`);
      await q.query(`CREATE TRIGGER "${table}_revision" BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION raise_revision()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['project', 'information_resource', 'sharing_interface']) {
      await q.query(`DROP TRIGGER "${table}_revision" ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "lock_version"`);
    }
    await q.query(`DROP FUNCTION raise_revision()`);
    const captured: { relname: string }[] = await q.query(
      `SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE g.tgname = 'audit_capture'`,
    );
    for (const { relname } of captured) await q.query(`DROP TRIGGER audit_capture ON "${relname}"`);
    await q.query(`DROP FUNCTION audit_capture_tables()`);
    await q.query(`DROP FUNCTION audit_capture()`);
    await q.query(`DROP FUNCTION audit_ensure_partitions(int)`);
    await q.query(`DROP TABLE "audit_pending_change"`);
    await q.query(`DROP TABLE "audit_chain_head"`);
    await q.query(`DROP TABLE "audit_entry"`);
    await q.query(`DROP FUNCTION audit_head_kept()`);
    await q.query(`DROP FUNCTION audit_append_only()`);
  }
}
