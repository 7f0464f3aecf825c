import { Field, ID, InputType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/input-fields';
import { SharingRequestStatus } from './sharing-request.enums';

@InputType({ description: '提出共享申请 — apply to use a conditionally shared resource (国发〔2016〕51号)' })
export class SharingRequestCreateInput {
  @IdInput('信息资源', { description: '信息资源 — the published, conditionally shared catalogue entry' })
  resourceId: string;

  @TextInput('用途', 2000, { description: '用途 — purpose of use, at most 2000 characters', notEmpty: true })
  purpose: string;
}

@InputType({ description: "同意共享申请 — approve a pending request; the consumer is added to the resource's interfaces" })
export class SharingRequestApproveInput {
  @IdInput('共享申请')
  requestId: string;
}

@InputType({ description: '拒绝共享申请 — refuse a pending request, with the reason' })
export class SharingRequestRejectInput {
  @IdInput('共享申请')
  requestId: string;

  @TextInput('拒绝理由', 2000, { description: '拒绝理由 — reason, at most 2000 characters', notEmpty: true })
  reason: string;
}

@InputType({ description: '共享申请筛选 — sharing-request filter; every condition given must hold' })
export class SharingRequestFilter {
  @Field(() => SharingRequestStatus, { nullable: true })
  status?: SharingRequestStatus | null;

  @Field(() => ID, { nullable: true, description: '信息资源 — the requested catalogue entry' })
  resourceId?: string | null;

  @Field(() => ID, { nullable: true, description: '申请单位 — the consuming organisation' })
  consumerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "提供单位 — the providing organisation (the resource's provider)" })
  providerOrganizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '仅逾期未答复 — only pending requests past their due date' })
  overdueOnly?: boolean | null;
}
