/**
 * The benchmark's scenarios, each as the hub's GraphQL, PostGraphile v4's GraphQL over the same
 * tables, and one hand-written statement (the limit: PostgreSQL does all the work, Node only
 * forwards the JSON text), with normalisers that bring the three answers to one shape so that the
 * benchmark can check they are the same.
 */
import { WINDOW_HOURS } from '../src/modules/completeness';

export type ServerName = 'hub' | 'postgraphile' | 'sql';
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Scenario {
  name: string;
  title: string;
  /** Runs per request (S4: a batch), for the throughput figure. */
  unit: number;
  connections: number[];
  servers: ServerName[];
  /** GraphQL per server (the sql server takes the variables only). */
  query: Partial<Record<ServerName, string>>;
  variables(i: number): Json;
  normalise: Partial<Record<ServerName, (data: Json) => Json>>;
}

const SIX = ['catalogued', 'metadata', 'interfaces', 'mounted', 'aggregated', 'timely'];
const RATIO = SIX.map((f) => `${f} { numerator denominator }`).join(' ');
const sixOf = (c: Json) => Object.fromEntries(SIX.map((f) => [f, [c[f].numerator, c[f].denominator]]));

export const SEARCH = { term: '资助', sharingType: 'CONDITIONAL' };

const s1Resource = (r: Json, items: Json[], interfaces: Json[]) => ({
  code: r.code,
  name: r.name,
  items: items.map((d) => d.name),
  interfaces: interfaces.map((i) => i.mountStatus),
  provider: r.provider?.name ?? r.organizationByProviderId?.name,
});

