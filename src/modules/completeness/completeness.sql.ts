import { itemisedResourcesSql, liveResourcesOfProjectsSql, malformedItemsSql, RESOURCE_HEADS, UpdateFrequency } from '../catalogue';
import { interfacePresenceSql, mountedInterfacesSql } from '../sharing';
import { INTERFACE_RUN_TIMES, RESOURCE_RUN_TIMES } from '../aggregation';
import { GapReason } from './completeness.enums';

/**
 * The completeness figures of DESIGN §3 as set-based SQL. Every statement here takes the same first
 * four parameters:
 *   $1 text[]  scope keys and $2 uuid[] project ids, pairwise: project $2[n] belongs to scope $1[n]
 *              (a scope is a project, an organisation's projects, or the whole filtered set);
 *   $3 timestamptz  the instant timeliness is judged at (the caller's clock, never the database's);
 *   $4 int  the grace in hours added to every update-frequency window (config.timelinessGraceHours).
 * One statement answers for every scope at once, so a page of projects costs one round trip.
 */

/** One update-frequency window, in hours (absolute hours, so no time zone or DST enters the comparison). IRREGULAR has none. */
export const WINDOW_HOURS: Record<UpdateFrequency, number | null> = {
  [UpdateFrequency.REALTIME]: 1,
  [UpdateFrequency.DAILY]: 24,
  [UpdateFrequency.WEEKLY]: 7 * 24,
  [UpdateFrequency.MONTHLY]: 31 * 24,
  [UpdateFrequency.QUARTERLY]: 92 * 24,
  [UpdateFrequency.HALF_YEARLY]: 183 * 24,
  [UpdateFrequency.YEARLY]: 366 * 24,
  [UpdateFrequency.IRREGULAR]: null,
};

const windowHours = (frequency: string) =>
  `CASE ${frequency} ${Object.entries(WINDOW_HOURS)
    .filter(([, h]) => h !== null)
    .map(([f, h]) => `WHEN '${f}' THEN ${h}`)
    .join(' ')} END`;

/**
 * 及时率: a last success within one update window of `frequency` plus the grace, judged at `at`
 * (timestamptz) with `graceHours` (int); IRREGULAR (or no frequency, or no success yet) is never
 * stale. SQL expressions in, a boolean expression out; exported for the to-dos of stale interfaces.
 */
export const freshSql = (lastSuccess: string, frequency: string, at: string, graceHours: string) =>
  `coalesce(${lastSuccess} >= ${at}::timestamptz - make_interval(hours => ${windowHours(frequency)} + ${graceHours}::int), true)`;

/**
 * 及时率 per interface: mounted interfaces of live resources whose last success is older than the
 * resource's update window plus the grace (columns interface_id, resource_id, project_id, provider_id,
 * last_success_at); `at` a timestamptz and `graceHours` an int SQL expression.
 */
export const staleInterfacesSql = (at: string, graceHours: string) => `
  SELECT i.id AS interface_id, i.resource_id, r.project_id, r.provider_id, t.last_success_at
    FROM (${mountedInterfacesSql()}) i JOIN (${RESOURCE_HEADS}) r ON r.id = i.resource_id
    JOIN (${INTERFACE_RUN_TIMES}) t ON t.interface_id = i.id
   WHERE r.status <> 'RETIRED' AND t.last_success_at IS NOT NULL
     AND NOT ${freshSql('t.last_success_at', 'r.update_frequency', at, graceHours)}`;

/** Blank: null, or nothing but spaces. */
const blank = (column: string) => `coalesce(btrim(${column}), '') = ''`;

/**
 * The project's resources with one flag per rule. RETIRED resources are history, not part of what
 * the project declares, and are left out of every figure. Each resource is checked once however
 * many scopes count it (MATERIALIZED), and its data items and interfaces are looked up set-wise
 * (hashed over the district, by index for one project) rather than by three correlated subqueries.
 */
