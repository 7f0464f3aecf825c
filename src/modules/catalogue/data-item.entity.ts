import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, ManyToOne, Relation } from 'typeorm';
import { IdColumn } from '../../common/columns';
import { DataItemType } from './catalogue.enums';
import type { InformationResource } from './information-resource.entity';

/** 信息项 — one field of a resource, in the order given. */
@ObjectType({ description: '信息项 — a data item of a resource' })
@Entity()
@Index(['resourceId', 'position'], { unique: true })
export class DataItem {
  @IdColumn()
  id: string;

  @Column('uuid')
  resourceId: string;

  @ManyToOne('InformationResource', 'dataItems', { onDelete: 'CASCADE' })
  resource: Relation<InformationResource>;

  @Field(() => Int, { description: '序号 — position, from 1' })
  @Column('int')
  position: number;

  @Field({ description: '信息项名称 — name' })
  @Column({ length: 100 })
  name: string;

  @Field(() => DataItemType)
  @Column({ type: 'enum', enum: DataItemType, enumName: 'data_item_type' })
  dataType: DataItemType;

  @Field(() => Int, { nullable: true, description: '长度 — length' })
  @Column('int', { nullable: true })
  length: number | null;
}
