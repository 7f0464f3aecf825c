import { ArrayMaxSize, IsInt, IsNotEmpty, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { UpdateFrequency } from '../catalogue';
import { InterfaceKind, MountStatus } from './sharing.enums';

/** At most this many 使用单位 per interface, whether set by interfaceUpdate or added by an approved sharing request. */
export const MAX_CONSUMERS = 200;

@InputType({ description: '登记共享接口 — a new sharing-list entry of a shareable resource (第九条、第十七条)' })
export class InterfaceRegisterInput {
  @Field(() => ID, { description: '信息资源 — the catalogue entry it serves' })
  @IsUUID('all', { message: '信息资源ID格式无效' })
  resourceId: string;

  @Field(() => InterfaceKind)
  kind: InterfaceKind;

  @Field({ description: '访问地址 — URL or DSN suiting the kind, without a password, at most 500 characters' })
  @IsNotEmpty({ message: '访问地址不能为空' })
  @MaxLength(500, { message: '访问地址不能超过500个字符' })
  endpoint: string;

  @Field(() => UpdateFrequency, { description: "同步频率 — sync frequency, not rarer than the resource's update frequency (第十七条)" })
  syncFrequency: UpdateFrequency;

  @Field(() => [ID], { nullable: true, description: '使用单位 — consuming organisations' })
  @IsOptional()
  @ArrayMaxSize(MAX_CONSUMERS, { message: `使用单位不能超过${MAX_CONSUMERS}个` })
  @IsUUID('all', { each: true, message: '使用单位ID格式无效' })
  consumerIds?: string[] | null;
}

@InputType({ description: '修改共享接口 — changes to a sharing-list entry; omitted fields stay' })
export class InterfaceUpdateInput {
  @Field(() => ID)
  @IsUUID('all', { message: '共享接口ID格式无效' })
  id: string;

  @Field(() => Int, { nullable: true, description: '锁定版本号 — the lockVersion read; when given and no longer current, refused with CONFLICT' })
  @IsOptional()
  @IsInt({ message: '锁定版本号须为正整数' })
  @Min(1, { message: '锁定版本号须为正整数' })
  lockVersion?: number;

  @Field(() => InterfaceKind, { nullable: true })
  @IsOptional()
  kind?: InterfaceKind | null;

  @Field(() => String, { nullable: true, description: '访问地址 — URL or DSN, without a password' })
  @IsOptional()
  @IsNotEmpty({ message: '访问地址不能为空' })
  @MaxLength(500, { message: '访问地址不能超过500个字符' })
  endpoint?: string | null;

  @Field(() => UpdateFrequency, { nullable: true, description: '同步频率 — sync frequency (第十七条)' })
  @IsOptional()
  syncFrequency?: UpdateFrequency | null;

  @Field(() => [ID], { nullable: true, description: '使用单位 — consuming organisations; when given they replace the list' })
  @IsOptional()
  @ArrayMaxSize(MAX_CONSUMERS, { message: `使用单位不能超过${MAX_CONSUMERS}个` })
  @IsUUID('all', { each: true, message: '使用单位ID格式无效' })
  consumerIds?: string[] | null;
}

@InputType({ description: '挂接共享接口 — record that the city exchange platform mounted an interface (第十七条)' })
export class InterfaceMountInput {
  @Field(() => ID)
  @IsUUID('all', { message: '共享接口ID格式无效' })
  interfaceId: string;

  @Field(() => Int, { nullable: true, description: '锁定版本号 — the lockVersion read; when given and no longer current, refused with CONFLICT' })
  @IsOptional()
  @IsInt({ message: '锁定版本号须为正整数' })
  @Min(1, { message: '锁定版本号须为正整数' })
  lockVersion?: number;

  @Field({ description: "平台挂接编号 — the interface's id on the city exchange platform, at most 100 characters" })
  @IsNotEmpty({ message: '平台挂接编号不能为空' })
  @MaxLength(100, { message: '平台挂接编号不能超过100个字符' })
  platformId: string;

  @Field(() => Date, { nullable: true, description: '挂接时间 — when it was mounted; now when omitted, never in the future' })
  @IsOptional()
  mountedAt?: Date | null;
}

@InputType({ description: '撤销挂接 — record that an interface was withdrawn from the city exchange platform (第十七条)' })
export class InterfaceWithdrawInput {
  @Field(() => ID)
  @IsUUID('all', { message: '共享接口ID格式无效' })
  interfaceId: string;

  @Field(() => Int, { nullable: true, description: '锁定版本号 — the lockVersion read; when given and no longer current, refused with CONFLICT' })
  @IsOptional()
  @IsInt({ message: '锁定版本号须为正整数' })
  @Min(1, { message: '锁定版本号须为正整数' })
  lockVersion?: number;

  @Field({ description: '撤销理由 — reason, at most 2000 characters' })
  @IsNotEmpty({ message: '撤销理由不能为空' })
  @MaxLength(2000, { message: '撤销理由不能超过2000个字符' })
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
