import { ProjectStatus } from './project.enums';

/**
 * SQL fragments over the project module's tables for the modules that need a project's status or
 * declarations in their own SQL (a module's SQL names only its own tables). Each takes the project
 * id as an SQL expression.
 */

/**
 * SQL: the id of the latest declaration (ProjectTransition into DECLARED) of the project whose id is
 * `projectId` — the one a plan review reviews (第十条). A rejection or a change followed by a new
 * declaration opens a new round.
 */
export const latestDeclarationSql = (projectId: string): string =>
  `(SELECT ld.id FROM project_transition ld WHERE ld.project_id = ${projectId} AND ld.to_status = '${ProjectStatus.DECLARED}'
     ORDER BY ld.at DESC, ld.id DESC LIMIT 1)`;

/** SQL: the status of the project whose id is `projectId`. */
export const projectStatusSql = (projectId: string): string => `(SELECT ps.status FROM project ps WHERE ps.id = ${projectId})`;

/** SQL condition: the project whose id is `projectId` exists and its status is one of `statuses`. */
export const projectInStatusSql = (projectId: string, statuses: readonly ProjectStatus[]): string =>
  `EXISTS (SELECT 1 FROM project sp WHERE sp.id = ${projectId} AND sp.status IN (${statuses.map((s) => `'${s}'`).join(', ')}))`;

/**
 * SQL statement: every project with the columns its deadlines are counted from (id, status,
 * plan_year, lead_unit_id, go_live_date, trial_end_date; 第七条、第二十四条、第二十五条). An alias
 * of it takes `buildingUnitsSql`.
 */
export const PROJECT_DATES = `SELECT p.id, p.status, p.plan_year, p.lead_unit_id, p.go_live_date, p.trial_end_date FROM project p`;

/**
 * SQL statement: the declared plans waiting for the leading-group office (columns project_id,
 * declared_at): it has the experts review them and then lists each in the annual plan or returns it
 * (第十条). For the office's to-dos.
 */
export const DECLARED_PLANS = `SELECT p.id AS project_id, p.declared_at FROM project p WHERE p.status = '${ProjectStatus.DECLARED}'`;
