import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Role } from '../../common/role.enums';
import { OrganizationTarget } from './notification-target.base';

/**
 * 提醒邮箱 — the contact address of an organisation (as one role) that receives one digest a day.
 * Until user accounts exist this is per organisation and role, not per person.
 */
@ObjectType({ description: "提醒邮箱 — an organisation's contact address for the daily reminder digest" })
@Entity()
@Index(['organizationId', 'role'], { unique: true })
export class EmailRecipient extends OrganizationTarget {
  @Field(() => Role, { description: '接收角色 — the role whose events it receives' })
  @Column({ type: 'varchar', length: 40 })
  role: Role;

  @Field({ description: '邮箱地址 — address' })
  @Column({ length: 254 })
  address: string;

  @Field({ description: '设置时间 — set at' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
