/**
 * Queries run compiled by graphql-jit (src/graphql/compiled-execution.ts) only where the answer
 * cannot differ from graphql-js's: every error case goes back to graphql-js, so what is left to
 * prove is that a compiled answer without errors is graphql-js's answer, byte for byte (key order
 * included), for every read the console sends, for every role, on the demo district, and for the
 * shapes the console does not use (fragments, directives, aliases, __typename; the schema has no
 * interface or union types).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DocumentNode,
  execute,
  ExecutionResult,
  getNamedType,
  GraphQLSchema,
  isEnumType,
  isNonNullType,
  isListType,
  Kind,
  OperationDefinitionNode,
  parse,
  typeFromAST,
  GraphQLInputType,
} from 'graphql';
import { Role } from '../src/common/role.enums';
import { compiledQueries } from '../src/graphql/compiled-execution';
import { createLoaders } from '../src/graphql/context';
import { buildHubSchema } from '../src/graphql/schema';
import { createLogger } from '../src/logger';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
let schema: GraphQLSchema;
let compiled: ReturnType<typeof compiledQueries>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub({}, 'demo');
  schema = await buildHubSchema();
  compiled = compiledQueries(schema);
  const one = async (sql: string) => ((await hub.ds.query(sql)) as { id: string }[])[0]?.id;
  ids.project = await one(`SELECT id FROM project ORDER BY code LIMIT 1 OFFSET 2`);
  ids.resource = await one(`SELECT id FROM information_resource WHERE status = 'PUBLISHED' ORDER BY code LIMIT 1`);
  ids.organization = await one(`SELECT id FROM organization ORDER BY credit_code LIMIT 1 OFFSET 3`);
  ids.application = await one(`SELECT id FROM acceptance_application LIMIT 1`);
}, 120_000);
afterAll(() => hub.close());

const ROLES = [Role.BIG_DATA_BUREAU, Role.PROJECT_UNIT, Role.LEADING_GROUP_OFFICE, Role.EXPERT, Role.AUDITOR, Role.PLATFORM, Role.ADMIN];

/** The console's read operations, each with every fragment of the console (unused ones change nothing in execution). */
function consoleQueries(): { name: string; text: string }[] {
  const dir = path.join(__dirname, '../console/src');
  const fragments = fs.readFileSync(path.join(dir, 'fragments.graphql'), 'utf8');
  return fs
    .readdirSync(path.join(dir, 'operations'))
    .map((f) => ({ name: path.basename(f, '.graphql'), text: fs.readFileSync(path.join(dir, 'operations', f), 'utf8') }))
    .filter((op) => /^\s*(#[^\n]*\n\s*)*query\b/.test(op.text))
    .map((op) => ({ name: op.name, text: `${op.text}\n${fragments}` }));
}

const OTHER_SHAPES: { name: string; text: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'S1',
    text: `{ projects(first: 50) { edges { node { code resources(first: 40) { edges { node { code name dataItems { name } interfaces { mountStatus } provider { name } } } } } } } }`,
  },
  {
    name: 'S2',
    text: `query ($term: String, $sharingType: SharingType) { resources(first: 20, filter: { search: $term, sharingType: $sharingType }) { totalCount edges { node { code name } } } }`,
    variables: { term: '数据', sharingType: 'CONDITIONAL' },
  },
  {
    name: 'fragments, aliases, directives, __typename, cursors, whole rows',
    text: `query ($on: Boolean!, $off: Boolean!) { __typename viewer { __typename roles organization { id ...Org } }
      p: projects(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { __typename id code name status
        resources(first: 2) { totalCount pageInfo { hasNextPage startCursor endCursor } edges { cursor node { ... on InformationResource { id code status updatedAt }
          dataItems { __typename name @include(if: $on) position @skip(if: $on) } provider @skip(if: $off) { ...Org } } } } } } }
      q: projects(first: 1, after: null) { edges { node { code } } } }
      fragment Org on Organization { name creditCode kind }`,
    variables: { on: true, off: false },
  },
  {
    name: 'todos by type',
    text: `{ todoItems(first: 20) { totalCount allCount countsByKind { kind count } edges { node { __typename kind rule article dueOn daysLeft overdue since project { code } resource { code } } } } }`,
  },
];

function variablesFor(op: OperationDefinitionNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of op.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type as never) as GraphQLInputType;
    const named = getNamedType(type);
    const list = isListType(isNonNullType(type) ? type.ofType : type);
    let value: unknown;
    if (named.name === 'ID') value = ids[Object.keys(ids).find((k) => name.toLowerCase().includes(k.toLowerCase())) ?? 'project'];
    else if (named.name === 'Int') value = 10;
    else if (named.name === 'String') value = /search|term|q$/i.test(name) ? '数据' : undefined;
    else if (named.name === 'Boolean') value = true;
    else if (isEnumType(named) && isNonNullType(type)) value = named.getValues()[0].value;
    if (value !== undefined) out[name] = list ? [value] : value;
  }
  return out;
}

