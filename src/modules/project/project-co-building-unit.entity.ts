import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CreatedAtColumn, NullableInstant, NullableText } from '../../common/columns';
import { Organization } from '../organization';
import { CoBuildingStatus } from './project.enums';
import type { Project } from './project.entity';

/**
 * 共建单位 (第八条、第十四条): one organisation named on one project. Naming it is a proposal; it builds
 * the project (rights, provider of entries, answers to sharing requests) only once ACCEPTED.
 */
@ObjectType('CoBuildingUnit', { description: '共建单位及其确认 — a unit named as co-building unit, and its answer (第十四条)' })
@Entity({ name: 'project_co_building_unit' })
export class ProjectCoBuildingUnit {
  @Index()
  @PrimaryColumn('uuid')
  projectId: string;

  @Index()
  @PrimaryColumn('uuid')
  organizationId: string;

  @ManyToOne('Project', { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project: Relation<Project>;

  /** Exposed as `CoBuildingUnit.organization`. */
  @ManyToOne(() => Organization, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<Organization>;

  @Field(() => CoBuildingStatus)
  @Column({ type: 'enum', enum: CoBuildingStatus, enumName: 'co_building_status', default: CoBuildingStatus.PROPOSED })
  status: CoBuildingStatus;

  @CreatedAtColumn('提议时间 — when the lead unit named it')
  proposedAt: Date;

  @NullableInstant('答复时间 — when it accepted or declined')
  respondedAt: Date | null;

  @Field(() => String, { nullable: true, description: '答复人 — user id of who answered' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  respondedByUserId: string | null;

  @NullableText('答复说明 — note given with the answer')
  responseNote: string | null;
}
