import { REPORT_OWED, RectificationStatus } from './rectification.enums';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * 第三十三条 限期整改: the open rectifications whose report the project unit owes (ordered, or refused and
 * to be reported again), also while the project is suspended. Columns: id, project_id, due_on.
 */
export const RECTIFICATIONS_OWED = `
  SELECT r.id, r.project_id, r.due_on FROM project_rectification r WHERE r.status IN (${list(REPORT_OWED)})`;

/** 第三十三条: reported rectifications waiting for the office's decision. Columns: id, project_id, reported_at. */
export const RECTIFICATIONS_REPORTED = `
  SELECT r.id, r.project_id, r.reported_at FROM project_rectification r WHERE r.status = '${RectificationStatus.REPORTED}'`;
