import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableText } from '../../common/columns';
import { Role } from '../../common/role.enums';
import { ProjectStatus } from './project.enums';

/** One step of a project's life: who moved it from which status to which, when, and why. */
@ObjectType({ description: '项目状态变更记录 — one status transition of a project' })
@Entity()
export class ProjectTransition {
  @IdColumn()
  id: string;

  @Index()
  @Column('uuid')
  projectId: string;

  @Field(() => ProjectStatus, { nullable: true })
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status', nullable: true })
  fromStatus: ProjectStatus | null;

  @Field(() => ProjectStatus)
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status' })
  toStatus: ProjectStatus;

  @Field({ description: '业务动作 — the mutation, e.g. projectApprove' })
  @Column({ length: 64 })
  action: string;

  @Field({ description: '操作人 — user id of the caller' })
  @Column({ length: 200 })
  actorUserId: string;

  @Field(() => Role, { description: '操作角色 — role the caller acted in' })
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  actorRole: Role;

  @Column({ type: 'uuid', nullable: true })
  actorOrganizationId: string | null;

  @NullableText('理由或变更说明 — reason or change description (第十五条)')
  note: string | null;

  @CreatedAtColumn()
  at: Date;
}
