import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_EVENT_KINDS = `'RESOURCE_RETURNED', 'SHARING_REQUEST_CREATED', 'DEADLINE_DUE_7', 'DEADLINE_DUE_3', 'DEADLINE_DUE_1', 'DEADLINE_OVERDUE', 'AGGREGATION_FAILING', 'REVIEW_ASSIGNED'`;

/**
 * 第三十三条 限期整改: the rectifications the leading-group office orders (at most one open per project,
 * the project's earlier status kept), and the outbox events of their steps.
 */
export class Rectification1795710000000 implements MigrationInterface {
  name = 'Rectification1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."rectification_status" AS ENUM('ORDERED', 'REPORTED', 'REFUSED', 'ACCEPTED', 'CLOSED')`);
    await q.query(
      `CREATE TABLE "project_rectification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "status" "public"."rectification_status" NOT NULL DEFAULT 'ORDERED', "previous_status" "public"."project_status" NOT NULL, "reason" text NOT NULL, "findings" text array NOT NULL, "due_on" date NOT NULL, "ordered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ordered_by_user_id" character varying(200) NOT NULL, "report" text, "materials" text array NOT NULL DEFAULT '{}', "reported_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, CONSTRAINT "PK_84ac95617d4c2f73f6d3dd103e6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_564e30a8b0d090b8c5b97ee5d4" ON "project_rectification"  ("project_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "project_rectification_open_key" ON "project_rectification"  ("project_id") WHERE "status" IN ('ORDERED', 'REPORTED', 'REFUSED')`,
    );
    await q.query(`ALTER TYPE "public"."notification_event_kind" ADD VALUE 'RECTIFICATION_ORDERED'`);
    await q.query(`ALTER TYPE "public"."notification_event_kind" ADD VALUE 'RECTIFICATION_REPORTED'`);
    await q.query(`ALTER TYPE "public"."notification_event_kind" ADD VALUE 'RECTIFICATION_DECIDED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The events of the kinds this migration added go with them (with their deliveries).
    const gone = `SELECT "id" FROM "notification_event" WHERE "kind"::text NOT IN (${OLD_EVENT_KINDS})`;
    await q.query(`DELETE FROM "webhook_attempt" WHERE "delivery_id" IN (SELECT "id" FROM "webhook_delivery" WHERE "event_id" IN (${gone}))`);
    await q.query(`DELETE FROM "webhook_delivery" WHERE "event_id" IN (${gone})`);
    await q.query(`DELETE FROM "notification_event" WHERE "kind"::text NOT IN (${OLD_EVENT_KINDS})`);
    await q.query(`ALTER TYPE "public"."notification_event_kind" RENAME TO "notification_event_kind_old"`);
    await q.query(`CREATE TYPE "public"."notification_event_kind" AS ENUM(${OLD_EVENT_KINDS})`);
    await q.query(`ALTER TABLE "notification_event" ALTER COLUMN "kind" TYPE "public"."notification_event_kind" USING "kind"::"text"::"public"."notification_event_kind"`);
    await q.query(`DROP TYPE "public"."notification_event_kind_old"`);
    await q.query(`DROP INDEX "public"."project_rectification_open_key"`);
    await q.query(`DROP INDEX "public"."IDX_564e30a8b0d090b8c5b97ee5d4"`);
    await q.query(`DROP TABLE "project_rectification"`);
    await q.query(`DROP TYPE "public"."rectification_status"`);
  }
}
