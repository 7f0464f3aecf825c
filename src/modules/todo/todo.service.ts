import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { shanghaiDateOf } from '../../common/dates';
import { ConnectionArgs } from '../../graphql/connection';
import { decodeCursor, Page, pageOf, pageSize } from '../../common/paging';
import { badInput } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { isCalendarDate } from '../../graphql/scalars';
import { DEADLINE_RULES } from '../deadline';
import { TodoFilter, TodoItem, TodoKind as K, TodoKindCount } from './todo.objects';
import { TODOS } from './todo.sql';

/** The rule of each to-do kind that is not one of the deadline module's (those keep its wording). */
const OWN_RULES: Record<
  Exclude<K, K.PLAN_DECLARATION | K.ACCEPTANCE_APPLICATION | K.ACCEPTANCE_WINDOW | K.FILING | K.SHARING_REQUEST_ANSWER | K.RECTIFICATION_REPORT>,
  { article: string | null; rule: string }
> = {
  [K.RESOURCE_REVIEW]: { article: '第五条', rule: '大数据管理局负责信息资源目录审核、数据资源发布' },
  [K.RESOURCE_REVISION]: { article: '第五条', rule: '信息资源目录经大数据管理局审核退回的，提供单位修改后重新提交审核' },
  [K.INTERFACE_FAILING]: { article: '第十七条', rule: '政务信息资源按需归集、应归尽归，通过市政务数据共享交换平台归集' },
  [K.INTERFACE_STALE]: { article: '第十七条', rule: '政务信息资源按更新周期及时归集至市政务数据共享交换平台' },
  [K.PLAN_DECISION]: { article: '第十条', rule: '领导小组办公室组织专家咨询小组对项目建设方案进行评审，评审通过的项目列入年度建设计划' },
  [K.ACCEPTANCE_DECISION]: { article: '第二十五条', rule: '领导小组办公室收到竣工验收申请后组织竣工验收' },
  [K.EXPERT_REVIEW]: { article: '第六条', rule: '专家咨询小组对项目建设计划和建设方案进行评审，对竣工验收进行会商审核' },
  [K.FILING_OVERDUE]: DEADLINE_RULES.FILING,
  [K.RECTIFICATION_DECISION]: {
    article: '第三十三条',
    rule: '项目建设单位报告整改情况后，领导小组办公室作出整改验收结论；整改后仍不符合要求的，暂停项目建设，直至终止项目',
  },
  [K.CO_BUILDING_ANSWER]: {
    article: '第十四条',
    rule: '跨部门、跨领域共建共享的项目，由项目牵头部门会同共建部门明确建设范围和责任义务；被提议的共建单位确认接受后方为共建单位',
  },
};

const RULES: Record<K, { article: string | null; rule: string }> = { ...DEADLINE_RULES, ...OWN_RULES };

const MAX_WITHIN_DAYS = 3660;

interface Row {
  kind: K;
  id: string;
  project_id: string | null;
  resource_id: string | null;
  interface_id: string | null;
  sharing_request_id: string | null;
  application_id: string | null;
  organization_id: string | null;
  due_on: string | null;
  sort_due: string;
  days_left: number | null;
  since: string | null;
}

/** A cursor is the (due date or 'infinity', kind, id) of the last item seen. */
const validCursor = (v: unknown[]) =>
  v.length === 3 && (v[0] === 'infinity' || isCalendarDate(v[0] as string)) && Object.values(K).includes(v[1] as K) && isUUID(v[2] as string);

export interface TodoPage extends Page<TodoItem> {
  countsByKind: TodoKindCount[];
  allCount: number;
}

/** 待办: what waits for the caller, by due date (those without one last); one SQL statement per page, counts included. */
export class TodoService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize' | 'timelinessGraceHours' | 'interfaceFailingRuns'>,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, filter: TodoFilter = {}, args: ConnectionArgs = {}): Promise<TodoPage> {
    const size = pageSize(args.first, this.config.maxPageSize);
    const now = this.clock.now();
    const caller = ctx.caller;
    const params: unknown[] = [
      shanghaiDateOf(now),
      now,
      this.config.timelinessGraceHours,
      this.config.interfaceFailingRuns,
      caller?.organizationId ?? null,
      caller?.roles ?? [],
      caller?.userId ?? '',
    ];
    const param = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (filter.kind) where.push(`t.kind = ${param(filter.kind)}`);
    if (filter.overdueOnly) where.push('t.due_on < $1::date');
    if (filter.dueWithinDays != null) {
      if (!Number.isInteger(filter.dueWithinDays) || filter.dueWithinDays < 0 || filter.dueWithinDays > MAX_WITHIN_DAYS) {
        throw badInput('filter', `dueWithinDays 须在 0 到 ${MAX_WITHIN_DAYS} 之间`);
      }
      where.push(`t.due_on <= $1::date + ${param(filter.dueWithinDays)}::int`);
    }
    let after = '';
    if (args.after) {
      const [due, kind, id] = decodeCursor<[string, K, string]>(args.after, validCursor);
      after = `WHERE (f.sort_due, f.kind COLLATE "C", f.id) > (${param(due)}::date, ${param(kind)}::text, ${param(id)}::uuid)`;
    }
    const [row] = await this.ds.query(
      `WITH ${TODOS},
       f AS (SELECT t.*, coalesce(t.due_on, 'infinity'::date) AS sort_due FROM t${where.length ? ` WHERE ${where.join(' AND ')}` : ''})
       SELECT (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', c.kind, 'count', c.n) ORDER BY c.kind), '[]')
                 FROM (SELECT t.kind, count(*)::int AS n FROM t GROUP BY t.kind) c) AS counts,
              (SELECT count(*)::int FROM t) AS all_count,
              (SELECT count(*)::int FROM f) AS total,
              (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.sort_due, p.kind COLLATE "C", p.id), '[]') FROM (
                 SELECT f.kind, f.id, f.project_id, f.resource_id, f.interface_id, f.sharing_request_id, f.application_id, f.organization_id,
                        to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.sort_due::text AS sort_due, (f.due_on - $1::date) AS days_left, f.since
                   FROM f ${after}
                  ORDER BY f.sort_due, f.kind COLLATE "C", f.id
                  LIMIT ${size + 1}) p) AS page`,
      params,
    );
    const rows = row.page as Row[];
    const page = pageOf(rows, size, args.after, row.total as number, (r) => [r.sort_due, r.kind, r.id], toItem);
    return { ...page, countsByKind: row.counts as TodoKindCount[], allCount: row.all_count as number };
  }
}

function toItem(r: Row): TodoItem {
  return Object.assign(new TodoItem(), {
    kind: r.kind,
    ...RULES[r.kind],
    dueOn: r.due_on,
    daysLeft: r.days_left,
    overdue: r.days_left !== null && r.days_left < 0,
    since: r.since ? new Date(r.since) : null,
    projectId: r.project_id,
    resourceId: r.resource_id,
    interfaceId: r.interface_id,
    sharingRequestId: r.sharing_request_id,
    applicationId: r.application_id,
    organizationId: r.organization_id,
  });
}
