import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Outcome } from '../../db/transaction';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { InformationResource } from '../catalogue';
import { Organization } from '../organization';
import { OVERSIGHT_ROLES } from '../project';
import { SharingRequest } from './sharing-request.entity';
import { SharingRequestApproveInput, SharingRequestCreateInput, SharingRequestFilter, SharingRequestRejectInput } from './sharing-request.inputs';
import { SharingRequestApprovePayload, SharingRequestConnection, SharingRequestCreatePayload, SharingRequestRejectPayload } from './sharing-request.payloads';

const payload = ({ result, userErrors }: Outcome<SharingRequest>) => ({ sharingRequest: result, userErrors });

@Authorized()
@Resolver(() => SharingRequest)
export class SharingRequestResolver {
  @Authorized(...OVERSIGHT_ROLES, Role.PROJECT_UNIT)
  @Query(() => SharingRequestConnection, {
    description:
      "共享申请，按答复期限 — sharing requests by due date: all for the oversight roles, a project unit's those its organisation made or must answer",
  })
  async sharingRequests(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => SharingRequestFilter, { nullable: true }) filter?: SharingRequestFilter,
  ): Promise<SharingRequestConnection> {
    return toConnection(await ctx.services.sharingRequests.list(ctx, filter ?? {}, page));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => SharingRequestCreatePayload, {
    description:
      "提出共享申请 — the caller's organisation applies for a published, conditionally shared resource; due in 10 working days (项目建设单位, 国发〔2016〕51号)",
  })
  async sharingRequestCreate(@Ctx() ctx: Context, @Arg('input') input: SharingRequestCreateInput): Promise<SharingRequestCreatePayload> {
    return payload(await ctx.services.sharingRequests.create(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU)
  @Mutation(() => SharingRequestApprovePayload, {
    description: "同意共享申请 — approve; the consumer joins the resource's interfaces not withdrawn (提供单位或大数据管理局)",
  })
  async sharingRequestApprove(@Ctx() ctx: Context, @Arg('input') input: SharingRequestApproveInput): Promise<SharingRequestApprovePayload> {
    return payload(await ctx.services.sharingRequests.approve(ctx, input));
  }

  @Authorized(Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU)
  @Mutation(() => SharingRequestRejectPayload, { description: '拒绝共享申请 — refuse, with the reason (提供单位或大数据管理局, 国发〔2016〕51号)' })
  async sharingRequestReject(@Ctx() ctx: Context, @Arg('input') input: SharingRequestRejectInput): Promise<SharingRequestRejectPayload> {
    return payload(await ctx.services.sharingRequests.reject(ctx, input));
  }

  @FieldResolver(() => InformationResource, { description: '申请的信息资源 — the requested catalogue entry' })
  async resource(@Root() s: SharingRequest, @Ctx() ctx: Context): Promise<InformationResource> {
    return (await ctx.loaders.resourceById.load(s.resourceId))!;
  }

  @FieldResolver(() => Organization, { description: '申请单位 — the consuming organisation' })
  async consumerOrganization(@Root() s: SharingRequest, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(s.consumerOrganizationId))!;
  }

  @FieldResolver(() => Boolean, { description: '逾期未答复（北京时间今天已过答复期限）— pending past its due date (Asia/Shanghai today)' })
  overdue(@Root() s: SharingRequest, @Ctx() ctx: Context): boolean {
    return ctx.services.sharingRequests.overdue(s);
  }

  @FieldResolver(() => Boolean, {
    description: "答复期限是否暂定（所涉年度节假日安排尚未录入）— true while the due date was computed without that year's holiday notice",
  })
  dueOnProvisional(@Root() s: SharingRequest, @Ctx() ctx: Context): boolean {
    return ctx.services.sharingRequests.dueOnProvisional(s);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: '距答复期限的天数（自然日，逾期为负；已答复为空）— calendar days to the due date, negative when overdue; null once answered',
  })
  daysLeft(@Root() s: SharingRequest, @Ctx() ctx: Context): number | null {
    return ctx.services.sharingRequests.daysLeft(s);
  }
}
