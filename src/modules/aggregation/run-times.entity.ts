import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { InformationResource } from '../catalogue';
import { SharingInterface } from '../sharing';

/**
 * 第十七条: an interface's latest run and latest successful run, kept by ingest from the runs it
 * stores (never moved back). A narrow row of its own (migration 1795830500000): ingest moves it once
 * per batch without rewriting the wide catalogue rows, and it is the system's bookkeeping (not
 * captured by the audit log, no revision raised). No row until the interface's first run.
 */
@Entity()
export class InterfaceRunTimes {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'interface_run_times_pkey' })
  interfaceId: string;

  @ManyToOne(() => SharingInterface, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'interface_run_times_interface_fkey' })
  interface: Relation<SharingInterface>;

  @Column({ type: 'timestamptz', nullable: true })
  lastRunAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;
}

/** 第十七条: a catalogue entry's latest successful run over any of its interfaces, kept by ingest (as above). */
@Entity()
export class ResourceRunTimes {
  @ManyToOne(() => InformationResource, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'resource_run_times_resource_fkey' })
  resource: Relation<InformationResource>;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'resource_run_times_pkey' })
  resourceId: string;

  /** Set by the entry's first successful run, never moved back. */
  @Column({ type: 'timestamptz', nullable: true })
  lastAggregatedAt: Date | null;
}
