/**
 * Authorization, table-driven and read from the schema itself: every mutation against every role
 * (and no token), every object-acting mutation against a foreign organisation's unit, and the read
 * paths that could leak a never-published entry or an unplanned project (lists, counts, facets,
 * node lookups by id and code, nesting, mutation payloads, error answers). A mutation added to the
 * schema without an entry in ALLOWED fails the first spec. Nothing refused writes: no audit entry.
 */
import 'reflect-metadata';
import { getNamedType, GraphQLObjectType, GraphQLSchema, isNonNullType } from 'graphql';
import { ALL_ROLES, Role } from '../src/common/role.enums';
import { buildHubSchema } from '../src/graphql/schema';
import { codeOf, CREATE, insertProject, PUBLISH, resourceInput, SUBMIT } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { declarable, M, run } from './support/projects';
import { documentFor, minimalValue, minimalVariables, operations, Operation } from './support/schema-inputs';

/** Sign-in and its kin: callable without a token (`@Authorized(ANYONE)`). */
const WITHOUT_TOKEN = 'WITHOUT_TOKEN';

/** Who may call each mutation (an empty list: any caller with a token; WITHOUT_TOKEN: anyone). */
const ALLOWED: Record<string, Role[] | typeof WITHOUT_TOKEN> = {
  organizationCreate: [Role.ADMIN],
  organizationUpdate: [Role.ADMIN],
  workingCalendarYearSet: [Role.ADMIN],
  projectCreate: [Role.PROJECT_UNIT],
  projectUpdate: [Role.PROJECT_UNIT],
  projectDeclare: [Role.PROJECT_UNIT],
  projectApprove: [Role.LEADING_GROUP_OFFICE],
  projectReject: [Role.LEADING_GROUP_OFFICE],
  projectStartConstruction: [Role.PROJECT_UNIT],
  projectGoLive: [Role.PROJECT_UNIT],
  projectRequestChange: [Role.PROJECT_UNIT],
  coBuildingAccept: [Role.PROJECT_UNIT],
  coBuildingDecline: [Role.PROJECT_UNIT],
  expertAssign: [Role.LEADING_GROUP_OFFICE],
  projectRectificationOrder: [Role.LEADING_GROUP_OFFICE],
  projectRectificationReport: [Role.PROJECT_UNIT],
  projectRectificationAccept: [Role.LEADING_GROUP_OFFICE],
  projectRectificationRefuse: [Role.LEADING_GROUP_OFFICE],
  projectSuspend: [Role.LEADING_GROUP_OFFICE],
  projectResume: [Role.LEADING_GROUP_OFFICE],
  projectTerminate: [Role.LEADING_GROUP_OFFICE],
  resourceCreate: [Role.PROJECT_UNIT],
  resourceUpdate: [Role.PROJECT_UNIT],
  resourceSubmit: [Role.PROJECT_UNIT],
  resourcePublish: [Role.BIG_DATA_BUREAU],
  resourceReturn: [Role.BIG_DATA_BUREAU],
  resourceRetire: [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU],
  interfaceRegister: [Role.PROJECT_UNIT],
  interfaceUpdate: [Role.PROJECT_UNIT],
  interfaceMount: [Role.BIG_DATA_BUREAU, Role.PLATFORM],
  interfaceWithdraw: [Role.BIG_DATA_BUREAU, Role.PLATFORM],
  aggregationRunsReport: [Role.PLATFORM, Role.BIG_DATA_BUREAU],
  aggregationRunsIngest: [Role.PLATFORM, Role.BIG_DATA_BUREAU],
  acceptanceApply: [Role.PROJECT_UNIT],
  expertOpinionRecord: [Role.EXPERT],
  acceptanceRecordResult: [Role.LEADING_GROUP_OFFICE],
  acceptanceFile: [Role.LEADING_GROUP_OFFICE],
  sharingRequestCreate: [Role.PROJECT_UNIT],
  sharingRequestApprove: [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU],
  sharingRequestReject: [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU],
  webhookCreate: [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE],
  webhookDelete: [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE],
  notificationEmailSet: [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE],
  calendarFeedTokenRotate: [],
  viewerEmailSet: [],
  resourceRevisionWithdraw: [Role.PROJECT_UNIT],
  userCreate: [Role.ADMIN],
  userUpdate: [Role.ADMIN],
  userDisable: [Role.ADMIN],
  apiTokenCreate: [Role.ADMIN],
  apiTokenRevoke: [Role.ADMIN],
  sessionCreate: WITHOUT_TOKEN,
  sessionRefresh: WITHOUT_TOKEN,
  sessionRevoke: WITHOUT_TOKEN,
};

