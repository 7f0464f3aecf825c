import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableText, RestrictedReference } from '../../common/columns';
import { Project } from '../project';
import { DateScalar } from '../../graphql/scalars';
import { AcceptanceResult } from './acceptance.enums';

/** 竣工验收申请 (第二十五条) and what became of it: the result (第二十六条) and the filing (备案). */
@ObjectType({ description: '竣工验收申请 — an acceptance application and its outcome (第二十四条至第二十六条)' })
@Entity()
export class AcceptanceApplication {
  @IdColumn()
  id: string;

  @RestrictedReference(() => Project)
  project: Relation<Project>;

  @Index()
  @Column('uuid')
  projectId: string;

  @CreatedAtColumn('申请时间 — applied at')
  appliedAt: Date;

  @Field({ description: '申请人 — user id of the applicant' })
  @Column({ length: 200 })
  appliedBy: string;

  @Field(() => AcceptanceResult, { nullable: true })
  @Column({ type: 'enum', enum: AcceptanceResult, enumName: 'acceptance_result', nullable: true })
  result: AcceptanceResult | null;

  @Field(() => DateScalar, { nullable: true, description: '验收日期 — acceptance date' })
  @Column({ type: 'date', nullable: true })
  acceptedOn: string | null;

  @NullableText('低于完整性阈值仍予通过的理由 — why it passed below the completeness thresholds')
  overrideReason: string | null;

  @NullableText('上线运行未满三个月即验收的理由 — why it was accepted before three months of operation (第二十四条 原则上)')
  earlyAcceptanceReason: string | null;

  @Field(() => String, { nullable: true, description: '结论登记人 — user id of who recorded the result' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Field(() => DateScalar, { nullable: true, description: '备案日期 — filing date (第二十六条)' })
  @Column({ type: 'date', nullable: true })
  filedOn: string | null;
}
