import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { mutate, Outcome } from '../../db/transaction';
import { ConnectionArgs } from '../../graphql/connection';
import { decodeCursor, Page, pageOf, pageSize } from '../../common/paging';
import { badInput } from '../../common/errors';
import { isInstant } from '../../common/formats';
import type { RequestContext } from '../../common/request-context';
import { UserError, userError, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { groupBy } from '../../common/batch';
import { interfacesAmongSql, MOUNT_STATUS_LABEL, MountStatus } from '../sharing';
import { AggregationRun } from './aggregation-run.entity';
import { AggregationMode, AggregationOutcome } from './aggregation.enums';
import { AggregationRunsReportInput } from './aggregation.inputs';
import { batchSizeProblem, ReportedRun, runProblems, trimmedRun, typedRuns } from './aggregation.rules';
import { failingInterfacesSql, runTimesUpsertCtes } from './aggregation.sql';
import { NotificationEventKind, recordEventsFrom } from '../notification';
import { Role } from '../../common/role.enums';

/** An interface's last-run bookkeeping (interface_run_times); null before its first run. */
export interface RunTimes {
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
}

export interface ReportCounts {
  accepted: number;
  duplicates: number;
}

interface Target {
  id: string;
  resource_id: string;
  mount_status: MountStatus;
}

/**
 * The reported interfaces and their mount status, read without locking: ingest takes no row lock
 * of its own (an unmount committing meanwhile orders after the report, as if the report had come
 * first; the runs' foreign keys keep the interface and the resource from being deleted under it).
 */
const READ_TARGETS = interfacesAmongSql('$1::uuid[]');

/**
 * The whole batch in one statement: the platform's keys (interface, platform run id) go into the
 * unpartitioned aggregation_run_key, skipping those already known, and the runs are inserted only
 * for the keys that statement really inserted (the run table is partitioned by month and cannot
 * enforce that key itself; a concurrent replay of the same key waits on the key's index entry and
 * then skips it). From the runs really inserted: the latest run and latest success per interface and
 * the latest success per resource, aggregated over the batch and moved forward in the aggregation
 * module's narrow rows (interface_run_times, resource_run_times: one row each, never moved back, a row
 * whose values would not move neither written nor locked), so the wide catalogue rows are never
 * rewritten for bookkeeping and the run history is never scanned (runTimesUpsertCtes; migration 1795830500000).
 */
const INSERT_RUNS = `
  WITH batch AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::timestamptz[], $5::aggregation_mode[], $6::int[],
                         $7::aggregation_outcome[], $8::text[])
      AS b(interface_id, resource_id, platform_run_id, ran_at, mode, records, outcome, failure_reason)
  ), fresh AS (
    INSERT INTO aggregation_run_key (interface_id, platform_run_id)
    SELECT interface_id, platform_run_id FROM batch
    ON CONFLICT (interface_id, platform_run_id) DO NOTHING
    RETURNING interface_id, platform_run_id
  ), inserted AS (
    INSERT INTO aggregation_run (interface_id, resource_id, platform_run_id, ran_at, mode, records, outcome, failure_reason)
    SELECT b.interface_id, b.resource_id, b.platform_run_id, b.ran_at, b.mode, b.records, b.outcome, b.failure_reason
      FROM batch b JOIN fresh f ON f.interface_id = b.interface_id AND f.platform_run_id = b.platform_run_id
    RETURNING interface_id, resource_id, ran_at, outcome
  ), ${runTimesUpsertCtes('inserted')}
  SELECT count(*)::int AS accepted FROM inserted`;

/**
 * One keyset page of runs per interface, newest first, with each interface's total (counted once
 * per interface, an index-only scan of each month's partition) and its last-run bookkeeping (so that
 * lastRunAt and lastSuccessAt asked beside the runs cost no statement of their own): one statement
 * for any number of interfaces. The cursor keeps ran_at to the microsecond.
 */
const RUN_PAGES = `
  SELECT k.id AS key, t.total, tt.last_run_at AS times_last_run_at, tt.last_success_at AS times_last_success_at,
         a.id, a.interface_id, a.resource_id, a.platform_run_id, a.ran_at, a.mode, a.records, a.outcome, a.failure_reason,
         a.reported_at, to_char(a.ran_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ran_at_key
    FROM unnest($1::uuid[]) AS k(id)
    CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM aggregation_run c WHERE c.interface_id = k.id) t
    LEFT JOIN interface_run_times tt ON tt.interface_id = k.id
    LEFT JOIN LATERAL (
      SELECT * FROM aggregation_run a
       WHERE a.interface_id = k.id AND ($2::timestamptz IS NULL OR (a.ran_at, a.id) < ($2::timestamptz, $3::uuid))
       ORDER BY a.ran_at DESC, a.id DESC
       LIMIT $4) a ON true
   ORDER BY k.id, a.ran_at DESC, a.id DESC`;

/** Months of run partitions made ahead (migration 1795810000000: aggregation_run_ensure_partitions). */
export const RUN_PARTITION_MONTHS_AHEAD = 3;

interface RunRow {
  key: string;
  total: number;
  times_last_run_at: Date | null;
  times_last_success_at: Date | null;
  id: string | null;
  interface_id: string;
  resource_id: string;
  platform_run_id: string;
  ran_at: Date;
  mode: AggregationMode;
  records: number;
  outcome: AggregationOutcome;
  failure_reason: string | null;
  reported_at: Date;
  ran_at_key: string;
}

/**
 * 归集记录 (第十七条: 按需归集、应归尽归 — data reaches the city exchange platform, and is
 * collected, shared and used through it). The platform reports its runs here in batches.
 */
export class AggregationService {
  /** The end of the newest run partition this process knows of (runs before it always have a partition). */
  private coveredUntil = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize' | 'interfaceFailingRuns'>,
    private readonly clock: Clock,
  ) {}

  /**
   * At start-up: the run table's partitions for this month and the next RUN_PARTITION_MONTHS_AHEAD,
   * and one for each month whose runs fell into the default partition. Answers what could not be done
   * (a role that owns no table may not create them), for the caller to log; the hub starts regardless.
   */
  async prepare(): Promise<string[]> {
    try {
      await this.dailyPartitions(this.ds.manager);
      return [];
    } catch (err) {
      return [`aggregation_run_ensure_partitions: ${(err as Error).message}`];
    }
  }

  /**
   * A run later than the newest partition (the hub's clock ahead of the database's by months, or a
   * daily round missed for months) first gets its month's partition, in a statement of its own
   * before the report's transaction; once per process and month.
   */
  private async coverMonths(runs: ReportedRun[]): Promise<void> {
    const latest = Math.max(...runs.map((r) => r.ranAt.getTime()));
    if (latest < this.coveredUntil) return;
    const [{ until }] = await this.ds.query(`SELECT aggregation_run_cover($1) AS until`, [new Date(latest).toISOString()]);
    this.coveredUntil = (until as Date).getTime();
  }

  /** The daily round's job (notification worker): run partitions stay made ahead; answers how many it made. */
  readonly dailyPartitions = async (em: EntityManager): Promise<number> => {
    const [{ made }] = await em.query(`SELECT aggregation_run_ensure_partitions($1) AS made`, [RUN_PARTITION_MONTHS_AHEAD]);
    return made;
  };

  /**
   * Stores a batch of runs, all or nothing: any wrong run refuses the batch, naming its index.
   * Runs already reported (same interface and platform run id) are counted as duplicates and left as they were.
   */
  async report(ctx: RequestContext, input: AggregationRunsReportInput): Promise<Outcome<ReportCounts>> {
    const given = input.runs ?? [];
    const size = batchSizeProblem(given.length, ['input', 'runs']);
    if (size) return { result: null, userErrors: [size] };
    const runs = given.map(trimmedRun);
    const errors = runProblems(runs, this.clock.now(), ['input', 'runs']);
    if (errors.length) return { result: null, userErrors: errors };
    return this.store(ctx, runs, ['input', 'runs']);
  }

  /**
   * The bulk form (aggregationRunsIngest): the batch as one value, its types and rules checked in one
   * pass, then stored exactly as report() stores (the same checks of the interfaces, the same
   * statement, the same audit entry); problems name ["batch", "runs", index, field].
   */
  async ingest(ctx: RequestContext, batch: unknown): Promise<Outcome<ReportCounts>> {
    const { runs, problems } = typedRuns(batch, ['batch']);
    if (problems.length) return { result: null, userErrors: problems };
    const errors = runProblems(runs, this.clock.now(), ['batch', 'runs']);
    if (errors.length) return { result: null, userErrors: errors };
    return this.store(ctx, runs, ['batch', 'runs']);
  }

  /** Runs checked by themselves: their interfaces checked (第十七条), then stored in one transaction with the report's audit entry. */
  private async store(ctx: RequestContext, runs: ReportedRun[], path: string[]): Promise<Outcome<ReportCounts>> {
    await this.coverMonths(runs);
    return mutate(this.ds, ctx, async (em) => {
      const ids = [...new Set(runs.map((r) => r.interfaceId))];
      const targets = new Map(((await em.query(READ_TARGETS, [ids])) as Target[]).map((t) => [t.id, t]));
      const problems = runs.flatMap((run, i) => targetProblems(targets.get(run.interfaceId), [...path, String(i), 'interfaceId']));
      if (problems.length) throw new UserErrorsException(problems);
      const accepted = await insertRuns(em, runs, targets);
      // 第十七条: only an interface with a failed run in the batch can have become failing by it (one whose new runs
      // all succeeded either ends its streak or, reported late, leaves a streak that was already there as it was).
      const failed = [...new Set(runs.filter((r) => r.outcome === AggregationOutcome.FAILED).map((r) => r.interfaceId))];
      if (accepted > 0 && failed.length) await this.recordFailing(em, failed);
      return { accepted, duplicates: runs.length - accepted };
    });
  }

  /**
   * 第十七条: the reported interfaces whose last runs now all failed become one AGGREGATION_FAILING
   * event each, for the provider and the bureau, in the report's transaction; once per failing
   * streak (the key holds the last success, which only a success moves).
   */
  private async recordFailing(em: EntityManager, interfaceIds: string[]): Promise<void> {
    await recordEventsFrom(
      em,
      `SELECT '${NotificationEventKind.AGGREGATION_FAILING}' AS kind, ARRAY[f.provider_id] AS organization_ids,
              ARRAY['${Role.BIG_DATA_BUREAU}']::varchar[] AS roles,
              jsonb_build_object('interfaceId', f.interface_id, 'resourceId', f.resource_id, 'failedRuns', $2::int,
                                 'lastFailureReason', f.last_failure_reason, 'lastSuccessAt', f.last_success_at, 'article', '第十七条') AS data,
              'AGGREGATION_FAILING:' || f.interface_id || ':' || coalesce(f.last_success_at::text, 'never') AS dedupe_key
         FROM (${failingInterfacesSql('$2::int', '$1::uuid[]')}) f`,
      [interfaceIds, this.config.interfaceFailingRuns],
      this.clock.now(),
    );
  }

  /** A page of each interface's runs, newest first: one statement for every interface asked for with the same arguments. */
  async runPages(
    em: EntityManager,
    interfaceIds: readonly string[],
    args: ConnectionArgs,
  ): Promise<Map<string, Page<AggregationRun> & { times: RunTimes | null }>> {
    const size = pageSize(args.first, this.config.maxPageSize);
    const [afterAt, afterId] = args.after ? runCursor(args.after) : [null, null];
    const rows: RunRow[] = await em.query(RUN_PAGES, [[...new Set(interfaceIds)], afterAt, afterId, size + 1]);
    const byInterface = groupBy(rows, (r) => r.key);
    const out = new Map<string, Page<AggregationRun> & { times: RunTimes | null }>();
    for (const id of interfaceIds) {
      const mine = byInterface.get(id) ?? [];
      const found = mine.filter((r) => r.id !== null);
      const head = mine[0];
      const times =
        head && (head.times_last_run_at || head.times_last_success_at)
          ? { lastRunAt: head.times_last_run_at, lastSuccessAt: head.times_last_success_at }
          : null;
      out.set(id, { ...pageOf(found, size, args.after, head?.total ?? 0, (r) => [r.ran_at_key, r.id], toRun), times });
    }
    return out;
  }
}

