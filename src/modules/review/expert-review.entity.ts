import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableInstant, RestrictedReference } from '../../common/columns';
import { Project, ProjectTransition } from '../project';
import { ReviewStage } from './review.enums';

/**
 * 专家评审 (第六条): one review of a project by assigned experts — of its declared plan and scheme
 * before the annual plan (第十条, one per declaration: `declarationId` is the ProjectTransition that
 * declared it), or of one acceptance application (第二十五条, `applicationId`, opened with the
 * application and decided with its result).
 */
@ObjectType({ description: '专家评审 — an expert review of a declared plan (第十条) or of an acceptance application (第二十五条)' })
@Entity()
export class ExpertReview {
  @IdColumn()
  id: string;

  @Field(() => ReviewStage)
  @Column({ type: 'enum', enum: ReviewStage, enumName: 'review_stage' })
  stage: ReviewStage;

  @RestrictedReference(() => Project)
  project: Relation<Project>;

  @Index()
  @Column('uuid')
  projectId: string;

  /** PLAN: the declaration under review (a new declaration after a rejection or a change is a new review). */
  @RestrictedReference(() => ProjectTransition, { nullable: true })
  declaration: Relation<ProjectTransition> | null;

  @Index({ unique: true, where: '"declaration_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  declarationId: string | null;

  /** ACCEPTANCE: the application under review (the acceptance module opens and decides it). */
  @Index({ unique: true, where: '"application_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @CreatedAtColumn('开始时间 — when the review was opened')
  openedAt: Date;

  @NullableInstant('结束时间（验收评审：登记验收结论时）— when an acceptance review was decided; a plan review ends with approval or rejection')
  decidedAt: Date | null;
}
