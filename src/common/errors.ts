import { GraphQLError } from 'graphql';

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
  IDEMPOTENCY_KEY_APPLIED = 'IDEMPOTENCY_KEY_APPLIED',
  /** A write authenticated by the session cookie without the X-CSRF-Protection header, or from another origin. */
  CSRF_REFUSED = 'CSRF_REFUSED',
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.CSRF_REFUSED]: 403,
};

export function hubError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}

export const unauthenticated = () => hubError(ErrorCode.UNAUTHENTICATED, '未登录或令牌无效');
export const forbidden = (what = '此操作') => hubError(ErrorCode.FORBIDDEN, `当前角色无权执行${what}`);
export const badInput = (argument: string, message: string) => hubError(ErrorCode.BAD_USER_INPUT, message, { argument });
