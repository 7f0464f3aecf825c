import { DataSource, EntityManager } from 'typeorm';
import { mutate, Outcome } from '../../db/transaction';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';
import { projectForChange } from '../project';
import { ResourceStatus } from './catalogue.enums';
import { isVisibleTo } from './resource.search';
import { DataItem } from './data-item.entity';
import { InformationResource } from './information-resource.entity';
import { ResourceIdInput, ResourceRetireInput, ResourceReturnInput } from './resource.inputs';
import { submissionProblems } from './resource.rules';
import { ResourceVersion } from './resource-version.entity';
import { shanghaiDateOf } from '../../common/dates';
import type { Clock } from '../../common/clock';
import { catalogueRecord } from './catalogue.record';
import { NotificationEventKind, recordEvents } from '../notification';

const STATUS_NAME: Record<ResourceStatus, string> = {
  [ResourceStatus.DRAFT]: '草稿',
  [ResourceStatus.SUBMITTED]: '已提交',
  [ResourceStatus.PUBLISHED]: '已发布',
  [ResourceStatus.RETURNED]: '已退回',
  [ResourceStatus.RETIRED]: '已停用',
};

/**
 * The review of catalogue entries (第五条: 大数据管理局负责信息资源目录审核、数据资源发布):
 * DRAFT/RETURNED → SUBMITTED (the project unit) → PUBLISHED | RETURNED (the bureau);
 * DRAFT/RETURNED/PUBLISHED → RETIRED (the project unit or the bureau). Each publication is kept
 * as a ResourceVersion snapshot.
 */
export class ResourceReviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The project unit hands a complete entry to the bureau (第八条、第九条 completeness; 第五条 review). */
  async submit(ctx: RequestContext, input: ResourceIdInput): Promise<Outcome<InformationResource>> {
    return this.step(ctx, input, async (em, r) => {
      await projectForChange(em, ctx.caller!, r.projectId, ['input', 'id']);
      const locked = await lockResource(em, r.id);
      assertStatus(locked, [ResourceStatus.DRAFT, ResourceStatus.RETURNED], '提交');
      const items = await em.countBy(DataItem, { resourceId: r.id });
      const problems = submissionProblems(locked, items);
      if (problems.length) throw new UserErrorsException(problems);
      locked.status = ResourceStatus.SUBMITTED;
      return em.save(locked);
    });
  }

  /** 第五条: the bureau publishes a submitted entry, and its content as published is frozen as a version. */
  async publish(ctx: RequestContext, input: ResourceIdInput): Promise<Outcome<InformationResource>> {
    return this.step(ctx, input, async (em, r) => {
      const locked = await lockResource(em, r.id);
      assertStatus(locked, [ResourceStatus.SUBMITTED], '发布');
      const publishedAt = this.clock.now();
      locked.status = ResourceStatus.PUBLISHED;
      locked.publishedOn ??= shanghaiDateOf(publishedAt);
      locked.returnReason = null;
      const saved = await em.save(locked);
      await em.save(
        em.create(ResourceVersion, {
          resourceId: saved.id,
          version: saved.version,
          snapshot: await snapshotOf(em, saved),
          publishedAt,
          publishedBy: ctx.caller!.userId,
        }),
      );
      return saved;
    });
  }

  /** 第五条: the bureau returns a submitted entry to its project unit, saying why. */
  async return(ctx: RequestContext, input: ResourceReturnInput): Promise<Outcome<InformationResource>> {
    input.reason = typeof input.reason === 'string' ? input.reason.trim() : input.reason;
    return this.step(ctx, input, async (em, r) => {
      const locked = await lockResource(em, r.id);
      assertStatus(locked, [ResourceStatus.SUBMITTED], '退回');
      locked.status = ResourceStatus.RETURNED;
      locked.returnReason = input.reason;
      const saved = await em.save(locked);
      // The provider learns of it (to-do RESOURCE_REVISION, reminder RESOURCE_RETURNED) if and only if this commits.
      await recordEvents(
        em,
        [
          {
            kind: NotificationEventKind.RESOURCE_RETURNED,
            organizationIds: [saved.providerId],
            data: { resourceId: saved.id, resourceCode: saved.code, resourceName: saved.name, reason: saved.returnReason, article: '第五条' },
          },
        ],
        this.clock.now(),
      );
      return saved;
    });
  }

  /** Retires an entry: its project unit or the bureau. Published versions are kept (第五条). */
  async retire(ctx: RequestContext, input: ResourceRetireInput): Promise<Outcome<InformationResource>> {
    return this.step(ctx, input, async (em, r) => {
      if (!hasRole(ctx.caller, Role.BIG_DATA_BUREAU)) await projectForChange(em, ctx.caller!, r.projectId, ['input', 'id']);
      const locked = await lockResource(em, r.id);
      assertStatus(locked, [ResourceStatus.DRAFT, ResourceStatus.RETURNED, ResourceStatus.PUBLISHED], '停用');
      locked.status = ResourceStatus.RETIRED;
      locked.retireReason = input.reason?.trim() || null;
      return em.save(locked);
    });
  }

  /** Validates the input, finds the entry, and runs the step in one transaction. */
  private async step<I extends ResourceIdInput>(
    ctx: RequestContext,
    input: I,
    work: (em: EntityManager, r: InformationResource) => Promise<InformationResource>,
  ): Promise<Outcome<InformationResource>> {
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const r = await em.findOneBy(InformationResource, { id: input.id });
      // An entry the caller may not read is not found to it (第五条、第十三条).
      if (!r || !(await isVisibleTo(em, ctx.caller, r.id))) refuse(UserErrorCode.NOT_FOUND, '信息资源不存在', ['input', 'id']);
      return work(em, r);
    });
  }
}

async function lockResource(em: EntityManager, id: string): Promise<InformationResource> {
  return (await em.findOne(InformationResource, { where: { id }, lock: { mode: 'pessimistic_write' } }))!;
}

/** 第五条: each step of the review starts from the statuses it is defined for. */
function assertStatus(r: InformationResource, allowed: ResourceStatus[], action: string): void {
  if (!allowed.includes(r.status)) {
    refuse(
      UserErrorCode.INVALID_TRANSITION,
      `信息资源当前状态为「${STATUS_NAME[r.status]}」，不能${action}（须为${allowed.map((s) => `「${STATUS_NAME[s]}」`).join('或')}）`,
      ['input', 'id'],
      '第五条',
    );
  }
}

/** The entry's record (catalogue-record.ts) as it is being published, with its provider and project. */
async function snapshotOf(em: EntityManager, r: InformationResource): Promise<Record<string, unknown>> {
  const items = await em.find(DataItem, { where: { resourceId: r.id } });
  const provider = await em.findOneByOrFail(Organization, { id: r.providerId });
  return { ...catalogueRecord(r, items, provider), providerId: r.providerId, providerName: provider.name, projectId: r.projectId };
}
