import { startTestHub, TestHub } from './support/hub';
import { Caller } from '../src/common/caller';
import { Role } from '../src/common/role.enums';
import { filteredResources } from '../src/modules/catalogue';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, orgId, PUBLISH, resourceInput, SUBMIT, UPDATE } from './support/catalogue';

let hub: TestHub;
let edu: string;
let health: string;
let bureau: string;
let eduProject: Project;
let healthProject: Project;
const ids: Record<string, string> = {};

const LIST = `query ($filter: ResourceFilter, $first: Int, $after: String) {
  resources(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { name code } }
    pageInfo { hasNextPage endCursor }
    facets {
      sharingType { value count }
      openType { value count }
      updateFrequency { value count }
      catalogueKind { value count }
      provider { organization { name } count }
    }
  }
}`;

async function list(filter: Record<string, unknown>, token: string, first = 50) {
  const res = await hub.gql(LIST, { filter, first }, token);
  expect(res.errors).toBeUndefined();
  return res.data.resources;
}

const names = (conn: any) => conn.edges.map((e: any) => e.node.name).sort();
const sorted = (list: string[]) => [...list].sort();

async function add(key: string, project: Project, token: string, overrides: Record<string, unknown>, publish = false) {
  const res = await hub.gql(CREATE, { input: resourceInput(project.id, overrides) }, token);
  expect(res.data.resourceCreate.userErrors).toEqual([]);
  ids[key] = res.data.resourceCreate.resource.id;
  if (publish) {
    expect((await hub.gql(SUBMIT, { id: ids[key] }, token)).data.resourceSubmit.userErrors).toEqual([]);
    expect((await hub.gql(PUBLISH, { id: ids[key] }, bureau)).data.resourcePublish.userErrors).toEqual([]);
  }
}

beforeAll(async () => {
  hub = await startTestHub();
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  eduProject = await insertProject(hub.ds, 'education');
  healthProject = await insertProject(hub.ds, 'health');
  const item = (name: string) => ({ name, dataType: 'C', length: 50 });

  await add(
    'roll',
    eduProject,
    edu,
    {
      catalogueKind: 'BASIC',
      classificationCode: '101001',
      name: '学生学籍基础信息',
      summary: '全区中小学学生学籍',
      dataItems: [item('学籍号'), item('姓名')],
      openType: 'OPEN',
      updateFrequency: 'DAILY',
    },
    true,
  );
  await add(
    'aid',
    eduProject,
    edu,
    {
      name: '学生资助对象信息',
      summary: '家庭经济困难学生',
      dataItems: [item('身份证号'), item('资助金额')],
      sharingType: 'CONDITIONAL',
      sharingCondition: '用于资助审核',
      updateFrequency: 'MONTHLY',
    },
    true,
  );
  await add('teacher', eduProject, edu, {
    catalogueKind: 'THEMATIC',
    classificationCode: '201001',
    name: '教师资格证书信息',
    summary: '教师资格认定结果',
    dataItems: [item('证书编号')],
    sharingType: 'NOT_SHARED',
    legalBasis: '《教师资格条例》',
    updateFrequency: 'YEARLY',
  });
  await add('wild', eduProject, edu, {
    name: '达标率100%统计_年度',
    summary: '',
    dataItems: [],
    sharingType: null,
    openType: null,
    updateFrequency: null,
  });
  await add(
    'clinic',
    healthProject,
    health,
    {
      classificationCode: '301002',
      name: '医疗机构执业许可信息',
      summary: '医疗机构许可',
      dataItems: [item('机构名称'), item('许可证号')],
      updateFrequency: 'REALTIME',
    },
    true,
  );
  await add('vaccine', healthProject, health, {
    classificationCode: '301003',
    name: '疫苗接种记录',
    summary: '儿童疫苗接种',
    dataItems: [item('身份证号'), item('疫苗名称')],
  });
});
afterAll(() => hub.close());

