import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { DecimalScalar } from '../../graphql/scalars';
import type { Project } from './project.entity';

/** 分年度预算 (第八条): one row per project and year. */
@ObjectType({ description: '年度预算 — the budget of one year of a project (第八条)' })
@Entity()
export class ProjectBudgetYear {
  @PrimaryColumn('uuid')
  projectId: string;

  @Field(() => Int)
  @PrimaryColumn('int')
  year: number;

  @Field(() => DecimalScalar, { description: '金额（元）— amount in yuan' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @ManyToOne('Project', 'budgetYears', { onDelete: 'CASCADE' })
  project: Relation<Project>;
}
