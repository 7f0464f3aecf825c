import { DataSource, EntityManager, In, Not } from 'typeorm';
import type { Config } from '../../config';
import { mutate, Outcome, readerOf } from '../../db/transaction';
import { ConnectionArgs } from '../../graphql/connection';
import { Page, paginate } from '../../common/paging';
import { badInput } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserError, userError, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import {
  ResourceStatus,
  RESOURCE_STATUS_LABEL,
  SHAREABLE,
  SharingType,
  UpdateFrequency,
  InformationResource,
  FREQUENCY_NAME,
  syncTooRare,
  whereVisible,
  isVisibleTo,
} from '../catalogue';
import { Organization } from '../organization';
import { projectForChange } from '../project';
import { endpointProblem } from './interface.endpoint';
import { InterfaceFilter, InterfaceMountInput, InterfaceRegisterInput, InterfaceUpdateInput, InterfaceWithdrawInput } from './interface.inputs';
import { SharingInterface } from './sharing-interface.entity';
import { InterfaceKind, MountStatus } from './sharing.enums';
import type { Clock } from '../../common/clock';
import { CLOCK_SKEW_MS } from '../../common/clock';
import { isUuid } from '../../graphql/scalars';

/**
 * The sharing list (共享清单, 第九条): how each shareable resource reaches its consumers, and its
 * mount status on the city exchange platform (第十七条: 按需归集、应归尽归; 免费提供软件接口和实时数据传输服务).
 */
