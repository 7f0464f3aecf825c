import type { EntityManager } from 'typeorm';
import { Role } from '../../common/role.enums';
import { NotificationEventKind } from './notification.enums';

/** One event to record: its kind, who it is for, what it is about, and (for the daily round) its de-duplication key. */
export interface EventInput {
  kind: NotificationEventKind;
  /** The project units concerned (organisation ids). */
  organizationIds?: string[];
  /** Office roles concerned in any organisation. */
  roles?: Role[];
  data: Record<string, unknown>;
  dedupeKey?: string | null;
}

/**
 * Whether a receiver (webhook or e-mail recipient, alias `w`: organization_id, role) is addressed by
 * an event (alias `e`): a project unit for its own organisation, an office role wherever it sits.
 */
export const addressedTo = (w: string, e: string) =>
  `((${w}.role = '${Role.PROJECT_UNIT}' AND ${w}.organization_id = ANY(${e}.organization_ids)) OR ${w}.role = ANY(${e}.roles))`;

/**
 * Whether a person (a user account, alias `u`: id, organization_id, roles) is a recipient of an event
 * (alias `e`): a project unit's users for their own organisation, an office's users wherever they
 * sit, and of the events for experts only the experts the event names (data.expertUserIds, 第六条).
 */
export const addressedToPerson = (u: string, e: string) =>
  `(('${Role.PROJECT_UNIT}' = ANY(${u}.roles) AND ${u}.organization_id = ANY(${e}.organization_ids))
    OR EXISTS (SELECT 1 FROM unnest(${u}.roles) AS held(role) WHERE held.role::text = ANY(${e}.roles) AND held.role <> '${Role.EXPERT}')
    OR ('${Role.EXPERT}' = ANY(${u}.roles) AND '${Role.EXPERT}' = ANY(${e}.roles)
        AND (NOT ${e}.data ? 'expertUserIds' OR ${e}.data->'expertUserIds' ? ${u}.id::text)))`;

/**
 * Records the events a SELECT yields (columns kind, organization_ids uuid[], roles text[], data
 * jsonb, dedupe_key text), and in the same statement the delivery owed to every active webhook
 * they are addressed to. Call it inside the transaction of the change: the events exist if and
 * only if the change committed. A dedupe key already recorded records nothing. Returns how many
 * events were recorded.
 */
export async function recordEventsFrom(em: EntityManager, select: string, params: unknown[], at: Date): Promise<number> {
  const atParam = `$${params.length + 1}`;
  const [{ n }] = await em.query(
    `WITH x AS (${select}), e AS (
       INSERT INTO notification_event (kind, organization_ids, roles, data, dedupe_key, occurred_at)
       SELECT x.kind::notification_event_kind, x.organization_ids, x.roles, x.data, x.dedupe_key, ${atParam}::timestamptz FROM x
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, organization_ids, roles
     ), d AS (
       INSERT INTO webhook_delivery (webhook_id, event_id, next_attempt_at)
       SELECT w.id, e.id, ${atParam}::timestamptz FROM e JOIN webhook w ON w.deleted_at IS NULL AND w.disabled_at IS NULL AND ${addressedTo('w', 'e')}
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM e`,
    [...params, at],
  );
  return n;
}

/** Records events given as values, in one statement (see recordEventsFrom). */
export async function recordEvents(em: EntityManager, events: EventInput[], at: Date): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => ({
    kind: e.kind,
    organization_ids: e.organizationIds ?? [],
    roles: e.roles ?? [],
    data: e.data,
    dedupe_key: e.dedupeKey ?? null,
  }));
  return recordEventsFrom(
    em,
    `SELECT r.kind, ARRAY(SELECT jsonb_array_elements_text(r.organization_ids))::uuid[] AS organization_ids,
            ARRAY(SELECT jsonb_array_elements_text(r.roles))::varchar[] AS roles, r.data, r.dedupe_key
       FROM jsonb_to_recordset($1::jsonb) AS r(kind text, organization_ids jsonb, roles jsonb, data jsonb, dedupe_key text)`,
    [JSON.stringify(rows)],
    at,
  );
}
