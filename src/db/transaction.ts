import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { RequestContext } from '../common/request-context';
import { UserError, userError, UserErrorCode, UserErrorsException } from '../common/user-error';
import { onPrimary, recordCommit } from './read-replicas';

export interface Outcome<T> {
  result: T | null;
  userErrors: UserError[];
}

/** A unique index whose violation is the caller's duplicate, not a fault: index name → field and message. */
export interface UniqueViolation {
  constraint: string;
  field: string[];
  message: string;
}

const uniqueViolations = new Map<string, UniqueViolation>();

export function registerUniqueViolation(v: UniqueViolation): void {
  uniqueViolations.set(v.constraint, v);
}

function asDuplicate(err: unknown): UserError | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code !== '23505' || !driverError.constraint) return null;
  const v = uniqueViolations.get(driverError.constraint);
  return v ? userError(UserErrorCode.DUPLICATE, v.message, v.field) : null;
}

/**
 * Every write of the hub runs through here: one transaction per business action. A
 * UserErrorsException (or a registered unique-index violation) rolls everything back and comes
 * out as userErrors; anything else propagates as an internal error. A business action that must
 * read one consistent moment across several statements (an acceptance snapshot) asks for
 * REPEATABLE READ.
 */
const SERIALIZATION_FAILURE = '40001';
/** Two writers that took the same rows in opposite orders (two ingest batches over overlapping interfaces): one is given up, and tried again. */
const DEADLOCK = '40P01';

/**
 * The server's default isolation (READ COMMITTED) unless asked; above it a concurrent write can
 * make PostgreSQL give up a transaction (two writers, or the audit chain's head taken meanwhile), which is then tried again, up to four times.
 */
async function transactionWithRetry<T>(
  ds: DataSource | EntityManager,
  isolation: IsolationLevel | undefined,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  // A savepoint of an enclosing transaction is never tried again by itself: the failure aborts the whole.
  if (!(ds instanceof DataSource)) return isolation ? ds.transaction(isolation, work) : ds.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await (isolation ? ds.transaction(isolation, work) : ds.transaction(work));
    } catch (err) {
      const code = (err as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if ((code !== SERIALIZATION_FAILURE && code !== DEADLOCK) || attempt === 5) throw err;
    }
  }
}

/**
 * What every mutation does besides its own work, in its own transaction (the audit log): `begin`
 * before the work, `finish` after it, just before the commit; a UserErrorsException from `finish`
 * (a stale version) refuses the mutation like any other.
 */
export interface MutationRecorder {
  begin(em: EntityManager): Promise<void>;
  finish(em: EntityManager, ctx: RequestContext, result: unknown): Promise<void>;
}

let recorder: MutationRecorder | null = null;

/** Set once by the composition root (services.ts): the audit log records every mutation run through `mutate`. */
export function setMutationRecorder(r: MutationRecorder | null): void {
  recorder = r;
}

export async function mutate<T>(ds: DataSource, ctx: RequestContext, work: (em: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<Outcome<T>> {
  const recorded = recorder;
  const recordedWork = recorded
    ? async (em: EntityManager) => {
        await recorded.begin(em);
        const result = await work(em);
        await recorded.finish(em, ctx, result);
        return result;
      }
    : work;
  try {
    // Inside a bulk action's transaction the action is a savepoint of it (TypeORM nests them).
    // Every statement of a business action, its reads too, goes to the primary (never a read replica).
    const result = await onPrimary(() =>
      transactionWithRetry(ctx.transaction ?? ds, ctx.transaction ? undefined : isolation, async (em) => {
        const done = await recordedWork(em);
        await ctx.idempotency?.markApplied(em);
        return done;
      }),
    );
    // Committed: the caller's next reads wait for a replica that has replayed it (read-your-writes).
    if (!ctx.transaction) await recordCommit(ctx.caller?.userId ?? null);
    return { result, userErrors: [] };
  } catch (err) {
    if (err instanceof UserErrorsException) return { result: null, userErrors: err.errors };
    const duplicate = asDuplicate(err);
    if (duplicate) return { result: null, userErrors: [duplicate] };
    ctx.log.debug({ err }, 'mutation failed');
    throw err;
  }
}

/** The manager a read of the request goes through: the bulk action's transaction when there is one. */
export const readerOf = (ds: DataSource, ctx: RequestContext): EntityManager => ctx.transaction ?? ds.manager;
