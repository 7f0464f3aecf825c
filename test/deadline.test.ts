import { Clock, fixedClock } from '../src/common/clock';
import { AcceptanceApplication, AcceptanceResult } from '../src/modules/acceptance';
import { Role } from '../src/common/role.enums';
import { ResourceStatus, SharingType } from '../src/modules/catalogue';
import { Project, ProjectStatus as S } from '../src/modules/project';
import { SharingRequest, SharingRequestStatus } from '../src/modules/sharing-request';
import { codeOf, insertProject, orgId } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { insertResource } from './support/projects';

/** The hub's clock; today is 25 November 2026 in Shanghai unless a spec moves it. */
let current = fixedClock('2026-11-25T10:00:00+08:00');
const clock: Clock = { now: () => current.now() };
const at = (instant: string) => (current = fixedClock(instant));
const TODAY = '2026-11-25T10:00:00+08:00';

let hub: TestHub;
const org: Record<string, string> = {};
const token: Record<string, string> = {};

interface ProjectFixture {
  lead: string;
  co?: string[];
  status: S;
  planYear?: number;
  goLiveDate?: string;
  trialEndDate?: string;
  acceptance?: { result: AcceptanceResult; acceptedOn: string; filedOn?: string };
}

/** One project per case, each on one side of one boundary; keyed by the code's suffix. */
const PROJECTS: Record<string, ProjectFixture> = {
  // 第七条: the plan for year Y by 30 September of Y−1.
  planLate: { lead: 'education', status: S.DRAFT, planYear: 2027 },
  planAhead: { lead: 'health', co: ['education'], status: S.DRAFT, planYear: 2028 },
  planDeclared: { lead: 'education', status: S.DECLARED, planYear: 2027 },
  // 第二十四条: acceptance within 12 months of go-live, not before 3 months.
  windowToday: { lead: 'health', status: S.TRIAL_OPERATION, goLiveDate: '2025-11-25' },
  windowPast: { lead: 'education', co: ['civil-affairs'], status: S.ACCEPTANCE_APPLIED, goLiveDate: '2025-11-24' },
  windowLeap: { lead: 'education', status: S.TRIAL_OPERATION, goLiveDate: '2024-02-29' },
  windowAccepted: { lead: 'education', status: S.ACCEPTED, goLiveDate: '2025-01-01' },
  windowFailed: { lead: 'education', status: S.ACCEPTANCE_FAILED, goLiveDate: '2025-12-01' }, // still owes a passed acceptance
  earliestToday: { lead: 'education', status: S.TRIAL_OPERATION, goLiveDate: '2026-08-25' },
  earliestTomorrow: { lead: 'education', status: S.TRIAL_OPERATION, goLiveDate: '2026-08-26' },
  earliestMonthEnd: { lead: 'education', status: S.ACCEPTANCE_APPLIED, goLiveDate: '2026-08-31' },
  // 第二十五条: the application within 1 month of the end of trial operation.
  applyToday: { lead: 'education', status: S.TRIAL_OPERATION, trialEndDate: '2026-10-25' },
  applyPast: { lead: 'education', status: S.TRIAL_OPERATION, trialEndDate: '2026-10-24' },
  applyMonthEnd: { lead: 'education', status: S.TRIAL_OPERATION, trialEndDate: '2026-01-31' },
  applyDone: { lead: 'education', status: S.ACCEPTANCE_APPLIED, trialEndDate: '2026-10-01' },
  // 第二十六条: filing within 1 month of a passed acceptance.
  fileToday: { lead: 'education', status: S.ACCEPTED, acceptance: { result: AcceptanceResult.PASSED, acceptedOn: '2026-10-25' } },
  filePast: { lead: 'health', status: S.ACCEPTED, acceptance: { result: AcceptanceResult.PASSED, acceptedOn: '2026-10-24' } },
  fileDone: { lead: 'education', status: S.FILED, acceptance: { result: AcceptanceResult.PASSED, acceptedOn: '2026-10-20', filedOn: '2026-11-01' } },
  fileFailed: { lead: 'education', status: S.ACCEPTANCE_FAILED, acceptance: { result: AcceptanceResult.FAILED, acceptedOn: '2026-10-20' } },
};

