import { nodes } from './support/documents';
import { OpenType, ResourceStatus, SharingType, UpdateFrequency, InformationResource } from '../src/modules/catalogue';
import { Role } from '../src/common/role.enums';
import { PLAN_SECTIONS, ProjectStatus, PROJECT_TRANSITIONS, ProjectAction } from '../src/modules/project';
import { MountStatus } from '../src/modules/sharing';
import { startTestHub, TestHub } from './support/hub';
import {
  ACCEPT,
  codeOf,
  declarable,
  forceStatus,
  insertInterface,
  insertResource,
  M,
  orgId,
  rowCounts,
  run,
  shareable,
  reviewPlan,
  stored,
  viewerId,
} from './support/projects';
import { shanghaiDateOf } from '../src/common/dates';

let hub: TestHub;
let education: string;
let health: string;
let office: string;
let educationId: string;
let healthId: string;

beforeAll(async () => {
  hub = await startTestHub();
  education = await hub.token(Role.PROJECT_UNIT);
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  office = await hub.token(Role.LEADING_GROUP_OFFICE);
  educationId = await orgId(hub, 'education');
  healthId = await orgId(hub, 'health');
});
afterAll(() => hub.close());

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const tomorrow = () => new Date(Date.parse(`${shanghaiDateOf(new Date())}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function draft(overrides: Record<string, unknown> = {}, token = education): Promise<string> {
  const { project, userErrors } = await run(hub, M.create, declarable(overrides), token);
  expect(userErrors).toEqual([]);
  return project.id;
}

/** A project moved through the API to DECLARED, APPROVED or UNDER_CONSTRUCTION. */
async function projectIn(status: 'DECLARED' | 'APPROVED' | 'UNDER_CONSTRUCTION', overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await draft(overrides);
  expect((await run(hub, M.declare, { projectId: id }, education)).userErrors).toEqual([]);
  if (status === 'DECLARED') return id;
  await shareable(hub, id, educationId);
  await reviewPlan(hub, id); // 第十条
  expect((await run(hub, M.approve, { projectId: id }, office)).userErrors).toEqual([]);
  if (status === 'APPROVED') return id;
  expect((await run(hub, M.startConstruction, { projectId: id }, education)).userErrors).toEqual([]);
  return id;
}

/** Asserts a refusal: exactly these errors, and neither the project nor any table changed. */
async function expectRefused(id: string, doc: string, input: unknown, token: string, errors: object[]) {
  const before = await stored(hub, id);
  const counts = await rowCounts(hub);
  const res = await run(hub, doc, input, token);
  expect(res).toEqual({ project: null, userErrors: errors.map((e) => expect.objectContaining(e)) });
  expect(await stored(hub, id)).toEqual(before);
  expect(await rowCounts(hub)).toEqual(counts);
}

describe('projectDeclare (第七条、第八条)', () => {
  it('declares a complete draft: DECLARED, declaredAt set, history recorded', async () => {
    const id = await draft();
    const { project, userErrors } = await run(hub, M.declare, { projectId: id, note: '按期申报' }, education);
    expect(userErrors).toEqual([]);
    expect(project.status).toBe('DECLARED');
    expect(Date.parse(project.declaredAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(nodes(project.history).map((h: any) => [h.fromStatus, h.toStatus, h.action, h.note])).toEqual([
      [null, 'DRAFT', 'projectCreate', null],
      ['DRAFT', 'DECLARED', 'projectDeclare', '按期申报'],
    ]);
  });

  it('refuses a scheme without its sections: one error per missing section, field [plan, key], 第八条', async () => {
    const id = await draft({ plan: { background: '有背景', goals: '   ' } });
    const missing = Object.keys(PLAN_SECTIONS).filter((k) => k !== 'background');
    await expectRefused(
      id,
      M.declare,
      { projectId: id },
      education,
      missing.map((key) => ({ code: 'REQUIRED', field: ['plan', key], article: '第八条' })),
    );
  });

  it('adds per-year budgets exactly, in fen: 0.10 + 0.20 = 0.30 declares, 0.10 + 0.20 ≠ 0.31 does not (第八条)', async () => {
    const exact = await draft({
      totalBudget: '0.30',
      budgetYears: [
        { year: 2027, amount: '0.10' },
        { year: 2028, amount: '0.20' },
      ],
    });
    expect((await run(hub, M.declare, { projectId: exact }, education)).project.status).toBe('DECLARED');
    const off = await draft({
      totalBudget: '0.31',
      budgetYears: [
        { year: 2027, amount: '0.10' },
        { year: 2028, amount: '0.20' },
      ],
    });
    await expectRefused(off, M.declare, { projectId: off }, education, [
      { code: 'RULE_VIOLATION', field: ['budgetYears'], article: '第八条', message: expect.stringContaining('0.30') },
    ]);
    const none = await draft({ budgetYears: [], constructionEndYear: 2027 }); // built in one year, no per-year budgets: nothing to add up
    expect((await run(hub, M.declare, { projectId: none }, education)).project.status).toBe('DECLARED');
  });

  it('refuses hardware below ¥300,000 as out of scope (第二条), and accepts ¥300,000.00', async () => {
    const small = await draft({ category: 'HARDWARE', totalBudget: '299999.99', budgetYears: [], constructionEndYear: 2027 });
    await expectRefused(small, M.declare, { projectId: small }, education, [{ code: 'RULE_VIOLATION', field: ['totalBudget'], article: '第二条' }]);
    const enough = await draft({ category: 'HARDWARE', totalBudget: '300000.00', budgetYears: [], constructionEndYear: 2027 });
    expect((await run(hub, M.declare, { projectId: enough }, education)).project.status).toBe('DECLARED');
  });

  it('refuses an upgrade that does not name what it upgrades (第二十八条)', async () => {
    const id = await draft({ category: 'UPGRADE' });
    await expectRefused(id, M.declare, { projectId: id }, education, [{ code: 'REQUIRED', field: ['upgradesProjectId'], article: '第二十八条' }]);
  });

  it('refuses a cross-department project without co-building units (第八条、第十四条)', async () => {
    const id = await draft({ crossDepartment: true });
    await expectRefused(id, M.declare, { projectId: id }, education, [{ code: 'REQUIRED', field: ['coBuildingUnitIds'], article: '第八条' }]);
    await run(hub, M.update, { projectId: id, changes: { coBuildingUnitIds: [healthId] } }, education);
    expect((await run(hub, M.declare, { projectId: id }, education)).project.status).toBe('DECLARED');
  });

  it('refuses another cloud whose reason is missing (第十六条)', async () => {
    const id = await draft({ cloudDeployment: 'OTHER_ASSESSED_CLOUD', cloudReason: '使用市级政务云' });
    await forceStatus(hub, id, 'DRAFT', { cloudReason: null }); // the API never leaves it so; a row from elsewhere might
    await expectRefused(id, M.declare, { projectId: id }, education, [{ code: 'REQUIRED', field: ['cloudReason'], article: '第十六条' }]);
  });

  it("is the building units' action: another unit, which may not read the draft, is NOT_FOUND (第十三条), the office FORBIDDEN", async () => {
    const id = await draft();
    await expectRefused(id, M.declare, { projectId: id }, health, [{ code: 'NOT_FOUND', field: ['input', 'projectId'], message: '项目不存在' }]);
    const res = await hub.gql(M.declare, { input: { projectId: id } }, office);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('projectApprove (第九条、第十条)', () => {
  it('refuses a project without any resource', async () => {
    const id = await projectIn('DECLARED');
    await reviewPlan(hub, id);
    await expectRefused(id, M.approve, { projectId: id }, office, [{ code: 'RULE_VIOLATION', field: ['resources'], article: '第九条' }]);
  });

  it('refuses an incomplete sharing analysis with one error per gap, naming the resource code', async () => {
    const id = await projectIn('DECLARED');
    await reviewPlan(hub, id);
    const bare = await insertResource(hub, id, educationId, { sharingType: null, openType: null, updateFrequency: null });
    const noInterface = await insertResource(hub, id, educationId, { sharingType: SharingType.UNCONDITIONAL });
    const conditional = await insertResource(hub, id, educationId, { sharingType: SharingType.CONDITIONAL, sharingCondition: '  ' });
    await insertInterface(hub, conditional.id, MountStatus.WITHDRAWN); // a withdrawn interface serves nobody
    const unshared = await insertResource(hub, id, educationId, { sharingType: SharingType.NOT_SHARED, legalBasis: null });
    const good = await insertResource(hub, id, educationId, { sharingType: SharingType.CONDITIONAL, sharingCondition: '仅限教育系统' });
    await insertInterface(hub, good.id, MountStatus.NOT_MOUNTED);
    await insertResource(hub, id, educationId, { status: ResourceStatus.RETIRED, sharingType: null }); // retired: not counted

    const gap = (code: string, attribute: string) => ({
      code: 'RULE_VIOLATION',
      field: ['resources', code, attribute],
      article: '第九条',
      message: expect.stringContaining(code),
    });
    await expectRefused(id, M.approve, { projectId: id }, office, [
      gap(bare.code, 'sharingType'),
      gap(bare.code, 'openType'),
      gap(bare.code, 'updateFrequency'),
      gap(noInterface.code, 'interfaces'),
      gap(conditional.code, 'interfaces'),
      gap(conditional.code, 'sharingCondition'),
      gap(unshared.code, 'legalBasis'),
    ]);

    // Completing the analysis lets it through.
    const repo = hub.ds.getRepository(InformationResource);
    await repo.update(
      { id: bare.id },
      {
        sharingType: SharingType.NOT_SHARED,
        legalBasis: '《中华人民共和国个人信息保护法》',
        openType: OpenType.NOT_OPEN,
        updateFrequency: UpdateFrequency.YEARLY,
      },
    );
    await insertInterface(hub, noInterface.id);
    await insertInterface(hub, conditional.id);
    await repo.update({ id: conditional.id }, { sharingCondition: '用于学生资助审核' });
    await repo.update({ id: unshared.id }, { legalBasis: '《未成年人保护法》' });
    const { project, userErrors } = await run(hub, M.approve, { projectId: id, note: '专家评审通过' }, office);
    expect(userErrors).toEqual([]);
    expect(project.status).toBe('APPROVED');
    expect(project.approvedAt).not.toBeNull();
    expect(nodes(project.history)[nodes(project.history).length - 1]).toMatchObject({
      action: 'projectApprove',
      fromStatus: 'DECLARED',
      toStatus: 'APPROVED',
      actorRole: 'LEADING_GROUP_OFFICE',
      actorUserId: await viewerId(hub, office),
      actorOrganization: { id: await orgId(hub, 'leading-group-office') },
      note: '专家评审通过',
    });
  });

  it("is the office's action: a project unit is FORBIDDEN; an unknown project NOT_FOUND", async () => {
    const id = await projectIn('DECLARED');
    await shareable(hub, id, educationId);
    const res = await hub.gql(M.approve, { input: { projectId: id } }, education);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await stored(hub, id)).status).toBe('DECLARED');
    const missing = await run(hub, M.approve, { projectId: NOWHERE }, office);
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'projectId'] })]);
  });
});

describe('projectReject, then revise and declare again', () => {
  it('requires a reason, stores it, and lets the unit revise and re-declare', async () => {
    const id = await projectIn('DECLARED');
    await expectRefused(id, M.reject, { projectId: id, reason: '   ' }, office, [{ code: 'REQUIRED', field: ['input', 'reason'] }]);
    await expectRefused(id, M.reject, { projectId: id, reason: '理'.repeat(2001) }, office, [{ code: 'TOO_LONG', field: ['input', 'reason'] }]);

    const rejected = await run(hub, M.reject, { projectId: id, reason: ' 共享分析不充分 ' }, office);
    expect(rejected.project).toMatchObject({ status: 'REJECTED', rejectionReason: '共享分析不充分' });
    expect(nodes(rejected.project.history).at(-1)).toMatchObject({
      action: 'projectReject',
      toStatus: 'REJECTED',
      note: '共享分析不充分',
      actorRole: 'LEADING_GROUP_OFFICE',
    });

    const revised = await run(hub, M.update, { projectId: id, changes: { plan: { content: '补充共享分析' } } }, education);
    expect(revised.project).toMatchObject({ status: 'REJECTED', plan: { content: '补充共享分析' } });
    const again = await run(hub, M.declare, { projectId: id }, education);
    expect(again.project).toMatchObject({ status: 'DECLARED', rejectionReason: null });
  });
});

describe('projectStartConstruction (第十二条) and projectGoLive (第二十四条)', () => {
  it('builds only an approved project, then goes live with dates checked', async () => {
    const id = await projectIn('APPROVED');
    await expectRefused(id, M.startConstruction, { projectId: id }, health, [{ code: 'NOT_ALLOWED', article: '第十三条' }]);
    expect((await run(hub, M.startConstruction, { projectId: id }, education)).project.status).toBe('UNDER_CONSTRUCTION');

    const today = shanghaiDateOf(new Date());
    await expectRefused(id, M.goLive, { projectId: id, goLiveDate: tomorrow() }, education, [
      { code: 'OUT_OF_RANGE', field: ['input', 'goLiveDate'], article: '第二十四条' },
    ]);
    await expectRefused(id, M.goLive, { projectId: id, goLiveDate: '2020-01-01' }, education, [
      { code: 'OUT_OF_RANGE', field: ['input', 'goLiveDate'], article: '第十二条' },
    ]);
    await expectRefused(id, M.goLive, { projectId: id, goLiveDate: today, trialEndDate: '2020-01-01' }, education, [
      { code: 'OUT_OF_RANGE', field: ['input', 'trialEndDate'], article: '第二十四条' },
    ]);
    // 第二十四条: trial operation follows go-live, so a trial ending on the go-live day is refused too.
    await expectRefused(id, M.goLive, { projectId: id, goLiveDate: today, trialEndDate: today }, education, [
      {
        code: 'OUT_OF_RANGE',
        field: ['input', 'trialEndDate'],
        article: '第二十四条',
        message: `试运行结束日期 ${today} 须晚于上线日期 ${today}`,
      },
    ]);
    const malformed = await hub.gql(M.goLive, { input: { projectId: id, goLiveDate: '2027-02-30' } }, education);
    expect(malformed.status).toBe(400);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const live = await run(hub, M.goLive, { projectId: id, goLiveDate: today, trialEndDate: '2099-12-31' }, education);
    expect(live.userErrors).toEqual([]);
    expect(live.project).toMatchObject({ status: 'TRIAL_OPERATION', goLiveDate: today, trialEndDate: '2099-12-31' });
  });
});

describe('projectRequestChange (第十五条)', () => {
  it('applies the change, records it, and sends the project back for approval', async () => {
    const id = await projectIn('UNDER_CONSTRUCTION');
    const declaredAt = (await stored(hub, id)).declaredAt;
    const { project, userErrors } = await run(
      hub,
      M.requestChange,
      {
        projectId: id,
        description: '增加学生资助模块',
        changes: {
          totalBudget: '1500000.00',
          budgetYears: [
            { year: 2027, amount: '1100000.00' },
            { year: 2028, amount: '400000.00' },
          ],
          plan: { content: '学籍管理与学生资助' },
        },
      },
      education,
    );
    expect(userErrors).toEqual([]);
    expect(project).toMatchObject({ status: 'DECLARED', totalBudget: '1500000.00', approvedAt: null, plan: { content: '学籍管理与学生资助' } });
    expect(new Date(project.declaredAt)).toEqual(declaredAt); // the plan was declared when it was; lateness does not change
    const note = nodes(project.history).at(-1).note as string;
    expect(nodes(project.history).at(-1)).toMatchObject({ action: 'projectRequestChange', fromStatus: 'UNDER_CONSTRUCTION', toStatus: 'DECLARED' });
    expect(note).toContain('增加学生资助模块');
    expect(note).toContain('总预算：1200000.00 → 1500000.00');
    expect(note).toContain('建设方案（建设内容）');
    // approved again after a new review (第十条), it is built again
    await reviewPlan(hub, id);
    expect((await run(hub, M.approve, { projectId: id }, office)).project.status).toBe('APPROVED');
  });

  it('refuses without a description or a change, and a change that makes the project undeclarable', async () => {
    const id = await projectIn('APPROVED');
    await expectRefused(id, M.requestChange, { projectId: id, description: ' ', changes: { name: '新名称' } }, education, [
      { code: 'REQUIRED', field: ['input', 'description'] },
    ]);
    await expectRefused(id, M.requestChange, { projectId: id, description: '调整', changes: {} }, education, [
      { code: 'REQUIRED', field: ['input', 'changes'], article: '第十五条' },
    ]);
    await expectRefused(id, M.requestChange, { projectId: id, description: '删减内容', changes: { plan: { content: null } } }, education, [
      { code: 'REQUIRED', field: ['plan', 'content'], article: '第八条' },
    ]);
    await expectRefused(id, M.requestChange, { projectId: id, description: '减预算', changes: { totalBudget: '1000000.00' } }, education, [
      { code: 'RULE_VIOLATION', field: ['budgetYears'], article: '第八条' },
    ]);
    await expectRefused(id, M.requestChange, { projectId: id, description: '改名', changes: { name: '新名称' } }, health, [
      { code: 'NOT_ALLOWED', article: '第十三条' },
    ]);
  });

  it('is the only way to change an approved project: projectUpdate is refused there', async () => {
    const id = await projectIn('APPROVED');
    await expectRefused(id, M.update, { projectId: id, changes: { name: '直接改名' } }, education, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], article: '第十五条' },
    ]);
  });
});

describe('the status machine', () => {
  /** A valid input for each action, so that only the status decides. */
  const inputs: Partial<Record<Extract<ProjectAction, `project${string}`>, (id: string) => Record<string, unknown>>> = {
    // the acceptance steps: acceptance.test.ts; the rectification steps: rectification.test.ts
    projectCreate: () => ({}),
    projectUpdate: (id) => ({ projectId: id, changes: { name: '改名' } }),
    projectDeclare: (id) => ({ projectId: id }),
    projectApprove: (id) => ({ projectId: id }),
    projectReject: (id) => ({ projectId: id, reason: '理由' }),
    projectStartConstruction: (id) => ({ projectId: id }),
    projectGoLive: (id) => ({ projectId: id, goLiveDate: shanghaiDateOf(new Date()) }),
    projectRequestChange: (id) => ({ projectId: id, description: '变更', changes: { name: '改名' } }),
  };
  const docs: Record<string, string> = {
    projectUpdate: M.update,
    projectDeclare: M.declare,
    projectApprove: M.approve,
    projectReject: M.reject,
    projectStartConstruction: M.startConstruction,
    projectGoLive: M.goLive,
    projectRequestChange: M.requestChange,
  };
  const refusals = (Object.keys(docs) as (keyof typeof inputs)[]).flatMap((action) =>
    Object.values(ProjectStatus)
      .filter((s) => !(PROJECT_TRANSITIONS[action].from as readonly ProjectStatus[]).includes(s))
      .map((status) => [action, status] as const),
  );

  it.each(refusals)('%s from %s → INVALID_TRANSITION with its article, nothing written', async (action, status) => {
    const id = await draft();
    await forceStatus(hub, id, status);
    const token = PROJECT_TRANSITIONS[action].role === Role.LEADING_GROUP_OFFICE ? office : education;
    // 第三十三条: a project under rectification, suspended or terminated says so, whatever the action.
    const sanctioned = [ProjectStatus.RECTIFYING, ProjectStatus.SUSPENDED, ProjectStatus.TERMINATED].includes(status);
    await expectRefused(id, docs[action], inputs[action]!(id), token, [
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], article: sanctioned ? '第三十三条' : PROJECT_TRANSITIONS[action].article },
    ]);
  });
});

describe('history', () => {
  it("records every step in time order with the actor's user, role and organisation", async () => {
    const unitUser = await viewerId(hub, education);
    const officeUser = await viewerId(hub, office);
    const officeOrg = await orgId(hub, 'leading-group-office');
    const id = await draft({ coBuildingUnitIds: [healthId] });
    await run(hub, ACCEPT, { projectId: id, note: '同意共建' }, health);
    await run(hub, M.declare, { projectId: id }, education);
    await run(hub, M.reject, { projectId: id, reason: '预算依据不足' }, office);
    await run(hub, M.update, { projectId: id, changes: { fundingSource: '上级补助资金' } }, health);
    await run(hub, M.declare, { projectId: id }, health);
    await shareable(hub, id, educationId);
    await reviewPlan(hub, id);
    await run(hub, M.approve, { projectId: id }, office);
    await run(hub, M.startConstruction, { projectId: id }, education);
    const { project } = await run(hub, M.goLive, { projectId: id, goLiveDate: shanghaiDateOf(new Date()) }, education);
    const healthUser = await viewerId(hub, health);
    expect(nodes(project.history).map((h: any) => [h.action, h.fromStatus, h.toStatus, h.actorRole, h.actorUserId, h.actorOrganization.id])).toEqual([
      ['projectCreate', null, 'DRAFT', 'PROJECT_UNIT', unitUser, educationId],
      ['coBuildingAccept', 'DRAFT', 'DRAFT', 'PROJECT_UNIT', healthUser, healthId],
      ['projectDeclare', 'DRAFT', 'DECLARED', 'PROJECT_UNIT', unitUser, educationId],
      ['projectReject', 'DECLARED', 'REJECTED', 'LEADING_GROUP_OFFICE', officeUser, officeOrg],
      ['projectUpdate', 'REJECTED', 'REJECTED', 'PROJECT_UNIT', healthUser, healthId],
      ['projectDeclare', 'REJECTED', 'DECLARED', 'PROJECT_UNIT', healthUser, healthId],
      ['projectApprove', 'DECLARED', 'APPROVED', 'LEADING_GROUP_OFFICE', officeUser, officeOrg],
      ['projectStartConstruction', 'APPROVED', 'UNDER_CONSTRUCTION', 'PROJECT_UNIT', unitUser, educationId],
      ['projectGoLive', 'UNDER_CONSTRUCTION', 'TRIAL_OPERATION', 'PROJECT_UNIT', unitUser, educationId],
    ]);
    const times = nodes(project.history).map((h: any) => Date.parse(h.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(nodes(project.history)[4].note).toContain('资金来源：区级财政资金 → 上级补助资金');
  });

  it('is a connection: pages of `first` after a cursor, oldest first, with the total when asked', async () => {
    const id = await draft();
    await run(hub, M.declare, { projectId: id }, education);
    await run(hub, M.reject, { projectId: id, reason: '预算依据不足' }, office);
    await run(hub, M.declare, { projectId: id }, education);
    const page = `query ($id: ID, $after: String) { project(id: $id) { history(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { action } } } } }`;
    const first = (await hub.gql(page, { id }, education)).data.project.history;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(nodes(first).map((h: any) => h.action)).toEqual(['projectCreate', 'projectDeclare']);
    const second = (await hub.gql(page, { id, after: first.pageInfo.endCursor }, education)).data.project.history;
    expect(nodes(second).map((h: any) => h.action)).toEqual(['projectReject', 'projectDeclare']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const bad = await hub.gql(page, { id, after: 'not-a-cursor' }, education);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
