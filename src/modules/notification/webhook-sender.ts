import { randomUUID } from 'node:crypto';
import { sign, WEBHOOK_HEADERS } from './signature';

export interface WebhookRequest {
  url: string;
  secret: string;
  deliveryId: string;
  event: { id: string; kind: string; occurredAt: Date; data: Record<string, unknown> };
  timeoutMs: number;
  at: Date;
}

export interface AttemptResult {
  succeeded: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** The JSON body of an event: its id (to de-duplicate on), kind, time and data. */
export function eventBody(event: WebhookRequest['event']): string {
  return JSON.stringify({ id: event.id, kind: event.kind, occurredAt: event.occurredAt.toISOString(), data: event.data });
}

/** POSTs one event, signed; 2xx is success, anything else (a redirect included, never followed) a failure with its reason. */
export async function postEvent(req: WebhookRequest): Promise<AttemptResult> {
  const body = eventBody(req.event);
  const timestamp = String(Math.floor(req.at.getTime() / 1000));
  const started = Date.now();
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'catalogue-hub-webhook/1',
        [WEBHOOK_HEADERS.signature]: sign(req.secret, timestamp, body),
        [WEBHOOK_HEADERS.timestamp]: timestamp,
        [WEBHOOK_HEADERS.eventId]: req.event.id,
        [WEBHOOK_HEADERS.eventKind]: req.event.kind,
        [WEBHOOK_HEADERS.deliveryId]: req.deliveryId,
        'x-request-id': randomUUID(),
      },
      body,
    });
    await res.arrayBuffer().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { succeeded: ok, httpStatus: res.status, error: ok ? null : `接收方返回 HTTP ${res.status}`, durationMs: Date.now() - started };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `${req.timeoutMs} 毫秒内无应答` : `无法连接：${e.cause?.code ?? e.cause?.message ?? e.message}`;
    return { succeeded: false, httpStatus: null, error: why, durationMs: Date.now() - started };
  }
}
