import { startTestHub, TestHub } from './support/hub';
import { Role } from '../src/common/role.enums';
import { SharingInterface } from '../src/modules/sharing';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, orgId, PUBLISH, resourceInput, SUBMIT, UPDATE } from './support/catalogue';
import { USER_ERRORS } from './support/documents';

let hub: TestHub;
let project: Project;
let edu: string;
let aid: string;
let health: string;
let bureau: string;
let platform: string;
const r: Record<string, string> = {};
const consumers: Record<string, string> = {};

const FIELDS = `id kind endpoint syncFrequency mountStatus platformId mountedAt withdrawnAt withdrawReason resource { code } consumers { name }`;
const REGISTER = `mutation ($input: InterfaceRegisterInput!) { interfaceRegister(input: $input) { interface { ${FIELDS} } ${USER_ERRORS} } }`;
const CHANGE = `mutation ($input: InterfaceUpdateInput!) { interfaceUpdate(input: $input) { interface { ${FIELDS} } ${USER_ERRORS} } }`;
const MOUNT = `mutation ($input: InterfaceMountInput!) { interfaceMount(input: $input) { interface { ${FIELDS} } ${USER_ERRORS} } }`;
const WITHDRAW = `mutation ($input: InterfaceWithdrawInput!) { interfaceWithdraw(input: $input) { interface { ${FIELDS} } ${USER_ERRORS} } }`;
const LIST = `query ($filter: InterfaceFilter) { interfaces(filter: $filter, first: 50) { totalCount edges { node { endpoint resource { name } } } } }`;

const count = () => hub.ds.getRepository(SharingInterface).count();

async function gql(query: string, input: Record<string, unknown>, token: string) {
  const res = await hub.gql(query, { input }, token);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data)[0] as { interface: any; userErrors: any[] };
}

async function resource(key: string, overrides: Record<string, unknown>, publish = false) {
  const res = await hub.gql(CREATE, { input: resourceInput(project.id, overrides) }, edu);
  expect(res.data.resourceCreate.userErrors).toEqual([]);
  r[key] = res.data.resourceCreate.resource.id;
  if (publish) {
    await hub.gql(SUBMIT, { id: r[key] }, edu);
    expect((await hub.gql(PUBLISH, { id: r[key] }, bureau)).data.resourcePublish.userErrors).toEqual([]);
  }
}

const register = (resourceKey: string, overrides: Record<string, unknown> = {}, token = edu) =>
  gql(
    REGISTER,
    { resourceId: r[resourceKey], kind: 'REST_API', endpoint: 'https://api.sc.gov.cn/edu/v1/students', syncFrequency: 'DAILY', ...overrides },
    token,
  );

beforeAll(async () => {
  hub = await startTestHub();
  project = await insertProject(hub.ds, 'education', ['student-aid-center']);
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  aid = await hub.token(Role.PROJECT_UNIT, codeOf('student-aid-center'));
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  platform = await hub.token(Role.PLATFORM);
  consumers.health = await orgId(hub.ds, 'health');
  consumers.civil = await orgId(hub.ds, 'civil-affairs');
  await resource('daily', { name: '每日更新资源', classificationCode: '301001', updateFrequency: 'DAILY' }, true);
  await resource('secret', { name: '不予共享资源', classificationCode: '301002', sharingType: 'NOT_SHARED', legalBasis: '《保守国家秘密法》' });
  await resource('irregular', { name: '不定期资源', classificationCode: '301003', updateFrequency: 'IRREGULAR' });
  await resource('unset', { name: '未定周期资源', classificationCode: '301004', updateFrequency: null });
  await resource('draft', { name: '草稿资源', classificationCode: '301005', updateFrequency: 'WEEKLY' });
});
afterAll(() => hub.close());

