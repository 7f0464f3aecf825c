import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/input-fields';
import { IsCreditCode } from './credit-code.validator';
import { OrganizationKind } from './organization.enums';

@InputType({ description: '新建单位 — a new organisation' })
export class OrganizationCreateInput {
  @Field({ description: '单位名称 — name, 2-100 characters' })
  @MinLength(2, { message: '单位名称不能少于2个字符' })
  @MaxLength(100, { message: '单位名称不能超过100个字符' })
  @Matches(/\S/, { message: '单位名称不能为空白' })
  name: string;

  @Field({ description: '统一社会信用代码 — unified social credit code (GB 32100)' })
  @IsCreditCode()
  creditCode: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @IdInput('主管单位', { description: '主管单位 — the supervising organisation', optional: true })
  supervisorId?: string | null;
}

@InputType({ description: '修改单位 — changes to an organisation; omitted fields stay as they are' })
export class OrganizationUpdateInput {
  @IdInput('单位')
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @MinLength(2, { message: '单位名称不能少于2个字符' })
  @MaxLength(100, { message: '单位名称不能超过100个字符' })
  @Matches(/\S/, { message: '单位名称不能为空白' })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  kind?: OrganizationKind;

  @IdInput('主管单位', { description: '主管单位; null removes it', optional: true })
  supervisorId?: string | null;
}

@InputType({ description: '单位筛选 — organisation filter' })
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind;

  @TextInput('检索词', 100, { description: '名称包含 — name contains this substring', optional: true })
  nameContains?: string;
}
