import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { mutate, Outcome, registerUniqueViolation } from '../../db/transaction';
import { ConnectionArgs } from '../../graphql/connection';
import { Page, paginate } from '../../common/paging';
import { badInput } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserErrorCode } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Caller, hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { RESOURCE_STATUS_LABEL, ResourceStatus, SharingType, InformationResource, whereVisible } from '../catalogue';
import { daysBetween, shanghaiDateOf } from '../../common/dates';
import { addWorkingDays, calendarCovers } from '../../common/working-days';
import { isOversight } from '../project';
import { consumerJoinResource } from '../sharing';
import { PENDING_REQUEST_KEY, SharingRequest } from './sharing-request.entity';
import { SHARING_REQUEST_STATUS_LABEL, SharingRequestStatus } from './sharing-request.enums';
import { SharingRequestApproveInput, SharingRequestCreateInput, SharingRequestFilter, SharingRequestRejectInput } from './sharing-request.inputs';
import { NotificationEventKind, recordEvents } from '../notification';
import { isCalendarDate, isUuid } from '../../graphql/scalars';

registerUniqueViolation({
  constraint: PENDING_REQUEST_KEY,
  field: ['input', 'resourceId'],
  message: '本单位对该信息资源已有待答复的共享申请',
});

/** 国发〔2016〕51号《政务信息资源共享管理暂行办法》: 提供部门应在10个工作日内予以答复. */
export const ANSWER_WORKING_DAYS = 10;

/** Serialises the requests of one organisation for one resource (pg_advisory_xact_lock key, with hashtext(resource/consumer)). */

/**
 * The answer due date of a request made on `requestDate` (Asia/Shanghai): 10 working days later
 * (国发〔2016〕51号). When the days run into a year whose holiday notice is not in the calendar
 * yet, the date is provisional (weekdays less the fixed-date statutory holidays): a request is
 * never refused for want of a data file, and refreshDueDates corrects it once the notice is in.
 */
export function answerDueOn(requestDate: string): { dueOn: string; provisional: boolean } {
  const dueOn = addWorkingDays(requestDate, ANSWER_WORKING_DAYS, { provisional: true });
  return { dueOn, provisional: !calendarCovers(requestDate, dueOn) };
}

/**
 * Recomputes the due dates of pending requests from their request dates with the calendar this
 * process holds, so that provisional ones become exact once the holiday notice of their year is
 * entered: at start (main.ts) and inside the transaction of workingCalendarYearSet. Returns how
 * many changed. The one place this logic lives.
 */
export async function refreshAnswerDueDates(em: EntityManager): Promise<number> {
  const pending = await em.getRepository(SharingRequest).find({ where: { status: SharingRequestStatus.PENDING } });
  let changed = 0;
  for (const r of pending) {
    const { dueOn } = answerDueOn(shanghaiDateOf(r.requestedAt));
    if (dueOn === r.dueOn) continue;
    await em.getRepository(SharingRequest).update({ id: r.id, status: SharingRequestStatus.PENDING }, { dueOn });
    changed++;
  }
  return changed;
}

/**
 * 共享申请 (国发〔2016〕51号): a consuming organisation applies for a CONDITIONAL resource; the
 * provider (or the big-data bureau, 第五条) answers within 10 working days, a refusal with its
 * reason; an approval makes the consumer a consumer of the resource's live interfaces (第九条 共享清单).
 */