export function scenarios(interfaceIds: string[], platformRunPrefix: string, smoke = false): Scenario[] {
  const runsOf = (i: number) => {
    const ranAt = new Date(Date.now() - 60_000).toISOString();
    return interfaceIds.map((interfaceId, k) => ({
      interfaceId,
      platformRunId: `${platformRunPrefix}-${i}-${k}`,
      ranAt,
      mode: 'INCREMENTAL',
      records: 100 + k,
      outcome: k % 50 === 0 ? 'FAILED' : 'SUCCEEDED',
      failureReason: k % 50 === 0 ? '源库连接超时' : null,
    }));
  };
  return [
    {
      name: 'S1',
      title: 'S1 50 projects → first 40 resources each → data items, interfaces, provider',
      unit: 1,
      connections: smoke ? [1] : [1, 16],
      servers: ['hub', 'postgraphile', 'sql'],
      query: {
        hub: `{ projects(first: 50) { edges { node { code resources(first: 40) { edges { node { code name dataItems { name } interfaces { mountStatus } provider { name } } } } } } } }`,
        postgraphile: `{ allProjects(first: 50, orderBy: CODE_ASC) { nodes { code informationResourcesByProjectId(first: 40, orderBy: CODE_ASC) { nodes { code name
            dataItemsByResourceId(orderBy: POSITION_ASC) { nodes { name } }
            sharingInterfacesByResourceId(orderBy: [CREATED_AT_ASC, ID_ASC]) { nodes { mountStatus } }
            organizationByProviderId { name } } } } } }`,
      },
      variables: () => ({}),
      normalise: {
        hub: (d) =>
          d.projects.edges.map(({ node: p }: Json) => ({
            code: p.code,
            resources: p.resources.edges.map(({ node: r }: Json) => s1Resource(r, r.dataItems, r.interfaces)),
          })),
        postgraphile: (d) =>
          d.allProjects.nodes.map((p: Json) => ({
            code: p.code,
            resources: p.informationResourcesByProjectId.nodes.map((r: Json) =>
              s1Resource(r, r.dataItemsByResourceId.nodes, r.sharingInterfacesByResourceId.nodes),
            ),
          })),
        sql: (d) => d.projects.map((p: Json) => ({ code: p.code, resources: p.resources.map((r: Json) => s1Resource(r, r.dataItems, r.interfaces)) })),
      },
    },
    {
      name: 'S2',
      title: `S2 2-character search "${SEARCH.term}" + sharingType filter + totalCount, first 20`,
      unit: 1,
      connections: smoke ? [1] : [1, 16],
      servers: ['hub', 'postgraphile', 'sql'],
      query: {
        hub: `query ($term: String, $sharingType: SharingType) { resources(first: 20, filter: { search: $term, sharingType: $sharingType }) { totalCount edges { node { code name } } } }`,
        postgraphile: `query ($term: String, $sharingType: SharingType) { resourceSearch(term: $term, st: $sharingType, first: 20, orderBy: CODE_ASC) { totalCount nodes { code name } } }`,
      },
      variables: () => SEARCH,
      normalise: {
        hub: (d) => ({ total: d.resources.totalCount, codes: d.resources.edges.map((e: Json) => [e.node.code, e.node.name]) }),
        postgraphile: (d) => ({ total: d.resourceSearch.totalCount, codes: d.resourceSearch.nodes.map((n: Json) => [n.code, n.name]) }),
        sql: (d) => ({ total: d.totalCount, codes: d.nodes.map((n: Json) => [n.code, n.name]) }),
      },
    },
    {
      name: 'S3',
      title: 'S3 district completeness: six figures + per organisation',
      unit: 1,
      connections: smoke ? [1] : [1, 16],
      servers: ['hub', 'sql'],
      query: { hub: `{ completeness { ${RATIO} byOrganization { organization { name } completeness { ${RATIO} } } } }` },
      variables: () => ({}),
      normalise: {
        hub: (d) => ({
          total: sixOf(d.completeness),
          byOrganization: d.completeness.byOrganization.map((o: Json) => [o.organization.name, sixOf(o.completeness)]),
        }),
        sql: (d) => ({ total: sixOf(d.total), byOrganization: d.byOrganization.map((o: Json) => [o.name, sixOf(o)]) }),
      },
    },
    {
      name: 'S4',
      title: `S4 ingest: batches of ${interfaceIds.length} new runs, the bulk mutation (one AggregationRunBatch value)`,
      unit: interfaceIds.length,
      connections: smoke ? [1] : [4],
      servers: ['hub', 'sql'],
      query: {
        hub: `mutation ($batch: AggregationRunBatch!) { aggregationRunsIngest(batch: $batch) { accepted duplicates userErrors { code message } } }`,
      },
      variables: (i) => ({ batch: { runs: runsOf(i) } }),
      normalise: {
        hub: (d) => ({ accepted: d.aggregationRunsIngest.accepted, errors: d.aggregationRunsIngest.userErrors.length }),
        sql: (d) => ({ accepted: d.accepted, errors: 0 }),
      },
    },
    {
      name: 'S4t',
      title: `S4t ingest: batches of ${interfaceIds.length} new runs, the typed mutation (AggregationRunsReportInput)`,
      unit: interfaceIds.length,
      connections: smoke ? [1] : [4],
      servers: ['hub', 'sql'],
      query: {
        hub: `mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted duplicates userErrors { code message } } }`,
      },
      variables: (i) => ({ input: { runs: runsOf(i) } }),
      normalise: {
        hub: (d) => ({ accepted: d.aggregationRunsReport.accepted, errors: d.aggregationRunsReport.userErrors.length }),
        sql: (d) => ({ accepted: d.accepted, errors: 0 }),
      },
    },
  ];
}

const windowHours = `CASE r.update_frequency ${Object.entries(WINDOW_HOURS)
  .filter(([, h]) => h !== null)
  .map(([f, h]) => `WHEN '${f}' THEN ${h}`)
  .join(' ')} END`;
const count = (when: string) => `count(r.id) FILTER (WHERE ${when})`;
const six = (prefix: string) =>
  `'catalogued', json_build_object('numerator', ${prefix}published, 'denominator', ${prefix}resources),
   'metadata', json_build_object('numerator', ${prefix}metadata_ok, 'denominator', ${prefix}resources),
   'interfaces', json_build_object('numerator', ${prefix}with_interface, 'denominator', ${prefix}shareable),
   'mounted', json_build_object('numerator', ${prefix}mounted, 'denominator', ${prefix}shareable),
   'aggregated', json_build_object('numerator', ${prefix}aggregated, 'denominator', ${prefix}shareable),
   'timely', json_build_object('numerator', ${prefix}timely, 'denominator', ${prefix}aggregated)`;

