import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { NotificationEmailSetInput, WebhookCreateInput, WebhookDeleteInput } from './notification.inputs';
import {
  CalendarFeedTokenRotatePayload,
  NotificationEmailSetPayload,
  WebhookCreatePayload,
  WebhookDeletePayload,
  WebhookDeliveryConnection,
} from './notification.payloads';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

const RECEIVERS = [Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE];

@Authorized()
@Resolver(() => Webhook)
export class NotificationResolver {
  @Authorized(...RECEIVERS)
  @Query(() => [Webhook], { description: "本单位的回调地址 — the caller's organisation's webhooks for the roles it holds" })
  webhooks(@Ctx() ctx: Context): Promise<Webhook[]> {
    return ctx.services.notifications.webhooks(ctx);
  }

  @Authorized(...RECEIVERS)
  @Mutation(() => WebhookCreatePayload, {
    description: "新建回调地址 — events addressed to the caller's organisation (as its role) are POSTed there, signed with HMAC-SHA256 (X-Hub-Signature-256)",
  })
  async webhookCreate(@Ctx() ctx: Context, @Arg('input') input: WebhookCreateInput): Promise<WebhookCreatePayload> {
    const { result, userErrors } = await ctx.services.notifications.webhookCreate(ctx, input);
    return { webhook: result?.webhook ?? null, secret: result?.secret ?? null, userErrors };
  }

  @Authorized(...RECEIVERS)
  @Mutation(() => WebhookDeletePayload, { description: '删除回调地址 — it receives nothing more; its delivery log is kept' })
  async webhookDelete(@Ctx() ctx: Context, @Arg('input') input: WebhookDeleteInput): Promise<WebhookDeletePayload> {
    const { result, userErrors } = await ctx.services.notifications.webhookDelete(ctx, input);
    return { deletedWebhookId: result, userErrors };
  }

  @Authorized(...RECEIVERS)
  @Mutation(() => NotificationEmailSetPayload, {
    description: "设置提醒邮箱 — the address that gets the caller's organisation's daily reminder digest (one e-mail a day, per role)",
  })
  async notificationEmailSet(@Ctx() ctx: Context, @Arg('input') input: NotificationEmailSetInput): Promise<NotificationEmailSetPayload> {
    const { result, userErrors } = await ctx.services.notifications.emailSet(ctx, input);
    return { recipient: result, userErrors };
  }

  @Mutation(() => CalendarFeedTokenRotatePayload, {
    description: "生成或更换日历订阅令牌 — a token for GET /calendar.ics (the caller's deadlines for Outlook or WPS); the previous one stops working",
  })
  async calendarFeedTokenRotate(@Ctx() ctx: Context): Promise<CalendarFeedTokenRotatePayload> {
    const { result, userErrors } = await ctx.services.notifications.feedTokenRotate(ctx);
    return { token: result?.token ?? null, url: result?.url ?? null, userErrors };
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: '投递记录 — the events owed to it, in order, each with its attempts' })
  async deliveries(@Root() w: Webhook, @Ctx() ctx: Context, @Args() page: ConnectionArgs): Promise<WebhookDeliveryConnection> {
    return toConnection(await ctx.services.notifications.deliveries(w.id, page));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: "每次尝试 — every attempt with the receiver's status" })
  attemptLog(@Root() d: WebhookDelivery, @Ctx() ctx: Context): Promise<WebhookAttempt[]> {
    return ctx.loaders.attemptsByDeliveryId.load(d.id);
  }
}
