import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, OneToMany, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, LockVersionColumn, NullableText, RestrictedReference, UpdatedAtColumn } from '../../common/columns';
import { DateScalar } from '../../graphql/scalars';
import { Organization } from '../organization';
import { Project } from '../project';
import { CatalogueKind, DataGrade, OpenType, ResourceFormat, ResourceStatus, SharingMethod, SharingType, UpdateFrequency } from './catalogue.enums';
import { DataItem } from './data-item.entity';

export const RESOURCE_CODE_KEY = 'information_resource_code_key';

/**
 * 信息资源 — one entry of the catalogue (政务信息资源目录编制指南(试行)). The row is the entry as it
 * stands now — once published, the published version, while edits wait in its ResourceRevision;
 * each publication freezes a ResourceVersion, so what was published when is never lost.
 */
@ObjectType({ description: '信息资源（目录条目）— a catalogue entry' })
@Entity()
export class InformationResource {
  @IdColumn()
  id: string;

  @LockVersionColumn('(not the catalogue `version`)')
  lockVersion: number;

  @Field({ description: '信息资源代码 — resource code: classification code / sequence, unique' })
  @Index(RESOURCE_CODE_KEY, { unique: true })
  @Column({ length: 32 })
  code: string;

  @Field(() => CatalogueKind)
  @Column({ type: 'enum', enum: CatalogueKind, enumName: 'catalogue_kind' })
  catalogueKind: CatalogueKind;

  @Field({ description: '分类代码（类1位、项2位、目3位、细目3位可选）— classification code' })
  @Index()
  @Column({ length: 16 })
  classificationCode: string;

  @Field({ description: '信息资源名称 — name' })
  @Column({ length: 200 })
  name: string;

  /** 提供方; exposed as `InformationResource.provider`. */
  @RestrictedReference(() => Organization)
  provider: Relation<Organization>;

  @Index()
  @Column('uuid')
  providerId: string;

  /** 产生该资源的项目; exposed as `InformationResource.project`. */
  @RestrictedReference(() => Project)
  project: Relation<Project>;

  @Index()
  @Column('uuid')
  projectId: string;

  @Field({ description: '信息资源摘要 — summary' })
  @Column({ type: 'text', default: '' })
  summary: string;

  @Field(() => ResourceFormat)
  @Column({ type: 'enum', enum: ResourceFormat, enumName: 'resource_format' })
  format: ResourceFormat;

  @Field(() => String, { nullable: true, description: '格式细类，如 OFD、xlsx、MySQL — sub-format' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  subFormat: string | null;

  /** 信息项: a GraphQL field of its own (ResourceResolver.dataItems, by the per-request loader or a revision's draft). */
  @OneToMany(() => DataItem, (i) => i.resource, { cascade: true })
  dataItems: Relation<DataItem[]>;

  @Field(() => SharingType, { nullable: true })
  @Index()
  @Column({ type: 'enum', enum: SharingType, enumName: 'sharing_type', nullable: true })
  sharingType: SharingType | null;

  @NullableText('共享条件（有条件共享时必填）— sharing condition')
  sharingCondition: string | null;

  @NullableText('不予共享的法律法规依据（不予共享时必填）— legal basis for not sharing')
  legalBasis: string | null;

  @Field(() => SharingMethod, { nullable: true })
  @Column({ type: 'enum', enum: SharingMethod, enumName: 'sharing_method', nullable: true })
  sharingMethod: SharingMethod | null;

  @Field(() => OpenType, { nullable: true })
  @Index()
  @Column({ type: 'enum', enum: OpenType, enumName: 'open_type', nullable: true })
  openType: OpenType | null;

  @NullableText('开放条件 — open condition')
  openCondition: string | null;

  @Field(() => UpdateFrequency, { nullable: true })
  @Index()
  @Column({ type: 'enum', enum: UpdateFrequency, enumName: 'update_frequency', nullable: true })
  updateFrequency: UpdateFrequency | null;

  @Field(() => DataGrade, { nullable: true })
  @Column({ type: 'enum', enum: DataGrade, enumName: 'data_grade', nullable: true })
  dataGrade: DataGrade | null;

  @Field(() => DateScalar, { nullable: true, description: '发布日期 — publication date' })
  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => [String], { description: '关联资源代码 — codes of related resources' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  relatedResourceCodes: string[];

  @Field(() => ResourceStatus)
  @Index()
  @Column({ type: 'enum', enum: ResourceStatus, enumName: 'resource_status', default: ResourceStatus.DRAFT })
  status: ResourceStatus;

  @NullableText("退回理由 — the bureau's reason for returning it")
  returnReason: string | null;

  /**
   * Name, summary and data-item names in one text, kept by the service on every write, for
   * Chinese substring search through two GIN indexes made in the migrations: pg_trgm for terms
   * of 3+ characters, and hub_bigrams(search_text) for the two-character words Chinese is full of.
   */
  @Index('information_resource_search_trgm', { synchronize: false })
  @Index('information_resource_search_bigrams', { synchronize: false })
  @Column({ type: 'text', default: '', select: false })
  searchText: string;

  @NullableText('停用理由 — why it was retired')
  retireReason: string | null;

  @Field(() => Int, { description: '当前版本号 — version the entry is at (the published one once published); a revision under way is the next (第五条)' })
  @Column('int', { default: 1 })
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
