import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Outcome } from '../../db/transaction';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { DecimalScalar } from '../../graphql/scalars';
import { Organization } from '../organization';
import { ProjectCoBuildingUnit } from './project-co-building-unit.entity';
import { Project } from './project.entity';
import { CoBuildingStatus } from './project.enums';
import { CoBuildingAnswerInput } from './project.inputs';
import { CoBuildingAcceptPayload, CoBuildingDeclinePayload } from './project.payloads';

const payload = ({ result, userErrors }: Outcome<Project>) => ({ project: result, userErrors });

/** 第十四条: co-building proposals — who was named, who answered, and the answers themselves. */
@Authorized()
@Resolver(() => ProjectCoBuildingUnit)
export class CoBuildingResolver {
  @Authorized(Role.PROJECT_UNIT)
  @Query(() => [ProjectCoBuildingUnit], {
    description: "本单位收到的共建提议，新的在前 — co-building proposals addressed to the caller's organisation, newest first (第十四条)",
  })
  coBuildingProposals(
    @Ctx() ctx: Context,
    @Arg('status', () => CoBuildingStatus, { nullable: true }) status?: CoBuildingStatus,
  ): Promise<ProjectCoBuildingUnit[]> {
    return ctx.services.coBuilding.proposalsFor(ctx, status ?? null);
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => CoBuildingAcceptPayload, { description: '接受共建 — the named unit accepts to co-build the project; only then it builds it (第十四条)' })
  async coBuildingAccept(@Ctx() ctx: Context, @Arg('input') input: CoBuildingAnswerInput): Promise<CoBuildingAcceptPayload> {
    return payload(await ctx.services.coBuilding.accept(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => CoBuildingDeclinePayload, { description: '拒绝共建 — the named unit declines; it gets no rights on the project (第十四条)' })
  async coBuildingDecline(@Ctx() ctx: Context, @Arg('input') input: CoBuildingAnswerInput): Promise<CoBuildingDeclinePayload> {
    return payload(await ctx.services.coBuilding.decline(ctx, input));
  }

  @FieldResolver(() => Organization, { description: '被提议的单位 — the unit named' })
  async organization(@Root() c: ProjectCoBuildingUnit, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(c.organizationId))!;
  }

  // What the named unit needs to decide, readable by it even while the project is a draft it does not build yet.
  @FieldResolver(() => ID, { description: '项目ID — project id' })
  projectId(@Root() c: ProjectCoBuildingUnit): string {
    return c.projectId;
  }

  @FieldResolver(() => String, { description: '项目编号 — project code' })
  async projectCode(@Root() c: ProjectCoBuildingUnit, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.projectById.load(c.projectId))!.code;
  }

  @FieldResolver(() => String, { description: '项目名称 — project name' })
  async projectName(@Root() c: ProjectCoBuildingUnit, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.projectById.load(c.projectId))!.name;
  }

  @FieldResolver(() => Int, { description: '计划年度 — plan year' })
  async planYear(@Root() c: ProjectCoBuildingUnit, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.projectById.load(c.projectId))!.planYear;
  }

  @FieldResolver(() => DecimalScalar, { description: '总预算（元）— total budget' })
  async totalBudget(@Root() c: ProjectCoBuildingUnit, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.projectById.load(c.projectId))!.totalBudget;
  }

  @FieldResolver(() => Organization, { description: '牵头单位 — the lead unit that proposes' })
  async leadUnit(@Root() c: ProjectCoBuildingUnit, @Ctx() ctx: Context): Promise<Organization> {
    const p = (await ctx.loaders.projectById.load(c.projectId))!;
    return (await ctx.loaders.organizationById.load(p.leadUnitId))!;
  }
}

@Resolver(() => Project)
export class ProjectCoBuildingResolver {
  @FieldResolver(() => [ProjectCoBuildingUnit], {
    description: '被提议的共建单位及其确认，按名称 — every unit named as co-building unit and its answer (第十四条)',
  })
  coBuilding(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectCoBuildingUnit[]> {
    return ctx.loaders.coBuildingByProject.load(p.id);
  }
}
