import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation, VersionColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableInstant, UpdatedAtColumn } from '../../common/columns';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';

export const LOGIN_KEY = 'hub_user_login_key';
export const SSO_SUBJECT_KEY = 'hub_user_sso_subject_key';

/**
 * 用户 — a person who signs in: a name, an organisation and one or more roles in it. The actor
 * recorded for what they do is this row's id, the same across every token and session.
 */
@ObjectType({ description: '用户 — a person who signs in to the hub (ADMIN manages them)' })
@Entity({ name: 'hub_user' })
@Check('hub_user_roles_not_empty', 'cardinality("roles") > 0')
export class User {
  @IdColumn()
  id: string;

  @Field({ description: '登录名 — sign-in name, lower case, unique' })
  @Index(LOGIN_KEY, { unique: true })
  @Column({ length: 64 })
  login: string;

  @Field({ description: '姓名 — name' })
  @Column({ length: 50 })
  name: string;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ foreignKeyConstraintName: 'hub_user_organization_fkey' })
  organization: Relation<Organization> | null;

  /** Exposed as `User.organization`, loaded by DataLoader. */
  @Index('hub_user_organization_id')
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Field(() => [Role], { description: '角色 — roles in the organisation' })
  @Column({ type: 'enum', enum: Role, enumName: 'role', array: true })
  roles: Role[];

  @Field(() => String, { nullable: true, description: '提醒邮箱 — where the person’s daily reminder digest goes; none: no digest' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** scrypt hash (password.ts); null: no password sign-in (single sign-on or token-only). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @NullableInstant('密码设置时间 — when the password was last set')
  passwordChangedAt: Date | null;

  @Field(() => String, { nullable: true, description: '统一身份认证用户标识 — subject (sub) of the user at the OIDC issuer' })
  @Index(SSO_SUBJECT_KEY, { unique: true, where: '"sso_subject" IS NOT NULL' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  ssoSubject: string | null;

  /** Password failures since the last success; LOGIN_MAX_FAILURES of them lock the account. */
  @Column({ type: 'int', default: 0 })
  failedSignIns: number;

  @NullableInstant('锁定至 — locked after repeated sign-in failures until then')
  lockedUntil: Date | null;

  @NullableInstant('最近登录时间 — last successful sign-in')
  lastSignInAt: Date | null;

  @NullableInstant('停用时间 — when the account was disabled; its tokens and sessions are refused from then on')
  disabledAt: Date | null;

  @CreatedAtColumn('创建时间 — created at')
  createdAt: Date;

  @UpdatedAtColumn('更新时间 — updated at')
  updatedAt: Date;

  @Field(() => Int, { description: '版本 — changes with every update' })
  @VersionColumn()
  version: number;
}
