import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chinese search words are mostly two characters (学生, 资助), below what a trigram can serve.
 * hub_bigrams(text) is the set of lower-cased two-character substrings of a text; a GIN index on
 * it answers "contains every bigram of the term", which every match of a 2+ character term
 * satisfies, and the ILIKE beside it removes the rare false positive.
 */
export class SearchBigrams1795574808103 implements MigrationInterface {
  name = 'SearchBigrams1795574808103';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION hub_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      SELECT coalesce(array_agg(DISTINCT lower(substr(t, i, 2))), '{}') FROM generate_series(1, char_length(t) - 1) AS i
    $fn$`);
    await q.query(`CREATE INDEX "information_resource_search_bigrams" ON "information_resource" USING gin (hub_bigrams("search_text"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "information_resource_search_bigrams"`);
    await q.query(`DROP FUNCTION hub_bigrams(text)`);
  }
}
