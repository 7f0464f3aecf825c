import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Clock } from '../../common/clock';
import type { Config } from '../../config';
import { mutate, Outcome, registerUniqueViolation } from '../../db/transaction';
import { ConnectionArgs } from '../../graphql/connection';
import { Page, paginate } from '../../common/paging';
import { badInput, unauthenticated } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserError, userError, UserErrorCode, UserErrorsException } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import type { Caller } from '../../common/caller';
import { Organization, organizationIdsAmongSql } from '../organization';
import { ConstructionPlan } from './construction-plan.embedded';
import { buildingUnitIds, canRead, readableCondition, projectsBuiltBySql } from './project.access';
import { ProjectBudgetYear } from './project-budget-year.entity';
import { PROJECT_CODE_KEY, Project } from './project.entity';
import { CloudDeployment, ProjectCategory, ProjectStatus } from './project.enums';
import { namedCoBuildingUnitIds, proposeCoBuildingUnits } from './co-building.service';
import * as I from './project.inputs';
import { changedColumns, changeSummary, cleanChanges, cleanPlan, emptyPlan, hasChanges, mergeChanges, normalizeShape, valueProblems } from './project.changes';
import { ProjectNextAction } from './project-next.objects';
import { declarationProblems, fenToYuan, PROJECT_TRANSITIONS, ProjectAction, ProjectShape, toFen, upgradeTargetProblem } from './project.rules';
import { projectForAction, recordTransition, writeTransition } from './project.transitions';
import { shanghaiDateOf } from '../../common/dates';
import { likeContains, trimmed } from '../../common/text';

registerUniqueViolation({ constraint: PROJECT_CODE_KEY, field: ['input', 'code'], message: '该项目编号已被使用' });

/** Serialises the generation of SC-<year>-<sequence> codes (pg_advisory_xact_lock key, with the year). */
const CODE_LOCK = 0x50524a43;

type Changes = I.ProjectChangesInput;

/** A rule of another module that projectApprove also runs (第九条 the sharing analysis, 第十条 the expert review), given by the composition root. */
export type ApprovalCheck = (em: EntityManager, project: Project) => Promise<UserError[]>;

