import { Field, ID, Int } from 'type-graphql';
import { Column, CreateDateColumn, JoinColumn, ManyToOne, ObjectType, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { stacked } from './decorators';

/*
 * The columns every entity writes the same way, each with its GraphQL field: one decorator a
 * column, so its type, nullability and field are spelled once. The GraphQL field keeps the
 * property's place (and so the schema's field order).
 */

const described = (description?: string) => (description ? { description } : {});

/** The row's id: a generated uuid, the GraphQL `ID`. */
export const IdColumn = (): PropertyDecorator =>
  stacked(
    Field(() => ID),
    PrimaryGeneratedColumn('uuid'),
  );

const LOCK_VERSION =
  '锁定版本号 — raised by every change; give it back as `lockVersion` in an update to be refused with CONFLICT if someone changed it meanwhile';

/** 锁定版本号: an int from 1 raised by every change, given back as `lockVersion` to be refused with CONFLICT if stale. `note` ends the description. */
export const LockVersionColumn = (note?: string): PropertyDecorator =>
  stacked(
    Field(() => Int, { description: note ? `${LOCK_VERSION} ${note}` : LOCK_VERSION }),
    Column({ type: 'int', default: 1 }),
  );

/** When the row was made (timestamptz, set by TypeORM on insert). */
export const CreatedAtColumn = (description?: string, options: { precision?: number } = {}): PropertyDecorator =>
  stacked(
    Field(() => Date, described(description)),
    CreateDateColumn({ type: 'timestamptz', ...options }),
  );

/** When the row was last changed (timestamptz, set by TypeORM on every save). */
export const UpdatedAtColumn = (description?: string): PropertyDecorator =>
  stacked(
    Field(() => Date, described(description)),
    UpdateDateColumn({ type: 'timestamptz' }),
  );

/** A moment that may be unknown: a nullable timestamptz, a nullable GraphQL date-time. */
export const NullableInstant = (description?: string): PropertyDecorator =>
  stacked(
    Field(() => Date, { nullable: true, ...described(description) }),
    Column({ type: 'timestamptz', nullable: true }),
  );

/** A free text that may be absent: a nullable text column, a nullable GraphQL string. */
export const NullableText = (description?: string): PropertyDecorator =>
  stacked(
    Field(() => String, { nullable: true, ...described(description) }),
    Column({ type: 'text', nullable: true }),
  );

/**
 * A row this one refers to, joined on `<property>_id`, which cannot be deleted while this row
 * refers to it (ON DELETE RESTRICT); with `nullable`, the reference may be absent.
 */
export const RestrictedReference = <T>(type: () => ObjectType<T>, options: { nullable?: boolean } = {}): PropertyDecorator =>
  stacked(ManyToOne(type, { ...options, onDelete: 'RESTRICT' }), JoinColumn());