describe('substring search over name, summary and data-item names', () => {
  it('matches Chinese substrings of names, summaries and data items', async () => {
    expect(names(await list({ search: '学生' }, bureau))).toEqual(sorted(['学生资助对象信息', '学生学籍基础信息']));
    expect(names(await list({ search: '资格认定' }, bureau))).toEqual(sorted(['教师资格证书信息']));
    expect(names(await list({ search: '身份证' }, bureau))).toEqual(sorted(['学生资助对象信息', '疫苗接种记录']));
    expect(names(await list({ search: '  许可证号 ' }, bureau))).toEqual(sorted(['医疗机构执业许可信息']));
    expect((await list({ search: '不存在的词' }, bureau)).totalCount).toBe(0);
  });

  it('searches only what the caller may read', async () => {
    expect(names(await list({ search: '身份证' }, edu))).toEqual(sorted(['学生资助对象信息']));
    expect(names(await list({ search: '身份证' }, health))).toEqual(sorted(['学生资助对象信息', '疫苗接种记录']));
    expect(names(await list({ search: '证书' }, health))).toEqual(sorted([]));
  });

  it('takes LIKE wildcards literally', async () => {
    expect(names(await list({ search: '%' }, bureau))).toEqual(sorted(['达标率100%统计_年度']));
    expect(names(await list({ search: '_' }, bureau))).toEqual(sorted(['达标率100%统计_年度']));
    expect(names(await list({ search: '100%统' }, bureau))).toEqual(sorted(['达标率100%统计_年度']));
    expect((await list({ search: '\\' }, bureau)).totalCount).toBe(0);
  });

  it('follows data items when they are replaced', async () => {
    const res = await hub.gql(UPDATE, { input: { id: ids.teacher, dataItems: [{ name: '任教学科', dataType: 'C', length: 20 }] } }, edu);
    expect(res.data.resourceUpdate.userErrors).toEqual([]);
    expect(names(await list({ search: '任教学科' }, bureau))).toEqual(sorted(['教师资格证书信息']));
    expect((await list({ search: '证书编号' }, bureau)).totalCount).toBe(0);
  });

  it('refuses an overlong term and a malformed id in the filter', async () => {
    const long = await hub.gql(LIST, { filter: { search: '词'.repeat(101) } }, bureau);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
    const bad = await hub.gql(LIST, { filter: { projectId: 'not-a-uuid' } }, bureau);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
  });
});

describe('filters, pages and facets', () => {
  it('filters by each field', async () => {
    const eduId = await orgId(hub.ds, 'education');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ status: 'PUBLISHED' }, ['医疗机构执业许可信息', '学生资助对象信息', '学生学籍基础信息']],
      [{ sharingType: 'NOT_SHARED' }, ['教师资格证书信息']],
      [{ openType: 'OPEN' }, ['学生学籍基础信息']],
      [{ updateFrequency: 'REALTIME' }, ['医疗机构执业许可信息']],
      [{ catalogueKind: 'THEMATIC' }, ['教师资格证书信息']],
      [{ format: 'DATABASE', dataGrade: 'IMPORTANT', catalogueKind: 'BASIC' }, ['学生学籍基础信息']],
      [{ providerId: eduId, search: '学生' }, ['学生资助对象信息', '学生学籍基础信息']],
      [{ projectId: healthProject.id }, ['医疗机构执业许可信息', '疫苗接种记录']],
    ];
    for (const [filter, expected] of cases) expect(names(await list(filter, bureau))).toEqual([...expected].sort());
  });

  it('pages by code with cursors, the total counting the whole filtered set', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: any = await hub.gql(LIST, { first: 4, after }, bureau);
      expect(res.data.resources.totalCount).toBe(6);
      seen.push(...res.data.resources.edges.map((e: any) => e.node.code));
      if (!res.data.resources.pageInfo.hasNextPage) break;
      after = res.data.resources.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(seen).toEqual([...seen].sort());
  });

  it('counts each facet over the whole filtered, visible set, summing to totalCount', async () => {
    const filters = [{}, { search: '学生' }, { status: 'PUBLISHED' }, { search: '身份证' }, { sharingType: 'UNCONDITIONAL' }];
    for (const token of [bureau, edu, health]) {
      for (const filter of filters) {
        const conn = await list(filter, token, 1);
        for (const facet of ['sharingType', 'openType', 'updateFrequency', 'catalogueKind', 'provider']) {
          const sum = conn.facets[facet].reduce((s: number, row: { count: number }) => s + row.count, 0);
          expect({ filter, facet, sum }).toEqual({ filter, facet, sum: conn.totalCount });
        }
        // each facet value counts what the list filtered by that value counts
        for (const row of conn.facets.sharingType.filter((r: any) => r.value)) {
          expect((await list({ ...filter, sharingType: row.value }, token, 1)).totalCount).toBe(row.count);
        }
      }
    }
  });

  it('names the values, with null for entries not yet classified, and the providers', async () => {
    const { facets } = await list({}, bureau, 1);
    expect(facets.sharingType).toEqual([
      { value: 'UNCONDITIONAL', count: 3 },
      { value: 'CONDITIONAL', count: 1 },
      { value: 'NOT_SHARED', count: 1 },
      { value: null, count: 1 },
    ]);
    expect(facets.catalogueKind).toEqual([
      { value: 'DEPARTMENTAL', count: 4 },
      { value: 'BASIC', count: 1 },
      { value: 'THEMATIC', count: 1 },
    ]);
    expect(facets.provider).toEqual([
      { organization: { name: '宿城区教育局' }, count: 4 },
      { organization: { name: '宿城区卫生健康委员会' }, count: 2 },
    ]);
    const healthView = await list({}, health, 1);
    expect(healthView.totalCount).toBe(4);
    expect([...healthView.facets.provider].sort((a: any, b: any) => a.organization.name.localeCompare(b.organization.name, 'zh-CN'))).toEqual([
      { organization: { name: '宿城区教育局' }, count: 2 },
      { organization: { name: '宿城区卫生健康委员会' }, count: 2 },
    ]);
  });

  it('computes all facets in one SQL statement', async () => {
    hub.statements.reset();
    await list({ search: '学生' }, bureau, 1);
    const facetStatements = hub.statements.statements.filter((s) => /GROUPING SETS/.test(s));
    expect(facetStatements).toHaveLength(1);
  });
});