/** The answer as Apollo serialises it: data, then each error as graphql-js's toJSON (message, locations, path, extensions) with its original error's class. */
const answerText = (r: ExecutionResult) =>
  JSON.stringify({
    data: r.data,
    errors: r.errors?.map((e) => ({ ...e.toJSON(), original: e.originalError?.constructor.name, originalMessage: e.originalError?.message })),
  }).replace(/"at":"[^"]*"/g, '"at":"(when the figures were computed)"'); // completeness.at: the moment of each execution

async function contextFor(role: Role) {
  const caller = await hub.services.identity.callerFrom(`Bearer ${await hub.token(role)}`);
  return {
    requestId: 'compiled-spec',
    caller,
    log: createLogger({ logLevel: 'silent' }),
    clientAddress: '127.0.0.1',
    loaders: createLoaders(hub.ds, hub.services),
    services: hub.services,
  };
}

describe('compiled execution', () => {
  it('answers every read of the console, for every role, exactly as graphql-js does, errors included', async () => {
    let compared = 0;
    let fellBack = 0;
    let withErrors = 0;
    const shapes: { name: string; text: string; variables?: Record<string, unknown> }[] = [...consoleQueries(), ...OTHER_SHAPES];
    expect(shapes.length).toBeGreaterThan(20);
    for (const role of ROLES) {
      for (const shape of shapes) {
        const document: DocumentNode = parse(shape.text);
        const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
        const variables = shape.variables ?? variablesFor(op);
        const reference = (await execute({ schema, document, contextValue: await contextFor(role), variableValues: variables })) as ExecutionResult;
        const fast = await compiled(document, op, op.name?.value, await contextFor(role), variables);
        if (!fast) {
          fellBack++;
          continue;
        }
        compared++;
        if (reference.errors?.length) withErrors++;
        // Key order counts: the answer is serialised as it is built; errors as Apollo reads them.
        expect({ role, shape: shape.name, answer: answerText(fast) }).toEqual({ role, shape: shape.name, answer: answerText(reference) });
      }
    }
    // Nearly all are answered compiled (the others have variables graphql-js refuses), errors included (roles the root refuses, ids not found…).
    expect(compared).toBeGreaterThan(fellBack);
    expect(compared).toBeGreaterThan(100);
    expect(withErrors).toBeGreaterThan(10);
  }, 300_000);

  it('leaves to graphql-js every mutation and every variable graphql-js refuses, and answers the rest compiled', async () => {
    const ctx = await contextFor(Role.PROJECT_UNIT);
    const run = (text: string, variables?: Record<string, unknown>) => {
      const document = parse(text);
      const op = document.definitions[0] as OperationDefinitionNode;
      return compiled(document, op, undefined, ctx, variables);
    };
    // A mutation never runs compiled.
    expect(await run(`mutation { sessionRevoke(input: { refreshToken: "x" }) { revoked } }`)).toBeNull();
    // graphql-js refuses the variable (an Int out of range, a missing required one): graphql-js words the refusal.
    expect(await run(`query ($n: Int) { projects(first: $n) { totalCount } }`, { n: 2 ** 40 })).toBeNull();
    expect(await run(`query ($id: ID!) { project(id: $id) { code } }`, {})).toBeNull();
    // The root's rule refuses the role, and the argument check an id that is not a UUID: compiled, with graphql-js's errors.
    for (const text of [`{ apiTokens { name } }`, `{ project(id: "not-a-uuid") { code } }`]) {
      const fast = await run(text);
      const reference = (await execute({ schema, document: parse(text), contextValue: await contextFor(Role.PROJECT_UNIT) })) as ExecutionResult;
      expect(fast?.errors?.length).toBeGreaterThan(0);
      expect(answerText(fast!)).toBe(answerText(reference));
    }
    expect(await run(`{ projects(first: 2) { totalCount } }`)).toEqual({ data: { projects: { totalCount: expect.any(Number) } } });
  });
});
