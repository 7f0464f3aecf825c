/**
 * Fuzzing the live hub: fast-check arbitraries derived from the schema's input types (random,
 * boundary and malformed values, ids of real rows), one operation of the schema per case, by a
 * random role. `runFuzz` returns every answer that broke the rule: an HTTP 5xx, a dropped
 * connection, or INTERNAL_SERVER_ERROR anywhere.
 */
import fc from 'fast-check';
import { GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { documentFor, Operation, operations } from './schema-inputs';

const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(201),
  'x'.repeat(5001),
  'a\u0000b',
  'ab\u202Ecd',
  '\u200B',
  "' OR 1=1 --",
  "'); DROP TABLE organization; --",
  '%_\\',
  '学生资助信息',
  '👩‍🎓',
  '\ud800',
  '0000-01-01T00:00:00Z',
  '2027-02-30',
  '-1',
  '1e309',
  'NaN',
  '{"$gt": ""}',
];

const INT_BOUNDARIES = [0, -1, 1, 2, 20, 100, 101, 1000, 2147483647, -2147483648];

export interface FuzzContext {
  /** Ids of real rows, so that some cases reach past "not found". */
  ids: string[];
}

function stringArb() {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  );
}

function leafArb(name: string, ctx: FuzzContext): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof(ctx.ids.length ? fc.constantFrom(...ctx.ids) : fc.uuid(), fc.uuid(), stringArb());
    case 'Int':
      return fc.oneof(fc.constantFrom(...INT_BOUNDARIES), fc.integer());
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308));
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof(
        fc.date({ min: new Date('1899-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        stringArb(),
      );
    case 'DateTime':
      return fc.oneof(
        fc.date({ min: new Date('1899-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        stringArb(),
      );
    case 'Decimal':
      return fc.oneof(fc.constantFrom('0', '1.00', '-1', '99999999999999999999', '1.23456', '800000.00'), fc.integer().map(String), stringArb());
    case 'JSONObject':
      return fc.oneof(fc.object({ maxDepth: 2, maxKeys: 4 }), fc.constant({}));
    default:
      return stringArb();
  }
}

/** Values of `type`: mostly well-typed (so the resolver runs), sometimes not (so coercion refuses). */
export function inputArb(type: GraphQLInputType, ctx: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 60, arbitrary: inputArb(type.ofType, ctx, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  if (depth > 4) return fc.constant(null);
  if (isListType(type)) return fc.array(inputArb(type.ofType, ctx, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) {
    return fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value)) }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') });
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) shape[f.name] = inputArb(f.type, ctx, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.oneof({ weight: 60, arbitrary: fc.record(shape, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.constant({ unknownField: 1 }) });
  }
  if (isScalarType(type)) return fc.oneof({ weight: 60, arbitrary: leafArb(type.name, ctx) }, { weight: 1, arbitrary: fc.constantFrom(42, 'x', true, [], {}) });
  return fc.constant(null);
}

export interface FuzzCase {
  op: Operation;
  role: string;
  variables: Record<string, unknown>;
}

export function caseArb(schema: GraphQLSchema, roles: string[], ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const ops = operations(schema);
  return fc.integer({ min: 0, max: ops.length - 1 }).chain((i) => {
    const op = ops[i];
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const a of op.field.args) shape[a.name] = inputArb(a.type, ctx);
    const required = op.field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
    return fc.record({
      op: fc.constant(op),
      role: fc.constantFrom(...roles),
      variables: fc.record(shape, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>,
    });
  });
}

export interface FuzzResult {
  seed: number;
  count: number;
  failures: string[];
  /** Mutations answered with no error and no userErrors, by name. */
  succeeded: Record<string, number>;
  answered: Record<string, number>;
}

export async function runFuzz(opts: {
  url: string;
  schema: GraphQLSchema;
  tokens: Record<string, string | undefined>;
  ctx: FuzzContext;
  seed: number;
  count: number;
}): Promise<FuzzResult> {
  const cases = fc.sample(caseArb(opts.schema, Object.keys(opts.tokens), opts.ctx), { seed: opts.seed, numRuns: opts.count });
  const failures: string[] = [];
  const succeeded: Record<string, number> = {};
  const answered: Record<string, number> = {};
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const token = opts.tokens[c.role];
    const body = JSON.stringify({ query: documentFor(c.op), variables: c.variables });
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${opts.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      failures.push(`#${i} ${c.op.field.name} as ${c.role}: connection failed (${(err as Error).message}) ${body.slice(0, 300)}`);
      continue;
    }
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? `HTTP ${status}`;
    answered[code] = (answered[code] ?? 0) + 1;
    if (status >= 500 || text.includes('INTERNAL_SERVER_ERROR')) {
      failures.push(`#${i} ${c.op.field.name} as ${c.role}: ${status} ${text.slice(0, 300)} ← ${body.slice(0, 500)}`);
      continue;
    }
    if (c.op.kind === 'mutation' && status === 200) {
      const parsed = JSON.parse(text) as { data?: Record<string, { userErrors?: unknown[] } | null>; errors?: unknown[] };
      const payload = parsed.data?.[c.op.field.name];
      if (!parsed.errors && payload && (payload.userErrors ?? []).length === 0) succeeded[c.op.field.name] = (succeeded[c.op.field.name] ?? 0) + 1;
    }
  }
  return { seed: opts.seed, count: cases.length, failures, succeeded, answered };
}
