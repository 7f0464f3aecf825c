import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { InformationResource } from '../catalogue';
import { SharingInterface } from '../sharing';
import { AggregationMode, AggregationOutcome } from './aggregation.enums';

export const RUN_PLATFORM_KEY = 'aggregation_run_platform_key';

/**
 * 归集记录 — one run of the city exchange platform pulling a sharing interface's data (第十七条).
 * High volume: one row per interface per sync. Completeness never scans this table: ingest keeps
 * the latest run and latest success on the interface and the resource.
 */
@ObjectType({ description: '归集记录 — an aggregation run reported by the city exchange platform (第十七条)' })
@Entity()
@Index(RUN_PLATFORM_KEY, ['interfaceId', 'platformRunId'], { unique: true })
@Index(['interfaceId', 'ranAt'])
export class AggregationRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => SharingInterface, { onDelete: 'RESTRICT' })
  @JoinColumn()
  interface: Relation<SharingInterface>;

  @Column('uuid')
  interfaceId: string;

  @ManyToOne(() => InformationResource, { onDelete: 'RESTRICT' })
  @JoinColumn()
  resource: Relation<InformationResource>;

  @Index()
  @Column('uuid')
  resourceId: string;

  @Field({ description: "平台运行编号 — the platform's run id; a retried report with the same id changes nothing" })
  @Column({ length: 100 })
  platformRunId: string;

  @Field({ description: '归集时间 — when the run happened' })
  @Column({ type: 'timestamptz' })
  ranAt: Date;

  @Field(() => AggregationMode)
  @Column({ type: 'enum', enum: AggregationMode, enumName: 'aggregation_mode' })
  mode: AggregationMode;

  @Field(() => Int, { description: '交付记录数 — records delivered in this run' })
  @Column('int')
  records: number;

  @Field(() => AggregationOutcome)
  @Column({ type: 'enum', enum: AggregationOutcome, enumName: 'aggregation_outcome' })
  outcome: AggregationOutcome;

  @Field(() => String, { nullable: true, description: '失败原因 — why it failed' })
  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Field({ description: '上报时间 — when the platform reported it' })
  @CreateDateColumn({ type: 'timestamptz' })
  reportedAt: Date;
}
