import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { UserError, userError, UserErrorCode } from '../../common/user-error';
import { ConstructionPlan, PLAN_SECTIONS } from './construction-plan.embedded';
import type { Project } from './project.entity';
import { CloudDeployment, ProjectCategory } from './project.enums';
import type { ProjectChangesInput } from './project.inputs';
import { budgetYearProblems, fenToYuan, moneyProblems, periodProblems, ProjectShape, shapeProblems, toFen } from './project.rules';
import { trimmed } from '../../common/text';

/*
 * A project's fields as a project unit sets them: normalising the input, merging a change into the
 * project as it stands, checking the values, and describing the change for the history (第十五条).
 */

/** The fields a change may touch, as the history names them. */
export const FIELD_LABELS: Record<keyof ProjectChangesInput, string> = {
  name: '项目名称',
  category: '项目类别',
  planYear: '计划年度',
  constructionStartYear: '建设工期起始年度',
  constructionEndYear: '建设工期结束年度',
  totalBudget: '总预算',
  budgetYears: '分年度预算',
  fundingSource: '资金来源',
  plan: '建设方案',
  cloudDeployment: '部署方式',
  cloudReason: '不上区政务云理由',
  crossDepartment: '跨部门共建',
  coBuildingUnitIds: '共建单位',
  upgradesProjectId: '被升级项目',
};

/** Trims each given section; a blank one is stored as absent. */
export function cleanPlan(plan: Partial<ConstructionPlan>): Partial<ConstructionPlan> {
  const out: Partial<ConstructionPlan> = {};
  for (const key of Object.keys(PLAN_SECTIONS) as (keyof ConstructionPlan)[]) if (plan[key] !== undefined) out[key] = trimmed(plan[key]) ?? null;
  return out;
}

export const emptyPlan = (): ConstructionPlan => Object.fromEntries(Object.keys(PLAN_SECTIONS).map((k) => [k, null])) as ConstructionPlan;

export function cleanChanges(c: ProjectChangesInput): void {
  if (typeof c.name === 'string') c.name = c.name.trim();
  if (c.fundingSource !== undefined) c.fundingSource = trimmed(c.fundingSource);
  if (c.cloudReason !== undefined) c.cloudReason = trimmed(c.cloudReason);
}

export const hasChanges = (c: ProjectChangesInput): boolean => (Object.keys(FIELD_LABELS) as (keyof ProjectChangesInput)[]).some((k) => c[k] !== undefined);

/**
 * The fields after normalisation: on the district cloud no reason is kept (第十六条: only the
 * exception needs one); a project that stops being an upgrade stops naming one (第二十八条).
 */
export function normalizeShape(shape: ProjectShape, upgradeGiven: boolean): ProjectShape {
  if (shape.cloudDeployment === CloudDeployment.DISTRICT_GOV_CLOUD) shape.cloudReason = null;
  if (shape.category !== ProjectCategory.UPGRADE && !upgradeGiven) shape.upgradesProjectId = null;
  return shape;
}

/** The project as it will stand after `changes`: omitted fields keep their value, null clears an optional one. */
export function mergeChanges(before: ProjectShape, c: ProjectChangesInput): ProjectShape {
  const pick = <T>(given: T | null | undefined, old: T, clearTo: T): T => (given === undefined ? old : given === null ? clearTo : given);
  return normalizeShape(
    {
      category: c.category ?? before.category,
      planYear: c.planYear ?? before.planYear,
      constructionStartYear: pick(c.constructionStartYear, before.constructionStartYear, null),
      constructionEndYear: pick(c.constructionEndYear, before.constructionEndYear, null),
      totalBudget: c.totalBudget ?? before.totalBudget,
      fundingSource: pick(c.fundingSource, before.fundingSource, null),
      budgetYears: pick(c.budgetYears, before.budgetYears, []),
      plan: { ...before.plan, ...cleanPlan(c.plan ?? {}) } as ConstructionPlan,
      cloudDeployment: c.cloudDeployment ?? before.cloudDeployment,
      cloudReason: pick(c.cloudReason, before.cloudReason, null),
      crossDepartment: c.crossDepartment ?? before.crossDepartment,
      coBuildingUnitIds: pick(c.coBuildingUnitIds, before.coBuildingUnitIds, []),
      upgradesProjectId: pick(c.upgradesProjectId, before.upgradesProjectId, null),
    },
    c.upgradesProjectId !== undefined,
  );
}

