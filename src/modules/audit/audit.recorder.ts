/**
 * The audit log's part in every mutation (src/db/transaction.ts `mutate` calls it, so no service
 * can forget it): before the work, the transaction switches on the change capture (the
 * `audit_capture` trigger on every table notes each changed row's before and after); after the
 * work, just before the commit, the captured changes become one audit entry of the mutation,
 * chained and hashed, in the same transaction. It also keeps the optimistic concurrency rule: an
 * input that carries a stale `lockVersion` of the object it changes is refused with CONFLICT.
 */
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/caller';
import { currentMutationScope } from '../../common/mutation-scope';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserErrorCode } from '../../common/user-error';
import type { MutationRecorder } from '../../db/transaction';
import { appendEntry, EntryDraft, RowChange } from './audit.chain';
import { AuditOutcome } from './audit.enums';

/** Columns whose values never go into the log (secrets, token and password hashes). */
const SECRET_COLUMN = /secret|password|token|hash/i;
const REDACTED = '[已隐去]';
const MAX_TEXT = 2000;
const MAX_JSON = 8000;
/** Rows listed one by one in an entry; a bulk write beyond it is counted by table in `detail`. */
const MAX_ROWS = 200;

function keptValue(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (SECRET_COLUMN.test(column)) return REDACTED;
  if (typeof value === 'string' && value.length > MAX_TEXT) return `${value.slice(0, MAX_TEXT)}…（共 ${value.length} 字符）`;
  if (typeof value === 'object') {
    const size = JSON.stringify(value).length;
    if (size > MAX_JSON) return `[${size} 字节的值未记录]`;
  }
  return value;
}

const keptRow = (row: Record<string, unknown> | null) => (row === null ? null : Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keptValue(k, v)])));

interface TableInfo {
  entity: string;
  /** Single-column foreign keys: column → the entity it points at. */
  parents: [string, string][];
  hasRevision: boolean;
}

/** The actor of a caller: identity may add a name and a kind (user, service account) to it. */
export function actorOf(caller: Caller | null) {
  const c = caller as (Caller & { name?: unknown; kind?: unknown }) | null;
  return {
    actorId: c?.userId ?? null,
    actorName: typeof c?.name === 'string' ? c.name : null,
    actorKind: typeof c?.kind === 'string' ? c.kind : null,
    roles: c?.roles ?? [],
    organizationId: c?.organizationId ?? null,
  };
}

function countByTable(rows: { table_name: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.table_name] = (out[r.table_name] ?? 0) + 1;
  return out;
}

export class AuditRecorder implements MutationRecorder {
  private tables: Map<string, TableInfo> | null = null;

  async begin(em: EntityManager): Promise<void> {
    await em.query(`SELECT set_config('hub.audit_capture', 'on', true)`);
  }

  async finish(em: EntityManager, ctx: RequestContext, result: unknown): Promise<void> {
    const scope = currentMutationScope();
    const rows: {
      n: string;
      table_name: string;
      op: RowChange['op'];
      row_id: string | null;
      keys: Record<string, unknown> | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[] = await em.query(
      `WITH taken AS (DELETE FROM audit_pending_change WHERE txid = txid_current() RETURNING n, table_name, op, row_id, keys, before, after)
         SELECT table_name, op, row_id, keys, before, after FROM taken ORDER BY n`,
    );
    const tables = this.tableInfo(em);
    const target =
      this.targetOf(em, result) ??
      (rows[0] ? { type: tables.get(rows[0].table_name)?.entity ?? rows[0].table_name, table: rows[0].table_name, id: rows[0].row_id, object: null } : null);

    if (scope?.expectedRevision !== undefined && target?.id && tables.get(target.table)?.hasRevision) {
      await this.checkRevision(em, target.table, target.id, scope.expectedRevision, rows);
    }
    // The object as it now stands: its revision as the trigger raised it.
    const last = [...rows].reverse().find((r) => r.table_name === target?.table && r.row_id === target?.id && typeof r.after?.lock_version === 'number');
    if (last && target?.object) (target.object as { lockVersion?: number }).lockVersion = last.after!.lock_version as number;

    const subjects = new Set<string>();
    for (const [n, r] of rows.entries()) {
      const info = tables.get(r.table_name);
      if (r.row_id && n < MAX_ROWS) subjects.add(`${info?.entity ?? r.table_name}:${r.row_id}`);
      for (const [column, parent] of info?.parents ?? []) {
        const value = r.keys?.[column];
        if (typeof value === 'string') subjects.add(`${parent}:${value}`);
      }
    }
    if (target?.id) subjects.add(`${target.type}:${target.id}`);
    const draft: EntryDraft = {
      ...actorOf(ctx.caller),
      operation: scope?.operation ?? 'system',
      outcome: AuditOutcome.SUCCESS,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      changes: rows.slice(0, MAX_ROWS).map((r) => ({ table: r.table_name, op: r.op, id: r.row_id, before: keptRow(r.before), after: keptRow(r.after) })),
      subjects: [...subjects].sort(),
      detail: rows.length > MAX_ROWS ? { changedRows: rows.length, notListed: rows.length - MAX_ROWS, byTable: countByTable(rows) } : null,
      requestId: ctx.requestId ?? null,
      clientAddress: ctx.clientAddress ?? null,
    };
    await appendEntry(em, draft);
  }

  /** 乐观并发: the revision the caller read must be the one the row had when this mutation changed it. */
  private async checkRevision(
    em: EntityManager,
    table: string,
    id: string,
    expected: number,
    rows: { table_name: string; row_id: string | null; op: string; before: Record<string, unknown> | null }[],
  ) {
    const first = rows.find((r) => r.table_name === table && r.row_id === id && r.op === 'UPDATE' && typeof r.before?.lock_version === 'number');
    let actual = first?.before?.lock_version as number | undefined;
    if (actual === undefined) {
      const [row]: { revision: number }[] = await em.query(`SELECT lock_version AS revision FROM "${table}" WHERE id = $1`, [id]);
      actual = row?.revision;
    }
    if (actual !== undefined && actual !== expected) {
      refuse(UserErrorCode.CONFLICT, `该对象已被他人修改（您读取的锁定版本号为 ${expected}，当前为 ${actual}），请重新读取后再提交`, ['input', 'lockVersion']);
    }
  }

  private targetOf(em: EntityManager, result: unknown): { type: string; table: string; id: string; object: object } | null {
    const entityOf = (value: unknown) => {
      if (!value || typeof value !== 'object' || !em.connection.hasMetadata(value.constructor)) return null;
      const meta = em.connection.getMetadata(value.constructor);
      const id = (value as { id?: unknown }).id;
      return typeof id === 'string' ? { type: meta.name, table: meta.tableName, id, object: value } : null;
    };
    if (Array.isArray(result)) return entityOf(result[0]);
    return entityOf(result) ?? (result && typeof result === 'object' ? (Object.values(result).map(entityOf).find(Boolean) ?? null) : null);
  }

  private tableInfo(em: EntityManager): Map<string, TableInfo> {
    if (this.tables) return this.tables;
    const map = new Map<string, TableInfo>();
    for (const meta of em.connection.entityMetadatas) {
      map.set(meta.tableName, {
        entity: meta.name,
        parents: meta.foreignKeys.filter((fk) => fk.columns.length === 1).map((fk) => [fk.columns[0].databaseName, fk.referencedEntityMetadata.name]),
        hasRevision: meta.columns.some((c) => c.databaseName === 'lock_version'),
      });
    }
    this.tables = map;
    return map;
  }
}
