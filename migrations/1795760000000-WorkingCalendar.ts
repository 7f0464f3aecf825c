import { MigrationInterface, QueryRunner } from 'typeorm';

/** The working-day calendar's holiday notices, one row per year (seeded at start from prc-holidays.json). */
export class WorkingCalendar1795760000000 implements MigrationInterface {
  name = 'WorkingCalendar1795760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "working_calendar_source" AS ENUM ('SEED', 'ENTERED', 'PROVISIONAL')`);
    await q.query(`CREATE TABLE "working_calendar_year" (
      "year" integer NOT NULL,
      "title" character varying(200) NOT NULL,
      "document_number" character varying(100) NOT NULL,
      "issued_on" date NOT NULL,
      "url" text,
      "holidays" jsonb NOT NULL,
      "makeup_workdays" jsonb NOT NULL,
      "source" "working_calendar_source" NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "working_calendar_year_pkey" PRIMARY KEY ("year"),
      CONSTRAINT "working_calendar_year_range" CHECK ("year" BETWEEN 1900 AND 2100)
    )`);
    // The audit log's change capture on the new table (the audit module's function).
    await q.query(`SELECT audit_capture_tables()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "working_calendar_year"`);
    await q.query(`DROP TYPE "working_calendar_source"`);
  }
}
