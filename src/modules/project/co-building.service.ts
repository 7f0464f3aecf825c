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
import { NotificationEventKind, recordEvents } from '../notification';

const ANSWER_LABEL = { ACCEPTED: '接受', DECLINED: '拒绝' } as const;

/** The units named as co-building units and not declined (第十四条): the ones the scheme lists. */
export async function namedCoBuildingUnitIds(em: EntityManager, projectId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(`SELECT organization_id AS id FROM project_co_building_unit WHERE project_id = $1 AND status <> $2`, [
    projectId,
    CoBuildingStatus.DECLINED,
  ]);
  return rows.map((r) => r.id);
}

/**
 * 第十四条: the named units become the project's co-building proposals. A unit still named keeps its
 * answer; a newly named one (or one named again after declining) is proposed, and told so through the
 * outbox; one no longer named is removed.
 */
export async function proposeCoBuildingUnits(em: EntityManager, projectId: string, ids: string[], at: Date): Promise<void> {
  await em.query(`DELETE FROM project_co_building_unit WHERE project_id = $1 AND NOT organization_id = ANY($2::uuid[])`, [projectId, ids]);
  if (!ids.length) return;
  const proposed: { organization_id: string }[] = await em.query(
    `INSERT INTO project_co_building_unit (project_id, organization_id, status) SELECT $1, unnest($2::uuid[]), $3
     ON CONFLICT (project_id, organization_id) DO UPDATE
        SET status = $3, proposed_at = now(), responded_at = NULL, responded_by_user_id = NULL, response_note = NULL
      WHERE project_co_building_unit.status = $4
     RETURNING organization_id`,
    [projectId, ids, CoBuildingStatus.PROPOSED, CoBuildingStatus.DECLINED],
  );
  if (!proposed.length) return;
  const [p]: { code: string; name: string; lead_unit_id: string }[] = await em.query(`SELECT code, name, lead_unit_id FROM project WHERE id = $1`, [projectId]);
  await recordEvents(
    em,
    [
      {
        kind: NotificationEventKind.CO_BUILDING_PROPOSED,
        organizationIds: proposed.map((r) => r.organization_id),
        data: { projectId, projectCode: p.code, projectName: p.name, leadUnitId: p.lead_unit_id, article: '第十四条' },
      },
    ],
    at,
  );
}

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
      const project = await em.findOne(Project, { where: { id: input.projectId }, lock: { mode: 'pessimistic_write' } });
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
      return em.findOneOrFail(Project, { where: { id: project.id } });
    });
  }

  private proposal(em: EntityManager, projectId: string, organizationId: string) {
    return em.findOne(ProjectCoBuildingUnit, { where: { projectId, organizationId }, lock: { mode: 'pessimistic_write' } });
  }
}
