import type { Logger } from 'pino';
import type { Caller } from './caller';

/** What a service needs to know of the request it serves: who calls, and how to log it. */
export interface RequestContext {
  requestId: string;
  caller: Caller | null;
  log: Logger;
}
