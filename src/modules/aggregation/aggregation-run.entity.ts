import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableText, RestrictedReference } from '../../common/columns';
import { InformationResource } from '../catalogue';
import { SharingInterface } from '../sharing';
import { AggregationMode, AggregationOutcome } from './aggregation.enums';

/**
 * 归集记录 — one run of the city exchange platform pulling a sharing interface's data (第十七条).
 * High volume: one row per interface per sync. Completeness never scans this table: ingest keeps
 * the latest run and latest success on the interface and the resource.
 *
 * Partitioned by month of `ranAt` (UTC; migration 1795810000000, docs/scaling.md): the primary key
 * holds the partition key, and the platform's idempotency key (interface, platform run id), which a
 * partitioned table cannot enforce, lives in the unpartitioned `aggregation_run_key`.
 */
@ObjectType({ description: '归集记录 — an aggregation run reported by the city exchange platform (第十七条)' })
@Entity()
@Index(['interfaceId', 'ranAt'])
export class AggregationRun {
  @IdColumn()
  id: string;

  @RestrictedReference(() => SharingInterface)
  interface: Relation<SharingInterface>;

  @Column('uuid')
  interfaceId: string;

  @RestrictedReference(() => InformationResource)
  resource: Relation<InformationResource>;

  @Index()
  @Column('uuid')
  resourceId: string;

  @Field({ description: "平台运行编号 — the platform's run id; a retried report with the same id changes nothing" })
  @Column({ length: 100 })
  platformRunId: string;

  @Field({ description: '归集时间 — when the run happened' })
  @PrimaryColumn({ type: 'timestamptz' })
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

  @NullableText('失败原因 — why it failed')
  failureReason: string | null;

  @CreatedAtColumn('上报时间 — when the platform reported it')
  reportedAt: Date;
}
