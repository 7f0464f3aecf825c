import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { DeliveryStatus } from './notification.enums';
import { EmailRecipient } from './email-recipient.entity';

/**
 * 每日摘要 — one e-mail per recipient per day listing the events since its last digest. Made by the
 * daily round, sent by the worker; its id is the message's Message-ID, so a resend after a crash
 * is recognisable as the same message.
 */
@Entity()
@Index(['recipientId', 'digestDate'], { unique: true })
@Index(['status', 'nextAttemptAt'])
export class EmailDigest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => EmailRecipient, { onDelete: 'RESTRICT' })
  @JoinColumn()
  recipient: Relation<EmailRecipient>;

  @Column('uuid')
  recipientId: string;

  /** The Asia/Shanghai day of the digest. */
  @Column({ type: 'date' })
  digestDate: string;

  /** Events up to this instant are in this digest; the next one starts after it. */
  @Column({ type: 'timestamptz' })
  cutoff: Date;

  @Column({ type: 'uuid', array: true })
  eventIds: string[];

  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status', default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
