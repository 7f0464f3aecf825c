/**
 * 第三十三条 — 限期整改、暂缓拨付资金、暂停项目建设、终止项目, over HTTP: each step refused (code, field,
 * Chinese message, article, nothing written) and allowed (recorded transition, deadlines, to-dos, outbox).
 */
import { nodes } from './support/documents';
import { Role } from '../src/common/role.enums';
import { shanghaiDateOf, addDays } from '../src/common/dates';
import { startTestHub, TestHub } from './support/hub';
import { applicationDocs } from './support/acceptance';
import { codeOf, declarable, forceStatus, M, orgId, run, viewerId, PROJECT_FIELDS } from './support/projects';

let hub: TestHub;
let education: string;
let health: string;
let office: string;
let educationId: string;

beforeAll(async () => {
  hub = await startTestHub();
  education = await hub.token(Role.PROJECT_UNIT);
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  office = await hub.token(Role.LEADING_GROUP_OFFICE);
  educationId = await orgId(hub, 'education');
});
afterAll(() => hub.close());

const today = () => shanghaiDateOf(new Date());
const inDays = (n: number) => addDays(today(), n);

const R_FIELDS = `rectification { status previousStatus reason findings dueOn report materials decisionNote orderedByUserId }
  rectifications { status }`;
const doc = (name: string, type: string) =>
  `mutation ($input: ${type}!) { ${name}(input: $input) { project { ...P ${R_FIELDS} } userErrors { code field message article } } } ${PROJECT_FIELDS}`;
const R = {
  order: doc('projectRectificationOrder', 'ProjectRectificationOrderInput'),
  report: doc('projectRectificationReport', 'ProjectRectificationReportInput'),
  accept: doc('projectRectificationAccept', 'ProjectRectificationAcceptInput'),
  refuse: doc('projectRectificationRefuse', 'ProjectRectificationRefuseInput'),
  suspend: doc('projectSuspend', 'ProjectSanctionInput'),
  resume: doc('projectResume', 'ProjectResumeInput'),
  terminate: doc('projectTerminate', 'ProjectSanctionInput'),
};

const orderInput = (projectId: string, extra: Record<string, unknown> = {}) => ({
  projectId,
  reason: '未实现批复的建设目标：数据共享率未达标',
  findings: ['3项信息资源未挂接共享接口', '绩效评价得分低于60分'],
  dueOn: inDays(30),
  ...extra,
});
const reportInput = (projectId: string) => ({ projectId, report: '已完成接口挂接并补充绩效材料', materials: ['整改报告.pdf', '接口挂接截图.png'] });

/** A project of the education bureau, straight in `status` (the earlier steps are project-lifecycle.test.ts's). */
async function projectIn(status: string): Promise<string> {
  const { project, userErrors } = await run(hub, M.create, declarable({ name: `整改测试项目${Math.random().toString(36).slice(2, 8)}` }), education);
  expect(userErrors).toEqual([]);
  await forceStatus(hub, project.id, status, status === 'TRIAL_OPERATION' ? { goLiveDate: addDays(today(), -10) } : {});
  return project.id;
}

/** Every table a rectification step writes. */
async function written(projectId: string) {
  const [[counts]] = await Promise.all([
    hub.ds.query(
      `SELECT (SELECT count(*)::int FROM project_rectification WHERE project_id = $1) AS rectifications,
              (SELECT count(*)::int FROM project_transition WHERE project_id = $1) AS transitions,
              (SELECT count(*)::int FROM notification_event) AS events,
              (SELECT status FROM project WHERE id = $1) AS status,
              (SELECT row_version FROM project WHERE id = $1) AS version,
              (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.id) FROM project_rectification r WHERE r.project_id = $1) AS rows`,
      [projectId],
    ),
  ]);
  return counts;
}

async function expectRefused(projectId: string, mutation: string, input: Record<string, unknown>, token: string, errors: Record<string, unknown>[]) {
  const before = await written(projectId);
  const res = await run(hub, mutation, input, token);
  expect(res.project).toBeNull();
  expect(res.userErrors).toEqual(errors);
  expect(await written(projectId)).toEqual(before);
}

async function ok(mutation: string, input: Record<string, unknown>, token: string) {
  const res = await run(hub, mutation, input, token);
  expect(res.userErrors).toEqual([]);
  return res.project;
}