/** Sharing requests on an education resource: [consumer, status, due]. */
const REQUESTS: Record<string, [string, SharingRequestStatus, string]> = {
  answerToday: ['health', SharingRequestStatus.PENDING, '2026-11-25'],
  answerPast: ['civil-affairs', SharingRequestStatus.PENDING, '2026-11-24'],
  answered: ['cdc', SharingRequestStatus.APPROVED, '2026-11-20'],
};

type Item = [key: string, kind: string, dueOn: string, daysLeft: number, overdue: boolean];

/** What is due on 25 November 2026, by due date then kind; worked out by hand from the fixtures. */
const EXPECTED: Item[] = [
  ['windowLeap', 'ACCEPTANCE_WINDOW', '2025-02-28', -635, true], // 29 Feb 2024 + 12 months, clamped
  ['applyMonthEnd', 'ACCEPTANCE_APPLICATION', '2026-02-28', -270, true], // 31 Jan + 1 month, clamped
  ['planLate', 'PLAN_DECLARATION', '2026-09-30', -56, true],
  ['applyPast', 'ACCEPTANCE_APPLICATION', '2026-11-24', -1, true],
  ['windowPast', 'ACCEPTANCE_WINDOW', '2026-11-24', -1, true],
  ['filePast', 'FILING', '2026-11-24', -1, true],
  ['answerPast', 'SHARING_REQUEST_ANSWER', '2026-11-24', -1, true],
  ['applyToday', 'ACCEPTANCE_APPLICATION', '2026-11-25', 0, false],
  ['windowToday', 'ACCEPTANCE_WINDOW', '2026-11-25', 0, false],
  ['fileToday', 'FILING', '2026-11-25', 0, false],
  ['answerToday', 'SHARING_REQUEST_ANSWER', '2026-11-25', 0, false],
  ['earliestTomorrow', 'ACCEPTANCE_EARLIEST', '2026-11-26', 1, false],
  ['earliestMonthEnd', 'ACCEPTANCE_EARLIEST', '2026-11-30', 5, false], // 31 Aug + 3 months, clamped
  ['windowFailed', 'ACCEPTANCE_WINDOW', '2026-12-01', 6, false],
  ['earliestToday', 'ACCEPTANCE_WINDOW', '2027-08-25', 273, false],
  ['earliestTomorrow', 'ACCEPTANCE_WINDOW', '2027-08-26', 274, false],
  ['earliestMonthEnd', 'ACCEPTANCE_WINDOW', '2027-08-31', 279, false],
  ['planAhead', 'PLAN_DECLARATION', '2027-09-30', 309, false],
];

const ARTICLES: Record<string, string | null> = {
  PLAN_DECLARATION: '第七条',
  ACCEPTANCE_EARLIEST: '第二十四条',
  ACCEPTANCE_WINDOW: '第二十四条',
  ACCEPTANCE_APPLICATION: '第二十五条',
  FILING: '第二十六条',
  SHARING_REQUEST_ANSWER: null,
};

const LIST = `query ($filter: DeadlineFilter, $first: Int, $after: String) {
  deadlines(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { kind article rule dueOn daysLeft overdue project { code } sharingRequest { purpose } organization { name } } }
  }
}`;

const keyOf = new Map<string, string>();

async function deadlines(who: string, filter: Record<string, unknown> = {}, first = 100, after?: string) {
  const out = await hub.gql(LIST, { filter, first, after }, token[who]);
  expect(out.errors).toBeUndefined();
  return out.data.deadlines;
}

const items = (page: any): Item[] =>
  page.edges.map(({ node: n }: any) => [keyOf.get(n.project?.code ?? n.sharingRequest.purpose)!, n.kind, n.dueOn, n.daysLeft, n.overdue]);

