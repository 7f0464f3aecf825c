import { Clock, fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { ResourceStatus, SharingType, UpdateFrequency, InformationResource } from '../src/modules/catalogue';
import { SharingRequest } from '../src/modules/sharing-request';
import { SharingInterface, InterfaceKind, MountStatus } from '../src/modules/sharing';
import { codeOf, insertProject, orgId } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { insertResource } from './support/projects';
import { createServices } from '../src/services';
import { USER_ERRORS } from './support/documents';

/** The hub's clock; each spec sets the instant it runs at. */
let current = fixedClock('2026-09-28T10:00:00+08:00');
const clock: Clock = { now: () => current.now() };
const at = (instant: string) => (current = fixedClock(instant));

let hub: TestHub;
const org: Record<string, string> = {};
const token: Record<string, string> = {};
const res: Record<string, string> = {};
const iface: Record<string, string> = {};

const FIELDS = `id status purpose requestedBy requestedAt dueOn dueOnProvisional answeredAt answeredBy rejectionReason overdue daysLeft
  resource { id code } consumerOrganization { id name }`;
const CREATE = `mutation ($input: SharingRequestCreateInput!) { sharingRequestCreate(input: $input) { sharingRequest { ${FIELDS} } ${USER_ERRORS} } }`;
const APPROVE = `mutation ($input: SharingRequestApproveInput!) { sharingRequestApprove(input: $input) { sharingRequest { ${FIELDS} } ${USER_ERRORS} } }`;
const REJECT = `mutation ($input: SharingRequestRejectInput!) { sharingRequestReject(input: $input) { sharingRequest { ${FIELDS} } ${USER_ERRORS} } }`;
const LIST = `query ($filter: SharingRequestFilter, $first: Int, $after: String) {
  sharingRequests(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id dueOn status overdue daysLeft consumerOrganization { name } } }
  }
}`;

async function run(doc: string, input: Record<string, unknown>, who: string) {
  const out = await hub.gql(doc, { input }, token[who]);
  expect(out.errors).toBeUndefined();
  return Object.values(out.data)[0] as { sharingRequest: any; userErrors: any[] };
}

const create = (who: string, resource: string, purpose = '核验低保对象家庭经济状况') => run(CREATE, { resourceId: res[resource], purpose }, who);

/** Rows a sharing-request mutation writes, to show a refusal wrote nothing. */
async function written() {
  const [requests, [{ n: consumers }], answered] = await Promise.all([
    hub.ds.getRepository(SharingRequest).count(),
    hub.ds.query(`SELECT count(*)::int AS n FROM sharing_interface_consumer`),
    hub.ds.query(`SELECT count(*)::int AS n FROM sharing_request WHERE status <> 'PENDING'`),
  ]);
  return { requests, consumers, answered: answered[0].n };
}

async function consumersOf(interfaceId: string): Promise<string[]> {
  const rows: { organization_id: string }[] = await hub.ds.query(
    `SELECT organization_id FROM sharing_interface_consumer WHERE interface_id = $1 ORDER BY organization_id`,
    [interfaceId],
  );
  return rows.map((r) => r.organization_id);
}

async function addInterface(resourceId: string, endpoint: string, mountStatus: MountStatus, consumers: string[] = []) {
  const repo = hub.ds.getRepository(SharingInterface);
  const saved = await repo.save(
    repo.create({
      resourceId,
      kind: InterfaceKind.REST_API,
      endpoint,
      syncFrequency: UpdateFrequency.DAILY,
      mountStatus,
      consumers: consumers.map((id) => ({ id })),
    }),
  );
  return saved.id;
}

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', clock);
  for (const key of ['education', 'health', 'civil-affairs', 'cdc', 'human-resources', 'housing', 'agriculture']) {
    org[key] = await orgId(hub.ds, key);
    token[key] = await hub.token(Role.PROJECT_UNIT, codeOf(key));
  }
  token.bureau = await hub.token(Role.BIG_DATA_BUREAU);
  token.office = await hub.token(Role.LEADING_GROUP_OFFICE);
  token.auditor = await hub.token(Role.AUDITOR);
  token.platform = await hub.token(Role.PLATFORM);
  const project = await insertProject(hub.ds, 'education');
  const published = { status: ResourceStatus.PUBLISHED, sharingCondition: '仅用于社会救助审核' };
  const add = async (key: string, values: Partial<InformationResource>) => (res[key] = (await insertResource(hub, project.id, org.education, values)).id);
  await add('cond', { ...published, sharingType: SharingType.CONDITIONAL, name: '学生资助对象信息' });
  await add('cond2', { ...published, sharingType: SharingType.CONDITIONAL, name: '教师资格信息' });
  await add('uncond', { ...published, sharingType: SharingType.UNCONDITIONAL });
  await add('secret', { ...published, sharingType: SharingType.NOT_SHARED, legalBasis: '《中华人民共和国保守国家秘密法》' });
  await add('draft', { status: ResourceStatus.DRAFT, sharingType: SharingType.CONDITIONAL });
  await add('revising', { status: ResourceStatus.SUBMITTED, version: 2, sharingType: SharingType.CONDITIONAL });
  iface.mounted = await addInterface(res.cond, 'https://api.sc.gov.cn/edu/aid', MountStatus.MOUNTED, [org['civil-affairs']]);
  iface.notMounted = await addInterface(res.cond, 'https://api.sc.gov.cn/edu/aid2', MountStatus.NOT_MOUNTED);
  iface.withdrawn = await addInterface(res.cond, 'https://api.sc.gov.cn/edu/aid-old', MountStatus.WITHDRAWN);
});
afterAll(() => hub.close());

