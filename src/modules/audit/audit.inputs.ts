import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AuditOutcome } from './audit.enums';

@InputType({ description: '审计记录筛选 — which audit entries to list' })
export class AuditEntryFilter {
  @Field({ nullable: true, description: '操作人 — user or service account id' })
  @IsOptional()
  @MaxLength(200, { message: '操作人不能超过200个字符' })
  actor?: string;

  @Field(() => ID, { nullable: true, description: '单位 — the caller’s organisation' })
  @IsOptional()
  @IsUUID('all', { message: '单位ID格式无效' })
  organization?: string;

  @Field({ nullable: true, description: '对象类型 — e.g. Project, InformationResource, SharingInterface' })
  @IsOptional()
  @MaxLength(100, { message: '对象类型不能超过100个字符' })
  targetType?: string;

  @Field({ nullable: true, description: '对象ID — with targetType also the entries that changed rows under it' })
  @IsOptional()
  @MaxLength(200, { message: '对象ID不能超过200个字符' })
  targetId?: string;

  @Field({ nullable: true, description: '操作 — the mutation, e.g. projectUpdate' })
  @IsOptional()
  @MaxLength(100, { message: '操作名不能超过100个字符' })
  operation?: string;

  @Field(() => AuditOutcome, { nullable: true })
  @IsOptional()
  outcome?: AuditOutcome;

  @Field({ nullable: true, description: '起（含）— recorded at or after' })
  @IsOptional()
  from?: Date;

  @Field({ nullable: true, description: '止（不含）— recorded before' })
  @IsOptional()
  to?: Date;
}
