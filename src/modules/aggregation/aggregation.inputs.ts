import { IsNotEmpty, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AggregationMode, AggregationOutcome } from './aggregation.enums';

/** Runs one report may carry; a larger backlog is reported in several calls. */
export const MAX_RUNS_PER_REPORT = 1000;

@InputType({ description: '归集记录 — one aggregation run of a mounted interface, as the city exchange platform reports it (第十七条)' })
export class AggregationRunInput {
  @Field(() => ID, { description: '共享接口 — the interface the platform pulled; it must be mounted (第十七条)' })
  @IsUUID('all', { message: '共享接口ID格式无效' })
  interfaceId: string;

  @Field({ description: "平台运行编号 — the platform's id of the run, at most 100 characters; a run already reported is left as it was" })
  @IsNotEmpty({ message: '平台运行编号不能为空' })
  @MaxLength(100, { message: '平台运行编号不能超过100个字符' })
  platformRunId: string;

  @Field({ description: '归集时间 — when the run happened; not later than now (5 minutes of clock skew allowed)' })
  ranAt: Date;

  @Field(() => AggregationMode)
  mode: AggregationMode;

  @Field(() => Int, { description: '交付记录数 — records delivered, ≥ 0' })
  @Min(0, { message: '交付记录数不能为负数' })
  records: number;

  @Field(() => AggregationOutcome)
  outcome: AggregationOutcome;

  @Field(() => String, { nullable: true, description: '失败原因 — required when FAILED, absent when SUCCEEDED; at most 2000 characters' })
  @IsOptional()
  @MaxLength(2000, { message: '失败原因不能超过2000个字符' })
  failureReason?: string | null;
}

@InputType({ description: '上报归集记录 — a batch of aggregation runs; refused whole when any run is wrong (第十七条)' })
export class AggregationRunsReportInput {
  @Field(() => [AggregationRunInput], { description: `归集记录 — 1 to ${MAX_RUNS_PER_REPORT} runs` })
  runs: AggregationRunInput[];
}
