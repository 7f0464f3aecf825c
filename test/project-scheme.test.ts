/**
 * 第八条 (投资概算及资金来源、建设工期、分年度预算) and 第二十八条 (an upgrade of a system that went live),
 * over HTTP: refused with code, field, Chinese message and article, nothing written; and allowed.
 */
import { Role } from '../src/common/role.enums';
import { startTestHub, TestHub } from './support/hub';
import { declarable, forceStatus, M, orgId, reviewPlan, rowCounts, run, shareable, stored } from './support/projects';

let hub: TestHub;
let education: string;
let office: string;
let educationId: string;

beforeAll(async () => {
  hub = await startTestHub();
  education = await hub.token(Role.PROJECT_UNIT);
  office = await hub.token(Role.LEADING_GROUP_OFFICE);
  educationId = await orgId(hub, 'education');
});
afterAll(() => hub.close());

async function draft(overrides: Record<string, unknown> = {}): Promise<string> {
  const { project, userErrors } = await run(hub, M.create, declarable(overrides), education);
  expect(userErrors).toEqual([]);
  return project.id;
}

async function refusedDeclaration(id: string, errors: Record<string, unknown>[]) {
  const before = [await rowCounts(hub), await stored(hub, id)];
  const res = await run(hub, M.declare, { projectId: id }, education);
  expect(res).toEqual({ project: null, userErrors: errors });
  expect([await rowCounts(hub), await stored(hub, id)]).toEqual(before);
}

describe('投资概算及资金来源 (第八条)', () => {
  it('refuses to declare without a funding source, and declares with one', async () => {
    const id = await draft({ fundingSource: '  ' });
    await refusedDeclaration(id, [
      { code: 'REQUIRED', field: ['fundingSource'], message: '建设方案缺少「投资概算及资金来源」中的资金来源', article: '第八条' },
    ]);
    await run(hub, M.update, { projectId: id, changes: { fundingSource: '区级财政预算资金' } }, education);
    expect((await run(hub, M.declare, { projectId: id }, education)).project.status).toBe('DECLARED');
  });
});

describe('建设工期 and 分年度预算 (第八条)', () => {
  it('refuses to declare without a construction period', async () => {
    const id = await draft({ constructionStartYear: undefined, constructionEndYear: undefined, budgetYears: [] });
    await refusedDeclaration(id, [
      { code: 'REQUIRED', field: ['constructionStartYear'], message: '建设方案缺少「建设工期」的起始年度', article: '第八条' },
      { code: 'REQUIRED', field: ['constructionEndYear'], message: '建设方案缺少「建设工期」的结束年度', article: '第八条' },
    ]);
  });

  it('refuses a 2028–2029 project without per-year budgets, and one whose per-year budgets do not add up', async () => {
    const none = await draft({ planYear: 2028, budgetYears: [] });
    await refusedDeclaration(none, [
      { code: 'REQUIRED', field: ['budgetYears'], message: '分年度实施的项目（建设工期 2028–2029 年）须明确分年度预算', article: '第八条' },
    ]);
    await run(
      hub,
      M.update,
      {
        projectId: none,
        changes: {
          budgetYears: [
            { year: 2028, amount: '1000000.00' },
            { year: 2029, amount: '100000.00' },
          ],
        },
      },
      education,
    );
    await refusedDeclaration(none, [
      { code: 'RULE_VIOLATION', field: ['budgetYears'], message: '分年度预算合计 1100000.00 元与总预算 1200000.00 元不一致', article: '第八条' },
    ]);
    await run(
      hub,
      M.update,
      {
        projectId: none,
        changes: {
          budgetYears: [
            { year: 2028, amount: '1000000.00' },
            { year: 2029, amount: '200000.00' },
          ],
        },
      },
      education,
    );
    expect((await run(hub, M.declare, { projectId: none }, education)).project).toMatchObject({
      status: 'DECLARED',
      constructionStartYear: 2028,
      constructionEndYear: 2029,
    });
  });

  it('declares a one-year project without per-year budgets', async () => {
    const id = await draft({ planYear: 2028, constructionEndYear: 2028, budgetYears: [] });
    expect((await run(hub, M.declare, { projectId: id }, education)).project.status).toBe('DECLARED');
  });

  it('refuses a period out of order, too long, without the plan year, or budget years outside it; nothing written', async () => {
    const cases: [Record<string, unknown>, string[], string][] = [
      [
        { constructionStartYear: 2027, constructionEndYear: 2026, budgetYears: [] },
        ['input', 'constructionEndYear'],
        '建设工期结束年度 2026 早于起始年度 2027',
      ],
      [{ constructionStartYear: 2027, constructionEndYear: 2032, budgetYears: [] }, ['input', 'constructionEndYear'], '建设工期 2027–2032 年超过5年'],
      [
        { constructionStartYear: 2028, constructionEndYear: 2029, budgetYears: [] },
        ['input', 'constructionStartYear'],
        '计划年度 2027 不在建设工期 2028–2029 年之内',
      ],
      [
        { constructionEndYear: 2027, budgetYears: [{ year: 2028, amount: '1200000.00' }] },
        ['input', 'budgetYears', '0', 'year'],
        '预算年度 2028 不在建设工期 2027–2027 之内',
      ],
    ];
    for (const [overrides, field, message] of cases) {
      const before = await rowCounts(hub);
      const res = await run(hub, M.create, declarable(overrides), education);
      expect(res).toEqual({ project: null, userErrors: [{ code: 'OUT_OF_RANGE', field, message, article: '第八条' }] });
      expect(await rowCounts(hub)).toEqual(before);
    }
  });
});

