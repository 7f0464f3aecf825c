import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 日历订阅令牌 — a caller's token for GET /calendar.ics, stored as its SHA-256 hash; one per user
 * id, replaced when rotated. It carries the caller's organisation and roles as they were when it was made.
 */
@Entity()
export class CalendarFeedToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Index({ unique: true })
  @Column({ length: 200 })
  userId: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'varchar', length: 40, array: true })
  roles: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
