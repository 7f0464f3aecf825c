import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from './user.entity';

/** TOKEN: an access token with a refresh token (sessionCreate); COOKIE: the browser console's session cookie. */
export type SessionKind = 'TOKEN' | 'COOKIE';

/**
 * 会话 — one sign-in. Its secret (the refresh token, or the cookie's value) is stored only as a
 * SHA-256 hash; access tokens name it (`sid`), so revoking it refuses them on their next request.
 */
@Entity()
@Check('user_session_kind_check', `"kind" IN ('TOKEN', 'COOKIE')`)
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'user_session_user_fkey' })
  user: Relation<User>;

  @Index('user_session_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: SessionKind;

  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  clientAddress: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