export class ProjectService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
    private readonly clock: Clock,
    /**
     * Rules of other modules that projectApprove also runs, given by the composition root: 第九条 the
     * sharing analysis (the completeness module's definition) and 第十条 the expert review.
     */
    private readonly approvalChecks: readonly ApprovalCheck[] = [],
  ) {}

  // ── Reading: what the caller may read is part of the SQL, so that lists and totals agree ──

  private readable(ctx: RequestContext, em: EntityManager = this.ds.manager) {
    const qb = em.getRepository(Project).createQueryBuilder('project');
    const condition = readableCondition(ctx.caller, 'project');
    if (condition) qb.andWhere(condition.sql, condition.params);
    return qb;
  }

  async findOne(ctx: RequestContext, by: { id?: string | null; code?: string | null }): Promise<Project | null> {
    if (by.id && !isUUID(by.id)) throw badInput('id', '项目ID格式无效');
    const qb = this.readable(ctx);
    if (by.id) return qb.andWhere('project.id = :id', { id: by.id }).getOne();
    if (by.code) return qb.andWhere('project.code = :code', { code: by.code.trim().toUpperCase() }).getOne();
    return null;
  }

  async list(ctx: RequestContext, filter: I.ProjectFilter = {}, args: ConnectionArgs = {}): Promise<Page<Project>> {
    const qb = this.readable(ctx);
    if (filter.status) qb.andWhere('project.status = :status', { status: filter.status });
    if (filter.category) qb.andWhere('project.category = :category', { category: filter.category });
    if (filter.planYear != null) qb.andWhere('project.planYear = :planYear', { planYear: filter.planYear });
    if (filter.organizationId) {
      if (!isUUID(filter.organizationId)) throw badInput('filter', '单位ID格式无效');
      qb.andWhere(`project.id IN ${projectsBuiltBySql(':org')}`, { org: filter.organizationId });
    }
    if (filter.nameContains) {
      if (filter.nameContains.length > 100) throw badInput('filter', '检索词不能超过100个字符');
      qb.andWhere(`project.name LIKE :name ESCAPE '\\'`, { name: likeContains(filter.nameContains) });
    }
    return paginate(qb, args, { expression: 'project.code', value: (p) => p.code }, this.config.maxPageSize);
  }

  // ── Writing: one transaction each, one ProjectTransition row each ──

  /** 第七条: a project unit prepares its project; the lead unit is the caller's organisation. */
  async create(ctx: RequestContext, input: I.ProjectCreateInput): Promise<Outcome<Project>> {
    const caller = callerOf(ctx);
    if (input.code != null) input.code = input.code.trim().toUpperCase() || undefined; // blank: generate one
    input.name = input.name.trim();
    input.fundingSource = trimmed(input.fundingSource) ?? undefined;
    input.cloudReason = trimmed(input.cloudReason) ?? undefined;
    const plan = cleanPlan(input.plan ?? {}) as ConstructionPlan;
    const shape: ProjectShape = normalizeShape(
      {
        category: input.category,
        planYear: input.planYear,
        constructionStartYear: input.constructionStartYear ?? null,
        constructionEndYear: input.constructionEndYear ?? null,
        totalBudget: input.totalBudget,
        fundingSource: input.fundingSource ?? null,
        budgetYears: input.budgetYears ?? [],
        plan,
        cloudDeployment: input.cloudDeployment ?? CloudDeployment.DISTRICT_GOV_CLOUD,
        cloudReason: input.cloudReason ?? null,
        crossDepartment: input.crossDepartment ?? false,
        coBuildingUnitIds: input.coBuildingUnitIds ?? [],
        upgradesProjectId: input.upgradesProjectId ?? null,
      },
      true,
    );
    const errors = await validateInput(input);
    if (!errors.length) errors.push(...valueProblems(shape, input, ['input']));
    if (errors.length) return { result: null, userErrors: errors };
    if (!caller.organizationId) return { result: null, userErrors: [userError(UserErrorCode.NOT_ALLOWED, '调用者不属于任何单位，不能新建项目', ['input'])] };
    const leadUnitId = caller.organizationId;

    return mutate(this.ds, ctx, async (em) => {
      if (!(await em.existsBy(Organization, { id: leadUnitId }))) refuse(UserErrorCode.NOT_ALLOWED, '调用者所属单位不存在', ['input']);
      await this.checkReferences(em, ctx, null, leadUnitId, shape, input, ['input']);
      await em.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [CODE_LOCK, input.planYear]);
      const code = input.code ?? (await this.nextCode(em, input.planYear));
      const taken = await em.findOne(Project, { where: { code }, select: { id: true, status: true, leadUnitId: true } });
      if (taken) {
        // A project the caller may not read is not named: its code is only "not available" (第十三条).
        if (!canRead(caller, taken, await buildingUnitIds(em, taken.id)))
          refuse(UserErrorCode.INVALID, '该项目编号不可用，请另填或留空由系统生成', ['input', 'code']);
        refuse(UserErrorCode.DUPLICATE, '该项目编号已被使用', ['input', 'code']);
      }
      const { identifiers } = await em.insert(Project, {
        code,
        name: input.name,
        leadUnitId,
        category: shape.category,
        planYear: shape.planYear,
        constructionStartYear: shape.constructionStartYear,
        constructionEndYear: shape.constructionEndYear,
        totalBudget: fenToYuan(toFen(shape.totalBudget)!),
        fundingSource: input.fundingSource ?? null,
        plan: { ...emptyPlan(), ...plan },
        cloudDeployment: shape.cloudDeployment,
        cloudReason: shape.cloudReason,
        crossDepartment: shape.crossDepartment,
        upgradesProjectId: shape.upgradesProjectId,
        status: ProjectStatus.DRAFT,
      });
      const id = identifiers[0].id as string;
      await this.replaceBudgetYears(em, id, shape.budgetYears);
      await this.replaceCoBuildingUnits(em, id, shape.coBuildingUnitIds);
      await writeTransition(em, caller, id, null, 'projectCreate', null);
      return this.reload(em, id);
    });
  }

  /** A draft, or a rejected project being revised; 第十五条: an approved one changes through requestChange. */
  async update(ctx: RequestContext, input: I.ProjectUpdateInput): Promise<Outcome<Project>> {
    const caller = callerOf(ctx);
    cleanChanges(input.changes);
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const project = await projectForAction(em, caller, input.projectId, 'projectUpdate');
      const { set, summary } = await this.applyChanges(em, ctx, project, input.changes);
      await recordTransition(em, caller, project, 'projectUpdate', set, summary.length ? `修改：${summary.join('；')}` : null);
      return this.reload(em, project.id);
    });
  }

  /** 第七条、第八条: declare the plan and construction scheme to the leading-group office. */
  async declare(ctx: RequestContext, input: I.ProjectDeclareInput): Promise<Outcome<Project>> {
    return this.step(ctx, input, 'projectDeclare', async (em, project) => {
      const problems = await this.declarable(em, await this.shapeOf(em, project));
      if (problems.length) throw new UserErrorsException(problems);
      return { declaredAt: () => 'now()', rejectionReason: null };
    });
  }

  /** 第十条: into the annual plan after the expert review — 第九条: only with a complete sharing analysis. */
  async approve(ctx: RequestContext, input: I.ProjectApproveInput): Promise<Outcome<Project>> {
    return this.step(ctx, input, 'projectApprove', async (em, project) => {
      const problems = await this.approvalProblems(em, project);
      if (problems.length) throw new UserErrorsException(problems);
      return { approvedAt: () => 'now()' };
    });
  }

  /** 第十条: not approved, with the reason. */
  async reject(ctx: RequestContext, input: I.ProjectRejectInput): Promise<Outcome<Project>> {
    input.reason = input.reason.trim();
    return this.step(ctx, input, 'projectReject', async () => ({ rejectionReason: input.reason }), input.reason);
  }

  /** 第十二条: only a project in the annual plan is built. */
  async startConstruction(ctx: RequestContext, input: I.ProjectStartConstructionInput): Promise<Outcome<Project>> {
    return this.step(ctx, input, 'projectStartConstruction', async () => ({}));
  }

  /** 第二十四条: the system goes live and trial operation begins; acceptance is counted from here. */
  async goLive(ctx: RequestContext, input: I.ProjectGoLiveInput): Promise<Outcome<Project>> {
    return this.step(ctx, input, 'projectGoLive', async (_em, project) => {
      const errors: UserError[] = [];
      const today = shanghaiDateOf(this.clock.now());
      if (input.goLiveDate > today) {
        errors.push(userError(UserErrorCode.OUT_OF_RANGE, `上线日期 ${input.goLiveDate} 晚于今天（北京时间 ${today}）`, ['input', 'goLiveDate'], '第二十四条'));
      } else if (project.approvedAt && input.goLiveDate < shanghaiDateOf(project.approvedAt)) {
        const approvedOn = shanghaiDateOf(project.approvedAt);
        errors.push(
          userError(
            UserErrorCode.OUT_OF_RANGE,
            `上线日期 ${input.goLiveDate} 早于项目列入年度计划的日期 ${approvedOn}（北京时间）`,
            ['input', 'goLiveDate'],
            '第十二条',
          ),
        );
      }
      // 第二十四条、第二十五条: trial operation follows go-live, so it ends after it.
      if (input.trialEndDate && input.trialEndDate <= input.goLiveDate) {
        errors.push(
          userError(
            UserErrorCode.OUT_OF_RANGE,
            `试运行结束日期 ${input.trialEndDate} 须晚于上线日期 ${input.goLiveDate}`,
            ['input', 'trialEndDate'],
            '第二十四条',
          ),
        );
      }
      if (errors.length) throw new UserErrorsException(errors);
      return { goLiveDate: input.goLiveDate, trialEndDate: input.trialEndDate ?? null };
    });
  }

  /** 第十五条: change an approved project, recorded with its description, and apply for approval again. */
  async requestChange(ctx: RequestContext, input: I.ProjectRequestChangeInput): Promise<Outcome<Project>> {
    const caller = callerOf(ctx);
    input.description = input.description.trim();
    cleanChanges(input.changes);
    const errors = await validateInput(input);
    if (!errors.length && !hasChanges(input.changes)) {
      errors.push(userError(UserErrorCode.REQUIRED, '请至少给出一项变更内容', ['input', 'changes'], '第十五条'));
    }
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const project = await projectForAction(em, caller, input.projectId, 'projectRequestChange');
      const { set, shape, summary } = await this.applyChanges(em, ctx, project, input.changes);
      const problems = await this.declarable(em, shape); // it is declared again, so it must be declarable
      if (problems.length) throw new UserErrorsException(problems);
      const note = `变更说明：${input.description}\n变更内容：${summary.join('；') || '无字段变化'}`;
      await recordTransition(em, caller, project, 'projectRequestChange', { ...set, approvedAt: null }, note);
      return this.reload(em, project.id);
    });
  }

  // ── Steps shared by the mutations ──

  /** A status change without field changes: load and lock, check the status, apply the rule, record. */
  private async step(
    ctx: RequestContext,
    input: I.ProjectActionInput & { note?: string },
    action: ProjectAction,
    rule: (em: EntityManager, project: Project) => Promise<QueryDeepPartialEntity<Project>>,
    note: string | null = trimmed(input.note) ?? null,
  ): Promise<Outcome<Project>> {
    const caller = callerOf(ctx);
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const project = await projectForAction(em, caller, input.projectId, action);
      await recordTransition(em, caller, project, action, await rule(em, project), note);
      return this.reload(em, project.id);
    });
  }

  /** 第九条 the sharing analysis, then the other modules' checks (第十条 the expert review). */
  private async approvalProblems(em: EntityManager, project: Project): Promise<UserError[]> {
    const problems: UserError[] = [];
    for (const check of this.approvalChecks) problems.push(...(await check(em, project)));
    return problems;
  }

  private reload(em: EntityManager, id: string): Promise<Project> {
    return em.findOneOrFail(Project, { where: { id } });
  }

  private coBuildingUnitIds(em: EntityManager, projectId: string): Promise<string[]> {
    return namedCoBuildingUnitIds(em, projectId);
  }

  /**
   * The steps the project's status allows, each with what its own rule would refuse today (the
   * same checks the mutation runs: 第八条 for declaring, 第九条 for approval). Edits and changes
   * are not steps; an acceptance result is one step whether it passes or fails.
   */
  async nextActions(project: Project): Promise<ProjectNextAction[]> {
    const em = this.ds.manager;
    const steps: [ProjectAction, string][] = [
      ['projectDeclare', 'projectDeclare'],
      ['projectApprove', 'projectApprove'],
      ['projectReject', 'projectReject'],
      ['projectStartConstruction', 'projectStartConstruction'],
      ['projectGoLive', 'projectGoLive'],
      ['acceptanceApply', 'acceptanceApply'],
      ['acceptancePass', 'acceptanceRecordResult'],
      ['acceptanceFile', 'acceptanceFile'],
    ];
    const out: ProjectNextAction[] = [];
    for (const [action, mutation] of steps) {
      const rule = PROJECT_TRANSITIONS[action];
      if (!(rule.from as readonly ProjectStatus[]).includes(project.status)) continue;
      let missing: UserError[] = [];
      if (action === 'projectDeclare') missing = await this.declarable(em, await this.shapeOf(em, project));
      if (action === 'projectApprove') missing = await this.approvalProblems(em, project);
      const label = action === 'acceptancePass' ? '登记验收结果' : rule.label;
      out.push(Object.assign(new ProjectNextAction(), { mutation, label, role: rule.role, article: rule.article ?? null, missing }));
    }
    return out;
  }

  /** 第八条、第二十八条: what declaring the project as it stands would refuse. */
  private async declarable(em: EntityManager, shape: ProjectShape): Promise<UserError[]> {
    const problems = declarationProblems(shape);
    if (shape.category === ProjectCategory.UPGRADE && shape.upgradesProjectId) {
      const target = await em.findOne(Project, { where: { id: shape.upgradesProjectId } });
      const problem = target && upgradeTargetProblem(target.status, ['upgradesProjectId']);
      if (problem) problems.push(problem);
    }
    return problems;
  }

  private async shapeOf(em: EntityManager, p: Project): Promise<ProjectShape> {
    const { category, planYear, constructionStartYear, constructionEndYear, totalBudget, fundingSource } = p;
    const { plan, cloudDeployment, cloudReason, crossDepartment, upgradesProjectId } = p;
    const budgetYears = await em.find(ProjectBudgetYear, { where: { projectId: p.id }, order: { year: 'ASC' } });
    return {
      category,
      planYear,
      constructionStartYear,
      constructionEndYear,
      totalBudget,
      fundingSource,
      budgetYears,
      plan,
      cloudDeployment,
      cloudReason,
      crossDepartment,
      upgradesProjectId,
      coBuildingUnitIds: await this.coBuildingUnitIds(em, p.id),
    };
  }

  /** Checks and writes `changes`; returns the columns to set, the project as it will stand, and a summary for the history. */
  private async applyChanges(em: EntityManager, ctx: RequestContext, project: Project, changes: Changes) {
    const path = ['input', 'changes'];
    const before = await this.shapeOf(em, project);
    const after = mergeChanges(before, changes);
    const problems = valueProblems(after, changes, path);
    if (problems.length) throw new UserErrorsException(problems);
    await this.checkReferences(em, ctx, project.id, project.leadUnitId, after, changes, path);
    if (changes.budgetYears !== undefined) await this.replaceBudgetYears(em, project.id, after.budgetYears);
    if (changes.coBuildingUnitIds !== undefined) await this.replaceCoBuildingUnits(em, project.id, after.coBuildingUnitIds);
    const set = changedColumns(project, after, changes);
    return { set, shape: after, summary: changeSummary(project, before, after, set, changes) };
  }

  /** Co-building units exist and are not the lead unit; the upgraded project exists, is readable, and is not this project or its upgrade. */
  private async checkReferences(
    em: EntityManager,
    ctx: RequestContext,
    projectId: string | null,
    leadUnitId: string,
    shape: ProjectShape,
    given: Pick<Changes, 'coBuildingUnitIds' | 'upgradesProjectId'>,
    path: string[],
  ) {
    const errors: UserError[] = [];
    if (given.coBuildingUnitIds?.length) {
      const ids = given.coBuildingUnitIds;
      const rows: { id: string }[] = await em.query(organizationIdsAmongSql('$1::uuid[]'), [ids]);
      const found = new Set(rows.map((r) => r.id));
      ids.forEach((id, i) => {
        const at = [...path, 'coBuildingUnitIds', String(i)];
        if (id === leadUnitId) errors.push(userError(UserErrorCode.INVALID, '共建单位不能是牵头单位', at, '第十四条'));
        else if (ids.indexOf(id) !== i) errors.push(userError(UserErrorCode.DUPLICATE, '共建单位重复', at));
        else if (!found.has(id)) errors.push(userError(UserErrorCode.NOT_FOUND, '共建单位不存在', at));
      });
    }
    const upgraded = given.upgradesProjectId ? shape.upgradesProjectId : null;
    if (upgraded) {
      const at = [...path, 'upgradesProjectId'];
      if (upgraded === projectId) errors.push(userError(UserErrorCode.INVALID, '项目不能升级自身', at, '第二十八条'));
      else if (!(await this.readable(ctx, em).andWhere('project.id = :upgraded', { upgraded }).getExists())) {
        errors.push(userError(UserErrorCode.NOT_FOUND, '被升级的项目不存在', at, '第二十八条'));
      } else {
        const notLive = upgradeTargetProblem((await em.findOneByOrFail(Project, { id: upgraded })).status, at); // 第二十八条
        if (notLive) errors.push(notLive);
        else if (projectId && (await this.upgradeChainHas(em, upgraded, projectId))) {
          errors.push(userError(UserErrorCode.INVALID, '被升级的项目本身是在升级本项目，不能互为升级', at, '第二十八条'));
        }
      }
    }
    if (errors.length) throw new UserErrorsException(errors);
  }

  private async upgradeChainHas(em: EntityManager, start: string, target: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `WITH RECURSIVE up(id, next, depth) AS (
         SELECT id, upgrades_project_id, 0 FROM project WHERE id = $1
         UNION ALL SELECT p.id, p.upgrades_project_id, up.depth + 1 FROM project p JOIN up ON p.id = up.next WHERE up.depth < 100
       ) SELECT 1 FROM up WHERE id = $2 LIMIT 1`,
      [start, target],
    );
    return rows.length > 0;
  }

  /** The next SC-<year>-NNNN; the caller holds the code lock of the year. */
  private async nextCode(em: EntityManager, planYear: number): Promise<string> {
    const [{ next }]: { next: number }[] = await em.query(`SELECT coalesce(max(substring(code FROM 9)::int), 0) + 1 AS next FROM project WHERE code ~ $1`, [
      `^SC-${planYear}-[0-9]{4}$`,
    ]);
    if (next > 9999) refuse(UserErrorCode.OUT_OF_RANGE, `${planYear} 年度的项目编号已用完，请指定项目编号`, ['input', 'code']);
    return `SC-${planYear}-${String(next).padStart(4, '0')}`;
  }

  private async replaceBudgetYears(em: EntityManager, projectId: string, years: { year: number; amount: string }[]) {
    await em.delete(ProjectBudgetYear, { projectId });
    if (years.length)
      await em.insert(
        ProjectBudgetYear,
        years.map((b) => ({ projectId, year: b.year, amount: fenToYuan(toFen(b.amount)!) })),
      );
  }

  private replaceCoBuildingUnits(em: EntityManager, projectId: string, ids: string[]) {
    return proposeCoBuildingUnits(em, projectId, ids, this.clock.now());
  }
}

// ── Helpers without state ──

function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
