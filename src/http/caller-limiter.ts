/**
 * Per-caller admission: a token bucket of RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS and at
 * most MAX_CONCURRENT_PER_CALLER requests running at once. A caller is the token's subject, or the
 * client address without a token. The state lives in this process: several hub processes behind
 * a balancer each allow the full rate (the README says so).
 */
export interface LimiterOptions {
  requests: number;
  windowSeconds: number;
  maxConcurrent: number;
}

export type Admission = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; reason: 'rate' | 'concurrency' };

interface Bucket {
  tokens: number;
  refilledAt: number;
  active: number;
}

/** Buckets untouched this long are forgotten, so that many callers cannot grow the map without bound. */
const IDLE_MS = 10 * 60_000;

export class CallerLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    private readonly options: LimiterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  admit(key: string): Admission {
    const now = this.now();
    this.sweep(now);
    const { requests, windowSeconds, maxConcurrent } = this.options;
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: requests, refilledAt: now, active: 0 };
      this.buckets.set(key, b);
    }
    if (requests > 0) {
      const perMs = requests / (windowSeconds * 1000);
      b.tokens = Math.min(requests, b.tokens + (now - b.refilledAt) * perMs);
      b.refilledAt = now;
      if (b.tokens < 1) return { ok: false, reason: 'rate', retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
    }
    if (b.active >= maxConcurrent) return { ok: false, reason: 'concurrency', retryAfterSeconds: 1 };
    if (requests > 0) b.tokens -= 1;
    b.active++;
    let released = false;
    const bucket = b;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        bucket.active--;
      },
    };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < IDLE_MS) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) if (b.active === 0 && now - b.refilledAt > IDLE_MS) this.buckets.delete(key);
  }
}
