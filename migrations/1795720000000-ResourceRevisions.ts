import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 第五条、第十七条: a published entry stays published while it is revised. The revision of a
 * published entry gets its own table; an entry that an earlier hub turned into a DRAFT (or
 * SUBMITTED, RETURNED) next version becomes its published version again, the edits moved into
 * its revision.
 */
export class ResourceRevisions1795720000000 implements MigrationInterface {
  name = 'ResourceRevisions1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."revision_status" AS ENUM('DRAFT', 'SUBMITTED', 'RETURNED')`);
    await q.query(
      `CREATE TABLE "resource_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resource_id" uuid NOT NULL, "version" integer NOT NULL, "status" "public"."revision_status" NOT NULL DEFAULT 'DRAFT', "content" jsonb NOT NULL, "data_items" jsonb NOT NULL, "return_reason" text, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_resource_revision" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "resource_revision_resource_key" ON "resource_revision" ("resource_id")`);
    await q.query(
      `ALTER TABLE "resource_revision" ADD CONSTRAINT "FK_resource_revision_resource" FOREIGN KEY ("resource_id") REFERENCES "information_resource"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Entries edited after publication by an earlier hub: the edits become the revision …
    await q.query(`
      INSERT INTO resource_revision (resource_id, version, status, content, data_items, return_reason, created_by, created_at, updated_at)
      SELECT r.id, r.version, r.status::text::revision_status,
             jsonb_build_object('catalogueKind', r.catalogue_kind, 'classificationCode', r.classification_code, 'name', r.name,
               'providerId', r.provider_id, 'summary', r.summary, 'format', r.format, 'subFormat', r.sub_format,
               'sharingType', r.sharing_type, 'sharingCondition', r.sharing_condition, 'legalBasis', r.legal_basis,
               'sharingMethod', r.sharing_method, 'openType', r.open_type, 'openCondition', r.open_condition,
               'updateFrequency', r.update_frequency, 'dataGrade', r.data_grade, 'publishedOn', r.published_on,
               'relatedResourceCodes', to_jsonb(r.related_resource_codes)),
             (SELECT coalesce(jsonb_agg(jsonb_build_object('name', d.name, 'dataType', d.data_type, 'length', d.length) ORDER BY d.position), '[]')
                FROM data_item d WHERE d.resource_id = r.id),
             r.return_reason, 'migration', r.updated_at, r.updated_at
        FROM information_resource r
       WHERE r.status IN ('DRAFT', 'SUBMITTED', 'RETURNED')
         AND EXISTS (SELECT 1 FROM resource_version v WHERE v.resource_id = r.id)`);
    // … and the row is again the last version the bureau published.
    await q.query(`
      WITH last AS (
        SELECT DISTINCT ON (v.resource_id) v.resource_id, v.version, v.snapshot s
          FROM resource_version v JOIN resource_revision x ON x.resource_id = v.resource_id
         ORDER BY v.resource_id, v.version DESC)
      UPDATE information_resource r
         SET catalogue_kind = (s->>'catalogueKind')::catalogue_kind, classification_code = s->>'classificationCode', name = s->>'name',
             provider_id = (s->>'providerId')::uuid, summary = s->>'summary', format = (s->>'format')::resource_format,
             sub_format = s->>'subFormat', sharing_type = (s->>'sharingType')::sharing_type, sharing_condition = s->>'sharingCondition',
             legal_basis = s->>'legalBasis', sharing_method = (s->>'sharingMethod')::sharing_method, open_type = (s->>'openType')::open_type,
             open_condition = s->>'openCondition', update_frequency = (s->>'updateFrequency')::update_frequency,
             data_grade = (s->>'dataGrade')::data_grade, published_on = (s->>'publishedOn')::date,
             related_resource_codes = ARRAY(SELECT jsonb_array_elements_text(s->'relatedResourceCodes')),
             version = last.version, status = 'PUBLISHED', return_reason = NULL,
             search_text = concat_ws(E'\\n', s->>'name', nullif(s->>'summary', ''),
               (SELECT string_agg(i->>'name', E'\\n' ORDER BY (i->>'position')::int) FROM jsonb_array_elements(s->'dataItems') i))
        FROM last WHERE r.id = last.resource_id`);
    await q.query(`DELETE FROM data_item d USING resource_revision x WHERE d.resource_id = x.resource_id AND x.created_by = 'migration'`);
    await q.query(`
      INSERT INTO data_item (resource_id, position, name, data_type, length)
      SELECT v.resource_id, (i->>'position')::int, i->>'name', (i->>'dataType')::data_item_type, (i->>'length')::int
        FROM (SELECT DISTINCT ON (v.resource_id) v.resource_id, v.snapshot FROM resource_version v
                JOIN resource_revision x ON x.resource_id = v.resource_id AND x.created_by = 'migration'
               ORDER BY v.resource_id, v.version DESC) v,
             jsonb_array_elements(v.snapshot->'dataItems') i`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "resource_revision"`);
    await q.query(`DROP TYPE "public"."revision_status"`);
  }
}
