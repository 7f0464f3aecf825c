/**
 * Expert review at both stages (第六条、第十条、第二十五条), over HTTP: the office assigns experts to a
 * declared plan or an acceptance application, only they give opinions, they revise them until the
 * decision with every version kept; projectApprove waits for the review; the to-dos and the outbox
 * tell the experts. Every refusal is checked to write nothing.
 */
import 'reflect-metadata';
import { Role } from '../src/common/role.enums';
import { A, applicationDocs, readyProject, reportDocs, send, TODAY, NOW } from './support/acceptance';
import { startTestHub, TestHub } from './support/hub';
import { codeOf, declarable, M, orgId, run, shareable } from './support/projects';

/** The specs' clock, for the acceptance side (applications are dated by it). */
const clock = { at: Date.parse(NOW), now: () => new Date(clock.at) };

let hub: TestHub;
let unit: string;
let office: string;
let educationId: string;

/** Two experts' accounts (their ids filled in once the hub is up). */
const ZHANG = { login: 'zhang', name: '张明远', userId: '' };
const LI = { login: 'li', name: '李静', userId: '' };
const asExpert = (e: { login: string; name?: string }) => hub.token(Role.EXPERT, undefined, e.login, e.name);

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', clock);
  unit = await hub.token(Role.PROJECT_UNIT);
  office = await hub.token(Role.LEADING_GROUP_OFFICE);
  educationId = await orgId(hub, 'education');
  ZHANG.userId = await hub.userId(Role.EXPERT, ZHANG.login, ZHANG.name);
  LI.userId = await hub.userId(Role.EXPERT, LI.login, LI.name);
});
afterAll(() => hub.close());

const NOWHERE = '00000000-0000-4000-8000-000000000000';

const REVIEW = `id stage open applicationId project { id status }
  assignments { expertUserId expertName assignedBy opinion { conclusion version } opinionHistory { opinion conclusion version current supersededAt } }
  opinions { expertUserId expertName conclusion version }`;
const PLAN_REVIEW = `query ($id: ID!) { project(id: $id) { id status approvedAt approvedOn declaredOn planReview { ${REVIEW} } } }`;
const TODOS = `{ todoItems(first: 50, filter: { kind: EXPERT_REVIEW }) { totalCount edges { node { kind article rule since project { id } acceptanceApplication { id } } } } }`;

/** Rows of every table the review mutations and projectApprove write, to prove a refusal wrote nothing. */
async function counts() {
  const [row] = await hub.ds.query(`SELECT
    (SELECT count(*)::int FROM expert_review) AS reviews,
    (SELECT count(*)::int FROM expert_assignment) AS assignments,
    (SELECT md5(coalesce(string_agg(o::text, ',' ORDER BY o.id), '')) FROM expert_opinion o) AS opinions,
    (SELECT count(*)::int FROM notification_event) AS events,
    (SELECT count(*)::int FROM project_transition) AS transitions,
    (SELECT md5(string_agg(p.id::text || p.status::text, ',' ORDER BY p.id)) FROM project p) AS projects`);
  return row;
}

/** Asserts a refusal: exactly these errors (each as given), and nothing written anywhere. */
async function expectRefused(doc: string, input: unknown, token: string, errors: object[]) {
  const before = await counts();
  const res = await send(hub, doc, input, token);
  const node = Object.keys(res).find((k) => k !== 'userErrors')!;
  expect(res).toEqual({ [node]: null, userErrors: errors.map((e) => expect.objectContaining(e)) });
  expect(await counts()).toEqual(before);
}

/** A project of the education bureau, declared through the API, with a complete sharing analysis (第九条). */
async function declared(): Promise<string> {
  const { project, userErrors } = await run(hub, M.create, declarable({ planYear: 2028 }), unit);
  expect(userErrors).toEqual([]);
  expect((await run(hub, M.declare, { projectId: project.id }, unit)).userErrors).toEqual([]);
  await shareable(hub, project.id, educationId);
  return project.id;
}

