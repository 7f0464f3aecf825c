import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableInstant } from '../../common/columns';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';

/**
 * 服务账号令牌 — a service account (the city exchange platform, a project's own system): 32 random
 * bytes shown once at creation, stored only as their SHA-256 hash, bound to one role and
 * organisation, with an expiry. The actor recorded for its calls is this row's id.
 */
@ObjectType({ description: '服务账号令牌 — a service account’s API token (the secret is shown once, at creation)' })
@Entity()
export class ApiToken {
  @IdColumn()
  id: string;

  @Field({ description: '名称 — what the token is for, e.g. 市共享交换平台' })
  @Column({ length: 100 })
  name: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role: Role;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ foreignKeyConstraintName: 'api_token_organization_fkey' })
  organization: Relation<Organization> | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Index('api_token_secret_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Field({ description: '到期时间 — expires at' })
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @NullableInstant('最近使用时间 — last used (kept to the minute)')
  lastUsedAt: Date | null;

  @NullableInstant('吊销时间 — revoked at; refused from then on')
  revokedAt: Date | null;

  /** The actor (user id) who created it. */
  @Column({ length: 200 })
  createdBy: string;

  @CreatedAtColumn('创建时间 — created at')
  createdAt: Date;
}
