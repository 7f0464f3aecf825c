import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { daysBetween } from '../../common/dates';
import { ConnectionArgs, toConnection, withCountIfAsked } from '../../graphql/connection';
import type { Outcome } from '../../db/transaction';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { Project, ProjectStatus } from '../project';
import { ProjectRectification } from './rectification.entity';
import { OPEN_RECTIFICATION, REPORT_OWED } from './rectification.enums';
import * as I from './rectification.inputs';
import * as P from './rectification.payloads';

const payload = ({ result, userErrors }: Outcome<Project>) => ({ project: result, userErrors });

/** 第三十三条: 限期整改、暂缓拨付资金、暂停项目建设、终止项目 — the mutations, and what a project shows of them. */
@Authorized()
@Resolver(() => Project)
export class RectificationResolver {
  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectRectificationOrderPayload, {
    description: '责令限期整改 — order rectification by a due date, from any status after approval; the project enters RECTIFYING (第三十三条)',
  })
  async projectRectificationOrder(@Ctx() ctx: Context, @Arg('input') input: I.ProjectRectificationOrderInput): Promise<P.ProjectRectificationOrderPayload> {
    return payload(await ctx.services.rectification.order(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.ProjectRectificationReportPayload, {
    description: '报告整改情况 — the project unit reports its rectification with its materials (第三十三条)',
  })
  async projectRectificationReport(@Ctx() ctx: Context, @Arg('input') input: I.ProjectRectificationReportInput): Promise<P.ProjectRectificationReportPayload> {
    return payload(await ctx.services.rectification.report(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectRectificationAcceptPayload, {
    description: '整改验收通过 — accept the report; the project returns to its earlier status (第三十三条)',
  })
  async projectRectificationAccept(@Ctx() ctx: Context, @Arg('input') input: I.ProjectRectificationAcceptInput): Promise<P.ProjectRectificationAcceptPayload> {
    return payload(await ctx.services.rectification.accept(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectRectificationRefusePayload, {
    description: '整改验收不通过 — refuse the report, with the reason; the unit reports again (第三十三条)',
  })
  async projectRectificationRefuse(@Ctx() ctx: Context, @Arg('input') input: I.ProjectRectificationRefuseInput): Promise<P.ProjectRectificationRefusePayload> {
    return payload(await ctx.services.rectification.refuse(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectSuspendPayload, {
    description: '暂停项目建设、暂缓拨付资金 — after an overdue or refused rectification; the project shows fundsHalted (第三十三条)',
  })
  async projectSuspend(@Ctx() ctx: Context, @Arg('input') input: I.ProjectSanctionInput): Promise<P.ProjectSuspendPayload> {
    return payload(await ctx.services.rectification.suspend(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectResumePayload, { description: '恢复项目建设 — lift the suspension; the rectification continues with a new due date (第三十三条)' })
  async projectResume(@Ctx() ctx: Context, @Arg('input') input: I.ProjectResumeInput): Promise<P.ProjectResumePayload> {
    return payload(await ctx.services.rectification.resume(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ProjectTerminatePayload, { description: '终止项目 — final; after a suspension, or an overdue or refused rectification (第三十三条)' })
  async projectTerminate(@Ctx() ctx: Context, @Arg('input') input: I.ProjectSanctionInput): Promise<P.ProjectTerminatePayload> {
    return payload(await ctx.services.rectification.terminate(ctx, input));
  }

  @FieldResolver(() => ProjectRectification, { nullable: true, description: '进行中的整改 — the open rectification, if any (第三十三条)' })
  async rectification(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectRectification | null> {
    const list = await ctx.loaders.rectificationsByProject.load(p.id);
    return list.find((r) => (OPEN_RECTIFICATION as readonly string[]).includes(r.status)) ?? null;
  }

  @FieldResolver(() => [ProjectRectification], { description: '整改记录，新的在前 — every rectification of the project, newest first (第三十三条)' })
  rectifications(@Root() p: Project, @Ctx() ctx: Context): Promise<ProjectRectification[]> {
    return ctx.loaders.rectificationsByProject.load(p.id);
  }

  @FieldResolver(() => Boolean, {
    description: '暂缓拨付建设资金及运维经费 — funds halted: the project is suspended or terminated (第三十三条)',
  })
  fundsHalted(@Root() p: Project): boolean {
    return p.status === ProjectStatus.SUSPENDED || p.status === ProjectStatus.TERMINATED;
  }
}

/** 整改跟踪: the rectifications across the district, filtered, for the office and the other overseers (第三十三条). */
@Resolver(() => ProjectRectification)
export class RectificationListResolver {
  @Authorized(Role.LEADING_GROUP_OFFICE, Role.BIG_DATA_BUREAU, Role.AUDITOR)
  @Query(() => P.ProjectRectificationConnection, {
    description: '整改列表，按整改期限 — rectifications by due date, filtered by status (default the open ones), organisation and overdue (第三十三条)',
  })
  async rectifications(
    @Arg('filter', () => I.RectificationFilter, { nullable: true }) filter: I.RectificationFilter | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<P.ProjectRectificationConnection> {
    return toConnection(await ctx.services.rectification.list(ctx, filter, withCountIfAsked(page, info)));
  }

  @FieldResolver(() => Project, { nullable: true, description: '项目 — the project ordered to rectify' })
  project(@Root() r: ProjectRectification, @Ctx() ctx: Context): Promise<Project | null> {
    return ctx.loaders.projectById.load(r.projectId);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: '距整改期限的天数（逾期为负；已不欠报告时为空）— calendar days to the due date while the report is owed',
  })
  daysLeft(@Root() r: ProjectRectification, @Ctx() ctx: Context): number | null {
    return (REPORT_OWED as readonly string[]).includes(r.status) ? daysBetween(ctx.services.rectification.today(), r.dueOn) : null;
  }

  @FieldResolver(() => Boolean, { description: '已逾期 — the report is owed and its due date has passed (第三十三条)' })
  overdue(@Root() r: ProjectRectification, @Ctx() ctx: Context): boolean {
    return (REPORT_OWED as readonly string[]).includes(r.status) && r.dueOn < ctx.services.rectification.today();
  }
}
