import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { IdColumn, RestrictedReference } from '../../common/columns';
import { ExpertReview } from './expert-review.entity';

/** 指派专家 (第六条): the leading-group office assigns an expert (a user id) to a review; only assigned experts give opinions. */
@ObjectType({ description: '专家指派 — an expert assigned to a review by the leading-group office (第六条)' })
@Entity()
@Index(['reviewId', 'expertUserId'], { unique: true })
export class ExpertAssignment {
  @IdColumn()
  id: string;

  @RestrictedReference(() => ExpertReview)
  review: Relation<ExpertReview>;

  @Column('uuid')
  reviewId: string;

  @Field({ description: '专家用户ID — user id of the expert' })
  @Index()
  @Column({ length: 200 })
  expertUserId: string;

  /** The last display name seen for the expert (their own token's); shown through expertDirectory. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  expertName: string | null;

  @Field({ description: '指派人 — user id of who assigned' })
  @Column({ length: 200 })
  assignedBy: string;

  @Field({ description: '指派时间 — when assigned' })
  @Column({ type: 'timestamptz' })
  assignedAt: Date;
}
