import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { shanghaiDateOf } from '../../common/dates';
import { createDigests, DAILY_ROUND_LOCK, DailyJob } from './daily-round';
import { DigestEvent, DigestMailer } from './digest-mail';
import { DeliveryStatus } from './notification.enums';
import { AttemptResult, postEvent } from './webhook-sender';

type WorkerConfig = Pick<
  Config,
  | 'notifyPollMs'
  | 'notifyDailyCron'
  | 'webhookTimeoutMs'
  | 'webhookRetryBaseMs'
  | 'webhookMaxAttempts'
  | 'webhookDisableAfter'
  | 'smtpUrl'
  | 'smtpFrom'
  | 'publicUrl'
>;

const MAX_BACKOFF_MS = 6 * 3600_000;

/** The wait before attempt n + 1 after n failed attempts: base · 2^(n−1), capped at 6 hours. */
export const backoffMs = (base: number, failedAttempts: number) => Math.min(base * 2 ** Math.max(0, failedAttempts - 1), MAX_BACKOFF_MS);

/**
 * Delivers the outbox. Each attempt claims one due row with FOR UPDATE SKIP LOCKED and holds it
 * for the attempt, so instances never send the same row at once, and a process killed mid-attempt
 * leaves the row due (its lock dies with the connection): it is sent again after the restart, with
 * the same event id for the receiver to de-duplicate on. Every attempt is logged with its outcome.
 */
export class NotificationWorker {
  private timer: NodeJS.Timeout | null = null;
  private cron: Cron | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private halting = false;
  private readonly mailer: DigestMailer | null;