let hub: TestHub;
let schema: GraphQLSchema;
let mutations: Operation[];
const tokens = {} as Record<Role, string>;
let edu: string; // PROJECT_UNIT of 宿城区教育局: builds every fixture
let health: string; // PROJECT_UNIT of 宿城区卫生健康委员会: the foreign organisation
const fx = {} as {
  draftProject: { id: string; code: string };
  approvedProjectId: string;
  draftResource: { id: string; code: string };
  draftInterfaceId: string;
  publishedResourceId: string;
};

const successEntries = async () => Number((await hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE outcome = 'SUCCESS'`))[0].n);

beforeAll(async () => {
  schema = await buildHubSchema();
  mutations = operations(schema).filter((o) => o.kind === 'mutation');
  hub = await startTestHub();
  for (const role of ALL_ROLES) tokens[role] = await hub.token(role);
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  tokens[Role.PLATFORM] = await hub.token(Role.PLATFORM);

  const draft = await run(hub, M.create, declarable({ planYear: 2034, name: '未申报的项目' }), edu);
  fx.draftProject = { id: draft.project.id, code: draft.project.code };
  const approved = await insertProject(hub.ds, 'education');
  fx.approvedProjectId = approved.id;
  const make = async (overrides: Record<string, unknown>) => {
    const res = await hub.gql(CREATE, { input: resourceInput(approved.id, overrides) }, edu);
    expect(res.data.resourceCreate.userErrors).toEqual([]);
    return res.data.resourceCreate.resource as { id: string; code: string };
  };
  fx.draftResource = await make({ name: '从未发布的资源', classificationCode: '301001', updateFrequency: 'DAILY' });
  const published = await make({ name: '已发布的资源', classificationCode: '301002', updateFrequency: 'DAILY' });
  await hub.gql(SUBMIT, { id: published.id }, edu);
  expect((await hub.gql(PUBLISH, { id: published.id }, tokens[Role.BIG_DATA_BUREAU])).data.resourcePublish.userErrors).toEqual([]);
  fx.publishedResourceId = published.id;
  const reg = await hub.gql(
    `mutation ($input: InterfaceRegisterInput!) { interfaceRegister(input: $input) { interface { id } userErrors { code message } } }`,
    { input: { resourceId: fx.draftResource.id, kind: 'REST_API', endpoint: 'https://api.sc.gov.cn/draft/v1', syncFrequency: 'DAILY' } },
    edu,
  );
  expect(reg.data.interfaceRegister.userErrors).toEqual([]);
  fx.draftInterfaceId = reg.data.interfaceRegister.interface.id;
});
afterAll(() => hub?.close());

describe('the table', () => {
  it('has one entry for every mutation of the schema, and none for a mutation that is gone', () => {
    expect(mutations.map((m) => m.field.name).sort()).toEqual(Object.keys(ALLOWED).sort());
  });
});

describe('every mutation against every role', () => {
  it('answers FORBIDDEN to every role not in the table and UNAUTHENTICATED without a token, writing nothing; lets the others through', async () => {
    const wrong: string[] = [];
    for (const op of mutations) {
      const doc = documentFor(op);
      const vars = minimalVariables(op);
      const entry = ALLOWED[op.field.name] ?? [];
      const open = entry === WITHOUT_TOKEN;
      const allowed = open ? [] : entry;
      const before = await successEntries();
      const anonymous = await hub.gql(doc, vars);
      const anonymousCode = anonymous.errors?.[0]?.extensions?.code;
      if (open ? anonymousCode === 'UNAUTHENTICATED' || anonymousCode === 'INTERNAL_SERVER_ERROR' : anonymousCode !== 'UNAUTHENTICATED')
        wrong.push(`${op.field.name} without a token: ${JSON.stringify(anonymous.errors ?? anonymous.data)}`);
      for (const role of ALL_ROLES) {
        const res = await hub.gql(doc, vars, tokens[role]);
        const code = res.errors?.[0]?.extensions?.code;
        const mayCall = allowed.length === 0 || allowed.includes(role);
        if (!mayCall && code !== 'FORBIDDEN') wrong.push(`${op.field.name} as ${role}: expected FORBIDDEN, got ${JSON.stringify(res.errors ?? res.data)}`);
        if (mayCall && (code === 'FORBIDDEN' || code === 'INTERNAL_SERVER_ERROR')) wrong.push(`${op.field.name} as ${role}: ${code}`);
        if (!mayCall && res.data?.[op.field.name]) wrong.push(`${op.field.name} as ${role}: a payload with the refusal`);
      }
      // The minimal arguments name nothing that exists: only the calendar token and the caller's own addresses are made from nothing.
      const written = (await successEntries()) - before;
      const own = ['calendarFeedTokenRotate', 'notificationEmailSet', 'viewerEmailSet'].includes(op.field.name);
      if (written > (own ? ALL_ROLES.length : 0)) {
        wrong.push(`${op.field.name}: ${written} writes from refused or empty calls`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** Variables for `name` acting on one of the education bureau's objects. */
function foreignCall(name: string): Record<string, unknown> | null {
  const op = mutations.find((m) => m.field.name === name)!;
  const input = minimalValue(op.field.args.find((a) => a.name === 'input')!.type) as Record<string, unknown>;
  const on: Record<string, Record<string, unknown>> = {
    projectUpdate: { projectId: fx.draftProject.id, changes: { name: '他人的修改' } },
    projectDeclare: { projectId: fx.draftProject.id },
    projectStartConstruction: { projectId: fx.approvedProjectId },
    projectGoLive: { projectId: fx.approvedProjectId },
    projectRequestChange: { projectId: fx.approvedProjectId, changes: { name: '他人的变更' }, description: '他人的变更申请' },
    resourceCreate: resourceInput(fx.approvedProjectId, { name: '他人的资源', classificationCode: '301003' }),
    resourceUpdate: { id: fx.draftResource.id, name: '他人的修改' },
    resourceSubmit: { id: fx.draftResource.id },
    resourceRetire: { id: fx.draftResource.id },
    interfaceRegister: { resourceId: fx.draftResource.id, kind: 'REST_API', endpoint: 'https://api.sc.gov.cn/x/v1', syncFrequency: 'DAILY' },
    interfaceUpdate: { id: fx.draftInterfaceId, endpoint: 'https://api.sc.gov.cn/x/v2' },
  };
  return on[name] ? { input: { ...input, ...on[name] } } : null;
}

describe("a foreign organisation's unit", () => {
  it.each([
    'projectUpdate',
    'projectDeclare',
    'projectStartConstruction',
    'projectGoLive',
    'projectRequestChange',
    'resourceCreate',
    'resourceUpdate',
    'resourceSubmit',
    'resourceRetire',
    'interfaceRegister',
    'interfaceUpdate',
  ])('%s on the education bureau’s object: refused, no payload, nothing written', async (name) => {
    const op = mutations.find((m) => m.field.name === name)!;
    const before = await successEntries();
    const payloadType = getNamedType(op.field.type) as GraphQLObjectType;
    const nodes = Object.keys(payloadType.getFields()).filter((f) => f !== 'userErrors');
    const doc = `mutation ($input: ${String(op.field.args[0].type)}) { ${name}(input: $input) { ${nodes.map((n) => `${n} { __typename }`).join(' ')} userErrors { code field message } } }`;
    const res = await hub.gql(doc, foreignCall(name)!, health);
    expect(res.errors).toBeUndefined();
    const payload = res.data[name];
    const node = Object.entries(payload).find(([k]) => k !== 'userErrors' && k !== '__typename')?.[1];
    expect(node ?? null).toBeNull();
    expect(['NOT_FOUND', 'NOT_ALLOWED']).toContain(payload.userErrors[0].code);
    expect(await successEntries()).toBe(before);
  });

  it('an unplanned project or a never-published entry it may not read is answered as not found', async () => {
    const declare = await hub.gql(M.declare, { input: { projectId: fx.draftProject.id } }, health);
    expect(declare.data.projectDeclare.userErrors[0].code).toBe('NOT_FOUND');
    const UPDATE = `mutation ($input: ResourceUpdateInput!) { resourceUpdate(input: $input) { resource { id } userErrors { code message field } } }`;
    const update = await hub.gql(UPDATE, { input: { id: fx.draftResource.id, name: '他人的修改' } }, health);
    expect(update.data.resourceUpdate.userErrors[0].code).toBe('NOT_FOUND');
  });
});

describe('read paths that could leak', () => {
  const readers = () => [
    ['a foreign unit', health],
    ['the platform', tokens[Role.PLATFORM]],
  ];

  it('node lookups by id and by code answer null', async () => {
    for (const [, token] of readers()) {
      const q = `query ($id: ID, $code: String, $rid: ID, $rcode: String) {
        byId: project(id: $id) { id } byCode: project(code: $code) { id }
        resById: resource(id: $rid) { id } resByCode: resource(code: $rcode) { id } }`;
      const res = await hub.gql(q, { id: fx.draftProject.id, code: fx.draftProject.code, rid: fx.draftResource.id, rcode: fx.draftResource.code }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ byId: null, byCode: null, resById: null, resByCode: null });
    }
  });

  it('lists, totals, facets and nesting leave them out', async () => {
    for (const [who, token] of readers()) {
      const q = `{
        projects(first: 100) { totalCount edges { node { id resources(first: 20) { totalCount edges { node { id interfaces { id } } } } interfaces { id } } } }
        resources(first: 100) { totalCount edges { node { id } } facets { provider { count } catalogueKind { count } } }
        interfaces(first: 100) { totalCount edges { node { id resource { id } } } }
      }`;
      const res = await hub.gql(q, {}, token);
      expect(res.errors).toBeUndefined();
      const text = JSON.stringify(res.data);
      expect([who, text.includes(fx.draftProject.id)]).toEqual([who, false]);
      expect([who, text.includes(fx.draftResource.id)]).toEqual([who, false]);
      expect([who, text.includes(fx.draftInterfaceId)]).toEqual([who, false]);
      const visible = res.data.resources.edges.length;
      expect(res.data.resources.totalCount).toBe(visible);
      const facetTotal = res.data.resources.facets.catalogueKind.reduce((n: number, f: { count: number }) => n + f.count, 0);
      expect(facetTotal).toBe(visible);
    }
  });

  it('the platform mounting an interface of a never-published entry is refused (第九条、第十七条), is not shown the entry, and nothing is written', async () => {
    const MOUNT = `mutation ($input: InterfaceMountInput!) { interfaceMount(input: $input) {
      interface { id resource { id name summary } } userErrors { code field message } } }`;
    const before = await successEntries();
    const res = await hub.gql(MOUNT, { input: { interfaceId: fx.draftInterfaceId, platformId: 'P-1' } }, tokens[Role.PLATFORM]);
    expect(res.data.interfaceMount.interface).toBeNull();
    expect(res.data.interfaceMount.userErrors).toEqual([
      { code: 'RULE_VIOLATION', field: ['input', 'interfaceId'], message: expect.stringContaining('须经大数据管理局审核发布后才能挂接共享接口') },
    ]);
    expect(JSON.stringify(res)).not.toContain('从未发布的资源');
    expect(await successEntries()).toBe(before);
    const stored = await hub.ds.query(`SELECT mount_status, platform_id FROM sharing_interface WHERE id = $1`, [fx.draftInterfaceId]);
    expect(stored).toEqual([{ mount_status: 'NOT_MOUNTED', platform_id: null }]);
    const withdraw = await hub.gql(
      `mutation ($input: InterfaceWithdrawInput!) { interfaceWithdraw(input: $input) { interface { id resource { name } } userErrors { code message } } }`,
      { input: { interfaceId: fx.draftInterfaceId, reason: '测试' } },
      tokens[Role.PLATFORM],
    );
    expect(withdraw.data.interfaceWithdraw.interface).toBeNull();
    expect(JSON.stringify(withdraw)).not.toContain('从未发布的资源');
    expect(await successEntries()).toBe(before);
  });

  it('a code taken by an object the caller may not read is "not available", never DUPLICATE (第十三条)', async () => {
    const CREATE_R = `mutation ($input: ResourceCreateInput!) { resourceCreate(input: $input) { resource { id } userErrors { code field message article } } }`;
    const theirs = await insertProject(hub.ds, 'health');
    const before = await successEntries();
    const res = await hub.gql(
      CREATE_R,
      { input: resourceInput(theirs.id, { name: '撞码资源', classificationCode: '301001', code: fx.draftResource.code }) },
      health,
    );
    expect(res.data.resourceCreate).toEqual({
      resource: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'code'], message: '该信息资源代码不可用，请另填或留空由系统按分类代码分配', article: null }],
    });
    const project = await hub.gql(
      `mutation ($input: ProjectCreateInput!) { projectCreate(input: $input) { project { id } userErrors { code field message } } }`,
      { input: declarable({ planYear: 2034, code: fx.draftProject.code }) },
      health,
    );
    expect(project.data.projectCreate).toEqual({
      project: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'code'], message: '该项目编号不可用，请另填或留空由系统生成' }],
    });
    expect(await successEntries()).toBe(before);
    // The owner, who can read it, is told plainly.
    const own = await hub.gql(
      CREATE_R,
      { input: resourceInput(fx.approvedProjectId, { name: '撞码资源', classificationCode: '301001', code: fx.draftResource.code }) },
      edu,
    );
    expect(own.data.resourceCreate.userErrors[0]).toMatchObject({ code: 'DUPLICATE', message: '该信息资源代码已被使用' });
  });
});

describe('the audit log covers every mutation', () => {
  it('every table of the hub but the log and the system’s bookkeeping carries the change capture', async () => {
    const missing: { relname: string }[] = await hub.ds.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT LIKE 'audit\\_%'
          AND c.relname NOT IN ('migrations', 'idempotency_key', 'notification_event', 'webhook_delivery', 'webhook_attempt', 'email_digest',
                                -- the platform's runs, an append-only record of their own, and their keys (docs/scaling.md)
                                'aggregation_run', 'aggregation_run_key', 'rate_limit_bucket',
                                -- the last-run bookkeeping ingest keeps from those runs (migration 1795830500000)
                                'interface_run_times', 'resource_run_times')
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'audit_capture')`,
    );
    expect(missing).toEqual([]);
  });

  it('each successful mutation of this spec wrote an entry naming it', async () => {
    const ops: { operation: string }[] = await hub.ds.query(`SELECT DISTINCT operation FROM audit_entry WHERE outcome = 'SUCCESS' ORDER BY 1`);
    expect(ops.map((o) => o.operation)).toEqual(
      expect.arrayContaining(['projectCreate', 'resourceCreate', 'resourceSubmit', 'resourcePublish', 'interfaceRegister']),
    );
    const required = mutations.filter((m) => m.field.args.some((a) => isNonNullType(a.type))).length;
    expect(required).toBeGreaterThan(20);
  });
});
