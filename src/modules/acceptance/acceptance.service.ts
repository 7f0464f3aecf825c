import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { mutate, Outcome } from '../../db/transaction';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserError, userError, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { buildingUnitIds, Project, ProjectStatus, projectForAction, recordTransition } from '../project';
import { AcceptanceApplication } from './acceptance-application.entity';
import { AcceptanceDocument } from './acceptance-document.entity';
import { AcceptanceResult } from './acceptance.enums';
import * as I from './acceptance.inputs';
import {
  APPLICATION_DOCUMENTS,
  documentProblems,
  DocumentRule,
  FAILED_DOCUMENTS,
  acceptanceDateProblems,
  mayReadApplications,
  PASSED_DOCUMENTS,
  thresholdProblems,
  timingProblems,
} from './acceptance.rules';
import { AcceptanceSnapshot } from './acceptance-snapshot.entity';
import { CompletenessReader, freezeSnapshot, SnapshotContent } from './acceptance.snapshot';
import { acceptanceReviewProblems, closeAcceptanceReview, openAcceptanceReview } from '../review';
import { shanghaiDateOf } from '../../common/dates';
import { isUuid } from '../../graphql/scalars';
import { trimmed } from '../../common/text';

const APPLICATION_FIELD = ['input', 'applicationId'];

/**
 * 竣工验收 (第二十四条至第二十六条): the project unit applies with its materials and the snapshot is
 * frozen; experts give their opinions; the leading-group office records the result and the filing.
 * Each mutation is one transaction; each status change a ProjectTransition row.
 */
/** What a rectification ordered with an acceptance result says (第三十三条). */
export interface RectificationTerms {
  reason: string;
  findings: string[];
  dueOn: string;
}

