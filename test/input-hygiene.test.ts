/**
 * Input hygiene, swept over the schema itself: every text field of every operation's arguments
 * refuses NUL bytes, control characters, escape sequences, bidirectional overrides and
 * invisible-only text with BAD_USER_INPUT naming the field; every `after` cursor, DateTime and
 * token claim that does not parse is refused; none of it ever answers INTERNAL_SERVER_ERROR.
 */
import { GraphQLSchema } from 'graphql';
import { SignJWT } from 'jose';
import { buildHubSchema } from '../src/graphql/schema';
import { ALL_ROLES, Role } from '../src/common/role.enums';
import { CREATE, insertProject, resourceInput } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { documentFor, minimalVariables, operations, pathsTo, setAt, SOME_UUID } from './support/schema-inputs';

let hub: TestHub;
let schema: GraphQLSchema;
let tokens: Record<string, string>;
beforeAll(async () => {
  hub = await startTestHub();
  schema = await buildHubSchema();
  tokens = {};
  for (const role of ALL_ROLES) tokens[role] = await hub.token(role);
});
afterAll(() => hub.close());

/** The answer's first error code of the first role that may call the operation at all. */
async function answerAsAnyRole(doc: string, variables: Record<string, unknown>) {
  let last: any;
  for (const role of ALL_ROLES) {
    const res = await hub.gql(doc, variables, tokens[role]);
    last = res;
    const code = res.errors?.[0]?.extensions?.code;
    if (code !== 'FORBIDDEN') return res;
  }
  return last;
}

const BAD_TEXTS: [string, string][] = [
  ['a NUL byte', 'ab\u0000cd'],
  ['an escape sequence', 'ab\u001b[31mcd'],
  ['a right-to-left override', 'ab\u202Ecd'],
  ['a bidi isolate', '\u2067abc\u2069'],
  ['zero-width characters only', '\u200B\u200C\u200D'],
];

