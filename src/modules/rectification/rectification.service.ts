import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Clock } from '../../common/clock';
import { shanghaiDateOf } from '../../common/dates';
import { isCalendarDate } from '../../common/formats';
import { Page, paginate } from '../../common/paging';
import type { Config } from '../../config';
import { ConnectionArgs } from '../../graphql/connection';
import { unauthenticated } from '../../common/errors';
import type { Caller } from '../../common/caller';
import type { RequestContext } from '../../common/request-context';
import { Role } from '../../common/role.enums';
import { trimmed } from '../../common/text';
import { refuse, UserError, userError, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { mutate, Outcome, registerUniqueViolation } from '../../db/transaction';
import { EventInput, NotificationEventKind, recordEvents } from '../notification';
import {
  buildingUnitIds,
  Project,
  ProjectAction,
  ProjectActionInput,
  projectForAction,
  ProjectStatus,
  PROJECT_TRANSITIONS,
  projectsBuiltBySql,
  recordTransition,
} from '../project';
import { OPEN_RECTIFICATION_KEY, ProjectRectification } from './rectification.entity';
import { OPEN_RECTIFICATION, REPORT_OWED, RectificationStatus as R } from './rectification.enums';
import * as I from './rectification.inputs';
import { dueDateProblem, rectificationStepProblem, sanctionProblem } from './rectification.rules';

registerUniqueViolation({ constraint: OPEN_RECTIFICATION_KEY, field: ['input', 'projectId'], message: '该项目已有进行中的整改' });

const FIELD = ['input', 'projectId'];

/** What one step writes besides the project's status: the rectification's columns, the history note, the events. */
interface StepResult {
  rectification?: QueryDeepPartialEntity<ProjectRectification>;
  project?: QueryDeepPartialEntity<Project>;
  note: string;
  /** The status to return to (projectRectificationAccept); otherwise the rule's. */
  to?: ProjectStatus;
  event: { kind: NotificationEventKind; to: 'units' | 'office' };
}

/**
 * 第三十三条 — 限期整改、暂缓拨付资金、暂停项目建设、终止项目: the office orders, the unit reports, the office
 * accepts or refuses; an overdue or refused rectification may be followed by suspension or termination.
 * Each step locks the project, checks its status (PROJECT_TRANSITIONS), writes one ProjectTransition row
 * with who, role and reason, and records its event in the outbox, all in one transaction.
 */
export class RectificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly config: Pick<Config, 'maxPageSize'>,
  ) {}

  /** Today in Beijing, the day due dates are judged by. */
  today(): string {
    return shanghaiDateOf(this.clock.now());
  }

  /**
   * 整改跟踪: rectifications by due date (then id), filtered by status (unset: the open ones), by the
   * organisation building the project, and to those overdue (report owed, due date passed).
   */
  async list(_ctx: RequestContext, filter: I.RectificationFilter = {}, args: ConnectionArgs = {}): Promise<Page<ProjectRectification>> {
    const qb = this.ds.getRepository(ProjectRectification).createQueryBuilder('r');
    qb.andWhere('r.status IN (:...f_status)', { f_status: filter.status?.length ? filter.status : [...OPEN_RECTIFICATION] });
    if (filter.organizationId) qb.andWhere(`r.projectId IN ${projectsBuiltBySql(':f_org')}`, { f_org: filter.organizationId });
    if (filter.overdueOnly) qb.andWhere('r.status IN (:...f_owed) AND r.dueOn < :f_today', { f_owed: [...REPORT_OWED], f_today: this.today() });
    return paginate(
      qb,
      args,
      { expression: 'r.dueOn', value: (r) => r.dueOn, valid: (v) => typeof v === 'string' && isCalendarDate(v) },
      this.config.maxPageSize,
    );
  }

  /** 责令限期整改: from any status after approval; the earlier status is kept on the rectification. */
  async order(ctx: RequestContext, input: I.ProjectRectificationOrderInput): Promise<Outcome<Project>> {
    input.reason = input.reason.trim();
    input.findings = input.findings.map((f) => f.trim());
    const blank = input.findings.flatMap((f, i) =>
      f ? [] : [userError(UserErrorCode.REQUIRED, '问题清单中有空白项', ['input', 'findings', String(i)], '第三十三条')],
    );
    return this.step(ctx, input, 'projectRectificationOrder', blank, async (em, caller, project, today) => {
      const late = dueDateProblem(input.dueOn, today, ['input', 'dueOn']);
      if (late) throw new UserErrorsException([late]);
      await em.insert(ProjectRectification, {
        projectId: project.id,
        previousStatus: project.status,
        reason: input.reason,
        findings: input.findings,
        dueOn: input.dueOn,
        orderedByUserId: caller.userId,
      });
      const findings = input.findings.map((f, i) => `${i + 1}. ${f}`).join('；');
      return {
        note: `整改理由：${input.reason}\n问题清单：${findings}\n整改期限：${input.dueOn}`,
        event: { kind: NotificationEventKind.RECTIFICATION_ORDERED, to: 'units' },
      };
    });
  }

  /** 报告整改情况: the unit reports, with its materials, while rectifying or suspended. */
  async report(ctx: RequestContext, input: I.ProjectRectificationReportInput): Promise<Outcome<Project>> {
    input.report = input.report.trim();
    input.materials = input.materials.map((m) => m.trim());
    const blank = input.materials.flatMap((m, i) =>
      m ? [] : [userError(UserErrorCode.REQUIRED, '整改材料名称不能为空', ['input', 'materials', String(i)], '第三十三条')],
    );
    return this.step(ctx, input, 'projectRectificationReport', blank, async (em, _caller, project) => {
      const r = await this.open(em, project.id, [...REPORT_OWED], '报告整改情况');
      return {
        rectification: { id: r.id, status: R.REPORTED, report: input.report, materials: input.materials, reportedAt: () => 'now()' },
        note: `整改情况：${input.report}\n整改材料：${input.materials.join('、')}`,
        event: { kind: NotificationEventKind.RECTIFICATION_REPORTED, to: 'office' },
      };
    });
  }

  /** 整改验收通过: back to the status before the order; a suspension ends with it. */
  async accept(ctx: RequestContext, input: I.ProjectRectificationAcceptInput): Promise<Outcome<Project>> {
    const note = trimmed(input.note) ?? null;
    return this.step(ctx, input, 'projectRectificationAccept', [], async (em, _caller, project) => {
      const r = await this.open(em, project.id, [R.REPORTED], '整改验收');
      return {
        rectification: { id: r.id, status: R.ACCEPTED, decidedAt: () => 'now()', decisionNote: note },
        note: note ?? '整改验收通过',
        to: r.previousStatus,
        event: { kind: NotificationEventKind.RECTIFICATION_DECIDED, to: 'units' },
      };
    });
  }

  /** 整改后仍不符合要求: the report is refused; the unit reports again, or the office suspends or terminates. */
  async refuse(ctx: RequestContext, input: I.ProjectRectificationRefuseInput): Promise<Outcome<Project>> {
    input.reason = input.reason.trim();
    return this.step(ctx, input, 'projectRectificationRefuse', [], async (em, _caller, project, today) => {
      const r = await this.open(em, project.id, [R.REPORTED], '作出整改不通过的结论');
      const late = input.dueOn ? dueDateProblem(input.dueOn, today, ['input', 'dueOn']) : null;
      if (late) throw new UserErrorsException([late]);
      return {
        rectification: { id: r.id, status: R.REFUSED, decidedAt: () => 'now()', decisionNote: input.reason, ...(input.dueOn ? { dueOn: input.dueOn } : {}) },
        note: `整改不通过：${input.reason}${input.dueOn ? `\n新的整改期限：${input.dueOn}` : ''}`,
        event: { kind: NotificationEventKind.RECTIFICATION_DECIDED, to: 'units' },
      };
    });
  }

  /** 暂缓拨付建设资金及运维经费、暂停项目建设: only after an overdue or refused rectification. */
  async suspend(ctx: RequestContext, input: I.ProjectSanctionInput): Promise<Outcome<Project>> {
    input.reason = input.reason.trim();
    return this.step(ctx, input, 'projectSuspend', [], async (em, _caller, project, today) => {
      const r = await this.open(em, project.id, [...OPEN_RECTIFICATION], '暂停项目建设');
      const problem = sanctionProblem(r, today, PROJECT_TRANSITIONS.projectSuspend.label, FIELD);
      if (problem) throw new UserErrorsException([problem]);
      return { note: `暂停建设、暂缓拨付资金：${input.reason}`, event: { kind: NotificationEventKind.RECTIFICATION_DECIDED, to: 'units' } };
    });
  }

  /** 恢复项目建设: funds flow again, the rectification continues with a new due date. */
  async resume(ctx: RequestContext, input: I.ProjectResumeInput): Promise<Outcome<Project>> {
    input.reason = input.reason.trim();
    return this.step(ctx, input, 'projectResume', [], async (em, _caller, project, today) => {
      const r = await this.open(em, project.id, [...OPEN_RECTIFICATION], '恢复项目建设');
      const late = dueDateProblem(input.dueOn, today, ['input', 'dueOn']);
      if (late) throw new UserErrorsException([late]);
      return {
        rectification: { id: r.id, dueOn: input.dueOn },
        note: `恢复建设：${input.reason}\n新的整改期限：${input.dueOn}`,
        event: { kind: NotificationEventKind.RECTIFICATION_DECIDED, to: 'units' },
      };
    });
  }

  /** 直至终止项目: final; from a suspension, or from an overdue or refused rectification. */
  async terminate(ctx: RequestContext, input: I.ProjectSanctionInput): Promise<Outcome<Project>> {
    input.reason = input.reason.trim();
    return this.step(ctx, input, 'projectTerminate', [], async (em, _caller, project, today) => {
      const r = await this.open(em, project.id, [...OPEN_RECTIFICATION], '终止项目');
      if (project.status === ProjectStatus.RECTIFYING) {
        const problem = sanctionProblem(r, today, PROJECT_TRANSITIONS.projectTerminate.label, FIELD);
        if (problem) throw new UserErrorsException([problem]);
      }
      return {
        rectification: { id: r.id, status: R.CLOSED, decidedAt: () => 'now()' },
        note: `终止项目：${input.reason}`,
        event: { kind: NotificationEventKind.RECTIFICATION_DECIDED, to: 'units' },
      };
    });
  }

  // ── The one shape of every step ──

  private async step(
    ctx: RequestContext,
    input: ProjectActionInput,
    action: ProjectAction,
    inputProblems: UserError[],
    work: (em: EntityManager, caller: Caller, project: Project, today: string) => Promise<StepResult>,
  ): Promise<Outcome<Project>> {
    const caller = ctx.caller;
    if (!caller) throw unauthenticated();
    const errors = [...(await validateInput(input)), ...inputProblems];
    if (errors.length) return { result: null, userErrors: errors };
    const now = this.clock.now();
    return mutate(this.ds, ctx, async (em) => {
      const project = await projectForAction(em, caller, input.projectId, action);
      const done = await work(em, caller, project, shanghaiDateOf(now));
      if (done.rectification) {
        const { id, ...set } = done.rectification as QueryDeepPartialEntity<ProjectRectification> & { id: string };
        await em.update(ProjectRectification, { id }, set);
      }
      await recordTransition(em, caller, project, action, done.project ?? {}, done.note, done.to);
      await recordEvents(em, [await this.event(em, project, action, done)], now);
      return em.findOneOrFail(Project, { where: { id: project.id } });
    });
  }

  /** The project's open rectification, locked, in one of `wanted` statuses. */
  private async open(em: EntityManager, projectId: string, wanted: R[], label: string): Promise<ProjectRectification> {
    const r = await em.findOne(ProjectRectification, { where: { projectId, status: In([...OPEN_RECTIFICATION]) }, lock: { mode: 'pessimistic_write' } });
    if (!r) refuse(UserErrorCode.NOT_FOUND, '该项目没有进行中的整改', FIELD, '第三十三条');
    const problem = rectificationStepProblem(r, wanted, label, FIELD);
    if (problem) throw new UserErrorsException([problem]);
    return r;
  }

  private async event(em: EntityManager, project: Project, action: ProjectAction, done: StepResult): Promise<EventInput> {
    const r = await em.findOne(ProjectRectification, { where: { projectId: project.id }, order: { orderedAt: 'DESC' } });
    return {
      kind: done.event.kind,
      ...(done.event.to === 'units' ? { organizationIds: await buildingUnitIds(em, project.id) } : { roles: [Role.LEADING_GROUP_OFFICE] }),
      data: {
        projectId: project.id,
        projectCode: project.code,
        projectName: project.name,
        step: action,
        stepLabel: PROJECT_TRANSITIONS[action].label,
        rectificationId: r?.id ?? null,
        dueOn: r?.dueOn ?? null,
        note: done.note,
        article: '第三十三条',
      },
    };
  }
}