export class InterfaceService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
    private readonly clock: Clock,
  ) {}

  /** Interfaces of the entries the caller may read (the catalogue's visibility rule), by resource code. */
  async list(ctx: RequestContext, filter: InterfaceFilter = {}, args: ConnectionArgs = {}): Promise<Page<SharingInterface>> {
    const qb = readerOf(this.ds, ctx).getRepository(SharingInterface).createQueryBuilder('i').innerJoin('i.resource', 'r').addSelect(['r.id', 'r.code']);
    whereVisible(qb, ctx.caller, 'r');
    for (const key of ['resourceId', 'projectId'] as const) {
      const id = filter[key];
      if (!id) continue;
      if (!isUuid(id)) throw badInput('filter', `${key} 格式无效`);
      qb.andWhere(key === 'resourceId' ? 'i.resourceId = :resourceId' : 'r.projectId = :projectId', { [key]: id });
    }
    if (filter.mountStatus) qb.andWhere('i.mountStatus = :mountStatus', { mountStatus: filter.mountStatus });
    if (filter.kind) qb.andWhere('i.kind = :kind', { kind: filter.kind });
    return paginate(qb, args, { expression: 'r.code', value: (i) => i.resource.code }, this.config.maxPageSize);
  }

  /** The project unit registers an interface of one of its shareable resources (第九条、第十七条). */
  async register(ctx: RequestContext, input: InterfaceRegisterInput): Promise<Outcome<SharingInterface>> {
    if (typeof input.endpoint === 'string') input.endpoint = input.endpoint.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const field = ['input', 'resourceId'];
      const found = await em.findOneBy(InformationResource, { id: input.resourceId });
      // An entry the caller may not read is not found to it (第五条、第十三条).
      if (!found || !(await isVisibleTo(em, ctx.caller, found.id))) refuse(UserErrorCode.NOT_FOUND, '信息资源不存在', field);
      // 第十三条: only the project's own units declare its interfaces.
      await projectForChange(em, ctx.caller!, found.projectId, field);
      const r = await lockForShare(em, found.id);
      const consumerIds = input.consumerIds ?? [];
      const problems = [
        ...resourceProblems(r, field),
        ...endpointProblems(input.kind, input.endpoint, ['input', 'endpoint']),
        ...frequencyProblems(input.syncFrequency, r),
        ...(await consumerProblems(em, consumerIds)),
      ];
      if (problems.length) throw new UserErrorsException(problems);
      if (await em.existsBy(SharingInterface, { resourceId: r.id, kind: input.kind, endpoint: input.endpoint })) {
        refuse(UserErrorCode.DUPLICATE, '该信息资源已登记相同类型和地址的共享接口', ['input', 'endpoint']);
      }
      return em.save(
        em.create(SharingInterface, {
          resourceId: r.id,
          kind: input.kind,
          endpoint: input.endpoint,
          syncFrequency: input.syncFrequency,
          consumers: [...new Set(consumerIds)].map((id) => ({ id })),
          mountStatus: MountStatus.NOT_MOUNTED,
        }),
      );
    });
  }

  /** The project unit changes an interface; the rules of registration hold for the result. */
  async update(ctx: RequestContext, input: InterfaceUpdateInput): Promise<Outcome<SharingInterface>> {
    if (typeof input.endpoint === 'string') input.endpoint = input.endpoint.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const field = ['input', 'id'];
      const found = await em.findOneBy(SharingInterface, { id: input.id });
      if (!found) refuse(UserErrorCode.NOT_FOUND, '共享接口不存在', field);
      const resource = (await em.findOneBy(InformationResource, { id: found.resourceId }))!;
      // 第十三条: only the project's own units change its interfaces.
      await projectForChange(em, ctx.caller!, resource.projectId, field);
      const r = await lockForShare(em, resource.id);
      const i = (await em.findOne(SharingInterface, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } }))!;
      i.kind = input.kind ?? i.kind;
      i.endpoint = input.endpoint ?? i.endpoint;
      i.syncFrequency = input.syncFrequency ?? i.syncFrequency;
      const problems = [
        ...resourceProblems(r, field),
        ...(input.kind || input.endpoint ? endpointProblems(i.kind, i.endpoint, ['input', input.endpoint ? 'endpoint' : 'kind']) : []),
        ...(input.syncFrequency ? frequencyProblems(i.syncFrequency, r) : []),
        ...(input.consumerIds ? await consumerProblems(em, input.consumerIds) : []),
      ];
      if (problems.length) throw new UserErrorsException(problems);
      if (await em.existsBy(SharingInterface, { id: Not(i.id), resourceId: r.id, kind: i.kind, endpoint: i.endpoint })) {
        refuse(UserErrorCode.DUPLICATE, '该信息资源已登记相同类型和地址的共享接口', ['input', 'endpoint']);
      }
      if (input.consumerIds) {
        await em
          .createQueryBuilder()
          .relation(SharingInterface, 'consumers')
          .of(i.id)
          .addAndRemove([...new Set(input.consumerIds)], await consumerIdsOf(em, i.id));
      }
      return em.save(i);
    });
  }

  /** 第十七条: the bureau or the city exchange platform records that an interface is mounted. */
  async mount(ctx: RequestContext, input: InterfaceMountInput): Promise<Outcome<SharingInterface>> {
    if (typeof input.platformId === 'string') input.platformId = input.platformId.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const i = await lockInterface(em, input.interfaceId);
      if (i.mountStatus === MountStatus.MOUNTED) {
        refuse(UserErrorCode.INVALID_TRANSITION, `该共享接口已挂接（平台编号 ${i.platformId}），须先撤销挂接`, ['input', 'interfaceId'], '第十七条');
      }
      const r = await lockForShare(em, i.resourceId);
      const problems = [...resourceProblems(r, ['input', 'interfaceId']), ...mountProblems(r)];
      if (problems.length) throw new UserErrorsException(problems);
      // 第十七条: the platform's id names one interface: serialised per id, so two mounts cannot both take it.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('sharing_interface_platform_id:' || $1))`, [input.platformId]);
      const taken = await em.findOne(SharingInterface, { where: { platformId: input.platformId, id: Not(i.id) }, relations: { resource: true } });
      if (taken) {
        refuse(
          UserErrorCode.DUPLICATE,
          `平台挂接编号 ${input.platformId} 已用于信息资源 ${taken.resource.code} 的共享接口`,
          ['input', 'platformId'],
          '第十七条',
        );
      }
      const now = this.clock.now().getTime();
      if (input.mountedAt && input.mountedAt.getTime() > now + CLOCK_SKEW_MS) {
        refuse(UserErrorCode.OUT_OF_RANGE, '挂接时间不能晚于当前时间', ['input', 'mountedAt']);
      }
      i.mountStatus = MountStatus.MOUNTED;
      i.platformId = input.platformId;
      i.mountedAt = input.mountedAt ?? new Date(now);
      i.withdrawnAt = null;
      i.withdrawReason = null;
      return em.save(i);
    });
  }

  /**
   * A payload shows only what the caller may read: the platform records the mount of an interface
   * whose entry was never published (第十七条: what is being built), but is not shown the entry
   * (the catalogue's visibility rule, 第五条): the payload's interface is then null, with no userErrors.
   */
  async shownTo(ctx: RequestContext, i: SharingInterface | null): Promise<SharingInterface | null> {
    return i && (await isVisibleTo(readerOf(this.ds, ctx), ctx.caller, i.resourceId)) ? i : null;
  }

  /** 第十七条: the bureau or the platform records that a mounted interface was withdrawn. */
  async withdraw(ctx: RequestContext, input: InterfaceWithdrawInput): Promise<Outcome<SharingInterface>> {
    if (typeof input.reason === 'string') input.reason = input.reason.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const i = await lockInterface(em, input.interfaceId);
      if (i.mountStatus !== MountStatus.MOUNTED) {
        refuse(UserErrorCode.INVALID_TRANSITION, '只有已挂接的共享接口可以撤销挂接', ['input', 'interfaceId'], '第十七条');
      }
      i.mountStatus = MountStatus.WITHDRAWN;
      i.withdrawnAt = this.clock.now();
      i.withdrawReason = input.reason;
      return em.save(i);
    });
  }
}