describe('interfaceRegister', () => {
  it('registers an interface with its consumers, not yet mounted', async () => {
    const out = await register('daily', { consumerIds: [consumers.health, consumers.civil, consumers.health] });
    expect(out.userErrors).toEqual([]);
    expect(out.interface).toMatchObject({
      kind: 'REST_API',
      endpoint: 'https://api.sc.gov.cn/edu/v1/students',
      syncFrequency: 'DAILY',
      mountStatus: 'NOT_MOUNTED',
      platformId: null,
      mountedAt: null,
      resource: { code: '301001/000001' },
      consumers: [{ name: '宿城区卫生健康委员会' }, { name: '宿城区民政局' }].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    });
  });

  it.each([
    ['REST_API', 'http://10.1.2.3:8080/api'],
    ['WEB_SERVICE', 'https://ws.sc.gov.cn/service?wsdl'],
    ['DATABASE_SYNC', 'postgresql://10.0.0.5:5432/edu'],
    ['DATABASE_SYNC', 'mysql://reader@db.sc.gov.cn:3306/edu'],
    ['DATABASE_SYNC', 'jdbc:mysql://10.0.0.5:3306/edu?useSSL=true'],
    ['DATABASE_SYNC', 'jdbc:oracle:thin:@10.0.0.6:1521:orcl'],
    ['DATABASE_SYNC', 'dm://10.0.0.9:5236/EDU'],
    ['FILE_TRANSFER', 'sftp://files.sc.gov.cn:22/outbox'],
    ['FILE_TRANSFER', 'ftps://files.sc.gov.cn/outbox'],
    ['MESSAGE_QUEUE', 'amqp://mq.sc.gov.cn:5672/edu'],
    ['MESSAGE_QUEUE', 'kafka://10.0.0.7:9092/students'],
    ['MESSAGE_QUEUE', 'mqtt://iot.sc.gov.cn:1883'],
    ['MESSAGE_QUEUE', 'nats://10.0.0.8:4222'],
  ])('accepts a %s endpoint %s', async (kind, endpoint) => {
    const out = await register('irregular', { kind, endpoint });
    expect(out.userErrors).toEqual([]);
    expect(out.interface.endpoint).toBe(endpoint);
  });

  const refused: [string, string, string, { code: string; article: string | null; message?: unknown }][] = [
    ['an ftp URL for a REST API', 'REST_API', 'ftp://files.sc.gov.cn/a', { code: 'INVALID', article: null }],
    ['a bare host for a web service', 'WEB_SERVICE', 'ws.sc.gov.cn/service', { code: 'INVALID', article: null }],
    ['an http URL for database sync', 'DATABASE_SYNC', 'https://db.sc.gov.cn', { code: 'INVALID', article: null }],
    ['an unknown DSN scheme', 'DATABASE_SYNC', 'mongodb://10.0.0.5/edu', { code: 'INVALID', article: null }],
    ['plain ftp for file transfer', 'FILE_TRANSFER', 'ftp://files.sc.gov.cn/outbox', { code: 'INVALID', article: null }],
    ['an http URL for a message queue', 'MESSAGE_QUEUE', 'http://mq.sc.gov.cn', { code: 'INVALID', article: null }],
    ['an endpoint with blanks', 'REST_API', 'https://api.sc.gov.cn/a b', { code: 'INVALID', article: null }],
    // a sentence instead of an address: the refusal also shows what an address of the kind looks like
    [
      'words for a REST API',
      'REST_API',
      'not a url',
      { code: 'INVALID', article: null, message: expect.stringMatching(/^访问地址不能包含空白或控制字符，应如 \S+$/) },
    ],
    ['a password in a REST URL', 'REST_API', 'https://admin:secret@api.sc.gov.cn/v1', { code: 'RULE_VIOLATION', article: '第十九条' }],
    ['a password in a DSN', 'DATABASE_SYNC', 'postgresql://sync:Passw0rd@10.0.0.5:5432/edu', { code: 'RULE_VIOLATION', article: '第十九条' }],
    ['a password in a JDBC URL', 'DATABASE_SYNC', 'jdbc:mysql://root:123456@10.0.0.5:3306/edu', { code: 'RULE_VIOLATION', article: '第十九条' }],
    ['an Oracle user/password', 'DATABASE_SYNC', 'jdbc:oracle:thin:scott/tiger@10.0.0.6:1521:orcl', { code: 'RULE_VIOLATION', article: '第十九条' }],
    [
      'a password parameter',
      'DATABASE_SYNC',
      'jdbc:sqlserver://10.0.0.5:1433;databaseName=edu;user=sa;password=x',
      { code: 'RULE_VIOLATION', article: '第十九条' },
    ],
    ['a password in a broker URL', 'MESSAGE_QUEUE', 'amqp://guest:guest@mq.sc.gov.cn:5672', { code: 'RULE_VIOLATION', article: '第十九条' }],
  ];

  it.each(refused)('refuses %s and writes nothing', async (_what, kind, endpoint, expected) => {
    const before = await count();
    const out = await register('irregular', { kind, endpoint });
    expect(out.interface).toBeNull();
    expect(out.userErrors).toEqual([expect.objectContaining({ ...expected, field: ['input', 'endpoint'] })]);
    expect(await count()).toBe(before);
  });

  it("refuses a sync frequency rarer than the resource's update frequency (第十七条)", async () => {
    const before = await count();
    const out = await register('daily', { syncFrequency: 'WEEKLY' });
    expect(out.userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'syncFrequency'], article: '第十七条', message: expect.stringContaining('每日') }),
    ]);
    expect((await register('daily', { syncFrequency: 'IRREGULAR', endpoint: 'https://api.sc.gov.cn/x' })).userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'syncFrequency'], article: '第十七条' }),
    ]);
    expect(await count()).toBe(before);
    expect((await register('daily', { syncFrequency: 'REALTIME', endpoint: 'https://api.sc.gov.cn/rt' })).userErrors).toEqual([]);
  });

  it('accepts any sync frequency for an irregular resource or one without a frequency yet', async () => {
    expect((await register('irregular', { syncFrequency: 'YEARLY', endpoint: 'https://api.sc.gov.cn/yearly' })).userErrors).toEqual([]);
    expect((await register('unset', { syncFrequency: 'YEARLY', endpoint: 'https://api.sc.gov.cn/unset' })).userErrors).toEqual([]);
  });

  it('refuses an interface of a resource that is not shared (第九条)', async () => {
    const before = await count();
    const out = await register('secret');
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'resourceId'], article: '第九条' })]);
    expect(await count()).toBe(before);
  });

  it('refuses unknown consumers, naming the index, an unknown resource, and a duplicate endpoint', async () => {
    const before = await count();
    const consumer = await register('draft', { consumerIds: [consumers.health, '00000000-0000-4000-8000-000000000000'] });
    expect(consumer.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'consumerIds', '1'] })]);
    const missing = await gql(
      REGISTER,
      { resourceId: '00000000-0000-4000-8000-000000000000', kind: 'REST_API', endpoint: 'https://a.cn', syncFrequency: 'DAILY' },
      edu,
    );
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'resourceId'] })]);
    const duplicate = await register('daily');
    expect(duplicate.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'endpoint'] })]);
    expect(await count()).toBe(before);
  });

  it("is for the project's building units (第十三条)", async () => {
    const before = await count();
    expect((await register('draft', { endpoint: 'https://aid.sc.gov.cn/x' }, aid)).userErrors).toEqual([]);
    const stranger = await register('draft', { endpoint: 'https://x.sc.gov.cn/y' }, health);
    // A never-published entry another unit may not read is not found to it (第五条、第十三条).
    expect(stranger.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'resourceId'], message: '信息资源不存在' })]);
    const res = await hub.gql(REGISTER, { input: { resourceId: r.draft, kind: 'REST_API', endpoint: 'https://b.cn', syncFrequency: 'DAILY' } }, bureau);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before + 1);
  });
});

