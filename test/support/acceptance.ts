/**
 * Fixtures for the acceptance specs: a project put straight into trial operation with its dates,
 * catalogue rows and aggregation state written directly, the GraphQL documents, and the materials.
 */
import { USER_ERRORS } from './documents';
import { createHash } from 'node:crypto';
import { DataItemType, ResourceStatus, SharingMethod, DataGrade, DataItem } from '../../src/modules/catalogue';
import { Project, ProjectStatus } from '../../src/modules/project';
import { MountStatus } from '../../src/modules/sharing';
import { insertProject, orgId } from './catalogue';
import type { TestHub } from './hub';
import { Role } from '../../src/common/role.enums';
import { insertInterface, insertResource, ResourceValues, setRunTimes } from './projects';

/** The specs' fixed clock: 2028-06-15 12:00 in Asia/Shanghai. */
export const NOW = '2028-06-15T04:00:00Z';
export const TODAY = '2028-06-15';

export { USER_ERRORS };

export const APPLICATION_FIELDS = `id appliedAt appliedOn appliedBy result acceptedOn overrideReason earlyAcceptanceReason decidedBy filedOn late acceptedLate
  project { id code status history(first: 100) { edges { node { action fromStatus toStatus actorRole note } } } }
  documents { kind title fileName sha256 url }
  snapshot { id takenAt content contentHash verify }
  expertOpinions { expertUserId expertName opinion conclusion recordedAt version }
  review { id stage open assignments { expertUserId expertName } }`;

const applicationMutation = (name: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { acceptanceApplication { ${APPLICATION_FIELDS} } ${USER_ERRORS} } }`;

export const A = {
  apply: applicationMutation('acceptanceApply', 'AcceptanceApplyInput'),
  result: applicationMutation('acceptanceRecordResult', 'AcceptanceRecordResultInput'),
  file: applicationMutation('acceptanceFile', 'AcceptanceFileInput'),
  opinion: `mutation ($input: ExpertOpinionRecordInput!) { expertOpinionRecord(input: $input) {
    expertOpinion { id expertUserId expertName opinion conclusion recordedAt version current supersededAt } ${USER_ERRORS} } }`,
  assign: `mutation ($input: ExpertAssignInput!) { expertAssign(input: $input) {
    expertReview { id stage open applicationId project { id status }
      assignments { expertUserId expertName assignedBy opinion { conclusion version } opinionHistory { opinion conclusion version current } }
      opinions { expertUserId conclusion version } } ${USER_ERRORS} } }`,
  applications: `query ($id: ID!) { project(id: $id) { id status acceptanceApplications { ${APPLICATION_FIELDS} } } }`,
  diff: `query ($id: ID!) { project(id: $id) { acceptanceApplications { id snapshotDiff {
    resourcesAdded resourcesRemoved resourcesChanged { code fields }
    interfacesAdded { id resourceCode endpoint fields } interfacesRemoved { id resourceCode endpoint fields }
    interfacesChanged { id resourceCode endpoint fields } } } } }`,
};

/** Runs a mutation and returns its payload; fails the test on a top-level error. */
export async function send(
  hub: TestHub,
  doc: string,
  input: unknown,
  token: string,
): Promise<{ acceptanceApplication?: any; expertOpinion?: any; expertReview?: any; userErrors: any[] }> {
  const res = await hub.gql(doc, { input }, token);
  if (res.errors) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return Object.values(res.data as Record<string, any>)[0];
}

export const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

export const doc = (kind: string, overrides: Record<string, unknown> = {}) => ({
  kind,
  title: `${kind} 材料`,
  fileName: `${kind.toLowerCase()}.pdf`,
  sha256: sha256Of(kind),
  url: `https://files.sucheng.gov.cn/acceptance/${kind.toLowerCase()}.pdf`,
  ...overrides,
});

/** 第二十五条 */
export const APPLICATION_KINDS = ['CONSTRUCTION_SUMMARY', 'FINANCIAL_REPORT', 'SHARING_CATALOGUE', 'SECURITY_ASSESSMENT'];
/** 第二十六条 */
export const REPORT_KINDS = ['SHARING_LIST', 'SOFTWARE_HARDWARE_CONTROLLABILITY', 'TECHNICAL_DOCUMENTATION'];

export const applicationDocs = () => APPLICATION_KINDS.map((k) => doc(k));
export const reportDocs = () => REPORT_KINDS.map((k) => doc(k));

/** A project of `lead` (with co-building units `co`) in trial operation since `goLiveDate`. */
export async function trialProject(
  hub: TestHub,
  { lead = 'education', co = [] as string[], goLiveDate = '2028-01-10' as string | null, trialEndDate = '2028-05-31' as string | null } = {},
): Promise<Project> {
  const p = await insertProject(hub.ds, lead, co, ProjectStatus.TRIAL_OPERATION);
  await hub.ds.getRepository(Project).update({ id: p.id }, { goLiveDate, trialEndDate });
  return hub.ds.getRepository(Project).findOneByOrFail({ id: p.id });
}

