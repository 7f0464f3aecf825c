import { DataSource, EntityManager } from 'typeorm';
import { mutate, Outcome } from '../../db/transaction';
import { unauthenticated } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { refuse, UserErrorCode } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { trimmed } from '../../common/text';
import { ProjectCoBuildingUnit } from './project-co-building-unit.entity';
import { Project } from './project.entity';
import { CoBuildingStatus, ProjectStatus } from './project.enums';
import type { CoBuildingAnswerInput } from './project.inputs';
import { writeTransition } from './project.transitions';

const ANSWER_LABEL = { ACCEPTED: '接受', DECLINED: '拒绝' } as const;

/**
 * 第十四条: 由项目牵头部门会同共建部门 — a unit named as co-building unit answers the proposal. Only
 * once it accepts does it build the project (project.access.ts); declining leaves it without rights.
 */
export class CoBuildingService {
  constructor(private readonly ds: DataSource) {}

  accept(ctx: RequestContext, input: CoBuildingAnswerInput): Promise<Outcome<Project>> {
    return this.answer(ctx, input, CoBuildingStatus.ACCEPTED);
  }

  decline(ctx: RequestContext, input: CoBuildingAnswerInput): Promise<Outcome<Project>> {
    return this.answer(ctx, input, CoBuildingStatus.DECLINED);
  }

  /** The proposals addressed to the caller's organisation, newest first; `status` filters. */
  async proposalsFor(ctx: RequestContext, status: CoBuildingStatus | null): Promise<ProjectCoBuildingUnit[]> {
    const org = hasRole(ctx.caller, Role.PROJECT_UNIT) ? ctx.caller?.organizationId : null;
    if (!org) return [];
    return this.ds.getRepository(ProjectCoBuildingUnit).find({
      where: { organizationId: org, ...(status ? { status } : {}) },
      order: { proposedAt: 'DESC', projectId: 'ASC' },
      take: 200,
    });
  }

  private async answer(ctx: RequestContext, input: CoBuildingAnswerInput, answer: CoBuildingStatus.ACCEPTED | CoBuildingStatus.DECLINED) {
    const caller = ctx.caller;
    if (!caller) throw unauthenticated();
    input.note = trimmed(input.note) ?? undefined;
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    const field = ['input', 'projectId'];
    return mutate(this.ds, ctx, async (em) => {
      const project = await em.findOne(Project, { where: { id: input.projectId }, lock: { mode: 'pessimistic_write', tables: ['project'] }, loadEagerRelations: false });
      if (!project) refuse(UserErrorCode.NOT_FOUND, '项目不存在', field);
      const row = caller.organizationId ? await this.proposal(em, project.id, caller.organizationId) : null;
      if (!row) refuse(UserErrorCode.NOT_FOUND, '本单位未被提议为该项目的共建单位', field, '第十四条');
      if (row.status !== CoBuildingStatus.PROPOSED) {
        refuse(UserErrorCode.INVALID_TRANSITION, `本单位已${ANSWER_LABEL[row.status]}共建该项目，不能再次答复`, field, '第十四条');
      }
      if (project.status === ProjectStatus.TERMINATED) refuse(UserErrorCode.INVALID_TRANSITION, '项目已终止，不能再答复共建提议', field, '第三十三条');
      await em.update(
        ProjectCoBuildingUnit,
        { projectId: project.id, organizationId: row.organizationId },
        { status: answer, respondedAt: () => 'now()', respondedByUserId: caller.userId, responseNote: input.note ?? null },
      );
      const action = answer === CoBuildingStatus.ACCEPTED ? 'coBuildingAccept' : 'coBuildingDecline';
      await writeTransition(em, caller, project.id, project.status, action, input.note ?? null);
      return em.findOneOrFail(Project, { where: { id: project.id }, loadEagerRelations: false });
    });
  }

  private proposal(em: EntityManager, projectId: string, organizationId: string) {
    return em.findOne(ProjectCoBuildingUnit, { where: { projectId, organizationId }, lock: { mode: 'pessimistic_write' } });
  }
}