describe('interfaceUpdate and the resource rules that follow interfaces', () => {
  let id: string;
  beforeAll(async () => {
    id = (await register('draft', { endpoint: 'https://draft.sc.gov.cn/v1', syncFrequency: 'WEEKLY', consumerIds: [consumers.health] })).interface.id;
  });

  it('changes kind, endpoint, frequency and replaces the consumers', async () => {
    const out = await gql(
      CHANGE,
      { id, kind: 'DATABASE_SYNC', endpoint: 'postgresql://10.0.0.5:5432/draft', syncFrequency: 'DAILY', consumerIds: [consumers.civil] },
      edu,
    );
    expect(out).toMatchObject({
      userErrors: [],
      interface: { kind: 'DATABASE_SYNC', endpoint: 'postgresql://10.0.0.5:5432/draft', syncFrequency: 'DAILY', consumers: [{ name: '宿城区民政局' }] },
    });
  });

  it('applies the registration rules to the result', async () => {
    const kind = await gql(CHANGE, { id, kind: 'REST_API' }, edu);
    expect(kind.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'kind'] })]);
    const password = await gql(CHANGE, { id, endpoint: 'postgresql://u:p@10.0.0.5/draft' }, edu);
    expect(password.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'endpoint'], article: '第十九条' })]);
    const rare = await gql(CHANGE, { id, syncFrequency: 'MONTHLY' }, edu);
    expect(rare.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'syncFrequency'], article: '第十七条' })]);
    const stranger = await gql(CHANGE, { id, syncFrequency: 'REALTIME' }, health);
    expect(stranger.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'id'], article: '第十三条' })]);
    const row = await hub.ds.getRepository(SharingInterface).findOneByOrFail({ id });
    expect(row).toMatchObject({ kind: 'DATABASE_SYNC', endpoint: 'postgresql://10.0.0.5:5432/draft', syncFrequency: 'DAILY' });
  });

  it('refuses a resource update frequency its interfaces cannot keep up with (第十七条)', async () => {
    const out = await hub.gql(UPDATE, { input: { id: r.draft, updateFrequency: 'REALTIME' } }, edu);
    expect(out.data.resourceUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'updateFrequency'], article: '第十七条' }),
    ]);
  });

  it('refuses to make a resource with active interfaces not shared (第九条)', async () => {
    const out = await hub.gql(UPDATE, { input: { id: r.draft, sharingType: 'NOT_SHARED', legalBasis: '《个人信息保护法》' } }, edu);
    expect(out.data.resourceUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'sharingType'], article: '第九条' }),
    ]);
  });
});

