import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'RESOURCE_RETURNED', 'SHARING_REQUEST_CREATED', 'DEADLINE_DUE_7', 'DEADLINE_DUE_3', 'DEADLINE_DUE_1', 'DEADLINE_OVERDUE', 'AGGREGATION_FAILING', 'REVIEW_ASSIGNED', 'RECTIFICATION_ORDERED', 'RECTIFICATION_REPORTED', 'RECTIFICATION_DECIDED'`;

/**
 * 第十四条: naming a co-building unit is a proposal the unit accepts or declines. Units named before
 * this migration keep the rights they had (ACCEPTED); from now on a named unit starts PROPOSED.
 */
export class CoBuildingConsent1795712000000 implements MigrationInterface {
  name = 'CoBuildingConsent1795712000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."co_building_status" AS ENUM('PROPOSED', 'ACCEPTED', 'DECLINED')`);
    await q.query(`ALTER TABLE "project_co_building_unit" ADD "status" "public"."co_building_status" NOT NULL DEFAULT 'ACCEPTED'`);
    await q.query(`ALTER TABLE "project_co_building_unit" ALTER COLUMN "status" SET DEFAULT 'PROPOSED'`);
    await q.query(`ALTER TABLE "project_co_building_unit" ADD "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE "project_co_building_unit" ADD "responded_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "project_co_building_unit" ADD "responded_by_user_id" character varying(200)`);
    await q.query(`ALTER TABLE "project_co_building_unit" ADD "response_note" text`);
    await q.query(`ALTER TYPE "public"."notification_event_kind" ADD VALUE 'CO_BUILDING_PROPOSED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    const gone = `SELECT "id" FROM "notification_event" WHERE "kind"::text = 'CO_BUILDING_PROPOSED'`;
    await q.query(`DELETE FROM "webhook_attempt" WHERE "delivery_id" IN (SELECT "id" FROM "webhook_delivery" WHERE "event_id" IN (${gone}))`);
    await q.query(`DELETE FROM "webhook_delivery" WHERE "event_id" IN (${gone})`);
    await q.query(`DELETE FROM "notification_event" WHERE "kind"::text = 'CO_BUILDING_PROPOSED'`);
    await q.query(`ALTER TYPE "public"."notification_event_kind" RENAME TO "notification_event_kind_old"`);
    await q.query(`CREATE TYPE "public"."notification_event_kind" AS ENUM(${KINDS_BEFORE})`);
    await q.query(`ALTER TABLE "notification_event" ALTER COLUMN "kind" TYPE "public"."notification_event_kind" USING "kind"::"text"::"public"."notification_event_kind"`);
    await q.query(`DROP TYPE "public"."notification_event_kind_old"`);
    await q.query(`DELETE FROM "project_co_building_unit" WHERE "status" <> 'ACCEPTED'`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "response_note"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "responded_by_user_id"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "responded_at"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "proposed_at"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "status"`);
    await q.query(`DROP TYPE "public"."co_building_status"`);
  }
}
