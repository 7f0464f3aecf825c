/** The HTTP side of Idempotency-Key: which requests it applies to, and the request's hash. */
import { createHash } from 'node:crypto';
import { Kind, parse } from 'graphql';
import { classifyDatabaseError } from '../db/db-errors';
import { ErrorCode } from '../common/errors';
import type { Claim, IdempotencyService } from '../db/idempotency';

const KEY = /^[\x21-\x7e]{1,200}$/;

export class IdempotencyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** True when the body's selected operation is a mutation (a document that does not parse is not). */
function isMutation(body: { query?: unknown; operationName?: unknown }): boolean {
  if (typeof body.query !== 'string') return false;
  try {
    const ops = parse(body.query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const op = typeof body.operationName === 'string' ? ops.find((d) => d.name?.value === body.operationName) : ops.length === 1 ? ops[0] : undefined;
    return op?.operation === 'mutation';
  } catch {
    return false;
  }
}

/**
 * The claim for a POSTed mutation carrying an `Idempotency-Key`; null when the header is absent
 * or the request is not a mutation (a query is safe to repeat anyway).
 */
export async function claimFor(service: IdempotencyService, header: string | string[] | undefined, caller: string, body: unknown): Promise<Claim | null> {
  if (header === undefined || !body || typeof body !== 'object') return null;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw new IdempotencyRefusal(400, ErrorCode.BAD_REQUEST, 'Idempotency-Key 须为 1 到 200 个可见 ASCII 字符');
  }
  const request = body as { query?: unknown; operationName?: unknown; variables?: unknown };
  if (!isMutation(request)) return null;
  const hash = createHash('sha256')
    .update(JSON.stringify([request.query, request.operationName ?? null, request.variables ?? null]))
    .digest('hex');
  try {
    return await service.claim(caller, header, hash);
  } catch (err) {
    const failure = classifyDatabaseError(err);
    if (failure) throw new IdempotencyRefusal(503, failure.code, failure.message);
    throw err;
  }
}
