/**
 * 第五条、第十七条: a published entry stays published while it is revised. Readers, search, facets,
 * completeness, sharing requests and exports keep the published version; the revision is seen by
 * the entry's units and the oversight roles until the bureau publishes or returns it, or the unit
 * withdraws it.
 */
import { startTestHub, TestHub } from './support/hub';
import { Role } from '../src/common/role.enums';
import { InformationResource, ResourceRevision, ResourceVersion } from '../src/modules/catalogue';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, PUBLISH, resourceInput, RETURN, SUBMIT, UPDATE, USER_ERRORS } from './support/catalogue';
import { download } from './support/exchange';

let hub: TestHub;
let project: Project;
let edu: string;
let health: string;
let bureau: string;
let id: string;

const READ = `query ($id: ID) { resource(id: $id) { id name status version summary sharingType dataItems { name }
  revision { version status returnReason entry { name version summary dataItems { position name dataType length } } } } }`;
const WITHDRAW = `mutation ($id: ID!) { resourceRevisionWithdraw(input: { id: $id }) { resource { id status version } ${USER_ERRORS} } }`;
const SEARCH = `query ($filter: ResourceFilter) { resources(filter: $filter) { totalCount edges { node { code name } }
  facets { sharingType { value count } } } }`;
const FIGURES = `query ($id: ID!) { project(id: $id) { completeness { catalogued { numerator denominator } metadata { numerator denominator } } } }`;
const SHARE = `mutation ($input: SharingRequestCreateInput!) { sharingRequestCreate(input: $input) { sharingRequest { id status } ${USER_ERRORS} } }`;
const TODOS = `{ todoItems { edges { node { kind resource { id } } } } }`;

async function step(mutation: string, vars: Record<string, unknown>, token: string) {
  const res = await hub.gql(mutation, vars, token);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as { resource: any; userErrors: any[] };
}

const read = async (token: string) => (await hub.gql(READ, { id }, token)).data.resource;
const revisionRow = () => hub.ds.getRepository(ResourceRevision).findOneBy({ resourceId: id });

beforeAll(async () => {
  hub = await startTestHub();
  project = await insertProject(hub.ds, 'education');
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  const created = await hub.gql(
    CREATE,
    {
      input: resourceInput(project.id, {
        name: '学生资助发放信息',
        classificationCode: '301200',
        sharingType: 'CONDITIONAL',
        sharingCondition: '用于资助审核',
      }),
    },
    edu,
  );
  id = created.data.resourceCreate.resource.id;
  await step(SUBMIT, { id }, edu);
  await step(PUBLISH, { id }, bureau);
});
afterAll(() => hub.close());

