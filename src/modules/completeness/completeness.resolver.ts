import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { InformationResource } from '../catalogue';
import { Organization } from '../organization';
import { isBuildingUnit, isOversight, OVERSIGHT_ROLES, Project } from '../project';
import { CompletenessFilter } from './completeness.inputs';
import { Completeness, CompletenessGap, CompletenessGapConnection, OrganizationCompleteness } from './completeness.objects';
import { CompletenessSummary } from './completeness.service';
import { GapReason } from './completeness.enums';

/** The district view and each project's figures (第九条、第十七条); heavy reads are single statements behind loaders. */
@Authorized()
@Resolver(() => Completeness)
export class CompletenessResolver {
  @Authorized(...OVERSIGHT_ROLES, Role.PROJECT_UNIT)
  @Query(() => Completeness, {
    description:
      '信息资源共享完整性 — the figures summed over the filtered projects, with their gaps and per lead unit; a project unit sees its own projects only (第九条、第十七条)',
  })
  async completeness(@Ctx() ctx: Context, @Arg('filter', () => CompletenessFilter, { nullable: true }) filter?: CompletenessFilter): Promise<Completeness> {
    return fromSummary(await ctx.services.completeness.summary(ctx, filter ?? {}));
  }

  @FieldResolver(() => CompletenessGapConnection, { description: '缺口，按资源代码、原因 — gaps behind the figures, by resource code then reason' })
  async gaps(
    @Root() c: Completeness,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('reasons', () => [GapReason], { nullable: true, description: '只看这些原因的缺口（缺省为全部）— only gaps of these reasons (all when omitted)' })
    reasons?: GapReason[] | null,
  ): Promise<CompletenessGapConnection> {
    const wanted = reasons?.length ? [...new Set(reasons)].sort() : null;
    const found = await ctx.loaders.completenessGaps.load({ scope: c.scope, at: c.at, first: page.first, after: page.after, reasons: wanted });
    return toConnection({ ...found, nodes: found.nodes.map(CompletenessGap.of) });
  }
}

@Resolver(() => Project)
export class ProjectCompletenessResolver {
  @FieldResolver(() => Completeness, {
    nullable: true,
    description:
      "信息资源共享完整性（仅监管角色和本项目建设单位可见，否则为空）— the project's figures; null unless the caller oversees or builds it (第九条、第十七条)",
  })
  async completeness(@Root() p: Project, @Ctx() ctx: Context): Promise<Completeness | null> {
    const readable = isOversight(ctx.caller) || isBuildingUnit(ctx.caller, p, await ctx.loaders.coBuildingUnitIdsByProject.load(p.id));
    if (!readable) return null;
    const { at, counts } = await ctx.loaders.completenessByProjectId.load(p.id);
    const c = Completeness.of({ key: p.id, projectIds: [p.id] }, at, counts);
    c.byOrganization = [Object.assign(new OrganizationCompleteness(), { organizationId: p.leadUnitId, completeness: c })];
    return c;
  }
}

@Resolver(() => CompletenessGap)
export class CompletenessGapResolver {
  @FieldResolver(() => InformationResource, { description: '信息资源 — the resource that counts against the figure' })
  async resource(@Root() g: CompletenessGap, @Ctx() ctx: Context): Promise<InformationResource> {
    // The gap's project was shown to be readable, and with it the project's catalogue entries.
    return (await ctx.loaders.resourceById.load(g.resourceId))!;
  }
}

@Resolver(() => OrganizationCompleteness)
export class OrganizationCompletenessResolver {
  @FieldResolver(() => Organization, { description: '牵头单位 — the lead unit' })
  async organization(@Root() o: OrganizationCompleteness, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(o.organizationId))!;
  }
}

function fromSummary(s: CompletenessSummary): Completeness {
  const total = Completeness.of(s.total.scope, s.at, s.total.counts);
  total.byOrganization = s.byOrganization.map((o) => {
    const c = Completeness.of(o.scope, s.at, o.counts);
    const entry = Object.assign(new OrganizationCompleteness(), { organizationId: o.organizationId, completeness: c });
    c.byOrganization = [entry];
    return entry;
  });
  return total;
}
