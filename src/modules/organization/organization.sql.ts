/**
 * SQL fragments over the organization table for the modules that need an organisation in their own
 * statements (a module's SQL names only its own tables).
 */

/** SQL: the name of the organisation whose id is `id` (an SQL expression). */
export const organizationNameSql = (id: string): string => `(SELECT og.name FROM organization og WHERE og.id = ${id})`;

/** SQL statement: the ids (column `id`) among `ids` (an SQL uuid[] expression) that are organisations. */
export const organizationIdsAmongSql = (ids: string): string => `SELECT id FROM organization WHERE id = ANY(${ids})`;

/**
 * SQL: `select(alias)` over the organisation whose id is `id` (an SQL expression), e.g. its row as JSON
 * for a look-ahead read; NULL when there is none.
 */
export const organizationSelectSql = (id: string, select: (alias: string) => string): string =>
  `(SELECT ${select('og')} FROM organization og WHERE og.id = ${id})`;
