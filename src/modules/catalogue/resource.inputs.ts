import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdInput, LockVersionInput, TextInput } from '../../common/input-fields';
import { DateScalar } from '../../graphql/scalars';
import {
  CatalogueKind,
  DataGrade,
  DataItemType,
  OpenType,
  ResourceFormat,
  ResourceStatus,
  RevisionStatus,
  SharingMethod,
  SharingType,
  UpdateFrequency,
} from './catalogue.enums';

/** Text limits of a catalogue entry (the entity's column lengths, and bounds on the free texts). */
export const LIMITS = { name: 200, summary: 4000, subFormat: 50, condition: 2000, itemName: 100, items: 1000, related: 100, reason: 2000, search: 100 };

const tooLong = (what: string, max: number) => ({ message: `${what}不能超过${max}个字符` });

@InputType({ description: '信息项 — a data item; positions follow the order given, from 1' })
export class DataItemInput {
  @TextInput('信息项名称', LIMITS.itemName, { description: '信息项名称 — name, at most 100 characters', notEmpty: true })
  name: string;

  @Field(() => DataItemType, { description: '数据类型 — data type' })
  dataType: DataItemType;

  @Field(() => Int, { nullable: true, description: '长度 — length, 1 to 100000; null when the type has none' })
  @IsOptional()
  @IsInt({ message: '信息项长度须为整数' })
  @Min(1, { message: '信息项长度须在1到100000之间' })
  @Max(100000, { message: '信息项长度须在1到100000之间' })
  length?: number | null;
}

/** The metadata fields that are optional both when an entry is created and when it is changed. */
@InputType()
abstract class ResourceMetadataInput {
  @Field(() => String, {
    nullable: true,
    description: '信息资源代码 — resource code "<classificationCode>/<6-digit sequence>"; generated when omitted',
  })
  @IsOptional()
  @MaxLength(32, tooLong('信息资源代码', 32))
  code?: string | null;

  @IdInput('提供方单位', { description: "提供方 — providing organisation, one of the project's building units; defaults to the caller's", optional: true })
  providerId?: string | null;

  @TextInput('信息资源摘要', LIMITS.summary, { description: '信息资源摘要 — summary, at most 4000 characters', optional: true })
  summary?: string | null;

  @TextInput('格式细类', LIMITS.subFormat, { description: '格式细类，如 OFD、xlsx、MySQL — sub-format, at most 50 characters', optional: true })
  subFormat?: string | null;

