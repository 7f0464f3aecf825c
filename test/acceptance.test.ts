import 'reflect-metadata';
import { fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { ROLE_HOME } from '../seeds/organizations';
import { ResourceStatus } from '../src/modules/catalogue';
import { timingProblems, lateApplication } from '../src/modules/acceptance';
import { ProjectStatus, PROJECT_TRANSITIONS } from '../src/modules/project';
import {
  A,
  acceptanceCounts,
  APPLICATION_KINDS,
  applicationDocs,
  completeResource,
  doc,
  NOW,
  readyProject,
  reportDocs,
  send,
  TODAY,
  trialProject,
} from './support/acceptance';
import { codeOf, orgId } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { forceStatus, insertResource, viewerId } from './support/projects';

/** The specs' clock: fixed at NOW, moved on where a spec needs time to pass. */
const clock = { at: Date.parse(NOW), now: () => new Date(clock.at) };

let hub: TestHub;
let unit: string;
let health: string;
let office: string;
let expert: string;

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', clock);
  unit = await hub.token(Role.PROJECT_UNIT);
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  office = await hub.token(Role.LEADING_GROUP_OFFICE);
  expert = await hub.token(Role.EXPERT);
});
afterAll(() => hub.close());

const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** Asserts a refusal: exactly these errors, and nothing written anywhere. */
async function expectRefused(doc: string, input: unknown, token: string, errors: object[]) {
  const before = await acceptanceCounts(hub);
  const res = await send(hub, doc, input, token);
  const node = doc === A.opinion ? 'expertOpinion' : 'acceptanceApplication';
  expect(res).toEqual({ [node]: null, userErrors: errors.map((e) => expect.objectContaining(e)) });
  expect(await acceptanceCounts(hub)).toEqual(before);
}

async function applied(options: Parameters<typeof trialProject>[1] = {}) {
  const project = await readyProject(hub, options);
  const { acceptanceApplication, userErrors } = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
  expect(userErrors).toEqual([]);
  return { project, application: acceptanceApplication };
}

