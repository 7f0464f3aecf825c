import { fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { SharingInterface, MountStatus } from '../src/modules/sharing';
import { AUDIT_STATEMENTS_PER_MUTATION } from '../src/modules/audit';
import { detachRunMonths, extendRunMonthsBack, runPartitions } from '../src/modules/aggregation';
import { hoursAgo, NOW, REPORT, runFixtures } from './support/aggregation';
import { insertProject } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { orgId } from './support/projects';

const fixtures = runFixtures('');
const run = fixtures.run;

let hub: TestHub;
let platform: string;
let bureau: string;
let projectId: string;
let provider: string;

const newInterface = (resourceId: string, mountStatus = MountStatus.MOUNTED) => fixtures.newInterface(hub, resourceId, mountStatus);
/** A resource with one interface in `mountStatus`. */
const mounted = (mountStatus = MountStatus.MOUNTED) => fixtures.mounted(hub, projectId, provider, mountStatus);

async function report(runs: unknown[], token = platform) {
  const res = await hub.gql(REPORT, { input: { runs } }, token);
  expect(res.errors).toBeUndefined();
  return res.data.aggregationRunsReport as { accepted: number | null; duplicates: number | null; userErrors: any[] };
}

const runCount = async () => (await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run`))[0].n as number;

/** The latest-run columns of an interface and its resource, as ISO strings. */
async function latest(interfaceId: string) {
  const i = await hub.ds.getRepository(SharingInterface).findOneByOrFail({ id: interfaceId });
  const [t] = await hub.ds.query(`SELECT last_run_at, last_success_at FROM interface_run_times WHERE interface_id = $1`, [interfaceId]);
  const [r] = await hub.ds.query(`SELECT last_aggregated_at FROM resource_run_times WHERE resource_id = $1`, [i.resourceId]);
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  return { lastRunAt: iso(t?.last_run_at), lastSuccessAt: iso(t?.last_success_at), lastAggregatedAt: iso(r?.last_aggregated_at) };
}

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', fixedClock(new Date(NOW)));
  platform = await hub.token(Role.PLATFORM);
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  projectId = (await insertProject(hub.ds, 'education')).id;
  provider = await orgId(hub, 'education');
});
afterAll(() => hub.close());

describe('aggregationRunsReport: who may report', () => {
  it('the platform and the big-data bureau; no one else, and nothing is written', async () => {
    const { interfaceId } = await mounted();
    for (const role of [Role.PROJECT_UNIT, Role.LEADING_GROUP_OFFICE, Role.AUDITOR, Role.EXPERT, Role.ADMIN]) {
      const res = await hub.gql(REPORT, { input: { runs: [run(interfaceId, hoursAgo(1))] } }, await hub.token(role));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await hub.gql(REPORT, { input: { runs: [run(interfaceId, hoursAgo(1))] } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await runCount()).toBe(0);
    expect(await report([run(interfaceId, hoursAgo(2))], platform)).toEqual({ accepted: 1, duplicates: 0, userErrors: [] });
    expect(await report([run(interfaceId, hoursAgo(1))], bureau)).toEqual({ accepted: 1, duplicates: 0, userErrors: [] });
  });
});

describe('aggregationRunsReport: a wrong run refuses the whole batch, naming its index and field', () => {
  let interfaceId: string;
  let before: Awaited<ReturnType<typeof latest>>;
  let runsBefore: number;
  beforeAll(async () => {
    ({ interfaceId } = await mounted());
    expect((await report([run(interfaceId, hoursAgo(30))])).accepted).toBe(1);
    before = await latest(interfaceId);
    runsBefore = await runCount();
  });
  afterEach(async () => {
    expect(await runCount()).toBe(runsBefore);
    expect(await latest(interfaceId)).toEqual(before);
  });

  const batchWith = (bad: Record<string, unknown>, at = 3) => Array.from({ length: 5 }, (_, i) => run(interfaceId, hoursAgo(10 - i), i === at ? bad : {}));

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
  ])('%s', async (_label, bad, field, code) => {
    const out = await report(batchWith(bad));
    expect(out.accepted).toBeNull();
    expect(out.duplicates).toBeNull();
    expect(out.userErrors).toEqual([expect.objectContaining({ code, field: ['input', 'runs', '3', field] })]);
  });

  it('every wrong run is named, in index order', async () => {
    const runs = batchWith({ records: -5 }, 1);
    runs[4] = run(interfaceId, hoursAgo(1), { outcome: 'FAILED' });
    const out = await report(runs);
    expect(out.userErrors.map((e) => e.field)).toEqual([
      ['input', 'runs', '1', 'records'],
      ['input', 'runs', '4', 'failureReason'],
    ]);
  });

  it('a run repeated within the batch is refused at its second place', async () => {
    const runs = batchWith({});
    runs[3] = { ...runs[3], platformRunId: runs[1].platformRunId };
    const out = await report(runs);
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'runs', '3', 'platformRunId'] })]);
    expect(out.userErrors[0].message).toContain('runs[1]');
  });

  it('an unknown interface is NOT_FOUND at its index', async () => {
    const out = await report(batchWith({ interfaceId: '00000000-0000-4000-8000-000000000000' }));
    expect(out.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'runs', '3', 'interfaceId'], message: '共享接口不存在', article: null }]);
  });

  it.each([MountStatus.NOT_MOUNTED, MountStatus.WITHDRAWN])('an interface %s on the city platform is refused by 第十七条', async (status) => {
    const other = await mounted(status);
    const out = await report(batchWith({ interfaceId: other.interfaceId }));
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', field: ['input', 'runs', '3', 'interfaceId'], article: '第十七条' })]);
    expect(await latest(other.interfaceId)).toEqual({ lastRunAt: null, lastSuccessAt: null, lastAggregatedAt: null });
  });

  it('an empty batch, and one over 1000 runs, are refused on input.runs', async () => {
    expect((await report([])).userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'runs'] })]);
    const tooMany = Array.from({ length: 1001 }, (_, i) => run(interfaceId, hoursAgo(1 + i / 100)));
    expect((await report(tooMany)).userErrors).toEqual([expect.objectContaining({ code: 'TOO_LONG', field: ['input', 'runs'] })]);
  });
});

describe('aggregationRunsReport: stored once, latest run and success kept', () => {
  it('keeps the latest run and the latest success per interface, and the latest success per resource', async () => {
    const { interfaceId } = await mounted();
    const out = await report([
      run(interfaceId, hoursAgo(30), { outcome: 'FAILED', failureReason: '源库连接超时' }),
      run(interfaceId, hoursAgo(20), { mode: 'FULL', records: 0 }),
      run(interfaceId, hoursAgo(10), { outcome: 'FAILED', failureReason: '源库连接超时' }),
    ]);
    expect(out).toEqual({ accepted: 3, duplicates: 0, userErrors: [] });
    expect(await latest(interfaceId)).toEqual({ lastRunAt: hoursAgo(10), lastSuccessAt: hoursAgo(20), lastAggregatedAt: hoursAgo(20) });
  });

  it('a retried batch changes nothing: every run is a duplicate, the latest-run columns stay', async () => {
    const { interfaceId } = await mounted();
    const batch = [run(interfaceId, hoursAgo(5)), run(interfaceId, hoursAgo(4), { outcome: 'FAILED', failureReason: '超时' })];
    expect(await report(batch)).toEqual({ accepted: 2, duplicates: 0, userErrors: [] });
    const before = await latest(interfaceId);
    const runs = await runCount();
    const updatedAt = (await hub.ds.getRepository(SharingInterface).findOneByOrFail({ id: interfaceId })).updatedAt;

    expect(await report(batch)).toEqual({ accepted: 0, duplicates: 2, userErrors: [] });
    expect(await runCount()).toBe(runs);
    expect(await latest(interfaceId)).toEqual(before);
    expect((await hub.ds.getRepository(SharingInterface).findOneByOrFail({ id: interfaceId })).updatedAt).toEqual(updatedAt);

    // Part retried, part new: only the new run counts and moves the columns.
    expect(await report([...batch, run(interfaceId, hoursAgo(3))])).toEqual({ accepted: 1, duplicates: 2, userErrors: [] });
    expect(await latest(interfaceId)).toEqual({ lastRunAt: hoursAgo(3), lastSuccessAt: hoursAgo(3), lastAggregatedAt: hoursAgo(3) });
  });

  it('an older run reported late moves nothing back (GREATEST)', async () => {
    const { interfaceId } = await mounted();
    await report([run(interfaceId, hoursAgo(2))]);
    expect(await report([run(interfaceId, hoursAgo(50)), run(interfaceId, hoursAgo(40), { outcome: 'FAILED', failureReason: '超时' })])).toMatchObject({
      accepted: 2,
    });
    expect(await latest(interfaceId)).toEqual({ lastRunAt: hoursAgo(2), lastSuccessAt: hoursAgo(2), lastAggregatedAt: hoursAgo(2) });
  });

  it('a resource keeps the latest success over all its interfaces; a failure never sets it', async () => {
    const { resourceId, interfaceId: a } = await mounted();
    const b = await newInterface(resourceId);
    await report([run(a, hoursAgo(8)), run(b, hoursAgo(6), { outcome: 'FAILED', failureReason: '超时' })]);
    expect(await latest(b)).toEqual({ lastRunAt: hoursAgo(6), lastSuccessAt: null, lastAggregatedAt: hoursAgo(8) });
    await report([run(b, hoursAgo(7))]);
    expect(await latest(a)).toEqual({ lastRunAt: hoursAgo(8), lastSuccessAt: hoursAgo(8), lastAggregatedAt: hoursAgo(7) });
  });

  it('the same platform run id on two interfaces is two runs', async () => {
    const a = await mounted();
    const b = await mounted();
    const out = await report([
      run(a.interfaceId, hoursAgo(1), { platformRunId: 'SQ-SHARED-1' }),
      run(b.interfaceId, hoursAgo(1), { platformRunId: 'SQ-SHARED-1' }),
    ]);
    expect(out).toEqual({ accepted: 2, duplicates: 0, userErrors: [] });
  });

  it('two copies of a batch sent at once store it once', async () => {
    const { interfaceId } = await mounted();
    const batch = Array.from({ length: 20 }, (_, i) => run(interfaceId, hoursAgo(20 - i)));
    const [x, y] = await Promise.all([report(batch), report(batch)]);
    expect([x.accepted! + y.accepted!, x.duplicates! + y.duplicates!]).toEqual([20, 20]);
    expect(await latest(interfaceId)).toMatchObject({ lastRunAt: hoursAgo(1) });
  });

  it('a batch of 1000 runs over 50 interfaces is stored in three statements (read the interfaces, one insert that also updates, one that records the interfaces now failing)', async () => {
    const interfaces: string[] = [];
    for (let i = 0; i < 50; i++) interfaces.push((await mounted()).interfaceId);
    const batch = Array.from({ length: 1000 }, (_, i) =>
      run(interfaces[i % 50], hoursAgo(100 - i / 20), i % 7 === 0 ? { outcome: 'FAILED', failureReason: '超时' } : {}),
    );
    hub.statements.reset();
    expect(await report(batch)).toEqual({ accepted: 1000, duplicates: 0, userErrors: [] });
    expect(hub.statements.count).toBe(3 + AUDIT_STATEMENTS_PER_MUTATION); // and the audit log's, a fixed few per mutation
    // the last run of interfaces[0] is i = 950 (a success, 950 % 7 ≠ 0)
    expect(await latest(interfaces[0])).toEqual({
      lastRunAt: hoursAgo(100 - 950 / 20),
      lastSuccessAt: hoursAgo(100 - 950 / 20),
      lastAggregatedAt: hoursAgo(100 - 950 / 20),
    });
    hub.statements.reset();
    expect(await report(batch)).toEqual({ accepted: 0, duplicates: 1000, userErrors: [] });
  });
});

describe('SharingInterface.runs', () => {
  const RUNS = `query ($filter: InterfaceFilter, $first: Int, $after: String) {
    interfaces(first: 50, filter: $filter) { edges { node { id lastRunAt lastSuccessAt
      runs(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { platformRunId ranAt mode records outcome failureReason reportedAt } } } } } } }`;

  it('pages the runs of an interface, newest first', async () => {
    const { resourceId, interfaceId } = await mounted();
    await report(Array.from({ length: 5 }, (_, i) => run(interfaceId, hoursAgo(10 - i), { platformRunId: `PAGE-${i}` })));
    const page = async (after?: string) => {
      const res = await hub.gql(RUNS, { filter: { resourceId }, first: 2, after }, bureau);
      expect(res.errors).toBeUndefined();
      return res.data.interfaces.edges[0].node.runs;
    };
    const first = await page();
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e: any) => e.node.platformRunId)).toEqual(['PAGE-4', 'PAGE-3']);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.platformRunId)).toEqual(['PAGE-2', 'PAGE-1']);
    const third = await page(second.pageInfo.endCursor);
    expect(third.edges.map((e: any) => e.node.platformRunId)).toEqual(['PAGE-0']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(first.edges[0].node).toMatchObject({ ranAt: hoursAgo(6), mode: 'INCREMENTAL', records: 120, outcome: 'SUCCEEDED', failureReason: null });

    const bad = await hub.gql(RUNS, { filter: { resourceId }, first: 2, after: 'not-a-cursor' }, bureau);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs one statement for the runs of every interface on the page', async () => {
    const count = async () => {
      hub.statements.reset();
      const res = await hub.gql(RUNS, { filter: { projectId }, first: 3 }, bureau);
      expect(res.errors).toBeUndefined();
      expect(res.data.interfaces.edges.length).toBeGreaterThan(40);
      return hub.statements.count;
    };
    expect(await count()).toBe(2); // interfaces: the page with its count; runs: one
  });
});

describe('the run history, partitioned by month', () => {
  const partitionOf = async (platformRunId: string) =>
    (await hub.ds.query(`SELECT tableoid::regclass::text AS p FROM aggregation_run WHERE platform_run_id = $1`, [platformRunId]))[0]?.p as string | undefined;
  const partitions = async () => runPartitions((sql, params) => hub.ds.query(sql, params));

  it('this month and the next three have their partitions, and everything earlier aggregation_run_older; the daily job makes none twice', async () => {
    const month = (d: Date) => `aggregation_run_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const [{ now }] = await hub.ds.query(`SELECT now() AS now`);
    const names = (await partitions()).map((p) => p.name);
    for (let i = 0; i <= 3; i++) expect(names).toContain(month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))));
    expect(names[0]).toBe('aggregation_run_older');
    await hub.services.aggregation.dailyPartitions(hub.ds.manager);
    expect(await hub.services.aggregation.dailyPartitions(hub.ds.manager)).toBe(0);
  });

  it('runs land in their month; a replay across months is all duplicates, one key each', async () => {
    const { interfaceId } = await mounted();
    const batch = [run(interfaceId, hoursAgo(1)), run(interfaceId, hoursAgo(24 * 45)), run(interfaceId, hoursAgo(24 * 500))];
    expect(await report(batch)).toEqual({ accepted: 3, duplicates: 0, userErrors: [] });
    expect(await partitionOf(batch[0].platformRunId)).toBe('aggregation_run_y2027m05');
    expect(await partitionOf(batch[1].platformRunId)).toBe('aggregation_run_y2027m04');
    expect(await partitionOf(batch[2].platformRunId)).toBe('aggregation_run_older');
    const before = await runCount();
    expect(await report(batch)).toEqual({ accepted: 0, duplicates: 3, userErrors: [] });
    expect(await report([batch[2], run(interfaceId, hoursAgo(24 * 46))])).toEqual({ accepted: 1, duplicates: 1, userErrors: [] });
    expect(await runCount()).toBe(before + 1);
    const keys = await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run_key WHERE interface_id = $1`, [interfaceId]);
    expect(keys[0].n).toBe(4);
  });

  it('four copies of a batch over three months sent at once store it once', async () => {
    const { interfaceId } = await mounted();
    const batch = [0, 24 * 40, 24 * 70].flatMap((h) => Array.from({ length: 20 }, (_, i) => run(interfaceId, hoursAgo(h + i))));
    const answers = await Promise.all([1, 2, 3, 4].map(() => report(batch)));
    expect(answers.reduce((n, a) => n + a.accepted!, 0)).toBe(60);
    expect(answers.reduce((n, a) => n + a.duplicates!, 0)).toBe(180);
    const [{ n }] = await hub.ds.query(`SELECT count(*)::int AS n FROM aggregation_run WHERE interface_id = $1`, [interfaceId]);
    expect(n).toBe(60);
  });

  it('a detached month: its replays are still duplicates, and a late run of it lands in aggregation_run_older', async () => {
    const { interfaceId } = await mounted();
    await extendRunMonthsBack(hub.ds, new Date('2026-01-01T00:00:00Z'));
    const august = run(interfaceId, '2026-08-15T08:00:00.000Z');
    expect(await report([august])).toEqual({ accepted: 1, duplicates: 0, userErrors: [] });
    expect(await partitionOf(august.platformRunId)).toBe('aggregation_run_y2026m08');
    const done = await detachRunMonths(hub.ds, new Date('2026-09-01T00:00:00Z'), true);
    expect(done.detached).toContain('aggregation_run_y2026m08');
    expect(done.detached).not.toContain('aggregation_run_y2026m09');
    const names = (await partitions()).map((p) => p.name);
    expect(names).not.toContain('aggregation_run_y2026m08');
    expect((await partitions()).find((p) => p.name === 'aggregation_run_older')!.to.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(await partitionOf(august.platformRunId)).toBeUndefined();
    expect(await report([august])).toEqual({ accepted: 0, duplicates: 1, userErrors: [] });
    const late = run(interfaceId, '2026-08-20T08:00:00.000Z');
    expect(await report([late])).toEqual({ accepted: 1, duplicates: 0, userErrors: [] });
    expect(await partitionOf(late.platformRunId)).toBe('aggregation_run_older');
  });
});
