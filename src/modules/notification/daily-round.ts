import type { EntityManager } from 'typeorm';
import { Role } from '../auth/role.enum';
import { DEADLINE_RULES, DEADLINES } from '../deadline/deadline.service';
import { DeadlineKind } from '../deadline/deadline.objects';
import { NotificationEventKind as E } from './notification.enums';
import { addressedTo, recordEventsFrom } from './outbox';

/** Serialises the daily round across hub instances (pg_try_advisory_xact_lock). */
export const DAILY_ROUND_LOCK = `hashtext('catalogue-hub:notification-daily-round')`;

/**
 * Reminders of the deadlines of the deadline module's own SQL ($1 today): within 7 days, within 3,
 * tomorrow or today, and overdue; each deadline once per step (the key holds the step, the
 * deadline and its due date), so a missed day sends the nearest step, never the ones skipped.
 * A sharing request's answer is the provider's alone; an overdue filing concerns the office too (第二十六条).
 */
const DEADLINE_EVENTS = `
  SELECT s.kind, s.organization_ids, s.roles,
         jsonb_build_object('deadlineKind', s.deadline_kind, 'id', s.id, 'projectId', s.project_id, 'sharingRequestId', s.sharing_request_id,
                            'organizationId', s.organization_id, 'dueOn', to_char(s.due_on, 'YYYY-MM-DD'), 'daysLeft', s.due_on - $1::date)
           || ($2::jsonb -> s.deadline_kind) AS data,
         s.kind || ':' || s.deadline_kind || ':' || s.id || ':' || to_char(s.due_on, 'YYYY-MM-DD') AS dedupe_key
    FROM (
      SELECT CASE WHEN d.due_on < $1::date THEN '${E.DEADLINE_OVERDUE}'
                  WHEN d.due_on - $1::date <= 1 THEN '${E.DEADLINE_DUE_1}'
                  WHEN d.due_on - $1::date <= 3 THEN '${E.DEADLINE_DUE_3}'
                  ELSE '${E.DEADLINE_DUE_7}' END AS kind,
             d.kind AS deadline_kind, d.id, d.project_id, d.sharing_request_id, d.organization_id, d.due_on,
             CASE WHEN d.kind = '${DeadlineKind.SHARING_REQUEST_ANSWER}' THEN ARRAY[d.organization_id] ELSE d.concerned END AS organization_ids,
             CASE WHEN d.kind = '${DeadlineKind.FILING}' AND d.due_on < $1::date THEN ARRAY['${Role.LEADING_GROUP_OFFICE}']::varchar[]
                  ELSE ARRAY[]::varchar[] END AS roles
        FROM (${DEADLINES}) d
       WHERE d.kind <> '${DeadlineKind.ACCEPTANCE_EARLIEST}' AND d.due_on <= $1::date + 7
    ) s`;

/** The day's deadline reminders, as events; returns how many were new. */
export function recordDeadlineReminders(em: EntityManager, today: string, at: Date): Promise<number> {
  return recordEventsFrom(em, DEADLINE_EVENTS, [today, JSON.stringify(DEADLINE_RULES)], at);
}

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
