import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of a webhook request. */
export const WEBHOOK_HEADERS = {
  signature: 'x-hub-signature-256',
  timestamp: 'x-hub-timestamp',
  eventId: 'x-hub-event-id',
  eventKind: 'x-hub-event-kind',
  deliveryId: 'x-hub-delivery-id',
} as const;

/**
 * The signature of a webhook body: "sha256=" and the hex HMAC-SHA256, keyed with the webhook's
 * secret, of the timestamp header, a dot, and the raw body (so a replayed body with a new
 * timestamp does not verify).
 */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver checks: the signature header against the body and timestamp, in constant time. */
export function verify(secret: string, timestamp: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
