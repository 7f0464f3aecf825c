/** Helpers for the project specs: GraphQL documents, a declarable project, catalogue rows written directly. */
import { CatalogueKind, ResourceFormat, ResourceStatus, SharingType, OpenType, UpdateFrequency, InformationResource } from '../../src/modules/catalogue';
import { ProjectBudgetYear, ProjectTransition, Project } from '../../src/modules/project';
import { SharingInterface, InterfaceKind, MountStatus } from '../../src/modules/sharing';
import { Role } from '../../src/common/role.enums';
import type { DataSource } from 'typeorm';
import type { TestHub } from './hub';

export const PROJECT_FIELDS = `fragment P on Project {
  id code name status category planYear constructionStartYear constructionEndYear totalBudget fundingSource fundsHalted cloudDeployment cloudReason crossDepartment
  declaredAt approvedAt rejectionReason goLiveDate trialEndDate supervisionRequired lateDeclaration
  budgetYears { year amount }
  leadUnit { id name } coBuildingUnits { id name } coBuilding { status organization { id } respondedAt } upgradesProject { id code }
  plan { background necessity goals content schedule securitySystem configuration highlights scenarios }
  history(first: 100) { edges { node { fromStatus toStatus action actorUserId actorRole actorOrganization { id } note at } } }
}`;

