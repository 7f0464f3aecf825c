/**
 * 提醒 — the public face of the notification module: the outbox other modules write their events
 * to (in their own transaction), the services, the worker and the calendar feed.
 */
export { recordEvents, recordEventsFrom, type EventInput } from './outbox';
export { NotificationEventKind, DeliveryStatus } from './notification.enums';
export { NotificationService } from './notification.service';
export { NotificationWorker } from './notification-worker';
export type { DailyJob } from './daily-round';
export { NotificationResolver, WebhookDeliveryResolver } from './notification.resolver';
export { notificationLoaders } from './notification.loaders';
export { serveCalendarFeed } from './calendar-feed';
export { sign as signWebhookBody, verify as verifyWebhookSignature, WEBHOOK_HEADERS } from './signature';
export { NotificationEvent } from './notification-event.entity';
export { Webhook } from './webhook.entity';
export { WebhookDelivery } from './webhook-delivery.entity';
export { WebhookAttempt } from './webhook-attempt.entity';
export { EmailRecipient } from './email-recipient.entity';
export { EmailDigest } from './email-digest.entity';
export { CalendarFeedToken } from './calendar-feed-token.entity';
