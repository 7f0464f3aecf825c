/**
 * To-dos and reminders end to end: each event kind, written by the change that causes it (or by
 * the daily round), shows as the receiver's to-do and reaches its webhook, signed, and its daily
 * digest by SMTP; a failing receiver is retried with backoff and then disabled; the calendar feed
 * lists the deadlines query's due dates. The hub's clock is moved by hand, and the delivery worker
 * is driven by the spec, so nothing here waits on time.
 */
import ical from 'node-ical';
import type { Clock } from '../src/common/clock';
import { createLogger } from '../src/logger';
import { AcceptanceApplication } from '../src/modules/acceptance';
import { AcceptanceResult } from '../src/modules/acceptance';
import { Role } from '../src/common/role.enums';
import { ResourceStatus, SharingType } from '../src/modules/catalogue';
import { NotificationEventKind, NotificationWorker, verifyWebhookSignature, WEBHOOK_HEADERS } from '../src/modules/notification';
import { Project } from '../src/modules/project';
import { ProjectStatus } from '../src/modules/project';
import { SharingInterface } from '../src/modules/sharing';
import { codeOf, insertProject, orgId } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { A } from './support/acceptance';
import { declarable, forceStatus, insertInterface, insertResource, M, run, setRunTimes, shareable, viewerId } from './support/projects';
import { Received, SmtpSink, startSmtpSink, startWebhookReceiver, WebhookReceiver } from './support/receivers';
import { USER_ERRORS } from './support/documents';

let now = new Date('2026-11-25T10:00:00+08:00').getTime();
const clock: Clock = { now: () => new Date(now) };
const advance = (ms: number) => (now += ms);

let hub: TestHub;
let worker: NotificationWorker;
let receiver: WebhookReceiver;
let smtp: SmtpSink;
const org: Record<string, string> = {};
const token: Record<string, string> = {};
const secret: Record<string, string> = {};
const hook: Record<string, string> = {};

const CREATE = `mutation ($input: WebhookCreateInput!) { webhookCreate(input: $input) { webhook { id url role disabledAt } secret ${USER_ERRORS} } }`;
const TODOS = `query ($filter: TodoFilter, $first: Int, $after: String) {
  todoItems(filter: $filter, first: $first, after: $after) {
    totalCount allCount countsByKind { kind count } pageInfo { hasNextPage endCursor }
    edges { node { kind article rule dueOn daysLeft overdue project { code } resource { code } interface { id } sharingRequest { id } acceptanceApplication { id } organization { name } } }
  } }`;

async function todos(who: string, filter: Record<string, unknown> = {}, first = 100, after?: string) {
  const res = await hub.gql(TODOS, { filter, first, after }, token[who]);
  expect(res.errors).toBeUndefined();
  return res.data.todoItems;
}
const kinds = (page: any) => page.edges.map((e: any) => e.node.kind);

/** What a receiver path got, de-duplicated by nothing: each request as it came. */
const at = (path: string) => receiver.received.filter((r) => r.path === path);
const eventKinds = (got: Received[]) => got.map((r) => r.json.kind).sort();

async function createHook(who: string, path: string, role?: Role) {
  const res = await hub.gql(CREATE, { input: { url: receiver.url(path), role } }, token[who]);
  expect(res.data.webhookCreate.userErrors).toEqual([]);
  hook[path] = res.data.webhookCreate.webhook.id;
  secret[path] = res.data.webhookCreate.secret;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  smtp = await startSmtpSink();
  hub = await startTestHub(
    { SMTP_URL: smtp.url, WEBHOOK_RETRY_BASE_MS: '1000', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_DISABLE_AFTER: '4', INTERFACE_FAILING_RUNS: '2' },
    'organizations',
    clock,
  );
  worker = new NotificationWorker(hub.ds, hub.config, clock, createLogger(hub.config), [hub.services.deadlines.reminders]);
  for (const key of ['education', 'health', 'civil-affairs']) {
    org[key] = await orgId(hub.ds, key);
    token[key] = await hub.token(Role.PROJECT_UNIT, codeOf(key));
  }
  token.bureau = await hub.token(Role.BIG_DATA_BUREAU);
  token.office = await hub.token(Role.LEADING_GROUP_OFFICE);
  token.platform = await hub.token(Role.PLATFORM);
  token.auditor = await hub.token(Role.AUDITOR);
});

afterAll(async () => {
  await worker?.stop();
  await hub?.close();
  await receiver?.close();
  await smtp?.close();
});

describe('webhookCreate and webhookDelete', () => {
  it('refuses a bad URL or a role the caller does not hold, naming the field and writing nothing', async () => {
    for (const [url, message] of [
      ['ftp://example.gov.cn/x', '回调地址须以 http:// 或 https:// 开头'],
      ['not a url', '回调地址不是合法的URL'],
      ['https://user:pw@example.gov.cn/x', '回调地址不能包含用户名或密码，请用签名校验来源'],
      ['', '请填写回调地址'],
    ]) {
      const res = await hub.gql(CREATE, { input: { url } }, token.education);
      expect(res.data.webhookCreate).toMatchObject({ webhook: null, secret: null });
      expect(res.data.webhookCreate.userErrors[0]).toMatchObject({ field: ['input', 'url'], message });
    }
    const role = await hub.gql(CREATE, { input: { url: receiver.url('/x'), role: 'BIG_DATA_BUREAU' } }, token.education);
    expect(role.data.webhookCreate.userErrors).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'role'], message: '当前用户不具有该角色', article: null }]);
    const auditor = await hub.gql(CREATE, { input: { url: receiver.url('/x') } }, token.auditor);
    expect(auditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await hub.ds.query('SELECT count(*)::int AS n FROM webhook')).toEqual([{ n: 0 }]);
  });

  it('registers a webhook per organisation and role, shows its secret once, and deletes it', async () => {
    await createHook('education', '/education');
    await createHook('health', '/health');
    await createHook('bureau', '/bureau');
    await createHook('office', '/office');
    expect(secret['/education']).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await hub.gql(`{ webhooks { id url role consecutiveFailures disabledAt disabledReason } }`, {}, token.education);
    expect(list.data.webhooks).toEqual([
      { id: hook['/education'], url: receiver.url('/education'), role: 'PROJECT_UNIT', consecutiveFailures: 0, disabledAt: null, disabledReason: null },
    ]);
    await createHook('education', '/gone');
    const DELETE = `mutation ($id: ID!) { webhookDelete(input: { id: $id }) { deletedWebhookId ${USER_ERRORS} } }`;
    const other = await hub.gql(DELETE, { id: hook['/gone'] }, token.health);
    expect(other.data.webhookDelete.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'id'] });
    const ok = await hub.gql(DELETE, { id: hook['/gone'] }, token.education);
    expect(ok.data.webhookDelete).toEqual({ deletedWebhookId: hook['/gone'], userErrors: [] });
    expect((await hub.gql(`{ webhooks { id } }`, {}, token.education)).data.webhooks).toEqual([{ id: hook['/education'] }]);
  });
});

