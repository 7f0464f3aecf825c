/**
 * The hash chain of the audit log (tamper evidence): each entry's SM3 hash (GB/T 32905) covers its
 * canonical content and the hash of the entry before it, so a changed, removed or inserted row
 * breaks the chain at that point. `audit_chain_head` holds the chain's end; taking its row lock
 * (FOR UPDATE) orders the writers, and it is held until the writing transaction commits, so the
 * order of `seq` is the order of the commits and the chain is linear.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../../common/canonical-json';
import { AuditOutcome } from './audit.enums';

export const GENESIS_HASH = '0'.repeat(64);

/** One changed row as stored in `changes`: column → value (before: the changed columns' old values). */
export interface RowChange {
  table: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What the writer of an entry gives; the chain adds seq, id, time and the hashes. */
export interface EntryDraft {
  actorId: string | null;
  actorName: string | null;
  actorKind: string | null;
  roles: string[];
  organizationId: string | null;
  operation: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  changes: RowChange[];
  subjects: string[];
  detail: Record<string, unknown> | null;
  requestId: string | null;
  clientAddress: string | null;
}

export interface StoredEntry extends EntryDraft {
  seq: string;
  id: string;
  recordedAt: Date;
  prevHash: string;
  hash: string;
}

/** SM3 (GB/T 32905-2016), lower-case hex; Node's OpenSSL provides it. */
export const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');

/** The hash of an entry: SM3 of the canonical JSON of everything in it but the hash itself. */
export function entryHash(e: Omit<StoredEntry, 'hash'>): string {
  return sm3(
    canonicalJson({
      seq: String(e.seq),
      id: e.id,
      recordedAt: e.recordedAt.toISOString(),
      actorId: e.actorId ?? null,
      actorName: e.actorName ?? null,
      actorKind: e.actorKind ?? null,
      roles: e.roles ?? [],
      organizationId: e.organizationId ?? null,
      operation: e.operation,
      outcome: e.outcome,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      changes: e.changes ?? [],
      subjects: e.subjects ?? [],
      detail: e.detail ?? null,
      requestId: e.requestId ?? null,
      clientAddress: e.clientAddress ?? null,
      prevHash: e.prevHash,
    }),
  );
}

export const ENTRY_COLUMNS = `seq::text AS seq, id, recorded_at, actor_id, actor_name, actor_kind, roles, organization_id, operation, outcome,
  target_type, target_id, changes, subjects, detail, request_id, client_address, prev_hash, hash`;

export interface EntryRow {
  seq: string;
  id: string;
  recorded_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_kind: string | null;
  roles: string[];
  organization_id: string | null;
  operation: string;
  outcome: AuditOutcome;
  target_type: string | null;
  target_id: string | null;
  changes: RowChange[];
  subjects: string[];
  detail: Record<string, unknown> | null;
  request_id: string | null;
  client_address: string | null;
  prev_hash: string;
  hash: string;
}

export const storedOf = (r: EntryRow): StoredEntry => ({
  seq: r.seq,
  id: r.id,
  recordedAt: r.recorded_at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorKind: r.actor_kind,
  roles: r.roles,
  organizationId: r.organization_id,
  operation: r.operation,
  outcome: r.outcome,
  targetType: r.target_type,
  targetId: r.target_id,
  changes: r.changes,
  subjects: r.subjects,
  detail: r.detail,
  requestId: r.request_id,
  clientAddress: r.client_address,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The statements the audit log adds to each mutation: capture on, captured rows taken, head locked, entry written. */
export const AUDIT_STATEMENTS_PER_MUTATION = 4;

/**
 * Appends an entry at the end of the chain, in the caller's transaction (the mutation's own, so the
 * entry is written exactly when the change is). Under REPEATABLE READ a head moved since the
 * snapshot is a serialization failure, which the transaction helper retries.
 */
export async function appendEntry(em: EntityManager, draft: EntryDraft): Promise<StoredEntry> {
  // The head, locked until the commit; the database's clock read once the lock is held.
  const [head]: { seq: string; hash: string; recorded_at: Date | null; now: Date }[] = await em.query(
    `SELECT seq::text AS seq, hash, recorded_at, date_trunc('milliseconds', clock_timestamp()) AS now FROM audit_chain_head FOR UPDATE`,
  );
  const now = head.now;
  // Time never runs backwards along the chain, whatever the writers' clocks.
  const recordedAt = head.recorded_at && head.recorded_at.getTime() > now.getTime() ? head.recorded_at : now;
  const entry = { ...draft, seq: (BigInt(head.seq) + 1n).toString(), id: randomUUID(), recordedAt, prevHash: head.hash };
  const hash = entryHash(entry);
  // The entry and the head's move, in one statement.
  await em.query(
    `WITH entry AS (
       INSERT INTO audit_entry (seq, id, recorded_at, actor_id, actor_name, actor_kind, roles, organization_id, operation, outcome,
         target_type, target_id, changes, subjects, detail, request_id, client_address, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15::jsonb, $16, $17, $18, $19)
     )
     UPDATE audit_chain_head SET seq = $1, hash = $19, recorded_at = $3`,
    [
      entry.seq,
      entry.id,
      recordedAt,
      entry.actorId,
      entry.actorName,
      entry.actorKind,
      entry.roles,
      entry.organizationId,
      entry.operation,
      entry.outcome,
      entry.targetType,
      entry.targetId,
      JSON.stringify(entry.changes),
      entry.subjects,
      entry.detail === null ? null : JSON.stringify(entry.detail),
      entry.requestId,
      entry.clientAddress,
      entry.prevHash,
      hash,
    ],
  );
  return { ...entry, hash };
}

/** The hash a row of `audit_entry` (as SELECT * gives it) should carry. */
export const rowHash = (r: EntryRow): string => entryHash(storedOf(r));
