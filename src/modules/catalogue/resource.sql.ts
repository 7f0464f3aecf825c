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

/** SQL statement: every catalogue entry's owners, columns id, project_id, provider_id (to join on a resource id). */
export const RESOURCE_OWNERS = `SELECT r.id, r.project_id, r.provider_id FROM information_resource r`;
