import type { EntityManager } from 'typeorm';
import { Role } from '../../common/role.enums';
import { NotificationEventKind as E, recordEventsFrom } from '../notification';
import { DeadlineKind } from './deadline.objects';
import { DEADLINE_RULES, DEADLINES } from './deadline.sql';

/**
 * Reminders of the open deadlines ($1 today): within 7 days, within 3, tomorrow or today, and
 * overdue; each deadline once per step (the key holds the step, the deadline and its due date), so
 * a missed day sends the nearest step, never the ones skipped. A sharing request's answer is the
 * provider's alone; an overdue filing concerns the office too (第二十六条). The earliest acceptance
 * date is a "not before", never a reminder.
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

/** The day's deadline reminders, recorded in the outbox by the daily round; returns how many were new. */
export function recordDeadlineReminders(em: EntityManager, today: string, at: Date): Promise<number> {
  return recordEventsFrom(em, DEADLINE_EVENTS, [today, JSON.stringify(DEADLINE_RULES)], at);
}