async function deadlineKinds(projectCode: string, token = education) {
  const res = await hub.gql(`{ deadlines(first: 100) { edges { node { kind dueOn overdue article project { code } } } } }`, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data.deadlines.edges.map((e: any) => e.node).filter((n: any) => n.project?.code === projectCode);
}

async function todos(token: string, projectCode: string) {
  const res = await hub.gql(`{ todoItems(first: 100) { edges { node { kind article dueOn project { code } } } } }`, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data.todoItems.edges.map((e: any) => e.node).filter((n: any) => n.project?.code === projectCode);
}

async function events(kind: string) {
  return hub.ds.query(`SELECT organization_ids, roles, data FROM notification_event WHERE kind = $1 ORDER BY occurred_at`, [kind]);
}

describe('projectRectificationOrder', () => {
  it('is refused before approval, with a due date not after today, or blank findings; nothing written', async () => {
    const draft = await projectIn('DECLARED');
    await expectRefused(draft, R.order, orderInput(draft), office, [
      {
        code: 'INVALID_TRANSITION',
        field: ['input', 'projectId'],
        message: '项目当前状态为「已申报」，不能责令限期整改（仅限「已列入年度计划、建设中、试运行、已申请验收、验收通过、验收不合格、已备案、运维中」状态）',
        article: '第三十三条',
      },
    ]);
    const id = await projectIn('UNDER_CONSTRUCTION');
    await expectRefused(id, R.order, orderInput(id, { dueOn: today() }), office, [
      { code: 'OUT_OF_RANGE', field: ['input', 'dueOn'], message: `整改期限 ${today()} 须晚于今天（北京时间 ${today()}）`, article: '第三十三条' },
    ]);
    await expectRefused(id, R.order, orderInput(id, { findings: ['接口未挂接', '  '], reason: ' ' }), office, [
      { code: 'REQUIRED', field: ['input', 'reason'], message: '请填写整改理由', article: null },
      { code: 'REQUIRED', field: ['input', 'findings', '1'], message: '问题清单中有空白项', article: '第三十三条' },
    ]);
  });

  it('puts the project into RECTIFYING, keeps its earlier status, and tells deadlines, to-dos and the outbox', async () => {
    const id = await projectIn('UNDER_CONSTRUCTION');
    const officeUser = await viewerId(hub, office);
    const p = await ok(R.order, orderInput(id), office);
    expect(p.status).toBe('RECTIFYING');
    expect(p.fundsHalted).toBe(false);
    expect(p.rectification).toEqual(
      expect.objectContaining({
        status: 'ORDERED',
        previousStatus: 'UNDER_CONSTRUCTION',
        findings: ['3项信息资源未挂接共享接口', '绩效评价得分低于60分'],
        dueOn: inDays(30),
        orderedByUserId: officeUser,
      }),
    );
    const step = nodes(p.history).at(-1);
    expect(step).toEqual(
      expect.objectContaining({
        fromStatus: 'UNDER_CONSTRUCTION',
        toStatus: 'RECTIFYING',
        action: 'projectRectificationOrder',
        actorRole: 'LEADING_GROUP_OFFICE',
        actorUserId: officeUser,
      }),
    );
    expect(step.note).toContain('整改理由：未实现批复的建设目标');
    expect(step.note).toContain(`整改期限：${inDays(30)}`);
    expect(await deadlineKinds(p.code)).toEqual([
      { kind: 'RECTIFICATION_REPORT', dueOn: inDays(30), overdue: false, article: '第三十三条', project: { code: p.code } },
    ]);
    expect(await todos(education, p.code)).toEqual([{ kind: 'RECTIFICATION_REPORT', article: '第三十三条', dueOn: inDays(30), project: { code: p.code } }]);
    const [event] = (await events('RECTIFICATION_ORDERED')).filter((e: any) => e.data.projectId === id);
    expect(event.organization_ids).toEqual([educationId]);
    expect(event.data).toEqual(expect.objectContaining({ projectCode: p.code, step: 'projectRectificationOrder', dueOn: inDays(30), article: '第三十三条' }));
    // a second order while one is open
    await expectRefused(id, R.order, orderInput(id), office, [
      {
        code: 'INVALID_TRANSITION',
        field: ['input', 'projectId'],
        message: '项目正在限期整改，整改验收通过前不能责令限期整改',
        article: '第三十三条',
      },
    ]);
  });

  it('blocks the other steps of a rectifying project, saying why (第三十三条)', async () => {
    const id = await projectIn('UNDER_CONSTRUCTION');
    await ok(R.order, orderInput(id), office);
    await expectRefused(id, M.goLive, { projectId: id, goLiveDate: today() }, education, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], message: '项目正在限期整改，整改验收通过前不能上线试运行', article: '第三十三条' },
    ]);
  });
});

