import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expert review at both stages (第六条、第十条、第二十五条): reviews (of a declaration or of an
 * acceptance application), the experts assigned to them, and opinions kept in every version. Each
 * existing application gets its review (decided when its result is recorded), each existing opinion
 * becomes version 1 of an assigned expert's opinion. Also the reason of an acceptance held before
 * three months of operation (第二十四条) and the REVIEW_ASSIGNED reminder.
 */
export class ExpertReview1795700000000 implements MigrationInterface {
  name = 'ExpertReview1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."review_stage" AS ENUM('PLAN', 'ACCEPTANCE')`);
    await q.query(`CREATE TABLE "expert_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "stage" "public"."review_stage" NOT NULL, "project_id" uuid NOT NULL, "declaration_id" uuid, "application_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b2dc168e3539bf01f5826be6bc2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_2af250e488f87d9ff8427b24b5" ON "expert_review"  ("project_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_b9db882be0227692546ce06d93" ON "expert_review"  ("declaration_id") WHERE "declaration_id" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "IDX_4758702e00de69c1b24d9098fa" ON "expert_review"  ("application_id") WHERE "application_id" IS NOT NULL`);
    await q.query(`CREATE TABLE "expert_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "review_id" uuid NOT NULL, "expert_user_id" character varying(200) NOT NULL, "expert_name" character varying(100), "assigned_by" character varying(200) NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6073299b68a260215d9d1be3da9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_b63602a0862c6ea11641bf7366" ON "expert_assignment"  ("expert_user_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_06378d5d6f762ce8f572446fef" ON "expert_assignment"  ("review_id", "expert_user_id") `);
    await q.query(`ALTER TABLE "acceptance_application" ADD "early_acceptance_reason" text`);
    await q.query(`ALTER TABLE "expert_opinion" ADD "review_id" uuid`);
    await q.query(`ALTER TABLE "expert_opinion" ADD "expert_name" character varying(100)`);
    await q.query(`ALTER TABLE "expert_opinion" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "expert_opinion" ADD "superseded_at" TIMESTAMP WITH TIME ZONE`);
    // The data there is: one review per application, decided once its result is recorded; the experts who gave opinions, assigned.
    await q.query(`INSERT INTO "expert_review" ("stage", "project_id", "application_id", "opened_at", "decided_at")
      SELECT 'ACCEPTANCE', a.project_id, a.id, a.applied_at, CASE WHEN a.result IS NOT NULL THEN coalesce((a.accepted_on::timestamp AT TIME ZONE 'Asia/Shanghai'), now()) END
        FROM "acceptance_application" a`);
    await q.query(`UPDATE "expert_opinion" o SET "review_id" = r.id FROM "expert_review" r WHERE r.application_id = o.application_id`);
    await q.query(`INSERT INTO "expert_assignment" ("review_id", "expert_user_id", "assigned_by", "assigned_at")
      SELECT o.review_id, o.expert_user_id, 'migration', o.recorded_at FROM "expert_opinion" o`);
    await q.query(`ALTER TABLE "expert_opinion" ALTER COLUMN "review_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "expert_opinion" DROP CONSTRAINT "FK_66c2163a9cf15d441eeb0a6784f"`);
    await q.query(`DROP INDEX "public"."IDX_e649fbce5200b94a3b2557753e"`);
    await q.query(`ALTER TABLE "expert_opinion" DROP COLUMN "application_id"`);
    await q.query(`ALTER TYPE "public"."notification_event_kind" ADD VALUE 'REVIEW_ASSIGNED'`);
    await q.query(`CREATE UNIQUE INDEX "expert_opinion_current_key" ON "expert_opinion"  ("review_id", "expert_user_id") WHERE "superseded_at" IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "IDX_b9dc71bda8fe28037a0436d895" ON "expert_opinion"  ("review_id", "expert_user_id", "version") `);
    await q.query(`ALTER TABLE "expert_review" ADD CONSTRAINT "FK_2af250e488f87d9ff8427b24b56" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "expert_review" ADD CONSTRAINT "FK_545e486185e67ca310fe74a5a8d" FOREIGN KEY ("declaration_id") REFERENCES "project_transition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "expert_assignment" ADD CONSTRAINT "FK_e55a77e21254cd97a018c14442b" FOREIGN KEY ("review_id") REFERENCES "expert_review"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "expert_opinion" ADD CONSTRAINT "FK_7c1f86737b08da135283c343683" FOREIGN KEY ("review_id") REFERENCES "expert_review"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "expert_opinion" DROP CONSTRAINT "FK_7c1f86737b08da135283c343683"`);
    await q.query(`ALTER TABLE "expert_assignment" DROP CONSTRAINT "FK_e55a77e21254cd97a018c14442b"`);
    await q.query(`ALTER TABLE "expert_review" DROP CONSTRAINT "FK_545e486185e67ca310fe74a5a8d"`);
    await q.query(`ALTER TABLE "expert_review" DROP CONSTRAINT "FK_2af250e488f87d9ff8427b24b56"`);
    await q.query(`DROP INDEX "public"."IDX_b9dc71bda8fe28037a0436d895"`);
    await q.query(`DROP INDEX "public"."expert_opinion_current_key"`);
    await q.query(`DELETE FROM "notification_event" WHERE "kind" = 'REVIEW_ASSIGNED'`);
    await q.query(`CREATE TYPE "public"."notification_event_kind_old" AS ENUM('RESOURCE_RETURNED', 'SHARING_REQUEST_CREATED', 'DEADLINE_DUE_7', 'DEADLINE_DUE_3', 'DEADLINE_DUE_1', 'DEADLINE_OVERDUE', 'AGGREGATION_FAILING')`);
    await q.query(`ALTER TABLE "notification_event" ALTER COLUMN "kind" TYPE "public"."notification_event_kind_old" USING "kind"::"text"::"public"."notification_event_kind_old"`);
    await q.query(`DROP TYPE "public"."notification_event_kind"`);
    await q.query(`ALTER TYPE "public"."notification_event_kind_old" RENAME TO "notification_event_kind"`);
    // Back to one opinion per expert and application: the current acceptance opinions only (plan reviews have no place there).
    await q.query(`ALTER TABLE "expert_opinion" ADD "application_id" uuid`);
    await q.query(`UPDATE "expert_opinion" o SET "application_id" = r.application_id FROM "expert_review" r WHERE r.id = o.review_id`);
    await q.query(`DELETE FROM "expert_opinion" WHERE "application_id" IS NULL OR "superseded_at" IS NOT NULL`);
    await q.query(`ALTER TABLE "expert_opinion" ALTER COLUMN "application_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "expert_opinion" DROP COLUMN "superseded_at"`);
    await q.query(`ALTER TABLE "expert_opinion" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "expert_opinion" DROP COLUMN "expert_name"`);
    await q.query(`ALTER TABLE "expert_opinion" DROP COLUMN "review_id"`);
    await q.query(`ALTER TABLE "acceptance_application" DROP COLUMN "early_acceptance_reason"`);
    await q.query(`DROP INDEX "public"."IDX_06378d5d6f762ce8f572446fef"`);
    await q.query(`DROP INDEX "public"."IDX_b63602a0862c6ea11641bf7366"`);
    await q.query(`DROP TABLE "expert_assignment"`);
    await q.query(`DROP INDEX "public"."IDX_4758702e00de69c1b24d9098fa"`);
    await q.query(`DROP INDEX "public"."IDX_b9db882be0227692546ce06d93"`);
    await q.query(`DROP INDEX "public"."IDX_2af250e488f87d9ff8427b24b5"`);
    await q.query(`DROP TABLE "expert_review"`);
    await q.query(`DROP TYPE "public"."review_stage"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_e649fbce5200b94a3b2557753e" ON "expert_opinion" USING btree ("application_id", "expert_user_id") `);
    await q.query(`ALTER TABLE "expert_opinion" ADD CONSTRAINT "FK_66c2163a9cf15d441eeb0a6784f" FOREIGN KEY ("application_id") REFERENCES "acceptance_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }
}
