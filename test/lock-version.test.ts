/**
 * Optimistic concurrency over real HTTP: projects, information resources and sharing interfaces
 * carry a `lockVersion` raised by every change; an update that gives back a stale one is refused
 * with CONFLICT and writes nothing (not even an audit entry); concurrent writers with the same
 * lockVersion have exactly one winner.
 */
import { startTestHub, TestHub } from './support/hub';
import { Role } from '../src/common/role.enums';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, PUBLISH, resourceInput, SUBMIT } from './support/catalogue';
import { declarable, M, run } from './support/projects';
import { USER_ERRORS } from './support/documents';

let hub: TestHub;
let project: Project;
let edu: string;
let bureau: string;

const RESOURCE_UPDATE = `mutation ($input: ResourceUpdateInput!) { resourceUpdate(input: $input) { resource { id name lockVersion version } ${USER_ERRORS} } }`;
const REGISTER = `mutation ($input: InterfaceRegisterInput!) { interfaceRegister(input: $input) { interface { id lockVersion } ${USER_ERRORS} } }`;
const CHANGE = `mutation ($input: InterfaceUpdateInput!) { interfaceUpdate(input: $input) { interface { id endpoint lockVersion } ${USER_ERRORS} } }`;

const auditCount = async () => Number((await hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n);
const payload = async (doc: string, input: unknown, token: string) => {
  const res = await hub.gql(doc, { input }, token);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as any;
};
const conflict = (expected: number, actual: number) => ({
  code: 'CONFLICT',
  field: ['input', 'lockVersion'],
  message: `该对象已被他人修改（您读取的锁定版本号为 ${expected}，当前为 ${actual}），请重新读取后再提交`,
  article: null,
});

beforeAll(async () => {
  hub = await startTestHub();
  project = await insertProject(hub.ds, 'education');
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
});
afterAll(() => hub.close());

describe('projects', () => {
  it('a stale lockVersion is refused with CONFLICT and nothing is written; the current one passes', async () => {
    const created = await run(hub, M.create, declarable({ planYear: 2033 }), edu);
    const id = created.project.id;
    const read = async () => (await hub.gql(`query ($id: ID) { project(id: $id) { name lockVersion } }`, { id }, edu)).data.project;
    expect(await read()).toMatchObject({ lockVersion: 1 });
    const UPDATE = `mutation ($input: ProjectUpdateInput!) { projectUpdate(input: $input) { project { name lockVersion } ${USER_ERRORS} } }`;
    const first = await payload(UPDATE, { projectId: id, lockVersion: 1, changes: { name: '第一次修改' } }, edu);
    expect(first).toMatchObject({ project: { name: '第一次修改', lockVersion: 2 }, userErrors: [] });

    const entries = await auditCount();
    const stale = await payload(UPDATE, { projectId: id, lockVersion: 1, changes: { name: '基于旧版本的修改' } }, edu);
    expect(stale).toEqual({ project: null, userErrors: [conflict(1, 2)] });
    expect(await read()).toEqual({ name: '第一次修改', lockVersion: 2 });
    expect(await auditCount()).toBe(entries);

    // Without a lockVersion the update is taken as before (last writer wins).
    const blind = await payload(UPDATE, { projectId: id, changes: { name: '不带修订号' } }, edu);
    expect(blind).toMatchObject({ project: { lockVersion: 3 }, userErrors: [] });
  });

  it('two updates with the same lockVersion at once: exactly one wins, the other is CONFLICT', async () => {
    const created = await run(hub, M.create, declarable({ planYear: 2033, name: '并发修改项目' }), edu);
    const UPDATE = `mutation ($input: ProjectUpdateInput!) { projectUpdate(input: $input) { project { lockVersion } ${USER_ERRORS} } }`;
    const answers = await Promise.all(
      [1, 2, 3, 4].map((i) => payload(UPDATE, { projectId: created.project.id, lockVersion: 1, changes: { name: `并发修改${i}` } }, edu)),
    );
    expect(answers.filter((a) => a.userErrors.length === 0)).toHaveLength(1);
    expect(answers.filter((a) => a.userErrors[0]?.code === 'CONFLICT')).toHaveLength(3);
  });

  it('a lifecycle step carries the lockVersion too: declaring a project changed meanwhile is refused', async () => {
    const created = await run(hub, M.create, declarable({ planYear: 2033, name: '申报前被修改' }), edu);
    await run(hub, M.update, { projectId: created.project.id, changes: { name: '申报前被修改（改）' } }, edu);
    const stale = await run(hub, M.declare, { projectId: created.project.id, lockVersion: 1 }, edu);
    expect(stale.userErrors).toEqual([conflict(1, 2)]);
    const status = (await hub.ds.query(`SELECT status FROM project WHERE id = $1`, [created.project.id]))[0].status;
    expect(status).toBe('DRAFT');
  });
});

describe('information resources and sharing interfaces', () => {
  let resourceId: string;

  it('resourceUpdate with a stale lockVersion is CONFLICT; the catalogue version is another number', async () => {
    const made = await payload(CREATE, resourceInput(project.id, { name: '修订号测试资源', classificationCode: '301001', updateFrequency: 'DAILY' }), edu);
    expect(made.userErrors).toEqual([]);
    resourceId = made.resource.id;
    const ok = await payload(RESOURCE_UPDATE, { id: resourceId, lockVersion: 1, name: '修订号测试资源（改）' }, edu);
    expect(ok).toMatchObject({ resource: { name: '修订号测试资源（改）', lockVersion: 2, version: 1 }, userErrors: [] });
    const stale = await payload(RESOURCE_UPDATE, { id: resourceId, lockVersion: 1, name: '旧' }, edu);
    expect(stale).toEqual({ resource: null, userErrors: [conflict(1, 2)] });
    expect((await hub.ds.query(`SELECT name, lock_version AS "lockVersion" FROM information_resource WHERE id = $1`, [resourceId]))[0]).toEqual({
      name: '修订号测试资源（改）',
      lockVersion: 2,
    });
  });

  it('interfaceUpdate with a stale lockVersion is CONFLICT', async () => {
    await hub.gql(SUBMIT, { id: resourceId }, edu);
    expect((await hub.gql(PUBLISH, { id: resourceId }, bureau)).data.resourcePublish.userErrors).toEqual([]);
    const reg = await payload(REGISTER, { resourceId, kind: 'REST_API', endpoint: 'https://api.sc.gov.cn/rev/v1', syncFrequency: 'DAILY' }, edu);
    expect(reg).toMatchObject({ interface: { lockVersion: 1 }, userErrors: [] });
    const id = reg.interface.id;
    expect(await payload(CHANGE, { id, lockVersion: 1, endpoint: 'https://api.sc.gov.cn/rev/v2' }, edu)).toMatchObject({
      interface: { lockVersion: 2 },
      userErrors: [],
    });
    const stale = await payload(CHANGE, { id, lockVersion: 1, endpoint: 'https://api.sc.gov.cn/rev/v3' }, edu);
    expect(stale).toEqual({ interface: null, userErrors: [conflict(1, 2)] });
    expect((await hub.ds.query(`SELECT endpoint FROM sharing_interface WHERE id = $1`, [id]))[0].endpoint).toBe('https://api.sc.gov.cn/rev/v2');
  });
});
