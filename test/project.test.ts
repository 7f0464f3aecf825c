import { nodes } from './support/documents';
import { Role } from '../src/common/role.enums';
import { Project } from '../src/modules/project';
import { startTestHub, TestHub } from './support/hub';
import { ACCEPT, codeOf, declarable, forceStatus, GET, M, orgId, rowCounts, run, stored, viewerId } from './support/projects';

let hub: TestHub;
let education: string; // PROJECT_UNIT of 宿城区教育局 (the seeded home of the role)
let health: string; // PROJECT_UNIT of 宿城区卫生健康委员会
let educationId: string;
let healthId: string;
let civilAffairsId: string;

beforeAll(async () => {
  hub = await startTestHub();
  education = await hub.token(Role.PROJECT_UNIT);
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  educationId = await orgId(hub, 'education');
  healthId = await orgId(hub, 'health');
  civilAffairsId = await orgId(hub, 'civil-affairs');
});
afterAll(() => hub.close());

const NOWHERE = '00000000-0000-4000-8000-000000000000';

describe('projectCreate', () => {
  it("creates a draft led by the caller's organisation, with a generated code and a first history entry", async () => {
    const token = education;
    const { project, userErrors } = await run(hub, M.create, declarable({ planYear: 2031, coBuildingUnitIds: [healthId, civilAffairsId] }), token);
    expect(userErrors).toEqual([]);
    expect(project).toMatchObject({
      code: 'SC-2031-0001',
      status: 'DRAFT',
      leadUnit: { id: educationId, name: '宿城区教育局' },
      totalBudget: '1200000.00',
      budgetYears: [
        { year: 2031, amount: '800000.00' },
        { year: 2032, amount: '400000.00' },
      ],
      cloudDeployment: 'DISTRICT_GOV_CLOUD',
      crossDepartment: false,
      declaredAt: null,
      lateDeclaration: false,
      supervisionRequired: true,
      upgradesProject: null,
    });
    // 第十四条: named co-building units are proposals until they accept
    expect(project.coBuildingUnits).toEqual([]);
    expect(project.coBuilding.map((c: any) => [c.organization.id, c.status]).sort()).toEqual(
      [
        [healthId, 'PROPOSED'],
        [civilAffairsId, 'PROPOSED'],
      ].sort(),
    );
    expect(nodes(project.history)).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: 'DRAFT',
        action: 'projectCreate',
        actorUserId: await viewerId(hub, token),
        actorRole: 'PROJECT_UNIT',
        actorOrganization: { id: educationId },
        note: null,
      }),
    ]);
    const second = await run(hub, M.create, declarable({ planYear: 2031 }), token);
    expect(second.project.code).toBe('SC-2031-0002');
  });

  it('takes a given code in upper case, continues the sequence after it, and refuses a duplicate as a userError', async () => {
    const given = await run(hub, M.create, declarable({ planYear: 2032, code: ' sc-2032-0007 ' }), education);
    expect(given.project.code).toBe('SC-2032-0007');
    const next = await run(hub, M.create, declarable({ planYear: 2032 }), education);
    expect(next.project.code).toBe('SC-2032-0008');

    const before = await rowCounts(hub);
    const dup = await run(hub, M.create, declarable({ planYear: 2032, code: 'SC-2032-0008' }), education);
    expect(dup).toEqual({ project: null, userErrors: [expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'code'] })] });
    // Another unit, which may not read the draft, is not told that it exists (第十三条).
    const hidden = await run(hub, M.create, declarable({ planYear: 2032, code: 'SC-2032-0008' }), health);
    expect(hidden).toEqual({
      project: null,
      userErrors: [expect.objectContaining({ code: 'INVALID', field: ['input', 'code'], message: '该项目编号不可用，请另填或留空由系统生成' })],
    });
    expect(await rowCounts(hub)).toEqual(before);
  });

  it('generates distinct codes for concurrent creations in one year', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => run(hub, M.create, declarable({ planYear: 2033 }), education)));
    const codes = results.map((r) => r.project.code).sort();
    expect(codes).toEqual(['SC-2033-0001', 'SC-2033-0002', 'SC-2033-0003', 'SC-2033-0004', 'SC-2033-0005', 'SC-2033-0006']);
  });

  it.each([
    ['an overlong name', { name: '项'.repeat(201) }, 'TOO_LONG', ['input', 'name'], undefined],
    ['a blank name', { name: '   ' }, 'REQUIRED', ['input', 'name'], undefined],
    [
      'a plan year before 2000',
      { planYear: 1999, budgetYears: [], constructionStartYear: undefined, constructionEndYear: undefined },
      'OUT_OF_RANGE',
      ['input', 'planYear'],
      undefined,
    ],
    [
      'a plan year after 2100',
      { planYear: 2101, budgetYears: [], constructionStartYear: undefined, constructionEndYear: undefined },
      'OUT_OF_RANGE',
      ['input', 'planYear'],
      undefined,
    ],
    ['a zero budget', { totalBudget: '0', budgetYears: [] }, 'OUT_OF_RANGE', ['input', 'totalBudget'], undefined],
    ['a negative budget', { totalBudget: '-5.00', budgetYears: [] }, 'OUT_OF_RANGE', ['input', 'totalBudget'], undefined],
    ['a budget below the fen', { totalBudget: '1.005', budgetYears: [] }, 'INVALID', ['input', 'totalBudget'], undefined],
    ['a budget beyond numeric(14,2)', { totalBudget: '1000000000000.00', budgetYears: [] }, 'OUT_OF_RANGE', ['input', 'totalBudget'], undefined],
    ['a budget year before the plan year', { budgetYears: [{ year: 2026, amount: '1.00' }] }, 'OUT_OF_RANGE', ['input', 'budgetYears', '0', 'year'], '第八条'],
    ['a budget year past the plan years', { budgetYears: [{ year: 2032, amount: '1.00' }] }, 'OUT_OF_RANGE', ['input', 'budgetYears', '0', 'year'], '第八条'],
    [
      'a budget year twice',
      {
        budgetYears: [
          { year: 2027, amount: '1.00' },
          { year: 2027, amount: '2.00' },
        ],
      },
      'DUPLICATE',
      ['input', 'budgetYears', '1', 'year'],
      '第八条',
    ],
    ['a zero budget-year amount', { budgetYears: [{ year: 2027, amount: '0.00' }] }, 'OUT_OF_RANGE', ['input', 'budgetYears', '0', 'amount'], undefined],
    ['another cloud without a reason', { cloudDeployment: 'OTHER_ASSESSED_CLOUD' }, 'REQUIRED', ['input', 'cloudReason'], '第十六条'],
    ['no cloud with a blank reason', { cloudDeployment: 'EXEMPT', cloudReason: '  ' }, 'REQUIRED', ['input', 'cloudReason'], '第十六条'],
    ['an upgraded project named by a new project', { upgradesProjectId: NOWHERE }, 'INVALID', ['input', 'upgradesProjectId'], '第二十八条'],
    ['a malformed co-building unit id', { coBuildingUnitIds: ['not-a-uuid'] }, 'INVALID', ['input', 'coBuildingUnitIds'], undefined],
    ['a code with blanks', { code: 'SC 2027 1' }, 'INVALID', ['input', 'code'], undefined],
    ['an overlong code', { code: 'X'.repeat(33) }, 'TOO_LONG', ['input', 'code'], undefined],
    ['an overlong plan section', { plan: { background: '文'.repeat(20001) } }, 'TOO_LONG', ['input', 'plan', 'background'], undefined],
    ['an overlong funding source', { fundingSource: '财'.repeat(201) }, 'TOO_LONG', ['input', 'fundingSource'], undefined],
  ])('refuses %s, naming field and article, and writes nothing', async (_label, overrides, code, field, article) => {
    const before = await rowCounts(hub);
    const { project, userErrors } = await run(hub, M.create, declarable(overrides), education);
    expect(project).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ code, field, article: article ?? null })]);
    expect(await rowCounts(hub)).toEqual(before);
  });

  it('refuses unknown, repeated or lead co-building units and an unknown upgraded project, each with its field', async () => {
    const before = await rowCounts(hub);
    const res = await run(hub, M.create, declarable({ coBuildingUnitIds: [NOWHERE, educationId, healthId, healthId] }), education);
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'coBuildingUnitIds', '0'] }),
      expect.objectContaining({ code: 'INVALID', field: ['input', 'coBuildingUnitIds', '1'], article: '第十四条' }),
      expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'coBuildingUnitIds', '3'] }),
    ]);
    const up = await run(hub, M.create, declarable({ category: 'UPGRADE', upgradesProjectId: NOWHERE }), education);
    expect(up.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'upgradesProjectId'], article: '第二十八条' })]);
    expect(await rowCounts(hub)).toEqual(before);
  });

  it('does not let an upgrade name a draft the caller cannot read', async () => {
    const theirs = await run(hub, M.create, declarable({ name: '卫健委草稿项目' }), health);
    const res = await run(hub, M.create, declarable({ category: 'UPGRADE', upgradesProjectId: theirs.project.id }), education);
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'upgradesProjectId'] })]);
    const own = await run(hub, M.create, declarable({ name: '教育局原系统' }), education);
    await forceStatus(hub, own.project.id, 'IN_OPERATION'); // 第二十八条: only a system that went live is upgraded
    const ok = await run(hub, M.create, declarable({ category: 'UPGRADE', upgradesProjectId: own.project.id }), education);
    expect(ok.project.upgradesProject).toEqual({ id: own.project.id, code: own.project.code });
  });

  it('keeps no cloud reason for the district cloud, and keeps the reason of an exemption', async () => {
    const onCloud = await run(hub, M.create, declarable({ cloudReason: '无需说明' }), education);
    expect(onCloud.project.cloudReason).toBeNull();
    const exempt = await run(hub, M.create, declarable({ cloudDeployment: 'EXEMPT', cloudReason: ' 涉密网络，依保密要求不上云 ' }), education);
    expect(exempt.project).toMatchObject({ cloudDeployment: 'EXEMPT', cloudReason: '涉密网络，依保密要求不上云' });
  });

  it.each([
    ['an unknown category', { category: 'SOFTWARE' }],
    ['a malformed Decimal', { totalBudget: '12,000.00' }],
    ['a Decimal that is not a number', { totalBudget: 'abc' }],
    ['a float-typed budget year', { budgetYears: [{ year: 2027.5, amount: '1.00' }] }],
  ])('refuses %s before anything runs (400 BAD_USER_INPUT), and writes nothing', async (_label, overrides) => {
    const before = await rowCounts(hub);
    const res = await hub.gql(M.create, { input: declarable(overrides) }, education);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts(hub)).toEqual(before);
  });

  it.each([
    ['the leading-group office', Role.LEADING_GROUP_OFFICE],
    ['the big-data bureau', Role.BIG_DATA_BUREAU],
    ['an auditor', Role.AUDITOR],
  ])('is refused to %s (FORBIDDEN), and to an anonymous caller', async (_label, role) => {
    const before = await rowCounts(hub);
    const res = await hub.gql(M.create, { input: declarable() }, await hub.token(role));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    const anonymous = await hub.gql(M.create, { input: declarable() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await rowCounts(hub)).toEqual(before);
  });
});