let project: Project;
const res: Record<string, { id: string; code: string }> = {};
let interfaceId: string;
let requestId: string;

describe('each event kind: its to-do and its delivery', () => {
  it("RESOURCE_RETURNED: the bureau's review to-do becomes the provider's revision to-do, and the provider is told", async () => {
    project = await insertProject(hub.ds, 'education', [], ProjectStatus.APPROVED);
    res.submitted = await insertResource(hub, project.id, org.education, { status: ResourceStatus.SUBMITTED });
    expect(kinds(await todos('bureau'))).toEqual(['RESOURCE_REVIEW']);
    expect(kinds(await todos('education'))).toEqual([]);
    const returned = await hub.gql(
      `mutation ($id: ID!) { resourceReturn(input: { id: $id, reason: "缺少信息项说明" }) { resource { status } ${USER_ERRORS} } }`,
      { id: res.submitted.id },
      token.bureau,
    );
    expect(returned.data.resourceReturn.userErrors).toEqual([]);
    expect(kinds(await todos('bureau'))).toEqual([]);
    const mine = await todos('education');
    expect(mine.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        kind: 'RESOURCE_REVISION',
        article: '第五条',
        dueOn: null,
        daysLeft: null,
        overdue: false,
        resource: { code: res.submitted.code },
      }),
    ]);
    await worker.deliverDue();
    expect(at('/education').map((r) => [r.json.kind, r.json.data.resourceId, r.json.data.reason])).toEqual([
      ['RESOURCE_RETURNED', res.submitted.id, '缺少信息项说明'],
    ]);
    expect(at('/health')).toEqual([]);
  });

  it('SHARING_REQUEST_CREATED: the provider must answer within 10 working days, and is told', async () => {
    res.conditional = await insertResource(hub, project.id, org.education, {
      status: ResourceStatus.PUBLISHED,
      sharingType: SharingType.CONDITIONAL,
      sharingCondition: '仅用于教育救助审核',
    });
    const created = await hub.gql(
      `mutation ($input: SharingRequestCreateInput!) { sharingRequestCreate(input: $input) { sharingRequest { id dueOn } ${USER_ERRORS} } }`,
      { input: { resourceId: res.conditional.id, purpose: '核对医疗救助对象' } },
      token.health,
    );
    expect(created.data.sharingRequestCreate.userErrors).toEqual([]);
    requestId = created.data.sharingRequestCreate.sharingRequest.id;
    const dueOn = created.data.sharingRequestCreate.sharingRequest.dueOn;
    const answer = (await todos('education', { kind: 'SHARING_REQUEST_ANSWER' })).edges.map((e: any) => e.node);
    expect(answer).toEqual([expect.objectContaining({ kind: 'SHARING_REQUEST_ANSWER', dueOn, overdue: false, sharingRequest: { id: requestId } })]);
    expect(kinds(await todos('health'))).toEqual([]); // the consumer waits; it has nothing to do
    await worker.deliverDue();
    const got = at('/education').filter((r) => r.json.kind === 'SHARING_REQUEST_CREATED');
    expect(got.map((r) => [r.json.data.sharingRequestId, r.json.data.dueOn])).toEqual([[requestId, dueOn]]);
  });

  it('AGGREGATION_FAILING: the last 2 runs failed — a to-do and an event for the provider and the bureau, once per failing streak', async () => {
    res.mounted = await insertResource(hub, project.id, org.education, { status: ResourceStatus.PUBLISHED });
    await insertInterface(hub, res.mounted.id);
    interfaceId = (await hub.ds.getRepository(SharingInterface).findOneByOrFail({ resourceId: res.mounted.id })).id;
    let seq = 0;
    const report = async (outcome: 'SUCCEEDED' | 'FAILED') => {
      const out = await hub.gql(
        `mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted ${USER_ERRORS} } }`,
        {
          input: {
            runs: [
              {
                interfaceId,
                platformRunId: `R-${++seq}`,
                ranAt: new Date(now - 3600_000 + seq * 1000).toISOString(),
                mode: 'INCREMENTAL',
                records: 10,
                outcome,
                failureReason: outcome === 'FAILED' ? '源库连接超时' : null,
              },
            ],
          },
        },
        token.platform,
      );
      expect(out.data.aggregationRunsReport.userErrors).toEqual([]);
    };
    await report('SUCCEEDED');
    await report('FAILED');
    expect(kinds(await todos('bureau', { kind: 'INTERFACE_FAILING' }))).toEqual([]);
    await report('FAILED');
    for (const who of ['bureau', 'education']) {
      expect((await todos(who, { kind: 'INTERFACE_FAILING' })).edges.map((e: any) => e.node)).toEqual([
        expect.objectContaining({ kind: 'INTERFACE_FAILING', article: '第十七条', interface: { id: interfaceId }, resource: { code: res.mounted.code } }),
      ]);
    }
    expect(kinds(await todos('health', { kind: 'INTERFACE_FAILING' }))).toEqual([]);
    await report('FAILED'); // the same streak: no second event
    await worker.deliverDue();
    for (const path of ['/education', '/bureau']) {
      const got = at(path).filter((r) => r.json.kind === 'AGGREGATION_FAILING');
      expect(got.map((r) => [r.json.data.interfaceId, r.json.data.lastFailureReason])).toEqual([[interfaceId, '源库连接超时']]);
    }
  });

  it('deadlines in 7, 3 and 1 days and overdue: the daily round records each once, for the units and (filing) the office', async () => {
    const trial = async (trialEndDate: string | null, goLiveDate: string | null, status = ProjectStatus.TRIAL_OPERATION) => {
      const p = await insertProject(hub.ds, 'education', ['civil-affairs'], status);
      await hub.ds.getRepository(Project).update({ id: p.id }, { trialEndDate, goLiveDate });
      return p;
    };
    const due1 = await trial('2026-10-26', null); // application due 26 Nov: tomorrow
    const due3 = await trial('2026-10-28', null); // due 28 Nov
    const due7 = await trial(null, '2025-12-01'); // acceptance within 12 months: due 1 Dec
    const accepted = await insertProject(hub.ds, 'education', [], ProjectStatus.ACCEPTED);
    const filing = await hub.ds
      .getRepository(AcceptanceApplication)
      .save(
        hub.ds
          .getRepository(AcceptanceApplication)
          .create({ projectId: accepted.id, appliedBy: 'x', result: AcceptanceResult.PASSED, acceptedOn: '2026-10-20' }),
      );
    const applied = await insertProject(hub.ds, 'health', [], ProjectStatus.ACCEPTANCE_APPLIED);
    const undecided = await hub.ds
      .getRepository(AcceptanceApplication)
      .save(hub.ds.getRepository(AcceptanceApplication).create({ projectId: applied.id, appliedBy: 'y' }));

    expect((await worker.dailyRound()).reminders).toBe(4);
    expect((await worker.dailyRound()).reminders).toBe(0); // a second round (or instance) records nothing twice

    const unitKinds = (await todos('education', { dueWithinDays: 7 })).edges.map((e: any) => [
      e.node.kind,
      e.node.project?.code,
      e.node.dueOn,
      e.node.daysLeft,
    ]);
    expect(unitKinds).toEqual([
      ['FILING', accepted.code, '2026-11-20', -5],
      ['ACCEPTANCE_APPLICATION', due1.code, '2026-11-26', 1],
      ['ACCEPTANCE_APPLICATION', due3.code, '2026-11-28', 3],
      ['ACCEPTANCE_WINDOW', due7.code, '2026-12-01', 6],
    ]);
    // the co-building unit owes them too
    expect((await todos('civil-affairs', { dueWithinDays: 7 })).totalCount).toBe(3);
    const office = await todos('office');
    expect(office.edges.map((e: any) => [e.node.kind, e.node.project.code, e.node.acceptanceApplication.id, e.node.overdue])).toEqual([
      ['FILING_OVERDUE', accepted.code, filing.id, true],
      ['ACCEPTANCE_DECISION', applied.code, undecided.id, false],
    ]);
    expect((await todos('office', { overdueOnly: true })).edges.map((e: any) => e.node.kind)).toEqual(['FILING_OVERDUE']);

    await worker.deliverDue();
    const deadlineEvents = (path: string) =>
      at(path)
        .filter((r) => r.json.kind.startsWith('DEADLINE_'))
        .map((r) => [r.json.kind, r.json.data.deadlineKind, r.json.data.dueOn, r.json.data.daysLeft, r.json.data.article])
        .sort();
    expect(deadlineEvents('/education')).toEqual([
      ['DEADLINE_DUE_1', 'ACCEPTANCE_APPLICATION', '2026-11-26', 1, '第二十五条'],
      ['DEADLINE_DUE_3', 'ACCEPTANCE_APPLICATION', '2026-11-28', 3, '第二十五条'],
      ['DEADLINE_DUE_7', 'ACCEPTANCE_WINDOW', '2026-12-01', 6, '第二十四条'],
      ['DEADLINE_OVERDUE', 'FILING', '2026-11-20', -5, '第二十六条'],
    ]);
    expect(deadlineEvents('/office')).toEqual([['DEADLINE_OVERDUE', 'FILING', '2026-11-20', -5, '第二十六条']]);

    // Four days on: the 1 December one is now 2 days away (its 3-day step), the 26 and 28 November ones overdue.
    advance(4 * 86_400_000);
    expect((await worker.dailyRound()).reminders).toBe(3);
    await worker.deliverDue();
    expect(deadlineEvents('/education')).toEqual([
      ['DEADLINE_DUE_1', 'ACCEPTANCE_APPLICATION', '2026-11-26', 1, '第二十五条'],
      ['DEADLINE_DUE_3', 'ACCEPTANCE_APPLICATION', '2026-11-28', 3, '第二十五条'],
      ['DEADLINE_DUE_3', 'ACCEPTANCE_WINDOW', '2026-12-01', 2, '第二十四条'],
      ['DEADLINE_DUE_7', 'ACCEPTANCE_WINDOW', '2026-12-01', 6, '第二十四条'],
      ['DEADLINE_OVERDUE', 'ACCEPTANCE_APPLICATION', '2026-11-26', -3, '第二十五条'],
      ['DEADLINE_OVERDUE', 'ACCEPTANCE_APPLICATION', '2026-11-28', -1, '第二十五条'],
      ['DEADLINE_OVERDUE', 'FILING', '2026-11-20', -5, '第二十六条'],
    ]);
  });

  it("every delivery is signed with the webhook's secret, carries its event id, and no receiver got an event twice", async () => {
    for (const path of ['/education', '/health', '/bureau', '/office']) {
      const got = at(path);
      for (const r of got) {
        const ts = r.headers[WEBHOOK_HEADERS.timestamp] as string;
        expect(verifyWebhookSignature(secret[path], ts, r.body, r.headers[WEBHOOK_HEADERS.signature] as string)).toBe(true);
        expect(verifyWebhookSignature('whsec_another', ts, r.body, r.headers[WEBHOOK_HEADERS.signature] as string)).toBe(false);
        expect(verifyWebhookSignature(secret[path], ts, `${r.body} `, r.headers[WEBHOOK_HEADERS.signature] as string)).toBe(false);
        expect(r.headers[WEBHOOK_HEADERS.eventId]).toBe(r.json.id);
        expect(r.headers[WEBHOOK_HEADERS.eventKind]).toBe(r.json.kind);
      }
      expect(new Set(got.map((r) => r.json.id)).size).toBe(got.length);
    }
    expect(eventKinds(at('/bureau'))).toEqual(['AGGREGATION_FAILING']);
    expect(at('/health')).toEqual([]);
  });
});

