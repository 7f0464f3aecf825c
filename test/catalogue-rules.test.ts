/**
 * Rules of the catalogue and its sharing list, refused and allowed over HTTP, nothing written on a
 * refusal: interfaces only for shareable, reviewed entries and one platform id per interface
 * (第九条、第十七条); data items by type and one entry per name in a project (第八条).
 */
import { startTestHub, TestHub } from './support/hub';
import { Role } from '../src/common/role.enums';
import { DataItem, InformationResource } from '../src/modules/catalogue';
import { SharingInterface } from '../src/modules/sharing';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, PUBLISH, resourceInput, RETURN, SUBMIT, UPDATE, USER_ERRORS } from './support/catalogue';

let hub: TestHub;
let project: Project;
let edu: string;
let bureau: string;
let platform: string;
const r: Record<string, { id: string; code: string }> = {};

const REGISTER = `mutation ($input: InterfaceRegisterInput!) { interfaceRegister(input: $input) { interface { id mountStatus platformId } ${USER_ERRORS} } }`;
const MOUNT = `mutation ($input: InterfaceMountInput!) { interfaceMount(input: $input) { interface { id mountStatus platformId } ${USER_ERRORS} } }`;

async function payload(query: string, variables: Record<string, unknown>, token: string) {
  const res = await hub.gql(query, variables, token);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as Record<string, any>;
}

async function resource(key: string, overrides: Record<string, unknown>, review: 'publish' | 'return' | null = null) {
  const out = await payload(CREATE, { input: resourceInput(project.id, overrides) }, edu);
  expect(out.userErrors).toEqual([]);
  r[key] = { id: out.resource.id, code: out.resource.code };
  if (!review) return;
  await payload(SUBMIT, { id: r[key].id }, edu);
  if (review === 'publish') expect((await payload(PUBLISH, { id: r[key].id }, bureau)).userErrors).toEqual([]);
  else expect((await payload(RETURN, { id: r[key].id, reason: '请补充' }, bureau)).userErrors).toEqual([]);
}

const register = (key: string, endpoint: string) =>
  payload(REGISTER, { input: { resourceId: r[key].id, kind: 'REST_API', endpoint, syncFrequency: 'DAILY' } }, edu);
const interfaces = () => hub.ds.getRepository(SharingInterface).count();

beforeAll(async () => {
  hub = await startTestHub();
  project = await insertProject(hub.ds, 'education');
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  platform = await hub.token(Role.PLATFORM);
  await resource('published', { name: '已发布资源', classificationCode: '301001' }, 'publish');
  await resource('other', { name: '另一已发布资源', classificationCode: '301002' }, 'publish');
  await resource('returned', { name: '被退回资源', classificationCode: '301003' }, 'return');
  await resource('unset', { name: '未定共享类型资源', classificationCode: '301004', sharingType: null });
});
afterAll(() => hub.close());

describe('interfaceRegister needs a shareable entry (第九条)', () => {
  it('refuses an entry whose sharing type is not yet UNCONDITIONAL or CONDITIONAL, writing nothing', async () => {
    const before = await interfaces();
    expect(await register('unset', 'https://api.sc.gov.cn/edu/unset')).toEqual({
      interface: null,
      userErrors: [
        {
          code: 'RULE_VIOLATION',
          field: ['input', 'resourceId'],
          message: '信息资源尚未确定为无条件共享或有条件共享，不能登记共享接口',
          article: '第九条',
        },
      ],
    });
    expect(await interfaces()).toBe(before);
  });

  it('registers one for a shareable entry', async () => {
    const out = await register('published', 'https://api.sc.gov.cn/edu/published');
    expect(out).toMatchObject({ userErrors: [], interface: { mountStatus: 'NOT_MOUNTED' } });
    r.publishedInterface = { id: out.interface.id, code: '' };
  });

  it('refuses to clear the sharing type of an entry that has an interface (第九条), writing nothing', async () => {
    await resource('draftShared', { name: '有接口的草稿', classificationCode: '301005' });
    const registered = await register('draftShared', 'https://api.sc.gov.cn/edu/draft');
    expect(registered.userErrors).toEqual([]);
    r.draftInterface = { id: registered.interface.id, code: '' };
    const out = await payload(UPDATE, { input: { id: r.draftShared.id, sharingType: null } }, edu);
    expect(out).toEqual({
      resource: null,
      userErrors: [
        { code: 'RULE_VIOLATION', field: ['input', 'sharingType'], message: '该信息资源仍有共享接口，共享类型须为无条件共享或有条件共享', article: '第九条' },
      ],
    });
    expect((await hub.ds.getRepository(InformationResource).findOneByOrFail({ id: r.draftShared.id })).sharingType).toBe('UNCONDITIONAL');
  });
});