describe('mounting on the city exchange platform (第十七条)', () => {
  let id: string;
  beforeAll(async () => {
    id = (await register('daily', { endpoint: 'https://api.sc.gov.cn/mount', syncFrequency: 'REALTIME' })).interface.id;
  });

  it('is recorded by the platform or the bureau only', async () => {
    const res = await hub.gql(MOUNT, { input: { interfaceId: id, platformId: 'SQ-JK-0001' } }, edu);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const withdraw = await hub.gql(WITHDRAW, { input: { interfaceId: id, reason: '测试' } }, edu);
    expect(withdraw.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a mount time in the future', async () => {
    const out = await gql(MOUNT, { interfaceId: id, platformId: 'SQ-JK-0001', mountedAt: new Date(Date.now() + 86_400_000).toISOString() }, platform);
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_RANGE', field: ['input', 'mountedAt'] })]);
    expect(await hub.ds.getRepository(SharingInterface).findOneByOrFail({ id })).toMatchObject({ mountStatus: 'NOT_MOUNTED', platformId: null });
  });

  it('mounts, refuses a second mount, withdraws with a reason, and mounts again', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString(); // an hour ago
    const mounted = await gql(MOUNT, { interfaceId: id, platformId: ' SQ-JK-0001 ', mountedAt: at }, platform);
    expect(mounted).toMatchObject({
      userErrors: [],
      interface: { mountStatus: 'MOUNTED', platformId: 'SQ-JK-0001', mountedAt: new Date(at).toISOString(), withdrawnAt: null },
    });
    expect((await gql(MOUNT, { interfaceId: id, platformId: 'SQ-JK-0002' }, bureau)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'interfaceId'], article: '第十七条' }),
    ]);
    expect((await gql(WITHDRAW, { interfaceId: id, reason: '  ' }, bureau)).userErrors).toEqual([
      expect.objectContaining({ code: 'REQUIRED', field: ['input', 'reason'] }),
    ]);
    const withdrawn = await gql(WITHDRAW, { interfaceId: id, reason: '接口地址变更' }, bureau);
    expect(withdrawn).toMatchObject({ userErrors: [], interface: { mountStatus: 'WITHDRAWN', platformId: 'SQ-JK-0001', withdrawReason: '接口地址变更' } });
    expect(new Date(withdrawn.interface.withdrawnAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await gql(WITHDRAW, { interfaceId: id, reason: '再次撤销' }, bureau)).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'interfaceId'], article: '第十七条' }),
    ]);
    const again = await gql(MOUNT, { interfaceId: id, platformId: 'SQ-JK-0003' }, platform);
    expect(again).toMatchObject({ userErrors: [], interface: { mountStatus: 'MOUNTED', platformId: 'SQ-JK-0003', withdrawnAt: null, withdrawReason: null } });
  });

  it('refuses an unknown interface', async () => {
    const out = await gql(MOUNT, { interfaceId: '00000000-0000-4000-8000-000000000000', platformId: 'X' }, platform);
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'interfaceId'] })]);
  });
});