describe('sharingRequestCreate', () => {
  it("records a request of the caller's organisation, due 10 working days later across 国庆 and its make-up Saturday", async () => {
    at('2026-09-28T10:00:00+08:00');
    const out = await create('health', 'cond');
    expect(out.userErrors).toEqual([]);
    expect(out.sharingRequest).toMatchObject({
      status: 'PENDING',
      purpose: '核验低保对象家庭经济状况',
      requestedBy: expect.stringMatching(/^[0-9a-f-]{36}$/), // the requesting user's id
      requestedAt: '2026-09-28T02:00:00.000Z',
      dueOn: '2026-10-16',
      answeredAt: null,
      overdue: false,
      daysLeft: 18,
      resource: { id: res.cond },
      consumerOrganization: { id: org.health, name: '宿城区卫生健康委员会' },
    });
  });

  it('dates the request by the Asia/Shanghai calendar: 01:00 on Monday in Shanghai is still Sunday in UTC', async () => {
    at('2026-09-27T17:00:00Z');
    const out = await create('cdc', 'cond');
    expect(out.userErrors).toEqual([]);
    expect(out.sharingRequest.dueOn).toBe('2026-10-16');
    at('2026-09-27T15:00:00Z'); // 23:00 on Sunday 27 September in Shanghai
    const sunday = await create('human-resources', 'cond');
    expect(sunday.sharingRequest.dueOn).toBe('2026-10-15');
  });

  it('counts the Spring Festival make-up Saturdays as working days', async () => {
    at('2026-02-13T09:00:00+08:00');
    const out = await create('housing', 'cond2');
    expect(out.sharingRequest.dueOn).toBe('2026-03-05');
  });

  const refusals: [string, () => Promise<{ sharingRequest: any; userErrors: any[] }>, Record<string, unknown>][] = [
    [
      'an unconditionally shared resource: no request is needed',
      () => create('civil-affairs', 'uncond'),
      { code: 'NOT_NEEDED', field: ['input', 'resourceId'], message: expect.stringContaining('无需申请') },
    ],
    [
      'a resource not shared',
      () => create('civil-affairs', 'secret'),
      { code: 'RULE_VIOLATION', field: ['input', 'resourceId'], message: expect.stringContaining('不予共享') },
    ],
    ['a request of the provider itself', () => create('education', 'cond'), { code: 'NOT_ALLOWED', field: ['input', 'resourceId'] }],
    ['a second pending request of the same organisation', () => create('health', 'cond'), { code: 'DUPLICATE', field: ['input', 'resourceId'] }],
    ['a draft never published (not visible to the caller)', () => create('civil-affairs', 'draft'), { code: 'NOT_FOUND', field: ['input', 'resourceId'] }],
    [
      'an entry under revision, not published now',
      () => create('civil-affairs', 'revising'),
      { code: 'INVALID_TRANSITION', field: ['input', 'resourceId'], message: expect.stringContaining('已提交') },
    ],
    ['an empty purpose', () => create('civil-affairs', 'cond', '   '), { code: 'REQUIRED', field: ['input', 'purpose'] }],
    ['a purpose over 2000 characters', () => create('civil-affairs', 'cond', '用'.repeat(2001)), { code: 'TOO_LONG', field: ['input', 'purpose'] }],
    ['a malformed resource id', () => run(CREATE, { resourceId: 'x', purpose: '核验' }, 'civil-affairs'), { code: 'INVALID', field: ['input', 'resourceId'] }],
  ];

  it.each(refusals)('refuses %s and writes nothing', async (_what, attempt, expected) => {
    at('2026-09-29T10:00:00+08:00');
    const before = await written();
    const out = await attempt();
    expect(out.sharingRequest).toBeNull();
    expect(out.userErrors).toEqual([expect.objectContaining({ ...expected, article: null })]);
    expect(await written()).toEqual(before);
  });

  it('recomputes pending due dates at start, so that a stale one becomes exact', async () => {
    at('2026-03-02T10:00:00+08:00');
    const made = await create('civil-affairs', 'cond');
    await hub.ds.query(`UPDATE sharing_request SET due_on = '2026-03-01' WHERE id = $1`, [made.sharingRequest.id]);
    expect(await createServices(hub.ds, hub.config, clock).sharingRequests.refreshDueDates()).toBe(1);
    const [row] = await hub.ds.query(`SELECT due_on::text AS d FROM sharing_request WHERE id = $1`, [made.sharingRequest.id]);
    expect(row.d).toBe(made.sharingRequest.dueOn);
    expect(await createServices(hub.ds, hub.config, clock).sharingRequests.refreshDueDates()).toBe(0);
    await hub.ds.query(`DELETE FROM sharing_request WHERE id = $1`, [made.sharingRequest.id]);
  });

  it('takes a request whose 10 working days run into a year without its holiday notice, with a provisional due date', async () => {
    at('2026-12-18T10:00:00+08:00');
    const out = await create('civil-affairs', 'cond');
    expect(out.userErrors).toEqual([]);
    // 21-25, 28-31 December are nine working days; 1 January is a statutory holiday every year; 4 January (Monday) is the tenth.
    expect(out.sharingRequest).toMatchObject({ dueOn: '2027-01-04', dueOnProvisional: true });
    await hub.ds.query(`DELETE FROM sharing_request WHERE id = $1`, [out.sharingRequest.id]);

    at('2026-12-17T10:00:00+08:00'); // ten working days end on 31 December: no 2027 date needed
    const ok = await create('civil-affairs', 'cond');
    expect(ok.userErrors).toEqual([]);
    expect(ok.sharingRequest).toMatchObject({ dueOn: '2026-12-31', dueOnProvisional: false });
  });

  it('is for project units only', async () => {
    const out = await hub.gql(CREATE, { input: { resourceId: res.cond, purpose: '核验' } }, token.bureau);
    expect(out.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('sharingRequestApprove / sharingRequestReject', () => {
  const pending = async (consumer: string) =>
    (await hub.ds.getRepository(SharingRequest).findOneByOrFail({ resourceId: res.cond, consumerOrganizationId: org[consumer], status: 'PENDING' as any })).id;

  it('refuses answers from anyone but the provider and the bureau, and writes nothing', async () => {
    const requestId = await pending('health');
    const before = await written();
    for (const who of ['health', 'civil-affairs']) {
      const out = await run(APPROVE, { requestId }, who);
      expect(out.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'requestId'], article: null })]);
      const rejected = await run(REJECT, { requestId, reason: '不符合条件' }, who);
      expect(rejected.userErrors).toEqual([expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'requestId'] })]);
    }
    expect((await hub.gql(APPROVE, { input: { requestId } }, token.office)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await run(APPROVE, { requestId: '00000000-0000-4000-8000-000000000000' }, 'education')).userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'requestId'] }),
    ]);
    expect(await written()).toEqual(before);
  });

  it('refuses to approve once the resource is no longer shared or is retired, and writes nothing', async () => {
    const requestId = (await hub.ds.getRepository(SharingRequest).findOneByOrFail({ resourceId: res.cond2 })).id;
    const resources = hub.ds.getRepository(InformationResource);
    const before = await written();
    await resources.update({ id: res.cond2 }, { sharingType: SharingType.NOT_SHARED });
    expect((await run(APPROVE, { requestId }, 'education')).userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'requestId'], message: expect.stringContaining('不予共享') }),
    ]);
    await resources.update({ id: res.cond2 }, { sharingType: SharingType.CONDITIONAL, status: ResourceStatus.RETIRED });
    expect((await run(APPROVE, { requestId }, 'bureau')).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'requestId'], message: expect.stringContaining('已停用') }),
    ]);
    await resources.update({ id: res.cond2 }, { status: ResourceStatus.PUBLISHED });
    expect(await written()).toEqual(before);
  });

  it('approves as the provider and adds the consumer to every interface not withdrawn', async () => {
    at('2026-10-09T15:30:00+08:00');
    const requestId = await pending('health');
    const out = await run(APPROVE, { requestId }, 'education');
    expect(out.userErrors).toEqual([]);
    expect(out.sharingRequest).toMatchObject({
      status: 'APPROVED',
      answeredAt: '2026-10-09T07:30:00.000Z',
      answeredBy: expect.any(String),
      overdue: false,
      daysLeft: null,
    });
    expect(await consumersOf(iface.mounted)).toEqual([org['civil-affairs'], org.health].sort());
    expect(await consumersOf(iface.notMounted)).toEqual([org.health]);
    expect(await consumersOf(iface.withdrawn)).toEqual([]);
  });

  it('refuses a second answer to an answered request', async () => {
    const requestId = (await hub.ds.getRepository(SharingRequest).findOneByOrFail({ consumerOrganizationId: org.health, status: 'APPROVED' as any })).id;
    const before = await written();
    for (const [doc, input] of [
      [APPROVE, { requestId }],
      [REJECT, { requestId, reason: '重复' }],
    ] as const) {
      const out = await run(doc, input, 'education');
      expect(out.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'requestId'], message: expect.stringContaining('已同意') }),
      ]);
    }
    expect(await written()).toEqual(before);
  });

  it('approves as the bureau, once per interface even for an organisation already a consumer', async () => {
    const requestId = await pending('civil-affairs');
    const out = await run(APPROVE, { requestId }, 'bureau');
    expect(out.userErrors).toEqual([]);
    expect(await consumersOf(iface.mounted)).toEqual([org['civil-affairs'], org.health].sort());
    expect(await consumersOf(iface.notMounted)).toEqual([org['civil-affairs'], org.health].sort());
  });

  it('refuses a rejection without a reason, and writes nothing', async () => {
    const requestId = await pending('cdc');
    const before = await written();
    const out = await run(REJECT, { requestId, reason: '  ' }, 'education');
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'reason'] })]);
    expect(await written()).toEqual(before);
  });

  it('rejects with the reason; the consumers stay as they were, and the organisation may apply again', async () => {
    const requestId = await pending('cdc');
    const before = await written();
    const out = await run(REJECT, { requestId, reason: '  用途与共享条件不符  ' }, 'education');
    expect(out.userErrors).toEqual([]);
    expect(out.sharingRequest).toMatchObject({ status: 'REJECTED', rejectionReason: '用途与共享条件不符', daysLeft: null, overdue: false });
    expect(await written()).toEqual({ ...before, answered: before.answered + 1 });
    expect(await consumersOf(iface.notMounted)).not.toContain(org.cdc);
    at('2026-10-12T09:00:00+08:00');
    expect((await create('cdc', 'cond', '疫情防控学生健康监测')).userErrors).toEqual([]);
  });
});