describe('projectRectificationReport, Accept and Refuse', () => {
  it('refuses a report from another unit, without materials, or twice; the office decides only a reported one', async () => {
    const id = await projectIn('TRIAL_OPERATION');
    await ok(R.order, orderInput(id), office);
    await expectRefused(id, R.report, reportInput(id), health, [
      { code: 'NOT_ALLOWED', field: ['input', 'projectId'], message: '只有项目牵头单位或共建单位可以修改该项目', article: '第十三条' },
    ]);
    await expectRefused(id, R.report, { ...reportInput(id), materials: [] }, education, [
      { code: 'INVALID', field: ['input', 'materials'], message: '请至少提供一份整改材料', article: null },
    ]);
    await expectRefused(id, R.accept, { projectId: id }, office, [
      {
        code: 'INVALID_TRANSITION',
        field: ['input', 'projectId'],
        message: '整改当前为「整改中」，不能整改验收（须为「已报告整改情况」）',
        article: '第三十三条',
      },
    ]);
    const p = await ok(R.report, reportInput(id), education);
    expect(p.status).toBe('RECTIFYING');
    expect(p.rectification).toEqual(expect.objectContaining({ status: 'REPORTED', materials: ['整改报告.pdf', '接口挂接截图.png'] }));
    expect(nodes(p.history).at(-1)).toEqual(
      expect.objectContaining({ action: 'projectRectificationReport', actorRole: 'PROJECT_UNIT', fromStatus: 'RECTIFYING', toStatus: 'RECTIFYING' }),
    );
    // the report is no longer owed; the office has it to decide
    expect(await deadlineKinds(p.code)).toEqual([]);
    expect(await todos(office, p.code)).toEqual([{ kind: 'RECTIFICATION_DECISION', article: '第三十三条', dueOn: null, project: { code: p.code } }]);
    expect((await events('RECTIFICATION_REPORTED')).filter((e: any) => e.data.projectId === id)[0].roles).toEqual(['LEADING_GROUP_OFFICE']);
    await expectRefused(id, R.report, reportInput(id), education, [
      {
        code: 'INVALID_TRANSITION',
        field: ['input', 'projectId'],
        message: '整改当前为「已报告整改情况」，不能报告整改情况（须为「整改中」或「整改不合格」）',
        article: '第三十三条',
      },
    ]);
    // accepted: back to the earlier status
    const back = await ok(R.accept, { projectId: id, note: '整改到位' }, office);
    expect(back.status).toBe('TRIAL_OPERATION');
    expect(back.rectification).toBeNull();
    expect(back.rectifications).toEqual([{ status: 'ACCEPTED' }]);
    expect(nodes(back.history).at(-1)).toEqual(
      expect.objectContaining({ action: 'projectRectificationAccept', fromStatus: 'RECTIFYING', toStatus: 'TRIAL_OPERATION', note: '整改到位' }),
    );
  });

  it('refuses a report, which the unit then owes again', async () => {
    const id = await projectIn('IN_OPERATION');
    await ok(R.order, orderInput(id), office);
    await ok(R.report, reportInput(id), education);
    await expectRefused(id, R.refuse, { projectId: id, reason: '仍未达标', dueOn: addDays(today(), -1) }, office, [
      { code: 'OUT_OF_RANGE', field: ['input', 'dueOn'], message: `整改期限 ${addDays(today(), -1)} 须晚于今天（北京时间 ${today()}）`, article: '第三十三条' },
    ]);
    const p = await ok(R.refuse, { projectId: id, reason: '绩效评价仍不合格', dueOn: inDays(10) }, office);
    expect(p.rectification).toEqual(expect.objectContaining({ status: 'REFUSED', decisionNote: '绩效评价仍不合格', dueOn: inDays(10) }));
    expect(await deadlineKinds(p.code)).toEqual([expect.objectContaining({ kind: 'RECTIFICATION_REPORT', dueOn: inDays(10) })]);
    expect((await events('RECTIFICATION_DECIDED')).some((e: any) => e.data.projectId === id && e.data.step === 'projectRectificationRefuse')).toBe(true);
  });
});

