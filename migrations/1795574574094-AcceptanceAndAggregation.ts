import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aggregation runs with the latest run kept on interfaces and resources, acceptance applications
 * with their documents, expert opinions and immutable snapshots (a trigger refuses UPDATE, DELETE
 * and TRUNCATE), and sharing requests.
 */
export class AcceptanceAndAggregation1795574574094 implements MigrationInterface {
  name = 'AcceptanceAndAggregation1795574574094';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."aggregation_mode" AS ENUM('FULL', 'INCREMENTAL')`);
    await q.query(`CREATE TYPE "public"."aggregation_outcome" AS ENUM('SUCCEEDED', 'FAILED')`);
    await q.query(`CREATE TABLE "aggregation_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "interface_id" uuid NOT NULL, "resource_id" uuid NOT NULL, "platform_run_id" character varying(100) NOT NULL, "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL, "mode" "public"."aggregation_mode" NOT NULL, "records" integer NOT NULL, "outcome" "public"."aggregation_outcome" NOT NULL, "failure_reason" text, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_514926bed2e2af7ce95b1ac0ba0" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_7f7ca8c04eb1f7d7740aa6330b" ON "aggregation_run" ("resource_id")`);
    await q.query(`CREATE INDEX "IDX_508f122aa6a2fd8d3cf44cd356" ON "aggregation_run" ("interface_id", "ran_at")`);
    await q.query(`CREATE UNIQUE INDEX "aggregation_run_platform_key" ON "aggregation_run" ("interface_id", "platform_run_id")`);
    await q.query(`CREATE TYPE "public"."acceptance_result" AS ENUM('PASSED', 'FAILED')`);
    await q.query(`CREATE TABLE "acceptance_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_by" character varying(200) NOT NULL, "result" "public"."acceptance_result", "accepted_on" date, "override_reason" text, "decided_by" character varying(200), "filed_on" date, CONSTRAINT "PK_449cf012408aa8b59b10a1e2fca" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_4739ee91a3da45b0d65b24c889" ON "acceptance_application" ("project_id")`);
    await q.query(`CREATE TYPE "public"."acceptance_document_kind" AS ENUM('CONSTRUCTION_SUMMARY', 'FINANCIAL_REPORT', 'SHARING_CATALOGUE', 'SECURITY_ASSESSMENT', 'SHARING_LIST', 'SOFTWARE_HARDWARE_CONTROLLABILITY', 'TECHNICAL_DOCUMENTATION', 'CRYPTOGRAPHY_ASSESSMENT')`);
    await q.query(`CREATE TABLE "acceptance_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" "public"."acceptance_document_kind" NOT NULL, "title" character varying(200) NOT NULL, "file_name" character varying(255) NOT NULL, "sha256" character(64) NOT NULL, "url" character varying(500), "attached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dd9aae1ae370ae5f67c3e936bdd" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_230174b2537abcd8d058a3e933" ON "acceptance_document" ("application_id", "kind")`);
    await q.query(`CREATE TABLE "acceptance_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "content" jsonb NOT NULL, "content_hash" character(64) NOT NULL, CONSTRAINT "REL_c176ded554bc9b4129ee40c139" UNIQUE ("application_id"), CONSTRAINT "PK_d2d66610abf925697857e561f3a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_c176ded554bc9b4129ee40c139" ON "acceptance_snapshot" ("application_id")`);
    await q.query(`CREATE TYPE "public"."expert_conclusion" AS ENUM('PASS', 'PASS_WITH_CHANGES', 'FAIL')`);
    await q.query(`CREATE TABLE "expert_opinion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "expert_user_id" character varying(200) NOT NULL, "expert_organization_id" uuid, "opinion" text NOT NULL, "conclusion" "public"."expert_conclusion" NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a5a72d2fc233081cc4d81fbb441" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_e649fbce5200b94a3b2557753e" ON "expert_opinion" ("application_id", "expert_user_id")`);
    await q.query(`CREATE TYPE "public"."sharing_request_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED')`);
    await q.query(`CREATE TABLE "sharing_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "consumer_organization_id" uuid NOT NULL, "requested_by" character varying(200) NOT NULL, "purpose" text NOT NULL, "status" "public"."sharing_request_status" NOT NULL DEFAULT 'PENDING', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "due_on" date NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" character varying(200), "rejection_reason" text, CONSTRAINT "PK_54c6838ced0cc5448ffdd9c32d9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_f5dba46571bda6533f94ca147c" ON "sharing_request" ("resource_id")`);
    await q.query(`CREATE INDEX "IDX_1035a4ce1b4c251e3f9e06cf85" ON "sharing_request" ("consumer_organization_id")`);
    await q.query(`CREATE INDEX "IDX_04c4b0e2c26c6f2733173f288a" ON "sharing_request" ("status")`);
    await q.query(`ALTER TABLE "information_resource" ADD "retire_reason" text`);
    await q.query(`ALTER TABLE "information_resource" ADD "last_aggregated_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "sharing_interface" ADD "withdraw_reason" text`);
    await q.query(`ALTER TABLE "sharing_interface" ADD "last_run_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "sharing_interface" ADD "last_success_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "aggregation_run" ADD CONSTRAINT "FK_d7e4aca0b098bfa11c1ba379552" FOREIGN KEY ("interface_id") REFERENCES "sharing_interface"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "aggregation_run" ADD CONSTRAINT "FK_7f7ca8c04eb1f7d7740aa6330b6" FOREIGN KEY ("resource_id") REFERENCES "information_resource"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "acceptance_application" ADD CONSTRAINT "FK_4739ee91a3da45b0d65b24c8890" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "acceptance_document" ADD CONSTRAINT "FK_f9c358473c5a5d349ea4389b7b9" FOREIGN KEY ("application_id") REFERENCES "acceptance_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "acceptance_snapshot" ADD CONSTRAINT "FK_c176ded554bc9b4129ee40c1392" FOREIGN KEY ("application_id") REFERENCES "acceptance_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "expert_opinion" ADD CONSTRAINT "FK_66c2163a9cf15d441eeb0a6784f" FOREIGN KEY ("application_id") REFERENCES "acceptance_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "sharing_request" ADD CONSTRAINT "FK_f5dba46571bda6533f94ca147ca" FOREIGN KEY ("resource_id") REFERENCES "information_resource"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "sharing_request" ADD CONSTRAINT "FK_1035a4ce1b4c251e3f9e06cf855" FOREIGN KEY ("consumer_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`CREATE FUNCTION acceptance_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'acceptance snapshots are immutable (第二十五条): % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$fn$`);
    await q.query(`CREATE TRIGGER acceptance_snapshot_immutable BEFORE UPDATE OR DELETE ON acceptance_snapshot FOR EACH ROW EXECUTE FUNCTION acceptance_snapshot_immutable()`);
    await q.query(`CREATE TRIGGER acceptance_snapshot_no_truncate BEFORE TRUNCATE ON acceptance_snapshot FOR EACH STATEMENT EXECUTE FUNCTION acceptance_snapshot_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sharing_request"`);
    await q.query(`DROP TABLE "expert_opinion"`);
    await q.query(`DROP TABLE "acceptance_snapshot"`);
    await q.query(`DROP FUNCTION acceptance_snapshot_immutable()`);
    await q.query(`DROP TABLE "acceptance_document"`);
    await q.query(`DROP TABLE "acceptance_application"`);
    await q.query(`DROP TABLE "aggregation_run"`);
    await q.query(`ALTER TABLE "sharing_interface" DROP COLUMN "last_success_at"`);
    await q.query(`ALTER TABLE "sharing_interface" DROP COLUMN "last_run_at"`);
    await q.query(`ALTER TABLE "sharing_interface" DROP COLUMN "withdraw_reason"`);
    await q.query(`ALTER TABLE "information_resource" DROP COLUMN "last_aggregated_at"`);
    await q.query(`ALTER TABLE "information_resource" DROP COLUMN "retire_reason"`);
    await q.query(`DROP TYPE "public"."sharing_request_status"`);
    await q.query(`DROP TYPE "public"."expert_conclusion"`);
    await q.query(`DROP TYPE "public"."acceptance_document_kind"`);
    await q.query(`DROP TYPE "public"."acceptance_result"`);
    await q.query(`DROP TYPE "public"."aggregation_outcome"`);
    await q.query(`DROP TYPE "public"."aggregation_mode"`);
  }
}
