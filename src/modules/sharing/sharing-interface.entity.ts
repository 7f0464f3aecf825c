import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinTable, ManyToMany, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, LockVersionColumn, NullableInstant, NullableText, RestrictedReference, UpdatedAtColumn } from '../../common/columns';
import { InformationResource, UpdateFrequency } from '../catalogue';
import { Organization } from '../organization';
import { InterfaceKind, MountStatus } from './sharing.enums';

/** 共享接口 — an entry of the sharing list: how a resource reaches its consumers (第九条、第十七条). */
@ObjectType({ description: '共享接口（共享清单条目）— a sharing interface of a resource' })
@Entity()
export class SharingInterface {
  @IdColumn()
  id: string;

  @LockVersionColumn()
  lockVersion: number;

  /** exposed as `SharingInterface.resource`. */
  @RestrictedReference(() => InformationResource)
  resource: Relation<InformationResource>;

  @Index()
  @Column('uuid')
  resourceId: string;

  @Field(() => InterfaceKind)
  @Column({ type: 'enum', enum: InterfaceKind, enumName: 'interface_kind' })
  kind: InterfaceKind;

  @Field({ description: '访问地址（URL 或 DSN，不含口令）— endpoint URL or DSN, without password' })
  @Column({ length: 500 })
  endpoint: string;

  @Field(() => UpdateFrequency, { description: "同步频率 — sync frequency; not rarer than the resource's update frequency" })
  @Column({ type: 'enum', enum: UpdateFrequency, enumName: 'update_frequency' })
  syncFrequency: UpdateFrequency;

  /** 使用单位; exposed as `SharingInterface.consumers`. */
  @ManyToMany(() => Organization)
  @JoinTable({ name: 'sharing_interface_consumer', joinColumn: { name: 'interface_id' }, inverseJoinColumn: { name: 'organization_id' } })
  consumers: Relation<Organization[]>;

  @Field(() => MountStatus)
  @Index()
  @Column({ type: 'enum', enum: MountStatus, enumName: 'mount_status', default: MountStatus.NOT_MOUNTED })
  mountStatus: MountStatus;

  @Field(() => String, { nullable: true, description: '市共享交换平台挂接编号 — id on the city exchange platform' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  platformId: string | null;

  @NullableInstant('挂接时间 — mounted at')
  mountedAt: Date | null;

  @NullableInstant('撤销挂接时间 — withdrawn at')
  withdrawnAt: Date | null;

  @NullableText('撤销挂接的理由 — why it was withdrawn')
  withdrawReason: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
