import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, OneToOne, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../common/columns';
import { AcceptanceApplication } from './acceptance-application.entity';

/**
 * What the project's catalogue, sharing list and completeness were when it applied for acceptance
 * (第二十五条): frozen, with a SHA-256 of a canonical serialisation. A database trigger refuses
 * every UPDATE and DELETE of this table (made in the migration).
 */
@ObjectType({ description: '验收快照 — the catalogue, sharing list and completeness frozen at the acceptance application' })
@Entity()
export class AcceptanceSnapshot {
  @IdColumn()
  id: string;

  @OneToOne(() => AcceptanceApplication, { onDelete: 'RESTRICT' })
  @JoinColumn()
  application: Relation<AcceptanceApplication>;

  @Index({ unique: true })
  @Column('uuid')
  applicationId: string;

  @CreatedAtColumn('冻结时间 — when it was frozen')
  takenAt: Date;

  @Field(() => GraphQLJSONObject, { description: '冻结内容（规范序列化）— the frozen content, canonical form' })
  @Column('jsonb')
  content: Record<string, unknown>;

  @Field({ description: '内容 SHA-256 — SHA-256 of the canonical serialisation of content' })
  @Column({ type: 'char', length: 64 })
  contentHash: string;
}
