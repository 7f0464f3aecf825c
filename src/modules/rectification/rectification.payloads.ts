import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { ProjectRectification } from './rectification.entity';
import { Project } from '../project';

/** Every rectification mutation answers with the project as it now stands (its rectification a field of it), or userErrors and nothing written. */
const RectificationPayload = Payload('project', Project, '操作后的项目；有 userErrors 时为空 — the project after the step; null when refused');

@ObjectType()
export class ProjectRectificationOrderPayload extends RectificationPayload {}

@ObjectType()
export class ProjectRectificationReportPayload extends RectificationPayload {}

@ObjectType()
export class ProjectRectificationAcceptPayload extends RectificationPayload {}

@ObjectType()
export class ProjectRectificationRefusePayload extends RectificationPayload {}

@ObjectType()
export class ProjectSuspendPayload extends RectificationPayload {}

@ObjectType()
export class ProjectResumePayload extends RectificationPayload {}

@ObjectType()
export class ProjectTerminatePayload extends RectificationPayload {}

@ObjectType()
export class ProjectRectificationConnection extends Connection(ProjectRectification) {}
