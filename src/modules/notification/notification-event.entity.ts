import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationEventKind } from './notification.enums';

export const EVENT_DEDUPE_KEY = 'notification_event_dedupe_key';

/**
 * 提醒事件 — the transactional outbox: one row per event, written in the same transaction as the
 * change it tells of (or by the daily round), and delivered from here by the worker. Its id is
 * the id a receiver de-duplicates on.
 */
@Entity()
export class NotificationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: NotificationEventKind, enumName: 'notification_event_kind' })
  kind: NotificationEventKind;

  /** The project units concerned (their organisations). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  organizationIds: string[];

  /** The office roles concerned whatever their organisation (BIG_DATA_BUREAU, LEADING_GROUP_OFFICE). */
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  roles: string[];

  /** What the event is about: ids, names, the rule and article, the due date. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** Events of the daily round carry a key so that a second round (or instance) records nothing twice. */
  @Index(EVENT_DEDUPE_KEY, { unique: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  dedupeKey: string | null;

  @Index()
  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}