describe('a failing receiver', () => {
  it('is retried with exponential backoff, each attempt logged, then given up and, after repeated failures, disabled with the reason', async () => {
    const failToken = await hub.token(Role.PROJECT_UNIT, codeOf('civil-affairs'));
    token.failing = failToken;
    receiver.answer.set('/failing', 500);
    await createHook('failing', '/failing');
    const p = await insertProject(hub.ds, 'civil-affairs', [], ProjectStatus.APPROVED);
    const returnOne = async () => {
      const r = await insertResource(hub, p.id, org['civil-affairs'], { status: ResourceStatus.SUBMITTED });
      const out = await hub.gql(`mutation ($id: ID!) { resourceReturn(input: { id: $id, reason: "请补充" }) { ${USER_ERRORS} } }`, { id: r.id }, token.bureau);
      expect(out.data.resourceReturn.userErrors).toEqual([]);
    };
    const LOG = `{ webhooks { id consecutiveFailures disabledAt disabledReason
      deliveries(first: 10) { totalCount edges { node { eventId status attempts deliveredAt attemptLog { attempt succeeded httpStatus error } } } } } }`;
    const log = async () => (await hub.gql(LOG, {}, failToken)).data.webhooks[0];

    await returnOne();
    expect(await worker.deliverDue()).toBe(1);
    expect(await worker.deliverDue()).toBe(0); // not due again for 1 s
    advance(999);
    expect(await worker.deliverDue()).toBe(0);
    advance(1);
    expect(await worker.deliverDue()).toBe(1); // the second attempt after 1 s
    advance(1999);
    expect(await worker.deliverDue()).toBe(0);
    advance(1);
    expect(await worker.deliverDue()).toBe(1); // the third after 2 s more, and the last (WEBHOOK_MAX_ATTEMPTS=3)
    advance(3_600_000);
    expect(await worker.deliverDue()).toBe(0);
    let w = await log();
    expect(w.deliveries.edges[0].node).toMatchObject({ status: 'FAILED', attempts: 3, deliveredAt: null });
    expect(w.deliveries.edges[0].node.attemptLog).toEqual(
      [1, 2, 3].map((attempt) => ({ attempt, succeeded: false, httpStatus: 500, error: '接收方返回 HTTP 500' })),
    );
    expect(w).toMatchObject({ consecutiveFailures: 3, disabledAt: null });

    await returnOne();
    expect(await worker.deliverDue()).toBe(1); // the 4th failure in a row (WEBHOOK_DISABLE_AFTER=4)
    w = await log();
    expect(w.disabledAt).not.toBeNull();
    expect(w.disabledReason).toBe('连续 4 次投递失败，已停用；最近一次：接收方返回 HTTP 500');
    expect(w.deliveries.edges[1].node).toMatchObject({ status: 'PENDING', attempts: 1 });

    await returnOne(); // a disabled webhook is owed nothing new, and nothing is attempted
    advance(3_600_000);
    expect(await worker.deliverDue()).toBe(0);
    expect((await log()).deliveries.totalCount).toBe(2);
    expect(at('/failing')).toEqual([]);
  });
});

