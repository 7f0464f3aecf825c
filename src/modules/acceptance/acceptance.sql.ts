import { AcceptanceResult } from './acceptance.enums';

/**
 * 第二十五条、第二十六条: acceptance applications the leading-group office has not decided yet
 * (columns application_id, project_id, applied_at), as SQL for the to-dos.
 */
export const UNDECIDED_APPLICATIONS = `
  SELECT a.id AS application_id, a.project_id, a.applied_at FROM acceptance_application a WHERE a.result IS NULL`;

/**
 * 第二十六条: applications whose acceptance passed and whose report is not filed yet (columns id,
 * project_id, accepted_on), as SQL for the deadlines.
 */
export const PASSED_UNFILED_APPLICATIONS = `
  SELECT a.id, a.project_id, a.accepted_on FROM acceptance_application a
   WHERE a.result = '${AcceptanceResult.PASSED}' AND a.accepted_on IS NOT NULL AND a.filed_on IS NULL`;