describe('projectSuspend, projectResume, projectTerminate', () => {
  it('suspends only an overdue or refused rectification; terminates a rectifying project only then too', async () => {
    const id = await projectIn('UNDER_CONSTRUCTION');
    await ok(R.order, orderInput(id), office);
    const notYet = `整改期限 ${inDays(30)} 未到，且整改未被认定不合格`;
    await expectRefused(id, R.suspend, { projectId: id, reason: '拒不整改' }, office, [
      {
        code: 'RULE_VIOLATION',
        field: ['input', 'projectId'],
        message: `${notYet}，不能暂停项目建设（拒不整改或整改后仍不符合要求的，方可暂停项目建设）`,
        article: '第三十三条',
      },
    ]);
    await expectRefused(id, R.terminate, { projectId: id, reason: '拒不整改' }, office, [
      {
        code: 'RULE_VIOLATION',
        field: ['input', 'projectId'],
        message: `${notYet}，不能终止项目（拒不整改或整改后仍不符合要求的，方可终止项目）`,
        article: '第三十三条',
      },
    ]);
    await expectRefused(id, R.resume, { projectId: id, reason: '恢复', dueOn: inDays(5) }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], message: '项目正在限期整改，整改验收通过前不能恢复项目建设', article: '第三十三条' },
    ]);
  });

  it('suspends an overdue rectification (funds halted, the report still owed), resumes, and accepts it back', async () => {
    const id = await projectIn('TRIAL_OPERATION');
    await ok(R.order, orderInput(id), office);
    // time passes: the due date is yesterday and nothing was reported
    await hub.ds.query(`UPDATE project_rectification SET due_on = $2 WHERE project_id = $1`, [id, addDays(today(), -1)]);
    const s = await ok(R.suspend, { projectId: id, reason: '逾期未整改' }, office);
    expect(s.status).toBe('SUSPENDED');
    expect(s.fundsHalted).toBe(true);
    expect(nodes(s.history).at(-1)).toEqual(
      expect.objectContaining({
        action: 'projectSuspend',
        fromStatus: 'RECTIFYING',
        toStatus: 'SUSPENDED',
        actorRole: 'LEADING_GROUP_OFFICE',
        note: '暂停建设、暂缓拨付资金：逾期未整改',
      }),
    );
    expect(await deadlineKinds(s.code)).toEqual([expect.objectContaining({ kind: 'RECTIFICATION_REPORT', dueOn: addDays(today(), -1), overdue: true })]);
    // no acceptance while suspended
    const before = await written(id);
    const apply = await hub.gql(
      `mutation ($input: AcceptanceApplyInput!) { acceptanceApply(input: $input) { userErrors { code field message article } } }`,
      { input: { projectId: id, documents: applicationDocs() } },
      education,
    );
    expect(apply.data.acceptanceApply.userErrors).toEqual([
      {
        code: 'INVALID_TRANSITION',
        field: ['input', 'projectId'],
        message: '项目已暂停建设、暂缓拨付资金，恢复建设并整改通过前不能申请竣工验收',
        article: '第三十三条',
      },
    ]);
    expect(await written(id)).toEqual(before);
    await expectRefused(id, R.resume, { projectId: id, reason: '已约谈', dueOn: today() }, office, [
      { code: 'OUT_OF_RANGE', field: ['input', 'dueOn'], message: `整改期限 ${today()} 须晚于今天（北京时间 ${today()}）`, article: '第三十三条' },
    ]);
    const r = await ok(R.resume, { projectId: id, reason: '已约谈，承诺整改', dueOn: inDays(15) }, office);
    expect(r.status).toBe('RECTIFYING');
    expect(r.fundsHalted).toBe(false);
    expect(r.rectification.dueOn).toBe(inDays(15));
    await ok(R.report, reportInput(id), education);
    const back = await ok(R.accept, { projectId: id }, office);
    expect(back.status).toBe('TRIAL_OPERATION');
    expect(
      nodes(back.history)
        .slice(-5)
        .map((t: any) => t.action),
    ).toEqual(['projectRectificationOrder', 'projectSuspend', 'projectResume', 'projectRectificationReport', 'projectRectificationAccept']);
  });

  it('terminates a suspended project: final, nothing of it changes any more', async () => {
    const id = await projectIn('UNDER_CONSTRUCTION');
    await ok(R.order, orderInput(id), office);
    await ok(R.report, reportInput(id), education);
    await ok(R.refuse, { projectId: id, reason: '整改后仍不符合要求' }, office);
    await ok(R.suspend, { projectId: id, reason: '整改不合格' }, office);
    const t = await ok(R.terminate, { projectId: id, reason: '整改后仍不符合要求，终止项目' }, office);
    expect(t.status).toBe('TERMINATED');
    expect(t.fundsHalted).toBe(true);
    expect(t.rectifications).toEqual([{ status: 'CLOSED' }]);
    expect(await deadlineKinds(t.code)).toEqual([]);
    await expectRefused(id, R.resume, { projectId: id, reason: '恢复', dueOn: inDays(5) }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], message: '项目已终止，不能再恢复项目建设', article: '第三十三条' },
    ]);
    await expectRefused(id, M.requestChange, { projectId: id, description: '变更', changes: { name: '新名称' } }, education, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], message: '项目已终止，不能再修改项目及其信息资源目录、共享接口', article: '第三十三条' },
    ]);
    // nor its catalogue
    const res = await hub.gql(
      `mutation ($input: ResourceCreateInput!) { resourceCreate(input: $input) { resource { id } userErrors { code field message article } } }`,
      {
        input: { projectId: id, name: '终止后登记的资源', catalogueKind: 'DEPARTMENTAL', classificationCode: '301001001', summary: '摘要', format: 'DATABASE' },
      },
      education,
    );
    expect(res.data.resourceCreate.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], message: '项目已终止，不能再修改项目及其信息资源目录、共享接口', article: '第三十三条' },
    ]);
  });
});

