import type { EntityManager } from 'typeorm';
import { MAILABLE_USERS } from '../auth';
import { addressedTo, addressedToPerson } from './outbox';

/** Serialises the daily round across hub instances (pg_try_advisory_xact_lock). */
export const DAILY_ROUND_LOCK = `hashtext('catalogue-hub:notification-daily-round')`;

/**
 * A job of the daily round, given by the module that owns what it reminds of (the deadline
 * module's reminders): records its events in the outbox within the round's transaction, and says how many.
 */
export type DailyJob = (em: EntityManager, today: string, at: Date) => Promise<number>;
/**
 * One digest per address (lower case) dated `today`, listing the events of the last 7 days that no
 * earlier digest to that address listed: for a person, every event they are a recipient of (an
 * enabled account with an e-mail address, addressedToPerson); for an address an organisation set
 * for a role, that role's events. A mailbox named by several accounts or settings gets one message.
 * A second round the same day adds nothing.
 */
export async function createDigests(em: EntityManager, today: string, at: Date): Promise<number> {
  const rows = await em.query(
    `WITH recent AS (
       SELECT e.id, e.occurred_at, e.organization_ids, e.roles, e.data FROM notification_event e
        WHERE e.occurred_at <= $2::timestamptz AND e.occurred_at > $2::timestamptz - interval '7 days'
     ), owed AS (
       SELECT lower(u.email) AS address, e.id, e.occurred_at
         FROM (${MAILABLE_USERS}) u JOIN recent e ON ${addressedToPerson('u', 'e')}
       UNION
       SELECT lower(w.address), e.id, e.occurred_at FROM email_recipient w JOIN recent e ON ${addressedTo('w', 'e')}
     )
     INSERT INTO email_digest (address, digest_date, cutoff, event_ids, next_attempt_at)
     SELECT o.address, $1::date, $2::timestamptz, array_agg(o.id ORDER BY o.occurred_at, o.id), $2::timestamptz
       FROM owed o
      WHERE NOT EXISTS (SELECT 1 FROM email_digest p WHERE p.address = o.address AND o.id = ANY(p.event_ids))
      GROUP BY o.address
     ON CONFLICT (address, digest_date) DO NOTHING
     RETURNING id`,
    [today, at],
  );
  return rows.length;
}
