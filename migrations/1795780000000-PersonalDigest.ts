import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily digest per person: a user account gets an e-mail address (hub_user.email), and a digest
 * is owed to an address rather than to an organisation's configured recipient, so that a person
 * gets one message a day for every event they receive, and an organisation's address keeps its own.
 */
export class PersonalDigest1795780000000 implements MigrationInterface {
  name = 'PersonalDigest1795780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hub_user" ADD "email" character varying(254)`);
    await q.query(`ALTER TABLE "email_digest" ADD "address" character varying(254)`);
    await q.query(`UPDATE "email_digest" g SET "address" = lower(r."address") FROM "email_recipient" r WHERE r."id" = g."recipient_id"`);
    // Two settings of one mailbox had a digest each on a day: the first stays (both were sent).
    await q.query(
      `DELETE FROM "email_digest" a USING "email_digest" b WHERE a."address" = b."address" AND a."digest_date" = b."digest_date" AND (a."id")::text > (b."id")::text`,
    );
    await q.query(`ALTER TABLE "email_digest" ALTER COLUMN "address" SET NOT NULL`);
    await q.query(`ALTER TABLE "email_digest" DROP CONSTRAINT "FK_f8dc9baf4470b65cb23882794a3"`);
    await q.query(`DROP INDEX "public"."IDX_d311bbd1bf6af343470fb98702"`);
    await q.query(`ALTER TABLE "email_digest" DROP COLUMN "recipient_id"`);
    await q.query(`CREATE UNIQUE INDEX "email_digest_address_date_key" ON "email_digest" ("address", "digest_date")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."email_digest_address_date_key"`);
    await q.query(`ALTER TABLE "email_digest" ADD "recipient_id" uuid`);
    // A digest goes back to the first recipient set with its address; a person's own digests have none and go.
    await q.query(
      `UPDATE "email_digest" g SET "recipient_id" = (SELECT r."id" FROM "email_recipient" r WHERE lower(r."address") = g."address" ORDER BY r."created_at", r."id" LIMIT 1)`,
    );
    await q.query(`DELETE FROM "email_digest" WHERE "recipient_id" IS NULL`);
    await q.query(`ALTER TABLE "email_digest" ALTER COLUMN "recipient_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "email_digest" DROP COLUMN "address"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_d311bbd1bf6af343470fb98702" ON "email_digest" ("recipient_id", "digest_date")`);
    await q.query(
      `ALTER TABLE "email_digest" ADD CONSTRAINT "FK_f8dc9baf4470b65cb23882794a3" FOREIGN KEY ("recipient_id") REFERENCES "email_recipient"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "hub_user" DROP COLUMN "email"`);
  }
}
