import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import type { CompletenessCounts, GapRow, RatioCount } from './completeness.types';
import { GapReason } from './completeness.enums';

/** The projects a Completeness is about: one project, an organisation's projects, or a filtered set. */
export interface CompletenessScope {
  /** Names the scope within one batched statement: the project id, `org:<id>`, or `all`. */
  key: string;
  projectIds: string[];
}

@ObjectType({ description: '比率 — numerator over denominator; 0/0 is reported as such (null ratio), never as 0% or 100%' })
export class CompletenessRatio {
  @Field(() => Int, { description: '分子 — numerator' })
  numerator: number;

  @Field(() => Int, { description: '分母 — denominator' })
  denominator: number;

  @Field(() => Float, { nullable: true, description: '比率（0 到 1，分母为 0 时为空）— numerator / denominator; null when the denominator is 0' })
  ratio: number | null;

  static of(c: RatioCount): CompletenessRatio {
    return Object.assign(new CompletenessRatio(), { ...c, ratio: c.denominator === 0 ? null : c.numerator / c.denominator });
  }
}

@ObjectType({
  description: '信息资源共享完整性（按需归集、应归尽归）— the six figures of a set of projects, retired resources left out (第九条、第十七条)',
})
export class Completeness {
  @Field({ description: '计算时刻 — the instant the figures are computed for (timeliness depends on it)' })
  at: Date;

  @Field(() => CompletenessRatio, { description: '编目率 — published resources / resources the projects declared (第五条、第八条)' })
  catalogued: CompletenessRatio;

  @Field(() => CompletenessRatio, { description: '元数据完整率 — resources whose metadata satisfies the rules / all resources (第八条、第九条)' })
  metadata: CompletenessRatio;

  @Field(() => CompletenessRatio, { description: '接口覆盖率 — shareable resources with an interface not withdrawn / shareable resources (第九条)' })
  interfaces: CompletenessRatio;

  @Field(() => CompletenessRatio, {
    description: '挂接率 — shareable resources with an interface mounted on the city exchange platform / shareable resources (第十七条)',
  })
  mounted: CompletenessRatio;

  @Field(() => CompletenessRatio, { description: '归集率 — shareable resources aggregated successfully at least once / shareable resources (第十七条)' })
  aggregated: CompletenessRatio;

  @Field(() => CompletenessRatio, {
    description:
      '及时率 — aggregated resources whose last success is within one update-frequency window plus the grace / aggregated resources (第九条、第十七条)',
  })
  timely: CompletenessRatio;

  @Field(() => [OrganizationCompleteness], { description: '按牵头单位分列，按单位名称 — the same figures per lead unit, by name' })
  byOrganization: OrganizationCompleteness[];

  /** Resolved as `gaps` through the gap loader. */
  scope: CompletenessScope;

  static of(scope: CompletenessScope, at: Date, counts: CompletenessCounts): Completeness {
    const c = Object.assign(new Completeness(), { scope, at, byOrganization: [] });
    for (const [figure, count] of Object.entries(counts)) c[figure as keyof CompletenessCounts] = CompletenessRatio.of(count);
    return c;
  }
}

@ObjectType({ description: '单位完整性 — the figures of the projects an organisation leads' })
export class OrganizationCompleteness {
  /** Resolved as `organization`. */
  organizationId: string;

  @Field(() => Completeness)
  completeness: Completeness;
}

@ObjectType({ description: '完整性缺口 — a resource counting against a figure, and why' })
export class CompletenessGap {
  /** Resolved as `resource`. */
  resourceId: string;

  @Field(() => GapReason)
  reason: GapReason;

  @Field(() => String, { nullable: true, description: '说明 — detail, e.g. the catalogue status or the last successful aggregation' })
  detail: string | null;

  static of(row: GapRow): CompletenessGap {
    return Object.assign(new CompletenessGap(), { resourceId: row.resourceId, reason: row.reason, detail: row.detail });
  }
}

@ObjectType()
export class CompletenessGapConnection extends Connection(CompletenessGap) {}
