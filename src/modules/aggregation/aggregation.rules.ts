/**
 * 第十七条 (按需归集、应归尽归): the rules of a reported aggregation run, in one place, for both ways a
 * batch arrives — the typed `aggregationRunsReport` (graphql-js has coerced the types) and the bulk
 * `aggregationRunsIngest` (one `AggregationRunBatch` value, its types checked here in the same pass).
 * Each problem is a UserError naming the run's index and field; the batch is refused whole.
 */
import { CLOCK_SKEW_MS } from '../../common/clock';
import { FIRST_YEAR, isInstant, isUuid, LAST_YEAR } from '../../common/formats';
import { textProblem, trimmed } from '../../common/text';
import { UserError, userError, UserErrorCode } from '../../common/user-error';
import { AggregationMode, AggregationOutcome } from './aggregation.enums';

/** Runs one report may carry, either way; a larger backlog is reported in several calls. */
export const MAX_RUNS_PER_REPORT = 1000;
export const PLATFORM_RUN_ID_MAX = 100;
export const FAILURE_REASON_MAX = 2000;

/** One run as it is stored: trimmed, typed. */
export interface ReportedRun {
  interfaceId: string;
  platformRunId: string;
  ranAt: Date;
  mode: AggregationMode;
  records: number;
  outcome: AggregationOutcome;
  failureReason: string | null;
}

/** The fields of a run, in the order problems are listed; anything else in a bulk run is refused. */
const FIELDS = ['interfaceId', 'platformRunId', 'ranAt', 'mode', 'records', 'outcome', 'failureReason'] as const;
const KNOWN = new Set<string>(FIELDS);
const MODES = new Set<string>(Object.values(AggregationMode));
const OUTCOMES = new Set<string>(Object.values(AggregationOutcome));
const INT_MAX = 2 ** 31 - 1;

/** Characters as PostgreSQL's varchar(n) counts them (code points), counted only when the UTF-16 length could exceed `max`. */
const longerThan = (s: string, max: number) => s.length > max && [...s].length > max;

/** The empty batch and the batch over the limit, refused on the runs' own field. */
export function batchSizeProblem(count: number, path: string[]): UserError | null {
  if (count === 0) return userError(UserErrorCode.REQUIRED, '至少上报一条归集记录', path);
  if (count > MAX_RUNS_PER_REPORT) return userError(UserErrorCode.TOO_LONG, `每次最多上报${MAX_RUNS_PER_REPORT}条归集记录，请分批上报`, path);
  return null;
}

/**
 * What is wrong with each run by itself and within its batch, in index order: the field rules, the
 * time (not later than `now` plus the clock skew), the failure reason (required when FAILED, absent
 * when SUCCEEDED), a run repeated within the batch. `runs` are trimmed already; `path` leads to the runs.
 */