async function passed(options: Parameters<typeof trialProject>[1] = {}) {
  const { project, application } = await applied(options);
  const res = await send(hub, A.result, { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office);
  expect(res.userErrors).toEqual([]);
  return { project, application: res.acceptanceApplication };
}

const statusOf = async (id: string) => (await hub.ds.query(`SELECT status FROM project WHERE id = $1`, [id]))[0].status;

describe('acceptanceApply (第二十四条、第二十五条)', () => {
  it('applies with the four materials: ACCEPTANCE_APPLIED, documents kept (SHA-256 lower-cased), snapshot frozen, transition recorded', async () => {
    const project = await readyProject(hub);
    const upper = doc('FINANCIAL_REPORT', { sha256: 'AB'.repeat(32), url: null, title: '  2027年度财务决算报告  ' });
    const documents = [...applicationDocs().filter((d) => d.kind !== 'FINANCIAL_REPORT'), upper];
    const { acceptanceApplication: a, userErrors } = await send(hub, A.apply, { projectId: project.id, documents }, unit);
    expect(userErrors).toEqual([]);
    expect(a).toMatchObject({
      appliedAt: new Date(NOW).toISOString(),
      appliedBy: await viewerId(hub, unit),
      result: null,
      acceptedOn: null,
      filedOn: null,
      late: false,
      project: { id: project.id, status: 'ACCEPTANCE_APPLIED' },
      snapshot: { verify: true, takenAt: new Date(NOW).toISOString() },
      expertOpinions: [],
    });
    expect(a.documents.map((d: any) => d.kind)).toEqual(APPLICATION_KINDS); // by kind
    expect(a.documents.find((d: any) => d.kind === 'FINANCIAL_REPORT')).toEqual({
      kind: 'FINANCIAL_REPORT',
      title: '2027年度财务决算报告',
      fileName: 'financial_report.pdf',
      sha256: 'ab'.repeat(32),
      url: null,
    });
    expect(a.project.history.at(-1)).toEqual({
      action: 'acceptanceApply',
      fromStatus: 'TRIAL_OPERATION',
      toStatus: 'ACCEPTANCE_APPLIED',
      actorRole: 'PROJECT_UNIT',
      note: null,
    });
    const read = await hub.gql(A.applications, { id: project.id }, unit);
    expect(read.data.project.acceptanceApplications.map((x: any) => x.id)).toEqual([a.id]);
  });

  it('refuses each missing 第二十五条 item by name, in one answer, and writes nothing', async () => {
    const project = await readyProject(hub);
    const only = [doc('CONSTRUCTION_SUMMARY')];
    await expectRefused(A.apply, { projectId: project.id, documents: only }, unit, [
      { code: 'REQUIRED', field: ['input', 'documents'], article: '第二十五条', message: expect.stringContaining('财务报告') },
      { code: 'REQUIRED', field: ['input', 'documents'], article: '第二十五条', message: expect.stringContaining('信息资源共享目录') },
      { code: 'REQUIRED', field: ['input', 'documents'], article: '第二十五条', message: expect.stringContaining('第三方机构网络安全检测评估报告') },
    ]);
    await expectRefused(
      A.apply,
      { projectId: project.id, documents: [] },
      unit,
      APPLICATION_KINDS.map(() => ({ code: 'REQUIRED', article: '第二十五条' })),
    );
    expect(await statusOf(project.id)).toBe('TRIAL_OPERATION');
  });

  it('refuses a kind given twice, and a kind of the acceptance report, naming the document', async () => {
    const project = await readyProject(hub);
    await expectRefused(A.apply, { projectId: project.id, documents: [...applicationDocs(), doc('FINANCIAL_REPORT', { fileName: 'again.pdf' })] }, unit, [
      { code: 'DUPLICATE', field: ['input', 'documents', '4', 'kind'], article: '第二十五条' },
    ]);
    await expectRefused(A.apply, { projectId: project.id, documents: [...applicationDocs(), doc('SHARING_LIST')] }, unit, [
      { code: 'INVALID', field: ['input', 'documents', '4', 'kind'], article: '第二十五条' },
    ]);
  });

  it('checks each document: title ≤ 200, file name ≤ 255, SHA-256 of 64 hex digits, an http(s) URL', async () => {
    const project = await readyProject(hub);
    const documents = applicationDocs();
    documents[0].title = '题'.repeat(201);
    documents[1].fileName = `${'f'.repeat(252)}.pdf`;
    documents[2].sha256 = 'g'.repeat(64);
    documents[3].url = 'ftp://files.sucheng.gov.cn/x.pdf';
    await expectRefused(A.apply, { projectId: project.id, documents }, unit, [
      { code: 'TOO_LONG', field: ['input', 'documents', '0', 'title'] },
      { code: 'TOO_LONG', field: ['input', 'documents', '1', 'fileName'] },
      { code: 'INVALID', field: ['input', 'documents', '2', 'sha256'] },
      { code: 'INVALID', field: ['input', 'documents', '3', 'url'] },
    ]);
    const blank = applicationDocs();
    blank[0].title = '   ';
    blank[1].sha256 = 'ab'.repeat(31);
    await expectRefused(A.apply, { projectId: project.id, documents: blank }, unit, [
      { code: 'REQUIRED', field: ['input', 'documents', '0', 'title'] },
      { code: 'INVALID', field: ['input', 'documents', '1', 'sha256'] },
    ]);
  });

  it('refuses before three calendar months of operation (第二十四条), and allows the day they are complete', async () => {
    const early = await readyProject(hub, { goLiveDate: '2028-03-16', trialEndDate: null });
    await expectRefused(A.apply, { projectId: early.id, documents: applicationDocs() }, unit, [
      { code: 'RULE_VIOLATION', field: ['input', 'projectId'], article: '第二十四条', message: expect.stringContaining('2028-06-16') },
    ]);
    const onTime = await readyProject(hub, { goLiveDate: '2028-03-15', trialEndDate: null });
    expect((await send(hub, A.apply, { projectId: onTime.id, documents: applicationDocs() }, unit)).userErrors).toEqual([]);
  });

  it("counts calendar months in the Asia/Shanghai calendar, a missing day being the month's last", () => {
    expect(timingProblems('2028-02-28', { goLiveDate: '2027-11-30', trialEndDate: null })).toEqual([expect.objectContaining({ article: '第二十四条' })]);
    expect(timingProblems('2028-02-29', { goLiveDate: '2027-11-30', trialEndDate: null })).toEqual([]);
    expect(timingProblems('2027-02-28', { goLiveDate: '2026-11-30', trialEndDate: null })).toEqual([]);
  });

  it('refuses while trial operation has not ended (第二十五条), and a project without a go-live date (第二十四条)', async () => {
    const inTrial = await readyProject(hub, { trialEndDate: '2028-06-16' });
    await expectRefused(A.apply, { projectId: inTrial.id, documents: applicationDocs() }, unit, [
      { code: 'RULE_VIOLATION', field: ['input', 'projectId'], article: '第二十五条' },
    ]);
    const noDate = await readyProject(hub, { goLiveDate: null, trialEndDate: null });
    await expectRefused(A.apply, { projectId: noDate.id, documents: applicationDocs() }, unit, [
      { code: 'REQUIRED', field: ['input', 'projectId'], article: '第二十四条' },
    ]);
  });

  it('allows a late application and marks it late: over a month after trial end (第二十五条) or twelve after go-live (第二十四条)', async () => {
    const cases: [string | null, string | null, boolean][] = [
      ['2028-01-10', '2028-05-15', false], // due 2028-06-15: today is the last day
      ['2028-01-10', '2028-05-14', true], // due 2028-06-14
      ['2027-06-15', null, false], // twelve months end today
      ['2027-06-14', null, true],
    ];
    for (const [goLiveDate, trialEndDate, late] of cases) {
      const { application } = await applied({ goLiveDate, trialEndDate });
      expect([goLiveDate, trialEndDate, application.late]).toEqual([goLiveDate, trialEndDate, late]);
    }
    expect(lateApplication('2028-03-01', null, '2028-01-31')).toBe(true); // due 2028-02-29
    expect(lateApplication('2028-02-29', null, '2028-01-31')).toBe(false);
  });

  it("is the building units' action: a co-building unit may, another unit NOT_ALLOWED (第十三条), the office FORBIDDEN", async () => {
    const project = await readyProject(hub, { co: ['health'] });
    const other = await readyProject(hub);
    await expectRefused(A.apply, { projectId: other.id, documents: applicationDocs() }, health, [
      { code: 'NOT_ALLOWED', field: ['input', 'projectId'], article: '第十三条' },
    ]);
    await expectRefused(A.apply, { projectId: NOWHERE, documents: applicationDocs() }, unit, [{ code: 'NOT_FOUND', field: ['input', 'projectId'] }]);
    const res = await hub.gql(A.apply, { input: { projectId: project.id, documents: applicationDocs() } }, office);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, health)).userErrors).toEqual([]);
  });

  const notFrom = Object.values(ProjectStatus).filter((s) => s !== ProjectStatus.TRIAL_OPERATION && s !== ProjectStatus.ACCEPTANCE_FAILED);
  it.each(notFrom)('is refused from %s: INVALID_TRANSITION, 第二十五条, nothing written', async (status) => {
    const project = await readyProject(hub);
    await forceStatus(hub, project.id, status);
    await expectRefused(A.apply, { projectId: project.id, documents: applicationDocs() }, unit, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], article: '第二十五条' },
    ]);
  });
});

