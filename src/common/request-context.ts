import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { Caller } from './caller';

/** What a service needs to know of the request it serves: who calls, and how to log it. */
export interface RequestContext {
  requestId: string;
  caller: Caller | null;
  log: Logger;
  /** The network address the request came from (recorded in the audit log). */
  clientAddress?: string;
  /**
   * The transaction of a bulk action (a catalogue import) that runs many business actions as one:
   * each action's writes join it as a savepoint, and its reads see what the earlier ones wrote.
   */
  transaction?: EntityManager;
  /**
   * The Idempotency-Key this request runs under: each business action marks it applied in its own
   * transaction, so that a retry can never run an action twice, even when its answer was lost.
   */
  idempotency?: { markApplied(em: EntityManager): Promise<void> };
}
