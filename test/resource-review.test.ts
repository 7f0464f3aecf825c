import { nodes } from './support/documents';
import { startTestHub, TestHub } from './support/hub';
import { Role } from '../src/common/role.enums';
import pino from 'pino';
import { ResourceIdInput, ResourceVersion } from '../src/modules/catalogue';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, PUBLISH, resourceInput, RETIRE, RETURN, SUBMIT, UPDATE } from './support/catalogue';
import { shanghaiDateOf } from '../src/common/dates';

let hub: TestHub;
let project: Project;
let edu: string;
let health: string;
let bureau: string;
let platform: string;

const VERSIONS = `query ($id: ID) { resource(id: $id) { id name status version publishedOn versions(first: 100) { edges { node { version publishedAt publishedBy snapshot } } } } }`;

async function create(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await hub.gql(CREATE, { input: resourceInput(project.id, overrides) }, edu);
  expect(res.data.resourceCreate.userErrors).toEqual([]);
  return res.data.resourceCreate.resource.id;
}

async function step(mutation: string, vars: Record<string, unknown>, token: string) {
  const res = await hub.gql(mutation, vars, token);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as { resource: any; userErrors: any[] };
}

const versionCount = () => hub.ds.getRepository(ResourceVersion).count();

beforeAll(async () => {
  hub = await startTestHub();
  project = await insertProject(hub.ds, 'education');
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  platform = await hub.token(Role.PLATFORM);
});
afterAll(() => hub.close());

