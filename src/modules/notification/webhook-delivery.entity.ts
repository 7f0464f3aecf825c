import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableInstant, RestrictedReference } from '../../common/columns';
import { NotificationEvent } from './notification-event.entity';
import { DeliveryStatus } from './notification.enums';
import { Webhook } from './webhook.entity';

/** One event owed to one webhook: made with the event, claimed by the worker, retried until delivered or given up. */
@ObjectType({ description: '投递 — one event owed to one webhook' })
@Entity()
@Index(['webhookId', 'eventId'], { unique: true })
@Index(['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @IdColumn()
  id: string;

  @RestrictedReference(() => Webhook)
  webhook: Relation<Webhook>;

  @Column('uuid')
  webhookId: string;

  @RestrictedReference(() => NotificationEvent)
  event: Relation<NotificationEvent>;

  @Field(() => ID, { description: '事件ID — the event id, the same in the payload and the X-Hub-Event-Id header' })
  @Column('uuid')
  eventId: string;

  @Field(() => DeliveryStatus)
  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status', default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Field(() => Int, { description: '已尝试次数 — attempts made' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field({ description: '下次尝试时间 — when it is next due' })
  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  @NullableInstant('送达时间 — when the receiver accepted it')
  deliveredAt: Date | null;

  @CreatedAtColumn('创建时间 — when the event was recorded for this webhook', { precision: 3 })
  createdAt: Date;
}
