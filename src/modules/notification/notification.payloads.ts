import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { UserError } from '../../common/user-error';
import { EmailRecipient } from './email-recipient.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

@ObjectType({ description: '新建回调地址结果 — the webhook and, this once, its signing secret' })
export class WebhookCreatePayload extends Payload('webhook', Webhook) {
  @Field(() => String, {
    nullable: true,
    description: '签名密钥（仅此一次显示）— the HMAC-SHA256 key of the X-Hub-Signature-256 header; shown only here',
  })
  secret: string | null;
}

@ObjectType()
export class WebhookDeletePayload {
  @Field(() => ID, { nullable: true, description: '已删除的回调地址ID — id of the deleted webhook' })
  deletedWebhookId: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class NotificationEmailSetPayload extends Payload('recipient', EmailRecipient) {}

@ObjectType()
export class CalendarFeedTokenRotatePayload {
  @Field(() => String, { nullable: true, description: '订阅令牌（仅此一次显示）— the feed token; the previous one stops working' })
  token: string | null;

  @Field(() => String, { nullable: true, description: '订阅地址 — the feed URL to give a calendar (Outlook, WPS)' })
  url: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}
