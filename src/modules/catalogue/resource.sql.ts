/**
 * 第十七条: the successful aggregation runs just recorded move each entry's last aggregation
 * forward, never back; an entry whose time would not move is not written (an update of the wide,
 * many-index catalogue row costs more than the insert of the run). `runs` names a relation of
 * (resource_id, ran_at, outcome), e.g. a CTE of the caller's statement.
 */
export const resourceAggregatedUpdateSql = (runs: string) => `
    UPDATE information_resource r
       SET last_aggregated_at = GREATEST(r.last_aggregated_at, n.last_success_at)
      FROM (SELECT resource_id, max(ran_at) AS last_success_at FROM ${runs} WHERE outcome = 'SUCCEEDED' GROUP BY resource_id) n
     WHERE r.id = n.resource_id AND r.last_aggregated_at IS DISTINCT FROM GREATEST(r.last_aggregated_at, n.last_success_at)`;

/**
 * SQL statement: every catalogue entry's head — columns id, project_id, provider_id, status,
 * update_frequency — for the modules that join their rows on a resource id.
 */
export const RESOURCE_HEADS = `SELECT r.id, r.project_id, r.provider_id, r.status, r.update_frequency FROM information_resource r`;

/**
 * SQL statement: the project's resources, RETIRED ones left out (history, not part of what the
 * project declares), with the columns the completeness figures check; `projectIds` an SQL
 * statement or list of project ids.
 */
export const liveResourcesOfProjectsSql = (projectIds: string) => `
    SELECT r.id, r.code, r.project_id, r.status, r.sharing_type, r.open_type, r.update_frequency, r.sharing_condition, r.legal_basis,
           r.open_condition, r.last_aggregated_at
      FROM information_resource r
     WHERE r.project_id IN (${projectIds}) AND r.status <> 'RETIRED'`;

/** SQL statement: the resources among `resourceIds` (an SQL statement of ids) that list data items (第八条), column resource_id. */
export const itemisedResourcesSql = (resourceIds: string) => `
    SELECT DISTINCT d.resource_id FROM data_item d WHERE d.resource_id IN (${resourceIds})`;