describe('sharingRequests', () => {
  const list = async (who: string, filter: Record<string, unknown> = {}, first = 50, after?: string) => {
    const out = await hub.gql(LIST, { filter, first, after }, token[who]);
    expect(out.errors).toBeUndefined();
    return out.data.sharingRequests;
  };
  const names = (page: any) => page.edges.map((e: any) => e.node.consumerOrganization.name);

  it('shows the oversight roles every request, by due date', async () => {
    at('2026-10-20T09:00:00+08:00');
    const all = await list('auditor');
    expect(all.totalCount).toBe(await hub.ds.getRepository(SharingRequest).count());
    const due = all.edges.map((e: any) => e.node.dueOn);
    expect(due).toEqual([...due].sort());
  });

  it('shows a project unit the requests it made and those it must answer, nothing else', async () => {
    expect(names(await list('health'))).toEqual(['宿城区卫生健康委员会']);
    expect((await list('education')).totalCount).toBe(await hub.ds.getRepository(SharingRequest).count());
    expect((await list('agriculture')).totalCount).toBe(0);
  });

  it('refuses roles that neither oversee nor take part', async () => {
    expect((await hub.gql(LIST, {}, token.platform)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('filters by status, resource, consumer, provider and overdue', async () => {
    expect(names(await list('bureau', { status: 'APPROVED' })).sort()).toEqual(['宿城区卫生健康委员会', '宿城区民政局'].sort());
    expect((await list('bureau', { resourceId: res.cond2 })).totalCount).toBe(1);
    expect(names(await list('bureau', { consumerOrganizationId: org.cdc }))).toEqual(['宿城区疾病预防控制中心', '宿城区疾病预防控制中心']);
    expect((await list('bureau', { providerOrganizationId: org.health })).totalCount).toBe(0);
    // Today 20 October: the pending requests due 5 March and 15 October are overdue (those due 16 October were answered); the one due 26 October is not.
    const overdue = await list('bureau', { overdueOnly: true });
    expect(overdue.edges.map((e: any) => [e.node.dueOn, e.node.overdue, e.node.daysLeft])).toEqual([
      ['2026-03-05', true, -229],
      ['2026-10-15', true, -5],
    ]);
    const onTime = (await list('bureau', { status: 'PENDING' })).edges.find((e: any) => e.node.dueOn === '2026-10-26');
    expect(onTime.node).toMatchObject({ overdue: false, daysLeft: 6 });
  });

  it('is a keyset connection', async () => {
    const total = (await list('bureau')).totalCount;
    const first = await list('bureau', {}, 2);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list('bureau', {}, 50, first.pageInfo.endCursor);
    expect(first.edges.length + rest.edges.length).toBe(total);
    expect(new Set([...first.edges, ...rest.edges].map((e: any) => e.node.id)).size).toBe(total);
  });
});
