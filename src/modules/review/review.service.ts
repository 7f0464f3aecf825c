import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Clock } from '../../common/clock';
import { mutate, Outcome } from '../../db/transaction';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserError, userError, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { Role } from '../../common/role.enums';
import { shanghaiDateOf } from '../../common/dates';
import { badInput } from '../../common/errors';
import { enabledExperts } from '../auth';
import { latestDeclarationSql, Project, ProjectStatus, STATUS_LABELS } from '../project';
import { NotificationEventKind, recordEvents } from '../notification';
import { ExpertAssignment } from './expert-assignment.entity';
import { ExpertOpinion } from './expert-opinion.entity';
import { ExpertReview } from './expert-review.entity';
import { ReviewStage } from './review.enums';
import * as I from './review.inputs';
import { acceptanceDecisionProblems, assignmentProblems, CurrentOpinion, expertDirectory, planDecisionProblems } from './review.rules';
import { Expert, EXPERT_LIST_CAP } from './review.payloads';

type Target = Pick<I.ExpertAssignInput, 'projectId' | 'applicationId'>;

/**
 * 专家评审 (第六条): the leading-group office assigns experts to a review — of a declared plan
 * (第十条) or of an acceptance application (第二十五条) — and only they give opinions, which they may
 * revise until the decision (earlier versions kept). Each mutation one transaction.
 */
export class ReviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * 第六条: the experts the office may assign — enabled accounts holding the EXPERT role, by name,
   * at most EXPERT_LIST_CAP; `nameContains` (trimmed, at most 50 characters) narrows them.
   */
  async experts(_ctx: RequestContext, nameContains: string | null | undefined): Promise<Expert[]> {
    const term = typeof nameContains === 'string' ? nameContains.trim() : '';
    if (term.length > 50) throw badInput('nameContains', '姓名检索词不能超过50个字符');
    const rows = await enabledExperts(this.ds, term || null, EXPERT_LIST_CAP);
    return rows.map((r) => ({ userId: r.id, name: r.name, organizationName: r.organizationName }));
  }

  /** 第六条: the office assigns experts; the review of a declared plan is opened by its first assignment. */
  async assign(ctx: RequestContext, input: I.ExpertAssignInput): Promise<Outcome<ExpertReview>> {
    const caller = ctx.caller!; // the resolver is @Authorized
    if (Array.isArray(input.expertUserIds)) input.expertUserIds = input.expertUserIds.map((id) => (typeof id === 'string' ? id.trim() : id));
    const errors = [...(await validateInput(input)), ...targetProblems(input)];
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const now = this.clock.now();
      const { review, project } = await openReviewFor(em, input, true);
      const assigned = new Set((await em.findBy(ExpertAssignment, { reviewId: review.id })).map((a) => a.expertUserId));
      const entries = await expertDirectory(em, input.expertUserIds);
      const problems = assignmentProblems(entries, assigned, ['input', 'expertUserIds']);
      if (problems.length) throw new UserErrorsException(problems);
      await em.insert(
        ExpertAssignment,
        entries.map((e) => ({ reviewId: review.id, expertUserId: e.userId, expertName: e.name, assignedBy: caller.userId, assignedAt: now })),
      );
      // 第六条: the experts learn of it (to-do EXPERT_REVIEW, reminder REVIEW_ASSIGNED) if and only if this commits.
      await recordEvents(
        em,
        [
          {
            kind: NotificationEventKind.REVIEW_ASSIGNED,
            roles: [Role.EXPERT],
            data: {
              reviewId: review.id,
              stage: review.stage,
              projectId: project.id,
              projectCode: project.code,
              projectName: project.name,
              applicationId: review.applicationId,
              expertUserIds: entries.map((e) => e.userId),
              assignedOn: shanghaiDateOf(now),
              article: review.stage === ReviewStage.PLAN ? '第十条' : '第二十五条',
            },
          },
        ],
        now,
      );
      return em.findOneByOrFail(ExpertReview, { id: review.id });
    });
  }

  /** 第六条: an assigned expert records an opinion, or revises their own; the earlier version is kept, superseded. */
  async recordOpinion(ctx: RequestContext, input: I.ExpertOpinionRecordInput): Promise<Outcome<ExpertOpinion>> {
    const caller = ctx.caller!;
    if (typeof input.opinion === 'string') input.opinion = input.opinion.trim();
    const errors = [...(await validateInput(input)), ...targetProblems(input)];
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const now = this.clock.now();
      const { review } = await openReviewFor(em, input, false);
      const assignment = await em.findOneBy(ExpertAssignment, { reviewId: review.id, expertUserId: caller.userId });
      if (!assignment) {
        refuse(UserErrorCode.NOT_ALLOWED, '您未被领导小组办公室指派参加本次评审，不能登记意见', targetField(input), '第六条');
      }
      const current = await em.findOneBy(ExpertOpinion, { reviewId: review.id, expertUserId: caller.userId, supersededAt: IsNull() });
      if (current) await em.update(ExpertOpinion, { id: current.id }, { supersededAt: now });
      const { identifiers } = await em.insert(ExpertOpinion, {
        reviewId: review.id,
        expertUserId: caller.userId,
        expertName: caller.name ?? null,
        expertOrganizationId: caller.organizationId,
        opinion: input.opinion,
        conclusion: input.conclusion,
        version: (current?.version ?? 0) + 1,
        recordedAt: now,
      });
      if (caller.name) await em.update(ExpertAssignment, { id: assignment.id }, { expertName: caller.name });
      return em.findOneByOrFail(ExpertOpinion, { id: identifiers[0].id as string });
    });
  }
}

