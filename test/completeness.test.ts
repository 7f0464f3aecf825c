import { fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { DataItemType, OpenType, ResourceStatus, SharingType, UpdateFrequency, DataItem } from '../src/modules/catalogue';
import { createServices } from '../src/services';
import { Project, ProjectStatus } from '../src/modules/project';
import { SharingInterface, InterfaceKind, MountStatus } from '../src/modules/sharing';
import { codeOf, insertProject } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { insertResource, orgId, ResourceValues } from './support/projects';

const NOW = Date.parse('2027-06-01T00:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3600_000);

const RATIO = `{ numerator denominator ratio }`;
const FIGURES = `at catalogued ${RATIO} metadata ${RATIO} interfaces ${RATIO} mounted ${RATIO} aggregated ${RATIO} timely ${RATIO}`;
const GAPS = `gaps(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { reason detail resource { code } } } }`;
const PROJECT = `query ($id: ID!, $first: Int, $after: String) { project(id: $id) { completeness { ${FIGURES} ${GAPS}
  byOrganization { organization { name } completeness { catalogued ${RATIO} } } } } }`;
const DISTRICT = `query ($filter: CompletenessFilter, $first: Int, $after: String) { completeness(filter: $filter) { ${FIGURES} ${GAPS}
  byOrganization { organization { name } completeness { ${FIGURES} gaps(first: 50) { totalCount } } } } }`;

let hub: TestHub;
let bureau: string;
let project: Project;
let empty: Project;
let other: Project;
const r: Record<string, { id: string; code: string }> = {};
let endpointSeq = 0;

async function resource(key: string, values: ResourceValues, items = 1, mounts: MountStatus[] = []) {
  const created = await insertResource(hub, project.id, await orgId(hub, 'education'), {
    status: ResourceStatus.PUBLISHED,
    sharingType: SharingType.UNCONDITIONAL,
    openType: OpenType.NOT_OPEN,
    updateFrequency: UpdateFrequency.DAILY,
    ...values,
  });
  r[key] = created;
  if (items) {
    await hub.ds
      .getRepository(DataItem)
      .insert(
        Array.from({ length: items }, (_, i) => ({ resourceId: created.id, position: i + 1, name: `信息项${i + 1}`, dataType: DataItemType.C, length: 50 })),
      );
  }
  for (const mountStatus of mounts) {
    await hub.ds.getRepository(SharingInterface).insert({
      resourceId: created.id,
      kind: InterfaceKind.REST_API,
      endpoint: `https://exchange.sucheng.gov.cn/api/c${++endpointSeq}`,
      syncFrequency: UpdateFrequency.REALTIME,
      mountStatus,
    });
  }
  return created;
}

async function gql(query: string, variables: Record<string, unknown>, token = bureau) {
  const res = await hub.gql(query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, ratio: denominator ? numerator / denominator : null });

/** The hand-built project of the regulation's every gap, with the figures worked out by hand below. */
beforeAll(async () => {
  hub = await startTestHub({ TIMELINESS_GRACE_HOURS: '2' }, 'organizations', fixedClock(new Date(NOW)));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  project = await insertProject(hub.ds, 'education', ['student-aid-center'], ProjectStatus.UNDER_CONSTRUCTION);
  empty = await insertProject(hub.ds, 'education', [], ProjectStatus.APPROVED);
  other = await insertProject(hub.ds, 'health', [], ProjectStatus.APPROVED);

  const { MOUNTED, NOT_MOUNTED, WITHDRAWN } = MountStatus;
  await resource('complete', {}, 1, [MOUNTED]); // aggregated 10 h ago below, through the platform
  await resource('draft', { status: ResourceStatus.DRAFT, sharingType: SharingType.CONDITIONAL, sharingCondition: null }, 0);
  await resource('secret', { status: ResourceStatus.SUBMITTED, sharingType: SharingType.NOT_SHARED, legalBasis: ' ', openType: OpenType.OPEN });
  await resource('unclassified', { status: ResourceStatus.RETURNED, sharingType: null, openType: null, updateFrequency: null });
  await resource('unmounted', { updateFrequency: UpdateFrequency.WEEKLY }, 1, [NOT_MOUNTED]);
  await resource('withdrawn', { sharingType: SharingType.CONDITIONAL, sharingCondition: '经审批', lastAggregatedAt: hoursAgo(30) }, 1, [WITHDRAWN]);
  await resource('irregular', { updateFrequency: UpdateFrequency.IRREGULAR, lastAggregatedAt: hoursAgo(5000) }, 1, [MOUNTED]);
  await resource('retired', { status: ResourceStatus.RETIRED, sharingType: SharingType.CONDITIONAL, sharingCondition: null }, 0, [WITHDRAWN]);
  // MONTHLY: 31 × 24 h + 2 h of grace, to the millisecond: still timely.
  await resource('boundary', { updateFrequency: UpdateFrequency.MONTHLY, lastAggregatedAt: hoursAgo(31 * 24 + 2) }, 2, [MOUNTED, WITHDRAWN]);
  await resource('failing', {}, 1, [MOUNTED]);
  await resource('otherUnit', { projectId: other.id, providerId: await orgId(hub, 'health'), status: ResourceStatus.DRAFT }, 1, []);

  // Runs through the platform's own mutation: a success for `complete`, failures only for `failing`.
  const ifaceOf = async (key: string) => (await hub.ds.getRepository(SharingInterface).findOneByOrFail({ resourceId: r[key].id })).id;
  const runs = [
    { interfaceId: await ifaceOf('complete'), platformRunId: 'C-1', ranAt: hoursAgo(10).toISOString(), mode: 'FULL', records: 10, outcome: 'SUCCEEDED' },
    ...[3, 2, 1].map((h) => ({
      interfaceId: '',
      platformRunId: `F-${h}`,
      ranAt: hoursAgo(h).toISOString(),
      mode: 'INCREMENTAL',
      records: 0,
      outcome: 'FAILED',
      failureReason: '源库连接超时',
    })),
  ];
  const failing = await ifaceOf('failing');
  for (const run of runs.slice(1)) run.interfaceId = failing;
  const res = await gql(
    `mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted userErrors { message } } }`,
    {
      input: { runs },
    },
    await hub.token(Role.PLATFORM),
  );
  expect(res.aggregationRunsReport).toEqual({ accepted: 4, userErrors: [] });
});
afterAll(() => hub.close());

/** Every gap of the project, by resource code then reason (in the figures' order). */
const EXPECTED_GAPS: [string, string][] = [
  ['draft', 'NOT_PUBLISHED'],
  ['draft', 'MISSING_CONDITION'],
  ['draft', 'NO_DATA_ITEMS'],
  ['draft', 'NO_INTERFACE'],
  ['draft', 'NOT_MOUNTED'],
  ['draft', 'NEVER_AGGREGATED'],
  ['secret', 'NOT_PUBLISHED'],
  ['secret', 'MISSING_LEGAL_BASIS'],
  ['secret', 'OPEN_BUT_NOT_SHARED'],
  ['unclassified', 'NOT_PUBLISHED'],
  ['unclassified', 'MISSING_SHARING_TYPE'],
  ['unclassified', 'MISSING_OPEN_TYPE'],
  ['unclassified', 'MISSING_FREQUENCY'],
  ['unmounted', 'NOT_MOUNTED'],
  ['unmounted', 'NEVER_AGGREGATED'],
  ['withdrawn', 'NO_INTERFACE'],
  ['withdrawn', 'NOT_MOUNTED'],
  ['withdrawn', 'STALE'],
  ['failing', 'NEVER_AGGREGATED'],
];

describe('Project.completeness on a hand-built project (fixed clock, 2 h grace)', () => {
  it('counts every figure as DESIGN §3 defines it, retired resources left out', async () => {
    const { completeness: c } = (await gql(PROJECT, { id: project.id, first: 50 })).project;
    expect(c.at).toBe(new Date(NOW).toISOString());
    // 9 resources (retired left out); 7 shareable (UNCONDITIONAL or CONDITIONAL)
    expect(c.catalogued).toEqual(ratio(6, 9)); // complete, unmounted, withdrawn, irregular, boundary, failing
    expect(c.metadata).toEqual(ratio(6, 9)); // all but draft, secret, unclassified
    expect(c.interfaces).toEqual(ratio(5, 7)); // not: draft (none), withdrawn (withdrawn only)
    expect(c.mounted).toEqual(ratio(4, 7)); // complete, irregular, boundary, failing
    expect(c.aggregated).toEqual(ratio(4, 7)); // complete, withdrawn (data did arrive), irregular, boundary — not failing (failures only)
    expect(c.timely).toEqual(ratio(3, 4)); // withdrawn: 30 h > 24 h + 2 h; irregular never stale; boundary exactly at the edge
    expect(c.byOrganization).toEqual([{ organization: { name: '宿城区教育局' }, completeness: { catalogued: ratio(6, 9) } }]);
  });

  it('lists each gap with its reason, by resource code then reason', async () => {
    const { completeness: c } = (await gql(PROJECT, { id: project.id, first: 50 })).project;
    expect(c.gaps.totalCount).toBe(EXPECTED_GAPS.length);
    expect(c.gaps.edges.map((e: any) => [e.node.resource.code, e.node.reason])).toEqual(EXPECTED_GAPS.map(([k, reason]) => [r[k].code, reason]));
    const detail = (code: string, reason: string) => c.gaps.edges.find((e: any) => e.node.resource.code === code && e.node.reason === reason).node.detail;
    expect(detail(r.draft.code, 'NOT_PUBLISHED')).toBe('目录状态：草稿');
    expect(detail(r.unmounted.code, 'NOT_MOUNTED')).toBe('共享接口尚未挂接市共享交换平台');
    expect(detail(r.withdrawn.code, 'NOT_MOUNTED')).toBe('无可用共享接口（未登记或已撤销挂接）');
    expect(detail(r.failing.code, 'NEVER_AGGREGATED')).toBe('已挂接，尚无成功的归集记录');
    expect(detail(r.withdrawn.code, 'STALE')).toBe('最近一次成功归集于 2027-05-31 02:00（北京时间），更新周期每日，应在 26 小时内再次归集');
    expect(detail(r.draft.code, 'MISSING_CONDITION')).toBe('共享类型为有条件共享，未填写共享条件，第九条');
  });

  it('pages the gaps by (resource code, reason)', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const { gaps } = (await gql(PROJECT, { id: project.id, first: 4, after })).project.completeness;
      expect(gaps.totalCount).toBe(EXPECTED_GAPS.length);
      seen.push(...gaps.edges.map((e: any) => `${e.node.resource.code} ${e.node.reason}`));
      if (!gaps.pageInfo.hasNextPage) break;
      after = gaps.pageInfo.endCursor;
    }
    expect(seen).toEqual(EXPECTED_GAPS.map(([k, reason]) => `${r[k].code} ${reason}`));
  });

  it('reports 0/0 as such: numerator 0, denominator 0, ratio null', async () => {
    const { completeness: c } = (await gql(PROJECT, { id: empty.id, first: 5 })).project;
    for (const figure of ['catalogued', 'metadata', 'interfaces', 'mounted', 'aggregated', 'timely']) expect(c[figure]).toEqual(ratio(0, 0));
    expect(c.gaps).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('serves the acceptance module the same figures and gaps through the service API', async () => {
    const services = createServices(hub.ds, hub.config, fixedClock(new Date(NOW)));
    const counts = await services.completeness.countsByProject(hub.ds.manager, [project.id, empty.id], new Date(NOW));
    expect(counts.get(project.id)).toEqual({
      catalogued: { numerator: 6, denominator: 9 },
      metadata: { numerator: 6, denominator: 9 },
      interfaces: { numerator: 5, denominator: 7 },
      mounted: { numerator: 4, denominator: 7 },
      aggregated: { numerator: 4, denominator: 7 },
      timely: { numerator: 3, denominator: 4 },
    });
    expect(Object.values(counts.get(empty.id)!).every((x) => x.numerator === 0 && x.denominator === 0)).toBe(true);
    const gaps = await services.completeness.gaps(hub.ds.manager, [project.id, empty.id], new Date(NOW));
    expect(gaps.map((g) => [g.resourceCode, g.reason])).toEqual(EXPECTED_GAPS.map(([k, reason]) => [r[k].code, reason]));
    expect(gaps.every((g) => g.projectId === project.id)).toBe(true);
    // 17 h later only IRREGULAR is timely: `complete` is 27 h old (> 24 + 2), `boundary` past its edge
    const later = await services.completeness.countsByProject(hub.ds.manager, [project.id], new Date(NOW + 17 * 3600_000));
    expect(later.get(project.id)!.timely).toEqual({ numerator: 1, denominator: 4 }); // irregular only
  });
});

describe('completeness(filter): the district view', () => {
  it('sums the filtered projects, with gaps and one entry per lead unit', async () => {
    const { completeness: c } = await gql(DISTRICT, { filter: { projectIds: [project.id, empty.id, other.id] }, first: 50 });
    expect(c.catalogued).toEqual(ratio(6, 10));
    expect(c.metadata).toEqual(ratio(7, 10));
    expect(c.interfaces).toEqual(ratio(5, 8));
    expect(c.timely).toEqual(ratio(3, 4));
    expect(c.gaps.totalCount).toBe(EXPECTED_GAPS.length + 4); // otherUnit: NOT_PUBLISHED, NO_INTERFACE, NOT_MOUNTED, NEVER_AGGREGATED
    const byOrg = c.byOrganization.map((o: any) => [o.organization.name, o.completeness.catalogued, o.completeness.gaps.totalCount]);
    expect(byOrg).toEqual(
      [
        ['宿城区教育局', ratio(6, 9), EXPECTED_GAPS.length],
        ['宿城区卫生健康委员会', ratio(0, 1), 4],
      ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
    );
  });

  it('filters by organisation (lead or co-building), plan year and status', async () => {
    const edu = (await gql(DISTRICT, { filter: { organizationId: await orgId(hub, 'student-aid-center') } })).completeness;
    expect(edu.catalogued).toEqual(ratio(6, 9)); // co-builds `project` only
    const building = (await gql(DISTRICT, { filter: { status: 'UNDER_CONSTRUCTION', planYear: 2027 } })).completeness;
    expect(building.mounted).toEqual(ratio(4, 7));
    const none = (await gql(DISTRICT, { filter: { planYear: 2031 }, first: 5 })).completeness;
    expect(none.catalogued).toEqual(ratio(0, 0));
    expect(none.byOrganization).toEqual([]);
    expect(none.gaps.totalCount).toBe(0);
    const bad = await hub.gql(DISTRICT, { filter: { projectIds: ['not-a-uuid'] } }, bureau);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('oversight roles see every project; a project unit its own only; the platform not at all', async () => {
    for (const role of [Role.LEADING_GROUP_OFFICE, Role.EXPERT, Role.AUDITOR, Role.ADMIN]) {
      const all = (await gql(DISTRICT, { filter: { projectIds: [project.id, other.id] } }, await hub.token(role))).completeness;
      expect(all.catalogued).toEqual(ratio(6, 10));
    }
    const health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
    const narrowed = (await gql(DISTRICT, { filter: { projectIds: [project.id, other.id] } }, health)).completeness;
    expect(narrowed.catalogued).toEqual(ratio(0, 1));
    expect(narrowed.byOrganization.map((o: any) => o.organization.name)).toEqual(['宿城区卫生健康委员会']);

    const aid = await hub.token(Role.PROJECT_UNIT, codeOf('student-aid-center')); // a co-building unit
    expect((await gql(PROJECT, { id: project.id }, aid)).project.completeness.catalogued).toEqual(ratio(6, 9));
    expect((await gql(PROJECT, { id: other.id }, aid)).project).toEqual({ completeness: null });

    const platform = await hub.token(Role.PLATFORM);
    expect((await hub.gql(DISTRICT, {}, platform)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(PROJECT, { id: other.id }, platform)).project).toEqual({ completeness: null });
  });
});

describe('statements', () => {
  const PAGE = `query { projects(first: 50, filter: { planYear: 2031 }) { totalCount edges { node { code completeness {
    ${FIGURES} byOrganization { organization { name } } gaps(first: 3) { totalCount edges { node { reason resource { code } } } } } } } } }`;

  async function addProjects(n: number) {
    for (let i = 0; i < n; i++) {
      const p = await insertProject(hub.ds, i % 2 ? 'health' : 'civil-affairs');
      await hub.ds.getRepository(Project).update({ id: p.id }, { planYear: 2031 });
      await insertResource(hub, p.id, p.leadUnitId, { status: ResourceStatus.DRAFT, lastAggregatedAt: hoursAgo(i) });
    }
  }

  async function cost(expected: number): Promise<number> {
    hub.statements.reset();
    const res = await hub.gql(PAGE, {}, bureau);
    expect(res.errors).toBeUndefined();
    expect(res.data.projects.edges).toHaveLength(expected);
    for (const e of res.data.projects.edges) {
      expect(e.node.completeness.catalogued).toEqual(ratio(0, 1));
      expect(e.node.completeness.gaps.totalCount).toBe(4); // NOT_PUBLISHED, NO_DATA_ITEMS, NO_INTERFACE, NOT_MOUNTED (aggregated within 26 h)
    }
    return hub.statements.count;
  }

  it('a page of projects with their completeness costs the same for 3 projects as for 30', async () => {
    await addProjects(3);
    const three = await cost(3);
    await addProjects(27);
    const thirty = await cost(30);
    expect(thirty).toBe(three);
    // projects: the page with its count; completeness: one; gaps: one; gaps' resources: one; lead units: one
    expect(three).toBe(5);
  });
});
