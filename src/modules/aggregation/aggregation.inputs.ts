import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AggregationMode, AggregationOutcome } from './aggregation.enums';
import { FAILURE_REASON_MAX, MAX_RUNS_PER_REPORT, PLATFORM_RUN_ID_MAX } from './aggregation.rules';

export { MAX_RUNS_PER_REPORT } from './aggregation.rules';

/** The fields' rules are aggregation.rules.ts `runProblems` (第十七条), for this input and the bulk batch alike. */
@InputType({ description: '归集记录 — one aggregation run of a mounted interface, as the city exchange platform reports it (第十七条)' })
export class AggregationRunInput {
  @Field(() => ID, { description: '共享接口 — the interface the platform pulled; it must be mounted (第十七条)' })
  interfaceId: string;

  @Field({ description: `平台运行编号 — the platform's id of the run, at most ${PLATFORM_RUN_ID_MAX} characters; a run already reported is left as it was` })
  platformRunId: string;

  @Field({ description: '归集时间 — when the run happened; not later than now (5 minutes of clock skew allowed)' })
  ranAt: Date;

  @Field(() => AggregationMode)
  mode: AggregationMode;

  @Field(() => Int, { description: '交付记录数 — records delivered, ≥ 0' })
  records: number;

  @Field(() => AggregationOutcome)
  outcome: AggregationOutcome;

  @Field(() => String, {
    nullable: true,
    description: `失败原因 — required when FAILED, absent when SUCCEEDED; at most ${FAILURE_REASON_MAX} characters`,
  })
  failureReason?: string | null;
}

@InputType({ description: '上报归集记录 — a batch of aggregation runs; refused whole when any run is wrong (第十七条)' })
export class AggregationRunsReportInput {
  @Field(() => [AggregationRunInput], { description: `归集记录 — 1 to ${MAX_RUNS_PER_REPORT} runs` })
  runs: AggregationRunInput[];
}

/**
 * The bulk form of a batch (aggregationRunsIngest): one JSON value `{ "runs": [ … ] }` whose runs have
 * exactly the fields of AggregationRunInput. graphql-js passes it through as it came; the hub checks its
 * types and rules in one pass (aggregation.rules.ts `typedRuns`, `runProblems`) and names each wrong
 * run's index and field in userErrors, so a batch of 1,000 runs is not coerced value by value.
 */
export const AggregationRunBatchScalar = new GraphQLScalarType({
  name: 'AggregationRunBatch',
  description:
    `归集记录批次 — { "runs": [ { "interfaceId", "platformRunId", "ranAt", "mode", "records", "outcome", "failureReason" } ] }, ` +
    `1 to ${MAX_RUNS_PER_REPORT} runs with the fields and rules of AggregationRunInput, best sent as a variable; ` +
    'checked by the hub in one pass, each wrong run named in userErrors as ["batch", "runs", index, field]',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables ?? undefined),
});
