/**
 * 第二十五条、第二十六条: acceptance applications the leading-group office has not decided yet
 * (columns application_id, project_id, applied_at), as SQL for the to-dos.
 */
export const UNDECIDED_APPLICATIONS = `
  SELECT a.id AS application_id, a.project_id, a.applied_at FROM acceptance_application a WHERE a.result IS NULL`;
