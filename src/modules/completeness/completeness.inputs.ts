import { Field, ID, InputType, Int } from 'type-graphql';
import { ProjectStatus } from '../project';

/** Project ids one filter may name. */
export const MAX_FILTER_PROJECTS = 1000;

@InputType({ description: '完整性统计范围 — which projects the figures are summed over; every condition given must hold' })
export class CompletenessFilter {
  @Field(() => ID, { nullable: true, description: '单位（牵头或共建）— projects led or co-built by this organisation' })
  organizationId?: string | null;

  @Field(() => Int, { nullable: true, description: '计划年度 — plan year' })
  planYear?: number | null;

  @Field(() => ProjectStatus, { nullable: true, description: '项目状态 — project status' })
  status?: ProjectStatus | null;

  @Field(() => [ID], { nullable: true, description: `指定项目 — these projects only, at most ${MAX_FILTER_PROJECTS}` })
  projectIds?: string[] | null;
}