/** The expected items a project unit of `key` sees: its organisation's projects (lead or co-building) and the requests it answers or made. */
function visibleTo(key: string): Item[] {
  return EXPECTED.filter(([k]) => {
    const p = PROJECTS[k];
    if (p) return p.lead === key || (p.co ?? []).includes(key);
    return key === 'education' || REQUESTS[k][0] === key;
  });
}

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', clock);
  for (const key of ['education', 'health', 'civil-affairs', 'cdc']) {
    org[key] = await orgId(hub.ds, key);
    token[key] = await hub.token(Role.PROJECT_UNIT, codeOf(key));
  }
  token.auditor = await hub.token(Role.AUDITOR);
  token.office = await hub.token(Role.LEADING_GROUP_OFFICE);
  token.platform = await hub.token(Role.PLATFORM);
  let n = 0;
  let resourceProject: Project | null = null;
  for (const [key, f] of Object.entries(PROJECTS)) {
    const code = `SC-2026-${String(++n).padStart(4, '0')}`;
    keyOf.set(code, key);
    const p = await insertProject(hub.ds, f.lead, f.co ?? [], f.status, code);
    await hub.ds
      .getRepository(Project)
      .update({ id: p.id }, { planYear: f.planYear ?? 2026, goLiveDate: f.goLiveDate ?? null, trialEndDate: f.trialEndDate ?? null });
    if (f.acceptance) {
      await hub.ds.getRepository(AcceptanceApplication).insert({ projectId: p.id, appliedBy: 'unit-user', filedOn: null, ...f.acceptance });
    }
    resourceProject ??= p;
  }
  const resource = await insertResource(hub, resourceProject!.id, org.education, { status: ResourceStatus.PUBLISHED, sharingType: SharingType.CONDITIONAL });
  for (const [key, [consumer, status, dueOn]] of Object.entries(REQUESTS)) {
    keyOf.set(key, key);
    await hub.ds.getRepository(SharingRequest).insert({
      resourceId: resource.id,
      consumerOrganizationId: org[consumer],
      requestedBy: 'unit-user',
      purpose: key,
      status,
      dueOn,
    });
  }
});
afterAll(() => hub.close());
beforeEach(() => at(TODAY));

