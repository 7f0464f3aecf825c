import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { refuse, UserErrorCode, UserErrorsException } from '../../common/user-error';
import type { Caller } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { projectForChange } from './project.access';
import { Project } from './project.entity';
import { ProjectStatus } from './project.enums';
import { PROJECT_TRANSITIONS, ProjectAction, transitionProblem } from './project.rules';
import { ProjectTransition } from './project-transition.entity';

/*
 * How every status change of a project is taken and written, whichever module's mutation takes it:
 * the project locked, its status checked against PROJECT_TRANSITIONS, one ProjectTransition row.
 */

/** The project, locked, if the caller may take `action` on it in its current status. */
export async function projectForAction(
  em: EntityManager,
  caller: Caller,
  projectId: string,
  action: ProjectAction,
  field = ['input', 'projectId'],
): Promise<Project> {
  let project: Project | null;
  if (PROJECT_TRANSITIONS[action].role === Role.PROJECT_UNIT) {
    project = await projectForChange(em, caller, projectId, field); // 第十三条: only its building units
  } else {
    project = await em.findOne(Project, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
    if (!project) refuse(UserErrorCode.NOT_FOUND, '项目不存在', field);
  }
  const problem = transitionProblem(action, project.status, field);
  if (problem) throw new UserErrorsException([problem]);
  return project;
}

/**
 * Sets `set` and the status the action leads to, and records the transition from the project's current status.
 * `to` is given only by an action whose target is not fixed (projectRectificationAccept: back to the earlier status).
 */
export async function recordTransition(
  em: EntityManager,
  caller: Caller,
  project: Pick<Project, 'id' | 'status'>,
  action: ProjectAction,
  set: QueryDeepPartialEntity<Project>,
  note: string | null,
  to: ProjectStatus = PROJECT_TRANSITIONS[action].to ?? project.status,
): Promise<void> {
  await em.update(Project, { id: project.id }, { ...set, status: to });
  await writeTransition(em, caller, project.id, project.status, action, note, to);
}

/** The ProjectTransition row of `action` taken by `caller`; `from` is null when the action creates the project. */
export async function writeTransition(
  em: EntityManager,
  caller: Caller,
  projectId: string,
  from: ProjectStatus | null,
  action: ProjectAction,
  note: string | null,
  to: ProjectStatus = PROJECT_TRANSITIONS[action].to ?? from!,
): Promise<void> {
  const rule = PROJECT_TRANSITIONS[action];
  await em.insert(ProjectTransition, {
    projectId,
    fromStatus: from,
    toStatus: to,
    action,
    actorUserId: caller.userId,
    actorRole: rule.role,
    actorOrganizationId: caller.organizationId,
    note,
    // The statement's time, not the transaction's (now()): one mutation may take two steps, and history lists them in order.
    at: () => 'clock_timestamp()',
  });
}