describe('the daily e-mail digest', () => {
  const SET = `mutation ($address: String!) { notificationEmailSet(input: { address: $address }) { recipient { address role } ${USER_ERRORS} } }`;

  it('refuses a malformed address', async () => {
    const out = await hub.gql(SET, { address: 'not-an-address' }, token.education);
    expect(out.data.notificationEmailSet.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'address'], message: '邮箱地址格式无效', article: null }]);
  });

  it('sends one message a day per recipient listing its events by id; a second round the same day sends nothing', async () => {
    const out = await hub.gql(SET, { address: 'jyj@sucheng.gov.cn' }, token.education);
    expect(out.data.notificationEmailSet).toEqual({ recipient: { address: 'jyj@sucheng.gov.cn', role: 'PROJECT_UNIT' }, userErrors: [] });
    await hub.gql(SET, { address: 'dsj@sucheng.gov.cn' }, token.bureau);
    expect((await worker.dailyRound()).digests).toBe(2);
    await worker.deliverDue();
    expect((await worker.dailyRound()).digests).toBe(0);
    await worker.deliverDue();
    expect(smtp.mails.map((m) => m.to).sort()).toEqual([['dsj@sucheng.gov.cn'], ['jyj@sucheng.gov.cn']]);
    const mail = smtp.mails.find((m) => m.to[0] === 'jyj@sucheng.gov.cn')!;
    const ids = mail.header('X-Hub-Event-Ids')!.split(',').sort();
    expect(ids).toEqual(
      at('/education')
        .map((r) => r.json.id)
        .sort(),
    );
    expect(mail.header('Message-ID')).toBe(`<digest-${mail.header('X-Hub-Digest-Id')}@catalogue-hub>`);
    const bureauMail = smtp.mails.find((m) => m.to[0] === 'dsj@sucheng.gov.cn')!;
    expect(bureauMail.header('X-Hub-Event-Ids')).toBe(at('/bureau')[0].json.id);

    // The next day: only what is new.
    advance(86_400_000);
    const r = await insertResource(hub, project.id, org.education, { status: ResourceStatus.SUBMITTED });
    await hub.gql(`mutation ($id: ID!) { resourceReturn(input: { id: $id, reason: "名称不规范" }) { ${USER_ERRORS} } }`, { id: r.id }, token.bureau);
    await worker.dailyRound();
    await worker.deliverDue();
    expect(smtp.mails).toHaveLength(3);
    const newest = at('/education').filter((x) => x.json.kind === 'RESOURCE_RETURNED' && x.json.data.resourceId === r.id);
    const todayIds = (smtp.mails[2].header('X-Hub-Event-Ids') ?? '').split(',');
    expect(todayIds).toContain(newest[0].json.id);
    expect(todayIds.filter((id) => ids.includes(id))).toEqual([]);
  });
});

describe('a digest the SMTP server refuses', () => {
  it("is retried with backoff and given up after WEBHOOK_MAX_ATTEMPTS, with the server's answer kept", async () => {
    const set = await hub.gql(`mutation { notificationEmailSet(input: { address: "bounce@sucheng.gov.cn" }) { userErrors { code } } }`, {}, token.office);
    expect(set.data.notificationEmailSet.userErrors).toEqual([]);
    advance(86_400_000);
    expect((await worker.dailyRound()).digests).toBe(1); // the office's overdue filing
    const digest = async () =>
      (await hub.ds.query(`SELECT g.status, g.attempts, g.last_error FROM email_digest g WHERE g.address = 'bounce@sucheng.gov.cn'`))[0];
    expect(await worker.deliverDue()).toBe(1);
    expect(await digest()).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringContaining('550') });
    advance(1000);
    expect(await worker.deliverDue()).toBe(1);
    advance(2000);
    expect(await worker.deliverDue()).toBe(1);
    advance(3_600_000);
    expect(await worker.deliverDue()).toBe(0);
    expect(await digest()).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(smtp.mails.filter((m) => m.to.includes('bounce@sucheng.gov.cn'))).toEqual([]);
  });
});

