import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { isBuildingUnit, isOversight, Project } from '../project';
import { ExpertAssignment } from './expert-assignment.entity';
import { ExpertOpinion } from './expert-opinion.entity';
import { ExpertReview } from './expert-review.entity';
import * as I from './review.inputs';
import * as P from './review.payloads';

/** A review is reached through what its reader may read: `Project.planReview`, `AcceptanceApplication.review`, the payloads. */
@Authorized()
@Resolver(() => ExpertReview)
export class ReviewResolver {
  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Query(() => [P.Expert], {
    description: `可指派的评审专家，按姓名，最多 ${P.EXPERT_LIST_CAP} 位 — the enabled experts the office may assign, by name, at most ${P.EXPERT_LIST_CAP}; nameContains narrows them (领导小组办公室, 第六条)`,
  })
  experts(
    @Ctx() ctx: Context,
    @Arg('nameContains', () => String, { nullable: true, description: '姓名包含 — name contains this text' }) nameContains?: string | null,
  ): Promise<P.Expert[]> {
    return ctx.services.reviews.experts(ctx, nameContains);
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.ExpertAssignPayload, {
    description: '指派评审专家 — assign experts to the review of a declared plan (第十条) or an acceptance application (第二十五条) (领导小组办公室, 第六条)',
  })
  async expertAssign(@Ctx() ctx: Context, @Arg('input') input: I.ExpertAssignInput): Promise<P.ExpertAssignPayload> {
    const { result, userErrors } = await ctx.services.reviews.assign(ctx, input);
    return { expertReview: result, userErrors };
  }

  @Authorized(Role.EXPERT)
  @Mutation(() => P.ExpertOpinionRecordPayload, {
    description:
      '登记或修订专家意见 — an assigned expert records, or revises until the decision, their opinion on a plan (第十条) or an acceptance application (第二十五条) (专家咨询小组, 第六条)',
  })
  async expertOpinionRecord(@Ctx() ctx: Context, @Arg('input') input: I.ExpertOpinionRecordInput): Promise<P.ExpertOpinionRecordPayload> {
    const { result, userErrors } = await ctx.services.reviews.recordOpinion(ctx, input);
    return { expertOpinion: result, userErrors };
  }

  @FieldResolver(() => Project, { description: '项目 — the project reviewed' })
  async project(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<Project> {
    return (await ctx.loaders.projectById.load(r.projectId))!;
  }

  @FieldResolver(() => ID, { nullable: true, description: '验收申请ID（验收评审）— the acceptance application, for an ACCEPTANCE review' })
  applicationId(@Root() r: ExpertReview): string | null {
    return r.applicationId;
  }

  @FieldResolver(() => Boolean, { description: '评审进行中：可指派专家、登记或修订意见 — open: experts may be assigned and opinions given or revised' })
  open(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.loaders.reviewOpenById.load(r.id);
  }

  @FieldResolver(() => [ExpertAssignment], {
    description: '指派的专家，按指派时间（同次指派按用户ID）— the assigned experts, in the order assigned (one assignment by user id)',
  })
  assignments(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<ExpertAssignment[]> {
    return ctx.loaders.assignmentsByReviewId.load(r.id);
  }

  @FieldResolver(() => [ExpertOpinion], { description: '当前意见（每位专家一份），按登记时间 — the current opinions, one per expert, oldest first' })
  opinions(@Root() r: ExpertReview, @Ctx() ctx: Context): Promise<ExpertOpinion[]> {
    return ctx.loaders.currentOpinionsByReviewId.load(r.id);
  }
}

@Resolver(() => ExpertAssignment)
export class ExpertAssignmentResolver {
  @FieldResolver(() => String, { nullable: true, description: '专家姓名（未知时为空）— the expert by name; null while unknown' })
  async expertName(@Root() a: ExpertAssignment, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.expertByUserId.load(a.expertUserId)).name;
  }

  @FieldResolver(() => ExpertOpinion, { nullable: true, description: '当前意见（尚未登记时为空）— the current opinion; null before the expert gives one' })
  async opinion(@Root() a: ExpertAssignment, @Ctx() ctx: Context): Promise<ExpertOpinion | null> {
    const versions = await ctx.loaders.opinionVersionsByExpert.load(`${a.reviewId}/${a.expertUserId}`);
    return versions.find((o) => o.supersededAt === null) ?? null;
  }

  @FieldResolver(() => [ExpertOpinion], { description: '意见的全部版本，从早到晚 — every version of the opinion, oldest first (第六条)' })
  opinionHistory(@Root() a: ExpertAssignment, @Ctx() ctx: Context): Promise<ExpertOpinion[]> {
    return ctx.loaders.opinionVersionsByExpert.load(`${a.reviewId}/${a.expertUserId}`);
  }
}

@Resolver(() => ExpertOpinion)
export class ExpertOpinionResolver {
  @FieldResolver(() => String, { nullable: true, description: '专家姓名（未知时为空）— the expert by name; null while unknown' })
  async expertName(@Root() o: ExpertOpinion, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.expertByUserId.load(o.expertUserId)).name;
  }

  @FieldResolver(() => Boolean, { description: '当前版本 — this is the current version' })
  current(@Root() o: ExpertOpinion): boolean {
    return o.supersededAt === null;
  }
}

@Authorized()
@Resolver(() => Project)
export class ProjectReviewResolver {
  @FieldResolver(() => ExpertReview, {
    nullable: true,
    description:
      '当前申报的建设方案专家评审（监督角色及本项目建设单位可见）— the expert review of the current declaration (第十条); null when none was opened or the caller neither oversees nor builds the project',
  })
  async planReview(@Root() p: Project, @Ctx() ctx: Context): Promise<ExpertReview | null> {
    if (!isOversight(ctx.caller) && !isBuildingUnit(ctx.caller, p, await ctx.loaders.coBuildingUnitIdsByProject.load(p.id))) return null;
    return ctx.loaders.planReviewByProjectId.load(p.id);
  }
}