describe('deadlines', () => {
  it('lists every open deadline by due date, each kind on both sides of its boundary (oversight role)', async () => {
    const page = await deadlines('auditor');
    expect(items(page)).toEqual(EXPECTED);
    expect(page.totalCount).toBe(EXPECTED.length);
  });

  it("names each kind's article and rule, and who owes it", async () => {
    const page = await deadlines('office');
    for (const { node } of page.edges) {
      expect([node.kind, node.article]).toEqual([node.kind, ARTICLES[node.kind]]);
      expect(node.rule).toMatch(/[\u4e00-\u9fa5]/);
    }
    const byKind = new Map(page.edges.map(({ node }: any) => [node.kind, node]));
    expect((byKind.get('PLAN_DECLARATION') as any).rule).toContain('9月底前');
    expect((byKind.get('FILING') as any).rule).toContain('不予安排后续建设资金和运维经费');
    expect((byKind.get('SHARING_REQUEST_ANSWER') as any).rule).toContain('10个工作日');
    const request = page.edges.find(({ node }: any) => node.sharingRequest?.purpose === 'answerPast').node;
    expect(request).toMatchObject({ project: null, organization: { name: '宿城区教育局' } });
    const filing = page.edges.find(({ node }: any) => keyOf.get(node.project?.code) === 'filePast').node;
    expect(filing).toMatchObject({ sharingRequest: null, organization: { name: '宿城区卫生健康委员会' } });
  });

  it('takes today in the Asia/Shanghai calendar: a plan due 30 September is in time until midnight in Shanghai', async () => {
    const plan = async () => items(await deadlines('auditor', { kind: 'PLAN_DECLARATION' })).find(([k]) => k === 'planLate');
    at('2026-09-30T23:59:59+08:00');
    expect(await plan()).toEqual(['planLate', 'PLAN_DECLARATION', '2026-09-30', 0, false]);
    at('2026-09-30T16:00:00Z'); // 00:00 on 1 October in Shanghai
    expect(await plan()).toEqual(['planLate', 'PLAN_DECLARATION', '2026-09-30', -1, true]);
  });

  it('lists the earliest acceptance date only while it lies ahead, never as overdue', async () => {
    const earliest = async () => items(await deadlines('auditor', { kind: 'ACCEPTANCE_EARLIEST' })).map(([k, , , d]) => [k, d]);
    expect(await earliest()).toEqual([
      ['earliestTomorrow', 1],
      ['earliestMonthEnd', 5],
    ]);
    at('2026-11-24T10:00:00+08:00');
    expect(await earliest()).toEqual([
      ['earliestToday', 1],
      ['earliestTomorrow', 2],
      ['earliestMonthEnd', 6],
    ]);
    at('2026-11-26T10:00:00+08:00');
    expect(await earliest()).toEqual([['earliestMonthEnd', 4]]);
  });

  it('filters overdue ones', async () => {
    const page = await deadlines('auditor', { overdueOnly: true });
    expect(items(page)).toEqual(EXPECTED.filter(([, , , , overdue]) => overdue));
    expect(page.totalCount).toBe(7);
  });

  it('filters those due within N days, overdue ones included', async () => {
    expect(items(await deadlines('auditor', { withinDays: 0 }))).toEqual(EXPECTED.filter(([, , , d]) => d <= 0));
    expect(items(await deadlines('auditor', { withinDays: 4 }))).toEqual(EXPECTED.filter(([, , , d]) => d <= 4));
    expect(items(await deadlines('auditor', { withinDays: 5 }))).toEqual(EXPECTED.filter(([, , , d]) => d <= 5));
    expect(items(await deadlines('auditor', { withinDays: 5, kind: 'FILING', overdueOnly: true }))).toEqual([['filePast', 'FILING', '2026-11-24', -1, true]]);
  });

  it('filters by kind and by organisation (its projects, lead or co-building, and its requests)', async () => {
    expect(items(await deadlines('auditor', { kind: 'SHARING_REQUEST_ANSWER' })).map(([k]) => k)).toEqual(['answerPast', 'answerToday']);
    expect(items(await deadlines('auditor', { organizationId: org.health }))).toEqual(visibleTo('health'));
    expect(items(await deadlines('auditor', { organizationId: org['civil-affairs'] }))).toEqual(visibleTo('civil-affairs'));
  });

  it("shows a project unit its organisation's deadlines and the requests it answers or made", async () => {
    for (const key of ['education', 'health', 'civil-affairs', 'cdc']) {
      expect([key, items(await deadlines(key))]).toEqual([key, visibleTo(key)]);
    }
    expect(visibleTo('cdc')).toEqual([]);
    expect(visibleTo('civil-affairs').map(([k]) => k)).toEqual(['windowPast', 'answerPast']);
    // Another organisation's filter does not widen what a project unit reads.
    expect(items(await deadlines('cdc', { organizationId: org.education }))).toEqual([]);
  });

  it('refuses roles that neither oversee nor build', async () => {
    expect((await hub.gql(LIST, {}, token.platform)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await hub.gql(LIST, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('pages by (due date, kind, id)', async () => {
    const seen: Item[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await deadlines('auditor', {}, 4, after);
      expect(page.totalCount).toBe(EXPECTED.length);
      seen.push(...items(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(EXPECTED);
  });

  it('answers bad arguments as BAD_USER_INPUT', async () => {
    for (const [filter, after] of [[{ withinDays: -1 }], [{ organizationId: 'x' }], [{}, 'bm90LWEtY3Vyc29y']] as [object, string?][]) {
      const out = await hub.gql(LIST, { filter, first: 5, after }, token.auditor);
      expect(out.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it("reads the page's projects, requests and organisations through loaders: as many statements for 8 items as for 17", async () => {
    const count = async (first: number) => {
      hub.statements.reset();
      await deadlines('auditor', {}, first);
      return hub.statements.count;
    };
    expect(await count(8)).toBe(await count(100));
  });
});
