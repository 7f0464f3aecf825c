/**
 * What a database failure means to a caller: the statement ran too long (QUERY_TIMEOUT), no pooled
 * connection came free in time (DATABASE_BUSY), the server is gone (DATABASE_UNAVAILABLE), or a
 * value the database could not take (BAD_USER_INPUT). Anything else stays an internal error.
 */

export interface DatabaseFailure {
  code: 'QUERY_TIMEOUT' | 'DATABASE_BUSY' | 'DATABASE_UNAVAILABLE' | 'BAD_USER_INPUT';
  message: string;
}

const UNAVAILABLE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED']);
// graphql-js wraps a thrown value that is not an Error of its realm as "Unexpected error value: { code: 'ECONNREFUSED' … }".
const UNAVAILABLE_MESSAGES =
  /\b(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH)\b|Connection terminated|connection terminated|Client has encountered a connection error|Connection is closed|terminating connection|the database system is (starting up|shutting down|in recovery mode)/;
const LOST_RUNNER = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);
/** SQLSTATE class 22 (data exception) codes a caller's value can raise, e.g. 22021 (a NUL byte), 22008 (year 0000). */
const DATA_EXCEPTION = /^22/;

function driverCodeOf(err: unknown): { code?: string; message: string } {
  let e = err as { code?: string; message?: string; driverError?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 3 && e; i++) {
    if (e.driverError) e = e.driverError as typeof e;
    else break;
  }
  return { code: e?.code, message: String(e?.message ?? '') };
}

export function classifyDatabaseError(err: unknown): DatabaseFailure | null {
  if (!err || typeof err !== 'object') return null;
  const { code, message } = driverCodeOf(err);
  if (code === '57014' && /statement timeout/.test(message)) {
    return { code: 'QUERY_TIMEOUT', message: '查询超时：数据库执行时间超过上限，请缩小查询范围后重试' };
  }
  if (/timeout exceeded when trying to connect/.test(message)) {
    return { code: 'DATABASE_BUSY', message: '数据库繁忙：暂无空闲连接，请稍后重试' };
  }
  // TypeORM's answers to a statement of a transaction whose connection the server ended mid-way.
  const lostMidTransaction = LOST_RUNNER.has((err as Error).name);
  if (
    lostMidTransaction ||
    (code && (UNAVAILABLE_NET.has(code) || /^(08|57P0)/.test(code))) ||
    UNAVAILABLE_MESSAGES.test(message) ||
    /Connection terminated due to connection timeout/.test(message)
  ) {
    return { code: 'DATABASE_UNAVAILABLE', message: '数据库暂不可用，请稍后重试' };
  }
  if (code && DATA_EXCEPTION.test(code)) {
    return { code: 'BAD_USER_INPUT', message: '输入值超出数据库可接受的范围或含有无法存储的字符' };
  }
  return null;
}
