import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, NullableInstant, NullableText } from '../../common/columns';
import { Role } from '../../common/role.enums';
import { OrganizationTarget } from './notification-target.base';

/** 回调地址 — an organisation's webhook: every event addressed to it (as the role it was made for) is POSTed there, signed. */
@ObjectType({ description: "回调地址（Webhook）— an organisation's receiver of reminder events, signed with HMAC-SHA256" })
@Entity()
@Index(['organizationId', 'role'])
export class Webhook extends OrganizationTarget {
  @Field(() => Role, { description: "接收角色 — the role whose events it receives (a project unit's for its organisation, an office's for the district)" })
  @Column({ type: 'varchar', length: 40 })
  role: Role;

  @Field({ description: '地址 — the http(s) URL events are POSTed to' })
  @Column({ length: 500 })
  url: string;

  /** The HMAC-SHA256 key; shown once, in webhookCreate's payload. Kept in clear: the hub must sign with it. */
  @Column({ length: 100 })
  secret: string;

  @Field({ description: '创建人 — user id of the creator' })
  @Column({ length: 200 })
  createdBy: string;

  @CreatedAtColumn('创建时间 — created at')
  createdAt: Date;

  @NullableInstant('停用时间 — when it was disabled after repeated failures; null while active')
  disabledAt: Date | null;

  @NullableText('停用原因 — why it was disabled')
  disabledReason: string | null;

  @Field(() => Int, { description: '连续失败次数 — failed attempts since its last success' })
  @Column({ type: 'int', default: 0 })
  consecutiveFailures: number;

  /** Deleted webhooks receive nothing; their delivery log is kept. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
