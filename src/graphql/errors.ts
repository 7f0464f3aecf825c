import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { classifyDatabaseError } from '../db/db-errors';

/** Codes of top-level errors: faults that are not a correctable input (those are UserErrors). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  BAD_REQUEST = 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** Too many requests from one caller (RATE_LIMIT_REQUESTS, MAX_CONCURRENT_PER_CALLER); see Retry-After. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A statement ran longer than STATEMENT_TIMEOUT_MS. */
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  /** No pooled connection came free within POOL_WAIT_MS. */
  DATABASE_BUSY = 'DATABASE_BUSY',
  /** The database cannot be reached. */
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  /** An Idempotency-Key already used with another request. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key is still running. */
  IDEMPOTENCY_KEY_IN_PROGRESS = 'IDEMPOTENCY_KEY_IN_PROGRESS',
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
};

export function hubError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}

export const unauthenticated = () => hubError(ErrorCode.UNAUTHENTICATED, '未登录或令牌无效');
export const forbidden = (what = '此操作') => hubError(ErrorCode.FORBIDDEN, `当前角色无权执行${what}`);
export const badInput = (argument: string, message: string) => hubError(ErrorCode.BAD_USER_INPUT, message, { argument });

/** Codes whose message is meant for the client; anything else is masked. */
const PASSED_THROUGH = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Apollo's formatError: known errors keep their message and code (never a stack); anything
 * else is logged with the request id and reaches the client as INTERNAL_SERVER_ERROR with no
 * stack, SQL or path of the server's files.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && PASSED_THROUGH.has(code)) {
      const { stacktrace: _s, http: _h, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const db = classifyDatabaseError(original);
    if (db) {
      log.warn({ err: original, path: formatted.path, code: db.code }, 'database refusal');
      return { message: db.message, locations: formatted.locations, path: formatted.path, extensions: { code: db.code } };
    }
    log.error({ err: original, path: formatted.path }, 'internal error');
    return {
      message: '服务器内部错误',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