/** A mutation document `name(input: $input)` answering the project and its userErrors. */
export const mutation = (name: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { project { ...P } userErrors { code field message article } } } ${PROJECT_FIELDS}`;

export const M = {
  create: mutation('projectCreate', 'ProjectCreateInput'),
  update: mutation('projectUpdate', 'ProjectUpdateInput'),
  declare: mutation('projectDeclare', 'ProjectDeclareInput'),
  approve: mutation('projectApprove', 'ProjectApproveInput'),
  reject: mutation('projectReject', 'ProjectRejectInput'),
  startConstruction: mutation('projectStartConstruction', 'ProjectStartConstructionInput'),
  goLive: mutation('projectGoLive', 'ProjectGoLiveInput'),
  requestChange: mutation('projectRequestChange', 'ProjectRequestChangeInput'),
};

/** 第十四条: the named unit accepts to co-build (co-building.test.ts has its rules). */
export const ACCEPT = mutation('coBuildingAccept', 'CoBuildingAnswerInput');

export const GET = `query ($id: ID, $code: String) { project(id: $id, code: $code) { ...P } } ${PROJECT_FIELDS}`;

export const FULL_PLAN = {
  background: '依据《宿城区政务信息化项目建设管理办法》',
  necessity: '现有系统无法满足业务协同需要',
  goals: '实现学籍数据共享',
  content: '建设学籍管理平台',
  schedule: '12个月',
  securitySystem: '等级保护三级',
  configuration: '政务云虚拟机4台',
  highlights: '数据直达基层',
  scenarios: '入学一件事',
};

/** A project input that passes every declaration rule; its budget years follow the plan year. */
export const declarable = (overrides: Record<string, unknown> = {}) => ({
  name: '智慧教育学籍管理平台',
  category: 'NEW',
  planYear: 2027,
  // 第八条 建设工期: two years, so per-year budgets are required and given.
  constructionStartYear: ((overrides.planYear as number) ?? 2027) + 0,
  constructionEndYear: ((overrides.planYear as number) ?? 2027) + 1,
  totalBudget: '1200000.00',
  budgetYears: [
    { year: ((overrides.planYear as number) ?? 2027) + 0, amount: '800000.00' },
    { year: ((overrides.planYear as number) ?? 2027) + 1, amount: '400000.00' },
  ],
  fundingSource: '区级财政资金',
  plan: FULL_PLAN,
  ...overrides,
});

export { codeOf, orgId } from './hub';

/** Rows of every table a project mutation writes, to prove a refusal wrote nothing. */
export async function rowCounts(hub: TestHub) {
  const [projects, transitions, budgetYears, [{ n: coBuilding }]] = await Promise.all([
    hub.ds.getRepository(Project).count(),
    hub.ds.getRepository(ProjectTransition).count(),
    hub.ds.getRepository(ProjectBudgetYear).count(),
    hub.ds.query(`SELECT count(*)::int AS n FROM project_co_building_unit`),
  ]);
  return { projects, transitions, budgetYears, coBuilding };
}

/** The project row as stored, with its budget years, for before/after comparisons. */
export async function stored(hub: TestHub, id: string) {
  return hub.ds.getRepository(Project).findOneOrFail({ where: { id } });
}

/** The named expert the specs review with (a stable user id across tokens, 第六条). */
export const SPEC_EXPERT = { login: 'expert-wang', name: '王审' };

/**
 * 第十条: the office assigns SPEC_EXPERT to the declared project's plan review and the expert gives
 * `conclusion`, as projectApprove needs (PLAN_REVIEW_QUORUM 1). Fails the test on a refusal.
 */
export async function reviewPlan(hub: TestHub, projectId: string, conclusion: 'PASS' | 'PASS_WITH_CHANGES' | 'FAIL' = 'PASS') {
  const office = await hub.token(Role.LEADING_GROUP_OFFICE);
  const expert = await hub.token(Role.EXPERT, undefined, SPEC_EXPERT.login, SPEC_EXPERT.name);
  const expertUserId = await hub.userId(Role.EXPERT, SPEC_EXPERT.login, SPEC_EXPERT.name);
  const assign = await hub.gql(
    `mutation ($input: ExpertAssignInput!) { expertAssign(input: $input) { userErrors { code field message } } }`,
    {
      input: { projectId, expertUserIds: [expertUserId] },
    },
    office,
  );
  const errors = assign.data?.expertAssign.userErrors ?? assign.errors;
  // Assigned already in this round: fine, the opinion is revised.
  if (errors.length && !(errors.length === 1 && errors[0].code === 'DUPLICATE')) throw new Error(`expertAssign: ${JSON.stringify(errors)}`);
  const opinion = await hub.gql(
    `mutation ($input: ExpertOpinionRecordInput!) { expertOpinionRecord(input: $input) { userErrors { code field message } } }`,
    {
      input: { projectId, opinion: '建设方案可行，同意列入年度计划。', conclusion },
    },
    expert,
  );
  const refused = opinion.data?.expertOpinionRecord.userErrors ?? opinion.errors;
  if (refused.length) throw new Error(`expertOpinionRecord: ${JSON.stringify(refused)}`);
}

/** Runs a mutation and returns its payload; fails the test on a top-level error. */
export async function run(hub: TestHub, doc: string, input: unknown, token: string) {
  const res = await hub.gql(doc, { input }, token);
  if (res.errors) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return Object.values(res.data as Record<string, any>)[0] as { project: any; userErrors: any[] };
}

let resourceSeq = 0;

/** A catalogue entry written straight into the table (the catalogue mutations are another module's). */
/** A catalogue entry's columns, and its latest successful aggregation (the aggregation module's bookkeeping, resource_run_times). */
export type ResourceValues = Partial<InformationResource> & { lastAggregatedAt?: Date | null };

export async function insertResource(hub: TestHub, projectId: string, providerId: string, values: ResourceValues = {}) {
  resourceSeq++;
  const { lastAggregatedAt, ...columns } = values;
  const row = {
    code: `301001001/${String(resourceSeq).padStart(5, '0')}`,
    catalogueKind: CatalogueKind.DEPARTMENTAL,
    classificationCode: '301001001',
    name: `信息资源${resourceSeq}`,
    providerId,
    projectId,
    format: ResourceFormat.DATABASE,
    sharingType: SharingType.UNCONDITIONAL,
    openType: OpenType.NOT_OPEN,
    updateFrequency: UpdateFrequency.DAILY,
    status: ResourceStatus.DRAFT,
    ...columns,
  };
  const { identifiers } = await hub.ds.getRepository(InformationResource).insert(row);
  const id = identifiers[0].id as string;
  if (lastAggregatedAt) await setRunTimes(hub.ds, { resourceId: id, lastAggregatedAt });
  return { id, code: row.code };
}

export async function insertInterface(hub: TestHub, resourceId: string, mountStatus = MountStatus.MOUNTED) {
  await hub.ds.getRepository(SharingInterface).insert({
    resourceId,
    kind: InterfaceKind.REST_API,
    endpoint: 'https://exchange.sucheng.gov.cn/api/x',
    syncFrequency: UpdateFrequency.DAILY,
    mountStatus,
  });
}

/** A complete sharing analysis (第九条): one unconditional resource with a mounted interface. */
export async function shareable(hub: TestHub, projectId: string, providerId: string) {
  const r = await insertResource(hub, projectId, providerId);
  await insertInterface(hub, r.id);
  return r;
}

/** Puts a project straight into a status, for specs about reading or about what a status refuses. */
export async function forceStatus(hub: TestHub, id: string, status: string, extra: Record<string, unknown> = {}) {
  await hub.ds.getRepository(Project).update({ id }, { status: status as any, ...extra });
}

export async function viewerId(hub: TestHub, token: string): Promise<string> {
  return (await hub.gql(`{ viewer { userId } }`, {}, token)).data.viewer.userId;
}

/**
 * Sets the last-run bookkeeping ingest keeps (the aggregation module's interface_run_times and
 * resource_run_times) behind the hub's back, as a fixture: an interface's latest run and success, or
 * a resource's latest success.
 */
export async function setRunTimes(
  ds: DataSource,
  at: { interfaceId: string; lastRunAt?: Date | null; lastSuccessAt?: Date | null } | { resourceId: string; lastAggregatedAt: Date | null },
): Promise<void> {
  if ('interfaceId' in at) {
    await ds.query(
      `INSERT INTO interface_run_times AS t (interface_id, last_run_at, last_success_at) VALUES ($1, $2, $3)
       ON CONFLICT (interface_id) DO UPDATE SET last_run_at = CASE WHEN $4 THEN EXCLUDED.last_run_at ELSE t.last_run_at END,
                                                last_success_at = CASE WHEN $5 THEN EXCLUDED.last_success_at ELSE t.last_success_at END`,
      [at.interfaceId, at.lastRunAt ?? null, at.lastSuccessAt ?? null, 'lastRunAt' in at, 'lastSuccessAt' in at],
    );
  } else {
    await ds.query(
      `INSERT INTO resource_run_times (resource_id, last_aggregated_at) VALUES ($1, $2)
       ON CONFLICT (resource_id) DO UPDATE SET last_aggregated_at = EXCLUDED.last_aggregated_at`,
      [at.resourceId, at.lastAggregatedAt],
    );
  }
}
