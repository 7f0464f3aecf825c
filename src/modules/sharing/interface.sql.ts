import { MountStatus } from './sharing.enums';

/** SQL statement: the interfaces among `ids` (an SQL uuid[] expression), columns id, resource_id, mount_status. */
export const interfacesAmongSql = (ids: string) => `
  SELECT i.id, i.resource_id, i.mount_status FROM sharing_interface i WHERE i.id = ANY(${ids})`;

/**
 * SQL statement: the mounted interfaces (第十七条), columns id, resource_id (their last runs are the
 * aggregation module's bookkeeping); `among`, when given, an SQL uuid[] expression restricting them.
 */
export const mountedInterfacesSql = (among?: string) => `
  SELECT i.id, i.resource_id FROM sharing_interface i
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