describe('resourceSubmit', () => {
  it('refuses an incomplete entry, naming every missing field and its article, and leaves it a draft', async () => {
    const id = await create({ dataItems: [], sharingType: null, openType: null, updateFrequency: null, name: '未完成资源' });
    const out = await step(SUBMIT, { id }, edu);
    expect(out.resource).toBeNull();
    expect(out.userErrors).toEqual([
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'dataItems'], article: '第八条' }),
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'sharingType'], article: '第九条' }),
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'openType'], article: '第九条' }),
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'updateFrequency'], article: '第九条' }),
    ]);
    expect((await hub.gql(VERSIONS, { id }, edu)).data.resource.status).toBe('DRAFT');
  });

  it("is for the project's building units; others get NOT_FOUND (a draft they may not read) or FORBIDDEN", async () => {
    const id = await create({ name: '权限测试资源' });
    expect((await step(SUBMIT, { id }, health)).userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'], message: '信息资源不存在' }),
    ]);
    const res = await hub.gql(SUBMIT, { id }, bureau);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the review flow and published versions', () => {
  let id: string;

  it('submits a complete draft; a second submit is an INVALID_TRANSITION (第五条)', async () => {
    id = await create({ name: '学生资助发放信息', classificationCode: '301200' });
    expect(await step(SUBMIT, { id }, edu)).toMatchObject({ userErrors: [], resource: { status: 'SUBMITTED' } });
    expect((await step(SUBMIT, { id }, edu)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'], article: '第五条' }),
    ]);
  });

  it('publishes only by the bureau, dated on the Asia/Shanghai calendar, with a snapshot of version 1', async () => {
    expect((await hub.gql(PUBLISH, { id }, edu)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const before = Date.now();
    const out = await step(PUBLISH, { id }, bureau);
    expect(out).toMatchObject({ userErrors: [], resource: { status: 'PUBLISHED', version: 1, publishedOn: shanghaiDateOf(new Date()) } });
    const read = (await hub.gql(VERSIONS, { id }, bureau)).data.resource;
    expect(nodes(read.versions)).toHaveLength(1);
    const [v1] = nodes(read.versions);
    expect(v1.version).toBe(1);
    const [bureauUser] = await hub.ds.query(`SELECT id FROM hub_user WHERE login = 'bureau'`);
    expect(v1.publishedBy).toBe(bureauUser.id); // the demo bureau user, the actor
    expect(new Date(v1.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(v1.snapshot).toMatchObject({
      code: '301200/000001',
      version: 1,
      name: '学生资助发放信息',
      providerName: '宿城区教育局',
      sharingType: 'UNCONDITIONAL',
      openType: 'NOT_OPEN',
      updateFrequency: 'DAILY',
      publishedOn: shanghaiDateOf(new Date()),
      dataItems: [
        { position: 1, name: '姓名', dataType: 'C', length: 50 },
        { position: 2, name: '身份证号', dataType: 'C', length: 18 },
        { position: 3, name: '资助金额', dataType: 'Y', length: 12 },
      ],
    });
  });

  it('makes a published entry readable by every caller', async () => {
    for (const token of [health, platform, await hub.token(Role.AUDITOR)]) {
      expect((await hub.gql(VERSIONS, { id }, token)).data.resource).toMatchObject({ id, status: 'PUBLISHED' });
    }
  });

  it('refuses to publish or return what is not submitted', async () => {
    expect((await step(PUBLISH, { id }, bureau)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'], article: '第五条' }),
    ]);
    expect((await step(RETURN, { id, reason: '补充说明' }, bureau)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'], article: '第五条' }),
    ]);
  });

  it('keeps an edited published entry published at version 1; the edit is its revision, version 2 (第五条)', async () => {
    const out = await step(UPDATE, { input: { id, name: '学生资助发放信息（第二版）', dataItems: [{ name: '发放日期', dataType: 'D', length: null }] } }, edu);
    expect(out).toMatchObject({ userErrors: [], resource: { status: 'PUBLISHED', version: 1, code: '301200/000001' } });
    for (const token of [edu, bureau, health]) {
      const read = (await hub.gql(VERSIONS, { id }, token)).data.resource;
      expect(read).toMatchObject({ status: 'PUBLISHED', version: 1, name: '学生资助发放信息' });
      expect(nodes(read.versions).map((v: any) => [v.version, v.snapshot.name, v.snapshot.dataItems.length])).toEqual([[1, '学生资助发放信息', 3]]);
    }
  });

  it('keeps the code of an entry once published', async () => {
    const out = await step(UPDATE, { input: { id, classificationCode: '301201' } }, edu);
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'classificationCode'] })]);
  });

  it('publishes version 2 beside version 1, keeping the first publication date', async () => {
    expect((await step(SUBMIT, { id }, edu)).userErrors).toEqual([]);
    expect(await step(PUBLISH, { id }, bureau)).toMatchObject({ userErrors: [], resource: { status: 'PUBLISHED', version: 2 } });
    const read = (await hub.gql(VERSIONS, { id }, health)).data.resource;
    expect(nodes(read.versions).map((v: any) => v.version)).toEqual([1, 2]);
    expect(nodes(read.versions)[0].snapshot.name).toBe('学生资助发放信息');
    expect(nodes(read.versions)[1].snapshot.publishedOn).toBe(nodes(read.versions)[0].snapshot.publishedOn);
    expect(nodes(read.versions)[1].snapshot).toMatchObject({
      version: 2,
      name: '学生资助发放信息（第二版）',
      dataItems: [{ position: 1, name: '发放日期', dataType: 'D', length: null }],
    });
  });

  it('pages the published versions: first after a cursor, the total when asked', async () => {
    const page = `query ($id: ID, $after: String) { resource(id: $id) { versions(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { version } } } } }`;
    const first = (await hub.gql(page, { id }, health)).data.resource.versions;
    expect([first.totalCount, first.pageInfo.hasNextPage, nodes(first).map((v: any) => v.version)]).toEqual([2, true, [1]]);
    const second = (await hub.gql(page, { id, after: first.pageInfo.endCursor }, health)).data.resource.versions;
    expect([second.pageInfo.hasNextPage, nodes(second).map((v: any) => v.version)]).toEqual([false, [2]]);
  });

  it('names each version’s publisher by the account’s name (publishedByName); an id of no account (a seed’s caller) has none', async () => {
    const NAMES = `query ($id: ID) { resource(id: $id) { versions(first: 10) { edges { node { version publishedBy publishedByName } } } } }`;
    const [bureauUser] = await hub.ds.query(`SELECT id, name FROM hub_user WHERE login = 'bureau'`);
    const read = (await hub.gql(NAMES, { id }, health)).data.resource;
    expect(nodes(read.versions)).toEqual([
      { version: 1, publishedBy: bureauUser.id, publishedByName: bureauUser.name },
      { version: 2, publishedBy: bureauUser.id, publishedByName: bureauUser.name },
    ]);
    // A publisher id that names no account (a service's or a pseudo caller's, such as the demo data's callers of the other roles) has no name.
    const other = await create({ name: '演示数据发布的资源' });
    expect((await step(SUBMIT, { id: other }, edu)).userErrors).toEqual([]);
    const seedCaller = { userId: 'seed-big_data_bureau', organizationId: null, roles: [Role.BIG_DATA_BUREAU], name: '演示数据（大数据管理局）' };
    const published = await hub.services.resourceReview.publish(
      { requestId: 'spec', log: pino({ level: 'silent' }), caller: seedCaller },
      Object.assign(new ResourceIdInput(), { id: other }),
    );
    expect(published.userErrors).toEqual([]);
    expect(nodes((await hub.gql(NAMES, { id: other }, health)).data.resource.versions)).toEqual([
      { version: 1, publishedBy: 'seed-big_data_bureau', publishedByName: null },
    ]);
  });

  it('retires a published entry, keeps its versions readable, and refuses any further step', async () => {
    const stranger = await step(RETIRE, { id }, health);
    expect(stranger.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'id'], article: '第十三条' })]);
    expect(await step(RETIRE, { id, reason: '已被市级统一目录替代' }, bureau)).toMatchObject({
      userErrors: [],
      resource: { status: 'RETIRED', retireReason: '已被市级统一目录替代' },
    });
    const read = (await hub.gql(VERSIONS, { id }, health)).data.resource;
    expect(read).toMatchObject({ status: 'RETIRED' });
    expect(nodes(read.versions)).toHaveLength(2);
    const versions = await versionCount();
    for (const [mutation, vars, token] of [
      [RETIRE, { id }, edu],
      [SUBMIT, { id }, edu],
      [UPDATE, { input: { id, name: '停用后修改' } }, edu],
    ] as const) {
      expect((await step(mutation, vars, token)).userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'], article: '第五条' }),
      ]);
    }
    expect(await versionCount()).toBe(versions);
  });
});