const CHECKED = `
  scope AS MATERIALIZED (
    SELECT DISTINCT s.scope_key, s.project_id FROM unnest($1::text[], $2::uuid[]) AS s(scope_key, project_id)
  ), scoped AS MATERIALIZED (${liveResourcesOfProjectsSql('SELECT project_id FROM scope')}
  ), itemised AS (${itemisedResourcesSql('SELECT id FROM scoped')}
  ), malformed AS (${malformedItemsSql('SELECT id FROM scoped')}
  ), interfaced AS (
    -- 第九条: an interface counts until it is withdrawn; 第十七条: aggregation needs it mounted (the sharing module's interfacePresenceSql).
    ${interfacePresenceSql('SELECT id FROM scoped')}
  ), res AS MATERIALIZED (
    SELECT r.id, r.code, r.project_id, r.status, r.update_frequency, t.last_aggregated_at, r.sharing_type, r.open_type,
           r.status = 'PUBLISHED' AS published,
           -- 共享类型: UNCONDITIONAL and CONDITIONAL resources are the ones to share and aggregate (第九条、第十七条).
           coalesce(r.sharing_type IN ('UNCONDITIONAL', 'CONDITIONAL'), false) AS shareable,
           -- 第九条: the sharing analysis states sharing, openness and frequency for every resource.
           r.sharing_type IS NULL AS no_sharing_type,
           r.open_type IS NULL AS no_open_type,
           r.update_frequency IS NULL AS no_frequency,
           -- 第九条: a conditional share states its condition; not sharing states its legal basis.
           coalesce(r.sharing_type = 'CONDITIONAL' AND ${blank('r.sharing_condition')}, false) AS no_condition,
           coalesce(r.sharing_type = 'NOT_SHARED' AND ${blank('r.legal_basis')}, false) AS no_legal_basis,
           -- 第九条: a conditional opening states its condition.
           coalesce(r.open_type = 'CONDITIONAL_OPEN' AND ${blank('r.open_condition')}, false) AS no_open_condition,
           -- 第九条 (as resource.rules): open to the public only what is shared; NOT_SHARED ⇒ NOT_OPEN.
           coalesce(r.open_type IN ('OPEN', 'CONDITIONAL_OPEN') AND r.sharing_type IS DISTINCT FROM 'UNCONDITIONAL'
                    AND r.sharing_type IS DISTINCT FROM 'CONDITIONAL', false) AS open_not_shared,
           -- 第八条: a catalogue entry lists its data items.
           d.resource_id IS NULL AS no_items,
           -- 第八条 (编制指南): each item's length fits its type and its name is the entry's only one.
           m.resource_id IS NOT NULL AS malformed_items,
           m.names AS malformed_names,
           coalesce(i.has_interface, false) AS has_interface,
           coalesce(i.is_mounted, false) AS is_mounted,
           -- 第十七条 归集率: last_aggregated_at is kept by ingest (the aggregation module's bookkeeping) over all the resource's interfaces, including
           -- one withdrawn since: the data did reach the platform, so it still counts as aggregated (and
           -- will turn STALE once no mounted interface brings fresh data).
           t.last_aggregated_at IS NOT NULL AS aggregated,
           -- 及时率: the last success within one update window plus the grace; IRREGULAR (or no frequency) is never stale.
           ${freshSql('t.last_aggregated_at', 'r.update_frequency', '$3', '$4')} AS fresh
      FROM scoped r
      LEFT JOIN (${RESOURCE_RUN_TIMES}) t ON t.resource_id = r.id
      LEFT JOIN itemised d ON d.resource_id = r.id
      LEFT JOIN malformed m ON m.resource_id = r.id
      LEFT JOIN interfaced i ON i.resource_id = r.id
  ), checked AS (
    SELECT res.*,
           NOT (no_sharing_type OR no_open_type OR no_frequency OR no_condition OR no_legal_basis OR no_open_condition OR open_not_shared OR no_items OR malformed_items) AS metadata_ok
      FROM res
  )`;