describe('projectUpdate', () => {
  it('changes a draft: omitted fields stay, null clears, lists are replaced, and the history says what changed', async () => {
    const { project } = await run(hub, M.create, declarable({ coBuildingUnitIds: [healthId] }), education);
    expect((await run(hub, ACCEPT, { projectId: project.id }, health)).userErrors).toEqual([]); // 第十四条
    const res = await run(
      hub,
      M.update,
      {
        projectId: project.id,
        changes: {
          name: ' 智慧教育平台（二期） ',
          totalBudget: '1500000',
          budgetYears: [{ year: 2027, amount: '1500000.00' }],
          plan: { goals: '新目标', scenarios: null },
          fundingSource: null,
          coBuildingUnitIds: [civilAffairsId],
        },
      },
      health, // a co-building unit may change the project too
    );
    expect(res.userErrors).toEqual([]);
    expect(res.project).toMatchObject({
      name: '智慧教育平台（二期）',
      totalBudget: '1500000.00',
      budgetYears: [{ year: 2027, amount: '1500000.00' }],
      fundingSource: null,
      coBuildingUnits: [], // 第十四条: the civil-affairs bureau is proposed, not yet a co-building unit
      coBuilding: [{ status: 'PROPOSED', organization: { id: civilAffairsId }, respondedAt: null }],
      plan: { ...declarable().plan, goals: '新目标', scenarios: null },
      status: 'DRAFT',
      category: 'NEW',
    });
    const last = nodes(res.project.history)[2];
    expect(last).toMatchObject({ action: 'projectUpdate', fromStatus: 'DRAFT', toStatus: 'DRAFT', actorOrganization: { id: healthId } });
    expect(last.note).toContain('总预算：1200000.00 → 1500000.00');
    expect(last.note).toContain('建设方案（建设目标、创新应用场景）');
    expect(last.note).toContain('共建单位');
  });

  it("refuses another organisation's project unit, an unknown project and a malformed id, writing nothing", async () => {
    const { project } = await run(hub, M.create, declarable(), education);
    const before = await stored(hub, project.id);
    const counts = await rowCounts(hub);
    const other = await run(hub, M.update, { projectId: project.id, changes: { name: '改名' } }, health);
    // A draft another unit may not read is not found to it (第十条、第十三条).
    expect(other.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'projectId'], message: '项目不存在' })]);
    const missing = await run(hub, M.update, { projectId: NOWHERE, changes: { name: '改名' } }, education);
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'projectId'] })]);
    const malformed = await run(hub, M.update, { projectId: 'x', changes: { name: '改名' } }, education);
    expect(malformed.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'projectId'] })]);
    expect(await stored(hub, project.id)).toEqual(before);
    expect(await rowCounts(hub)).toEqual(counts);
  });

  it('refuses values that break the rules, with paths under changes', async () => {
    const { project } = await run(hub, M.create, declarable(), education);
    const before = await stored(hub, project.id);
    const cases: [Record<string, unknown>, string, string[], string | null][] = [
      [{ planYear: 2030 }, 'OUT_OF_RANGE', ['input', 'changes', 'constructionStartYear'], '第八条'], // 2030 is outside the period 2027-2028
      [{ planYear: 2030, constructionStartYear: 2030, constructionEndYear: 2031 }, 'OUT_OF_RANGE', ['input', 'changes', 'planYear'], '第八条'], // 2027/2028 budgets fall outside
      [{ constructionEndYear: 2026 }, 'OUT_OF_RANGE', ['input', 'changes', 'constructionEndYear'], '第八条'],
      [{ name: '项'.repeat(201) }, 'TOO_LONG', ['input', 'changes', 'name'], null],
      [{ totalBudget: '0.001' }, 'INVALID', ['input', 'changes', 'totalBudget'], null],
      [{ cloudDeployment: 'OTHER_ASSESSED_CLOUD' }, 'REQUIRED', ['input', 'changes', 'cloudReason'], '第十六条'],
      [{ coBuildingUnitIds: [educationId] }, 'INVALID', ['input', 'changes', 'coBuildingUnitIds', '0'], '第十四条'],
      [{ upgradesProjectId: project.id, category: 'UPGRADE' }, 'INVALID', ['input', 'changes', 'upgradesProjectId'], '第二十八条'],
      [{ plan: { content: '容'.repeat(20001) } }, 'TOO_LONG', ['input', 'changes', 'plan', 'content'], null],
    ];
    for (const [changes, code, field, article] of cases) {
      const res = await run(hub, M.update, { projectId: project.id, changes }, education);
      expect(res).toEqual({ project: null, userErrors: [expect.objectContaining({ code, field, article })] });
    }
    expect(await stored(hub, project.id)).toEqual(before);
  });

  it('refuses two projects upgrading each other: the one upgraded has gone live, the upgrade has not (第二十八条)', async () => {
    const a = await run(hub, M.create, declarable({ name: '原系统A' }), education);
    await forceStatus(hub, a.project.id, 'IN_OPERATION');
    const b = await run(hub, M.create, declarable({ name: '升级系统B', category: 'UPGRADE', upgradesProjectId: a.project.id }), education);
    await forceStatus(hub, a.project.id, 'DRAFT'); // as if A were still a draft: the cycle check still holds
    await forceStatus(hub, b.project.id, 'IN_OPERATION');
    const cycle = await run(hub, M.update, { projectId: a.project.id, changes: { category: 'UPGRADE', upgradesProjectId: b.project.id } }, education);
    expect(cycle.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'changes', 'upgradesProjectId'], article: '第二十八条' })]);
    await forceStatus(hub, b.project.id, 'DRAFT');
    // a project that stops being an upgrade stops naming the project it upgraded
    const renamed = await run(hub, M.update, { projectId: b.project.id, changes: { category: 'NEW' } }, education);
    expect(renamed.project).toMatchObject({ category: 'NEW', upgradesProject: null });
  });
});

