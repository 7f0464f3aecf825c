import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryStatus } from './notification.enums';

/**
 * 每日摘要 — one e-mail per address per day listing the events since its last digest: a person's
 * (the address of their account) covers every event they are a recipient of; an address an
 * organisation configured covers its role's. Made by the daily round, sent by the worker; its id
 * is the message's Message-ID, so a resend after a crash is recognisable as the same message.
 */
@Entity()
@Index('email_digest_address_date_key', ['address', 'digestDate'], { unique: true })
@Index(['status', 'nextAttemptAt'])
export class EmailDigest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The address, in lower case: one mailbox gets one digest a day however many accounts or settings name it. */
  @Column({ length: 254 })
  address: string;

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