/** Value rules that need no database: exact money, per-year budgets within the plan years, and the draft-level rules. */
export function valueProblems(
  shape: ProjectShape,
  given: Pick<ProjectChangesInput, 'totalBudget' | 'budgetYears' | 'planYear' | 'constructionStartYear' | 'constructionEndYear'>,
  path: string[],
): UserError[] {
  const out: UserError[] = [];
  if (given.totalBudget != null) out.push(...moneyProblems(shape.totalBudget, [...path, 'totalBudget'], '总预算'));
  const period = periodProblems(shape, path);
  out.push(...period);
  const periodGiven = given.constructionStartYear !== undefined || given.constructionEndYear !== undefined;
  if (given.budgetYears != null) {
    out.push(...budgetYearProblems(shape.budgetYears, shape, [...path, 'budgetYears']));
  } else if ((given.planYear != null || periodGiven) && !period.length && budgetYearProblems(shape.budgetYears, shape, []).length) {
    // 第八条: moving the plan year or the period must not leave the per-year budgets outside the years they may cover.
    const field = given.planYear != null ? 'planYear' : 'constructionStartYear';
    out.push(userError(UserErrorCode.OUT_OF_RANGE, '改变计划年度或建设工期后，已有的分年度预算年份超出范围', [...path, field], '第八条'));
  }
  out.push(...shapeProblems(shape, path));
  return out;
}

/** The project columns a change sets (budget years and co-building units are rows of their own). */
export function changedColumns(project: Project, after: ProjectShape, c: ProjectChangesInput): QueryDeepPartialEntity<Project> {
  return {
    name: c.name ?? project.name,
    category: after.category,
    planYear: after.planYear,
    constructionStartYear: after.constructionStartYear,
    constructionEndYear: after.constructionEndYear,
    totalBudget: fenToYuan(toFen(after.totalBudget)!),
    fundingSource: c.fundingSource !== undefined ? c.fundingSource : project.fundingSource,
    plan: after.plan,
    cloudDeployment: after.cloudDeployment,
    cloudReason: after.cloudReason,
    crossDepartment: after.crossDepartment,
    upgradesProjectId: after.upgradesProjectId,
  };
}

/** What changed, in Chinese, for the transition note: short values with before → after, long ones by name. */
export function changeSummary(
  project: Project,
  before: ProjectShape,
  after: ProjectShape,
  set: QueryDeepPartialEntity<Project>,
  c: ProjectChangesInput,
): string[] {
  const out: string[] = [];
  const scalar = (key: keyof ProjectChangesInput, from: unknown, to: unknown) => {
    if (from !== to) out.push(`${FIELD_LABELS[key]}：${from ?? '（空）'} → ${to ?? '（空）'}`);
  };
  scalar('name', project.name, set.name);
  scalar('category', project.category, after.category);
  scalar('planYear', project.planYear, after.planYear);
  scalar('constructionStartYear', project.constructionStartYear, after.constructionStartYear);
  scalar('constructionEndYear', project.constructionEndYear, after.constructionEndYear);
  scalar('totalBudget', project.totalBudget, set.totalBudget);
  scalar('fundingSource', project.fundingSource, set.fundingSource);
  scalar('cloudDeployment', project.cloudDeployment, after.cloudDeployment);
  scalar('crossDepartment', project.crossDepartment, after.crossDepartment);
  if (project.cloudReason !== after.cloudReason) out.push(FIELD_LABELS.cloudReason);
  if (project.upgradesProjectId !== after.upgradesProjectId) out.push(FIELD_LABELS.upgradesProjectId);
  const sections = (Object.keys(PLAN_SECTIONS) as (keyof ConstructionPlan)[]).filter((k) => (before.plan[k] ?? null) !== (after.plan[k] ?? null));
  if (sections.length) out.push(`${FIELD_LABELS.plan}（${sections.map((k) => PLAN_SECTIONS[k]).join('、')}）`);
  if (c.budgetYears !== undefined) {
    const years = after.budgetYears.map((b) => `${b.year}年 ${fenToYuan(toFen(b.amount)!)}`).join('，');
    const old = before.budgetYears.map((b) => `${b.year}年 ${fenToYuan(toFen(b.amount)!)}`).join('，');
    if (years !== old) out.push(`${FIELD_LABELS.budgetYears}：${old || '（空）'} → ${years || '（空）'}`);
  }
  if ([...before.coBuildingUnitIds].sort().join() !== [...after.coBuildingUnitIds].sort().join()) out.push(FIELD_LABELS.coBuildingUnitIds);
  return out;
}
