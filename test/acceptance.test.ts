import { nodes } from './support/documents';
import 'reflect-metadata';
import { fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { ResourceStatus } from '../src/modules/catalogue';
import { acceptanceDateProblems, lateApplication, timingProblems } from '../src/modules/acceptance';
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
  review,
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

/** Applied for acceptance; by default reviewed too — an assigned expert concluded PASS (第二十五条). */
async function applied(options: Parameters<typeof trialProject>[1] = {}, reviewed = true) {
  const project = await readyProject(hub, options);
  const { acceptanceApplication, userErrors } = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
  expect(userErrors).toEqual([]);
  if (reviewed) await review(hub, acceptanceApplication.id);
  return { project, application: acceptanceApplication };
}

async function passed(options: Parameters<typeof trialProject>[1] = {}) {
  const { project, application } = await applied(options);
  const res = await send(hub, A.result, { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office);
  expect(res.userErrors).toEqual([]);
  return { project, application: res.acceptanceApplication };
}

const statusOf = async (id: string) => (await hub.ds.query(`SELECT status FROM project WHERE id = $1`, [id]))[0].status;

/** 第三十三条: a project rectifying, suspended or terminated is refused every step with that article. */
const byRectification = (status: string) => (['RECTIFYING', 'SUSPENDED', 'TERMINATED'].includes(status) ? '第三十三条' : null);

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
      appliedOn: TODAY,
      late: false,
      acceptedLate: false,
      project: { id: project.id, status: 'ACCEPTANCE_APPLIED' },
      snapshot: { verify: true, takenAt: new Date(NOW).toISOString() },
      expertOpinions: [],
      review: { stage: 'ACCEPTANCE', open: true, assignments: [] }, // 第二十五条: opened with the application
    });
    expect(a.documents.map((d: any) => d.kind)).toEqual(APPLICATION_KINDS); // by kind
    expect(a.documents.find((d: any) => d.kind === 'FINANCIAL_REPORT')).toEqual({
      kind: 'FINANCIAL_REPORT',
      title: '2027年度财务决算报告',
      fileName: 'financial_report.pdf',
      sha256: 'ab'.repeat(32),
      url: null,
    });
    expect(nodes(a.project.history).at(-1)).toEqual({
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

  it('allows the application within a month of a short trial, before three months of operation: the three months bind the acceptance (第二十四条、第二十五条)', async () => {
    // Live on 1 May, a trial of a month: the application is due by 30 June (第二十五条), months before go-live + 3.
    const short = await readyProject(hub, { goLiveDate: '2028-05-01', trialEndDate: '2028-05-31' });
    // The deadlines say the same: apply by 2028-06-30; the acceptance itself from 2028-08-01 (第二十四条).
    const due = await hub.gql(`{ deadlines(first: 100) { edges { node { kind dueOn project { id } } } } }`, {}, office);
    const mine = due.data.deadlines.edges.map((e: any) => e.node).filter((n: any) => n.project?.id === short.id);
    expect(Object.fromEntries(mine.map((n: any) => [n.kind, n.dueOn]))).toEqual({
      ACCEPTANCE_APPLICATION: '2028-06-30',
      ACCEPTANCE_EARLIEST: '2028-08-01',
      ACCEPTANCE_WINDOW: '2029-05-01',
    });
    const res = await send(hub, A.apply, { projectId: short.id, documents: applicationDocs() }, unit);
    expect(res.userErrors).toEqual([]);
    expect(res.acceptanceApplication).toMatchObject({ late: false, project: { status: 'ACCEPTANCE_APPLIED' } });
    expect(timingProblems('2028-05-31', { goLiveDate: '2028-05-01', trialEndDate: '2028-05-31' })).toEqual([]);
  });

  it("counts the three months of 第二十四条 in the Asia/Shanghai calendar, a missing day being the month's last", () => {
    expect(acceptanceDateProblems('2028-02-28', '2027-11-30', null)).toEqual([
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'earlyAcceptanceReason'], article: '第二十四条' }),
    ]);
    expect(acceptanceDateProblems('2028-02-29', '2027-11-30', null)).toEqual([]);
    expect(acceptanceDateProblems('2027-02-28', '2026-11-30', null)).toEqual([]);
    expect(acceptanceDateProblems('2028-02-28', '2027-11-30', '系统为升级改造，已稳定运行')).toEqual([]);
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

  it('allows a late application and marks it late: over a month after trial end (第二十五条); twelve months after go-live bind the acceptance', async () => {
    const cases: [string | null, string | null, boolean][] = [
      ['2028-01-10', '2028-05-15', false], // due 2028-06-15: today is the last day
      ['2028-01-10', '2028-05-14', true], // due 2028-06-14
      ['2027-06-14', null, false], // no trial end: the application is not late; the acceptance will be (acceptedLate)
    ];
    for (const [goLiveDate, trialEndDate, late] of cases) {
      const { application } = await applied({ goLiveDate, trialEndDate }, false);
      expect([goLiveDate, trialEndDate, application.late]).toEqual([goLiveDate, trialEndDate, late]);
    }
    expect(lateApplication('2028-03-01', '2028-01-31')).toBe(true); // due 2028-02-29
    expect(lateApplication('2028-02-29', '2028-01-31')).toBe(false);
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
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], article: byRectification(status) ?? '第二十五条' },
    ]);
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
    expect(nodes(a.project.history).at(-1)).toEqual({
      action: 'acceptancePass',
      fromStatus: 'ACCEPTANCE_APPLIED',
      toStatus: 'ACCEPTED',
      actorRole: 'LEADING_GROUP_OFFICE',
      note: null,
    });
    expect(await statusOf(project.id)).toBe('ACCEPTED');
  });

  it('refuses PASSED with no expert opinion, or while one concludes FAIL (第二十五条); FAILED needs none', async () => {
    const { project, application } = await applied({}, false);
    const input = { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() };
    await expectRefused(A.result, input, office, [
      {
        code: 'REQUIRED',
        field: ['input', 'applicationId'],
        article: '第二十五条',
        message: '尚无专家意见：竣工验收须经专家咨询小组会商审核通过',
      },
    ]);
    await review(hub, application.id, 'FAIL');
    await expectRefused(A.result, input, office, [
      { code: 'RULE_VIOLATION', field: ['input', 'applicationId'], article: '第二十五条', message: '1 位专家的意见为「不通过」，不能登记验收通过' },
    ]);
    await review(hub, application.id, 'PASS_WITH_CHANGES'); // the expert revises before the decision
    const passed = await send(hub, A.result, input, office);
    expect(passed.userErrors).toEqual([]);
    expect(passed.acceptanceApplication).toMatchObject({
      result: 'PASSED',
      review: { open: false },
      expertOpinions: [{ conclusion: 'PASS_WITH_CHANGES', version: 2 }],
    });
    expect(await statusOf(project.id)).toBe('ACCEPTED');

    const unreviewed = await applied({}, false);
    const failed = await send(hub, A.result, { applicationId: unreviewed.application.id, result: 'FAILED', acceptedOn: TODAY, documents: [] }, office);
    expect(failed.userErrors).toEqual([]);
  });

  it('needs a reason for an acceptance before three months of operation (第二十四条), and flags one after twelve', async () => {
    // Live 2028-04-01 (earliest acceptance 2028-07-01), trial ended 2028-05-01: applied in time, accepted early.
    const { application } = await applied({ goLiveDate: '2028-04-01', trialEndDate: '2028-05-01' });
    const input = { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() };
    await expectRefused(A.result, input, office, [
      {
        code: 'REQUIRED',
        field: ['input', 'earlyAcceptanceReason'],
        article: '第二十四条',
        message: '系统于 2028-04-01 上线运行，竣工验收原则上在上线运行三个月后（2028-07-01 起）进行；2028-06-15 验收须填写提前验收的理由',
      },
    ]);
    await expectRefused(A.result, { ...input, earlyAcceptanceReason: '  ' }, office, [
      { code: 'REQUIRED', field: ['input', 'earlyAcceptanceReason'], message: '理由不能为空白；不需要时请不填此项' },
    ]);
    const reason = '汛期前须投入使用，经领导小组同意提前验收';
    const early = await send(hub, A.result, { ...input, earlyAcceptanceReason: ` ${reason} ` }, office);
    expect(early.userErrors).toEqual([]);
    expect(early.acceptanceApplication).toMatchObject({ earlyAcceptanceReason: reason, acceptedLate: false });
    expect(nodes(early.acceptanceApplication.project.history).at(-1).note).toContain(reason);

    for (const [goLiveDate, acceptedLate] of [
      ['2027-06-15', false], // twelve months end today
      ['2027-06-14', true],
    ] as const) {
      const late = await applied({ goLiveDate, trialEndDate: null });
      const res = await send(hub, A.result, { applicationId: late.application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office);
      expect([goLiveDate, res.userErrors, res.acceptanceApplication.acceptedLate]).toEqual([goLiveDate, [], acceptedLate]);
    }
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
    expect(nodes(a.project.history).at(-1)).toMatchObject({ action: 'acceptanceFail', fromStatus: 'ACCEPTANCE_APPLIED', toStatus: 'ACCEPTANCE_FAILED' });
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
    /** Applied with one complete entry and one that is a draft without an interface: 编目率, 元数据, 接口覆盖率, 挂接率 and 归集率 at 1/2. */
    async function appliedBelow(h: TestHub, token: string) {
      const project = await readyProject(h);
      await insertResource(h, project.id, await orgId(h.ds, 'education'), { status: ResourceStatus.DRAFT });
      const res = await send(h, A.apply, { projectId: project.id, documents: applicationDocs() }, token);
      expect(res.userErrors).toEqual([]);
      await review(h, res.acceptanceApplication.id);
      return { project, application: res.acceptanceApplication };
    }

    it('refuses PASSED below the thresholds, naming each figure with its ratio, unless a reason is given — then recorded', async () => {
      const { project, application } = await appliedBelow(hub, unit);
      const counts = application.snapshot.content.completeness.counts;
      expect(counts.catalogued).toEqual({ numerator: 1, denominator: 2 });
      expect(counts.interfaces).toEqual({ numerator: 1, denominator: 2 });
      expect(counts.mounted).toEqual({ numerator: 1, denominator: 2 });
      const input = { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() };
      const figure = (_name: string, label: string) => ({
        code: 'RULE_VIOLATION',
        field: ['input', 'overrideReason'], // the field that lets it pass
        article: '第九条',
        message: expect.stringMatching(new RegExp(`${label}为 50%（1/2），低于通过阈值 100%；确需通过的，须填写完整性未达标仍通过的理由`)),
      });
      await expectRefused(A.result, input, office, [
        figure('catalogued', '编目率'),
        figure('metadata', '元数据完整率'),
        figure('interfaces', '接口覆盖率'),
        figure('mounted', '挂接率'),
        figure('aggregated', '归集率'), // 第九条: all six figures by default
      ]);
      await expectRefused(A.result, { ...input, overrideReason: '   ' }, office, [
        { code: 'REQUIRED', field: ['input', 'overrideReason'], message: '理由不能为空白；不需要时请不填此项' }, // a blank reason is flagged
      ]);

      const reason = '草稿条目为试点数据，已承诺一个月内补齐发布和挂接';
      const { acceptanceApplication: a, userErrors } = await send(hub, A.result, { ...input, overrideReason: ` ${reason} ` }, office);
      expect(userErrors).toEqual([]);
      expect(a).toMatchObject({ result: 'PASSED', overrideReason: reason, project: { status: 'ACCEPTED' } });
      expect(nodes(a.project.history).at(-1).note).toContain(reason);
      expect(await statusOf(project.id)).toBe('ACCEPTED');
    });

    it('orders, with a pass below the thresholds, the rectification of the figures below them in the same step (第三十三条)', async () => {
      const { project, application } = await appliedBelow(hub, unit);
      const input = { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() };
      const reason = '试点数据待补齐，限期整改';
      // Only with the override reason, and with a due date after today: refused otherwise, nothing written.
      await expectRefused(A.result, { ...input, rectificationDueOn: '2028-07-15' }, office, [
        { code: 'INVALID', field: ['input', 'rectificationDueOn'], article: '第三十三条' },
      ]);
      await expectRefused(A.result, { ...input, overrideReason: reason, rectificationDueOn: '2028-06-01' }, office, [
        { field: ['input', 'rectificationDueOn'], article: '第三十三条' },
      ]);
      expect(await statusOf(project.id)).toBe('ACCEPTANCE_APPLIED');
      const { acceptanceApplication: a, userErrors } = await send(
        hub,
        A.result,
        { ...input, overrideReason: reason, rectificationDueOn: '2028-07-15' },
        office,
      );
      expect(userErrors).toEqual([]);
      expect(a).toMatchObject({ result: 'PASSED', overrideReason: reason });
      expect(await statusOf(project.id)).toBe('RECTIFYING');
      const [r] = await hub.ds.query(`SELECT previous_status, reason, findings, due_on::text FROM project_rectification WHERE project_id = $1`, [project.id]);
      expect(r).toMatchObject({ previous_status: 'ACCEPTED', due_on: '2028-07-15', reason: expect.stringContaining(reason) });
      expect(r.findings).toEqual(expect.arrayContaining([expect.stringMatching(/^验收快照的编目率为 50%（1\/2），低于通过阈值 100%$/)]));
    });

    it('refuses a rectification with a pass that meets the thresholds: there is nothing to rectify', async () => {
      const { project, application } = await applied();
      await expectRefused(
        A.result,
        { applicationId: application.id, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs(), overrideReason: '无', rectificationDueOn: '2028-07-15' },
        office,
        [{ code: 'INVALID', field: ['input', 'rectificationDueOn'], message: '完整性已达到通过阈值，无需随验收责令整改' }],
      );
      expect(await statusOf(project.id)).toBe('ACCEPTANCE_APPLIED');
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
      expect(res.userErrors.map((e: any) => /验收快照的(.+?)为/.exec(e.message)?.[1])).toEqual(['编目率', '元数据完整率', '接口覆盖率', '挂接率', '归集率']);
    });

    it('counts a figure with nothing to count (0/0) as meeting its threshold', async () => {
      const project = await trialProject(hub); // no catalogue at all
      const { acceptanceApplication: a } = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
      expect(a.snapshot.content.completeness.counts.catalogued).toEqual({ numerator: 0, denominator: 0 });
      await review(hub, a.id);
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
    expect(
      nodes(a.project.history)
        .slice(-2)
        .map((h: any) => [h.action, h.fromStatus, h.toStatus, h.actorRole]),
    ).toEqual([
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
    // Besides a rectification order (第三十三条) and the co-building answers (第十四条), which keep or restore the status.
    const failedLeads = rules.filter(([a, r]) => r.from.includes('ACCEPTANCE_FAILED') && r.to !== null && a !== 'projectRectificationOrder');
    expect(failedLeads.map(([a, r]) => [a, r.to])).toEqual([['acceptanceApply', 'ACCEPTANCE_APPLIED']]);
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
      await review(hub, again.acceptanceApplication.id); // a new application, a new review (第二十五条)
      expect(nodes(again.acceptanceApplication.project.history).at(-1)).toMatchObject({
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
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: byRectification(status) ?? '第二十六条' },
    ]);
  });

  const notAccepted = Object.values(ProjectStatus).filter((s) => s !== ProjectStatus.ACCEPTED);
  it.each(notAccepted)('files nothing while the project is %s (INVALID_TRANSITION, 第二十六条)', async (status) => {
    const { project, application } = await passed();
    await forceStatus(hub, project.id, status);
    await expectRefused(A.file, { applicationId: application.id, filedOn: TODAY }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: byRectification(status) ?? '第二十六条' },
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