/**
 * An entry that meets every figure of DESIGN §3: published, metadata complete with data items,
 * an interface mounted on the city platform, aggregated an hour before the clock.
 */
export async function completeResource(hub: TestHub, projectId: string, providerKey = 'education', values: ResourceValues = {}) {
  const r = await insertResource(hub, projectId, await orgId(hub.ds, providerKey), {
    status: ResourceStatus.PUBLISHED,
    publishedOn: '2028-01-05',
    sharingMethod: SharingMethod.PLATFORM_INTERFACE,
    dataGrade: DataGrade.GENERAL,
    summary: '学生基本信息',
    lastAggregatedAt: new Date(Date.parse(NOW) - 3600_000),
    ...values,
  });
  await insertItems(hub, r.id, [
    [1, '姓名', DataItemType.C, 50],
    [2, '身份证号', DataItemType.C, 18],
  ]);
  await insertInterface(hub, r.id, MountStatus.MOUNTED);
  await hub.ds.query(`UPDATE sharing_interface SET platform_id = 'PLAT-' || left(id::text, 8) WHERE resource_id = $1`, [r.id]);
  const [{ id }] = await hub.ds.query(`SELECT id FROM sharing_interface WHERE resource_id = $1`, [r.id]);
  await setRunTimes(hub.ds, { interfaceId: id, lastSuccessAt: new Date(Date.parse(NOW) - 3600_000) });
  return r;
}

export async function insertItems(hub: TestHub, resourceId: string, items: [number, string, DataItemType, number | null][]) {
  await hub.ds.getRepository(DataItem).insert(items.map(([position, name, dataType, length]) => ({ resourceId, position, name, dataType, length })));
}

/** A project in trial operation whose catalogue meets the default thresholds. */
export async function readyProject(hub: TestHub, options: Parameters<typeof trialProject>[1] = {}): Promise<Project> {
  const p = await trialProject(hub, options);
  await completeResource(hub, p.id, options.lead ?? 'education');
  return p;
}

/** A named expert of the specs (a stable user id across tokens, 第六条). */
export const EXPERT = { login: 'expert-zhao', name: '赵评' };

/** 第二十五条: the office assigns EXPERT to the application's review and the expert gives `conclusion`. Fails the test on a refusal. */
export async function review(hub: TestHub, applicationId: string, conclusion: 'PASS' | 'PASS_WITH_CHANGES' | 'FAIL' = 'PASS') {
  const office = await hub.token(Role.LEADING_GROUP_OFFICE);
  const expertUserId = await hub.userId(Role.EXPERT, EXPERT.login, EXPERT.name);
  const assigned = await send(hub, A.assign, { applicationId, expertUserIds: [expertUserId] }, office);
  if (assigned.userErrors.length && assigned.userErrors[0].code !== 'DUPLICATE') throw new Error(`expertAssign: ${JSON.stringify(assigned.userErrors)}`);
  const expert = await hub.token(Role.EXPERT, undefined, EXPERT.login, EXPERT.name);
  const res = await send(hub, A.opinion, { applicationId, opinion: '材料齐全，同意验收。', conclusion }, expert);
  if (res.userErrors.length) throw new Error(`expertOpinionRecord: ${JSON.stringify(res.userErrors)}`);
  return res.expertOpinion;
}

/** Rows of every table the acceptance mutations write, to prove a refusal wrote nothing. */
export async function acceptanceCounts(hub: TestHub) {
  const [row] = await hub.ds.query(`SELECT
    (SELECT count(*)::int FROM acceptance_application) AS applications,
    (SELECT count(*)::int FROM acceptance_document) AS documents,
    (SELECT count(*)::int FROM acceptance_snapshot) AS snapshots,
    (SELECT count(*)::int FROM expert_opinion) AS opinions,
    (SELECT count(*)::int FROM expert_review) AS reviews,
    (SELECT count(*)::int FROM expert_assignment) AS assignments,
    (SELECT count(*)::int FROM notification_event) AS events,
    (SELECT md5(string_agg(o::text, ',' ORDER BY o.id)) FROM expert_opinion o) AS opinion_rows,
    (SELECT md5(string_agg(r::text, ',' ORDER BY r.id)) FROM expert_review r) AS review_rows,
    (SELECT count(*)::int FROM project_transition) AS transitions,
    (SELECT md5(string_agg(a::text, ',' ORDER BY a.id)) FROM acceptance_application a) AS application_rows,
    (SELECT md5(string_agg(p.id::text || p.status::text, ',' ORDER BY p.id)) FROM project p) AS project_statuses`);
  return row;
}
