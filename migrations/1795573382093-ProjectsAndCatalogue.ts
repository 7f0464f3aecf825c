import { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects with their budgets and transitions, the resource catalogue with data items and published versions, and the sharing list. */
export class ProjectsAndCatalogue1795573382093 implements MigrationInterface {
  name = 'ProjectsAndCatalogue1795573382093';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TYPE "public"."data_item_type" AS ENUM('C', 'N', 'Y', 'D', 'T', 'L', 'M', 'G', 'B', 'I', 'F')`);
    await q.query(`CREATE TABLE "data_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "position" integer NOT NULL, "name" character varying(100) NOT NULL, "data_type" "public"."data_item_type" NOT NULL, "length" integer, CONSTRAINT "PK_3cfb8a3cae970ad32d878656f23" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_d5c5fcc546a3d0302c9482f621" ON "data_item" ("resource_id", "position")`);
    await q.query(`CREATE TABLE "project_budget_year" ("project_id" uuid NOT NULL, "year" integer NOT NULL, "amount" numeric(14,2) NOT NULL, CONSTRAINT "PK_6c6a7d8c47081cdc5aa98780d76" PRIMARY KEY ("project_id", "year"))`);
    await q.query(`CREATE TYPE "public"."project_category" AS ENUM('NEW', 'CONTINUED', 'HARDWARE', 'UPGRADE')`);
    await q.query(`CREATE TYPE "public"."cloud_deployment" AS ENUM('DISTRICT_GOV_CLOUD', 'OTHER_ASSESSED_CLOUD', 'EXEMPT')`);
    await q.query(`CREATE TYPE "public"."project_status" AS ENUM('DRAFT', 'DECLARED', 'APPROVED', 'REJECTED', 'UNDER_CONSTRUCTION', 'TRIAL_OPERATION', 'ACCEPTANCE_APPLIED', 'ACCEPTED', 'ACCEPTANCE_FAILED', 'FILED', 'IN_OPERATION', 'RECTIFYING', 'SUSPENDED', 'TERMINATED')`);
    await q.query(`CREATE TABLE "project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "lead_unit_id" uuid NOT NULL, "cross_department" boolean NOT NULL DEFAULT false, "category" "public"."project_category" NOT NULL, "upgrades_project_id" uuid, "plan_year" integer NOT NULL, "total_budget" numeric(14,2) NOT NULL, "funding_source" character varying(200), "cloud_deployment" "public"."cloud_deployment" NOT NULL DEFAULT 'DISTRICT_GOV_CLOUD', "cloud_reason" text, "status" "public"."project_status" NOT NULL DEFAULT 'DRAFT', "declared_at" TIMESTAMP WITH TIME ZONE, "approved_at" TIMESTAMP WITH TIME ZONE, "rejection_reason" text, "go_live_date" date, "trial_end_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_version" integer NOT NULL, "plan_background" text, "plan_necessity" text, "plan_goals" text, "plan_content" text, "plan_schedule" text, "plan_security_system" text, "plan_configuration" text, "plan_highlights" text, "plan_scenarios" text, CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "project_code_key" ON "project" ("code")`);
    await q.query(`CREATE INDEX "IDX_8f4fdcacc327c6d2b866161871" ON "project" ("lead_unit_id")`);
    await q.query(`CREATE INDEX "IDX_113b5d4da75be70e19ddd838ac" ON "project" ("plan_year")`);
    await q.query(`CREATE INDEX "IDX_57856cedbec1fbed761154d162" ON "project" ("status")`);
    await q.query(`CREATE TYPE "public"."catalogue_kind" AS ENUM('BASIC', 'THEMATIC', 'DEPARTMENTAL')`);
    await q.query(`CREATE TYPE "public"."resource_format" AS ENUM('DOCUMENT', 'SPREADSHEET', 'DATABASE', 'IMAGE', 'STREAMING', 'SELF_DESCRIBING', 'SERVICE')`);
    await q.query(`CREATE TYPE "public"."sharing_type" AS ENUM('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')`);
    await q.query(`CREATE TYPE "public"."sharing_method" AS ENUM('PLATFORM_DATABASE', 'PLATFORM_INTERFACE', 'PLATFORM_FILE', 'EMAIL', 'MEDIA')`);
    await q.query(`CREATE TYPE "public"."open_type" AS ENUM('OPEN', 'CONDITIONAL_OPEN', 'NOT_OPEN')`);
    await q.query(`CREATE TYPE "public"."update_frequency" AS ENUM('REALTIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY', 'IRREGULAR')`);
    await q.query(`CREATE TYPE "public"."data_grade" AS ENUM('CORE', 'IMPORTANT', 'GENERAL')`);
    await q.query(`CREATE TYPE "public"."resource_status" AS ENUM('DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'RETIRED')`);
    await q.query(`CREATE TABLE "information_resource" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "catalogue_kind" "public"."catalogue_kind" NOT NULL, "classification_code" character varying(16) NOT NULL, "name" character varying(200) NOT NULL, "provider_id" uuid NOT NULL, "project_id" uuid NOT NULL, "summary" text NOT NULL DEFAULT '', "format" "public"."resource_format" NOT NULL, "sub_format" character varying(50), "sharing_type" "public"."sharing_type", "sharing_condition" text, "legal_basis" text, "sharing_method" "public"."sharing_method", "open_type" "public"."open_type", "open_condition" text, "update_frequency" "public"."update_frequency", "data_grade" "public"."data_grade", "published_on" date, "related_resource_codes" text array NOT NULL DEFAULT '{}', "status" "public"."resource_status" NOT NULL DEFAULT 'DRAFT', "return_reason" text, "search_text" text NOT NULL DEFAULT '', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_39e6ba057920231563d21d8f460" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "information_resource_code_key" ON "information_resource" ("code")`);
    await q.query(`CREATE INDEX "IDX_154df73761a82b90b4ccafbb8c" ON "information_resource" ("classification_code")`);
    await q.query(`CREATE INDEX "IDX_4da705a713dcbe87ca6d9cab96" ON "information_resource" ("provider_id")`);
    await q.query(`CREATE INDEX "IDX_106f9946d31c379f29a2135b4c" ON "information_resource" ("project_id")`);
    await q.query(`CREATE INDEX "IDX_d8637406be52b4cbae64e4b9e1" ON "information_resource" ("sharing_type")`);
    await q.query(`CREATE INDEX "IDX_476780bdf6a284d53782350257" ON "information_resource" ("open_type")`);
    await q.query(`CREATE INDEX "IDX_554def198e43192dc4fbeac7e1" ON "information_resource" ("update_frequency")`);
    await q.query(`CREATE INDEX "IDX_d7aa60d745537ec7f5ab429ec2" ON "information_resource" ("status")`);
    await q.query(`CREATE TABLE "resource_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" character varying(200) NOT NULL, CONSTRAINT "PK_d1c63af9faec3c0e6bc0fa54a7b" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_79579e9681723ac236b1e17f4f" ON "resource_version" ("resource_id", "version")`);
    await q.query(`CREATE TYPE "public"."role" AS ENUM('PROJECT_UNIT', 'BIG_DATA_BUREAU', 'LEADING_GROUP_OFFICE', 'EXPERT', 'AUDITOR', 'PLATFORM', 'ADMIN')`);
    await q.query(`CREATE TABLE "project_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "from_status" "public"."project_status", "to_status" "public"."project_status" NOT NULL, "action" character varying(64) NOT NULL, "actor_user_id" character varying(200) NOT NULL, "actor_role" "public"."role" NOT NULL, "actor_organization_id" uuid, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3323452bde3126cd7e0243af6f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_1dc6e9ff5c8e2358cf74eadad6" ON "project_transition" ("project_id")`);
    await q.query(`CREATE TYPE "public"."interface_kind" AS ENUM('REST_API', 'WEB_SERVICE', 'DATABASE_SYNC', 'FILE_TRANSFER', 'MESSAGE_QUEUE')`);
    await q.query(`CREATE TYPE "public"."mount_status" AS ENUM('NOT_MOUNTED', 'MOUNTED', 'WITHDRAWN')`);
    await q.query(`CREATE TABLE "sharing_interface" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "kind" "public"."interface_kind" NOT NULL, "endpoint" character varying(500) NOT NULL, "sync_frequency" "public"."update_frequency" NOT NULL, "mount_status" "public"."mount_status" NOT NULL DEFAULT 'NOT_MOUNTED', "platform_id" character varying(100), "mounted_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3965734824f8df2c79484e7233c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_ea813e81afa3888075a117c1cf" ON "sharing_interface" ("resource_id")`);
    await q.query(`CREATE INDEX "IDX_fe3d4f33aace227fec3a7eadc8" ON "sharing_interface" ("mount_status")`);
    await q.query(`CREATE TABLE "project_co_building_unit" ("project_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_f6d5c04842c3b9186edf653a5f4" PRIMARY KEY ("project_id", "organization_id"))`);
    await q.query(`CREATE INDEX "IDX_2dfcf4056ed51985cd3b4560a7" ON "project_co_building_unit" ("project_id")`);
    await q.query(`CREATE INDEX "IDX_b0e38e24f06a0fb1b6f4e069cf" ON "project_co_building_unit" ("organization_id")`);
    await q.query(`CREATE TABLE "sharing_interface_consumer" ("interface_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_284c7498d540634df091c738d8d" PRIMARY KEY ("interface_id", "organization_id"))`);
    await q.query(`CREATE INDEX "IDX_ff87496f775e623f07ccc8b96d" ON "sharing_interface_consumer" ("interface_id")`);
    await q.query(`CREATE INDEX "IDX_600bb689ced6f10553b192b099" ON "sharing_interface_consumer" ("organization_id")`);
    await q.query(`ALTER TABLE "data_item" ADD CONSTRAINT "FK_9bbaed064975dcee94c30a99c9a" FOREIGN KEY ("resource_id") REFERENCES "information_resource"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "project_budget_year" ADD CONSTRAINT "FK_954be09e1c037c071523fff9a13" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "project" ADD CONSTRAINT "FK_8f4fdcacc327c6d2b8661618718" FOREIGN KEY ("lead_unit_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "project" ADD CONSTRAINT "FK_741f72a44b3fa4dfda96d37a119" FOREIGN KEY ("upgrades_project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "information_resource" ADD CONSTRAINT "FK_4da705a713dcbe87ca6d9cab96e" FOREIGN KEY ("provider_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "information_resource" ADD CONSTRAINT "FK_106f9946d31c379f29a2135b4c9" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "sharing_interface" ADD CONSTRAINT "FK_ea813e81afa3888075a117c1cf9" FOREIGN KEY ("resource_id") REFERENCES "information_resource"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "project_co_building_unit" ADD CONSTRAINT "FK_2dfcf4056ed51985cd3b4560a7f" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE "project_co_building_unit" ADD CONSTRAINT "FK_b0e38e24f06a0fb1b6f4e069cf7" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE "sharing_interface_consumer" ADD CONSTRAINT "FK_ff87496f775e623f07ccc8b96d9" FOREIGN KEY ("interface_id") REFERENCES "sharing_interface"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE "sharing_interface_consumer" ADD CONSTRAINT "FK_600bb689ced6f10553b192b0994" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`CREATE INDEX "information_resource_search_trgm" ON "information_resource" USING gin ("search_text" gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sharing_interface_consumer"`);
    await q.query(`DROP TABLE "project_co_building_unit"`);
    await q.query(`DROP TABLE "sharing_interface"`);
    await q.query(`DROP TABLE "project_transition"`);
    await q.query(`DROP TABLE "resource_version"`);
    await q.query(`DROP TABLE "data_item"`);
    await q.query(`DROP TABLE "information_resource"`);
    await q.query(`DROP TABLE "project_budget_year"`);
    await q.query(`DROP TABLE "project"`);
    await q.query(`DROP TYPE "public"."data_grade"`);
    await q.query(`DROP TYPE "public"."catalogue_kind"`);
    await q.query(`DROP TYPE "public"."cloud_deployment"`);
    await q.query(`DROP TYPE "public"."mount_status"`);
    await q.query(`DROP TYPE "public"."data_item_type"`);
    await q.query(`DROP TYPE "public"."project_category"`);
    await q.query(`DROP TYPE "public"."interface_kind"`);
    await q.query(`DROP TYPE "public"."role"`);
    await q.query(`DROP TYPE "public"."open_type"`);
    await q.query(`DROP TYPE "public"."update_frequency"`);
    await q.query(`DROP TYPE "public"."project_status"`);
    await q.query(`DROP TYPE "public"."sharing_type"`);
    await q.query(`DROP TYPE "public"."resource_status"`);
    await q.query(`DROP TYPE "public"."resource_format"`);
    await q.query(`DROP TYPE "public"."sharing_method"`);
  }
}
