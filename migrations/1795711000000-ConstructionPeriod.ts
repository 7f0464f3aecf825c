import { MigrationInterface, QueryRunner } from 'typeorm';

/** 第八条 建设工期: a project's construction period, first and last year (required at declaration). */
export class ConstructionPeriod1795711000000 implements MigrationInterface {
  name = 'ConstructionPeriod1795711000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "project" ADD "construction_start_year" integer`);
    await q.query(`ALTER TABLE "project" ADD "construction_end_year" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "project" DROP COLUMN "construction_end_year"`);
    await q.query(`ALTER TABLE "project" DROP COLUMN "construction_start_year"`);
  }
}
