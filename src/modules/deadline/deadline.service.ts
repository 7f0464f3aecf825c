import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { ConnectionArgs } from '../../graphql/connection';
import { decodeCursor, Page, pageOf, pageSize } from '../../common/paging';
import { badInput } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { isCalendarDate } from '../../graphql/scalars';
import { hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { isOversight } from '../project';
import { shanghaiDateOf } from '../../common/dates';
import { Deadline, DeadlineFilter, DeadlineKind as K } from './deadline.objects';
import { DEADLINES, DEADLINE_RULES } from './deadline.sql';
import { recordDeadlineReminders } from './deadline-reminders';

const MAX_WITHIN_DAYS = 3660;

interface Row {
  kind: K;
  id: string;
  project_id: string | null;
  sharing_request_id: string | null;
  organization_id: string;
  due_on: string;
  days_left: number;
}

/** A cursor is the (due date, kind, id) of the last item seen. */
const validCursor = (v: unknown[]) => v.length === 3 && isCalendarDate(v[0] as string) && Object.values(K).includes(v[1] as K) && isUUID(v[2] as string);

/** What is due and overdue (DESIGN §4), computed by PostgreSQL over all projects and requests in one query, by due date. */
export class DeadlineService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
    private readonly clock: Clock,
  ) {}

  /** The daily round's job: reminders of what falls due within 7, 3 and 1 days or is overdue (deadline-reminders.ts). */
  readonly reminders = (em: EntityManager, today: string, at: Date) => recordDeadlineReminders(em, today, at);

  /**
   * Oversight roles read every deadline; a project unit those of its organisation's projects (lead
   * or co-building) and the sharing requests it must answer or made; other roles none. Keyset
   * pages on (due date, kind, id): two statements, a count and a page.
   */
  async list(ctx: RequestContext, filter: DeadlineFilter = {}, args: ConnectionArgs = {}): Promise<Page<Deadline>> {
    const size = pageSize(args.first, this.config.maxPageSize);
    const params: unknown[] = [shanghaiDateOf(this.clock.now())];
    const param = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (!isOversight(ctx.caller)) {
      const org = hasRole(ctx.caller, Role.PROJECT_UNIT) ? ctx.caller?.organizationId : null;
      where.push(org ? `${param(org)}::uuid = ANY(d.concerned)` : 'false');
    }
    if (filter.organizationId) {
      if (!isUUID(filter.organizationId)) throw badInput('filter', 'organizationId 格式无效');
      where.push(`${param(filter.organizationId)}::uuid = ANY(d.concerned)`);
    }
    if (filter.kind) where.push(`d.kind = ${param(filter.kind)}`);
    if (filter.overdueOnly) where.push('d.due_on < $1::date');
    if (filter.withinDays != null) {
      if (!Number.isInteger(filter.withinDays) || filter.withinDays < 0 || filter.withinDays > MAX_WITHIN_DAYS) {
        throw badInput('filter', `withinDays 须在 0 到 ${MAX_WITHIN_DAYS} 之间`);
      }
      where.push(`d.due_on <= $1::date + ${param(filter.withinDays)}::int`);
    }
    const filtered = `WITH d AS (${DEADLINES}) SELECT d.* FROM d${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const [{ n: totalCount }] = await this.ds.query(`SELECT count(*)::int AS n FROM (${filtered}) f`, params);
    const pageParams = [...params];
    let after = '';
    if (args.after) {
      const [dueOn, kind, id] = decodeCursor<[string, K, string]>(args.after, validCursor);
      const at = (v: unknown) => `$${pageParams.push(v)}`;
      after = `WHERE (f.due_on, f.kind COLLATE "C", f.id) > (${at(dueOn)}::date, ${at(kind)}::text, ${at(id)}::uuid)`;
    }
    const rows: Row[] = await this.ds.query(
      `SELECT f.kind, f.id, f.project_id, f.sharing_request_id, f.organization_id, to_char(f.due_on, 'YYYY-MM-DD') AS due_on,
              (f.due_on - $1::date) AS days_left
         FROM (${filtered}) f ${after}
        ORDER BY f.due_on, f.kind COLLATE "C", f.id
        LIMIT ${size + 1}`,
      pageParams,
    );
    return pageOf(rows, size, args.after, totalCount, (r) => [r.due_on, r.kind, r.id], toDeadline);
  }
}

function toDeadline(r: Row): Deadline {
  return Object.assign(new Deadline(), {
    kind: r.kind,
    ...DEADLINE_RULES[r.kind],
    dueOn: r.due_on,
    daysLeft: r.days_left,
    // The earliest acceptance date is a "not before", listed only while it lies ahead: it is never overdue.
    overdue: r.kind !== K.ACCEPTANCE_EARLIEST && r.days_left < 0,
    projectId: r.project_id,
    sharingRequestId: r.sharing_request_id,
    organizationId: r.organization_id,
  });
}