async function lockInterface(em: EntityManager, id: string): Promise<SharingInterface> {
  const i = await em.findOne(SharingInterface, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!i) refuse(UserErrorCode.NOT_FOUND, '共享接口不存在', ['input', 'interfaceId']);
  return i;
}

/** The resource, locked against changes of its sharing type or frequency while its interfaces change. */
async function lockForShare(em: EntityManager, id: string): Promise<InformationResource> {
  return (await em.findOne(InformationResource, { where: { id }, lock: { mode: 'pessimistic_read' } }))!;
}

/** Interfaces serve live, shareable resources only. */
function resourceProblems(r: InformationResource, field: string[]): UserError[] {
  if (r.status === ResourceStatus.RETIRED) return [userError(UserErrorCode.INVALID_TRANSITION, '该信息资源已停用，不能再变更其共享接口', field)];
  // 第九条: a resource not shared (by its legal basis) has no sharing interface.
  if (r.sharingType === SharingType.NOT_SHARED) {
    return [userError(UserErrorCode.RULE_VIOLATION, '不予共享的信息资源不能登记共享接口', field, '第九条')];
  }
  // 第九条: the sharing list holds what the sharing analysis found shareable, unconditionally or on a condition.
  if (!SHAREABLE.includes(r.sharingType as SharingType)) {
    return [userError(UserErrorCode.RULE_VIOLATION, '信息资源尚未确定为无条件共享或有条件共享，不能登记共享接口', field, '第九条')];
  }
  return [];
}

/** 第五条、第九条: only an entry the bureau has published (reviewed) is mounted on the city platform. */
function mountProblems(r: InformationResource): UserError[] {
  if (r.status === ResourceStatus.PUBLISHED) return [];
  const message = `信息资源 ${r.code} 当前为「${RESOURCE_STATUS_LABEL[r.status]}」，须经大数据管理局审核发布后才能挂接共享接口`;
  return [userError(UserErrorCode.RULE_VIOLATION, message, ['input', 'interfaceId'], '第九条')];
}

function endpointProblems(kind: InterfaceKind, endpoint: string, field: string[]): UserError[] {
  const p = endpointProblem(kind, endpoint);
  return p ? [userError(p.code, p.message, field, p.article)] : [];
}

/** 第十七条 (实时数据传输): an interface syncs at least as often as its resource is updated. */
function frequencyProblems(sync: UpdateFrequency, r: InformationResource): UserError[] {
  if (!syncTooRare(sync, r.updateFrequency)) return [];
  const message = `同步频率（${FREQUENCY_NAME[sync]}）不能低于信息资源的更新周期（${FREQUENCY_NAME[r.updateFrequency!]}）`;
  return [userError(UserErrorCode.RULE_VIOLATION, message, ['input', 'syncFrequency'], '第十七条')];
}

async function consumerProblems(em: EntityManager, ids: string[]): Promise<UserError[]> {
  if (ids.length === 0) return [];
  const found = new Set((await em.find(Organization, { where: { id: In(ids) }, select: { id: true } })).map((o) => o.id));
  return ids.flatMap((id, i) => (found.has(id) ? [] : [userError(UserErrorCode.NOT_FOUND, '使用单位不存在', ['input', 'consumerIds', String(i)])]));
}

async function consumerIdsOf(em: EntityManager, interfaceId: string): Promise<string[]> {
  const rows: { organization_id: string }[] = await em.query(`SELECT organization_id FROM sharing_interface_consumer WHERE interface_id = $1`, [interfaceId]);
  return rows.map((r) => r.organization_id);
}
