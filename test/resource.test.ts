import { Role } from '../src/common/role.enums';
import { DataItem, InformationResource } from '../src/modules/catalogue';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, orgId, resourceInput, SUBMIT, UPDATE } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
let project: Project;
let other: Project;
let edu: string; // lead unit of `project`
let aid: string; // co-building unit of `project`
let health: string; // lead unit of `other`, a stranger to `project`
let bureau: string;

const counts = async () => ({
  resources: await hub.ds.getRepository(InformationResource).count(),
  items: await hub.ds.getRepository(DataItem).count(),
});

async function create(input: Record<string, unknown>, token = edu) {
  const res = await hub.gql(CREATE, { input }, token);
  expect(res.errors).toBeUndefined();
  return res.data.resourceCreate;
}

beforeAll(async () => {
  hub = await startTestHub();
  project = await insertProject(hub.ds, 'education', ['student-aid-center']);
  other = await insertProject(hub.ds, 'health');
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  aid = await hub.token(Role.PROJECT_UNIT, codeOf('student-aid-center'));
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
});
afterAll(() => hub.close());

describe('resourceCreate', () => {
  it('registers an entry with every metadata field, a generated code and numbered data items', async () => {
    const out = await create(
      resourceInput(project.id, {
        catalogueKind: 'BASIC',
        classificationCode: '101002003',
        name: '  学生学籍基础信息 ',
        sharingType: 'CONDITIONAL',
        sharingCondition: '仅用于学生资助审核',
        openType: 'CONDITIONAL_OPEN',
        openCondition: '脱敏后向社会开放统计数据',
        publishedOn: '2027-03-01',
      }),
    );
    expect(out.userErrors).toEqual([]);
    expect(out.resource).toMatchObject({
      code: '101002003/000001',
      catalogueKind: 'BASIC',
      classificationCode: '101002003',
      name: '学生学籍基础信息',
      summary: '家庭经济困难学生资助对象的基本信息',
      format: 'DATABASE',
      subFormat: 'PostgreSQL',
      sharingType: 'CONDITIONAL',
      sharingCondition: '仅用于学生资助审核',
      legalBasis: null,
      sharingMethod: 'PLATFORM_INTERFACE',
      openType: 'CONDITIONAL_OPEN',
      openCondition: '脱敏后向社会开放统计数据',
      updateFrequency: 'DAILY',
      dataGrade: 'IMPORTANT',
      publishedOn: '2027-03-01',
      relatedResourceCodes: [],
      status: 'DRAFT',
      returnReason: null,
      version: 1,
      provider: { name: '宿城区教育局' },
      project: { code: project.code },
      dataItems: [
        { position: 1, name: '姓名', dataType: 'C', length: 50 },
        { position: 2, name: '身份证号', dataType: 'C', length: 18 },
        { position: 3, name: '资助金额', dataType: 'Y', length: 12 },
      ],
    });
    const second = await create(resourceInput(project.id, { catalogueKind: 'BASIC', classificationCode: '101002003', name: '学生学籍变动信息' }));
    expect(second.resource.code).toBe('101002003/000002');
  });

  it('takes a given code when it fits the classification code, and continues the sequence after it', async () => {
    const given = await create(resourceInput(project.id, { code: '301001/000041', name: '资助发放记录' }));
    expect(given).toMatchObject({ userErrors: [], resource: { code: '301001/000041' } });
    const next = await create(resourceInput(project.id, { name: '资助申请记录', dataItems: [] }));
    expect(next.resource).toMatchObject({ code: '301001/000042', dataItems: [] });
  });

  it('gives concurrent registrations under one classification code distinct, consecutive codes', async () => {
    const outs = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => create(resourceInput(project.id, { classificationCode: '301077', name: `并发登记${i}` }), i % 2 ? edu : aid)),
    );
    expect(outs.map((o) => o.userErrors)).toEqual([[], [], [], [], []]);
    expect(outs.map((o) => o.resource.code).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `301077/00000${n}`));
  });

  it('lets a co-building unit register, with itself or the lead unit as provider', async () => {
    const own = await create(resourceInput(project.id, { name: '资助中心台账' }), aid);
    expect(own).toMatchObject({ userErrors: [], resource: { provider: { name: '宿城区学生资助管理中心' } } });
    const lead = await create(resourceInput(project.id, { name: '教育局台账', providerId: await orgId(hub.ds, 'education') }), aid);
    expect(lead).toMatchObject({ userErrors: [], resource: { provider: { name: '宿城区教育局' } } });
  });

  const refusals: [string, Record<string, unknown>, { code: string; field: string[]; article?: string | null }][] = [
    [
      'a classification code of the wrong shape',
      { classificationCode: '30100' },
      { code: 'INVALID', field: ['input', 'classificationCode'], article: '第八条' },
    ],
    ['a 类 digit outside 1-3', { classificationCode: '401001' }, { code: 'INVALID', field: ['input', 'classificationCode'], article: '第八条' }],
    [
      'a 类 digit that does not match the catalogue kind',
      { catalogueKind: 'THEMATIC' },
      { code: 'INVALID', field: ['input', 'classificationCode'], article: '第八条' },
    ],
    ['a code without a 6-digit sequence', { code: '301001/41' }, { code: 'INVALID', field: ['input', 'code'], article: '第八条' }],
    ['a code under another classification code', { code: '302001/000001' }, { code: 'INVALID', field: ['input', 'code'], article: '第八条' }],
    ['CONDITIONAL without a sharing condition', { sharingType: 'CONDITIONAL' }, { code: 'REQUIRED', field: ['input', 'sharingCondition'], article: '第九条' }],
    ['NOT_SHARED without a legal basis', { sharingType: 'NOT_SHARED' }, { code: 'REQUIRED', field: ['input', 'legalBasis'], article: '第九条' }],
    [
      'NOT_SHARED but open',
      { sharingType: 'NOT_SHARED', legalBasis: '《中华人民共和国个人信息保护法》', openType: 'OPEN' },
      { code: 'RULE_VIOLATION', field: ['input', 'openType'], article: '第九条' },
    ],
    ['open before it is shared', { sharingType: null, openType: 'OPEN' }, { code: 'RULE_VIOLATION', field: ['input', 'openType'], article: '第九条' }],
    [
      'CONDITIONAL_OPEN without an open condition',
      { openType: 'CONDITIONAL_OPEN' },
      { code: 'REQUIRED', field: ['input', 'openCondition'], article: '第九条' },
    ],
    ['an overlong name', { name: '信'.repeat(201) }, { code: 'TOO_LONG', field: ['input', 'name'] }],
    ['a blank name', { name: '   ' }, { code: 'REQUIRED', field: ['input', 'name'] }],
    ['an overlong summary', { summary: '摘'.repeat(4001) }, { code: 'TOO_LONG', field: ['input', 'summary'] }],
    [
      'an overlong sharing condition',
      { sharingType: 'CONDITIONAL', sharingCondition: '条'.repeat(2001) },
      { code: 'TOO_LONG', field: ['input', 'sharingCondition'] },
    ],
    [
      'an overlong data-item name',
      { dataItems: [{ name: '项'.repeat(101), dataType: 'C', length: 10 }] },
      { code: 'TOO_LONG', field: ['input', 'dataItems', '0', 'name'] },
    ],
    [
      'a data-item length of 0',
      {
        dataItems: [
          { name: '姓名', dataType: 'C', length: 10 },
          { name: '年龄', dataType: 'N', length: 0 },
        ],
      },
      { code: 'OUT_OF_RANGE', field: ['input', 'dataItems', '1', 'length'] },
    ],
    [
      'a data-item length over 100000',
      { dataItems: [{ name: '附件', dataType: 'B', length: 100001 }] },
      { code: 'OUT_OF_RANGE', field: ['input', 'dataItems', '0', 'length'] },
    ],
  ];

  it.each(refusals)('refuses %s, naming the field and article, and writes nothing', async (_what, overrides, expected) => {
    const before = await counts();
    const out = await create(resourceInput(project.id, overrides));
    expect(out.resource).toBeNull();
    expect(out.userErrors).toEqual([expect.objectContaining({ ...expected, article: expected.article ?? null, message: expect.any(String) })]);
    expect(out.userErrors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a provider that is not a building unit of the project (第八条), or does not exist', async () => {
    const before = await counts();
    const stranger = await create(resourceInput(project.id, { providerId: await orgId(hub.ds, 'health') }));
    expect(stranger.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'providerId'], article: '第八条' })]);
    const missing = await create(resourceInput(project.id, { providerId: '00000000-0000-4000-8000-000000000000' }));
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'providerId'] })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses related resource codes that do not exist, naming the index', async () => {
    const before = await counts();
    const out = await create(resourceInput(project.id, { relatedResourceCodes: ['101002003/000001', '301001/000041', '301009/000001'] }));
    expect(out.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'relatedResourceCodes', '2'], message: expect.stringContaining('301009/000001') }),
    ]);
    expect(await counts()).toEqual(before);
    const ok = await create(resourceInput(project.id, { name: '关联测试', relatedResourceCodes: ['101002003/000001', '301001/000041'] }));
    expect(ok.userErrors).toEqual([]);
    const read = await hub.gql(`query ($id: ID) { resource(id: $id) { relatedResources { code } } }`, { id: ok.resource.id }, edu);
    expect(read.data.resource.relatedResources).toEqual([{ code: '101002003/000001' }, { code: '301001/000041' }]);
  });

  it('refuses a code in use as DUPLICATE', async () => {
    const before = await counts();
    const out = await create(resourceInput(project.id, { code: '301001/000041' }));
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'code'] })]);
    expect(await counts()).toEqual(before);
  });

  it('reports every broken rule of one input together', async () => {
    const out = await create(resourceInput(project.id, { sharingType: 'NOT_SHARED', openType: 'OPEN', classificationCode: '101001' }));
    expect(out.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(
      ['input.classificationCode', 'input.legalBasis', 'input.openType'].sort(),
    );
  });

  it("is for the project's building units only (第十三条)", async () => {
    const before = await counts();
    const stranger = await create(resourceInput(project.id), health);
    expect(stranger.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'projectId'], article: '第十三条' })]);
    const missing = await create(resourceInput('00000000-0000-4000-8000-000000000000'));
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'projectId'] })]);
    const res = await hub.gql(CREATE, { input: resourceInput(project.id) }, bureau);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('reading drafts', () => {
  it('shows a draft to its building units and the oversight roles only, in lists and totals alike', async () => {
    const out = await create(resourceInput(other.id, { name: '卫生健康草稿', classificationCode: '301777' }), health);
    const id = out.resource.id;
    const one = `query ($id: ID) { resource(id: $id) { id name } }`;
    const list = `{ resources(filter: { projectId: "${other.id}" }) { totalCount edges { node { id } } } }`;
    for (const [token, visible] of [
      [health, true],
      [bureau, true],
      [await hub.token(Role.AUDITOR), true],
      [await hub.token(Role.EXPERT), true],
      [edu, false],
      [await hub.token(Role.PLATFORM), false],
    ] as const) {
      expect((await hub.gql(one, { id }, token)).data.resource).toEqual(visible ? { id, name: '卫生健康草稿' } : null);
      const conn = (await hub.gql(list, {}, token)).data.resources;
      expect(conn.totalCount).toBe(visible ? 1 : 0);
      expect(conn.edges).toHaveLength(visible ? 1 : 0);
    }
    const byCode = await hub.gql(`{ resource(code: "301777/000001") { id } }`, {}, edu);
    expect(byCode.data.resource).toBeNull();
  });

  it('needs a token, and exactly one of id and code', async () => {
    const anonymous = await hub.gql(`{ resources { totalCount } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const neither = await hub.gql(`{ resource { id } }`, {}, edu);
    expect(neither.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});

describe('resourceUpdate', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create(resourceInput(project.id, { classificationCode: '301050', name: '待修改资源' }))).resource.id;
  });

  it('edits a draft in place and replaces its data items as a whole', async () => {
    const res = await hub.gql(UPDATE, { input: { id, name: '已修改资源', summary: null, dataItems: [{ name: '学校名称', dataType: 'C', length: 100 }] } }, aid);
    expect(res.data.resourceUpdate.userErrors).toEqual([]);
    expect(res.data.resourceUpdate.resource).toMatchObject({
      name: '已修改资源',
      summary: '',
      status: 'DRAFT',
      version: 1,
      code: '301050/000001',
      dataItems: [{ position: 1, name: '学校名称', dataType: 'C', length: 100 }],
    });
    const row = await hub.ds.getRepository(InformationResource).findOneOrFail({ where: { id }, select: { id: true, searchText: true } });
    expect(row.searchText).toBe('已修改资源\n学校名称');
  });

  it('moves the code with the classification code, and keeps omitted fields', async () => {
    const res = await hub.gql(UPDATE, { input: { id, classificationCode: '301051' } }, edu);
    expect(res.data.resourceUpdate).toMatchObject({ userErrors: [], resource: { code: '301051/000001', name: '已修改资源', updateFrequency: 'DAILY' } });
  });

  it('applies the metadata rules to the entry as it would become, and writes nothing when refused', async () => {
    const before = await hub.ds.getRepository(InformationResource).findOneByOrFail({ id });
    const res = await hub.gql(UPDATE, { input: { id, sharingType: 'CONDITIONAL', name: '不应写入' } }, edu);
    expect(res.data.resourceUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'sharingCondition'], article: '第九条' }),
    ]);
    const kind = await hub.gql(UPDATE, { input: { id, catalogueKind: 'BASIC' } }, edu);
    expect(kind.data.resourceUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID', field: ['input', 'classificationCode'], article: '第八条' }),
    ]);
    expect(await hub.ds.getRepository(InformationResource).findOneByOrFail({ id })).toEqual(before);
  });

  it('is refused to another unit, and for an unknown id', async () => {
    const stranger = await hub.gql(UPDATE, { input: { id, name: '越权修改' } }, health);
    // A never-published entry another unit may not read is not found to it (第五条、第十三条).
    expect(stranger.data.resourceUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'], message: '信息资源不存在' }),
    ]);
    const missing = await hub.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', name: '无' } }, edu);
    expect(missing.data.resourceUpdate.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
  });

  it('is refused while the entry is with the bureau (第五条)', async () => {
    expect((await hub.gql(SUBMIT, { id }, edu)).data.resourceSubmit.userErrors).toEqual([]);
    const res = await hub.gql(UPDATE, { input: { id, name: '审核中修改' } }, edu);
    expect(res.data.resourceUpdate).toMatchObject({
      resource: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'], article: '第五条' })],
    });
  });
});