describe('editing a published entry', () => {
  let figures: unknown;

  it('opens a revision: the entry stays PUBLISHED at version 1, the revision is version 2, a draft', async () => {
    figures = (await hub.gql(FIGURES, { id: project.id }, bureau)).data.project.completeness;
    const out = await step(UPDATE, { input: { id, name: '学生资助发放信息（修订）', dataItems: [{ name: '发放日期', dataType: 'D', length: 8 }] } }, edu);
    expect(out.userErrors).toEqual([]);
    expect(out.resource).toMatchObject({ status: 'PUBLISHED', version: 1, name: '学生资助发放信息' });
    for (const token of [edu, bureau]) {
      expect(await read(token)).toMatchObject({
        status: 'PUBLISHED',
        version: 1,
        name: '学生资助发放信息',
        dataItems: [{ name: '姓名' }, { name: '身份证号' }, { name: '资助金额' }],
        revision: {
          version: 2,
          status: 'DRAFT',
          entry: { name: '学生资助发放信息（修订）', version: 2, dataItems: [{ position: 1, name: '发放日期', dataType: 'D', length: 8 }] },
        },
      });
    }
  });

  it('keeps every other reader on the published version: the entry, search, facets, figures, exports', async () => {
    expect(await read(health)).toMatchObject({ status: 'PUBLISHED', name: '学生资助发放信息', revision: null });
    const found = (await hub.gql(SEARCH, { filter: { search: '修订' } }, health)).data.resources;
    expect(found.totalCount).toBe(0);
    const published = (await hub.gql(SEARCH, { filter: { search: '发放信息' } }, health)).data.resources;
    expect(published.edges.map((e: any) => e.node.name)).toEqual(['学生资助发放信息']);
    expect(published.facets.sharingType).toEqual([{ value: 'CONDITIONAL', count: 1 }]);
    expect((await hub.gql(FIGURES, { id: project.id }, bureau)).data.project.completeness).toEqual(figures);
    const csv = (await download(hub, '/catalogue/export.csv', health)).body.toString('utf8');
    expect(csv).toContain('学生资助发放信息');
    expect(csv).not.toContain('修订');
  });

  it('does not let a reader find the revision through the review-queue filter', async () => {
    const queue = (await hub.gql(SEARCH, { filter: { revisionStatus: 'DRAFT' } }, health)).data.resources;
    expect(queue.totalCount).toBe(0);
    expect((await hub.gql(SEARCH, { filter: { revisionStatus: 'DRAFT' } }, edu)).data.resources.totalCount).toBe(1);
  });

  it('still takes sharing requests for the published entry', async () => {
    const out = await hub.gql(SHARE, { input: { resourceId: id, purpose: '核验资助对象' } }, health);
    expect(out.data.sharingRequestCreate).toMatchObject({ userErrors: [], sharingRequest: { status: 'PENDING' } });
  });

  it('edits the same revision again; the data items stay when not given', async () => {
    const out = await step(UPDATE, { input: { id, summary: '修订后的摘要' } }, edu);
    expect(out.userErrors).toEqual([]);
    expect((await read(edu)).revision).toMatchObject({
      version: 2,
      entry: { name: '学生资助发放信息（修订）', summary: '修订后的摘要', dataItems: [{ name: '发放日期' }] },
    });
    expect(await hub.ds.getRepository(ResourceRevision).countBy({ resourceId: id })).toBe(1);
  });

  it('refuses a change of the code of a published entry (第五条), writing nothing', async () => {
    const before = await revisionRow();
    const out = await step(UPDATE, { input: { id, classificationCode: '301201' } }, edu);
    expect(out).toEqual({
      resource: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'classificationCode'], message: '已发布过的信息资源代码不能变更', article: '第五条' }],
    });
    expect(await revisionRow()).toEqual(before);
  });
});