describe('interfaceMount needs a published entry and a platform id of its own (第九条、第十七条)', () => {
  it('refuses to mount the interface of an entry not published, writing nothing', async () => {
    const out = await payload(MOUNT, { input: { interfaceId: r.draftInterface.id, platformId: 'SQ-GX-2001' } }, platform);
    expect(out).toEqual({
      interface: null,
      userErrors: [
        {
          code: 'RULE_VIOLATION',
          field: ['input', 'interfaceId'],
          message: `信息资源 ${r.draftShared.code} 当前为「草稿」，须经大数据管理局审核发布后才能挂接共享接口`,
          article: '第九条',
        },
      ],
    });
    expect(await hub.ds.getRepository(SharingInterface).findOneByOrFail({ id: r.draftInterface.id })).toMatchObject({
      mountStatus: 'NOT_MOUNTED',
      platformId: null,
    });
  });

  it('mounts the interface of a published entry', async () => {
    const out = await payload(MOUNT, { input: { interfaceId: r.publishedInterface.id, platformId: 'SQ-GX-1009' } }, platform);
    expect(out).toMatchObject({ userErrors: [], interface: { mountStatus: 'MOUNTED', platformId: 'SQ-GX-1009' } });
  });

  it('refuses a platform id another interface already has, naming its entry, writing nothing', async () => {
    const second = await register('other', 'https://api.sc.gov.cn/edu/other');
    const out = await payload(MOUNT, { input: { interfaceId: second.interface.id, platformId: 'SQ-GX-1009' } }, platform);
    expect(out).toEqual({
      interface: null,
      userErrors: [
        {
          code: 'DUPLICATE',
          field: ['input', 'platformId'],
          message: `平台挂接编号 SQ-GX-1009 已用于信息资源 ${r.published.code} 的共享接口`,
          article: '第十七条',
        },
      ],
    });
    expect(await hub.ds.getRepository(SharingInterface).findOneByOrFail({ id: second.interface.id })).toMatchObject({ mountStatus: 'NOT_MOUNTED' });
    expect(await payload(MOUNT, { input: { interfaceId: second.interface.id, platformId: 'SQ-GX-1010' } }, platform)).toMatchObject({
      userErrors: [],
      interface: { mountStatus: 'MOUNTED' },
    });
  });
});

describe('one entry per name in a project (第八条)', () => {
  it('refuses a second entry of the same name, naming the existing code, writing nothing', async () => {
    const before = await hub.ds.getRepository(InformationResource).count();
    const out = await payload(CREATE, { input: resourceInput(project.id, { name: '已发布资源', classificationCode: '301009' }) }, edu);
    expect(out).toEqual({
      resource: null,
      userErrors: [
        { code: 'DUPLICATE', field: ['input', 'name'], message: `本项目已有同名信息资源「已发布资源」（代码 ${r.published.code}）`, article: '第八条' },
      ],
    });
    expect(await hub.ds.getRepository(InformationResource).count()).toBe(before);
  });

  it('refuses a rename onto another entry of the project, and allows the name in another project', async () => {
    const out = await payload(UPDATE, { input: { id: r.unset.id, name: '另一已发布资源' } }, edu);
    expect(out.userErrors).toEqual([
      { code: 'DUPLICATE', field: ['input', 'name'], message: `本项目已有同名信息资源「另一已发布资源」（代码 ${r.other.code}）`, article: '第八条' },
    ]);
    expect((await hub.ds.getRepository(InformationResource).findOneByOrFail({ id: r.unset.id })).name).toBe('未定共享类型资源');
    const elsewhere = await insertProject(hub.ds, 'education');
    expect((await payload(CREATE, { input: resourceInput(elsewhere.id, { name: '已发布资源', classificationCode: '301009' }) }, edu)).userErrors).toEqual([]);
  });
});