const assign = (target: Record<string, string>, experts: { userId: string }[]) =>
  send(hub, A.assign, { ...target, expertUserIds: experts.map((e) => e.userId) }, office);
const opine = async (target: Record<string, string>, expert: { login: string; name?: string }, conclusion: string, opinion = '同意。') =>
  send(hub, A.opinion, { ...target, opinion, conclusion }, await asExpert(expert));

describe('expertAssign (第六条)', () => {
  it('opens the plan review of a declared project (第十条) with its experts, tells them (REVIEW_ASSIGNED) and lists it in their to-dos', async () => {
    const projectId = await declared();
    const before = await hub.ds.query(`SELECT count(*)::int AS n FROM notification_event WHERE kind = 'REVIEW_ASSIGNED'`);
    const { expertReview: r, userErrors } = await assign({ projectId }, [ZHANG, LI]);
    expect(userErrors).toEqual([]);
    expect(r).toMatchObject({
      stage: 'PLAN',
      open: true,
      applicationId: null,
      project: { id: projectId, status: 'DECLARED' },
      // by user id within one assignment, each expert by the name of their account (第六条)
      assignments: [
        { expertUserId: ZHANG.userId, expertName: ZHANG.name, opinion: null, opinionHistory: [] },
        { expertUserId: LI.userId, expertName: LI.name, opinion: null, opinionHistory: [] },
      ].sort((a, b) => a.expertUserId.localeCompare(b.expertUserId)),
      opinions: [],
    });
    const [event] = await hub.ds.query(
      `SELECT kind, roles, data FROM notification_event WHERE kind = 'REVIEW_ASSIGNED' ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({
      roles: ['EXPERT'],
      data: { reviewId: r.id, stage: 'PLAN', projectId, expertUserIds: [ZHANG.userId, LI.userId], article: '第十条' },
    });
    expect((await hub.ds.query(`SELECT count(*)::int AS n FROM notification_event WHERE kind = 'REVIEW_ASSIGNED'`))[0].n).toBe(before[0].n + 1);

    // 第六条: the review waits in each assigned expert's to-dos — one user id, whatever token it comes with.
    const todos = async (expert: { login: string }) =>
      (await hub.gql(TODOS, {}, await asExpert(expert))).data.todoItems.edges.map((e: any) => e.node).filter((n: any) => n.project.id === projectId);
    expect(await todos(ZHANG)).toEqual([
      {
        kind: 'EXPERT_REVIEW',
        article: '第六条',
        rule: expect.stringContaining('专家咨询小组'),
        since: expect.any(String),
        project: { id: projectId },
        acceptanceApplication: null,
      },
    ]);
    expect(await todos({ login: 'expert-other' })).toEqual([]);
    // Given the opinion, it is no longer waiting for that expert.
    expect((await opine({ projectId }, ZHANG, 'PASS')).userErrors).toEqual([]);
    expect(await todos(ZHANG)).toEqual([]);
    expect(await todos(LI)).toHaveLength(1);
  });

  it('refuses a project not declared (第十条), a missing or double target, bad or repeated expert ids — writing nothing', async () => {
    const projectId = await declared();
    const { project: draft } = await run(hub, M.create, declarable({ planYear: 2028 }), unit);
    await expectRefused(A.assign, { projectId: draft.id, expertUserIds: [ZHANG.userId] }, office, [
      {
        code: 'INVALID_TRANSITION',
        field: ['input', 'projectId'],
        article: '第十条',
        message: '项目当前状态为「草稿」，仅在「已申报」期间评审建设计划和建设方案',
      },
    ]);
    await expectRefused(A.assign, { expertUserIds: [ZHANG.userId] }, office, [
      { code: 'INVALID', field: ['input'], article: '第六条', message: '请指定 projectId（建设计划和建设方案评审）或 applicationId（竣工验收申请）之一' },
    ]);
    await expectRefused(A.assign, { projectId, applicationId: NOWHERE, expertUserIds: [ZHANG.userId] }, office, [{ code: 'INVALID', field: ['input'] }]);
    await expectRefused(A.assign, { projectId: NOWHERE, expertUserIds: [ZHANG.userId] }, office, [
      { code: 'NOT_FOUND', field: ['input', 'projectId'], message: '项目不存在' },
    ]);
    await expectRefused(A.assign, { projectId, expertUserIds: [] }, office, [{ field: ['input', 'expertUserIds'], message: '请至少指派一位专家' }]);
    await expectRefused(A.assign, { projectId, expertUserIds: [ZHANG.userId, '  ', 'x'.repeat(201), ZHANG.userId] }, office, [
      { code: 'INVALID', field: ['input', 'expertUserIds', '1'], article: '第六条', message: '用户 "" 不是专家咨询小组成员' },
      { code: 'INVALID', field: ['input', 'expertUserIds', '2'], article: '第六条' },
      { code: 'DUPLICATE', field: ['input', 'expertUserIds', '3'], article: '第六条', message: `专家 ${ZHANG.name} 重复指派` },
    ]);
    expect((await assign({ projectId }, [ZHANG])).userErrors).toEqual([]);
    await expectRefused(A.assign, { projectId, expertUserIds: [LI.userId, ZHANG.userId] }, office, [
      { code: 'DUPLICATE', field: ['input', 'expertUserIds', '1'], article: '第六条', message: `专家 ${ZHANG.name} 已被指派参加本次评审` },
    ]);
  });

  it("is the office's action: an expert and a project unit are FORBIDDEN", async () => {
    const projectId = await declared();
    for (const token of [await asExpert(ZHANG), unit]) {
      const before = await counts();
      const res = await hub.gql(A.assign, { input: { projectId, expertUserIds: [ZHANG.userId] } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    }
  });
});

describe('experts: whom the office may assign (第六条)', () => {
  const EXPERTS = `query ($nameContains: String) { experts(nameContains: $nameContains) { userId name organizationName } }`;
  const list = async (nameContains?: string | null, token = office) => hub.gql(EXPERTS, { nameContains }, token);

  it('lists the enabled experts by name, with their organisation, narrowed by nameContains', async () => {
    const zhou = await hub.userId(Role.EXPERT, 'zhou', '周文华');
    await hub.ds.query(`UPDATE hub_user SET organization_id = NULL WHERE id = $1`, [zhou]);
    const orgOf = async (userId: string) =>
      (await hub.ds.query(`SELECT o.name FROM hub_user u JOIN organization o ON o.id = u.organization_id WHERE u.id = $1`, [userId]))[0].name;
    const all = await list();
    expect(all.errors).toBeUndefined();
    expect(all.data.experts).toEqual(
      expect.arrayContaining([
        { userId: ZHANG.userId, name: '张明远', organizationName: await orgOf(ZHANG.userId) },
        { userId: LI.userId, name: '李静', organizationName: await orgOf(LI.userId) },
        { userId: zhou, name: '周文华', organizationName: null },
      ]),
    );
    const names = all.data.experts.map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort());
    const narrowed = (await list(' 明远 ')).data.experts;
    expect(narrowed.map((e: { userId: string }) => e.userId)).toContain(ZHANG.userId);
    expect(narrowed.every((e: { name: string }) => e.name.includes('明远'))).toBe(true);
    expect((await list('李静')).data.experts).toEqual([expect.objectContaining({ userId: LI.userId })]);
    // the pattern's wildcards are taken literally
    expect((await list('%')).data.experts).toEqual([]);
    expect((await list('')).data.experts).toEqual(all.data.experts);
  });

  it('leaves out disabled experts and accounts without the EXPERT role', async () => {
    const gone = await hub.userId(Role.EXPERT, 'wang-retired', '王已停');
    await hub.ds.query(`UPDATE hub_user SET disabled_at = now() WHERE id = $1`, [gone]);
    await hub.userId(Role.AUDITOR, 'wang-auditor', '王审计');
    const ids = (await list('王')).data.experts.map((e: { userId: string }) => e.userId);
    expect(ids).toEqual([]);
    expect((await list()).data.experts.map((e: { userId: string }) => e.userId)).not.toContain(gone);
  });

  it('refuses a name filter over 50 characters, naming the argument', async () => {
    const res = await list('专'.repeat(51));
    expect(res.data).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ message: '姓名检索词不能超过50个字符', extensions: { code: 'BAD_USER_INPUT', argument: 'nameContains' } });
  });

  it("is the office's: every other role is FORBIDDEN", async () => {
    for (const role of [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU, Role.AUDITOR, Role.PLATFORM, Role.ADMIN]) {
      const res = await list(null, await hub.token(role));
      expect([role, res.errors?.[0].extensions?.code]).toEqual([role, 'FORBIDDEN']);
    }
    expect((await list(null, await asExpert(ZHANG))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await hub.gql(EXPERTS, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('expertOpinionRecord on a plan (第六条、第十条)', () => {
  it('is refused to an expert not assigned; the assigned one is shown by name and revises, every version kept', async () => {
    const projectId = await declared();
    await expectRefused(A.opinion, { projectId, opinion: '意见', conclusion: 'PASS' }, await asExpert(ZHANG), [
      { code: 'NOT_ALLOWED', field: ['input', 'projectId'], article: '第六条', message: '您未被领导小组办公室指派参加本次评审，不能登记意见' },
    ]);
    await assign({ projectId }, [ZHANG]);
    await expectRefused(A.opinion, { projectId, opinion: '意见', conclusion: 'PASS' }, await asExpert(LI), [
      { code: 'NOT_ALLOWED', field: ['input', 'projectId'], article: '第六条' },
    ]);

    const first = await opine({ projectId }, ZHANG, 'FAIL', '  投资概算依据不足。  ');
    expect(first.userErrors).toEqual([]);
    expect(first.expertOpinion).toMatchObject({
      expertUserId: ZHANG.userId,
      expertName: ZHANG.name,
      opinion: '投资概算依据不足。',
      conclusion: 'FAIL',
      version: 1,
      current: true,
    });
    // Another token of the same expert (one user id): a revision, not a second opinion.
    const second = await opine({ projectId }, { login: ZHANG.login }, 'PASS_WITH_CHANGES', '补充概算说明后同意。');
    expect(second.expertOpinion).toMatchObject({ version: 2, current: true, expertName: ZHANG.name });

    const read = (await hub.gql(PLAN_REVIEW, { id: projectId }, office)).data.project.planReview;
    expect(read.opinions).toEqual([{ expertUserId: ZHANG.userId, expertName: ZHANG.name, conclusion: 'PASS_WITH_CHANGES', version: 2 }]);
    expect(read.assignments[0]).toMatchObject({ expertName: ZHANG.name, opinion: { conclusion: 'PASS_WITH_CHANGES', version: 2 } });
    expect(read.assignments[0].opinionHistory).toEqual([
      { opinion: '投资概算依据不足。', conclusion: 'FAIL', version: 1, current: false, supersededAt: expect.any(String) },
      { opinion: '补充概算说明后同意。', conclusion: 'PASS_WITH_CHANGES', version: 2, current: true, supersededAt: null },
    ]);
  });

  it('checks the opinion (not blank, ≤ 5000) and the target, and is closed once the plan is decided', async () => {
    const projectId = await declared();
    await assign({ projectId }, [ZHANG]);
    const zhang = await asExpert(ZHANG);
    await expectRefused(A.opinion, { projectId, opinion: '   ', conclusion: 'PASS' }, zhang, [{ code: 'REQUIRED', field: ['input', 'opinion'] }]);
    await expectRefused(A.opinion, { projectId, opinion: '意'.repeat(5001), conclusion: 'PASS' }, zhang, [{ code: 'TOO_LONG', field: ['input', 'opinion'] }]);
    await expectRefused(A.opinion, { opinion: '意见', conclusion: 'PASS' }, zhang, [{ code: 'INVALID', field: ['input'], article: '第六条' }]);
    expect((await opine({ projectId }, ZHANG, 'PASS')).userErrors).toEqual([]);
    expect((await run(hub, M.approve, { projectId }, office)).userErrors).toEqual([]);
    await expectRefused(A.opinion, { projectId, opinion: '再议', conclusion: 'FAIL' }, zhang, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], article: '第十条', message: expect.stringContaining('已列入年度计划') },
    ]);
    const read = (await hub.gql(PLAN_REVIEW, { id: projectId }, office)).data.project.planReview;
    expect(read).toMatchObject({ open: false, opinions: [{ conclusion: 'PASS', version: 1 }] });
  });

  it("is the experts' action: the office and a project unit are FORBIDDEN", async () => {
    const projectId = await declared();
    for (const token of [office, unit]) {
      const res = await hub.gql(A.opinion, { input: { projectId, opinion: '意见', conclusion: 'PASS' } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('projectApprove waits for the expert review (第十条)', () => {
  it('is refused with no review, an incomplete one, or an opinion FAIL; allowed once complete and none FAIL — nothing written on refusal', async () => {
    const projectId = await declared();
    const approve = { projectId, note: '经专家评审' };
    await expectRefused(M.approve, approve, office, [
      {
        code: 'REQUIRED',
        field: ['input', 'projectId'],
        article: '第十条',
        message: '项目尚未指派专家评审，须经专家咨询小组评审后方可列入年度计划',
      },
    ]);
    await assign({ projectId }, [ZHANG, LI]);
    await expectRefused(M.approve, approve, office, [
      {
        code: 'RULE_VIOLATION',
        field: ['input', 'projectId'],
        article: '第十条',
        message: '专家评审尚未完成：需至少 1 位指派专家的意见，已有 0 位（指派 2 位）',
      },
    ]);
    await opine({ projectId }, LI, 'FAIL', '与已建系统重复建设。');
    await expectRefused(M.approve, approve, office, [
      { code: 'RULE_VIOLATION', field: ['input', 'projectId'], article: '第十条', message: '1 位专家的评审意见为「不通过」，不能列入年度计划' },
    ]);
    // nextActions shows the same rule before the office tries.
    const next = await hub.gql(
      `query ($id: ID!) { project(id: $id) { nextActions { mutation missing { code article message } } } }`,
      { id: projectId },
      office,
    );
    expect(next.data.project.nextActions.find((a: any) => a.mutation === 'projectApprove').missing).toEqual([
      { code: 'RULE_VIOLATION', article: '第十条', message: '1 位专家的评审意见为「不通过」，不能列入年度计划' },
    ]);
    await opine({ projectId }, LI, 'PASS', '说明与已建系统的边界后同意。'); // revised before the decision
    // 第十条: while declared, the plan waits in the office's to-dos (and only the office's)
    const plans = async (token: string) =>
      (
        await hub.gql(`{ todoItems(first: 50, filter: { kind: PLAN_DECISION }) { edges { node { kind article rule project { id } } } } }`, {}, token)
      ).data.todoItems.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.project.id === projectId);
    expect(await plans(office)).toEqual([
      { kind: 'PLAN_DECISION', article: '第十条', rule: expect.stringContaining('列入年度建设计划'), project: { id: projectId } },
    ]);
    expect(await plans(unit)).toEqual([]);
    expect(await plans(await asExpert(LI))).toEqual([]);
    const { project, userErrors } = await run(hub, M.approve, approve, office);
    expect(userErrors).toEqual([]);
    expect(project.status).toBe('APPROVED');
    expect(await plans(office)).toEqual([]);
  });

  it('reviews each declaration anew: after a rejection and a new declaration the earlier opinions do not count', async () => {
    const projectId = await declared();
    await assign({ projectId }, [ZHANG]);
    await opine({ projectId }, ZHANG, 'PASS');
    expect((await run(hub, M.reject, { projectId, reason: '预算依据不足' }, office)).userErrors).toEqual([]);
    expect((await run(hub, M.declare, { projectId }, unit)).userErrors).toEqual([]);
    const fresh = (await hub.gql(PLAN_REVIEW, { id: projectId }, office)).data.project.planReview;
    expect(fresh).toBeNull(); // no review opened for the new declaration yet
    await expectRefused(M.approve, { projectId }, office, [{ code: 'REQUIRED', field: ['input', 'projectId'], article: '第十条' }]);
    await assign({ projectId }, [ZHANG]); // the same expert again, in the new round
    expect((await run(hub, M.approve, { projectId }, office)).userErrors[0]).toMatchObject({ code: 'RULE_VIOLATION', article: '第十条' });
    await opine({ projectId }, ZHANG, 'PASS');
    expect((await run(hub, M.approve, { projectId }, office)).userErrors).toEqual([]);
  });

  it('needs PLAN_REVIEW_QUORUM opinions', async () => {
    const strict = await startTestHub({ PLAN_REVIEW_QUORUM: '2' });
    try {
      const u = await strict.token(Role.PROJECT_UNIT);
      const o = await strict.token(Role.LEADING_GROUP_OFFICE);
      const { project } = await run(strict, M.create, declarable(), u);
      await run(strict, M.declare, { projectId: project.id }, u);
      await shareable(strict, project.id, await orgId(strict, 'education'));
      // The same two experts' accounts on this hub's own database.
      const ids = [await strict.userId(Role.EXPERT, ZHANG.login, ZHANG.name), await strict.userId(Role.EXPERT, LI.login, LI.name)];
      await send(strict, A.assign, { projectId: project.id, expertUserIds: ids }, o);
      const give = async (e: typeof ZHANG) =>
        send(strict, A.opinion, { projectId: project.id, opinion: '同意', conclusion: 'PASS' }, await strict.token(Role.EXPERT, undefined, e.login, e.name));
      await give(ZHANG);
      expect((await run(strict, M.approve, { projectId: project.id }, o)).userErrors).toEqual([
        expect.objectContaining({ code: 'RULE_VIOLATION', message: '专家评审尚未完成：需至少 2 位指派专家的意见，已有 1 位（指派 2 位）' }),
      ]);
      await give(LI);
      expect((await run(strict, M.approve, { projectId: project.id }, o)).userErrors).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});

describe('the acceptance review (第二十五条)', () => {
  it('assigns experts to an application; only they give opinions, revisable until the result, closed after it', async () => {
    const project = await readyProject(hub);
    const { acceptanceApplication: application } = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
    const target = { applicationId: application.id };
    const { expertReview, userErrors } = await assign(target, [LI]);
    expect(userErrors).toEqual([]);
    expect(expertReview).toMatchObject({ stage: 'ACCEPTANCE', open: true, applicationId: application.id, project: { status: 'ACCEPTANCE_APPLIED' } });
    const [event] = await hub.ds.query(`SELECT data FROM notification_event WHERE kind = 'REVIEW_ASSIGNED' AND data->>'applicationId' = $1`, [application.id]);
    expect(event.data).toMatchObject({ stage: 'ACCEPTANCE', article: '第二十五条', expertUserIds: [LI.userId], assignedOn: TODAY });

    const todo = (await hub.gql(TODOS, {}, await asExpert(LI))).data.todoItems.edges.map((e: any) => e.node);
    expect(todo).toContainEqual(expect.objectContaining({ kind: 'EXPERT_REVIEW', acceptanceApplication: { id: application.id }, project: { id: project.id } }));

    await expectRefused(A.opinion, { ...target, opinion: '意见', conclusion: 'PASS' }, await asExpert(ZHANG), [
      { code: 'NOT_ALLOWED', field: ['input', 'applicationId'], article: '第六条' },
    ]);
    expect((await opine(target, LI, 'FAIL', '接口未挂接。')).expertOpinion).toMatchObject({ version: 1, expertName: LI.name });
    expect((await opine(target, LI, 'PASS', '已整改挂接，同意。')).expertOpinion).toMatchObject({ version: 2 });
    const read = await hub.gql(A.applications, { id: project.id }, office);
    expect(read.data.project.acceptanceApplications[0]).toMatchObject({
      expertOpinions: [{ expertUserId: LI.userId, expertName: LI.name, conclusion: 'PASS', version: 2 }],
      review: { open: true, assignments: [{ expertUserId: LI.userId, expertName: LI.name }] },
    });

    expect((await send(hub, A.result, { ...target, result: 'PASSED', acceptedOn: TODAY, documents: reportDocs() }, office)).userErrors).toEqual([]);
    await expectRefused(A.opinion, { ...target, opinion: '迟到的意见', conclusion: 'FAIL' }, await asExpert(LI), [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十五条', message: '该验收申请已登记验收结论，评审已结束' },
    ]);
    await expectRefused(A.assign, { ...target, expertUserIds: [ZHANG.userId] }, office, [
      { code: 'INVALID_TRANSITION', field: ['input', 'applicationId'], article: '第二十五条' },
    ]);
    await expectRefused(A.assign, { applicationId: NOWHERE, expertUserIds: [ZHANG.userId] }, office, [
      { code: 'NOT_FOUND', field: ['input', 'applicationId'], message: '验收申请不存在' },
    ]);
  });
});

describe('reading Project.planReview and the Beijing dates', () => {
  it("shows the review to the oversight roles and the project's building units; to another unit null", async () => {
    const projectId = await declared();
    await assign({ projectId }, [ZHANG]);
    const see = async (token: string) => (await hub.gql(PLAN_REVIEW, { id: projectId }, token)).data.project?.planReview?.stage ?? null;
    for (const role of [Role.LEADING_GROUP_OFFICE, Role.EXPERT, Role.AUDITOR, Role.BIG_DATA_BUREAU])
      expect([role, await see(await hub.token(role))]).toEqual([role, 'PLAN']);
    expect(await see(unit)).toBe('PLAN');
    expect(await see(await hub.token(Role.PROJECT_UNIT, codeOf('health')))).toBeNull();
  });

  it('gives approvedOn as the Beijing date, and quotes it when a go-live is earlier (第十二条)', async () => {
    const projectId = await declared();
    await assign({ projectId }, [ZHANG]);
    await opine({ projectId }, ZHANG, 'PASS');
    await run(hub, M.approve, { projectId }, office);
    // Approved at 01:30 Beijing time on 10 March 2026 — still 9 March in UTC.
    await hub.ds.query(`UPDATE project SET approved_at = '2026-03-09T17:30:00Z', declared_at = '2025-09-14T16:30:00Z' WHERE id = $1`, [projectId]);
    const read = (await hub.gql(PLAN_REVIEW, { id: projectId }, office)).data.project;
    expect(read).toMatchObject({ approvedOn: '2026-03-10', declaredOn: '2025-09-15' });
    await run(hub, M.startConstruction, { projectId }, unit);
    const res = await run(hub, M.goLive, { projectId, goLiveDate: '2026-03-09' }, unit);
    expect(res.userErrors).toEqual([
      {
        code: 'OUT_OF_RANGE',
        field: ['input', 'goLiveDate'],
        article: '第十二条',
        message: '上线日期 2026-03-09 早于项目列入年度计划的日期 2026-03-10（北京时间）',
      },
    ]);
    expect((await run(hub, M.goLive, { projectId, goLiveDate: '2026-03-10' }, unit)).userErrors).toEqual([]);
  });
});
