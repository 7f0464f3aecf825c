import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { IdColumn, NullableInstant, RestrictedReference } from '../../common/columns';
import { ExpertReview } from './expert-review.entity';
import { ExpertConclusion } from './review.enums';

/**
 * 专家意见 (第六条、第十条、第二十五条): every version an expert gave in a review. An expert revises
 * until the decision is recorded; the current version has no `supersededAt`, at most one per expert
 * and review (a partial unique index), and the earlier versions stay.
 */
@ObjectType({ description: "专家意见 — an expert's opinion in a review, one version of it" })
@Entity()
@Index(['reviewId', 'expertUserId', 'version'], { unique: true })
@Index('expert_opinion_current_key', ['reviewId', 'expertUserId'], { unique: true, where: '"superseded_at" IS NULL' })
export class ExpertOpinion {
  @IdColumn()
  id: string;

  @RestrictedReference(() => ExpertReview)
  review: Relation<ExpertReview>;

  @Column('uuid')
  reviewId: string;

  @Field({ description: '专家用户ID — user id of the expert' })
  @Column({ length: 200 })
  expertUserId: string;

  /** The display name the expert's token carried when recording this version. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  expertName: string | null;

  @Column({ type: 'uuid', nullable: true })
  expertOrganizationId: string | null;

  @Field({ description: '意见 — the opinion' })
  @Column({ type: 'text' })
  opinion: string;

  @Field(() => ExpertConclusion)
  @Column({ type: 'enum', enum: ExpertConclusion, enumName: 'expert_conclusion' })
  conclusion: ExpertConclusion;

  @Field(() => Int, { description: '版本（从1起）— version, from 1; a revision adds one' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field({ description: '登记时间 — when this version was recorded' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @NullableInstant('被修订时间（当前版本为空）— when a later version replaced it; null for the current one')
  supersededAt: Date | null;
}