describe('data items by type (编制指南, 第八条)', () => {
  it('refuses a missing length, an arbitrary length on a fixed form, and a repeated name, each named, writing nothing', async () => {
    const before = await hub.ds.getRepository(DataItem).count();
    const dataItems = [
      { name: '姓名', dataType: 'C', length: null },
      { name: '出生日期', dataType: 'D', length: 100000 },
      { name: '照片', dataType: 'I', length: 20 },
      { name: '出生日期', dataType: 'D', length: 8 },
    ];
    const out = await payload(CREATE, { input: resourceInput(project.id, { name: '信息项测试', classificationCode: '301010', dataItems }) }, edu);
    expect(out).toEqual({
      resource: null,
      userErrors: [
        { code: 'REQUIRED', field: ['input', 'dataItems', '0', 'length'], message: '信息项「姓名」为字符型 C，须填写长度', article: '第八条' },
        {
          code: 'INVALID',
          field: ['input', 'dataItems', '1', 'length'],
          message: '信息项「出生日期」为日期型 D，格式固定，应长度为 8 或不填（收到 100000）',
          article: '第八条',
        },
        {
          code: 'INVALID',
          field: ['input', 'dataItems', '2', 'length'],
          message: '信息项「照片」为图像型 I，格式固定，应不填长度（收到 20）',
          article: '第八条',
        },
        { code: 'DUPLICATE', field: ['input', 'dataItems', '3', 'name'], message: '信息项名称「出生日期」与第2项重复', article: '第八条' },
      ],
    });
    expect(await hub.ds.getRepository(DataItem).count()).toBe(before);
  });

  it('takes lengths that fit their types, on create and on update', async () => {
    const dataItems = [
      { name: '姓名', dataType: 'C', length: 50 },
      { name: '出生日期', dataType: 'D', length: 8 },
      { name: '登记时间', dataType: 'T', length: null },
      { name: '照片', dataType: 'I', length: null },
    ];
    const out = await payload(CREATE, { input: resourceInput(project.id, { name: '信息项测试', classificationCode: '301010', dataItems }) }, edu);
    expect(out.userErrors).toEqual([]);
    expect(out.resource.dataItems).toHaveLength(4);
    const bad = await payload(UPDATE, { input: { id: out.resource.id, dataItems: [{ name: '金额', dataType: 'Y', length: null }] } }, edu);
    expect(bad.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'dataItems', '0', 'length'], message: '信息项「金额」为货币型 Y，须填写长度', article: '第八条' },
    ]);
    expect(await hub.ds.getRepository(DataItem).countBy({ resourceId: out.resource.id })).toBe(4);
  });
});

describe('completeness gaps name what is missing (第八条、第九条)', () => {
  const GAPS = `query ($id: ID!) { project(id: $id) { completeness { metadata { numerator denominator }
    gaps(first: 100) { edges { node { reason detail resource { code } } } } } } }`;

  it('counts malformed data items (from before the rule) against the metadata figure, naming the items', async () => {
    const older = await insertProject(hub.ds, 'education');
    const row = await hub.ds.getRepository(InformationResource).save(
      hub.ds.getRepository(InformationResource).create({
        code: '301001/000901',
        catalogueKind: 'DEPARTMENTAL' as any,
        classificationCode: '301001',
        name: '旧数据资源',
        providerId: older.leadUnitId,
        projectId: older.id,
        format: 'DATABASE' as any,
        sharingType: null,
        openType: 'NOT_OPEN' as any,
        updateFrequency: 'DAILY' as any,
        status: 'PUBLISHED' as any,
      }),
    );
    await hub.ds.getRepository(DataItem).insert([
      { resourceId: row.id, position: 1, name: '出生日期', dataType: 'D' as any, length: 100000 },
      { resourceId: row.id, position: 2, name: '姓名', dataType: 'C' as any, length: 50 },
      { resourceId: row.id, position: 3, name: '姓名', dataType: 'C' as any, length: 20 },
    ]);
    const c = (await hub.gql(GAPS, { id: older.id }, bureau)).data.project.completeness;
    expect(c.metadata).toEqual({ numerator: 0, denominator: 1 });
    const details = Object.fromEntries(c.gaps.edges.map((e: any) => [e.node.reason, e.node.detail]));
    expect(details).toEqual({
      MISSING_SHARING_TYPE: '未填写共享类型（无条件共享、有条件共享或不予共享），第九条',
      MALFORMED_ITEMS: '信息项不符合编制指南（长度与数据类型不符，或名称重复）：出生日期、姓名',
    });
  });

  it('says why a shareable entry has no interface', async () => {
    const c = (await hub.gql(GAPS, { id: project.id }, bureau)).data.project.completeness;
    const noInterface = c.gaps.edges.find((e: any) => e.node.reason === 'NO_INTERFACE' && e.node.resource.code === r.returned.code);
    expect(noInterface.node.detail).toBe('共享类型为无条件共享，尚无可用共享接口（未登记，或均已撤销挂接），第九条');
  });
});
