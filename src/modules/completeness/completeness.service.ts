import { createHash } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import { COMPLETENESS_FIGURES, Config } from '../../config';
import { ConnectionArgs } from '../../graphql/connection';
import { decodeCursor, Page, pageOf, pageSize } from '../../common/paging';
import { badInput } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { Caller, hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { RESOURCE_STATUS_LABEL, ResourceStatus, SHARING_TYPE_LABEL, SharingType, UpdateFrequency, FREQUENCY_NAME } from '../catalogue';
import { groupBy } from '../../common/batch';
import { Organization } from '../organization';
import { isOversight, Project, projectsBuiltBySql } from '../project';
import type { CompletenessScope } from './completeness.objects';
import { COUNTS_SQL, GAP_ORDER, GAP_PAGES_SQL, GAPS_SQL, WINDOW_HOURS } from './completeness.sql';
import { CompletenessFilter, MAX_FILTER_PROJECTS } from './completeness.inputs';
import type { CompletenessCounts, GapRow } from './completeness.types';
import { GapReason } from './completeness.enums';
import { SHANGHAI_OFFSET_MS } from '../../common/dates';

interface CountRow {
  scope_key: string;
  resources: number;
  published: number;
  metadata_ok: number;
  shareable: number;
  with_interface: number;
  mounted: number;
  aggregated: number;
  timely: number;
}

interface GapSqlRow {
  scope_key: string;
  total?: number;
  resource_id: string | null;
  code: string;
  project_id: string;
  reason: GapReason;
  ord: number;
  status: ResourceStatus;
  update_frequency: UpdateFrequency | null;
  last_aggregated_at: Date | null;
  has_interface: boolean;
  is_mounted: boolean;
  sharing_type: SharingType | null;
  malformed_names: string | null;
}

/** The figures of a filtered set of projects, in total and per lead unit (by name). */
export interface CompletenessSummary {
  at: Date;
  total: { scope: CompletenessScope; counts: CompletenessCounts };
  byOrganization: { organizationId: string; scope: CompletenessScope; counts: CompletenessCounts }[];
}

const shanghaiTime = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

export const zeroCounts = (): CompletenessCounts =>
  Object.fromEntries(COMPLETENESS_FIGURES.map((f) => [f, { numerator: 0, denominator: 0 }])) as CompletenessCounts;

/**
 * 信息资源共享的完整性、时效性 (第九条: 是确定建设资金、运行维护经费和项目验收的重要依据) and
 * 按需归集、应归尽归 (第十七条): the six figures of DESIGN §3, computed by PostgreSQL in set-based
 * statements (completeness.sql.ts), never by counting rows in Node.
 */
export class CompletenessService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize' | 'timelinessGraceHours'>,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The figures of each project (0/0 throughout for one without resources): one statement for any number of projects. */
  async countsByProject(em: EntityManager, projectIds: string[], now: Date): Promise<Map<string, CompletenessCounts>> {
    return this.countsByScope(
      em,
      projectIds.map((id) => ({ key: id, projectIds: [id] })),
      now,
    );
  }

  /** The figures of each scope, summed over its projects: one statement for every scope. */
  async countsByScope(em: EntityManager, scopes: CompletenessScope[], now: Date): Promise<Map<string, CompletenessCounts>> {
    const rows: CountRow[] = await em.query(COUNTS_SQL, this.params(scopes, now));
    const byKey = new Map(rows.map((r) => [r.scope_key, r]));
    return new Map(scopes.map((s) => [s.key, toCounts(byKey.get(s.key))]));
  }

  /** Every gap of the projects, ordered by resource code then reason (the figures' order): one statement. */
  async gaps(em: EntityManager, projectIds: string[], now: Date): Promise<GapRow[]> {
    const scopes = projectIds.map((id) => ({ key: id, projectIds: [id] }));
    const rows: GapSqlRow[] = await em.query(GAPS_SQL, this.params(scopes, now));
    return rows.map((r) => this.toGap(r));
  }

  /** A keyset page of each scope's gaps by (resource code, reason), with its total: one statement for every scope. */
  async gapPages(
    em: EntityManager,
    scopes: CompletenessScope[],
    now: Date,
    args: ConnectionArgs,
    reasons: GapReason[] | null = null,
  ): Promise<Map<string, Page<GapRow>>> {
    const size = pageSize(args.first, this.config.maxPageSize);
    const [afterCode, afterOrd] = args.after ? gapCursor(args.after) : [null, null];
    const rows: GapSqlRow[] = await em.query(GAP_PAGES_SQL, [...this.params(scopes, now), afterCode, afterOrd, size + 1, reasons]);
    const byScope = groupBy(rows, (r) => r.scope_key);
    return new Map(
      scopes.map((s) => {
        const mine = byScope.get(s.key) ?? [];
        const found = mine.filter((r) => r.resource_id !== null).map((r) => this.toGap(r));
        return [s.key, pageOf(found, size, args.after, mine[0]?.total ?? 0, (g) => [g.resourceCode, g.reason])];
      }),
    );
  }

  /**
   * The figures summed over the filtered projects the caller may read, and per lead unit: two
   * statements (the projects, then the counts of every scope at once).
   */
  async summary(ctx: RequestContext, filter: CompletenessFilter): Promise<CompletenessSummary> {
    const at = this.clock.now();
    const projects = await this.projectsFor(ctx.caller, filter);
    const all = scopeOf(
      'all',
      projects.map((p) => p.id),
    );
    const orgScopes = [...groupBy(projects, (p) => p.leadUnitId)].map(([organizationId, list]) => ({
      organizationId,
      scope: scopeOf(
        `org:${organizationId}`,
        list.map((p) => p.id),
      ),
    }));
    const counts = await this.countsByScope(this.ds.manager, [all, ...orgScopes.map((o) => o.scope)], at);
    return {
      at,
      total: { scope: all, counts: counts.get(all.key)! },
      byOrganization: orgScopes.map((o) => ({ ...o, counts: counts.get(o.scope.key)! })),
    };
  }

  /** The filtered projects the caller may read the completeness of, by lead unit name, then code. */
  private async projectsFor(caller: Caller | null, filter: CompletenessFilter): Promise<{ id: string; leadUnitId: string }[]> {
    const qb = this.ds
      .getRepository(Project)
      .createQueryBuilder('p')
      .innerJoin(Organization, 'lead', 'lead.id = p.leadUnitId')
      .select('p.id', 'id')
      .addSelect('p.leadUnitId', 'leadUnitId');
    const unitOf = (orgParam: string) => `p.id IN ${projectsBuiltBySql(`:${orgParam}`)}`;
    if (!isOversight(caller)) {
      // A project unit reads the completeness of its own projects only (第十三条); the filter is narrowed to them.
      const org = hasRole(caller, Role.PROJECT_UNIT) ? caller!.organizationId : null;
      if (!org) return [];
      qb.andWhere(unitOf('callerOrg'), { callerOrg: org });
    }
    if (filter.organizationId) {
      if (!isUUID(filter.organizationId)) throw badInput('filter', '单位ID格式无效');
      qb.andWhere(unitOf('filterOrg'), { filterOrg: filter.organizationId });
    }
    if (filter.planYear != null) qb.andWhere('p.planYear = :planYear', { planYear: filter.planYear });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.projectIds) {
      if (filter.projectIds.length > MAX_FILTER_PROJECTS) throw badInput('filter', `指定项目不能超过${MAX_FILTER_PROJECTS}个`);
      if (!filter.projectIds.every((id) => isUUID(id))) throw badInput('filter', '项目ID格式无效');
      if (filter.projectIds.length === 0) return [];
      qb.andWhere('p.id IN (:...projectIds)', { projectIds: filter.projectIds });
    }
    return qb.orderBy('lead.name').addOrderBy('lead.id').addOrderBy('p.code').getRawMany();
  }

  private params(scopes: CompletenessScope[], now: Date): unknown[] {
    const pairs = scopes.flatMap((s) => s.projectIds.map((id) => [s.key, id] as const));
    return [pairs.map((p) => p[0]), pairs.map((p) => p[1]), now.toISOString(), this.config.timelinessGraceHours];
  }

  private toGap(r: GapSqlRow): GapRow {
    return { resourceId: r.resource_id!, resourceCode: r.code, projectId: r.project_id, reason: r.reason, detail: this.detail(r) };
  }

  /** What the bureau reads next to a gap (Chinese); the reason code says which rule. */
  private detail(r: GapSqlRow): string | null {
    switch (r.reason) {
      case GapReason.NOT_PUBLISHED:
        return `目录状态：${RESOURCE_STATUS_LABEL[r.status]}`;
      case GapReason.MISSING_SHARING_TYPE:
        return '未填写共享类型（无条件共享、有条件共享或不予共享），第九条';
      case GapReason.MISSING_OPEN_TYPE:
        return '未填写开放类型（无条件开放、有条件开放或不予开放），第九条';
      case GapReason.MISSING_FREQUENCY:
        return '未填写更新周期，第九条';
      case GapReason.MISSING_CONDITION:
        return '共享类型为有条件共享，未填写共享条件，第九条';
      case GapReason.MISSING_LEGAL_BASIS:
        return '共享类型为不予共享，未填写法律法规或政策依据，第九条';
      case GapReason.MISSING_OPEN_CONDITION:
        return '开放类型为有条件开放，未填写开放条件，第九条';
      case GapReason.NO_DATA_ITEMS:
        return '未登记任何信息项，第八条';
      case GapReason.MALFORMED_ITEMS:
        return `信息项不符合编制指南（长度与数据类型不符，或名称重复）：${r.malformed_names}`;
      case GapReason.OPEN_BUT_NOT_SHARED:
        return '向社会开放的信息资源须先确定为无条件共享或有条件共享，第九条';
      case GapReason.NO_INTERFACE:
        return `共享类型为${SHARING_TYPE_LABEL[r.sharing_type!]}，尚无可用共享接口（未登记，或均已撤销挂接），第九条`;
      case GapReason.NOT_MOUNTED:
        return r.has_interface ? '共享接口尚未挂接市共享交换平台' : '无可用共享接口（未登记或已撤销挂接）';
      case GapReason.NEVER_AGGREGATED:
        return r.is_mounted ? '已挂接，尚无成功的归集记录' : '未挂接市共享交换平台，尚无成功的归集记录';
      case GapReason.STALE: {
        const f = r.update_frequency!;
        const hours = WINDOW_HOURS[f]! + this.config.timelinessGraceHours;
        return `最近一次成功归集于 ${shanghaiTime(r.last_aggregated_at!)}（北京时间），更新周期${FREQUENCY_NAME[f]}，应在 ${hours} 小时内再次归集`;
      }
      default:
        return null;
    }
  }
}

/** A scope named after its projects, so that two different sets never share a key in one request's loaders. */
function scopeOf(name: string, projectIds: string[]): CompletenessScope {
  return { key: `${name}:${createHash('sha1').update(projectIds.join(',')).digest('base64url')}`, projectIds };
}

function toCounts(r: CountRow | undefined): CompletenessCounts {
  if (!r) return zeroCounts();
  return {
    catalogued: { numerator: r.published, denominator: r.resources },
    metadata: { numerator: r.metadata_ok, denominator: r.resources },
    interfaces: { numerator: r.with_interface, denominator: r.shareable },
    mounted: { numerator: r.mounted, denominator: r.shareable },
    aggregated: { numerator: r.aggregated, denominator: r.shareable },
    timely: { numerator: r.timely, denominator: r.aggregated },
  };
}

/** (resource code, reason) of the last gap seen, as (code, reason number). */
function gapCursor(after: string): [string, number] {
  const [code, reason] = decodeCursor(after, (v) => v.length === 2);
  const ord = GAP_ORDER.indexOf(reason as GapReason);
  if (typeof code !== 'string' || ord < 0) throw badInput('after', '分页游标无效');
  return [code, ord];
}