describe('升级 (第二十八条)', () => {
  it('refuses an upgrade of a project that has not gone live, at creation and at declaration', async () => {
    const base = await draft({ name: '学籍管理平台一期' });
    const before = await rowCounts(hub);
    const res = await run(hub, M.create, declarable({ name: '学籍管理平台升级', category: 'UPGRADE', upgradesProjectId: base }), education);
    expect(res).toEqual({
      project: null,
      userErrors: [
        {
          code: 'RULE_VIOLATION',
          field: ['input', 'upgradesProjectId'],
          message: '被升级的项目当前为「草稿」，尚未建成投入使用（须为「已备案」或「运维中」）',
          article: '第二十八条',
        },
      ],
    });
    expect(await rowCounts(hub)).toEqual(before);
    // linked while live, then (e.g. under rectification) no longer: declaring says so
    await forceStatus(hub, base, 'IN_OPERATION');
    const upgrade = await draft({ name: '学籍管理平台升级', category: 'UPGRADE', upgradesProjectId: base });
    await forceStatus(hub, base, 'RECTIFYING');
    await refusedDeclaration(upgrade, [
      {
        code: 'RULE_VIOLATION',
        field: ['upgradesProjectId'],
        message: '被升级的项目当前为「限期整改」，尚未建成投入使用（须为「已备案」或「运维中」）',
        article: '第二十八条',
      },
    ]);
  });

  it('declares and approves an upgrade of a filed or operating system', async () => {
    for (const status of ['FILED', 'IN_OPERATION']) {
      const base = await draft({ name: `原系统${status}` });
      await forceStatus(hub, base, status);
      const upgrade = await draft({ name: `升级${status}`, category: 'UPGRADE', upgradesProjectId: base });
      expect((await run(hub, M.declare, { projectId: upgrade }, education)).project.upgradesProject).toEqual({ id: base, code: expect.any(String) });
      await shareable(hub, upgrade, educationId);
      await reviewPlan(hub, upgrade); // 第十条
      expect((await run(hub, M.approve, { projectId: upgrade }, office)).project.status).toBe('APPROVED');
    }
  });
});
