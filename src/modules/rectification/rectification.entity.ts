import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableInstant, NullableText } from '../../common/columns';
import { DateScalar } from '../../graphql/scalars';
import { ProjectStatus } from '../project';
import { RectificationStatus } from './rectification.enums';

export const OPEN_RECTIFICATION_KEY = 'project_rectification_open_key';

/**
 * 限期整改 (第三十三条): the office orders a project unit to rectify by a due date; the project's
 * status before the order is kept here, and the project returns to it when the rectification is accepted.
 */
@ObjectType({ description: '限期整改 — a rectification ordered by the leading-group office (第三十三条)' })
@Entity()
@Index(OPEN_RECTIFICATION_KEY, ['projectId'], { unique: true, where: `"status" IN ('ORDERED', 'REPORTED', 'REFUSED')` })
export class ProjectRectification {
  @IdColumn()
  id: string;

  @Index()
  @Column('uuid')
  projectId: string;

  @Field(() => RectificationStatus)
  @Column({ type: 'enum', enum: RectificationStatus, enumName: 'rectification_status', default: RectificationStatus.ORDERED })
  status: RectificationStatus;

  @Field(() => ProjectStatus, { description: '整改前的项目状态 — the status the project returns to when the rectification is accepted' })
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status' })
  previousStatus: ProjectStatus;

  @Field({ description: '整改理由 — why rectification is ordered (未实现批复的建设目标或未达到预期效果)' })
  @Column('text')
  reason: string;

  @Field(() => [String], { description: '问题清单 — the gaps or findings to rectify' })
  @Column('text', { array: true })
  findings: string[];

  @Field(() => DateScalar, { description: '整改期限 — the report is due by this date (Asia/Shanghai)' })
  @Column('date')
  dueOn: string;

  @CreatedAtColumn('下达时间 — when ordered')
  orderedAt: Date;

  @Field({ description: '下达人 — user id of the office user who ordered it' })
  @Column({ length: 200 })
  orderedByUserId: string;

  @NullableText('整改情况报告 — what the unit did, as reported')
  report: string | null;

  @Field(() => [String], { description: '整改材料 — the materials of the report (document names or references)' })
  @Column('text', { array: true, default: '{}' })
  materials: string[];

  @NullableInstant('报告时间 — when the unit last reported')
  reportedAt: Date | null;

  @NullableInstant('结论时间 — when the office last accepted or refused the report, or the project was terminated')
  decidedAt: Date | null;

  @NullableText('验收意见 — the reason the report was refused, or the note of its acceptance')
  decisionNote: string | null;
}
