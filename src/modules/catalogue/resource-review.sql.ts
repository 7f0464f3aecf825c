import { ResourceStatus, RevisionStatus } from './catalogue.enums';

/**
 * 第五条: the catalogue entries waiting on someone's review step, as SQL for the modules that list
 * or remind of them (columns resource_id, project_id, provider_id, status, changed_at): entries
 * SUBMITTED wait for the bureau, entries RETURNED wait for their provider to revise them; the
 * revisions of published entries likewise (their status spelled the same).
 */
export const RESOURCES_UNDER_REVIEW = `
  SELECT r.id AS resource_id, r.project_id, r.provider_id, r.status::text AS status, r.updated_at AS changed_at
    FROM information_resource r
   WHERE r.status IN ('${ResourceStatus.SUBMITTED}', '${ResourceStatus.RETURNED}')
   UNION ALL
  SELECT r.id, r.project_id, r.provider_id, v.status::text, v.updated_at
    FROM resource_revision v JOIN information_resource r ON r.id = v.resource_id
   WHERE v.status IN ('${RevisionStatus.SUBMITTED}', '${RevisionStatus.RETURNED}')`;
