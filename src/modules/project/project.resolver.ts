import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Outcome } from '../../db/transaction';
import { ConnectionArgs, toConnection, withCountIfAsked } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { badInput } from '../../common/errors';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';
import { canRead, isBuildingUnit } from './project.access';
import { ProjectBudgetYear } from './project-budget-year.entity';
import { Project } from './project.entity';
import * as I from './project.inputs';
import * as P from './project.payloads';
import { lateDeclaration, supervisionRequired } from './project.rules';
import { ProjectNextAction } from './project-next.objects';
import { DateScalar } from '../../graphql/scalars';
import { shanghaiDateOf } from '../../common/dates';

const payload = ({ result, userErrors }: Outcome<Project>) => ({ project: result, userErrors });

@Authorized()
@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { nullable: true, description: '按ID或项目编号查项目（无权查看时为空）— one project by id or code; null when not readable' })
  async project(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', { nullable: true }) code?: string,
  ): Promise<Project | null> {
    if (!id === !code) throw badInput('id', '请提供 id 或 code 之一');
    return ctx.services.projects.findOne(ctx, { id, code });
  }

  @Query(() => P.ProjectConnection, { description: '项目列表，按项目编号 — projects the caller may read, by code' })
  async projects(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => I.ProjectFilter, { nullable: true }) filter?: I.ProjectFilter,
  ): Promise<P.ProjectConnection> {
    return toConnection(await ctx.services.projects.list(ctx, filter, withCountIfAsked(page, info)));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.ProjectCreatePayload, { description: "新建项目（草稿）— create a draft project led by the caller's organisation (第七条)" })
  async projectCreate(@Ctx() ctx: Context, @Arg('input') input: I.ProjectCreateInput): Promise<P.ProjectCreatePayload> {
    return payload(await ctx.services.projects.create(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.ProjectUpdatePayload, { description: '修改草稿或未通过评审的项目 — change a draft or rejected project (第十五条)' })
  async projectUpdate(@Ctx() ctx: Context, @Arg('input') input: I.ProjectUpdateInput): Promise<P.ProjectUpdatePayload> {
    return payload(await ctx.services.projects.update(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.ProjectDeclarePayload, { description: '申报项目 — declare to the leading-group office (第七条、第八条)' })
  async projectDeclare(@Ctx() ctx: Context, @Arg('input') input: I.ProjectDeclareInput): Promise<P.ProjectDeclarePayload> {
    return payload(await ctx.services.projects.declare(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectApprovePayload, { description: '列入年度计划 — approve; needs the sharing analysis (第九条、第十条)' })
  async projectApprove(@Ctx() ctx: Context, @Arg('input') input: I.ProjectApproveInput): Promise<P.ProjectApprovePayload> {
    return payload(await ctx.services.projects.approve(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectRejectPayload, { description: '退回项目 — reject, with the reason (第十条)' })
  async projectReject(@Ctx() ctx: Context, @Arg('input') input: I.ProjectRejectInput): Promise<P.ProjectRejectPayload> {
    return payload(await ctx.services.projects.reject(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.ProjectStartConstructionPayload, { description: '开始建设 — start building an approved project (第十二条)' })
  async projectStartConstruction(@Ctx() ctx: Context, @Arg('input') input: I.ProjectStartConstructionInput): Promise<P.ProjectStartConstructionPayload> {
    return payload(await ctx.services.projects.startConstruction(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.ProjectGoLivePayload, { description: '上线试运行 — the system goes live, trial operation begins (第二十四条)' })
  async projectGoLive(@Ctx() ctx: Context, @Arg('input') input: I.ProjectGoLiveInput): Promise<P.ProjectGoLivePayload> {
    return payload(await ctx.services.projects.goLive(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.ProjectRequestChangePayload, { description: '申请变更 — change an approved project and declare it again (第十五条)' })
  async projectRequestChange(@Ctx() ctx: Context, @Arg('input') input: I.ProjectRequestChangeInput): Promise<P.ProjectRequestChangePayload> {
    return payload(await ctx.services.projects.requestChange(ctx, input));
  }

  @FieldResolver(() => Organization, { description: '牵头单位 — lead unit (第十四条)' })
  async leadUnit(@Root() p: Project, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(p.leadUnitId))!;
  }

  @FieldResolver(() => [Organization], {
    description: '共建单位（已接受共建），按名称 — co-building units that accepted, by name (第八条、第十四条); proposals in coBuilding',
  })
  async coBuildingUnits(@Root() p: Project, @Ctx() ctx: Context): Promise<Organization[]> {
    const orgs = await ctx.loaders.organizationById.loadMany(await ctx.loaders.coBuildingUnitIdsByProject.load(p.id));
    return orgs.filter((o): o is Organization => o instanceof Organization);
  }

  @FieldResolver(() => Boolean, {
    description:
      '本单位承建 — the caller is a project unit of the lead unit or an accepted co-building unit (第八条、第十四条), so it may change the project, its catalogue and interfaces (第十三条)',
  })
  async viewerBuilds(@Root() p: Project, @Ctx() ctx: Context): Promise<boolean> {
    return isBuildingUnit(ctx.caller, p, await ctx.loaders.coBuildingUnitIdsByProject.load(p.id));
  }

  @FieldResolver(() => [ProjectBudgetYear], { description: '分年度预算，按年度 — per-year budgets, by year (第八条)' })
  budgetYears(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectBudgetYear[]> {
    return ctx.loaders.budgetYearsByProject.load(p.id);
  }

  @FieldResolver(() => Project, { nullable: true, description: '被升级的原项目（无权查看时为空）— the project this one upgrades (第二十八条)' })
  async upgradesProject(@Root() p: Project, @Ctx() ctx: Context): Promise<Project | null> {
    const up = p.upgradesProjectId ? await ctx.loaders.projectById.load(p.upgradesProjectId) : null;
    return up && canRead(ctx.caller, up, await ctx.loaders.coBuildingUnitIdsByProject.load(up.id)) ? up : null;
  }

  @FieldResolver(() => [ProjectNextAction], {
    description: '下一步及尚缺条件 — the steps the status allows now, each with what its rule would still refuse (第八条、第九条); one project at a time',
  })
  nextActions(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectNextAction[]> {
    return ctx.services.projects.nextActions(p);
  }

  @FieldResolver(() => P.ProjectTransitionConnection, { description: '状态变更记录，按时间 — status history, oldest first' })
  async history(
    @Root() p: Project,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<P.ProjectTransitionConnection> {
    return toConnection(await ctx.loaders.transitionsByProject.load({ parentId: p.id, ...withCountIfAsked(page, info) }));
  }

  @FieldResolver(() => Boolean, { description: '须实行工程监理（总预算100万元及以上）— engineering supervision required, budget ≥ ¥1,000,000 (第十八条)' })
  supervisionRequired(@Root() p: Project): boolean {
    return supervisionRequired(p.totalBudget);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: '申报日期（北京时间）— the Beijing date of declaredAt' })
  declaredOn(@Root() p: Project): string | null {
    return p.declaredAt ? shanghaiDateOf(p.declaredAt) : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: '列入年度计划日期（北京时间）— the Beijing date of approvedAt; go-live is not earlier (第十二条)',
  })
  approvedOn(@Root() p: Project): string | null {
    return p.approvedAt ? shanghaiDateOf(p.approvedAt) : null;
  }

  @FieldResolver(() => Boolean, { description: '逾期申报（晚于计划年度前一年9月30日，北京时间）— declared after 30 September of the year before (第七条)' })
  lateDeclaration(@Root() p: Project): boolean {
    return lateDeclaration(p.declaredAt, p.planYear);
  }
}
