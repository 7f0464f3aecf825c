import { MountStatus } from './sharing.enums';

/**
 * 第十七条: the aggregation runs just recorded move each interface's last run and last success
 * forward, never back (GREATEST ignores NULL); an interface whose times would not move is not
 * written. `runs` names a relation of (interface_id, ran_at, outcome), e.g. a CTE of the caller's
 * statement (the aggregation module's INSERT … RETURNING).
 */
export const interfaceRunTimesUpdateSql = (runs: string) => `
    UPDATE sharing_interface i
       SET last_run_at = GREATEST(i.last_run_at, n.last_run_at),
           last_success_at = GREATEST(i.last_success_at, n.last_success_at)
      FROM (SELECT interface_id, max(ran_at) AS last_run_at, max(ran_at) FILTER (WHERE outcome = 'SUCCEEDED') AS last_success_at
              FROM ${runs} GROUP BY interface_id) n
     WHERE i.id = n.interface_id
       AND (i.last_run_at IS DISTINCT FROM GREATEST(i.last_run_at, n.last_run_at)
            OR i.last_success_at IS DISTINCT FROM GREATEST(i.last_success_at, n.last_success_at))`;

/** SQL statement: the interfaces among `ids` (an SQL uuid[] expression), columns id, resource_id, mount_status. */
export const interfacesAmongSql = (ids: string) => `
  SELECT i.id, i.resource_id, i.mount_status FROM sharing_interface i WHERE i.id = ANY(${ids})`;

/**
 * SQL statement: the mounted interfaces (第十七条), columns id, resource_id, last_success_at;
 * `among`, when given, an SQL uuid[] expression restricting them.
 */
export const mountedInterfacesSql = (among?: string) => `
  SELECT i.id, i.resource_id, i.last_success_at FROM sharing_interface i
   WHERE i.mount_status = '${MountStatus.MOUNTED}'${among ? ` AND i.id = ANY(${among})` : ''}`;

/**
 * SQL statement: per resource among `resourceIds` (an SQL statement of ids) that has interfaces —
 * has_interface: 第九条, an interface counts until it is withdrawn from the platform; is_mounted:
 * 第十七条, aggregation goes through the city exchange platform, so the interface must be mounted
 * there. Columns resource_id, has_interface, is_mounted.
 */
export const interfacePresenceSql = (resourceIds: string) => `
    SELECT i.resource_id,
           bool_or(i.mount_status <> '${MountStatus.WITHDRAWN}') AS has_interface,
           bool_or(i.mount_status = '${MountStatus.MOUNTED}') AS is_mounted
      FROM sharing_interface i WHERE i.resource_id IN (${resourceIds}) GROUP BY i.resource_id`;
