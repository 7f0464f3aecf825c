import type { DataSource } from 'typeorm';

/**
 * Per-caller admission: a token bucket of RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS and at
 * most MAX_CONCURRENT_PER_CALLER requests running at once. A caller is the token's subject, or the
 * client address without a token. The buckets live in PostgreSQL (`rate_limit_bucket`, one upsert
 * per request, timed by the database's clock), so several hub processes on one database enforce one
 * limit; the concurrency cap, which guards a process's own pool and event loop, is per process.
 */
export interface LimiterOptions {
  requests: number;
  windowSeconds: number;
  maxConcurrent: number;
}

export type Admission = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; reason: 'rate' | 'concurrency' };

/** Takes a token from the caller's bucket if it holds one; answers whether it did and what is left. */
export type RateStore = (key: string, capacity: number, perSecond: number) => Promise<{ admitted: boolean; tokens: number }>;

/** Buckets untouched this long are forgotten, so that many callers cannot grow the map without bound. */
const IDLE_MS = 10 * 60_000;

const level = `least($2::float8, b.tokens + greatest(0, extract(epoch FROM now() - b.refilled_at)) * $3::float8)`;
const TAKE = `
  INSERT INTO rate_limit_bucket AS b (caller_key, tokens, refilled_at, admitted) VALUES ($1, $2::float8 - 1, now(), true)
  ON CONFLICT (caller_key) DO UPDATE
     SET tokens = ${level} - CASE WHEN ${level} >= 1 THEN 1 ELSE 0 END,
         admitted = ${level} >= 1,
         refilled_at = now()
  RETURNING admitted, tokens`;

/** The buckets in PostgreSQL; every `IDLE_MS` the ones full again for a window are deleted (a missing bucket is a full one). */
export function postgresRateStore(ds: DataSource, windowSeconds: number, now: () => number = Date.now): RateStore {
  let lastSweep = now();
  return async (key, capacity, perSecond) => {
    if (now() - lastSweep > IDLE_MS) {
      lastSweep = now();
      void ds.query(`DELETE FROM rate_limit_bucket WHERE refilled_at < now() - make_interval(secs => $1)`, [windowSeconds]).catch(() => undefined);
    }
    const [row] = await ds.query(TAKE, [key, capacity, perSecond]);
    return { admitted: row.admitted as boolean, tokens: Number(row.tokens) };
  };
}

export class CallerLimiter {
  private readonly active = new Map<string, number>();

  constructor(
    private readonly options: LimiterOptions,
    private readonly store: RateStore,
  ) {}

  async admit(key: string): Promise<Admission> {
    const { requests, windowSeconds, maxConcurrent } = this.options;
    const running = this.active.get(key) ?? 0;
    if (running >= maxConcurrent) return { ok: false, reason: 'concurrency', retryAfterSeconds: 1 };
    // The slot is held while the bucket is asked, so that requests arriving meanwhile count.
    this.active.set(key, running + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const n = (this.active.get(key) ?? 1) - 1;
      if (n > 0) this.active.set(key, n);
      else this.active.delete(key);
    };
    if (requests > 0) {
      const perSecond = requests / windowSeconds;
      const taken = await this.store(key, requests, perSecond).catch(() => ({ admitted: true, tokens: 0 })); // the database's own errors answer the request
      if (!taken.admitted) {
        release();
        return { ok: false, reason: 'rate', retryAfterSeconds: Math.max(1, Math.ceil((1 - taken.tokens) / perSecond)) };
      }
    }
    return { ok: true, release };
  }
}