describe('reading the sharing list', () => {
  it('filters by resource, project, mount status and kind', async () => {
    const all = (await hub.gql(LIST, { filter: { projectId: project.id } }, bureau)).data.interfaces;
    expect(all.totalCount).toBe(await count());
    const byResource = (await hub.gql(LIST, { filter: { resourceId: r.unset } }, bureau)).data.interfaces;
    expect(byResource.edges.map((e: any) => e.node.endpoint)).toEqual(['https://api.sc.gov.cn/unset']);
    const mounted = (await hub.gql(LIST, { filter: { mountStatus: 'MOUNTED' } }, bureau)).data.interfaces;
    expect(mounted.edges.map((e: any) => e.node.endpoint)).toEqual(['https://api.sc.gov.cn/mount']);
    const queues = (await hub.gql(LIST, { filter: { kind: 'MESSAGE_QUEUE' } }, bureau)).data.interfaces;
    expect(queues.totalCount).toBe(4);
  });

  it('shows other units only the interfaces of published resources, through every path', async () => {
    const total = await count();
    const published = await hub.ds.getRepository(SharingInterface).countBy({ resourceId: r.daily });
    const theirs = (await hub.gql(LIST, {}, health)).data.interfaces;
    expect(theirs.totalCount).toBe(published);
    expect(new Set(theirs.edges.map((e: any) => e.node.resource.name))).toEqual(new Set(['每日更新资源']));
    expect((await hub.gql(LIST, {}, edu)).data.interfaces.totalCount).toBe(total);

    const viaProject = `query ($id: ID) { project(id: $id) { resources { totalCount edges { node { name interfaces { endpoint } } } } interfaces { endpoint } } }`;
    const entries = (view: any) => view.resources.edges.map((e: any) => e.node);
    const healthView = (await hub.gql(viaProject, { id: project.id }, health)).data.project;
    expect(healthView.resources.totalCount).toBe(1);
    expect(entries(healthView).map((x: any) => x.name)).toEqual(['每日更新资源']);
    expect(healthView.interfaces).toHaveLength(published);
    const eduView = (await hub.gql(viaProject, { id: project.id }, edu)).data.project;
    expect(entries(eduView)).toHaveLength(5);
    expect(eduView.resources.totalCount).toBe(5);
    expect(eduView.interfaces).toHaveLength(total);
    expect(entries(eduView).reduce((s: number, x: any) => s + x.interfaces.length, 0)).toBe(total);
  });
});
