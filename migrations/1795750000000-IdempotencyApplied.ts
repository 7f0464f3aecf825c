import { MigrationInterface, QueryRunner } from 'typeorm';

/** An Idempotency-Key marked applied by the transaction of the action it ran under. */
export class IdempotencyApplied1795750000000 implements MigrationInterface {
  name = 'IdempotencyApplied1795750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_key" ADD "applied_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_key" DROP COLUMN "applied_at"`);
  }
}
