import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations (单位) with their unified social credit codes and supervising organisation. */
export class Organizations1795572950235 implements MigrationInterface {
  name = 'Organizations1795572950235';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."organization_kind" AS ENUM('TOWN', 'SUBDISTRICT', 'PARK', 'DEPARTMENT', 'DIRECT_UNIT')`);
    await q.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "credit_code" character varying(18) NOT NULL, "kind" "public"."organization_kind" NOT NULL, "supervisor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "organization_credit_code_key" ON "organization" ("credit_code")`);
    await q.query(`CREATE INDEX "IDX_781825380d53deda9c0259d122" ON "organization" ("supervisor_id")`);
    await q.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "FK_781825380d53deda9c0259d1227" FOREIGN KEY ("supervisor_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "organization"`);
    await q.query(`DROP TYPE "public"."organization_kind"`);
  }
}
