import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { CatalogueKind, OpenType, SharingType, UpdateFrequency } from './catalogue.enums';
import { InformationResource } from './information-resource.entity';
import { ResourceVersion } from './resource-version.entity';
import type { ResourceFilter } from './resource.inputs';

@ObjectType({ description: '按共享类型计数 — entries per sharing type; null counts entries not yet classified' })
export class SharingTypeCount {
  @Field(() => SharingType, { nullable: true, description: '取值（空表示尚未确定）— value; null when not yet set' })
  value: SharingType | null;

  @Field(() => Int, { description: '条目数 — number of entries' })
  count: number;
}

@ObjectType({ description: '按开放类型计数 — entries per open type; null counts entries not yet classified' })
export class OpenTypeCount {
  @Field(() => OpenType, { nullable: true, description: '取值（空表示尚未确定）— value; null when not yet set' })
  value: OpenType | null;

  @Field(() => Int, { description: '条目数 — number of entries' })
  count: number;
}

@ObjectType({ description: '按更新周期计数 — entries per update frequency; null counts entries without one yet' })
export class UpdateFrequencyCount {
  @Field(() => UpdateFrequency, { nullable: true, description: '取值（空表示尚未确定）— value; null when not yet set' })
  value: UpdateFrequency | null;

  @Field(() => Int, { description: '条目数 — number of entries' })
  count: number;
}

@ObjectType({ description: '按目录类别计数 — entries per catalogue kind' })
export class CatalogueKindCount {
  @Field(() => CatalogueKind, { description: '取值 — value' })
  value: CatalogueKind;

  @Field(() => Int, { description: '条目数 — number of entries' })
  count: number;
}

@ObjectType({ description: '按提供方计数 — entries per providing organisation' })
export class ProviderCount {
  /** Resolved through the organisation loader as `organization`. */
  providerId: string;

  @Field(() => Int, { description: '条目数 — number of entries' })
  count: number;
}

@ObjectType({ description: '分面统计 — counts of the whole filtered set (not just the page); each facet sums to totalCount' })
export class ResourceFacets {
  @Field(() => [SharingTypeCount], { description: '共享类型 — by sharing type' })
  sharingType: SharingTypeCount[];

  @Field(() => [OpenTypeCount], { description: '开放类型 — by open type' })
  openType: OpenTypeCount[];

  @Field(() => [UpdateFrequencyCount], { description: '更新周期 — by update frequency' })
  updateFrequency: UpdateFrequencyCount[];

  @Field(() => [CatalogueKindCount], { description: '目录类别 — by catalogue kind' })
  catalogueKind: CatalogueKindCount[];

  @Field(() => [ProviderCount], { description: '提供方 — by providing organisation' })
  provider: ProviderCount[];
}

@ObjectType()
export class InformationResourceConnection extends Connection(InformationResource) {
  /** The filter the page was read with, for `facets`. */
  filter: ResourceFilter;
}

@ObjectType({ description: "项目的信息资源目录（分页）— a project's catalogue entries, by code" })
export class ProjectResourceConnection extends Connection(InformationResource, 'ProjectResource') {}

@ObjectType()
export class ResourceCreatePayload extends Payload('resource', InformationResource) {}

@ObjectType()
export class ResourceUpdatePayload extends Payload('resource', InformationResource) {}

@ObjectType({ description: '提交审核的结果 — on refusal, fields name the resourceUpdate input to complete' })
export class ResourceSubmitPayload extends Payload('resource', InformationResource) {}

@ObjectType()
export class ResourcePublishPayload extends Payload('resource', InformationResource) {}

@ObjectType()
export class ResourceReturnPayload extends Payload('resource', InformationResource) {}

@ObjectType()
export class ResourceRetirePayload extends Payload('resource', InformationResource) {}

@ObjectType()
export class ResourceRevisionWithdrawPayload extends Payload('resource', InformationResource) {}

@ObjectType({ description: '已发布版本分页 — a page of the published versions of an entry' })
export class ResourceVersionConnection extends Connection(ResourceVersion) {}