  @Field(() => [DataItemInput], { nullable: true, description: '信息项 — data items, in order; when given they replace all existing items' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.items, { message: `信息项不能超过${LIMITS.items}个` })
  @ValidateNested({ each: true })
  dataItems?: DataItemInput[] | null;

  @Field(() => SharingType, { nullable: true, description: '共享类型 — sharing type (第九条)' })
  @IsOptional()
  sharingType?: SharingType | null;

  @TextInput('共享条件', LIMITS.condition, { description: '共享条件 — sharing condition, required when CONDITIONAL (第九条)', optional: true })
  sharingCondition?: string | null;

  @TextInput('不予共享依据', LIMITS.condition, { description: '不予共享依据 — legal basis, required when NOT_SHARED (第九条)', optional: true })
  legalBasis?: string | null;

  @Field(() => SharingMethod, { nullable: true, description: '共享方式 — sharing method' })
  @IsOptional()
  sharingMethod?: SharingMethod | null;

  @Field(() => OpenType, { nullable: true, description: '开放类型 — open type; NOT_OPEN when NOT_SHARED (第九条)' })
  @IsOptional()
  openType?: OpenType | null;

  @TextInput('开放条件', LIMITS.condition, { description: '开放条件 — open condition, required when CONDITIONAL_OPEN (第九条)', optional: true })
  openCondition?: string | null;

  @Field(() => UpdateFrequency, { nullable: true, description: '更新周期 — update frequency (第九条)' })
  @IsOptional()
  updateFrequency?: UpdateFrequency | null;

  @Field(() => DataGrade, { nullable: true, description: '数据分级 — data grade (GB/T 43697)' })
  @IsOptional()
  dataGrade?: DataGrade | null;

  @Field(() => DateScalar, { nullable: true, description: '发布日期 — publication date; set at publication when empty' })
  @IsOptional()
  publishedOn?: string | null;

  @Field(() => [String], { nullable: true, description: '关联资源代码 — codes of related resources; each must exist' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.related, { message: `关联资源不能超过${LIMITS.related}个` })
  @MaxLength(32, { each: true, message: '关联资源代码不能超过32个字符' })
  relatedResourceCodes?: string[] | null;
}

@InputType({ description: '登记信息资源 — a new catalogue entry of a project (第八条、第九条)' })
export class ResourceCreateInput extends ResourceMetadataInput {
  @IdInput('项目', { description: '所属项目 — the project that produces the resource' })
  projectId: string;

  @Field(() => CatalogueKind, { description: '目录类别 — catalogue kind; fixes the first digit of the classification code' })
  catalogueKind: CatalogueKind;

  @TextInput('分类代码', 16, { description: '分类代码 — classification code: 类 1 digit (1-3), 项 2, 目 3, optional 细目 3', notEmpty: true })
  classificationCode: string;

  @TextInput('信息资源名称', LIMITS.name, { description: '信息资源名称 — name, at most 200 characters', notEmpty: true })
  name: string;

  @Field(() => ResourceFormat, { description: '信息资源格式 — format' })
  format: ResourceFormat;
}

@InputType({ description: '修改信息资源 — changes to a catalogue entry; omitted fields stay, null clears an optional one' })
export class ResourceUpdateInput extends ResourceMetadataInput {
  @IdInput('信息资源')
  id: string;

  @LockVersionInput()
  lockVersion?: number;

  @Field(() => CatalogueKind, { nullable: true })
  @IsOptional()
  catalogueKind?: CatalogueKind | null;

  @TextInput('分类代码', 16, { description: '分类代码 — classification code', optional: true, notEmpty: true })
  classificationCode?: string | null;

  @TextInput('信息资源名称', LIMITS.name, { description: '信息资源名称 — name', optional: true, notEmpty: true })
  name?: string | null;

  @Field(() => ResourceFormat, { nullable: true })
  @IsOptional()
  format?: ResourceFormat | null;
}

/** The catalogue entry a review step applies to; each step's input extends it. */
@InputType()
export class ResourceIdInput {
  @IdInput('信息资源', { description: '信息资源 — the catalogue entry' })
  id: string;

  @LockVersionInput()
  lockVersion?: number;
}

@InputType({ description: '提交审核 — submit a draft or returned entry to the big-data bureau (第五条)' })
export class ResourceSubmitInput extends ResourceIdInput {}

@InputType({ description: '发布信息资源 — publish a submitted entry (第五条)' })
export class ResourcePublishInput extends ResourceIdInput {}

@InputType({ description: '退回信息资源 — return a submitted entry to its project unit, with the reason (第五条)' })
export class ResourceReturnInput extends ResourceIdInput {
  @TextInput('退回理由', LIMITS.reason, { description: '退回理由 — reason, at most 2000 characters', notEmpty: true })
  reason: string;
}

@InputType({ description: '撤回修订 — withdraw the revision of a published entry (第五条)' })
export class ResourceRevisionWithdrawInput extends ResourceIdInput {}

@InputType({ description: '停用信息资源 — retire an entry; its published versions are kept' })
export class ResourceRetireInput extends ResourceIdInput {
  @TextInput('停用理由', LIMITS.reason, { description: '停用理由 — reason, at most 2000 characters', optional: true })
  reason?: string | null;
}

@InputType({ description: '信息资源筛选 — catalogue filter; every condition given must hold' })
export class ResourceFilter {
  @Field(() => ResourceStatus, { nullable: true })
  status?: ResourceStatus | null;

  @Field(() => RevisionStatus, {
    nullable: true,
    description: '修订状态 — published entries whose revision is in this status (the review queue); only the entries the caller may see revisions of',
  })
  revisionStatus?: RevisionStatus | null;

  @Field(() => SharingType, { nullable: true })
  sharingType?: SharingType | null;

  @Field(() => OpenType, { nullable: true })
  openType?: OpenType | null;

  @Field(() => UpdateFrequency, { nullable: true })
  updateFrequency?: UpdateFrequency | null;

  @Field(() => CatalogueKind, { nullable: true })
  catalogueKind?: CatalogueKind | null;

  @Field(() => ResourceFormat, { nullable: true })
  format?: ResourceFormat | null;

  @Field(() => DataGrade, { nullable: true })
  dataGrade?: DataGrade | null;

  @Field(() => ID, { nullable: true, description: '提供方 — providing organisation' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: '所属项目 — producing project' })
  projectId?: string | null;

  @TextInput('检索词', LIMITS.search, {
    optional: true,
    description: '检索 — substring of the name, summary or a data-item name (Chinese works), at most 100 characters',
  })
  search?: string | null;
}