describe('todoItems', () => {
  it('costs one statement for the page, counts included, and pages by cursor', async () => {
    hub.statements.reset();
    const res = await hub.gql(
      `{ todoItems(first: 2) { totalCount allCount countsByKind { kind count } pageInfo { hasNextPage endCursor } edges { node { kind dueOn daysLeft overdue article rule } } } }`,
      {},
      token.education,
    );
    expect(res.errors).toBeUndefined();
    expect(hub.statements.count).toBe(1);
    const page = res.data.todoItems;
    const all = await todos('education');
    expect(page.totalCount).toBe(all.totalCount);
    expect(page.allCount).toBe(all.totalCount);
    expect(page.countsByKind.reduce((n: number, c: any) => n + c.count, 0)).toBe(all.totalCount);
    const rest = await todos('education', {}, 100, page.pageInfo.endCursor);
    expect([...kinds({ edges: page.edges }), ...kinds(rest)]).toEqual(kinds(all));
    // items with a due date first, by date; then the others
    const dues = all.edges.map((e: any) => e.node.dueOn);
    const firstNull = dues.indexOf(null);
    expect(dues.slice(firstNull).every((d: string | null) => d === null)).toBe(true);
    expect(dues.slice(0, firstNull)).toEqual([...dues.slice(0, firstNull)].sort());
  });

  it('lists an interface whose last success is older than its update window plus the grace as stale, for its provider and the bureau', async () => {
    const r = await insertResource(hub, project.id, org.education, { status: ResourceStatus.PUBLISHED });
    await insertInterface(hub, r.id);
    const i = await hub.ds.getRepository(SharingInterface).findOneByOrFail({ resourceId: r.id });
    const stale = async (who: string) =>
      (await todos(who, { kind: 'INTERFACE_STALE' })).edges.filter((e: any) => e.node.interface.id === i.id).map((e: any) => e.node.article);
    await setRunTimes(hub.ds, { interfaceId: i.id, lastSuccessAt: new Date(now - 25 * 3600_000) }); // DAILY: 24 h + 2 h grace
    expect(await stale('bureau')).toEqual([]);
    await setRunTimes(hub.ds, { interfaceId: i.id, lastSuccessAt: new Date(now - 27 * 3600_000) });
    expect(await stale('bureau')).toEqual(['第十七条']);
    expect(await stale('education')).toEqual(['第十七条']);
    expect((await todos('health', { kind: 'INTERFACE_STALE' })).totalCount).toBe(0);
  });

  it('refuses a bad filter or cursor as BAD_USER_INPUT and asks nobody who is not signed in', async () => {
    for (const [filter, after] of [
      [{ dueWithinDays: -1 }, undefined],
      [{}, 'bad-cursor'],
    ] as const) {
      const res = await hub.gql(TODOS, { filter, after }, token.education);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await hub.gql(TODOS, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /calendar.ics', () => {
  const ROTATE = `mutation { calendarFeedTokenRotate { token url ${USER_ERRORS} } }`;
  const dateOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

  it("lists, as all-day entries, exactly the due dates the deadlines query gives the token's caller", async () => {
    const out = await hub.gql(ROTATE, {}, token.education);
    const { token: feed, url } = out.data.calendarFeedTokenRotate;
    expect(url).toBe(`/calendar.ics?token=${feed}`);
    const res = await fetch(`${hub.url}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const events = Object.values(ical.sync.parseICS(text)).filter((e: any) => e.type === 'VEVENT') as any[];
    const deadlines = await hub.gql(`{ deadlines(first: 100) { totalCount edges { node { kind dueOn overdue } } } }`, {}, token.education);
    const expected = deadlines.data.deadlines.edges.map((e: any) => e.node.dueOn).sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(events.map((e) => dateOf(e.start)).sort()).toEqual(expected);
    for (const e of events) {
      expect(e.start.dateOnly).toBe(true);
      expect(dateOf(e.end)).not.toBe(dateOf(e.start));
    }
    expect(events.map((e) => e.summary)).toContain('【已逾期】验收报告备案（第二十六条）');
  });

  it('answers 401 to an unknown or rotated token', async () => {
    const first = (await hub.gql(ROTATE, {}, token.health)).data.calendarFeedTokenRotate.token;
    const second = (await hub.gql(ROTATE, {}, token.health)).data.calendarFeedTokenRotate.token;
    expect(second).not.toBe(first);
    expect((await fetch(`${hub.url}/calendar.ics?token=${first}`)).status).toBe(401);
    expect((await fetch(`${hub.url}/calendar.ics?token=nope`)).status).toBe(401);
    expect((await fetch(`${hub.url}/calendar.ics`)).status).toBe(401);
    expect((await fetch(`${hub.url}/calendar.ics?token=${second}`)).status).toBe(200);
    expect(await hub.ds.query(`SELECT count(*)::int AS n FROM calendar_feed_token WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [second])).toEqual([
      { n: 1 },
    ]);
  });

  it('reads as its user stands now: a disabled user’s feed is refused (第十九条)', async () => {
    const user = await hub.userId(Role.PROJECT_UNIT, 'feed.clerk', '订阅人');
    const clerk = await hub.token(Role.PROJECT_UNIT, undefined, 'feed.clerk', '订阅人');
    const feed = (await hub.gql(ROTATE, {}, clerk)).data.calendarFeedTokenRotate.token;
    expect((await fetch(`${hub.url}/calendar.ics?token=${feed}`)).status).toBe(200);
    const admin = await hub.token(Role.ADMIN);
    const off = await hub.gql(`mutation ($id: ID!) { userDisable(input: { id: $id }) { userErrors { code } } }`, { id: user }, admin);
    expect(off.data.userDisable.userErrors).toEqual([]);
    expect((await fetch(`${hub.url}/calendar.ics?token=${feed}`)).status).toBe(401);
  });
});

/** The event kinds whose to-do a spec above has shown, as it showed it. */
const todoShown = new Set<NotificationEventKind>();
const userOf = (t: string) => viewerId(hub, t);
const EXPERT_ZHAO = { login: 'notify.zhao', name: '赵审' };
const EXPERT_QIAN = { login: 'notify.qian', name: '钱审' };
const inDays = (n: number) => new Date(now + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('the event kinds of the other modules: their to-dos and their deliveries', () => {
  const send = async (doc: string, input: Record<string, unknown>, t: string) => {
    const out = await hub.gql(doc, { input }, t);
    expect(out.errors).toBeUndefined();
    const payload = Object.values(out.data)[0] as { userErrors: unknown[] };
    expect(payload.userErrors).toEqual([]);
    return payload;
  };
  const delivered = async (kind: NotificationEventKind, path: string) => {
    await worker.deliverDue();
    return at(path).filter((r) => r.json.kind === kind);
  };

  it('CO_BUILDING_PROPOSED: the proposed unit has its answer to-do and is told (第十四条)', async () => {
    const created = await send(
      `mutation ($input: ProjectCreateInput!) { projectCreate(input: $input) { project { id code } ${USER_ERRORS} } }`,
      declarable({ name: '提醒共建项目', coBuildingUnitIds: [org.health] }),
      token.education,
    );
    const code = (created as any).project.code;
    const answer = (await todos('health', { kind: 'CO_BUILDING_ANSWER' })).edges.map((e: any) => [e.node.kind, e.node.article, e.node.project.code]);
    expect(answer).toEqual([['CO_BUILDING_ANSWER', '第十四条', code]]);
    todoShown.add(NotificationEventKind.CO_BUILDING_PROPOSED);
    expect((await delivered(NotificationEventKind.CO_BUILDING_PROPOSED, '/health')).map((r) => r.json.data.projectCode)).toEqual([code]);
    expect(at('/education').filter((r) => r.json.kind === NotificationEventKind.CO_BUILDING_PROPOSED)).toEqual([]);
  });

  it('REVIEW_ASSIGNED: the expert named has the review to-do; the event names them for their digest (第六条)', async () => {
    const { project: p, userErrors } = await run(hub, M.create, declarable({ name: '提醒评审项目', planYear: 2028 }), token.education);
    expect(userErrors).toEqual([]);
    expect((await run(hub, M.declare, { projectId: p.id }, token.education)).userErrors).toEqual([]);
    await shareable(hub, p.id, org.education);
    const zhao = await hub.userId(Role.EXPERT, EXPERT_ZHAO.login, EXPERT_ZHAO.name);
    await hub.userId(Role.EXPERT, EXPERT_QIAN.login, EXPERT_QIAN.name);
    await send(A.assign, { projectId: p.id, expertUserIds: [zhao] }, token.office);
    const review = async (e: { login: string; name: string }) =>
      (
        await hub.gql(TODOS, { filter: { kind: 'EXPERT_REVIEW' }, first: 10 }, await hub.token(Role.EXPERT, undefined, e.login, e.name))
      ).data.todoItems.edges.map((x: any) => [x.node.kind, x.node.project.code]);
    expect(await review(EXPERT_ZHAO)).toEqual([['EXPERT_REVIEW', p.code]]);
    expect(await review(EXPERT_QIAN)).toEqual([]);
    todoShown.add(NotificationEventKind.REVIEW_ASSIGNED);
    const [event] = await hub.ds.query(`SELECT roles, data FROM notification_event WHERE kind = 'REVIEW_ASSIGNED' AND data->>'projectId' = $1`, [p.id]);
    expect(event).toMatchObject({ roles: ['EXPERT'], data: { expertUserIds: [zhao], projectCode: p.code } });
    // Experts are people, not an organisation's receivers: their delivery is their own digest (below).
  });

  it('RECTIFICATION_ORDERED, _REPORTED and _DECIDED: each to-do moves to whoever acts next, and each is told (第三十三条)', async () => {
    const { project: p } = await run(hub, M.create, declarable({ name: '提醒整改项目', planYear: 2028 }), token.education);
    await forceStatus(hub, p.id, ProjectStatus.UNDER_CONSTRUCTION);
    const RESULT = `project { id } ${USER_ERRORS}`;
    await send(
      `mutation ($input: ProjectRectificationOrderInput!) { projectRectificationOrder(input: $input) { ${RESULT} } }`,
      { projectId: p.id, reason: '数据共享率未达标', findings: ['2项信息资源未挂接共享接口'], dueOn: inDays(30) },
      token.office,
    );
    const rect = async (who: string) =>
      (await todos(who)).edges.filter((e: any) => e.node.kind.startsWith('RECTIFICATION_')).map((e: any) => [e.node.kind, e.node.project.code, e.node.dueOn]);
    expect(await rect('education')).toEqual([['RECTIFICATION_REPORT', p.code, inDays(30)]]);
    todoShown.add(NotificationEventKind.RECTIFICATION_ORDERED);
    expect((await delivered(NotificationEventKind.RECTIFICATION_ORDERED, '/education')).map((r) => [r.json.data.projectCode, r.json.data.dueOn])).toEqual([
      [p.code, inDays(30)],
    ]);

    await send(
      `mutation ($input: ProjectRectificationReportInput!) { projectRectificationReport(input: $input) { ${RESULT} } }`,
      { projectId: p.id, report: '已完成接口挂接', materials: ['整改报告.pdf'] },
      token.education,
    );
    expect(await rect('education')).toEqual([]);
    expect(await rect('office')).toEqual([['RECTIFICATION_DECISION', p.code, null]]);
    todoShown.add(NotificationEventKind.RECTIFICATION_REPORTED);
    expect((await delivered(NotificationEventKind.RECTIFICATION_REPORTED, '/office')).map((r) => r.json.data.projectCode)).toEqual([p.code]);

    await send(
      `mutation ($input: ProjectRectificationAcceptInput!) { projectRectificationAccept(input: $input) { ${RESULT} } }`,
      { projectId: p.id, note: '整改到位' },
      token.office,
    );
    // The decision ends the to-dos of the rectification: nobody has one left.
    expect(await rect('office')).toEqual([]);
    expect(await rect('education')).toEqual([]);
    todoShown.add(NotificationEventKind.RECTIFICATION_DECIDED);
    expect((await delivered(NotificationEventKind.RECTIFICATION_DECIDED, '/education')).map((r) => r.json.data.projectCode)).toEqual([p.code]);
  });
});

describe('the daily digest per person', () => {
  const UPDATE = `mutation ($input: UserUpdateInput!) { userUpdate(input: $input) { user { id email } ${USER_ERRORS} } }`;
  const setEmail = async (id: string, email: string | null) => {
    const out = await hub.gql(UPDATE, { input: { id, email } }, await hub.token(Role.ADMIN));
    expect(out.data.userUpdate).toEqual({ user: { id, email }, userErrors: [] });
  };
  /** The events a webhook of that organisation and role got in the 7 days of the digest, by id. */
  const windowIds = (...paths: string[]) =>
    paths
      .flatMap((p) => at(p))
      .filter((r) => Date.parse(r.json.occurredAt) > now - 7 * 86_400_000)
      .map((r) => r.json.id as string)
      .filter((id, i, all) => all.indexOf(id) === i)
      .sort();
  const mailTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  const idsOf = (address: string) =>
    mailTo(address)
      .flatMap((m) => (m.header('X-Hub-Event-Ids') ?? '').split(',').map((id) => id.trim()))
      .filter(Boolean)
      .sort();

  it('refuses a malformed address on an account, naming the field', async () => {
    const out = await hub.gql(UPDATE, { input: { id: await userOf(token.education), email: 'not-an-address' } }, await hub.token(Role.ADMIN));
    expect(out.data.userUpdate.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'email'], message: '邮箱地址格式无效', article: null }]);
  });

  it('sends each person with an address one message listing every event they receive; one mailbox of two accounts gets one', async () => {
    await worker.deliverDue();
    const before = smtp.mails.length;
    const second = await hub.userId(Role.PROJECT_UNIT, 'notify.second', '教育局第二联系人');
    await setEmail(await userOf(token.education), 'zhang.jy@sucheng.gov.cn');
    await setEmail(await userOf(token.bureau), 'li.dsj@sucheng.gov.cn');
    await setEmail(await userOf(token.office), 'wang.ldxz@sucheng.gov.cn');
    await setEmail(await hub.userId(Role.EXPERT, EXPERT_ZHAO.login, EXPERT_ZHAO.name), 'zhao.expert@sucheng.gov.cn');
    await setEmail(await hub.userId(Role.EXPERT, EXPERT_QIAN.login, EXPERT_QIAN.name), 'qian.expert@sucheng.gov.cn');
    // An education clerk and the health unit's user share one mailbox (in any case): one message with both their events.
    await setEmail(second, 'Shared.Box@sucheng.gov.cn');
    await setEmail(await userOf(token.health), 'shared.box@sucheng.gov.cn');
    await setEmail(await hub.userId(Role.PROJECT_UNIT, 'feed.clerk', '订阅人'), 'disabled@sucheng.gov.cn'); // disabled above

    const round = await worker.dailyRound();
    await worker.deliverDue();
    expect((await worker.dailyRound()).digests).toBe(0); // a second round the same day sends nothing
    await worker.deliverDue();
    const sent = smtp.mails.slice(before);
    const personal = [
      'zhang.jy@sucheng.gov.cn',
      'li.dsj@sucheng.gov.cn',
      'wang.ldxz@sucheng.gov.cn',
      'zhao.expert@sucheng.gov.cn',
      'shared.box@sucheng.gov.cn',
    ];
    expect(
      sent
        .map((m) => m.to[0])
        .filter((a) => personal.includes(a))
        .sort(),
    ).toEqual([...personal].sort()); // one each
    expect(round.digests).toBe(sent.length);
    expect(mailTo('qian.expert@sucheng.gov.cn')).toEqual([]); // not named by any review
    expect(mailTo('disabled@sucheng.gov.cn')).toEqual([]);

    // Each lists exactly what that person's organisation and role receive (their webhook's events of the 7 days).
    expect(idsOf('zhang.jy@sucheng.gov.cn')).toEqual(windowIds('/education'));
    expect(idsOf('li.dsj@sucheng.gov.cn')).toEqual(windowIds('/bureau'));
    expect(idsOf('wang.ldxz@sucheng.gov.cn')).toEqual(windowIds('/office'));
    expect(idsOf('shared.box@sucheng.gov.cn')).toEqual(windowIds('/education', '/health'));
    const review = await hub.ds.query(`SELECT id FROM notification_event WHERE kind = 'REVIEW_ASSIGNED'`);
    expect(idsOf('zhao.expert@sucheng.gov.cn')).toEqual(review.map((r: { id: string }) => r.id));

    // The organisation's own address keeps its digest: the education unit's new events reach it too.
    expect(mailTo('jyj@sucheng.gov.cn').length).toBeGreaterThan(1);
    const orgIds = new Set(idsOf('jyj@sucheng.gov.cn'));
    expect(at('/education').filter((r) => r.json.kind === NotificationEventKind.RECTIFICATION_ORDERED && !orgIds.has(r.json.id))).toEqual([]);

    // The next day: only what is new, and an address removed gets nothing more.
    await setEmail(await userOf(token.office), null);
    advance(86_400_000);
    await worker.dailyRound();
    await worker.deliverDue();
    expect(mailTo('wang.ldxz@sucheng.gov.cn')).toHaveLength(1);
  });
});

/**
 * Every kind of the outbox, by the enum: the to-do it shows (in a spec above) and the receiver it
 * reached. A kind added to NotificationEventKind without both fails here (and does not compile).
 */
const COVERAGE: Record<NotificationEventKind, { todo: string; receivers: string[] }> = {
  RESOURCE_RETURNED: { todo: 'RESOURCE_REVISION', receivers: ['/education', 'zhang.jy@sucheng.gov.cn'] },
  SHARING_REQUEST_CREATED: { todo: 'SHARING_REQUEST_ANSWER', receivers: ['/education', 'zhang.jy@sucheng.gov.cn'] },
  DEADLINE_DUE_7: { todo: 'ACCEPTANCE_WINDOW', receivers: ['/education', 'jyj@sucheng.gov.cn'] },
  DEADLINE_DUE_3: { todo: 'ACCEPTANCE_APPLICATION', receivers: ['/education', 'jyj@sucheng.gov.cn'] },
  DEADLINE_DUE_1: { todo: 'ACCEPTANCE_APPLICATION', receivers: ['/education', 'jyj@sucheng.gov.cn'] },
  DEADLINE_OVERDUE: { todo: 'FILING_OVERDUE', receivers: ['/education', '/office', 'jyj@sucheng.gov.cn'] },
  AGGREGATION_FAILING: { todo: 'INTERFACE_FAILING', receivers: ['/education', '/bureau', 'dsj@sucheng.gov.cn'] },
  REVIEW_ASSIGNED: { todo: 'EXPERT_REVIEW', receivers: ['zhao.expert@sucheng.gov.cn'] },
  RECTIFICATION_ORDERED: { todo: 'RECTIFICATION_REPORT', receivers: ['/education', 'zhang.jy@sucheng.gov.cn'] },
  RECTIFICATION_REPORTED: { todo: 'RECTIFICATION_DECISION', receivers: ['/office', 'wang.ldxz@sucheng.gov.cn'] },
  RECTIFICATION_DECIDED: { todo: 'none left (the decision ends the rectification’s to-dos)', receivers: ['/education', 'zhang.jy@sucheng.gov.cn'] },
  CO_BUILDING_PROPOSED: { todo: 'CO_BUILDING_ANSWER', receivers: ['/health', 'shared.box@sucheng.gov.cn'] },
};

describe('every event kind', () => {
  beforeAll(() => {
    // The kinds the first specs showed the to-do of (RESOURCE_RETURNED … the deadlines), as they did.
    for (const k of [
      'RESOURCE_RETURNED',
      'SHARING_REQUEST_CREATED',
      'AGGREGATION_FAILING',
      'DEADLINE_DUE_7',
      'DEADLINE_DUE_3',
      'DEADLINE_DUE_1',
      'DEADLINE_OVERDUE',
    ])
      todoShown.add(k as NotificationEventKind);
  });

  it.each(Object.values(NotificationEventKind))('%s has its to-do and reached each of its receivers', async (kind) => {
    expect(COVERAGE[kind]).toBeDefined();
    expect(todoShown.has(kind)).toBe(true);
    const events: { id: string }[] = await hub.ds.query(`SELECT id FROM notification_event WHERE kind = $1`, [kind]);
    expect(events.length).toBeGreaterThan(0);
    for (const receiver of COVERAGE[kind].receivers) {
      const got = receiver.startsWith('/')
        ? at(receiver)
            .filter((r) => r.json.kind === kind)
            .map((r) => r.json.id)
        : smtp.mails.filter((m) => m.to.includes(receiver)).flatMap((m) => (m.header('X-Hub-Event-Ids') ?? '').split(',').map((id) => id.trim()));
      expect(events.filter((e) => got.includes(e.id)).length).toBeGreaterThan(0);
    }
  });
});

/** A person sets their own reminder address (viewerEmailSet): no administrator needed. */
describe('a person’s own reminder address', () => {
  const SET = `mutation ($input: ViewerEmailSetInput!) { viewerEmailSet(input: $input) { user { id email } ${USER_ERRORS} } }`;
  const VIEWER = `{ viewer { userId email } }`;
  const mailTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  const auditCount = async () => Number((await hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE outcome = 'SUCCESS'`))[0].n);

  it('refuses a malformed or too long address naming the field, writing nothing; a unit user sets and clears their own', async () => {
    const clerk = await hub.token(Role.PROJECT_UNIT, codeOf('education'), 'self.mail', '自设邮箱人');
    const other = await hub.token(Role.PROJECT_UNIT, codeOf('education'), 'self.mail.two', '清除邮箱人');
    expect((await hub.gql(VIEWER, {}, clerk)).data.viewer.email).toBeNull();

    const before = await auditCount();
    const bad = await hub.gql(SET, { input: { email: 'not-an-address' } }, clerk);
    expect(bad.data.viewerEmailSet).toEqual({
      user: null,
      userErrors: [{ code: 'INVALID', field: ['input', 'email'], message: '邮箱地址格式无效', article: null }],
    });
    const long = await hub.gql(SET, { input: { email: `${'a'.repeat(250)}@sucheng.gov.cn` } }, clerk);
    expect(long.data.viewerEmailSet.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field.join('.')])).toContainEqual([
      'TOO_LONG',
      'input.email',
    ]);
    expect(await auditCount()).toBe(before);
    expect((await hub.gql(VIEWER, {}, clerk)).data.viewer.email).toBeNull();

    const set = await hub.gql(SET, { input: { email: '  Self.Mail@SuCheng.gov.cn ' } }, clerk);
    expect(set.data.viewerEmailSet).toEqual({ user: { id: await userOf(clerk), email: 'Self.Mail@SuCheng.gov.cn' }, userErrors: [] });
    expect((await hub.gql(VIEWER, {}, clerk)).data.viewer).toEqual({ userId: await userOf(clerk), email: 'Self.Mail@SuCheng.gov.cn' });
    expect(await auditCount()).toBe(before + 1); // audited like every mutation

    // The second clerk sets one and clears it again (blank clears as null does): no digest for them.
    expect((await hub.gql(SET, { input: { email: 'gone.box@sucheng.gov.cn' } }, other)).data.viewerEmailSet.userErrors).toEqual([]);
    const cleared = await hub.gql(SET, { input: { email: '   ' } }, other);
    expect(cleared.data.viewerEmailSet).toEqual({ user: { id: await userOf(other), email: null }, userErrors: [] });
    expect((await hub.gql(SET, { input: { email: null } }, other)).data.viewerEmailSet.userErrors).toEqual([]);

    // The next daily round reaches the set address (compared in lower case, as the digest does) with the unit's events of the 7 days.
    const expected = at('/education')
      .filter((r) => Date.parse(r.json.occurredAt) > now - 7 * 86_400_000)
      .map((r) => r.json.id as string)
      .filter((id, i, all) => all.indexOf(id) === i)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    await worker.dailyRound();
    await worker.deliverDue();
    const mails = mailTo('self.mail@sucheng.gov.cn');
    expect(mails).toHaveLength(1);
    expect(
      (mails[0].header('X-Hub-Event-Ids') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
        .sort(),
    ).toEqual(expected);
    expect(mailTo('gone.box@sucheng.gov.cn')).toEqual([]);

    // Cleared, the person gets nothing more.
    expect((await hub.gql(SET, { input: { email: null } }, clerk)).data.viewerEmailSet.user.email).toBeNull();
    expect((await hub.gql(VIEWER, {}, clerk)).data.viewer.email).toBeNull();
    expect(await hub.ds.query(`SELECT email FROM hub_user WHERE login IN ('self.mail', 'self.mail.two')`)).toEqual([{ email: null }, { email: null }]);
    advance(86_400_000);
    await worker.dailyRound();
    await worker.deliverDue();
    expect(mailTo('self.mail@sucheng.gov.cn')).toHaveLength(1);
  });
});