// ── For the modules that decide (inside their transaction) ─────────────────────────────────────

/** 第二十五条: the acceptance module opens the review of an application with the application. */
export async function openAcceptanceReview(em: EntityManager, applicationId: string, projectId: string, at: Date): Promise<void> {
  await em.insert(ExpertReview, { stage: ReviewStage.ACCEPTANCE, projectId, applicationId, openedAt: at });
}

/** 第二十五条: what refuses a PASSED result — no current opinion, or one concluding FAIL. Locks the review. */
export async function acceptanceReviewProblems(em: EntityManager, applicationId: string, field: string[]): Promise<UserError[]> {
  const review = await em.findOne(ExpertReview, { where: { applicationId }, lock: { mode: 'pessimistic_write' } });
  return acceptanceDecisionProblems(review ? await currentOpinions(em, review.id) : [], field);
}

/** 第二十五条: the result is recorded; the review is decided and its opinions final. */
export async function closeAcceptanceReview(em: EntityManager, applicationId: string, at: Date): Promise<void> {
  await em.update(ExpertReview, { applicationId, decidedAt: IsNull() }, { decidedAt: at });
}

/**
 * 第十条: the check projectApprove runs (given to the project module by the composition root): the
 * review of the current declaration complete to `quorum` (PLAN_REVIEW_QUORUM) and no opinion FAIL.
 */
export function planReviewCheck(quorum: number) {
  return async (em: EntityManager, project: Pick<Project, 'id'>): Promise<UserError[]> => {
    const [row] = await em.query(
      `SELECT r.id, (SELECT count(*)::int FROM expert_assignment a WHERE a.review_id = r.id) AS assigned
         FROM expert_review r WHERE r.declaration_id = ${latestDeclarationSql('$1::uuid')}`,
      [project.id],
    );
    const opinions = row ? await currentOpinions(em, row.id as string) : [];
    return planDecisionProblems((row?.assigned as number | undefined) ?? null, opinions, quorum, ['input', 'projectId']);
  };
}

// ── Helpers without state ──

/** Current opinions of assigned experts. */
async function currentOpinions(em: EntityManager, reviewId: string): Promise<CurrentOpinion[]> {
  return em.query(
    `SELECT o.expert_user_id AS "expertUserId", o.conclusion FROM expert_opinion o
       JOIN expert_assignment a ON a.review_id = o.review_id AND a.expert_user_id = o.expert_user_id
      WHERE o.review_id = $1 AND o.superseded_at IS NULL`,
    [reviewId],
  );
}

const targetField = (t: Target) => (t.applicationId ? ['input', 'applicationId'] : ['input', 'projectId']);

function targetProblems(t: Target): UserError[] {
  if (!t.projectId === !t.applicationId) {
    return [userError(UserErrorCode.INVALID, '请指定 projectId（建设计划和建设方案评审）或 applicationId（竣工验收申请）之一', ['input'], '第六条')];
  }
  return [];
}

/**
 * The open review of a target, locked with its project (decisions lock the project first too, so an
 * opinion and a decision are taken one after the other). `create`: a plan review is opened when
 * the declaration has none yet (the office's first assignment).
 */
async function openReviewFor(em: EntityManager, t: Target, create: boolean): Promise<{ review: ExpertReview; project: Project }> {
  const field = targetField(t);
  if (t.applicationId) {
    const found = await em.findOneBy(ExpertReview, { applicationId: t.applicationId });
    if (!found) refuse(UserErrorCode.NOT_FOUND, '验收申请不存在', field);
    const project = await lockProject(em, found.projectId, field);
    const review = await em.findOneOrFail(ExpertReview, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
    if (review.decidedAt) refuse(UserErrorCode.INVALID_TRANSITION, '该验收申请已登记验收结论，评审已结束', field, '第二十五条');
    if (project.status !== ProjectStatus.ACCEPTANCE_APPLIED) {
      refuse(
        UserErrorCode.INVALID_TRANSITION,
        `项目当前状态为「${STATUS_LABELS[project.status]}」，仅在「${STATUS_LABELS[ProjectStatus.ACCEPTANCE_APPLIED]}」期间进行验收评审`,
        field,
        '第二十五条',
      );
    }
    return { review, project };
  }
  const project = await lockProject(em, t.projectId!, field);
  if (project.status !== ProjectStatus.DECLARED) {
    refuse(
      UserErrorCode.INVALID_TRANSITION,
      `项目当前状态为「${STATUS_LABELS[project.status]}」，仅在「${STATUS_LABELS[ProjectStatus.DECLARED]}」期间评审建设计划和建设方案`,
      field,
      '第十条',
    );
  }
  const [{ id: declarationId }] = await em.query(`SELECT ${latestDeclarationSql('$1::uuid')} AS id`, [project.id]);
  if (!declarationId) refuse(UserErrorCode.INVALID_TRANSITION, '项目没有申报记录，不能评审', field, '第十条');
  let review = await em.findOne(ExpertReview, { where: { declarationId }, lock: { mode: 'pessimistic_write' } });
  if (!review && !create) refuse(UserErrorCode.NOT_ALLOWED, '您未被领导小组办公室指派参加本次评审，不能登记意见', field, '第六条');
  if (!review) {
    const { identifiers } = await em.insert(ExpertReview, { stage: ReviewStage.PLAN, projectId: project.id, declarationId });
    review = await em.findOneByOrFail(ExpertReview, { id: identifiers[0].id as string });
  }
  return { review, project };
}

async function lockProject(em: EntityManager, id: string, field: string[]): Promise<Project> {
  const project = await em.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!project) refuse(UserErrorCode.NOT_FOUND, '项目不存在', field);
  return project;
}
