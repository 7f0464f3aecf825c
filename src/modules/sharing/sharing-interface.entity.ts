import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { InformationResource, UpdateFrequency } from '../catalogue';
import { Organization } from '../organization';
import { InterfaceKind, MountStatus } from './sharing.enums';

/** 共享接口 — an entry of the sharing list: how a resource reaches its consumers (第九条、第十七条). */
@ObjectType({ description: '共享接口（共享清单条目）— a sharing interface of a resource' })
@Entity()
export class SharingInterface {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, {
    description: '锁定版本号 — raised by every change; give it back as `lockVersion` in an update to be refused with CONFLICT if someone changed it meanwhile',
  })
  @Column({ type: 'int', default: 1 })
  lockVersion: number;

  /** exposed as `SharingInterface.resource`. */
  @ManyToOne(() => InformationResource, { onDelete: 'RESTRICT' })
  @JoinColumn()
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

  @Field(() => Date, { nullable: true, description: '挂接时间 — mounted at' })
  @Column({ type: 'timestamptz', nullable: true })
  mountedAt: Date | null;

  @Field(() => Date, { nullable: true, description: '撤销挂接时间 — withdrawn at' })
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true, description: '撤销挂接的理由 — why it was withdrawn' })
  @Column({ type: 'text', nullable: true })
  withdrawReason: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
