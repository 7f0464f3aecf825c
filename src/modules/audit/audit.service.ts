import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../config';
import type { Caller } from '../../common/caller';
import { decodeCursor, Page, pageOf, pageSize, PageArgs } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { Role } from '../../common/role.enums';
import { AuditOutcome, AuditBreakKind } from './audit.enums';
import { appendEntry, ENTRY_COLUMNS, EntryRow, entryHash, GENESIS_HASH, StoredEntry, storedOf } from './audit.chain';
import type { AuditEntryFilter } from './audit.inputs';
import type { AuditBreak, AuditEntry, AuditVerification } from './audit.objects';
import { actorOf } from './audit.recorder';
import { SecurityEventLimiter } from './audit.security';

/** Months of partitions made ahead of time (at start-up and by the daily round). */
const MONTHS_AHEAD = 3;
const VERIFY_BATCH = 1000;

/** The audit log as an API: entries by filter, the chain verified, security events, partitions made ahead. No deletion, ever. */
export class AuditService {
  private readonly limiter = new SecurityEventLimiter();

  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
  ) {}

  /**
   * At start-up: the coming months' partitions, and the change capture on any table added since
   * the migration. Answers what could not be done (a production role that owns no table may not
   * create them: docs/audit-log.md), for the caller to log; the hub starts regardless.
   */
  async prepare(): Promise<string[]> {
    const problems: string[] = [];
    for (const [sql, params] of [
      [`SELECT audit_ensure_partitions($1)`, [MONTHS_AHEAD]],
      [`SELECT audit_capture_tables()`, []],
    ] as const) {
      await this.ds.query(sql, [...params]).catch((err: Error) => problems.push(`${sql}: ${err.message}`));
    }
    return problems;
  }

  /** The daily round's job (notification worker): partitions stay made ahead. */
  readonly dailyPartitions = async (em: EntityManager): Promise<number> => {
    await em.query(`SELECT audit_ensure_partitions($1)`, [MONTHS_AHEAD]);
    return 0;
  };

  /** A refused sign-in; the identity module calls it with the login name it was given. */
  signInFailed(request: Pick<RequestContext, 'requestId' | 'clientAddress'>, login: string, reason: string): Promise<void> {
    return this.securityEvent(
      { requestId: request.requestId, clientAddress: request.clientAddress, caller: null },
      AuditOutcome.SIGN_IN_FAILED,
      'signIn',
      { login: login.slice(0, 200), reason },
      `login:${login.slice(0, 200)}`,
    );
  }

  /** A bearer token that was refused. */
  refusedToken(request: Pick<RequestContext, 'requestId' | 'clientAddress'>, operation: string): Promise<void> {
    return this.securityEvent({ ...request, caller: null }, AuditOutcome.UNAUTHENTICATED, operation, { reason: '令牌无效或已过期' });
  }

  /** A FORBIDDEN answer: the caller's role may not do what it asked. */
  forbidden(ctx: Pick<RequestContext, 'requestId' | 'clientAddress' | 'caller'>, what: string): Promise<void> {
    return this.securityEvent(ctx, AuditOutcome.FORBIDDEN, what, { reason: '角色无权' });
  }

  /** Records a security event in its own transaction, unless the limiter holds it back; never fails the request. */
  async securityEvent(
    ctx: Pick<RequestContext, 'requestId' | 'clientAddress' | 'caller'>,
    outcome: AuditOutcome,
    operation: string,
    detail: Record<string, unknown>,
    key = `${ctx.caller?.userId ? `user:${ctx.caller.userId}` : `address:${ctx.clientAddress ?? ''}`}`,
  ): Promise<void> {
    const admitted = this.limiter.admit(`${outcome}:${key}`);
    if (!admitted) return;
    try {
      await this.ds.transaction((em) =>
        appendEntry(em, {
          ...actorOf(ctx.caller),
          operation: operation.slice(0, 100),
          outcome,
          targetType: null,
          targetId: null,
          changes: [],
          subjects: [],
          detail: admitted.notRecorded ? { ...detail, notRecorded: admitted.notRecorded } : detail,
          requestId: ctx.requestId ?? null,
          clientAddress: ctx.clientAddress ?? null,
        }),
      );
    } catch {
      // A security event that cannot be written (the database is down) does not change the answer.
    }
  }

  /** Entries, newest first, by filter (AUDITOR, BIG_DATA_BUREAU, LEADING_GROUP_OFFICE: the resolver decides). */
  async list(_ctx: RequestContext, filter: AuditEntryFilter | undefined, args: PageArgs): Promise<Page<AuditEntry>> {
    const size = pageSize(args.first, this.config.maxPageSize);
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter?.actor) where.push(`actor_id = ${p(filter.actor)}`);
    if (filter?.organization) where.push(`organization_id = ${p(filter.organization)}`);
    if (filter?.operation) where.push(`operation = ${p(filter.operation)}`);
    if (filter?.outcome) where.push(`outcome = ${p(filter.outcome)}`);
    if (filter?.from) where.push(`recorded_at >= ${p(filter.from)}`);
    if (filter?.to) where.push(`recorded_at < ${p(filter.to)}`);
    if (filter?.targetType && filter.targetId) {
      where.push(
        `((target_type = ${p(filter.targetType)} AND target_id = ${p(filter.targetId)}) OR subjects @> ARRAY[${p(`${filter.targetType}:${filter.targetId}`)}])`,
      );
    } else if (filter?.targetType) where.push(`target_type = ${p(filter.targetType)}`);
    else if (filter?.targetId) where.push(`target_id = ${p(filter.targetId)}`);
    const filtered = [...where];
    if (args.after) {
      const [seq] = decodeCursor<[string]>(args.after, (v) => v.length === 1 && typeof v[0] === 'string' && /^[1-9][0-9]{0,17}$/.test(v[0]));
      where.push(`seq < ${p(seq)}::bigint`);
    }
    const sql = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');
    const rows: EntryRow[] = await this.ds.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit_entry ${sql(where)} ORDER BY audit_entry.seq DESC LIMIT ${size + 1}`,
      params,
    );
    let total = NaN;
    if (args.countTotal !== false) {
      const countParams = args.after ? params.slice(0, -1) : params; // the cursor's is the last parameter
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM audit_entry ${sql(filtered)}`, countParams);
      total = n;
    }
    return pageOf(
      rows,
      size,
      args.after,
      total,
      (r) => [r.seq],
      (r) => toObject(storedOf(r)),
    );
  }

  /** Recomputes the chain over entries recorded in [from, to) and names the first broken link. */
  async verify(from: Date | undefined, to: Date | undefined): Promise<AuditVerification> {
    const lower = from ?? new Date(0);
    const upper = to ?? new Date('9999-01-01T00:00:00Z');
    let checked = 0;
    let firstSeq: string | null = null;
    let lastSeq: string | null = null;
    let prev: { seq: bigint; hash: string } | null = null;
    let afterSeq = '0';
    const broken = (e: StoredEntry | null, seq: string, kind: AuditBreakKind, message: string): AuditVerification => ({
      ok: false,
      checked,
      firstSeq,
      lastSeq,
      firstBroken: { seq, entryId: e?.id ?? null, recordedAt: e?.recordedAt ?? null, kind, message } as AuditBreak,
    });
    for (;;) {
      const rows: EntryRow[] = await this.ds.query(
        `SELECT ${ENTRY_COLUMNS} FROM audit_entry WHERE recorded_at >= $1 AND recorded_at < $2 AND audit_entry.seq > $3::bigint ORDER BY audit_entry.seq LIMIT ${VERIFY_BATCH}`,
        [lower, upper, afterSeq],
      );
      if (!rows.length) break;
      for (const row of rows) {
        const e = storedOf(row);
        const seq = BigInt(e.seq);
        if (!prev) {
          const before: { seq: string; hash: string }[] = await this.ds.query(
            `SELECT seq::text AS seq, hash FROM audit_entry WHERE seq < $1::bigint ORDER BY audit_entry.seq DESC LIMIT 1`,
            [e.seq],
          );
          prev = before.length ? { seq: BigInt(before[0].seq), hash: before[0].hash } : { seq: 0n, hash: GENESIS_HASH };
        }
        firstSeq ??= e.seq;
        if (seq !== prev.seq + 1n) {
          return broken(e, e.seq, AuditBreakKind.ENTRY_MISSING, `第 ${prev.seq + 1n} 至 ${seq - 1n} 条审计记录缺失（已被删除）`);
        }
        if (e.prevHash !== prev.hash) {
          return broken(e, e.seq, AuditBreakKind.LINK_BROKEN, `第 ${e.seq} 条记录的前序哈希与第 ${prev.seq} 条不符：其前的记录被修改或替换`);
        }
        if (entryHash(e) !== e.hash) {
          return broken(e, e.seq, AuditBreakKind.CONTENT_ALTERED, `第 ${e.seq} 条记录的内容与其哈希不符：记录被修改`);
        }
        checked++;
        lastSeq = e.seq;
        prev = { seq, hash: e.hash };
      }
      afterSeq = rows[rows.length - 1].seq;
    }
    // The period reaches the end of the chain: the head says how long the chain is.
    const [head]: { seq: string; hash: string; recorded_at: Date | null }[] = await this.ds.query(
      `SELECT seq::text AS seq, hash, recorded_at FROM audit_chain_head`,
    );
    const [{ later }]: { later: boolean }[] = await this.ds.query(`SELECT EXISTS (SELECT 1 FROM audit_entry WHERE recorded_at >= $1) AS later`, [upper]);
    let endSeq = prev?.seq;
    if (endSeq === undefined) {
      const [{ seq }]: { seq: string | null }[] = await this.ds.query(`SELECT max(seq)::text AS seq FROM audit_entry WHERE recorded_at < $1`, [lower]);
      endSeq = BigInt(seq ?? '0');
    }
    const headInPeriod = !!head.recorded_at && head.recorded_at >= lower && head.recorded_at < upper;
    if (!later && headInPeriod && BigInt(head.seq) > endSeq) {
      return broken(null, String(endSeq + 1n), AuditBreakKind.ENTRY_MISSING, `链头为第 ${head.seq} 条，但第 ${endSeq + 1n} 条起的记录缺失（已被删除）`);
    }
    if (!later && prev && BigInt(head.seq) === endSeq && head.hash !== prev.hash) {
      return broken(null, String(endSeq), AuditBreakKind.CONTENT_ALTERED, `第 ${endSeq} 条记录与链头的哈希不符：记录被修改`);
    }
    return { ok: true, checked, firstSeq, lastSeq, firstBroken: null };
  }

  /** Whether `caller` may read the audit log as a whole. */
  static readsAll(caller: Caller | null): boolean {
    return !!caller && caller.roles.some((r) => AUDIT_READERS.includes(r));
  }
}

export const AUDIT_READERS: Role[] = [Role.AUDITOR, Role.BIG_DATA_BUREAU, Role.LEADING_GROUP_OFFICE];

function toObject(e: StoredEntry): AuditEntry {
  return {
    ...e,
    changes: e.changes.map((c) => {
      const names = [...new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})])].sort();
      return {
        table: c.table,
        op: c.op,
        rowId: c.id,
        fields: names.map((name) => ({
          name,
          before: c.before && name in c.before ? JSON.stringify(c.before[name]) : null,
          after: c.after && name in c.after ? JSON.stringify(c.after[name]) : null,
        })),
      };
    }),
    detail: e.detail === null ? null : JSON.stringify(e.detail),
  } as AuditEntry;
}
