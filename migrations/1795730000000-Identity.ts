import { MigrationInterface, QueryRunner } from 'typeorm';

/** People who sign in (hub_user), their sessions (refresh tokens and browser cookies), and service accounts' API tokens. */
export class Identity1795730000000 implements MigrationInterface {
  name = 'Identity1795730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "hub_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "login" character varying(64) NOT NULL, "name" character varying(50) NOT NULL, "organization_id" uuid, "roles" "public"."role" array NOT NULL, "password_hash" character varying(200), "password_changed_at" TIMESTAMP WITH TIME ZONE, "sso_subject" character varying(200), "failed_sign_ins" integer NOT NULL DEFAULT 0, "locked_until" TIMESTAMP WITH TIME ZONE, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "hub_user_pkey" PRIMARY KEY ("id"), CONSTRAINT "hub_user_roles_not_empty" CHECK (cardinality("roles") > 0))`,
    );
    await q.query(`CREATE UNIQUE INDEX "hub_user_login_key" ON "hub_user" ("login")`);
    await q.query(`CREATE UNIQUE INDEX "hub_user_sso_subject_key" ON "hub_user" ("sso_subject") WHERE "sso_subject" IS NOT NULL`);
    await q.query(`CREATE INDEX "hub_user_organization_id" ON "hub_user" ("organization_id")`);
    await q.query(
      `ALTER TABLE "hub_user" ADD CONSTRAINT "hub_user_organization_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT`,
    );
    await q.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "secret_hash" character(64) NOT NULL, "client_address" character varying(100), "user_agent" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "user_session_pkey" PRIMARY KEY ("id"), CONSTRAINT "user_session_kind_check" CHECK ("kind" IN ('TOKEN', 'COOKIE')))`,
    );
    await q.query(`CREATE INDEX "user_session_user_id" ON "user_session" ("user_id")`);
    await q.query(`ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_fkey" FOREIGN KEY ("user_id") REFERENCES "hub_user"("id") ON DELETE CASCADE`);
    await q.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "role" "public"."role" NOT NULL, "organization_id" uuid, "secret_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "api_token_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "api_token_secret_hash_key" ON "api_token" ("secret_hash")`);
    await q.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "api_token_organization_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "api_token"`);
    await q.query(`DROP TABLE "user_session"`);
    await q.query(`DROP TABLE "hub_user"`);
  }
}
