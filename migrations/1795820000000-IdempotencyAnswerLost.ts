import { MigrationInterface, QueryRunner } from 'typeorm';

/** An Idempotency-Key whose request ended without storing its answer, so that a retry need not wait out the lease. */
export class IdempotencyAnswerLost1795820000000 implements MigrationInterface {
  name = 'IdempotencyAnswerLost1795820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_key" ADD "answer_lost_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_key" DROP COLUMN "answer_lost_at"`);
  }
}
