import { DataSource, EntityManager } from 'typeorm';
import { mutate, Outcome } from '../../db/transaction';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';
import { projectForChange } from '../project';
import { RESOURCE_STATUS_LABEL, REVISION_STATUS_LABEL, ResourceStatus, RevisionStatus } from './catalogue.enums';
import { isVisibleTo } from './resource.search';
import { DataItem } from './data-item.entity';
import { InformationResource } from './information-resource.entity';
import { ResourceIdInput, ResourceRetireInput, ResourceReturnInput } from './resource.inputs';
import { dataItemProblems, metadataOf, submissionProblems } from './resource.rules';
import { ResourceRevision } from './resource-revision.entity';
import { applyRevision, draftOf, itemsOf, lockRevision } from './resource-revision';
import type { ResourceChangeCheck } from './resource.service';
import { ResourceVersion } from './resource-version.entity';
import { shanghaiDateOf } from '../../common/dates';
import type { Clock } from '../../common/clock';
import { catalogueRecord } from './catalogue.record';
import { NotificationEventKind, recordEvents } from '../notification';

/**
 * The review of catalogue entries (第五条: 大数据管理局负责信息资源目录审核、数据资源发布):
 * DRAFT/RETURNED → SUBMITTED (the project unit) → PUBLISHED | RETURNED (the bureau);
 * DRAFT/RETURNED/PUBLISHED → RETIRED (the project unit or the bureau). Each publication is kept
 * as a ResourceVersion snapshot. A PUBLISHED entry stays published while its revision takes the same
 * steps (DRAFT/RETURNED → SUBMITTED → published as the next version | RETURNED), or is withdrawn.
 */
export class ResourceReviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    /** What other modules refuse of a change to an entry, run again when a revision is published; wired in services.ts. */
    private readonly changeChecks: ResourceChangeCheck[] = [],
  ) {}

  /** The project unit hands a complete entry to the bureau (第八条、第九条 completeness; 第五条 review). */
  async submit(ctx: RequestContext, input: ResourceIdInput): Promise<Outcome<InformationResource>> {
    return this.step(ctx, input, async (em, r) => {
      await projectForChange(em, ctx.caller!, r.projectId, ['input', 'id']);
      const locked = await lockResource(em, r.id);
      const revision = await this.revisionAt(em, locked, [RevisionStatus.DRAFT, RevisionStatus.RETURNED], '提交');
      if (revision) {
        // 第五条: the revision goes to the bureau; the published version stays what readers see.
        const draft = draftOf(locked, revision, []);
        const problems = [...submissionProblems(metadataOf(draft, draft.code), revision.dataItems.length), ...dataItemProblems(revision.dataItems)];
        if (problems.length) throw new UserErrorsException(problems);
        revision.status = RevisionStatus.SUBMITTED;
        await em.save(revision);
        return locked;
      }
      assertStatus(locked, [ResourceStatus.DRAFT, ResourceStatus.RETURNED], '提交');
      const items = await itemsOf(em, r.id);
      const problems = [...submissionProblems(locked, items.length), ...dataItemProblems(items)];
      if (problems.length) throw new UserErrorsException(problems);
      locked.status = ResourceStatus.SUBMITTED;
      return em.save(locked);
    });
  }

  /** 第五条: the bureau publishes a submitted entry, and its content as published is frozen as a version. */
  async publish(ctx: RequestContext, input: ResourceIdInput): Promise<Outcome<InformationResource>> {
    return this.step(ctx, input, async (em, r) => {
      const locked = await lockResource(em, r.id);
      const revision = await this.revisionAt(em, locked, [RevisionStatus.SUBMITTED], '发布');
      if (revision) {
        // 第五条: the revision becomes the entry as published, if the sharing list still allows it (第九条、第十七条).
        const before = { sharingType: locked.sharingType, updateFrequency: locked.updateFrequency };
        const draft = draftOf(locked, revision, []);
        const problems = [];
        for (const check of this.changeChecks) problems.push(...(await check(em, draft, before)));
        if (problems.length) throw new UserErrorsException(problems);
        await applyRevision(em, locked, revision);
      } else {
        assertStatus(locked, [ResourceStatus.SUBMITTED], '发布');
      }
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
      const revision = await this.revisionAt(em, locked, [RevisionStatus.SUBMITTED], '退回');
      let saved = locked;
      if (revision) {
        // 第五条: the revision goes back to its unit; the published version stays published.
        revision.status = RevisionStatus.RETURNED;
        revision.returnReason = input.reason;
        await em.save(revision);
      } else {
        assertStatus(locked, [ResourceStatus.SUBMITTED], '退回');
        locked.status = ResourceStatus.RETURNED;
        locked.returnReason = input.reason;
        saved = await em.save(locked);
      }
      // The provider learns of it (to-do RESOURCE_REVISION, reminder RESOURCE_RETURNED) if and only if this commits.
      await recordEvents(
        em,
        [
          {
            kind: NotificationEventKind.RESOURCE_RETURNED,
            organizationIds: [saved.providerId],
            data: { resourceId: saved.id, resourceCode: saved.code, resourceName: saved.name, reason: input.reason, article: '第五条' },
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
      // A retired entry is history: a revision under way goes with it.
      await em.delete(ResourceRevision, { resourceId: locked.id });
      locked.status = ResourceStatus.RETIRED;
      locked.retireReason = input.reason?.trim() || null;
      return em.save(locked);
    });
  }

  /** 第五条: the unit withdraws the revision of a published entry, in any status; the published version stays. */
  async withdrawRevision(ctx: RequestContext, input: ResourceIdInput): Promise<Outcome<InformationResource>> {
    return this.step(ctx, input, async (em, r) => {
      await projectForChange(em, ctx.caller!, r.projectId, ['input', 'id']);
      const locked = await lockResource(em, r.id);
      const revision = await lockRevision(em, locked.id);
      if (!revision) refuse(UserErrorCode.INVALID_TRANSITION, '该信息资源没有进行中的修订，无可撤回', ['input', 'id'], '第五条');
      await em.remove(revision);
      return locked;
    });
  }

  /**
   * The revision a step on a PUBLISHED entry applies to, when it is in one of `allowed`; null for
   * an entry not published (the step applies to the entry itself). 第五条.
   */
  private async revisionAt(em: EntityManager, r: InformationResource, allowed: RevisionStatus[], action: string): Promise<ResourceRevision | null> {
    if (r.status !== ResourceStatus.PUBLISHED) return null;
    const revision = await lockRevision(em, r.id);
    if (revision && allowed.includes(revision.status)) return revision;
    const now = revision ? `其修订为「${REVISION_STATUS_LABEL[revision.status]}」` : '且没有进行中的修订';
    refuse(
      UserErrorCode.INVALID_TRANSITION,
      `信息资源已发布，${now}，不能${action}（修订须为${allowed.map((st) => `「${REVISION_STATUS_LABEL[st]}」`).join('或')}）`,
      ['input', 'id'],
      '第五条',
    );
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
      `信息资源当前状态为「${RESOURCE_STATUS_LABEL[r.status]}」，不能${action}（须为${allowed.map((s) => `「${RESOURCE_STATUS_LABEL[s]}」`).join('或')}）`,
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