describe('every text argument of every operation', () => {
  it('refuses each bad text with BAD_USER_INPUT naming its field, never INTERNAL_SERVER_ERROR', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations(schema)) {
      for (const arg of op.field.args) {
        for (const path of pathsTo(arg.type, 'String')) {
          for (const [what, text] of BAD_TEXTS) {
            const variables = minimalVariables(op);
            if (path.length === 0) variables[arg.name] = text;
            else setAt(variables, arg.type, [arg.name, ...path], text);
            const res = await answerAsAnyRole(documentFor(op), variables);
            checked++;
            const e = res.errors?.[0];
            const field = [arg.name, ...path].join('.');
            if (e?.extensions?.code !== 'BAD_USER_INPUT' || e.extensions.field?.join('.') !== field) {
              failures.push(`${op.field.name} ${field} with ${what}: ${JSON.stringify(res.errors ?? res.data)}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('an ID with a NUL byte is BAD_USER_INPUT too', async () => {
    const failures: string[] = [];
    for (const op of operations(schema)) {
      for (const arg of op.field.args) {
        for (const path of pathsTo(arg.type, 'ID')) {
          const variables = minimalVariables(op);
          setAt(variables, arg.type, [arg.name, ...path], `${SOME_UUID}\u0000`);
          const res = await answerAsAnyRole(documentFor(op), variables);
          if (res.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT')
            failures.push(`${op.field.name} ${[arg.name, ...path].join('.')}: ${JSON.stringify(res.errors ?? res.data)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('stores clean text as given: line breaks in a summary, a joiner inside visible text, CJK and emoji', async () => {
    const project = await insertProject(hub.ds, 'education');
    const name = '学生\u200D资助 👩‍🎓 信息';
    const summary = '第一行\n第二行\t制表';
    const res = await hub.gql(CREATE, { input: resourceInput(project.id, { name, summary }) }, await hub.token(Role.PROJECT_UNIT, undefined));
    expect(res.errors).toBeUndefined();
    expect(res.data.resourceCreate.userErrors).toEqual([]);
    expect(res.data.resourceCreate.resource).toMatchObject({ name, summary });
  });
});

describe('cursors', () => {
  const encode = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  /** Never a cursor of any list. */
  const MALFORMED: [string, string][] = [
    ['not base64 JSON', '!!!not-a-cursor'],
    ['a NUL byte in the value', encode(['a\u0000b', SOME_UUID])],
    ['an override in the value', encode(['a\u202Eb', SOME_UUID])],
    ['a non-uuid id', encode(['abc', 'not-a-uuid'])],
    ['an object as the value', encode([{ x: 1 }, SOME_UUID])],
    ['an empty array', encode([])],
    ['a string', encode('"abc"')],
  ];
  /** Well-formed for a list ordered by text, not for one ordered by a date or an instant. */
  const FOREIGN: [string, string][] = [
    ['a date that is no date', encode(['2027-13-45', SOME_UUID])],
    ['an instant in year 0000', encode(['0000-01-01T00:00:00.000Z', SOME_UUID])],
    ['a number', encode([1e300, SOME_UUID])],
    ['three values', encode(['a', 'b', SOME_UUID])],
  ];

  it('every list with `after` answers a malformed cursor with BAD_USER_INPUT naming `after`, a foreign one with that or a page', async () => {
    const failures: string[] = [];
    let lists = 0;
    for (const op of operations(schema).filter((o) => o.kind === 'query')) {
      if (!op.field.args.some((a) => a.name === 'after')) continue;
      lists++;
      for (const [what, cursor] of [...MALFORMED, ...FOREIGN]) {
        const variables = { ...minimalVariables(op), after: cursor };
        const res = await answerAsAnyRole(documentFor(op), variables);
        const e = res.errors?.[0];
        const page = !e && MALFORMED.every(([w]) => w !== what);
        if (!page && (e?.extensions?.code !== 'BAD_USER_INPUT' || (e.extensions.argument !== 'after' && e.extensions.field?.[0] !== 'after'))) {
          failures.push(`${op.field.name} with ${what}: ${JSON.stringify(res.errors ?? res.data)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(lists).toBeGreaterThanOrEqual(5);
  });
});

describe('instants', () => {
  it('a DateTime in year 0000 (or 10000) is BAD_USER_INPUT in every operation that takes one', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations(schema)) {
      for (const arg of op.field.args) {
        for (const path of pathsTo(arg.type, 'DateTime')) {
          for (const instant of ['0000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '1899-12-31T23:59:59Z']) {
            const variables = minimalVariables(op);
            setAt(variables, arg.type, [arg.name, ...path], instant);
            const res = await answerAsAnyRole(documentFor(op), variables);
            checked++;
            if (res.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT') failures.push(`${op.field.name} ${instant}: ${JSON.stringify(res.errors ?? res.data)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

describe('token claims', () => {
  const key = () => hub.config.jwtSecret!;
  const sign = (sub: string, sid: string) =>
    new SignJWT({ sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer(hub.config.jwtIssuer).setIssuedAt().setExpirationTime('1h').sign(key());

  it('a subject that is not a user id (over 200 characters, a NUL byte, an override) is UNAUTHENTICATED, never INTERNAL_SERVER_ERROR', async () => {
    const sid = '00000000-0000-4000-8000-000000000000';
    for (const sub of ['u'.repeat(200), 'u'.repeat(201), 'u'.repeat(5000), 'a\u0000b', 'ab\u202Ecd', sid]) {
      const res = await hub.gql('{ viewer { userId } }', {}, await sign(sub, sid));
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a token that is not a JWT, or whose claims have the wrong types, is UNAUTHENTICATED', async () => {
    const odd = [
      'not.a.jwt',
      'e30.e30.',
      await new SignJWT({ sid: 42 }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(hub.config.jwtIssuer).sign(key()),
      await new SignJWT({ sid: [{}] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer(hub.config.jwtIssuer)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key()),
    ];
    for (const token of odd) expect((await hub.gql('{ viewer { userId } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
