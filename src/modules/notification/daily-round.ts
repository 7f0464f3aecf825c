import type { EntityManager } from 'typeorm';
import { addressedTo } from './outbox';

/** Serialises the daily round across hub instances (pg_try_advisory_xact_lock). */
export const DAILY_ROUND_LOCK = `hashtext('catalogue-hub:notification-daily-round')`;

/**
 * A job of the daily round, given by the module that owns what it reminds of (the deadline
 * module's reminders): records its events in the outbox within the round's transaction, and says how many.
 */
export type DailyJob = (em: EntityManager, today: string, at: Date) => Promise<number>;
/**
 * One digest for each e-mail recipient with events addressed to it that no earlier digest of its
 * own listed (looking back 7 days), dated `today`; a second round the same day adds nothing.
 */
export async function createDigests(em: EntityManager, today: string, at: Date): Promise<number> {
  const rows = await em.query(
    `INSERT INTO email_digest (recipient_id, digest_date, cutoff, event_ids, next_attempt_at)
     SELECT x.id, $1::date, $2::timestamptz, x.ids, $2::timestamptz
       FROM (SELECT w.id, ARRAY(
               SELECT e.id FROM notification_event e
                WHERE e.occurred_at <= $2::timestamptz AND e.occurred_at > $2::timestamptz - interval '7 days' AND ${addressedTo('w', 'e')}
                  AND NOT EXISTS (SELECT 1 FROM email_digest p WHERE p.recipient_id = w.id AND e.id = ANY(p.event_ids))
                ORDER BY e.occurred_at, e.id) AS ids
               FROM email_recipient w) x
      WHERE cardinality(x.ids) > 0
     ON CONFLICT (recipient_id, digest_date) DO NOTHING
     RETURNING id`,
    [today, at],
  );
  return rows.length;
}