describe('expertOpinionRecord (第六条、第二十五条)', () => {
  it('records one opinion per expert and application; a second is DUPLICATE; the opinions list in order', async () => {
    const { project, application } = await applied();
    const first = await send(hub, A.opinion, { applicationId: application.id, opinion: '  材料齐全，同意验收。  ', conclusion: 'PASS' }, expert);
    expect(first.userErrors).toEqual([]);
    expect(first.expertOpinion).toMatchObject({
      expertUserId: await viewerId(hub, expert),
      opinion: '材料齐全，同意验收。',
      conclusion: 'PASS',
      recordedAt: new Date(NOW).toISOString(),
    });
    await expectRefused(A.opinion, { applicationId: application.id, opinion: '补充意见', conclusion: 'FAIL' }, expert, [
      { code: 'DUPLICATE', field: ['input', 'applicationId'], article: '第六条' },
    ]);
    // Another expert (another person: one expert's second token is still one expert).
    const second = await hub.token(Role.EXPERT, ROLE_HOME[Role.AUDITOR]);
    clock.at += 60_000; // a minute later
    try {
      expect(
        (await send(hub, A.opinion, { applicationId: application.id, opinion: '接口文档需补充', conclusion: 'PASS_WITH_CHANGES' }, second)).userErrors,
      ).toEqual([]);
    } finally {
      clock.at = Date.parse(NOW);
    }
    const read = await hub.gql(A.applications, { id: project.id }, office);
    expect(read.data.project.acceptanceApplications[0].expertOpinions.map((o: any) => o.conclusion)).toEqual(['PASS', 'PASS_WITH_CHANGES']);
  });

  it('checks the opinion: not blank, at most 5000 characters', async () => {
    const { application } = await applied();
    await expectRefused(A.opinion, { applicationId: application.id, opinion: '   ', conclusion: 'PASS' }, expert, [
      { code: 'REQUIRED', field: ['input', 'opinion'] },
    ]);
    await expectRefused(A.opinion, { applicationId: application.id, opinion: '意'.repeat(5001), conclusion: 'PASS' }, expert, [
      { code: 'TOO_LONG', field: ['input', 'opinion'] },
    ]);
    expect((await send(hub, A.opinion, { applicationId: application.id, opinion: '意'.repeat(5000), conclusion: 'PASS' }, expert)).userErrors).toEqual([]);
  });

  it('is taken only while the application is under review (ACCEPTANCE_APPLIED)', async () => {
    const { application } = await passed();
    await expectRefused(A.opinion, { applicationId: application.id, opinion: '迟到的意见', conclusion: 'PASS' }, expert, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十五条' },
    ]);
    const { project, application: pending } = await applied();
    await forceStatus(hub, project.id, ProjectStatus.RECTIFYING);
    await expectRefused(A.opinion, { applicationId: pending.id, opinion: '意见', conclusion: 'PASS' }, expert, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十五条' },
    ]);
    await expectRefused(A.opinion, { applicationId: NOWHERE, opinion: '意见', conclusion: 'PASS' }, expert, [
      { code: 'NOT_FOUND', field: ['input', 'applicationId'] },
    ]);
  });

  it("is the experts' action: the office and the project unit are FORBIDDEN", async () => {
    const { application } = await applied();
    for (const token of [office, unit]) {
      const res = await hub.gql(A.opinion, { input: { applicationId: application.id, opinion: '意见', conclusion: 'PASS' } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('acceptanceRecordResult (第九条、第二十六条)', () => {
  it("PASSED with the report's materials: ACCEPTED, acceptance date and decider kept, materials added", async () => {
    const { project, application } = await applied();
    const documents = [...reportDocs(), doc('CRYPTOGRAPHY_ASSESSMENT')]; // 第二十条: optional, accepted
    const { acceptanceApplication: a, userErrors } = await send(
      hub,
      A.result,
      { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents },
      office,
    );
    expect(userErrors).toEqual([]);
    expect(a).toMatchObject({
      result: 'PASSED',
      acceptedOn: TODAY,
      overrideReason: null,
      decidedBy: await viewerId(hub, office),
      project: { status: 'ACCEPTED' },
    });
    expect(a.documents).toHaveLength(8);
    expect(a.project.history.at(-1)).toEqual({
      action: 'acceptancePass',
      fromStatus: 'ACCEPTANCE_APPLIED',
      toStatus: 'ACCEPTED',
      actorRole: 'LEADING_GROUP_OFFICE',
      note: null,
    });
    expect(await statusOf(project.id)).toBe('ACCEPTED');
  });

  it('refuses PASSED without each 第二十六条 item, and an item of the application', async () => {
    const { application } = await applied();
    await expectRefused(A.result, { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: [doc('CRYPTOGRAPHY_ASSESSMENT')] }, office, [
      { code: 'REQUIRED', field: ['input', 'documents'], article: '第二十六条', message: expect.stringContaining('信息资源共享清单') },
      { code: 'REQUIRED', field: ['input', 'documents'], article: '第二十六条', message: expect.stringContaining('软硬件产品网络安全可控资料') },
      { code: 'REQUIRED', field: ['input', 'documents'], article: '第二十六条', message: expect.stringContaining('技术开发文档') },
    ]);
    await expectRefused(
      A.result,
      { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: [...reportDocs(), doc('FINANCIAL_REPORT')] },
      office,
      [{ code: 'INVALID', field: ['input', 'documents', '3', 'kind'], article: '第二十六条' }],
    );
  });

  it('FAILED needs no materials and leads to ACCEPTANCE_FAILED (第二十六条); it takes no override reason', async () => {
    const { project, application } = await applied();
    await expectRefused(A.result, { applicationId: application.id, result: 'FAILED', acceptedOn: TODAY, documents: [], overrideReason: '理由' }, office, [
      { code: 'INVALID', field: ['input', 'overrideReason'] },
    ]);
    const { acceptanceApplication: a, userErrors } = await send(
      hub,
      A.result,
      { applicationId: application.id, result: 'FAILED', acceptedOn: TODAY, documents: [] },
      office,
    );
    expect(userErrors).toEqual([]);
    expect(a).toMatchObject({ result: 'FAILED', project: { status: 'ACCEPTANCE_FAILED' } });
    expect(a.project.history.at(-1)).toMatchObject({ action: 'acceptanceFail', fromStatus: 'ACCEPTANCE_APPLIED', toStatus: 'ACCEPTANCE_FAILED' });
    expect(await statusOf(project.id)).toBe('ACCEPTANCE_FAILED');
  });

  it('refuses an acceptance date in the future or before the application', async () => {
    const { application } = await applied();
    const input = { applicationId: application.id, result: 'PASSED', documents: reportDocs() };
    await expectRefused(A.result, { ...input, acceptedOn: '2028-06-16' }, office, [
      { code: 'OUT_OF_RANGE', field: ['input', 'acceptedOn'], article: '第二十六条' },
    ]);
    await expectRefused(A.result, { ...input, acceptedOn: '2028-06-14' }, office, [
      { code: 'OUT_OF_RANGE', field: ['input', 'acceptedOn'], article: '第二十五条' },
    ]);
  });

  it('refuses a second result, an unknown application, and callers other than the office', async () => {
    const { application } = await passed();
    await expectRefused(A.result, { applicationId: application.id, result: 'FAILED', acceptedOn: TODAY, documents: [] }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十六条' },
    ]);
    await expectRefused(A.result, { applicationId: NOWHERE, result: 'FAILED', acceptedOn: TODAY, documents: [] }, office, [
      { code: 'NOT_FOUND', field: ['input', 'applicationId'] },
    ]);
    for (const token of [unit, expert]) {
      const res = await hub.gql(A.result, { input: { applicationId: application.id, result: 'FAILED', acceptedOn: TODAY, documents: [] } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  describe('completeness thresholds (第九条)', () => {
    /** Applied with one complete entry and one that is a draft without an interface: 编目率, 元数据, 接口覆盖率 and 挂接率 at 1/2. */
    async function appliedBelow(h: TestHub, token: string) {
      const project = await readyProject(h);
      await insertResource(h, project.id, await orgId(h.ds, 'education'), { status: ResourceStatus.DRAFT });
      const res = await send(h, A.apply, { projectId: project.id, documents: applicationDocs() }, token);
      expect(res.userErrors).toEqual([]);
      return { project, application: res.acceptanceApplication };
    }

    it('refuses PASSED below the thresholds, naming each figure with its ratio, unless a reason is given — then recorded', async () => {
      const { project, application } = await appliedBelow(hub, unit);
      const counts = application.snapshot.content.completeness.counts;
      expect(counts.catalogued).toEqual({ numerator: 1, denominator: 2 });
      expect(counts.interfaces).toEqual({ numerator: 1, denominator: 2 });
      expect(counts.mounted).toEqual({ numerator: 1, denominator: 2 });
      const input = { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() };
      const figure = (name: string, label: string) => ({
        code: 'RULE_VIOLATION',
        field: ['completeness', name],
        article: '第九条',
        message: expect.stringMatching(new RegExp(`${label}为 50%（1/2），低于通过阈值 100%`)),
      });
      await expectRefused(A.result, input, office, [
        figure('catalogued', '编目率'),
        figure('metadata', '元数据完整率'),
        figure('interfaces', '接口覆盖率'),
        figure('mounted', '挂接率'),
      ]);
      await expectRefused(A.result, { ...input, overrideReason: '   ' }, office, [
        figure('catalogued', '编目率'),
        figure('metadata', '元数据完整率'),
        figure('interfaces', '接口覆盖率'),
        figure('mounted', '挂接率'),
      ]);

      const reason = '草稿条目为试点数据，已承诺一个月内补齐发布和挂接';
      const { acceptanceApplication: a, userErrors } = await send(hub, A.result, { ...input, overrideReason: ` ${reason} ` }, office);
      expect(userErrors).toEqual([]);
      expect(a).toMatchObject({ result: 'PASSED', overrideReason: reason, project: { status: 'ACCEPTED' } });
      expect(a.project.history.at(-1).note).toContain(reason);
      expect(await statusOf(project.id)).toBe('ACCEPTED');
    });

    it('judges the frozen snapshot, not the live catalogue', async () => {
      const { project, application } = await applied(); // complete when frozen
      await insertResource(hub, project.id, await orgId(hub.ds, 'education'), { status: ResourceStatus.DRAFT }); // incomplete now
      expect(
        (await send(hub, A.result, { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office)).userErrors,
      ).toEqual([]);

      const below = await appliedBelow(hub, unit); // incomplete when frozen
      await hub.ds.query(`UPDATE information_resource SET status = 'RETIRED' WHERE project_id = $1 AND status = 'DRAFT'`, [below.project.id]); // complete now
      const res = await send(hub, A.result, { applicationId: below.application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office);
      expect(res.userErrors.map((e: any) => e.field[1])).toEqual(['catalogued', 'metadata', 'interfaces', 'mounted']);
    });

    it('counts a figure with nothing to count (0/0) as meeting its threshold', async () => {
      const project = await trialProject(hub); // no catalogue at all
      const { acceptanceApplication: a } = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
      expect(a.snapshot.content.completeness.counts.catalogued).toEqual({ numerator: 0, denominator: 0 });
      expect((await send(hub, A.result, { applicationId: a.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office)).userErrors).toEqual([]);
    });

    it('passes below them without a reason when ACCEPTANCE_THRESHOLDS=none', async () => {
      const free = await startTestHub({ ACCEPTANCE_THRESHOLDS: 'none' }, 'organizations', fixedClock(NOW));
      try {
        const { application } = await appliedBelow(free, await free.token(Role.PROJECT_UNIT));
        const res = await send(
          free,
          A.result,
          { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() },
          await free.token(Role.LEADING_GROUP_OFFICE),
        );
        expect(res.userErrors).toEqual([]);
        expect(res.acceptanceApplication).toMatchObject({ result: 'PASSED', overrideReason: null, project: { status: 'ACCEPTED' } });
      } finally {
        await free.close();
      }
    });
  });
});

describe('acceptanceFile (第二十六条)', () => {
  it('files a passed acceptance: FILED, then IN_OPERATION, two transitions in the one mutation', async () => {
    const { project, application } = await passed();
    const { acceptanceApplication: a, userErrors } = await send(hub, A.file, { applicationId: application.id, filedOn: TODAY }, office);
    expect(userErrors).toEqual([]);
    expect(a).toMatchObject({ filedOn: TODAY, project: { status: 'IN_OPERATION' } });
    expect(a.project.history.slice(-2).map((h: any) => [h.action, h.fromStatus, h.toStatus, h.actorRole])).toEqual([
      ['acceptanceFile', 'ACCEPTED', 'FILED', 'LEADING_GROUP_OFFICE'],
      ['operationStart', 'FILED', 'IN_OPERATION', 'LEADING_GROUP_OFFICE'],
    ]);
    expect(await statusOf(project.id)).toBe('IN_OPERATION');
    await expectRefused(A.file, { applicationId: application.id, filedOn: TODAY }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十六条' },
    ]);
  });

  it('refuses a filing date before the acceptance or in the future', async () => {
    const { project } = await applied();
    await hub.ds.query(`UPDATE acceptance_application SET applied_at = '2028-06-01T02:00:00Z' WHERE project_id = $1`, [project.id]);
    const [{ id }] = await hub.ds.query(`SELECT id FROM acceptance_application WHERE project_id = $1`, [project.id]);
    expect((await send(hub, A.result, { applicationId: id, result: 'PASSED', acceptedOn: '2028-06-10', documents: reportDocs() }, office)).userErrors).toEqual(
      [],
    );
    await expectRefused(A.file, { applicationId: id, filedOn: '2028-06-09' }, office, [
      { code: 'OUT_OF_RANGE', field: ['input', 'filedOn'], article: '第二十六条' },
    ]);
    await expectRefused(A.file, { applicationId: id, filedOn: '2028-06-16' }, office, [
      { code: 'OUT_OF_RANGE', field: ['input', 'filedOn'], article: '第二十六条' },
    ]);
    expect((await send(hub, A.file, { applicationId: id, filedOn: '2028-06-10' }, office)).acceptanceApplication.filedOn).toBe('2028-06-10');
  });

  it("is the office's action", async () => {
    const { application } = await passed();
    const res = await hub.gql(A.file, { input: { applicationId: application.id, filedOn: TODAY } }, unit);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the status machine', () => {
  it('leads from ACCEPTANCE_FAILED only to a new application; IN_OPERATION only from FILED, FILED only from ACCEPTED', () => {
    const rules = Object.entries(PROJECT_TRANSITIONS) as [string, { from: readonly string[]; to: string | null }][];
    expect(rules.filter(([, r]) => r.from.includes('ACCEPTANCE_FAILED')).map(([a, r]) => [a, r.to])).toEqual([['acceptanceApply', 'ACCEPTANCE_APPLIED']]);
    expect(rules.filter(([, r]) => r.to === 'IN_OPERATION').map(([a, r]) => [a, r.from])).toEqual([['operationStart', ['FILED']]]);
    expect(rules.filter(([, r]) => r.to === 'FILED').map(([a, r]) => [a, r.from])).toEqual([['acceptanceFile', ['ACCEPTED']]]);
    expect(rules.filter(([, r]) => r.to === 'ACCEPTED').map(([a, r]) => [a, r.from])).toEqual([['acceptancePass', ['ACCEPTANCE_APPLIED']]]);
  });

  it('never takes a failed acceptance into operation: filing is refused; a re-application after rectification (第三十三条) can', async () => {
    const { project, application: first } = await applied();
    await send(hub, A.result, { applicationId: first.id, result: 'FAILED', acceptedOn: TODAY, documents: [] }, office);
    await expectRefused(A.file, { applicationId: first.id, filedOn: TODAY }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十六条', message: expect.stringContaining('不得投入使用') },
    ]);
    expect(await statusOf(project.id)).toBe('ACCEPTANCE_FAILED');
    await expectRefused(A.result, { applicationId: first.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'] },
    ]);

    clock.at += 86_400_000; // rectified, it applies again the next day
    const nextDay = '2028-06-16';
    try {
      const again = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
      expect(again.userErrors).toEqual([]);
      expect(again.acceptanceApplication.project.history.at(-1)).toMatchObject({
        action: 'acceptanceApply',
        fromStatus: 'ACCEPTANCE_FAILED',
        note: expect.stringContaining('第三十三条'),
      });
      expect(again.acceptanceApplication.snapshot.id).not.toBe(first.snapshot.id);
      expect(again.acceptanceApplication.snapshot.content.project.status).toBe('ACCEPTANCE_FAILED');
      // The old, failed application stays failed and cannot be reused.
      await expectRefused(A.file, { applicationId: first.id, filedOn: TODAY }, office, [{ code: 'INVALID_TRANSITION' }]);
      await send(hub, A.result, { applicationId: again.acceptanceApplication.id, result: 'PASSED', acceptedOn: nextDay, documents: reportDocs() }, office);
      expect((await send(hub, A.file, { applicationId: again.acceptanceApplication.id, filedOn: nextDay }, office)).acceptanceApplication.project.status).toBe(
        'IN_OPERATION',
      );

      const read = await hub.gql(A.applications, { id: project.id }, unit);
      expect(read.data.project.acceptanceApplications.map((a: any) => [a.id, a.result])).toEqual([
        [again.acceptanceApplication.id, 'PASSED'],
        [first.id, 'FAILED'],
      ]);
    } finally {
      clock.at = Date.parse(NOW);
    }
  });

  const notApplied = Object.values(ProjectStatus).filter((s) => s !== ProjectStatus.ACCEPTANCE_APPLIED);
  it.each(notApplied)('records no result while the project is %s (INVALID_TRANSITION, 第二十六条)', async (status) => {
    const { project, application } = await applied();
    await forceStatus(hub, project.id, status);
    await expectRefused(A.result, { applicationId: application.id, result: 'FAILED', acceptedOn: TODAY, documents: [] }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十六条' },
    ]);
  });

  const notAccepted = Object.values(ProjectStatus).filter((s) => s !== ProjectStatus.ACCEPTED);
  it.each(notAccepted)('files nothing while the project is %s (INVALID_TRANSITION, 第二十六条)', async (status) => {
    const { project, application } = await passed();
    await forceStatus(hub, project.id, status);
    await expectRefused(A.file, { applicationId: application.id, filedOn: TODAY }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十六条' },
    ]);
  });
});

describe('reading Project.acceptanceApplications', () => {
  it("shows them to the oversight roles and the project's building units; to anyone else an empty list", async () => {
    const { project, application } = await applied({ co: ['health'] });
    const see = async (token: string) => (await hub.gql(A.applications, { id: project.id }, token)).data.project.acceptanceApplications.map((a: any) => a.id);
    for (const role of [Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE, Role.EXPERT, Role.AUDITOR, Role.ADMIN]) {
      expect([role, await see(await hub.token(role))]).toEqual([role, [application.id]]);
    }
    expect(await see(unit)).toEqual([application.id]);
    expect(await see(health)).toEqual([application.id]); // co-building unit
    expect(await see(await hub.token(Role.PROJECT_UNIT, codeOf('civil-affairs')))).toEqual([]); // reads the project, not its acceptance
    expect(await see(await hub.token(Role.PLATFORM))).toEqual([]);
  });

  it('batches: the same number of statements for one project as for five', async () => {
    const token = await hub.token(Role.AUDITOR);
    const DOC = `{ projects(first: 100, filter: { status: ACCEPTANCE_APPLIED }) { totalCount edges { node { acceptanceApplications {
      id late project { code } documents { kind } snapshot { verify } expertOpinions { conclusion } snapshotDiff { resourcesAdded interfacesChanged { id } } } } } } }`;
    const count = async () => {
      hub.statements.reset();
      const res = await hub.gql(DOC, {}, token);
      expect(res.errors).toBeUndefined();
      return { n: hub.statements.count, projects: res.data.projects.totalCount };
    };
    await hub.ds.query(`UPDATE project SET status = 'IN_OPERATION' WHERE status = 'ACCEPTANCE_APPLIED'`);
    await applied();
    const one = await count();
    for (let i = 0; i < 4; i++) await applied();
    const five = await count();
    expect([one.projects, five.projects]).toEqual([1, 5]);
    expect(five.n).toBe(one.n);
  });
});

describe('the fixtures', () => {
  it('make a project whose catalogue meets the default thresholds', async () => {
    const project = await trialProject(hub);
    await completeResource(hub, project.id);
    const { acceptanceApplication: a } = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
    for (const figure of ['catalogued', 'metadata', 'interfaces', 'mounted', 'aggregated', 'timely']) {
      expect([figure, a.snapshot.content.completeness.counts[figure]]).toEqual([figure, { numerator: 1, denominator: 1 }]);
    }
    expect(a.snapshot.content.completeness.gaps).toEqual([]);
  });
});
