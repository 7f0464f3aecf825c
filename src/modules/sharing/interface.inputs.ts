import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IdInput, IdListInput, LockVersionInput, TextInput } from '../../common/input-fields';
import { UpdateFrequency } from '../catalogue';
import { InterfaceKind, MountStatus } from './sharing.enums';

/** At most this many 使用单位 per interface, whether set by interfaceUpdate or added by an approved sharing request. */
export const MAX_CONSUMERS = 200;

@InputType({ description: '登记共享接口 — a new sharing-list entry of a shareable resource (第九条、第十七条)' })
export class InterfaceRegisterInput {
  @IdInput('信息资源', { description: '信息资源 — the catalogue entry it serves' })
  resourceId: string;

  @Field(() => InterfaceKind)
  kind: InterfaceKind;

  @TextInput('访问地址', 500, { description: '访问地址 — URL or DSN suiting the kind, without a password, at most 500 characters', notEmpty: true })
  endpoint: string;

  @Field(() => UpdateFrequency, { description: "同步频率 — sync frequency, not rarer than the resource's update frequency (第十七条)" })
  syncFrequency: UpdateFrequency;

  @IdListInput('使用单位', MAX_CONSUMERS, '使用单位 — consuming organisations')
  consumerIds?: string[] | null;
}

@InputType({ description: '修改共享接口 — changes to a sharing-list entry; omitted fields stay' })
export class InterfaceUpdateInput {
  @IdInput('共享接口')
  id: string;

  @LockVersionInput()
  lockVersion?: number;

  @Field(() => InterfaceKind, { nullable: true })
  @IsOptional()
  kind?: InterfaceKind | null;

  @TextInput('访问地址', 500, { description: '访问地址 — URL or DSN, without a password', optional: true, notEmpty: true })
  endpoint?: string | null;

  @Field(() => UpdateFrequency, { nullable: true, description: '同步频率 — sync frequency (第十七条)' })
  @IsOptional()
  syncFrequency?: UpdateFrequency | null;

  @IdListInput('使用单位', MAX_CONSUMERS, '使用单位 — consuming organisations; when given they replace the list')
  consumerIds?: string[] | null;
}

@InputType({ description: '挂接共享接口 — record that the city exchange platform mounted an interface (第十七条)' })
export class InterfaceMountInput {
  @IdInput('共享接口')
  interfaceId: string;

  @LockVersionInput()
  lockVersion?: number;

  @TextInput('平台挂接编号', 100, { description: "平台挂接编号 — the interface's id on the city exchange platform, at most 100 characters", notEmpty: true })
  platformId: string;

  @Field(() => Date, { nullable: true, description: '挂接时间 — when it was mounted; now when omitted, never in the future' })
  @IsOptional()
  mountedAt?: Date | null;
}

@InputType({ description: '撤销挂接 — record that an interface was withdrawn from the city exchange platform (第十七条)' })
export class InterfaceWithdrawInput {
  @IdInput('共享接口')
  interfaceId: string;

  @LockVersionInput()
  lockVersion?: number;

  @TextInput('撤销理由', 2000, { description: '撤销理由 — reason, at most 2000 characters', notEmpty: true })
  reason: string;
}

@InputType({ description: '共享接口筛选 — sharing-list filter; every condition given must hold' })
export class InterfaceFilter {
  @Field(() => ID, { nullable: true, description: '信息资源 — the catalogue entry' })
  resourceId?: string | null;

  @Field(() => ID, { nullable: true, description: '项目 — the project of the catalogue entry' })
  projectId?: string | null;

  @Field(() => MountStatus, { nullable: true })
  mountStatus?: MountStatus | null;

  @Field(() => InterfaceKind, { nullable: true })
  kind?: InterfaceKind | null;
}
