/**
 * The bulk ingest (aggregationRunsIngest, one AggregationRunBatch value): the same rules, answers and
 * storage as aggregationRunsReport — the platform and the bureau only, a wrong run refuses the whole
 * batch naming its index and field (types included, checked by the hub in one pass), nothing written
 * on refusal, retries and concurrent copies idempotent, the size limits, one audit entry per batch.
 */
import { fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { MountStatus } from '../src/modules/sharing';
import { hoursAgo, NOW, REPORT, runFixtures } from './support/aggregation';
import { insertProject } from './support/catalogue';
import { postGraphql, startTestHub, TestHub } from './support/hub';
import { orgId } from './support/projects';

const INGEST = `mutation ($batch: AggregationRunBatch!) {
  aggregationRunsIngest(batch: $batch) { accepted duplicates userErrors { code field message article } } }`;

let hub: TestHub;
let platform: string;
let projectId: string;
let provider: string;

const fixtures = runFixtures('BATCH-');
const run = (interfaceId: string, ranAt: string, overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  fixtures.run(interfaceId, ranAt, overrides);
const newInterface = (mountStatus = MountStatus.MOUNTED) => fixtures.mounted(hub, projectId, provider, mountStatus);

type Counts = { accepted: number | null; duplicates: number | null; userErrors: any[] };

async function ingest(batch: unknown, token = platform): Promise<Counts> {
  const res = await hub.gql(INGEST, { batch }, token);
  expect(res.errors).toBeUndefined();
  return res.data.aggregationRunsIngest;
}

async function report(runs: unknown[], token = platform): Promise<Counts> {
  const res = await hub.gql(REPORT, { input: { runs } }, token);
  expect(res.errors).toBeUndefined();
  return res.data.aggregationRunsReport;
}

const count = async (table: string) => (await hub.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', fixedClock(new Date(NOW)));
  platform = await hub.token(Role.PLATFORM);
  projectId = (await insertProject(hub.ds, 'education')).id;
  provider = await orgId(hub, 'education');
});
afterAll(() => hub.close());

describe('aggregationRunsIngest: who may ingest', () => {
  it('the platform and the big-data bureau; no one else, and nothing is written', async () => {
    const { interfaceId } = await newInterface();
    for (const role of [Role.PROJECT_UNIT, Role.LEADING_GROUP_OFFICE, Role.AUDITOR, Role.EXPERT, Role.ADMIN]) {
      const res = await hub.gql(INGEST, { batch: { runs: [run(interfaceId, hoursAgo(1))] } }, await hub.token(role));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await hub.gql(INGEST, { batch: { runs: [run(interfaceId, hoursAgo(1))] } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count('aggregation_run')).toBe(0);
    expect(await ingest({ runs: [run(interfaceId, hoursAgo(2))] })).toEqual({ accepted: 1, duplicates: 0, userErrors: [] });
    expect(await ingest({ runs: [run(interfaceId, hoursAgo(1))] }, await hub.token(Role.BIG_DATA_BUREAU))).toEqual({
      accepted: 1,
      duplicates: 0,
      userErrors: [],
    });
  });
});

describe('aggregationRunsIngest: a wrong run refuses the whole batch, naming its index and field, and writes nothing', () => {
  let interfaceId: string;
  let state: string;
  const snapshot = async () =>
    JSON.stringify([
      await count('aggregation_run'),
      await count('aggregation_run_key'),
      await count('audit_entry'),
      await count('notification_event'),
      await hub.ds.query(`SELECT * FROM interface_run_times ORDER BY interface_id`),
      await hub.ds.query(`SELECT * FROM resource_run_times ORDER BY resource_id`),
    ]);
  beforeAll(async () => {
    ({ interfaceId } = await newInterface());
    expect((await ingest({ runs: [run(interfaceId, hoursAgo(30))] })).accepted).toBe(1);
    state = await snapshot();
  });
  afterEach(async () => expect(await snapshot()).toBe(state));

  const batchWith = (bad: Record<string, unknown>, at = 3) =>
    Array.from({ length: 5 }, (_, i) => {
      const r = run(interfaceId, hoursAgo(10 - i));
      if (i !== at) return r;
      const out = { ...r, ...bad };
      for (const [k, v] of Object.entries(bad)) if (v === undefined) delete out[k];
      return out;
    });

  // The rules of the typed mutation, answered the same way (code, message), only the path starts at "batch".
  it.each([
    ['records below 0', { records: -1 }, 'records', 'OUT_OF_RANGE'],
    ['an empty platform run id', { platformRunId: '   ' }, 'platformRunId', 'REQUIRED'],
    ['a platform run id over 100 characters', { platformRunId: 'X'.repeat(101) }, 'platformRunId', 'TOO_LONG'],
    ['an interface id that is not a UUID', { interfaceId: 'interface-1' }, 'interfaceId', 'INVALID'],
    ['a run more than 5 minutes in the future', { ranAt: new Date(NOW + 6 * 60_000).toISOString() }, 'ranAt', 'OUT_OF_RANGE'],
    ['a failure without its reason', { outcome: 'FAILED' }, 'failureReason', 'REQUIRED'],
    ['a failure with a blank reason', { outcome: 'FAILED', failureReason: '  ' }, 'failureReason', 'REQUIRED'],
    ['a success with a failure reason', { failureReason: '连接超时' }, 'failureReason', 'INVALID'],
    ['a failure reason over 2000 characters', { outcome: 'FAILED', failureReason: '错'.repeat(2001) }, 'failureReason', 'TOO_LONG'],
  ])('%s: as the typed mutation answers it', async (_label, bad, field, code) => {
    const runs = batchWith(bad);
    const out = await ingest({ runs });
    expect(out.accepted).toBeNull();
    expect(out.duplicates).toBeNull();
    expect(out.userErrors).toEqual([expect.objectContaining({ code, field: ['batch', 'runs', '3', field] })]);
    const typed = await report(runs.map((r, i) => (i === 3 ? r : { ...r, platformRunId: `${r.platformRunId}-t` })));
    expect(out.userErrors.map((e) => ({ ...e, field: e.field.slice(1) }))).toEqual(typed.userErrors.map((e) => ({ ...e, field: e.field.slice(1) })));
  });

  // Types: what graphql-js would refuse before the typed mutation runs, here a userError naming the run and field.
  it.each([
    ['an unknown mode', { mode: 'WEEKLY' }, 'mode', 'INVALID'],
    ['no mode', { mode: undefined }, 'mode', 'REQUIRED'],
    ['an unknown outcome', { outcome: 'OK' }, 'outcome', 'INVALID'],
    ['records as text', { records: '12' }, 'records', 'INVALID'],
    ['records not an integer', { records: 1.5 }, 'records', 'INVALID'],
    ['records past 32 bits', { records: 2 ** 31 }, 'records', 'INVALID'],
    ['no records', { records: undefined }, 'records', 'REQUIRED'],
    ['a ranAt that is no instant', { ranAt: '2027-05-31' }, 'ranAt', 'INVALID'],
    ['a ranAt in year 0000', { ranAt: '0000-01-01T00:00:00Z' }, 'ranAt', 'INVALID'],
    ['no ranAt', { ranAt: undefined }, 'ranAt', 'REQUIRED'],
    ['an interface id as a number', { interfaceId: 42 }, 'interfaceId', 'INVALID'],
    ['no platform run id', { platformRunId: null }, 'platformRunId', 'REQUIRED'],
    ['a failure reason as an object', { outcome: 'FAILED', failureReason: { text: 'x' } }, 'failureReason', 'INVALID'],
    ['a field the run does not have', { extra: 1 }, 'extra', 'INVALID'],
  ])('%s', async (_label, bad, field, code) => {
    const out = await ingest({ runs: batchWith(bad) });
    expect(out.accepted).toBeNull();
    expect(out.userErrors).toEqual([expect.objectContaining({ code, field: ['batch', 'runs', '3', field] })]);
    expect(out.userErrors[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a run that is not an object, and every wrong run, in index order', async () => {
    const runs: unknown[] = batchWith({ records: -5 }, 1);
    runs[2] = 'run';
    runs[4] = { ...(runs[4] as object), mode: 'X', outcome: 'Y' };
    const out = await ingest({ runs });
    expect(out.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID', ['batch', 'runs', '2']],
      ['INVALID', ['batch', 'runs', '4', 'mode']],
      ['INVALID', ['batch', 'runs', '4', 'outcome']],
    ]);
    // once well typed, the rules name theirs
    expect((await ingest({ runs: batchWith({ records: -5 }, 1) })).userErrors.map((e) => e.field)).toEqual([['batch', 'runs', '1', 'records']]);
  });

  it.each([
    ['no runs field', {}],
    ['runs not an array', { runs: { 0: {} } }],
    ['the batch a list', [{}]],
    ['the batch a string', 'runs'],
    ['the batch null inside', { runs: null }],
  ])('%s: REQUIRED on batch.runs', async (_label, batch) => {
    expect((await ingest(batch)).userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['batch', 'runs'] })]);
  });

  it('a field the batch does not have is named', async () => {
    expect((await ingest({ runs: batchWith({}), dryRun: true })).userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID', field: ['batch', 'dryRun'] }),
    ]);
  });

  it('a run repeated within the batch is refused at its second place', async () => {
    const runs = batchWith({});
    runs[3] = { ...runs[3], platformRunId: runs[1].platformRunId };
    const out = await ingest({ runs });
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['batch', 'runs', '3', 'platformRunId'] })]);
    expect(out.userErrors[0].message).toContain('runs[1]');
  });

  it('an unknown interface is NOT_FOUND; one not mounted is refused by 第十七条, at its index', async () => {
    expect((await ingest({ runs: batchWith({ interfaceId: '00000000-0000-4000-8000-000000000000' }) })).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['batch', 'runs', '3', 'interfaceId'], message: '共享接口不存在', article: null },
    ]);
    for (const status of [MountStatus.NOT_MOUNTED, MountStatus.WITHDRAWN]) {
      const other = await newInterface(status);
      state = await snapshot(); // the new interface's resource and interface, no run
      expect((await ingest({ runs: batchWith({ interfaceId: other.interfaceId }) })).userErrors).toEqual([
        expect.objectContaining({ code: 'RULE_VIOLATION', field: ['batch', 'runs', '3', 'interfaceId'], article: '第十七条' }),
      ]);
    }
  });

  it('the text rule: a control character or a bidirectional override is refused naming the field', async () => {
    for (const bad of [{ platformRunId: 'SQ\u0000RUN' }, { outcome: 'FAILED', failureReason: '超时\u202e' }]) {
      const res = await hub.gql(INGEST, { batch: { runs: batchWith(bad) } }, platform);
      const field = Object.keys(bad).at(-1)!;
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toEqual(['batch', 'runs', '3', field]);
    }
  });

  it('limits: an empty batch and one over 1000 runs are refused on batch.runs', async () => {
    expect((await ingest({ runs: [] })).userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['batch', 'runs'] })]);
    const tooMany = Array.from({ length: 1001 }, (_, i) => run(interfaceId, hoursAgo(1 + i / 100)));
    expect((await ingest({ runs: tooMany })).userErrors).toEqual([expect.objectContaining({ code: 'TOO_LONG', field: ['batch', 'runs'] })]);
  });
});