describe('the review of a revision', () => {
  it('is submitted by the unit and listed in the bureau review queue and to-dos', async () => {
    expect(await step(SUBMIT, { id }, edu)).toMatchObject({ userErrors: [], resource: { status: 'PUBLISHED' } });
    expect((await read(bureau)).revision.status).toBe('SUBMITTED');
    const queue = (await hub.gql(SEARCH, { filter: { revisionStatus: 'SUBMITTED' } }, bureau)).data.resources;
    expect(queue.edges.map((e: any) => e.node.name)).toEqual(['学生资助发放信息']);
    const todos = (await hub.gql(TODOS, {}, bureau)).data.todoItems.edges.map((e: any) => e.node);
    expect(todos).toContainEqual({ kind: 'RESOURCE_REVIEW', resource: { id } });
  });

  it('refuses an edit while the revision is with the bureau (第五条), writing nothing', async () => {
    const before = await revisionRow();
    const out = await step(UPDATE, { input: { id, name: '审核中再改' } }, edu);
    expect(out).toEqual({
      resource: null,
      userErrors: [
        {
          code: 'INVALID_TRANSITION',
          field: ['input', 'id'],
          message: '该信息资源的修订已提交大数据管理局审核，审核完成前不能修改（可先撤回修订）',
          article: '第五条',
        },
      ],
    });
    expect(await revisionRow()).toEqual(before);
  });

  it('is returned by the bureau with a reason; the entry stays published', async () => {
    const out = await step(RETURN, { id, reason: '请补充发放金额' }, bureau);
    expect(out).toMatchObject({ userErrors: [], resource: { status: 'PUBLISHED', returnReason: null } });
    expect(await read(edu)).toMatchObject({ status: 'PUBLISHED', version: 1, revision: { status: 'RETURNED', returnReason: '请补充发放金额' } });
    const todos = (await hub.gql(TODOS, {}, edu)).data.todoItems.edges.map((e: any) => e.node);
    expect(todos).toContainEqual({ kind: 'RESOURCE_REVISION', resource: { id } });
  });

  it('refuses to publish a revision that is not submitted (第五条), writing nothing', async () => {
    const versions = await hub.ds.getRepository(ResourceVersion).countBy({ resourceId: id });
    const out = await step(PUBLISH, { id }, bureau);
    expect(out).toEqual({
      resource: null,
      userErrors: [
        {
          code: 'INVALID_TRANSITION',
          field: ['input', 'id'],
          message: '信息资源已发布，其修订为「修订已退回」，不能发布（修订须为「修订待审核」）',
          article: '第五条',
        },
      ],
    });
    expect(await hub.ds.getRepository(ResourceVersion).countBy({ resourceId: id })).toBe(versions);
    expect((await hub.ds.getRepository(InformationResource).findOneByOrFail({ id })).version).toBe(1);
  });

  it('publishes the revision as version 2: it becomes what every reader sees', async () => {
    await step(
      UPDATE,
      {
        input: {
          id,
          dataItems: [
            { name: '发放日期', dataType: 'D', length: null },
            { name: '发放金额', dataType: 'Y', length: 12 },
          ],
        },
      },
      edu,
    );
    await step(SUBMIT, { id }, edu);
    expect(await step(PUBLISH, { id }, bureau)).toMatchObject({ userErrors: [], resource: { status: 'PUBLISHED', version: 2 } });
    expect(await read(health)).toMatchObject({
      name: '学生资助发放信息（修订）',
      version: 2,
      summary: '修订后的摘要',
      dataItems: [{ name: '发放日期' }, { name: '发放金额' }],
      revision: null,
    });
    expect(await revisionRow()).toBeNull();
    const versions = await hub.ds.getRepository(ResourceVersion).find({ where: { resourceId: id }, order: { version: 'ASC' } });
    expect(versions.map((v) => [v.version, v.snapshot.name])).toEqual([
      [1, '学生资助发放信息'],
      [2, '学生资助发放信息（修订）'],
    ]);
    expect((await hub.gql(SEARCH, { filter: { search: '修订' } }, health)).data.resources.totalCount).toBe(1);
  });
});

describe('resourceRevisionWithdraw', () => {
  it('refuses when there is no revision, or for a unit of another project (第五条、第十三条), writing nothing', async () => {
    expect(await step(WITHDRAW, { id }, edu)).toEqual({
      resource: null,
      userErrors: [{ code: 'INVALID_TRANSITION', field: ['input', 'id'], message: '该信息资源没有进行中的修订，无可撤回', article: '第五条' }],
    });
    await step(UPDATE, { input: { id, name: '将被撤回的修订' } }, edu);
    const before = await revisionRow();
    const stranger = await step(WITHDRAW, { id }, health);
    expect(stranger.resource).toBeNull();
    expect(stranger.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'id'], article: '第十三条' })]);
    expect(stranger.userErrors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(await revisionRow()).toEqual(before);
    expect((await hub.gql(WITHDRAW, { id }, bureau)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("drops the unit's revision; the published version is untouched", async () => {
    expect(await step(WITHDRAW, { id }, edu)).toMatchObject({ userErrors: [], resource: { status: 'PUBLISHED', version: 2 } });
    expect(await revisionRow()).toBeNull();
    expect(await read(edu)).toMatchObject({ name: '学生资助发放信息（修订）', version: 2, revision: null });
  });
});
