import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn } from '../../common/columns';
import { Role } from '../../common/role.enums';
import { OrganizationTarget } from './notification-target.base';

/**
 * 提醒邮箱 — a contact address of an organisation (as one role) that receives one digest a day of
 * that role's events. A person's own digest goes to the address of their account (hub_user.email).
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

  @CreatedAtColumn('设置时间 — set at')
  createdAt: Date;
}
