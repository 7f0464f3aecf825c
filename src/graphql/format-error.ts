import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../common/errors';
import { classifyDatabaseError } from '../db/db-errors';
import { translate } from './error-messages';

/** Codes graphql-js and Apollo give requests they refuse before a resolver runs: their English message is put in Chinese. */
const TRANSLATED = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
]);

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
      return { ...formatted, message: TRANSLATED.has(code) ? translate(formatted.message) : formatted.message, extensions };
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