/** The plan PostgreSQL chooses for a statement. */
async function explain(sql: string, params: unknown[]): Promise<string> {
  const rows: { 'QUERY PLAN': string }[] = await hub.ds.query(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('the search indexes', () => {
  it('serve searches of 2 and of 3+ characters over a few thousand entries', async () => {
    const providerId = await orgId(hub.ds, 'education');
    await hub.ds.query(
      `INSERT INTO information_resource (code, catalogue_kind, classification_code, name, provider_id, project_id, summary, format, status, search_text)
       SELECT '309' || lpad((g % 997)::text, 3, '0') || '/' || lpad(g::text, 6, '0'), 'DEPARTMENTAL', '309' || lpad((g % 997)::text, 3, '0'),
              '批量资源' || g, $1, $2, '批量生成 ' || md5(g::text), 'DATABASE', 'PUBLISHED',
              '批量资源' || g || E'\\n批量生成 ' || md5(g::text)
         FROM generate_series(1, 2000) g`,
      [providerId, eduProject.id],
    );
    await hub.ds.query(`VACUUM ANALYZE information_resource`); // also moves the GIN pending list into the index

    const callers: [string, Caller][] = [
      ['bureau', { userId: 'bureau', organizationId: null, roles: [Role.BIG_DATA_BUREAU] }],
      ['project unit', { userId: 'unit', organizationId: providerId, roles: [Role.PROJECT_UNIT] }],
    ];
    for (const [who, caller, term] of callers.flatMap(([w, c]) => [[w, c, '资助对象'] as const, [w, c, '资助'] as const])) {
      const qb = filteredResources(hub.ds.manager, caller, { search: term });
      const [countSql, countParams] = qb.clone().select('count(*)').getQueryAndParameters();
      const [pageSql, pageParams] = qb.clone().orderBy('r.code', 'ASC').addOrderBy('r.id', 'ASC').limit(21).getQueryAndParameters();
      for (const [what, sql, params] of [
        ['count', countSql, countParams],
        ['page', pageSql, pageParams],
      ] as const) {
        const plan = await explain(sql, params);
        if (process.env.VERBOSE === '1') console.log(`search plan (${who}, ${what}, "${term}"):\n${plan}`);
        // A two-character term can only be served by the bigram index; a longer one by either.
        expect(plan).toMatch(term.length === 2 ? /information_resource_search_bigrams/ : /information_resource_search_(trgm|bigrams)/);
      }
    }
    expect(names(await list({ search: '资助对象' }, bureau))).toEqual(sorted(['学生资助对象信息']));
    expect((await list({ search: '批量资源1999' }, bureau)).totalCount).toBe(1);
    expect(names(await list({ search: '资助' }, bureau))).toEqual(expect.arrayContaining(['学生资助对象信息']));
  });
});
