import { MigrationInterface, QueryRunner } from 'typeorm';

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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "project_co_building_unit" WHERE "status" <> 'ACCEPTED'`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "response_note"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "responded_by_user_id"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "responded_at"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "proposed_at"`);
    await q.query(`ALTER TABLE "project_co_building_unit" DROP COLUMN "status"`);
    await q.query(`DROP TYPE "public"."co_building_status"`);
  }
}
