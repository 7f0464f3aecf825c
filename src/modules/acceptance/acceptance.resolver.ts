import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Outcome } from '../../db/transaction';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { Project } from '../project';
import { AcceptanceApplication } from './acceptance-application.entity';
import { AcceptanceDocument } from './acceptance-document.entity';
import * as I from './acceptance.inputs';
import * as P from './acceptance.payloads';
import { lateAcceptance, lateApplication, mayReadApplications } from './acceptance.rules';
import { AcceptanceSnapshot } from './acceptance-snapshot.entity';
import { SnapshotContent, SnapshotDelta, snapshotDelta, verifySnapshot } from './acceptance.snapshot';
import { ExpertOpinion, ExpertReview } from '../review';
import { shanghaiDateOf } from '../../common/dates';
import { DateScalar } from '../../graphql/scalars';

const payload = ({ result, userErrors }: Outcome<AcceptanceApplication>) => ({ acceptanceApplication: result, userErrors });

/** An application is reached only through what its reader may read: `Project.acceptanceApplications` and the mutations' payloads. */
@Authorized()
@Resolver(() => AcceptanceApplication)
export class AcceptanceResolver {
  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => P.AcceptanceApplyPayload, {
    description: '申请竣工验收，冻结验收快照 — apply for acceptance; freezes the snapshot (项目建设单位, 第二十四条、第二十五条)',
  })
  async acceptanceApply(@Ctx() ctx: Context, @Arg('input') input: I.AcceptanceApplyInput): Promise<P.AcceptanceApplyPayload> {
    return payload(await ctx.services.acceptance.apply(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.AcceptanceRecordResultPayload, {
    description: '登记验收结论 — record the result: PASSED → ACCEPTED, FAILED → ACCEPTANCE_FAILED (领导小组办公室, 第九条、第二十六条)',
  })
  async acceptanceRecordResult(@Ctx() ctx: Context, @Arg('input') input: I.AcceptanceRecordResultInput): Promise<P.AcceptanceRecordResultPayload> {
    return payload(await ctx.services.acceptance.recordResult(ctx, input));
  }

  @Authorized(Role.LEADING_GROUP_OFFICE)
  @Mutation(() => P.AcceptanceFilePayload, {
    description: '验收备案 — record the filing of a passed acceptance; the project goes FILED, then IN_OPERATION (领导小组办公室, 第二十六条)',
  })
  async acceptanceFile(@Ctx() ctx: Context, @Arg('input') input: I.AcceptanceFileInput): Promise<P.AcceptanceFilePayload> {
    return payload(await ctx.services.acceptance.file(ctx, input));
  }

  @FieldResolver(() => Project, { description: '项目 — the project applying' })
  async project(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<Project> {
    return (await ctx.loaders.projectById.load(a.projectId))!;
  }

  @FieldResolver(() => [AcceptanceDocument], { description: '验收材料，按类别 — the materials, by kind (第二十五条、第二十六条)' })
  documents(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<AcceptanceDocument[]> {
    return ctx.loaders.acceptanceDocumentsByApplicationId.load(a.id);
  }

  @FieldResolver(() => AcceptanceSnapshot, { description: '申请时冻结的验收快照 — the snapshot frozen at the application (第二十五条)' })
  async snapshot(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<AcceptanceSnapshot> {
    return (await ctx.loaders.acceptanceSnapshotByApplicationId.load(a.id))!;
  }

  @FieldResolver(() => DateScalar, { description: '申请日期（北京时间）— the Beijing date of appliedAt' })
  appliedOn(@Root() a: AcceptanceApplication): string {
    return shanghaiDateOf(a.appliedAt);
  }

  @FieldResolver(() => ExpertReview, {
    nullable: true,
    description: '专家咨询小组会商审核：指派的专家及其意见 — the expert review of this application: assigned experts and their opinions (第六条、第二十五条)',
  })
  review(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<ExpertReview | null> {
    return ctx.loaders.reviewByApplicationId.load(a.id);
  }

  @FieldResolver(() => [ExpertOpinion], {
    description: "专家的当前意见，按登记时间 — the experts' current opinions, oldest first (第六条、第二十五条); versions under review.assignments",
  })
  expertOpinions(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<ExpertOpinion[]> {
    return ctx.loaders.expertOpinionsByApplicationId.load(a.id);
  }

  @FieldResolver(() => P.AcceptanceSnapshotDiff, {
    description: '快照以来目录和共享清单的变化 — what changed in the live catalogue and sharing list since the snapshot',
  })
  async snapshotDiff(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<SnapshotDelta> {
    const [snapshot, live] = await Promise.all([
      ctx.loaders.acceptanceSnapshotByApplicationId.load(a.id),
      ctx.loaders.liveCatalogueByProjectId.load(a.projectId),
    ]);
    return snapshotDelta(snapshot!.content as unknown as SnapshotContent, live!);
  }

  @FieldResolver(() => Boolean, {
    description: '逾期申请：晚于试运行结束后一个月（第二十五条），北京时间 — applied late; allowed, shown among the deadlines',
  })
  async late(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<boolean> {
    const p = (await ctx.loaders.projectById.load(a.projectId))!;
    return lateApplication(shanghaiDateOf(a.appliedAt), p.trialEndDate);
  }

  @FieldResolver(() => Boolean, {
    description: '逾期验收：验收日期晚于上线运行后十二个月（第二十四条）— accepted more than twelve months after go-live; allowed, flagged',
  })
  async acceptedLate(@Root() a: AcceptanceApplication, @Ctx() ctx: Context): Promise<boolean> {
    const p = (await ctx.loaders.projectById.load(a.projectId))!;
    return lateAcceptance(a.acceptedOn, p.goLiveDate);
  }
}

@Authorized()
@Resolver(() => Project)
export class ProjectAcceptanceResolver {
  @FieldResolver(() => [AcceptanceApplication], {
    description:
      '竣工验收申请，最新在前（监督角色及本项目建设单位可见，其他为空）— acceptance applications, newest first; empty unless the caller oversees or builds the project',
  })
  async acceptanceApplications(@Root() p: Project, @Ctx() ctx: Context): Promise<AcceptanceApplication[]> {
    if (!mayReadApplications(ctx.caller, p, await ctx.loaders.coBuildingUnitIdsByProject.load(p.id))) return [];
    return ctx.loaders.acceptanceApplicationsByProjectId.load(p.id);
  }
}

@Resolver(() => AcceptanceSnapshot)
export class AcceptanceSnapshotResolver {
  @FieldResolver(() => Boolean, {
    description: '校验：按存储内容重新计算的 SHA-256 与 contentHash 一致 — the hash recomputed from the stored content matches contentHash',
  })
  verify(@Root() s: AcceptanceSnapshot): boolean {
    return verifySnapshot(s);
  }
}
