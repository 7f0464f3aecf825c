import { getNamedType, GraphQLInputType, GraphQLSchema, isInputObjectType, isListType, isNonNullType, isObjectType, isAbstractType } from 'graphql';
import { ALL_ROLES } from '../src/common/role.enums';
import { buildHubSchema } from '../src/graphql/schema';
import { issueToken } from '../src/modules/auth';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
let schema: GraphQLSchema;
let everyRole: string;

beforeAll(async () => {
  hub = await startTestHub();
  schema = await buildHubSchema();
  // A user holding every role, without an organisation (written directly: no mutation makes such a user).
  const [{ id }] = await hub.ds.query(`INSERT INTO hub_user (login, name, roles, version) VALUES ('argument-check', '参数检查', $1::role[], 1) RETURNING id`, [
    ALL_ROLES,
  ]);
  everyRole = (await issueToken(hub.ds, hub.services.tokens, id, 3600)).token;
});
afterAll(() => hub.close());

/** A value of `type` whose only content is a malformed id at some depth (one per ID), or none when the type holds no ID. */
function malformedValues(type: GraphQLInputType, depth = 0): unknown[] {
  if (isNonNullType(type)) return malformedValues(type.ofType, depth);
  if (isListType(type)) return malformedValues(type.ofType, depth).map((v) => [v]);
  if (isInputObjectType(type)) {
    if (depth > 2) return [];
    return Object.values(type.getFields()).flatMap((f) => malformedValues(f.type, depth + 1).map((v) => ({ [f.name]: v })));
  }
  return getNamedType(type).name === 'ID' ? ['not-a-uuid'] : [];
}

/** Every query argument that can carry an id, with a malformed id in it. */
function cases(): [string, string, unknown][] {
  const out: [string, string, unknown][] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    for (const arg of field.args) {
      for (const value of malformedValues(arg.type)) {
        const selection = isObjectType(getNamedType(field.type)) || isAbstractType(getNamedType(field.type)) ? ' { __typename }' : '';
        out.push([
          `${field.name}(${arg.name}: ${JSON.stringify(value)})`,
          `query ($v: ${String(arg.type)}) { ${field.name}(${arg.name}: $v)${selection} }`,
          value,
        ]);
      }
    }
  }
  return out;
}

describe('ids and filters are checked before anything runs', () => {
  it('answers organization(id: "x") as BAD_USER_INPUT naming the argument', async () => {
    const res = await hub.gql(`{ organization(id: "x") { name } }`, {}, everyRole);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('answers every malformed id in every query argument as BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(10);
    const answers: string[] = [];
    for (const [label, query, value] of all) {
      const res = await hub.gql(query, { v: value }, everyRole);
      answers.push(`${label}: ${res.errors?.[0]?.extensions?.code ?? 'no error'}`);
    }
    expect(answers).toEqual(all.map(([label]) => `${label}: BAD_USER_INPUT`));
  });

  it('holds the declared limits of a filter: nameContains is at most 100 characters', async () => {
    const res = await hub.gql(
      `query ($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }`,
      { f: { nameContains: '县'.repeat(10_000) } },
      everyRole,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter', field: ['filter', 'nameContains'] });
    expect(res.errors?.[0].message).toContain('100');
    const fine = await hub.gql(
      `query ($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }`,
      { f: { nameContains: '县'.repeat(100) } },
      everyRole,
    );
    expect(fine.errors).toBeUndefined();
  });

  it('holds the declared limits of a filter: search is at most 100 characters', async () => {
    const search = (s: string) => hub.gql(`query ($f: ResourceFilter) { resources(first: 1, filter: $f) { totalCount } }`, { f: { search: s } }, everyRole);
    const res = await search('资'.repeat(101));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter', field: ['filter', 'search'] });
    expect(res.errors?.[0].message).toContain('100');
    expect((await search('资'.repeat(100))).errors).toBeUndefined();
  });
});