/** The hand-written statements, one per scenario; each returns one row with one JSON text column `j`. */
export const HAND_SQL: Record<string, { sql: string; params: (vars: Json) => unknown[] }> = {
  S1: {
    sql: `SELECT json_build_object('projects', coalesce(json_agg(p.j ORDER BY p.code), '[]'))::text AS j FROM (
            SELECT p.code, json_build_object('code', p.code, 'resources', (
              SELECT coalesce(json_agg(json_build_object('code', r.code, 'name', r.name,
                       'dataItems', (SELECT coalesce(json_agg(json_build_object('name', d.name) ORDER BY d.position), '[]') FROM data_item d WHERE d.resource_id = r.id),
                       'interfaces', (SELECT coalesce(json_agg(json_build_object('mountStatus', i.mount_status) ORDER BY i.created_at, i.id), '[]')
                                        FROM sharing_interface i WHERE i.resource_id = r.id),
                       'provider', (SELECT json_build_object('name', o.name) FROM organization o WHERE o.id = r.provider_id)) ORDER BY r.code), '[]')
                FROM (SELECT * FROM information_resource r WHERE r.project_id = p.id ORDER BY r.code, r.id LIMIT 40) r)) AS j
              FROM project p ORDER BY p.code LIMIT 50) p`,
    params: () => [],
  },
  S2: {
    sql: `WITH f AS (SELECT r.code, r.name FROM information_resource r
                      WHERE hub_bigrams(r.search_text) @> hub_bigrams($1) AND r.search_text ILIKE '%' || $1 || '%' AND r.sharing_type = $2::sharing_type)
          SELECT json_build_object('totalCount', (SELECT count(*) FROM f),
                                   'nodes', (SELECT coalesce(json_agg(x), '[]') FROM (SELECT code, name FROM f ORDER BY code LIMIT 20) x))::text AS j`,
    params: (v) => [v.term, v.sharingType],
  },
  S3: {
    sql: `WITH flags AS (
            SELECT p.lead_unit_id, r.id,
                   r.status = 'PUBLISHED' AS published,
                   coalesce(r.sharing_type IN ('UNCONDITIONAL', 'CONDITIONAL'), false) AS shareable,
                   NOT (r.sharing_type IS NULL OR r.open_type IS NULL OR r.update_frequency IS NULL
                        OR coalesce(r.sharing_type = 'CONDITIONAL' AND coalesce(btrim(r.sharing_condition), '') = '', false)
                        OR coalesce(r.sharing_type = 'NOT_SHARED' AND coalesce(btrim(r.legal_basis), '') = '', false)
                        OR coalesce(r.open_type = 'CONDITIONAL_OPEN' AND coalesce(btrim(r.open_condition), '') = '', false)
                        OR coalesce(r.open_type IN ('OPEN', 'CONDITIONAL_OPEN') AND r.sharing_type IS DISTINCT FROM 'UNCONDITIONAL'
                                    AND r.sharing_type IS DISTINCT FROM 'CONDITIONAL', false)
                        OR d.resource_id IS NULL OR bad.resource_id IS NOT NULL) AS metadata_ok,
                   coalesce(i.has_interface, false) AS has_interface, coalesce(i.is_mounted, false) AS is_mounted,
                   t.last_aggregated_at IS NOT NULL AS aggregated,
                   coalesce(t.last_aggregated_at >= now() - make_interval(hours => ${windowHours} + 2), true) AS fresh
              FROM project p
              LEFT JOIN information_resource r ON r.project_id = p.id AND r.status <> 'RETIRED'
              LEFT JOIN resource_run_times t ON t.resource_id = r.id
              LEFT JOIN (SELECT DISTINCT resource_id FROM data_item) d ON d.resource_id = r.id
              -- 编制指南: a width type without a length, a fixed form with another, or a name twice in an entry.
              LEFT JOIN (SELECT DISTINCT resource_id FROM data_item x
                          WHERE (x.data_type IN ('C', 'N', 'Y') AND x.length IS NULL)
                             OR (x.length IS NOT NULL AND ((x.data_type = 'D' AND x.length <> 8) OR (x.data_type = 'T' AND x.length <> 14)
                                 OR (x.data_type = 'L' AND x.length <> 1) OR x.data_type IN ('M', 'G', 'B', 'I', 'F')))
                             OR EXISTS (SELECT 1 FROM data_item y WHERE y.resource_id = x.resource_id AND y.name = x.name AND y.id <> x.id)) bad
                ON bad.resource_id = r.id
              LEFT JOIN (SELECT resource_id, bool_or(mount_status <> 'WITHDRAWN') AS has_interface, bool_or(mount_status = 'MOUNTED') AS is_mounted
                           FROM sharing_interface GROUP BY resource_id) i ON i.resource_id = r.id
          ), sums AS (
            SELECT GROUPING(r.lead_unit_id) AS g, r.lead_unit_id, count(r.id) AS resources, ${count('r.published')} AS published,
                   ${count('r.metadata_ok')} AS metadata_ok, ${count('r.shareable')} AS shareable,
                   ${count('r.shareable AND r.has_interface')} AS with_interface, ${count('r.shareable AND r.is_mounted')} AS mounted,
                   ${count('r.shareable AND r.aggregated')} AS aggregated, ${count('r.shareable AND r.aggregated AND r.fresh')} AS timely
              FROM flags r GROUP BY GROUPING SETS ((), (r.lead_unit_id))
          )
          SELECT json_build_object(
                   'total', (SELECT json_build_object(${six('')}) FROM sums WHERE g = 1),
                   'byOrganization', (SELECT json_agg(json_build_object('name', o.name, ${six('s.')}) ORDER BY o.name, o.id)
                                        FROM sums s JOIN organization o ON o.id = s.lead_unit_id WHERE s.g = 0))::text AS j`,
    params: () => [],
  },
  S4: {
    // The plain insert: the platform's keys, then the runs of the keys that were new (the run table is partitioned and
    // cannot enforce that key itself); no validation, no last-run columns, no audit log.
    sql: `WITH x AS (
            SELECT x."interfaceId", i.resource_id, x."platformRunId", x."ranAt", x.mode, x.records, x.outcome, x."failureReason"
              FROM json_to_recordset($1::json) AS x("interfaceId" uuid, "platformRunId" text, "ranAt" timestamptz, mode aggregation_mode,
                                                     records int, outcome aggregation_outcome, "failureReason" text)
              JOIN sharing_interface i ON i.id = x."interfaceId"
          ), fresh AS (
            INSERT INTO aggregation_run_key (interface_id, platform_run_id) SELECT "interfaceId", "platformRunId" FROM x
            ON CONFLICT DO NOTHING RETURNING interface_id, platform_run_id
          ), inserted AS (
            INSERT INTO aggregation_run (interface_id, resource_id, platform_run_id, ran_at, mode, records, outcome, failure_reason)
            SELECT x."interfaceId", x.resource_id, x."platformRunId", x."ranAt", x.mode, x.records, x.outcome, x."failureReason"
              FROM x JOIN fresh f ON f.interface_id = x."interfaceId" AND f.platform_run_id = x."platformRunId"
            RETURNING 1)
          SELECT json_build_object('accepted', count(*))::text AS j FROM inserted`,
    params: (v) => [JSON.stringify((v.batch ?? v.input).runs)],
  },
};
// The typed mutation's S4t against the same plain insert.
HAND_SQL.S4t = HAND_SQL.S4;

/** PostGraphile reads the search through a function in its own schema (core PostGraphile has no substring filter). */
export const POSTGRAPHILE_SETUP = [
  `CREATE SCHEMA IF NOT EXISTS bench`,
  `CREATE OR REPLACE FUNCTION bench.resource_search(term text, st sharing_type) RETURNS SETOF information_resource
     LANGUAGE sql STABLE AS $$
       SELECT r.* FROM information_resource r
        WHERE hub_bigrams(r.search_text) @> hub_bigrams(term) AND r.search_text ILIKE '%' || term || '%' AND r.sharing_type = st $$`,
  `COMMENT ON FUNCTION bench.resource_search(text, sharing_type) IS E'@sortable\\n@name resourceSearch'`,
];
