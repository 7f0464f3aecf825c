import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and to-dos: the transactional outbox of events, organisations' webhooks with their
 * deliveries and attempt log, e-mail digest recipients and digests, and calendar feed tokens (hashed).
 */
export class Notifications1795600000000 implements MigrationInterface {
  name = 'Notifications1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "calendar_feed_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" character varying(200) NOT NULL, "organization_id" uuid, "roles" character varying(40) array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e016889d5c740abfa7277e0431b" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_da3743af69f31ffd278f363bce" ON "calendar_feed_token"  ("token_hash")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_55699e77827f515c313957e993" ON "calendar_feed_token"  ("user_id")`);
    await q.query(`CREATE TABLE "email_recipient" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "role" character varying(40) NOT NULL, "address" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_897939e90d3bcdaaa3809451b13" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_87aaa8dac747d9096a8ca557f1" ON "email_recipient"  ("organization_id", "role")`);
    await q.query(`CREATE TYPE "public"."notification_event_kind" AS ENUM('RESOURCE_RETURNED', 'SHARING_REQUEST_CREATED', 'DEADLINE_DUE_7', 'DEADLINE_DUE_3', 'DEADLINE_DUE_1', 'DEADLINE_OVERDUE', 'AGGREGATION_FAILING')`);
    await q.query(`CREATE TABLE "notification_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."notification_event_kind" NOT NULL, "organization_ids" uuid array NOT NULL DEFAULT '{}', "roles" character varying(40) array NOT NULL DEFAULT '{}', "data" jsonb NOT NULL, "dedupe_key" character varying(300), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_122be1f0696e0255acf95f9e336" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "notification_event_dedupe_key" ON "notification_event"  ("dedupe_key")`);
    await q.query(`CREATE INDEX "IDX_13c51053f097ee0ca36596846b" ON "notification_event"  ("occurred_at")`);
    await q.query(`CREATE TABLE "webhook" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "role" character varying(40) NOT NULL, "url" character varying(500) NOT NULL, "secret" character varying(100) NOT NULL, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, "disabled_reason" text, "consecutive_failures" integer NOT NULL DEFAULT '0', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_29724facee296e527f5fd8f214" ON "webhook"  ("organization_id", "role")`);
    await q.query(`CREATE TYPE "public"."delivery_status" AS ENUM('PENDING', 'DELIVERED', 'FAILED')`);
    await q.query(`CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "event_id" uuid NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_68fd3a7ad4e5504350f64a3472" ON "webhook_delivery"  ("status", "next_attempt_at")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_275b38e6c4ca35bcb36b4c4410" ON "webhook_delivery"  ("webhook_id", "event_id")`);
    await q.query(`CREATE TABLE "webhook_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "attempt" integer NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "succeeded" boolean NOT NULL, "http_status" integer, "error" text, "duration_ms" integer NOT NULL, CONSTRAINT "PK_e4ff77b66cdd20591ba6189a1f9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_de8887b06ae07819e7a23c0350" ON "webhook_attempt"  ("delivery_id", "attempted_at")`);
    await q.query(`CREATE TABLE "email_digest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "digest_date" date NOT NULL, "cutoff" TIMESTAMP WITH TIME ZONE NOT NULL, "event_ids" uuid array NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_fbec795f2b0522692332560ffa0" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_1d3ff7a2abcd3e5b9ac73e14ea" ON "email_digest"  ("status", "next_attempt_at")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_d311bbd1bf6af343470fb98702" ON "email_digest"  ("recipient_id", "digest_date")`);
    await q.query(`ALTER TABLE "email_recipient" ADD CONSTRAINT "FK_9fc8ac49e46f829bc82d6ebc806" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "webhook" ADD CONSTRAINT "FK_2d4f7f00655c8aa6a4bb69a9add" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_b723a573cd78b4cff3404153ad1" FOREIGN KEY ("event_id") REFERENCES "notification_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "webhook_attempt" ADD CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "email_digest" ADD CONSTRAINT "FK_f8dc9baf4470b65cb23882794a3" FOREIGN KEY ("recipient_id") REFERENCES "email_recipient"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "email_digest" DROP CONSTRAINT "FK_f8dc9baf4470b65cb23882794a3"`);
    await q.query(`ALTER TABLE "webhook_attempt" DROP CONSTRAINT "FK_d7ed48c4841159bfd6bdee166ea"`);
    await q.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_b723a573cd78b4cff3404153ad1"`);
    await q.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d"`);
    await q.query(`ALTER TABLE "webhook" DROP CONSTRAINT "FK_2d4f7f00655c8aa6a4bb69a9add"`);
    await q.query(`ALTER TABLE "email_recipient" DROP CONSTRAINT "FK_9fc8ac49e46f829bc82d6ebc806"`);
    await q.query(`DROP INDEX "public"."IDX_d311bbd1bf6af343470fb98702"`);
    await q.query(`DROP INDEX "public"."IDX_1d3ff7a2abcd3e5b9ac73e14ea"`);
    await q.query(`DROP TABLE "email_digest"`);
    await q.query(`DROP INDEX "public"."IDX_de8887b06ae07819e7a23c0350"`);
    await q.query(`DROP TABLE "webhook_attempt"`);
    await q.query(`DROP INDEX "public"."IDX_275b38e6c4ca35bcb36b4c4410"`);
    await q.query(`DROP INDEX "public"."IDX_68fd3a7ad4e5504350f64a3472"`);
    await q.query(`DROP TABLE "webhook_delivery"`);
    await q.query(`DROP TYPE "public"."delivery_status"`);
    await q.query(`DROP INDEX "public"."IDX_29724facee296e527f5fd8f214"`);
    await q.query(`DROP TABLE "webhook"`);
    await q.query(`DROP INDEX "public"."IDX_13c51053f097ee0ca36596846b"`);
    await q.query(`DROP INDEX "public"."notification_event_dedupe_key"`);
    await q.query(`DROP TABLE "notification_event"`);
    await q.query(`DROP TYPE "public"."notification_event_kind"`);
    await q.query(`DROP INDEX "public"."IDX_87aaa8dac747d9096a8ca557f1"`);
    await q.query(`DROP TABLE "email_recipient"`);
    await q.query(`DROP INDEX "public"."IDX_55699e77827f515c313957e993"`);
    await q.query(`DROP INDEX "public"."IDX_da3743af69f31ffd278f363bce"`);
    await q.query(`DROP TABLE "calendar_feed_token"`);
  }
}
