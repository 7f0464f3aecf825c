/**
 * Idempotency-Key for mutations: the first request with a key claims it (one atomic statement, so
 * two hubs racing on one key cannot both run it), runs, and stores its answer; a retry with the
 * same key and the same request gets the stored answer; the same key with another request is
 * refused. Keys expire after IDEMPOTENCY_TTL_SECONDS. A claim whose request died without an
 * answer (the hub killed mid-way) can be taken again after `abandonAfterMs`, unless one of its
 * business actions committed: each marks the key applied in its own transaction, and a key applied
 * without a stored answer is never run again (`applied`). A key applied whose answer is not stored
 * yet is still in progress (the first request commits its action before it stores its answer),
 * until its request reports the answer lost or the claim is older than `abandonAfterMs`. Answers
 * that say "try again" (the database unavailable, busy or too slow, an internal error) are not
 * stored.
 */
import type { DataSource, EntityManager } from 'typeorm';

export type Claim =
  | { kind: 'run'; finish(answer: StoredAnswer): Promise<void>; markApplied(em: EntityManager): Promise<void> }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' }
  | { kind: 'applied' };

export interface StoredAnswer {
  status: number;
  contentType: string;
  body: string;
}

const TRANSIENT = /"code":"(DATABASE_UNAVAILABLE|DATABASE_BUSY|QUERY_TIMEOUT|RATE_LIMITED|INTERNAL_SERVER_ERROR)"/;

const CLAIM = `
INSERT INTO idempotency_key (caller, key, request_hash, created_at, expires_at)
VALUES ($1, $2, $3, now(), now() + $4 * interval '1 second')
ON CONFLICT (caller, key) DO UPDATE
   SET request_hash = EXCLUDED.request_hash, created_at = now(), expires_at = EXCLUDED.expires_at,
       status = NULL, content_type = NULL, response = NULL, applied_at = NULL, answer_lost_at = NULL
 WHERE idempotency_key.expires_at < now()
    OR (idempotency_key.status IS NULL AND idempotency_key.applied_at IS NULL AND idempotency_key.created_at < now() - $5 * interval '1 millisecond')
RETURNING 1`;

export class IdempotencyService {
  private claims = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly ttlSeconds: number,
    private readonly abandonAfterMs: number,
  ) {}

  async claim(caller: string, key: string, requestHash: string): Promise<Claim> {
    if (++this.claims % 500 === 0) await this.ds.query('DELETE FROM idempotency_key WHERE expires_at < now()');
    const claimed: unknown[] = await this.ds.query(CLAIM, [caller, key, requestHash, this.ttlSeconds, this.abandonAfterMs]);
    if (claimed.length) {
      return {
        kind: 'run',
        markApplied: async (em) => {
          await em.query('UPDATE idempotency_key SET applied_at = now() WHERE caller = $1 AND key = $2', [caller, key]);
        },
        finish: async (answer) => {
          if (answer.status >= 500 || TRANSIENT.test(answer.body)) {
            // A "try again" answer frees the key, unless an action committed: then it stays applied.
            await this.ds.query('DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND status IS NULL AND applied_at IS NULL', [caller, key]);
            return;
          }
          try {
            await this.ds.query('UPDATE idempotency_key SET status = $3, content_type = $4, response = $5 WHERE caller = $1 AND key = $2', [
              caller,
              key,
              answer.status,
              answer.contentType,
              answer.body,
            ]);
          } catch (err) {
            // The request is over: a retry need not wait for the lease to learn that its answer is lost.
            await this.ds.query('UPDATE idempotency_key SET answer_lost_at = now() WHERE caller = $1 AND key = $2', [caller, key]).catch(() => undefined);
            throw err;
          }
        },
      };
    }
    const [row]: { request_hash: string; status: number | null; content_type: string | null; response: string | null; applied: boolean; over: boolean }[] =
      await this.ds.query(
        `SELECT request_hash, status, content_type, response, applied_at IS NOT NULL AS applied,
                (answer_lost_at IS NOT NULL OR created_at < now() - $3 * interval '1 millisecond') AS over
           FROM idempotency_key WHERE caller = $1 AND key = $2`,
        [caller, key, this.abandonAfterMs],
      );
    if (!row) return this.claim(caller, key, requestHash); // removed in between: claim afresh
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if ((row.status === null || row.response === null) && row.applied && row.over) return { kind: 'applied' };
    if (row.status === null || row.response === null) return { kind: 'in-progress' };
    return { kind: 'replay', answer: { status: row.status, contentType: row.content_type ?? 'application/json', body: row.response } };
  }
}