describe('returning an entry', () => {
  it('needs a reason; the unit edits the returned entry in place and submits it again', async () => {
    const id = await create({ name: '退回测试资源', classificationCode: '301300' });
    await step(SUBMIT, { id }, edu);
    const blank = await step(RETURN, { id, reason: '  ' }, bureau);
    expect(blank.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'reason'] })]);
    expect((await hub.gql(RETURN, { id, reason: '补充' }, edu)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const returned = await step(RETURN, { id, reason: '请补充共享条件说明' }, bureau);
    expect(returned).toMatchObject({ userErrors: [], resource: { status: 'RETURNED', returnReason: '请补充共享条件说明' } });
    expect((await step(PUBLISH, { id }, bureau)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);

    const edited = await step(UPDATE, { input: { id, sharingType: 'CONDITIONAL', sharingCondition: '用于资助审核' } }, edu);
    expect(edited).toMatchObject({ userErrors: [], resource: { status: 'RETURNED', version: 1, sharingType: 'CONDITIONAL' } });
    expect(await step(SUBMIT, { id }, edu)).toMatchObject({ userErrors: [], resource: { status: 'SUBMITTED' } });
    const published = await hub.gql(
      `mutation ($id: ID!) { resourcePublish(input: { id: $id }) { resource { status returnReason } userErrors { code } } }`,
      { id },
      bureau,
    );
    expect(published.data.resourcePublish).toEqual({ userErrors: [], resource: { status: 'PUBLISHED', returnReason: null } });
  });
});

describe('retiring a draft', () => {
  it("retires a never-published draft, which stays out of other units' sight", async () => {
    const id = await create({ name: '废弃草稿', classificationCode: '301400' });
    expect(await step(RETIRE, { id }, edu)).toMatchObject({ userErrors: [], resource: { status: 'RETIRED' } });
    expect((await hub.gql(VERSIONS, { id }, health)).data.resource).toBeNull();
    expect((await hub.gql(VERSIONS, { id }, edu)).data.resource).toMatchObject({ status: 'RETIRED', versions: { edges: [] } });
  });

  it('cannot retire an entry while the bureau reviews it', async () => {
    const id = await create({ name: '审核中资源', classificationCode: '301401' });
    await step(SUBMIT, { id }, edu);
    expect((await step(RETIRE, { id }, bureau)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'id'], article: '第五条' }),
    ]);
  });
});