describe('reading projects', () => {
  let ids: Record<string, string>;
  const Q = `query ($filter: ProjectFilter, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id code name status } } pageInfo { hasNextPage endCursor } } }`;

  beforeAll(async () => {
    // Projects of plan year 2040, so that they are the only ones the filters below match.
    const make = async (token: string, name: string, extra: Record<string, unknown> = {}) =>
      (await run(hub, M.create, declarable({ name, planYear: 2040, budgetYears: [], ...extra }), token)).project.id as string;
    ids = {
      eduDraft: await make(education, '教育局草稿'),
      healthWithEdu: await make(health, '卫健委牵头教育局共建', { coBuildingUnitIds: [educationId], category: 'HARDWARE', totalBudget: '500000.00' }),
      healthAsksEdu: await make(health, '卫健委提议教育局共建', { coBuildingUnitIds: [educationId] }),
      healthDraft: await make(health, '卫健委草稿'),
      healthDeclared: await make(health, '卫健委已申报'),
      healthRejected: await make(health, '卫健委未通过'),
      healthApproved: await make(health, '卫健委已列入计划'),
      healthBuilding: await make(health, '卫健委建设中_100%'),
    };
    expect((await run(hub, ACCEPT, { projectId: ids.healthWithEdu }, education)).userErrors).toEqual([]); // 第十四条: only then it builds it
    await forceStatus(hub, ids.healthDeclared, 'DECLARED');
    await forceStatus(hub, ids.healthRejected, 'REJECTED');
    await forceStatus(hub, ids.healthApproved, 'APPROVED');
    await forceStatus(hub, ids.healthBuilding, 'UNDER_CONSTRUCTION');
  });

  const names = async (token: string, filter: Record<string, unknown> = { planYear: 2040 }) => {
    const res = await hub.gql(Q, { filter, first: 100 }, token);
    expect(res.errors).toBeUndefined();
    const conn = res.data.projects;
    expect(conn.totalCount).toBe(conn.edges.length); // the count and the list apply the same rule
    return conn.edges.map((e: any) => e.node.name).sort();
  };

  it('a project unit reads its own projects (lead or co-building) in any status, others only from approval on', async () => {
    expect(await names(education)).toEqual(['卫健委建设中_100%', '卫健委已列入计划', '卫健委牵头教育局共建', '教育局草稿'].sort());
    const single = async (id: string) => (await hub.gql(GET, { id }, education)).data.project;
    expect(await single(ids.healthDraft)).toBeNull();
    expect(await single(ids.healthAsksEdu)).toBeNull(); // proposed, not accepted
    expect(await single(ids.healthDeclared)).toBeNull();
    expect(await single(ids.healthRejected)).toBeNull();
    expect((await single(ids.healthWithEdu)).name).toBe('卫健委牵头教育局共建');
    expect((await single(ids.healthApproved)).status).toBe('APPROVED');
  });

  it.each([Role.LEADING_GROUP_OFFICE, Role.BIG_DATA_BUREAU, Role.EXPERT, Role.AUDITOR, Role.ADMIN])('%s reads every project', async (role) => {
    expect(await names(await hub.token(role))).toHaveLength(8);
  });

  it('the exchange platform account reads only projects from approval on', async () => {
    expect(await names(await hub.token(Role.PLATFORM))).toEqual(['卫健委已列入计划', '卫健委建设中_100%'].sort());
  });

  it('filters by status, category, organisation (lead or co-building) and Chinese name substring, LIKE wildcards taken literally', async () => {
    const office = await hub.token(Role.LEADING_GROUP_OFFICE);
    expect(await names(office, { planYear: 2040, status: 'REJECTED' })).toEqual(['卫健委未通过']);
    expect(await names(office, { planYear: 2040, category: 'HARDWARE' })).toEqual(['卫健委牵头教育局共建']);
    expect(await names(office, { planYear: 2040, organizationId: educationId })).toEqual(['卫健委牵头教育局共建', '教育局草稿'].sort());
    expect(await names(office, { planYear: 2040, nameContains: '草稿' })).toEqual(['卫健委草稿', '教育局草稿'].sort());
    expect(await names(office, { planYear: 2040, nameContains: '_100%' })).toEqual(['卫健委建设中_100%']);
    expect(await names(office, { planYear: 2040, nameContains: '%' })).toEqual(['卫健委建设中_100%']);
    expect(await names(education, { planYear: 2040, organizationId: healthId })).toEqual(
      ['卫健委建设中_100%', '卫健委已列入计划', '卫健委牵头教育局共建'].sort(),
    );
  });

  it('pages in code order with cursors, and refuses a malformed organisation id or a forged cursor', async () => {
    const office = await hub.token(Role.AUDITOR);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: any = await hub.gql(Q, { filter: { planYear: 2040 }, first: 3, after }, office);
      expect(res.data.projects.totalCount).toBe(8);
      seen.push(...res.data.projects.edges.map((e: any) => e.node.code));
      if (!res.data.projects.pageInfo.hasNextPage) break;
      after = res.data.projects.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(8);
    expect(seen).toEqual([...seen].sort());
    const bad = await hub.gql(Q, { filter: { organizationId: 'nope' } }, office);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
    const forged = await hub.gql(Q, { after: 'forged' }, office);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('finds one by id or by code (any case), asks for exactly one, and refuses a malformed id', async () => {
    const office = await hub.token(Role.LEADING_GROUP_OFFICE);
    const byId = await hub.gql(GET, { id: ids.eduDraft }, office);
    const byCode = await hub.gql(GET, { code: byId.data.project.code.toLowerCase() }, office);
    expect(byCode.data.project.id).toBe(ids.eduDraft);
    expect((await hub.gql(GET, {}, office)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect((await hub.gql(GET, { id: ids.eduDraft, code: 'X' }, office)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await hub.gql(GET, { id: 'not-a-uuid' }, office)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect((await hub.gql(GET, { code: 'SC-1999-0001' }, office)).data.project).toBeNull();
  });

  it('hides an upgraded project the reader may not read', async () => {
    const base = (await run(hub, M.create, declarable({ name: '卫健委旧系统', planYear: 2041, budgetYears: [] }), health)).project.id;
    await forceStatus(hub, base, 'FILED');
    const upgrade = (
      await run(hub, M.create, declarable({ name: '卫健委升级', planYear: 2041, budgetYears: [], category: 'UPGRADE', upgradesProjectId: base }), health)
    ).project.id;
    await forceStatus(hub, upgrade, 'APPROVED');
    await forceStatus(hub, base, 'DRAFT'); // as if the system upgraded were still a draft: education may not read it
    const seenByEducation = await hub.gql(GET, { id: upgrade }, education);
    expect(seenByEducation.data.project).toMatchObject({ name: '卫健委升级', upgradesProject: null });
    const seenByHealth = await hub.gql(GET, { id: upgrade }, health);
    expect(seenByHealth.data.project.upgradesProject.id).toBe(base);
  });
});

describe('derived fields', () => {
  it.each([
    ['999999.99', false],
    ['1000000.00', true],
    ['1000000', true],
    ['1000000.01', true],
  ])('supervisionRequired for a budget of %s is %s (第十八条)', async (totalBudget, expected) => {
    const { project } = await run(hub, M.create, declarable({ totalBudget, budgetYears: [] }), education);
    expect(project.supervisionRequired).toBe(expected);
  });

  it.each([
    ['2026-09-30T23:59:59+08:00', false],
    ['2026-09-30T15:59:59.999Z', false],
    ['2026-10-01T00:00:00+08:00', true],
    ['2026-09-30T16:00:00Z', true],
    ['2025-12-01T10:00:00+08:00', false],
    ['2027-03-01T10:00:00+08:00', true],
  ])('lateDeclaration for plan year 2027 declared at %s is %s (第七条)', async (at, expected) => {
    const { project } = await run(hub, M.create, declarable(), education);
    expect(project.lateDeclaration).toBe(false); // not declared
    await forceStatus(hub, project.id, 'DECLARED', { declaredAt: new Date(at) });
    const res = await hub.gql(GET, { id: project.id }, education);
    expect(res.data.project.lateDeclaration).toBe(expected);
  });
});

describe('nested reads go through per-request DataLoaders', () => {
  const NESTED = `query ($first: Int) { projects(first: $first, filter: { planYear: 2050 }) { totalCount edges { node {
    code leadUnit { name } coBuildingUnits { name } budgetYears { amount } upgradesProject { code } history(first: 100) { edges { node { actorOrganization { name } } } } } } } }`;

  it('send the same number of statements for 3 projects as for 30', async () => {
    const token = await hub.token(Role.AUDITOR);
    const count = async (first: number) => {
      hub.statements.reset();
      const res = await hub.gql(NESTED, { first }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.projects.edges).toHaveLength(first);
      return hub.statements.count;
    };
    const make = (i: number, extra: Record<string, unknown> = {}) =>
      run(
        hub,
        M.create,
        declarable({ name: `批量项目${i}`, planYear: 2050, budgetYears: [{ year: 2050, amount: '1.00' }], coBuildingUnitIds: [healthId], ...extra }),
        education,
      );
    const base = (await make(0)).project.id;
    await forceStatus(hub, base, 'IN_OPERATION');
    for (let i = 1; i < 30; i++) await make(i, { category: 'UPGRADE', upgradesProjectId: base });
    const small = await count(3);
    const large = await count(30);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(9);
    expect(await hub.ds.getRepository(Project).count({ where: { planYear: 2050 } })).toBe(30);
  });
});
