import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mutation request sent with an `Idempotency-Key` header: the caller's key, a hash of the
 * request, and once answered the stored answer. Not part of the GraphQL schema.
 */
@Entity()
@Index('idempotency_key_expires_at', ['expiresAt'])
export class IdempotencyKey {
  /** `user:<token subject>` or `address:<client address>`. */
  @PrimaryColumn({ length: 250, primaryKeyConstraintName: 'idempotency_key_pkey' })
  caller: string;

  @PrimaryColumn({ length: 200, primaryKeyConstraintName: 'idempotency_key_pkey' })
  key: string;

  /** sha256 of the request (query, operation name, variables). */
  @Column({ length: 64 })
  requestHash: string;

  /** HTTP status of the stored answer; null while the first request runs. */
  @Column('int', { nullable: true })
  status: number | null;

  @Column('text', { nullable: true })
  contentType: string | null;

  @Column('text', { nullable: true })
  response: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** When a business action of the request committed; a key applied without an answer is never run again. */
  @Column('timestamptz', { nullable: true })
  appliedAt: Date | null;

  /** When the request ended without storing its answer (after its action committed): a retry is told at once. */
  @Column('timestamptz', { nullable: true })
  answerLostAt: Date | null;
}
