import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { IdColumn, NullableText, RestrictedReference } from '../../common/columns';
import { WebhookDelivery } from './webhook-delivery.entity';

/** 投递记录 — one attempt of a delivery, with what the receiver answered. */
@ObjectType({ description: "投递记录 — one attempt to deliver an event, with the receiver's answer" })
@Entity()
@Index(['deliveryId', 'attemptedAt'])
export class WebhookAttempt {
  @IdColumn()
  id: string;

  @RestrictedReference(() => WebhookDelivery)
  delivery: Relation<WebhookDelivery>;

  @Column('uuid')
  deliveryId: string;

  @Field(() => Int, { description: '第几次 — attempt number, from 1' })
  @Column({ type: 'int' })
  attempt: number;

  @Field({ description: '尝试时间 — when' })
  @Column({ type: 'timestamptz' })
  attemptedAt: Date;

  @Field({ description: '成功 — the receiver answered 2xx' })
  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Field(() => Int, { nullable: true, description: "HTTP 状态码 — the receiver's status; null when it did not answer" })
  @Column({ type: 'int', nullable: true })
  httpStatus: number | null;

  @NullableText('错误 — why it failed')
  error: string | null;

  @Field(() => Int, { description: '耗时（毫秒）— duration in milliseconds' })
  @Column({ type: 'int' })
  durationMs: number;
}
