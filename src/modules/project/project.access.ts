import { EntityManager } from 'typeorm';
import { refuse, UserErrorCode } from '../../common/user-error';
import { Caller, hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { Project } from './project.entity';
import { CoBuildingStatus, ProjectStatus } from './project.enums';
import { OPEN_CO_BUILDING_PROPOSALS } from './co-building.sql';

/** Roles that read every project and every catalogue entry, drafts included (第五条、第六条、第三十四条). */
export const OVERSIGHT_ROLES = [Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE, Role.EXPERT, Role.AUDITOR, Role.ADMIN];

export const isOversight = (caller: Caller | null) => hasRole(caller, ...OVERSIGHT_ROLES);

/*
 * 第八条、第十四条 — who builds a project: its lead unit and the co-building units that accepted
 * (naming a unit is only a proposal until it accepts, coBuildingAccept). The one rule,
 * as the two SQL shapes other code needs and their TypeScript twin (test/project-access.property.test.ts
 * checks the three agree on random projects).
 */

/** SQL: the ids of the projects the organisation `org` (an SQL expression, e.g. a parameter) builds. */
export const projectsBuiltBySql = (org: string): string =>
  `(SELECT built_p.id FROM project built_p WHERE built_p.lead_unit_id = ${org}
     UNION SELECT built_c.project_id FROM project_co_building_unit built_c
            WHERE built_c.organization_id = ${org} AND built_c.status = '${CoBuildingStatus.ACCEPTED}')`;

/** SQL: the uuid[] of the organisations that build the project aliased `p` (column names), lead unit first. */
export const buildingUnitsSql = (p: string): string =>
  `(ARRAY[${p}.lead_unit_id] || ARRAY(SELECT built_u.organization_id FROM project_co_building_unit built_u
     WHERE built_u.project_id = ${p}.id AND built_u.status = '${CoBuildingStatus.ACCEPTED}'))`;

/** TypeScript: the organisation builds the project, given the ids of its co-building units that accepted (coBuildingUnitIdsByProject). */
export const buildsProject = (project: Pick<Project, 'leadUnitId'>, coBuildingUnitIds: readonly string[], orgId: string): boolean =>
  project.leadUnitId === orgId || coBuildingUnitIds.includes(orgId);

/** Ids of the organisations that build a project. */
export async function buildingUnitIds(em: EntityManager, projectId: string): Promise<string[]> {
  const rows: { ids: string[] }[] = await em.query(`SELECT ${buildingUnitsSql('p')} AS ids FROM project p WHERE p.id = $1`, [projectId]);
  return [...new Set(rows[0]?.ids ?? [])];
}

/**
 * Loads a project for change, locked for the transaction. Only PROJECT_UNIT callers of its lead
 * unit or a co-building unit may change it (第十三条: the project unit is the subject of construction).
 */
export async function projectForChange(em: EntityManager, caller: Caller, projectId: string, field = ['input', 'projectId']): Promise<Project> {
  const project = await em.findOne(Project, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
  const units = project ? await buildingUnitIds(em, projectId) : [];
  // A project the caller may not read (not yet in the annual plan, 第十条) is answered as not found,
  // except to a unit it was proposed to (第十四条): that unit knows of it, and must accept first.
  if (!project || !canRead(caller, project, units)) {
    if (project && caller.organizationId && (await proposedTo(em, projectId, caller.organizationId))) {
      refuse(UserErrorCode.NOT_ALLOWED, '贵单位尚未接受该项目的共建提议，接受后方可修改该项目', field, '第十四条');
    }
    refuse(UserErrorCode.NOT_FOUND, '项目不存在', field);
  }
  if (!hasRole(caller, Role.PROJECT_UNIT) || !caller.organizationId || !units.includes(caller.organizationId)) {
    refuse(UserErrorCode.NOT_ALLOWED, '只有项目牵头单位或共建单位可以修改该项目', field, '第十三条');
  }
  // 第三十三条: termination is final — neither the project nor its catalogue entries and interfaces change any more.
  if (project.status === ProjectStatus.TERMINATED) {
    refuse(UserErrorCode.INVALID_TRANSITION, '项目已终止，不能再修改项目及其信息资源目录、共享接口', field, '第三十三条');
  }
  return project;
}

/** 第十四条: the organisation is named as co-building unit of the project and has not answered yet. */
async function proposedTo(em: EntityManager, projectId: string, organizationId: string): Promise<boolean> {
  const rows: unknown[] = await em.query(`SELECT 1 FROM (${OPEN_CO_BUILDING_PROPOSALS}) o WHERE o.project_id = $1 AND o.organization_id = $2`, [
    projectId,
    organizationId,
  ]);
  return rows.length > 0;
}

/** Statuses in which a project is visible only to its building units and the oversight roles: not yet in the annual plan (第十条). */
export const UNPLANNED_STATUSES = [ProjectStatus.DRAFT, ProjectStatus.DECLARED, ProjectStatus.REJECTED];

/**
 * The SQL condition, on the project alias `alias`, of the projects `caller` may read; null when it
 * reads all. Oversight roles read every project; a project unit reads its own (lead or co-building)
 * in any status; everyone else reads projects from their approval on.
 */
export function readableCondition(caller: Caller | null, alias: string): { sql: string; params: Record<string, unknown> } | null {
  if (isOversight(caller)) return null;
  const planned = `${alias}.status NOT IN (:...unplannedStatuses)`;
  const params: Record<string, unknown> = { unplannedStatuses: UNPLANNED_STATUSES };
  if (!hasRole(caller, Role.PROJECT_UNIT) || !caller?.organizationId) return { sql: planned, params };
  return {
    sql: `(${planned} OR ${alias}.id IN ${projectsBuiltBySql(':readerOrgId')})`,
    params: { ...params, readerOrgId: caller.organizationId },
  };
}

/** The same rule as readableCondition, for a project already loaded with its co-building unit ids. */
export function canRead(caller: Caller | null, project: Pick<Project, 'status' | 'leadUnitId'>, coBuildingUnitIds: string[]): boolean {
  if (isOversight(caller)) return true;
  if (!UNPLANNED_STATUSES.includes(project.status)) return true;
  return isBuildingUnit(caller, project, coBuildingUnitIds);
}

/** The caller acts as PROJECT_UNIT for the project's lead unit or one of its co-building units (第十三条). */
export function isBuildingUnit(caller: Caller | null, project: Pick<Project, 'leadUnitId'>, coBuildingUnitIds: string[]): boolean {
  const org = hasRole(caller, Role.PROJECT_UNIT) ? caller?.organizationId : null;
  return !!org && buildsProject(project, coBuildingUnitIds, org);
}