/** 第十七条: aggregation goes through the city exchange platform, so only a mounted interface has runs. */
function targetProblems(target: Target | undefined, field: string[]): UserError[] {
  if (!target) return [userError(UserErrorCode.NOT_FOUND, '共享接口不存在', field)];
  if (target.mount_status !== MountStatus.MOUNTED) {
    const message = `该共享接口${MOUNT_STATUS_LABEL[target.mount_status]}，未挂接在市共享交换平台上，不能上报归集记录`;
    return [userError(UserErrorCode.RULE_VIOLATION, message, field, '第十七条')];
  }
  return [];
}

async function insertRuns(em: EntityManager, runs: ReportedRun[], targets: Map<string, Target>): Promise<number> {
  const [{ accepted }] = await em.query(INSERT_RUNS, [
    runs.map((r) => r.interfaceId),
    runs.map((r) => targets.get(r.interfaceId)!.resource_id),
    runs.map((r) => r.platformRunId),
    runs.map((r) => r.ranAt.toISOString()),
    runs.map((r) => r.mode),
    runs.map((r) => r.records),
    runs.map((r) => r.outcome),
    runs.map((r) => r.failureReason),
  ]);
  return accepted;
}

function runCursor(after: string): [string, string] {
  const [at, id] = decodeCursor(after);
  if (typeof at !== 'string' || !isInstant(at) || !isUUID(id)) throw badInput('after', '分页游标无效');
  return [at, id];
}

function toRun(row: RunRow): AggregationRun {
  return Object.assign(new AggregationRun(), {
    id: row.id,
    interfaceId: row.interface_id,
    resourceId: row.resource_id,
    platformRunId: row.platform_run_id,
    ranAt: row.ran_at,
    mode: row.mode,
    records: row.records,
    outcome: row.outcome,
    failureReason: row.failure_reason,
    reportedAt: row.reported_at,
  });
}
