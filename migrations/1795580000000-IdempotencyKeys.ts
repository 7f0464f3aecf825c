import { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers to mutations sent with an Idempotency-Key, shared by every hub on the database. */
export class IdempotencyKeys1795580000000 implements MigrationInterface {
  name = 'IdempotencyKeys1795580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "idempotency_key" ("caller" character varying(250) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "status" integer, "content_type" text, "response" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("caller", "key"))`,
    );
    await q.query(`CREATE INDEX "idempotency_key_expires_at" ON "idempotency_key" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idempotency_key_expires_at"`);
    await q.query(`DROP TABLE "idempotency_key"`);
  }
}