/** When a resource counts against each figure: one gap per broken rule, numbered in the figures' order. */
const GAP_WHEN: Record<GapReason, string> = {
  [GapReason.NOT_PUBLISHED]: 'NOT r.published',
  [GapReason.MISSING_SHARING_TYPE]: 'r.no_sharing_type',
  [GapReason.MISSING_OPEN_TYPE]: 'r.no_open_type',
  [GapReason.MISSING_FREQUENCY]: 'r.no_frequency',
  [GapReason.MISSING_CONDITION]: 'r.no_condition',
  [GapReason.MISSING_LEGAL_BASIS]: 'r.no_legal_basis',
  [GapReason.MISSING_OPEN_CONDITION]: 'r.no_open_condition',
  [GapReason.NO_DATA_ITEMS]: 'r.no_items',
  [GapReason.MALFORMED_ITEMS]: 'r.malformed_items',
  [GapReason.OPEN_BUT_NOT_SHARED]: 'r.open_not_shared',
  [GapReason.NO_INTERFACE]: 'r.shareable AND NOT r.has_interface',
  [GapReason.NOT_MOUNTED]: 'r.shareable AND NOT r.is_mounted',
  [GapReason.NEVER_AGGREGATED]: 'r.shareable AND NOT r.aggregated',
  [GapReason.STALE]: 'r.shareable AND r.aggregated AND NOT r.fresh',
};

/** The order of gaps of one resource: the order the reasons are declared in (the figures' order). */
export const GAP_ORDER: GapReason[] = Object.values(GapReason);

const GAPS = `${CHECKED}, gap AS (
    SELECT s.scope_key, r.id AS resource_id, r.code, r.project_id, g.reason, g.ord,
           r.status, r.update_frequency, r.last_aggregated_at, r.has_interface, r.is_mounted, r.sharing_type, r.malformed_names
      FROM scope s JOIN checked r ON r.project_id = s.project_id
     CROSS JOIN LATERAL (VALUES ${GAP_ORDER.map((reason, ord) => `('${reason}', ${ord}, ${GAP_WHEN[reason]})`).join(', ')}) AS g(reason, ord, broken)
     WHERE g.broken
  )`;

/** The six figures of each scope; a scope whose projects have no resources counts 0/0. */
export const COUNTS_SQL = `WITH ${CHECKED}
  SELECT s.scope_key,
         count(r.id)::int AS resources,
         count(r.id) FILTER (WHERE r.published)::int AS published,
         count(r.id) FILTER (WHERE r.metadata_ok)::int AS metadata_ok,
         count(r.id) FILTER (WHERE r.shareable)::int AS shareable,
         count(r.id) FILTER (WHERE r.shareable AND r.has_interface)::int AS with_interface,
         count(r.id) FILTER (WHERE r.shareable AND r.is_mounted)::int AS mounted,
         count(r.id) FILTER (WHERE r.shareable AND r.aggregated)::int AS aggregated,
         count(r.id) FILTER (WHERE r.shareable AND r.aggregated AND r.fresh)::int AS timely
    FROM scope s LEFT JOIN checked r ON r.project_id = s.project_id
   GROUP BY s.scope_key`;

/** Every gap of the scopes (pass each project as its own scope), by resource code (bytewise) then reason. */
export const GAPS_SQL = `WITH ${GAPS}
  SELECT * FROM gap ORDER BY code COLLATE "C", ord, scope_key`;

/**
 * One keyset page of each scope's gaps after ($5 resource code, $6 reason number), at most $7 rows,
 * of the reasons $8 (all when null), with each scope's total; a scope without gaps has no row.
 */
export const GAP_PAGES_SQL = `WITH ${GAPS},
  wanted AS (SELECT * FROM gap WHERE $8::text[] IS NULL OR reason = ANY($8::text[])),
  total AS (SELECT scope_key, count(*)::int AS n FROM wanted GROUP BY scope_key),
  page AS (
    SELECT wanted.*, row_number() OVER (PARTITION BY scope_key ORDER BY code COLLATE "C", ord) AS rn
      FROM wanted
     WHERE $5::text IS NULL OR code COLLATE "C" > $5::text OR (code = $5::text AND ord > $6::int)
  )
  SELECT t.scope_key, t.n AS total, p.resource_id, p.code, p.project_id, p.reason, p.ord, p.status, p.update_frequency,
         p.last_aggregated_at, p.has_interface, p.is_mounted, p.sharing_type, p.malformed_names
    FROM total t LEFT JOIN page p ON p.scope_key = t.scope_key AND p.rn <= $7::int
   ORDER BY t.scope_key, p.rn`;
