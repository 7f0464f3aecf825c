import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { CreatedAtColumn, NullableText, UpdatedAtColumn } from '../../common/columns';
import { RevisionStatus } from './catalogue.enums';
import type { DataItemType } from './catalogue.enums';
import type { InformationResource } from './information-resource.entity';

/** The metadata of an entry a revision may change (the code of a published entry never changes, 第五条). */
export const REVISABLE = [
  'catalogueKind',
  'classificationCode',
  'name',
  'providerId',
  'summary',
  'format',
  'subFormat',
  'sharingType',
  'sharingCondition',
  'legalBasis',
  'sharingMethod',
  'openType',
  'openCondition',
  'updateFrequency',
  'dataGrade',
  'publishedOn',
  'relatedResourceCodes',
] as const satisfies readonly (keyof InformationResource)[];

export type RevisableField = (typeof REVISABLE)[number];
export type RevisionContent = Pick<InformationResource, RevisableField>;
export interface RevisionItem {
  name: string;
  dataType: DataItemType;
  length: number | null;
}

/**
 * 修订 — the next version of a PUBLISHED entry while it is edited and reviewed (第五条、第十七条).
 * The entry's row stays the published version: readers, search, facets, completeness, sharing
 * requests and exports read it until the bureau publishes the revision, which then becomes the
 * row; until then only the entry's units and the oversight roles see the revision. One at a time.
 */
@ObjectType({ description: '修订 — the next version of a published entry, seen by its units and the oversight roles until the bureau publishes it' })
@Entity()
export class ResourceRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('resource_revision_resource_key', { unique: true })
  @Column('uuid')
  resourceId: string;

  @ManyToOne('InformationResource', { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'FK_resource_revision_resource' })
  resource?: Relation<InformationResource>;

  @Field(() => Int, { description: '修订后的版本号 — the version it becomes when published' })
  @Column('int')
  version: number;

  @Field(() => RevisionStatus)
  @Column({ type: 'enum', enum: RevisionStatus, enumName: 'revision_status', default: RevisionStatus.DRAFT })
  status: RevisionStatus;

  /** The revisable metadata as it would stand (REVISABLE). */
  @Column('jsonb')
  content: RevisionContent;

  /** The data items as they would stand, in order. */
  @Column('jsonb')
  dataItems: RevisionItem[];

  @NullableText("退回理由 — the bureau's reason for returning it")
  returnReason: string | null;

  @Field({ description: '发起人 — user id of who opened it' })
  @Column({ length: 200 })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
