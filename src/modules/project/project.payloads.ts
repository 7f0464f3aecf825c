import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { Project } from './project.entity';
import { ProjectTransition } from './project-transition.entity';

@ObjectType()
export class ProjectConnection extends Connection(Project) {}

@ObjectType({ description: "状态变更记录分页 — a page of a project's status transitions" })
export class ProjectTransitionConnection extends Connection(ProjectTransition) {}

/** Every project mutation answers with the project as it now stands, or with userErrors and nothing written. */
const ProjectPayload = Payload('project', Project, '操作后的项目；有 userErrors 时为空 — the project after the action; null when refused');

@ObjectType()
export class ProjectCreatePayload extends ProjectPayload {}

@ObjectType()
export class ProjectUpdatePayload extends ProjectPayload {}

@ObjectType()
export class ProjectDeclarePayload extends ProjectPayload {}

@ObjectType()
export class ProjectApprovePayload extends ProjectPayload {}

@ObjectType()
export class ProjectRejectPayload extends ProjectPayload {}

@ObjectType()
export class ProjectStartConstructionPayload extends ProjectPayload {}

@ObjectType()
export class ProjectGoLivePayload extends ProjectPayload {}

@ObjectType()
export class ProjectRequestChangePayload extends ProjectPayload {}

@ObjectType()
export class CoBuildingAcceptPayload extends ProjectPayload {}

@ObjectType()
export class CoBuildingDeclinePayload extends ProjectPayload {}