export function runProblems(runs: readonly ReportedRun[], now: Date, path: string[], out: UserError[] = []): UserError[] {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const seen = new Map<string, number>();
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const at = (name: string) => [...path, String(i), name];
    if (!isUuid(run.interfaceId)) out.push(userError(UserErrorCode.INVALID, '共享接口ID格式无效', at('interfaceId')));
    if (!run.platformRunId) out.push(userError(UserErrorCode.REQUIRED, '平台运行编号不能为空', at('platformRunId')));
    else if (longerThan(run.platformRunId, PLATFORM_RUN_ID_MAX)) {
      out.push(userError(UserErrorCode.TOO_LONG, `平台运行编号不能超过${PLATFORM_RUN_ID_MAX}个字符`, at('platformRunId')));
    }
    if (run.records < 0) out.push(userError(UserErrorCode.OUT_OF_RANGE, '交付记录数不能为负数', at('records')));
    if (run.failureReason && longerThan(run.failureReason, FAILURE_REASON_MAX)) {
      out.push(userError(UserErrorCode.TOO_LONG, `失败原因不能超过${FAILURE_REASON_MAX}个字符`, at('failureReason')));
    }
    if (run.ranAt.getTime() > latest) out.push(userError(UserErrorCode.OUT_OF_RANGE, '归集时间不能晚于当前时间', at('ranAt')));
    if (run.outcome === AggregationOutcome.FAILED && !run.failureReason) {
      out.push(userError(UserErrorCode.REQUIRED, '归集失败的记录须填写失败原因', at('failureReason')));
    }
    if (run.outcome === AggregationOutcome.SUCCEEDED && run.failureReason) {
      out.push(userError(UserErrorCode.INVALID, '归集成功的记录不应填写失败原因', at('failureReason')));
    }
    const key = `${run.interfaceId}\u0000${run.platformRunId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(userError(UserErrorCode.DUPLICATE, `同一批次中与 runs[${first}] 的共享接口和平台运行编号相同`, at('platformRunId')));
    } else {
      seen.set(key, i);
    }
  }
  return out;
}

/** A typed run (graphql-js coerced it) as stored: the platform run id and the failure reason trimmed. */
export function trimmedRun(run: Omit<ReportedRun, 'failureReason'> & { failureReason?: string | null }): ReportedRun {
  return {
    interfaceId: run.interfaceId,
    platformRunId: typeof run.platformRunId === 'string' ? run.platformRunId.trim() : run.platformRunId,
    ranAt: run.ranAt,
    mode: run.mode,
    records: run.records,
    outcome: run.outcome,
    failureReason: trimmed(run.failureReason) ?? null,
  };
}

type Raw = Record<string, unknown>;

/**
 * The bulk batch's types, checked in one pass over its runs instead of graphql-js coercing each of
 * their values: every run an object with exactly the fields of AggregationRunInput, each of its type
 * (an RFC 3339 instant, an enum value, a 32-bit integer, text under the hub's text rule). Answers the
 * runs (trimmed, as stored) when every run is well typed, else no runs and every type problem, each
 * naming its index and field (as the typed mutation answers a type error before any rule).
 */
export function typedRuns(value: unknown, path: string[]): { runs: ReportedRun[]; problems: UserError[] } {
  const problems: UserError[] = [];
  const runsPath = [...path, 'runs'];
  const list = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw).runs : undefined;
  if (!Array.isArray(list)) {
    problems.push(userError(UserErrorCode.REQUIRED, '批次须为 { "runs": [ … ] }，runs 为归集记录的数组', runsPath));
    return { runs: [], problems };
  }
  for (const key of Object.keys(value as Raw)) {
    if (key !== 'runs') problems.push(userError(UserErrorCode.INVALID, `批次不认识字段 ${key.slice(0, 50)}`, [...path, key.slice(0, 50)]));
  }
  const size = batchSizeProblem(list.length, runsPath);
  if (size) return { runs: [], problems: [size] };
  const runs: ReportedRun[] = [];
  for (let i = 0; i < list.length; i++) {
    const raw = list[i] as unknown;
    const at = (name: string) => [...runsPath, String(i), name];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(userError(UserErrorCode.INVALID, '归集记录须为对象', [...runsPath, String(i)]));
      continue;
    }
    const r = raw as Raw;
    const before = problems.length;
    for (const key in r) {
      if (!KNOWN.has(key)) problems.push(userError(UserErrorCode.INVALID, `归集记录不认识字段 ${key.slice(0, 50)}`, at(key.slice(0, 50))));
    }
    const text = (name: string, label: string, optional: boolean): string | null => {
      const v = r[name];
      if (v === undefined || v === null) {
        if (!optional) problems.push(userError(UserErrorCode.REQUIRED, `${label}不能为空`, at(name)));
        return null;
      }
      if (typeof v !== 'string') {
        problems.push(userError(UserErrorCode.INVALID, `${label}须为字符串`, at(name)));
        return null;
      }
      const problem = textProblem(v);
      if (problem) {
        problems.push(userError(UserErrorCode.INVALID, `${label}${problem}`, at(name)));
        return null;
      }
      return v;
    };
    const interfaceId = text('interfaceId', '共享接口ID', false);
    const platformRunId = text('platformRunId', '平台运行编号', false);
    const ranAtText = text('ranAt', '归集时间', false);
    let ranAt: Date | null = null;
    if (ranAtText !== null) {
      if (isInstant(ranAtText)) ranAt = new Date(ranAtText);
      else {
        const message = `归集时间须为 RFC 3339 时刻（如 2027-03-01T09:30:00+08:00），年份在 ${FIRST_YEAR} 到 ${LAST_YEAR} 之间`;
        problems.push(userError(UserErrorCode.INVALID, message, at('ranAt')));
      }
    }
    const mode = r.mode;
    if (typeof mode !== 'string' || !MODES.has(mode)) {
      problems.push(userError(mode == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID, '归集方式须为 FULL 或 INCREMENTAL', at('mode')));
    }
    const records = r.records;
    if (typeof records !== 'number' || !Number.isInteger(records) || records > INT_MAX || records < -INT_MAX - 1) {
      const code = records == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID;
      problems.push(userError(code, '交付记录数须为整数（32 位）', at('records')));
    }
    const outcome = r.outcome;
    if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) {
      problems.push(userError(outcome == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID, '归集结果须为 SUCCEEDED 或 FAILED', at('outcome')));
    }
    const failureReason = text('failureReason', '失败原因', true);
    if (problems.length > before) continue;
    runs.push({
      interfaceId: interfaceId!,
      platformRunId: platformRunId!.trim(),
      ranAt: ranAt!,
      mode: mode as AggregationMode,
      records: records as number,
      outcome: outcome as AggregationOutcome,
      failureReason: trimmed(failureReason),
    });
  }
  // The rules below name runs by their index in the batch: only a batch typed throughout goes on to them.
  return problems.length ? { runs: [], problems } : { runs, problems };
}
