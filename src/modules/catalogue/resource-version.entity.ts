import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IdColumn } from '../../common/columns';

/** A published version of a catalogue entry, frozen when the big-data bureau published it (第五条). */
@ObjectType({ description: '已发布版本 — a catalogue entry as it was published' })
@Entity()
@Index(['resourceId', 'version'], { unique: true })
export class ResourceVersion {
  @IdColumn()
  id: string;

  @Column('uuid')
  resourceId: string;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Field(() => GraphQLJSONObject, { description: '发布时的全部元数据与信息项 — the metadata and data items as published' })
  @Column('jsonb')
  snapshot: Record<string, unknown>;

  @Field({ description: '发布时间 — published at' })
  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @Field({ description: '发布人 — user id of the bureau reviewer' })
  @Column({ length: 200 })
  publishedBy: string;
}