describe('rectifications: the office lists them filtered (整改跟踪)', () => {
  const LIST = `query ($filter: RectificationFilter, $first: Int) {
    rectifications(filter: $filter, first: $first) {
      totalCount edges { node { id status dueOn daysLeft overdue project { id leadUnit { id } } } }
    }
  }`;
  const list = async (filter: Record<string, unknown>, token = office) => {
    const res = await hub.gql(LIST, { filter, first: 100 }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.rectifications as { totalCount: number; edges: { node: any }[] };
  };

  it('filters by status, by the organisation building the project and to the overdue ones', async () => {
    const late = await projectIn('UNDER_CONSTRUCTION');
    const onTime = await projectIn('UNDER_CONSTRUCTION');
    await ok(R.order, orderInput(late), office);
    await ok(R.order, orderInput(onTime), office);
    await hub.ds.query(`UPDATE project_rectification SET due_on = $2 WHERE project_id = $1`, [late, addDays(today(), -3)]);
    await ok(R.report, reportInput(onTime), education);

    const ofEducation = await list({ organizationId: educationId });
    const ids = ofEducation.edges.map((e) => e.node.project.id);
    expect(ids).toEqual(expect.arrayContaining([late, onTime]));
    expect(ofEducation.edges.every((e) => e.node.project.leadUnit.id === educationId)).toBe(true);
    expect(ofEducation.totalCount).toBe(ofEducation.edges.length);

    const overdue = (await list({ organizationId: educationId, overdueOnly: true })).edges.map((e) => e.node);
    expect(overdue.find((n) => n.project.id === late)).toMatchObject({ status: 'ORDERED', overdue: true, daysLeft: -3 });
    expect(overdue.some((n) => n.project.id === onTime)).toBe(false);

    const reported = (await list({ status: ['REPORTED'], organizationId: educationId })).edges.map((e) => e.node);
    expect(reported.map((n) => n.project.id)).toContain(onTime);
    expect(reported.every((n) => n.status === 'REPORTED' && n.overdue === false && n.daysLeft === null)).toBe(true);

    const dueDates = ofEducation.edges.map((e) => e.node.dueOn);
    expect([...dueDates].sort()).toEqual(dueDates); // by due date
    expect((await list({ organizationId: await orgId(hub, 'health') })).edges.some((e) => [late, onTime].includes(e.node.project.id))).toBe(false);
  });

  it('refuses malformed filters as bad input and other roles as forbidden, writing nothing', async () => {
    const bad = await hub.gql(LIST, { filter: { organizationId: 'not-a-uuid' } }, office);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const many = await hub.gql(LIST, { filter: { status: ['ORDERED', 'ORDERED', 'ORDERED', 'ORDERED', 'ORDERED', 'ORDERED'] } }, office);
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(many.errors?.[0].message).toContain('状态至多5个');
    const big = await hub.gql(LIST, { filter: {}, first: 100000 }, office);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unit = await hub.gql(LIST, { filter: {} }, education);
    expect(unit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
