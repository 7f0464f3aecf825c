import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { UserError } from '../../common/user-error';
import { AggregationRun } from './aggregation-run.entity';

@ObjectType()
export class AggregationRunConnection extends Connection(AggregationRun) {}

/**
 * Written out rather than made by Payload(): a report answers with two counts, not with one object.
 * Either both counts are set and userErrors is empty, or both are null and nothing was written.
 */
@ObjectType({ description: '上报归集记录的结果 — what a report stored; on refusal the counts are null and nothing was written' })
export class AggregationRunsReportPayload {
  @Field(() => Int, { nullable: true, description: '新增记录数 — runs stored by this report' })
  accepted: number | null;

  @Field(() => Int, { nullable: true, description: '重复记录数 — runs already reported before (same interface and platform run id), left unchanged' })
  duplicates: number | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