export class SharingRequestService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
    private readonly clock: Clock,
  ) {}

  /** True while the due date was computed without the holiday notice of a year it runs into. */
  dueOnProvisional(s: SharingRequest): boolean {
    return !calendarCovers(shanghaiDateOf(s.requestedAt), s.dueOn);
  }

  /** Recomputes the provisional (or stale) due dates of pending requests; run at start (main.ts). */
  refreshDueDates(): Promise<number> {
    return refreshAnswerDueDates(this.ds.manager);
  }

  /** Today in the Asia/Shanghai calendar, by the service's clock. */
  today(): string {
    return shanghaiDateOf(this.clock.now());
  }

  /** Days until a pending request is due (negative when overdue); null once answered. */
  daysLeft(r: SharingRequest): number | null {
    return r.status === SharingRequestStatus.PENDING ? daysBetween(this.today(), r.dueOn) : null;
  }

  /** A pending request past its due date (the due date itself is still in time). */
  overdue(r: SharingRequest): boolean {
    return r.status === SharingRequestStatus.PENDING && r.dueOn < this.today();
  }

  /** The requests the caller may read, by due date. */
  async list(ctx: RequestContext, filter: SharingRequestFilter = {}, args: ConnectionArgs = {}): Promise<Page<SharingRequest>> {
    const qb = this.ds.getRepository(SharingRequest).createQueryBuilder('s').innerJoin('s.resource', 'r');
    readable(qb, ctx.caller);
    const ids = { resourceId: 's.resourceId', consumerOrganizationId: 's.consumerOrganizationId', providerOrganizationId: 'r.providerId' } as const;
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      const id = filter[key];
      if (!id) continue;
      if (!isUuid(id)) throw badInput('filter', `${key} 格式无效`);
      qb.andWhere(`${ids[key]} = :f_${key}`, { [`f_${key}`]: id });
    }
    if (filter.status) qb.andWhere('s.status = :f_status', { f_status: filter.status });
    if (filter.overdueOnly) {
      qb.andWhere('s.status = :f_pending AND s.dueOn < :f_today', { f_pending: SharingRequestStatus.PENDING, f_today: this.today() });
    }
    return paginate(
      qb,
      args,
      { expression: 's.dueOn', value: (s) => s.dueOn, valid: (v) => typeof v === 'string' && isCalendarDate(v) },
      this.config.maxPageSize,
    );
  }

  /** A project unit applies, for its organisation, to use a published CONDITIONAL resource (国发〔2016〕51号). */
  async create(ctx: RequestContext, input: SharingRequestCreateInput): Promise<Outcome<SharingRequest>> {
    if (typeof input.purpose === 'string') input.purpose = input.purpose.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const caller = ctx.caller!;
      const field = ['input', 'resourceId'];
      const consumerId = caller.organizationId;
      if (!hasRole(caller, Role.PROJECT_UNIT) || !consumerId) refuse(UserErrorCode.NOT_ALLOWED, '只有项目建设单位可以提出共享申请', field);
      const visible = await whereVisible(
        em.getRepository(InformationResource).createQueryBuilder('r').where('r.id = :id', { id: input.resourceId }),
        caller,
        'r',
      ).getOne();
      if (!visible) refuse(UserErrorCode.NOT_FOUND, '信息资源不存在', field);
      // Locked against a change of its sharing type while the request is checked and written.
      const r = (await em.findOne(InformationResource, { where: { id: visible.id }, lock: { mode: 'pessimistic_read' } }))!;
      // 第五条: only what the bureau has published is in the shared catalogue.
      if (r.status !== ResourceStatus.PUBLISHED) {
        refuse(UserErrorCode.INVALID_TRANSITION, `只能申请已发布的信息资源（当前状态：${RESOURCE_STATUS_LABEL[r.status]}）`, field);
      }
      if (r.providerId === consumerId) refuse(UserErrorCode.NOT_ALLOWED, '该信息资源由本单位提供，无需申请共享', field);
      // 国发〔2016〕51号: 无条件共享类 is used without asking; 不予共享类 cannot be asked for; 有条件共享类 needs a request.
      if (r.sharingType === SharingType.UNCONDITIONAL) {
        refuse(UserErrorCode.NOT_NEEDED, '该信息资源为无条件共享，无需申请，可直接通过共享交换平台获取', field);
      }
      if (r.sharingType === SharingType.NOT_SHARED) refuse(UserErrorCode.RULE_VIOLATION, '该信息资源为不予共享，不能申请共享', field);
      if (r.sharingType !== SharingType.CONDITIONAL) refuse(UserErrorCode.INVALID, '该信息资源尚未确定共享类型，不能申请共享', field);
      // The partial unique index sharing_request_pending_key settles a race between two such requests.
      if (await em.existsBy(SharingRequest, { resourceId: r.id, consumerOrganizationId: consumerId, status: SharingRequestStatus.PENDING })) {
        refuse(UserErrorCode.DUPLICATE, '本单位对该信息资源已有待答复的共享申请', field);
      }
      const now = this.clock.now();
      const due = answerDueOn(shanghaiDateOf(now));
      if (due.provisional) ctx.log.warn({ dueOn: due.dueOn }, 'working-day calendar lacks a year: provisional due date');
      const saved = await em.save(
        em.create(SharingRequest, {
          resourceId: r.id,
          consumerOrganizationId: consumerId,
          requestedBy: caller.userId,
          purpose: input.purpose,
          status: SharingRequestStatus.PENDING,
          requestedAt: now,
          dueOn: due.dueOn,
        }),
      );
      // The provider must answer: it is told in the same transaction (reminder SHARING_REQUEST_CREATED).
      await recordEvents(
        em,
        [
          {
            kind: NotificationEventKind.SHARING_REQUEST_CREATED,
            organizationIds: [r.providerId],
            data: {
              sharingRequestId: saved.id,
              resourceId: r.id,
              resourceCode: r.code,
              resourceName: r.name,
              consumerOrganizationId: consumerId,
              purpose: saved.purpose,
              dueOn: saved.dueOn,
            },
          },
        ],
        now,
      );
      return saved;
    });
  }

  /** The provider or the bureau approves; in the same transaction the consumer joins every interface of the resource not withdrawn. */
  async approve(ctx: RequestContext, input: SharingRequestApproveInput): Promise<Outcome<SharingRequest>> {
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return this.answer(ctx, input.requestId, async (em, request, resource) => {
      const field = ['input', 'requestId'];
      if (resource.status === ResourceStatus.RETIRED) refuse(UserErrorCode.INVALID_TRANSITION, '该信息资源已停用，不能同意共享申请', field);
      if (resource.sharingType === SharingType.NOT_SHARED) {
        refuse(UserErrorCode.RULE_VIOLATION, '该信息资源已改为不予共享，不能同意共享申请', field);
      }
      request.status = SharingRequestStatus.APPROVED;
      // 第九条 共享清单: the consumer becomes a 使用单位 of each live interface, through the sharing module (which keeps the cap).
      await consumerJoinResource(em, resource.id, request.consumerOrganizationId, field);
    });
  }

  /** The provider or the bureau refuses, with the reason (国发〔2016〕51号: 对不予共享的，提供部门应说明理由). */
  async reject(ctx: RequestContext, input: SharingRequestRejectInput): Promise<Outcome<SharingRequest>> {
    if (typeof input.reason === 'string') input.reason = input.reason.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return this.answer(ctx, input.requestId, async (_em, request) => {
      request.status = SharingRequestStatus.REJECTED;
      request.rejectionReason = input.reason;
    });
  }

  /** Locks a pending request, checks that the caller answers for its resource, applies `decide`, and records who answered when. */
  private answer(
    ctx: RequestContext,
    requestId: string,
    decide: (em: EntityManager, request: SharingRequest, resource: InformationResource) => Promise<void>,
  ): Promise<Outcome<SharingRequest>> {
    return mutate(this.ds, ctx, async (em) => {
      const field = ['input', 'requestId'];
      const caller = ctx.caller!;
      const request = await em.findOne(SharingRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) refuse(UserErrorCode.NOT_FOUND, '共享申请不存在', field);
      const resource = (await em.findOne(InformationResource, { where: { id: request.resourceId }, lock: { mode: 'pessimistic_read' } }))!;
      if (!answersFor(caller, resource)) refuse(UserErrorCode.NOT_ALLOWED, '只有信息资源的提供单位或大数据管理局可以答复共享申请', field);
      if (request.status !== SharingRequestStatus.PENDING) {
        refuse(UserErrorCode.INVALID_TRANSITION, `该共享申请${SHARING_REQUEST_STATUS_LABEL[request.status]}，不能再次答复`, field);
      }
      await decide(em, request, resource);
      request.answeredAt = this.clock.now();
      request.answeredBy = caller.userId;
      return em.save(request);
    });
  }
}

/** The provider's project units answer for its resources; the bureau answers for any (第五条). */
function answersFor(caller: Caller, resource: InformationResource): boolean {
  if (hasRole(caller, Role.BIG_DATA_BUREAU)) return true;
  return hasRole(caller, Role.PROJECT_UNIT) && !!caller.organizationId && caller.organizationId === resource.providerId;
}

/** Oversight roles read every request; a project unit the requests its organisation made or must answer; others none. */
function readable(qb: SelectQueryBuilder<SharingRequest>, caller: Caller | null): void {
  if (isOversight(caller)) return;
  const org = hasRole(caller, Role.PROJECT_UNIT) ? caller?.organizationId : null;
  if (!org) qb.andWhere('1 = 0');
  else qb.andWhere('(s.consumerOrganizationId = :readerOrg OR r.providerId = :readerOrg)', { readerOrg: org });
}