  constructor(
    private readonly ds: DataSource,
    private readonly config: WorkerConfig,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** What the daily round records (the composition root passes the deadline module's reminders). */
    private readonly dailyJobs: DailyJob[] = [],
  ) {
    this.mailer = config.smtpUrl ? new DigestMailer(config.smtpUrl, config.smtpFrom) : null;
  }

  /** Starts polling and the daily round (croner, Asia/Shanghai); runs a round at once, so a day missed while down is made up. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halting = false;
    this.cron = new Cron(this.config.notifyDailyCron, { timezone: 'Asia/Shanghai', protect: true }, () => {
      this.dailyRound().catch((err) => this.log.error({ err }, 'daily reminder round failed'));
    });
    void this.dailyRound()
      .catch((err) => this.log.error({ err }, 'daily reminder round failed'))
      .finally(() => this.schedule(0));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    this.cron?.stop();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.mailer?.close();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.deliverDue()
        .then(() => undefined)
        .catch((err) => this.log.error({ err }, 'reminder delivery failed'))
        .finally(() => {
          this.running = null;
          this.schedule(this.config.notifyPollMs);
        });
    }, ms);
  }

  /**
   * 每日提醒: under an advisory lock (one hub instance at a time), records the day's deadline
   * reminders and makes the e-mail digests. Idempotent: a second round the same day adds nothing.
   * Returns false when another instance held the lock.
   */
  async dailyRound(): Promise<{ ran: boolean; reminders: number; digests: number }> {
    const at = this.clock.now();
    const today = shanghaiDateOf(at);
    return this.ds.transaction(async (em) => {
      const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock(${DAILY_ROUND_LOCK}) AS locked`);
      if (!locked) return { ran: false, reminders: 0, digests: 0 };
      let reminders = 0;
      for (const job of this.dailyJobs) reminders += await job(em, today, at);
      const digests = this.mailer ? await createDigests(em, today, at) : 0;
      this.log.info({ today, reminders, digests }, 'daily reminder round');
      return { ran: true, reminders, digests };
    });
  }

  /** Attempts everything due now, one row at a time; returns the number of attempts made. */
  async deliverDue(): Promise<number> {
    let n = 0;
    while (!this.halting) {
      const did = (await this.attemptWebhook()) || (await this.attemptDigest());
      if (!did) break;
      n++;
    }
    return n;
  }

  /** Claims one due webhook delivery, POSTs it, records the attempt; false when nothing is due. */
  async attemptWebhook(): Promise<boolean> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const [row] = await em.query(
        `SELECT d.id, d.attempts, w.id AS webhook_id, w.url, w.secret, w.consecutive_failures, e.id AS event_id, e.kind, e.occurred_at, e.data
           FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id JOIN notification_event e ON e.id = d.event_id
          WHERE d.status = '${DeliveryStatus.PENDING}' AND d.next_attempt_at <= $1 AND w.disabled_at IS NULL AND w.deleted_at IS NULL
          ORDER BY d.next_attempt_at, d.id
          LIMIT 1
            FOR UPDATE OF d, w SKIP LOCKED`,
        [now],
      );
      if (!row) return false;
      const result = await postEvent({
        url: row.url,
        secret: row.secret,
        deliveryId: row.id,
        event: { id: row.event_id, kind: row.kind, occurredAt: row.occurred_at, data: row.data },
        timeoutMs: this.config.webhookTimeoutMs,
        at: now,
      });
      await this.recordAttempt(em, row, result, now);
      return true;
    });
  }

  private async recordAttempt(
    em: EntityManager,
    row: { id: string; attempts: number; webhook_id: string; consecutive_failures: number },
    r: AttemptResult,
    now: Date,
  ): Promise<void> {
    const attempt = row.attempts + 1;
    await em.query(
      `INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, succeeded, http_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, attempt, now, r.succeeded, r.httpStatus, r.error, r.durationMs],
    );
    const status = r.succeeded ? DeliveryStatus.DELIVERED : attempt >= this.config.webhookMaxAttempts ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
    const next = new Date(now.getTime() + backoffMs(this.config.webhookRetryBaseMs, attempt));
    await em.query(`UPDATE webhook_delivery SET attempts = $2, status = $3, next_attempt_at = $4, delivered_at = $5 WHERE id = $1`, [
      row.id,
      attempt,
      status,
      r.succeeded ? now : next,
      r.succeeded ? now : null,
    ]);
    const failures = r.succeeded ? 0 : row.consecutive_failures + 1;
    const disable = failures >= this.config.webhookDisableAfter;
    await em.query(`UPDATE webhook SET consecutive_failures = $2, disabled_at = $3, disabled_reason = $4 WHERE id = $1`, [
      row.webhook_id,
      failures,
      disable ? now : null,
      disable ? `连续 ${failures} 次投递失败，已停用；最近一次：${r.error}` : null,
    ]);
    if (disable) this.log.warn({ webhookId: row.webhook_id, failures }, 'webhook disabled after repeated failures');
  }

  /** Claims one due digest, sends it, records the outcome; false when nothing is due (or no SMTP server is configured). */
  async attemptDigest(): Promise<boolean> {
    const mailer = this.mailer;
    if (!mailer) return false;
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const [g] = await em.query(
        `SELECT g.id, g.attempts, g.event_ids, to_char(g.digest_date, 'YYYY-MM-DD') AS digest_date, g.address
           FROM email_digest g
          WHERE g.status = '${DeliveryStatus.PENDING}' AND g.next_attempt_at <= $1
          ORDER BY g.next_attempt_at, g.id LIMIT 1
            FOR UPDATE OF g SKIP LOCKED`,
        [now],
      );
      if (!g) return false;
      const events: DigestEvent[] = await em.query(
        `SELECT id, kind, occurred_at, data FROM notification_event WHERE id = ANY($1::uuid[]) ORDER BY occurred_at, id`,
        [g.event_ids],
      );
      const attempt = g.attempts + 1;
      try {
        await mailer.send({ digestId: g.id, to: g.address, digestDate: g.digest_date, events, publicUrl: this.config.publicUrl });
        await em.query(`UPDATE email_digest SET status = $2, attempts = $3, sent_at = $4, last_error = NULL WHERE id = $1`, [
          g.id,
          DeliveryStatus.DELIVERED,
          attempt,
          now,
        ]);
      } catch (err) {
        const status = attempt >= this.config.webhookMaxAttempts ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        const next = new Date(now.getTime() + backoffMs(this.config.webhookRetryBaseMs, attempt));
        await em.query(`UPDATE email_digest SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5 WHERE id = $1`, [
          g.id,
          status,
          attempt,
          next,
          (err as Error).message.slice(0, 1000),
        ]);
      }
      return true;
    });
  }
}
