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
           r.open_condition
      FROM information_resource r
     WHERE r.project_id IN (${projectIds}) AND r.status <> 'RETIRED'`;

/** SQL statement: the resources among `resourceIds` (an SQL statement of ids) that list data items (第八条), column resource_id. */
export const itemisedResourcesSql = (resourceIds: string) => `
    SELECT DISTINCT d.resource_id FROM data_item d WHERE d.resource_id IN (${resourceIds})`;