describe('aggregationRunsIngest: stored as the typed mutation stores', () => {
  it('the latest run and success kept; a retry is all duplicates and changes nothing; each path sees the other’s runs as duplicates', async () => {
    const { interfaceId } = await newInterface();
    const batch = [
      run(interfaceId, hoursAgo(30), { outcome: 'FAILED', failureReason: '  源库连接超时 ' }),
      run(interfaceId, hoursAgo(20), { mode: 'FULL', records: 0, platformRunId: '  SQ-PADDED  ' }),
      run(interfaceId, hoursAgo(10), { outcome: 'FAILED', failureReason: '源库连接超时' }),
    ];
    expect(await ingest({ runs: batch })).toEqual({ accepted: 3, duplicates: 0, userErrors: [] });
    const stored = await hub.ds.query(
      `SELECT platform_run_id, mode, records, outcome, failure_reason FROM aggregation_run WHERE interface_id = $1 ORDER BY ran_at`,
      [interfaceId],
    );
    expect(stored.map((r: any) => [r.platform_run_id, r.failure_reason])).toEqual([
      [batch[0].platformRunId, '源库连接超时'],
      ['SQ-PADDED', null],
      [batch[2].platformRunId, '源库连接超时'],
    ]);
    const [times] = await hub.ds.query(`SELECT last_run_at, last_success_at FROM interface_run_times WHERE interface_id = $1`, [interfaceId]);
    expect([times.last_run_at.toISOString(), times.last_success_at.toISOString()]).toEqual([hoursAgo(10), hoursAgo(20)]);

    const runs = await count('aggregation_run');
    expect(await ingest({ runs: batch })).toEqual({ accepted: 0, duplicates: 3, userErrors: [] });
    expect(await report(batch.map((r) => ({ ...r, platformRunId: String(r.platformRunId).trim() })))).toEqual({
      accepted: 0,
      duplicates: 3,
      userErrors: [],
    });
    const fresh = run(interfaceId, hoursAgo(5));
    expect(await report([fresh])).toMatchObject({ accepted: 1 });
    expect(await ingest({ runs: [fresh, run(interfaceId, hoursAgo(4))] })).toEqual({ accepted: 1, duplicates: 1, userErrors: [] });
    expect(await count('aggregation_run')).toBe(runs + 2);
  });

  it('four copies of a batch sent at once store it once', async () => {
    const { interfaceId } = await newInterface();
    const batch = Array.from({ length: 40 }, (_, i) => run(interfaceId, hoursAgo(40 - i)));
    const out = await Promise.all([1, 2, 3, 4].map(() => ingest({ runs: batch })));
    expect([out.reduce((n, o) => n + o.accepted!, 0), out.reduce((n, o) => n + o.duplicates!, 0)]).toEqual([40, 120]);
    expect((await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run WHERE interface_id = $1`, [interfaceId]))[0].n).toBe(40);
  });

  it('one audit entry per batch, under the mutation’s name, by the caller; a refused batch none', async () => {
    const { interfaceId } = await newInterface();
    const before = await count('audit_entry');
    expect(await ingest({ runs: [run(interfaceId, hoursAgo(3)), run(interfaceId, hoursAgo(2))] })).toMatchObject({ accepted: 2 });
    const entries = await hub.ds.query(`SELECT operation, actor_id FROM audit_entry ORDER BY seq DESC LIMIT 1`);
    expect(await count('audit_entry')).toBe(before + 1);
    expect(entries[0].operation).toBe('aggregationRunsIngest');
    expect(entries[0].actor_id).toBeTruthy();
    expect(await ingest({ runs: [run(interfaceId, hoursAgo(1), { records: -1 })] })).toMatchObject({ accepted: null });
    expect(await count('audit_entry')).toBe(before + 1);
  });

  it('第十七条: an interface whose last runs all failed becomes one AGGREGATION_FAILING event, once per streak', async () => {
    const { interfaceId } = await newInterface();
    const failing = () =>
      hub.ds.query(`SELECT count(*)::int AS n FROM notification_event WHERE kind = 'AGGREGATION_FAILING' AND data->>'interfaceId' = $1`, [interfaceId]);
    const failures = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => run(interfaceId, hoursAgo(from - i), { outcome: 'FAILED', failureReason: '超时' }));
    expect(await ingest({ runs: [run(interfaceId, hoursAgo(60)), ...failures(hub.config.interfaceFailingRuns, 50)] })).toMatchObject({ userErrors: [] });
    expect((await failing())[0].n).toBe(1);
    expect(await ingest({ runs: failures(2, 40) })).toMatchObject({ userErrors: [] });
    expect((await failing())[0].n).toBe(1);
  });

  it('a literal batch in the document is read like a variable', async () => {
    const { interfaceId } = await newInterface();
    const res = await hub.gql(
      `mutation { aggregationRunsIngest(batch: { runs: [{ interfaceId: "${interfaceId}", platformRunId: "SQ-LIT-1", ranAt: "${hoursAgo(1)}", mode: "FULL", records: 3, outcome: "SUCCEEDED" }] }) { accepted userErrors { field } } }`,
      {},
      platform,
    );
    expect(res.data.aggregationRunsIngest).toEqual({ accepted: 1, userErrors: [] });
  });
});

// Last: the hub answers 413 before it has read the body and the client's connection is reset after it.
it('a body over 2 MB is refused with 413 and writes nothing', async () => {
  const { interfaceId } = await newInterface();
  const runs = await count('aggregation_run');
  const huge = Array.from({ length: 1000 }, (_, i) => run(interfaceId, hoursAgo(1 + i / 100), { outcome: 'FAILED', failureReason: '错'.repeat(1000) }));
  const res = await postGraphql(hub.url, { query: INGEST, variables: { batch: { runs: huge } } }, { token: platform });
  expect(res.status).toBe(413);
  expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(await count('aggregation_run')).toBe(runs);
});