export class AcceptanceService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'acceptanceThresholds'>,
    private readonly clock: Clock,
    private readonly completeness: CompletenessReader,
    /**
     * 第三十三条: the rectification module's order, given by the composition root; run inside the
     * result's transaction (ctx.transaction), it answers its refusals.
     */
    private readonly orderRectification: (ctx: RequestContext, projectId: string, terms: RectificationTerms) => Promise<UserError[]> = async () => [
      userError(UserErrorCode.INVALID, '本服务未配置整改', ['input', 'rectificationDueOn']),
    ],
  ) {}

  /** An application by id, when the caller may read it (mayReadApplications); else null, as if it did not exist. */
  async findReadable(ctx: RequestContext, id: string): Promise<AcceptanceApplication | null> {
    if (!isUuid(id)) return null;
    const application = await this.ds.manager.findOneBy(AcceptanceApplication, { id });
    if (!application) return null;
    const project = await this.ds.manager.findOne(Project, { where: { id: application.projectId } });
    const units = await buildingUnitIds(this.ds.manager, application.projectId);
    return project && mayReadApplications(ctx.caller, project, units) ? application : null;
  }

  /** 第二十四条、第二十五条: after trial operation (or after a failed acceptance, rectified — 第三十三条) the unit applies. */
  async apply(ctx: RequestContext, input: I.AcceptanceApplyInput): Promise<Outcome<AcceptanceApplication>> {
    const caller = ctx.caller!; // the resolvers are @Authorized
    const errors = await this.documentErrors(input, input.documents, APPLICATION_DOCUMENTS);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(
      this.ds,
      ctx,
      async (em) => {
        const project = await projectForAction(em, caller, input.projectId, 'acceptanceApply');
        const now = this.clock.now();
        const problems = timingProblems(shanghaiDateOf(now), project);
        if (problems.length) throw new UserErrorsException(problems);
        const { identifiers } = await em.insert(AcceptanceApplication, { projectId: project.id, appliedAt: now, appliedBy: caller.userId });
        const id = identifiers[0].id as string;
        await insertDocuments(em, id, input.documents, now);
        // 第二十五条: 经专家咨询小组会商审核 — the review opens with the application; the office assigns its experts.
        await openAcceptanceReview(em, id, project.id, now);
        // 第二十五条: what the reviewers judge is frozen with the application, before the status moves on.
        await freezeSnapshot(em, this.completeness, project.id, id, now);
        const note = project.status === ProjectStatus.ACCEPTANCE_FAILED ? '整改后重新申请竣工验收（第三十三条）' : null;
        await recordTransition(em, caller, project, 'acceptanceApply', {}, note);
        return em.findOneByOrFail(AcceptanceApplication, { id });
        // The snapshot reads the catalogue, the interfaces and the completeness in several statements:
        // REPEATABLE READ makes them one moment, whatever is written beside it meanwhile.
      },
      'REPEATABLE READ',
    );
  }

  /**
   * 第二十六条: the office records the result. A pass needs the report's materials, the experts'
   * review (第二十五条: at least one opinion, none FAIL) and — 第九条 — the snapshot's completeness at
   * the thresholds, or a reason to pass below them; an acceptance before three months of operation
   * needs its reason (第二十四条); a failure means the system may not go into use.
   */
  async recordResult(ctx: RequestContext, input: I.AcceptanceRecordResultInput): Promise<Outcome<AcceptanceApplication>> {
    const caller = ctx.caller!;
    const blank = blankReasons(input, ['overrideReason', 'earlyAcceptanceReason']);
    input.overrideReason = trimmed(input.overrideReason);
    input.earlyAcceptanceReason = trimmed(input.earlyAcceptanceReason);
    const passed = input.result === AcceptanceResult.PASSED;
    const errors = [...(await this.documentErrors(input, input.documents, passed ? PASSED_DOCUMENTS : FAILED_DOCUMENTS)), ...blank];
    if (!passed && input.overrideReason) {
      errors.push(userError(UserErrorCode.INVALID, '验收不合格时不填写低于阈值通过的理由', ['input', 'overrideReason'], '第九条'));
    }
    if (input.rectificationDueOn && !(passed && input.overrideReason)) {
      errors.push(
        userError(
          UserErrorCode.INVALID,
          '仅在完整性低于阈值仍予通过（填写完整性未达标仍通过的理由）时，可同时责令限期整改',
          ['input', 'rectificationDueOn'],
          '第三十三条',
        ),
      );
    }
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const application = await lockApplication(em, input.applicationId);
      if (application.result !== null) {
        refuse(UserErrorCode.INVALID_TRANSITION, '该验收申请已登记验收结论，不能再次登记', APPLICATION_FIELD, '第二十六条');
      }
      const project = await projectForAction(em, caller, application.projectId, passed ? 'acceptancePass' : 'acceptanceFail', APPLICATION_FIELD);
      const problems = dateProblems(input.acceptedOn, ['input', 'acceptedOn'], shanghaiDateOf(this.clock.now()), [
        [shanghaiDateOf(application.appliedAt), '验收日期不能早于验收申请日期', '第二十五条'],
      ]);
      if (!problems.length) problems.push(...acceptanceDateProblems(input.acceptedOn, project.goLiveDate, input.earlyAcceptanceReason));
      // 第二十五条: 经专家咨询小组会商审核通过 — no pass without an opinion, nor against one that says FAIL.
      if (passed) problems.push(...(await acceptanceReviewProblems(em, application.id, APPLICATION_FIELD)));
      if (problems.length) throw new UserErrorsException(problems);
      let below: UserError[] = [];
      if (passed) {
        const snapshot = await em.findOneByOrFail(AcceptanceSnapshot, { applicationId: application.id });
        below = thresholdProblems((snapshot.content as unknown as SnapshotContent).completeness.counts, this.config.acceptanceThresholds);
        if (below.length && !input.overrideReason) throw new UserErrorsException(below);
      }
      const now = this.clock.now();
      await em.update(
        AcceptanceApplication,
        { id: application.id },
        {
          result: input.result,
          acceptedOn: input.acceptedOn,
          overrideReason: passed ? (input.overrideReason ?? null) : null,
          earlyAcceptanceReason: input.earlyAcceptanceReason ?? null,
          decidedBy: caller.userId,
        },
      );
      await closeAcceptanceReview(em, application.id, now);
      await insertDocuments(em, application.id, input.documents, now);
      const notes = [
        below.length ? `完整性低于阈值仍予通过（第九条），理由：${input.overrideReason}` : null,
        input.earlyAcceptanceReason ? `上线运行未满三个月验收（第二十四条），理由：${input.earlyAcceptanceReason}` : null,
      ].filter((n) => n !== null);
      const note = notes.length ? notes.join('\n') : null;
      await recordTransition(em, caller, project, passed ? 'acceptancePass' : 'acceptanceFail', {}, note);
      if (input.rectificationDueOn) {
        // 第三十三条: passed below the thresholds, the figures below them are rectified by the date given.
        if (!below.length) {
          refuse(UserErrorCode.INVALID, '完整性已达到通过阈值，无需随验收责令整改', ['input', 'rectificationDueOn'], '第三十三条');
        }
        const refused = await this.orderRectification({ ...ctx, transaction: em }, project.id, {
          reason: `竣工验收时信息资源共享完整性低于通过阈值（第九条），低于阈值通过的理由：${input.overrideReason}`,
          findings: below.map((b) => b.message.replace(/；确需通过的.*$/, '')),
          dueOn: input.rectificationDueOn,
        });
        if (refused.length)
          throw new UserErrorsException(refused.map((e) => ({ ...e, field: e.field?.at(-1) === 'dueOn' ? ['input', 'rectificationDueOn'] : e.field })));
      }
      return em.findOneByOrFail(AcceptanceApplication, { id: application.id });
    });
  }

  /** 第二十六条: the acceptance report of a passed acceptance is filed; the system then goes into operation (第二十七条). */
  async file(ctx: RequestContext, input: I.AcceptanceFileInput): Promise<Outcome<AcceptanceApplication>> {
    const caller = ctx.caller!;
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const application = await lockApplication(em, input.applicationId);
      // 第二十六条: 验收不合格的项目，不得投入使用 — only a passed acceptance is filed and leads to operation.
      if (application.result !== AcceptanceResult.PASSED) {
        refuse(UserErrorCode.INVALID_TRANSITION, '只有验收通过的申请可以备案；验收不合格的项目不得投入使用', APPLICATION_FIELD, '第二十六条');
      }
      if (application.filedOn !== null) refuse(UserErrorCode.INVALID_TRANSITION, `该验收已于 ${application.filedOn} 备案`, APPLICATION_FIELD, '第二十六条');
      const project = await projectForAction(em, caller, application.projectId, 'acceptanceFile', APPLICATION_FIELD);
      const problems = dateProblems(input.filedOn, ['input', 'filedOn'], shanghaiDateOf(this.clock.now()), [
        [application.acceptedOn!, '备案日期不能早于验收日期', '第二十六条'],
      ]);
      if (problems.length) throw new UserErrorsException(problems);
      await em.update(AcceptanceApplication, { id: application.id }, { filedOn: input.filedOn });
      await recordTransition(em, caller, project, 'acceptanceFile', {}, null);
      await recordTransition(em, caller, { id: project.id, status: ProjectStatus.FILED }, 'operationStart', {}, null);
      return em.findOneByOrFail(AcceptanceApplication, { id: application.id });
    });
  }

  /** The input's own rules, then — when they hold — the rules of its set of documents; the documents cleaned first. */
  private async documentErrors(input: object, documents: I.AcceptanceDocumentInput[], rule: DocumentRule): Promise<UserError[]> {
    for (const d of documents) {
      for (const key of ['title', 'fileName', 'sha256'] as const) if (typeof d[key] === 'string') d[key] = d[key].trim();
      d.sha256 = d.sha256.toLowerCase();
      d.url = trimmed(d.url);
    }
    const errors = await validateInput(input);
    if (!errors.length)
      errors.push(
        ...documentProblems(
          documents.map((d) => d.kind),
          rule,
          ['input', 'documents'],
        ),
      );
    return errors;
  }
}

// ── Helpers without state ──

/** The application, locked for the transaction, so that its opinions, result and filing are taken one at a time. */
async function lockApplication(em: EntityManager, id: string): Promise<AcceptanceApplication> {
  const application = await em.findOne(AcceptanceApplication, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!application) refuse(UserErrorCode.NOT_FOUND, '验收申请不存在', APPLICATION_FIELD);
  return application;
}

async function insertDocuments(em: EntityManager, applicationId: string, documents: I.AcceptanceDocumentInput[], now: Date): Promise<void> {
  if (!documents.length) return;
  await em.insert(
    AcceptanceDocument,
    documents.map(({ kind, title, fileName, sha256, url }) => ({ applicationId, kind, title, fileName, sha256, url: url ?? null, attachedAt: now })),
  );
}

/** A reason given but blank (only spaces) is an error of its own, not a reason left out. */
function blankReasons<K extends string>(input: Partial<Record<K, string | null>>, keys: K[]): UserError[] {
  return keys
    .filter((k) => typeof input[k] === 'string' && input[k].trim() === '')
    .map((k) => userError(UserErrorCode.REQUIRED, '理由不能为空白；不需要时请不填此项', ['input', k]));
}

/** A date not after today (Asia/Shanghai) and not before each of `floors` ([date, message, article]). */
function dateProblems(date: string, field: string[], today: string, floors: [string, string, string][]): UserError[] {
  if (date > today) return [userError(UserErrorCode.OUT_OF_RANGE, `${date} 晚于今天（北京时间 ${today}）`, field, '第二十六条')];
  const broken = floors.find(([floor]) => date < floor);
  return broken ? [userError(UserErrorCode.OUT_OF_RANGE, `${broken[1]}（${broken[0]}）`, field, broken[2])] : [];
}
