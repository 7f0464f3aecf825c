import { Role } from '../src/common/role.enums';
import { Organization } from '../src/modules/organization';
import { demoCreditCode } from '../seeds/codes';
import { ROLE_HOME } from '../seeds/organizations';
import { startTestHub, TestHub } from './support/hub';

const CREATE = `mutation ($input: OrganizationCreateInput!) {
  organizationCreate(input: $input) {
    organization { id name creditCode kind supervisor { creditCode } }
    userErrors { code field message article }
  }
}`;

const UPDATE = `mutation ($input: OrganizationUpdateInput!) {
  organizationUpdate(input: $input) {
    organization { id name creditCode kind supervisor { creditCode } }
    userErrors { code field message }
  }
}`;

/** A valid code whose check character is a letter, so that case matters. */
const LETTER_CHECKED_CODE = Array.from({ length: 100 }, (_, i) => demoCreditCode('12', 1_500_000 + i)).find((c) => /[A-Z]$/.test(c))!;
const UNUSED_CODE = demoCreditCode('12', 1_600_000);

let hub: TestHub;
let adminToken: string;
const count = () => hub.ds.getRepository(Organization).count();

beforeAll(async () => {
  hub = await startTestHub();
  adminToken = await hub.token(Role.ADMIN);
});
afterAll(() => hub.close());

describe('organizationCreate', () => {
  it.each([
    ['91350200776049653A', 'DEPARTMENT'],
    ['123502001549897397', 'DIRECT_UNIT'],
  ])('registers an organisation with the real code %s', async (creditCode, kind) => {
    const res = await hub.gql(CREATE, { input: { name: `单位${creditCode.slice(-4)}`, creditCode, kind } }, adminToken);
    expect(res.data.organizationCreate.userErrors).toEqual([]);
    expect(res.data.organizationCreate.organization).toMatchObject({ creditCode, kind });
  });

  it('normalises case and surrounding blanks of the code and name', async () => {
    const code = LETTER_CHECKED_CODE;
    const res = await hub.gql(CREATE, { input: { name: '  小写代码单位 ', creditCode: ` ${code.toLowerCase()} `, kind: 'DIRECT_UNIT' } }, adminToken);
    expect(res.data.organizationCreate).toMatchObject({ userErrors: [], organization: { name: '小写代码单位', creditCode: code } });
  });

  it.each([
    ['91350200776049653B', '校验位'],
    ['123502001549897391', '校验位'],
    ['9135020077604965', '18位'],
    ['91350200776O49653A', '大写字母'],
    ['B1350200776049653A', 'GB 32100'],
  ])('refuses %s naming the field, and writes nothing', async (creditCode, words) => {
    const before = await count();
    const res = await hub.gql(CREATE, { input: { name: '测试单位', creditCode, kind: 'TOWN' } }, adminToken);
    expect(res.data.organizationCreate.organization).toBeNull();
    expect(res.data.organizationCreate.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_CREDIT_CODE', field: ['input', 'creditCode'], message: expect.stringContaining(words) }),
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate code as a userError, not a fault', async () => {
    const before = await count();
    const res = await hub.gql(CREATE, { input: { name: '重复单位', creditCode: ROLE_HOME.BIG_DATA_BUREAU, kind: 'DEPARTMENT' } }, adminToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.organizationCreate.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'creditCode'] })]);
    expect(await count()).toBe(before);
  });

  it('refuses an overlong or blank name', async () => {
    const long = await hub.gql(CREATE, { input: { name: '局'.repeat(101), creditCode: '91350200776049653A', kind: 'TOWN' } }, adminToken);
    expect(long.data.organizationCreate.userErrors).toEqual([expect.objectContaining({ code: 'TOO_LONG', field: ['input', 'name'] })]);
    const blank = await hub.gql(CREATE, { input: { name: '   ', creditCode: '91350200776049653A', kind: 'TOWN' } }, adminToken);
    expect(blank.data.organizationCreate.userErrors.map((e: { field: string[] }) => e.field)).toContainEqual(['input', 'name']);
  });

  it('refuses an unknown kind before anything runs', async () => {
    const res = await hub.gql(CREATE, { input: { name: '测试单位', creditCode: '91350200776049653A', kind: 'CITY' } }, adminToken);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a supervising organisation that does not exist', async () => {
    const before = await count();
    const res = await hub.gql(
      CREATE,
      { input: { name: '下属单位', creditCode: UNUSED_CODE, kind: 'DIRECT_UNIT', supervisorId: '00000000-0000-4000-8000-000000000000' } },
      adminToken,
    );
    expect(res.data.organizationCreate.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'supervisorId'] })]);
    expect(await count()).toBe(before);
  });

  it('is for administrators only', async () => {
    const res = await hub.gql(CREATE, { input: { name: '测试单位', creditCode: '91350200776049653A', kind: 'TOWN' } }, await hub.token(Role.BIG_DATA_BUREAU));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });
});

describe('organizationUpdate', () => {
  it('changes name and supervisor, and refuses a supervision cycle', async () => {
    const bureau = await hub.gql(`query ($c: String) { organization(creditCode: $c) { id } }`, { c: ROLE_HOME.BIG_DATA_BUREAU }, adminToken);
    const centre = await hub.gql(`query ($c: String) { organization(creditCode: $c) { id supervisor { id } } }`, { c: ROLE_HOME.ADMIN }, adminToken);
    const bureauId = bureau.data.organization.id;
    const centreId = centre.data.organization.id;
    expect(centre.data.organization.supervisor.id).toBe(bureauId);

    const cycle = await hub.gql(UPDATE, { input: { id: bureauId, supervisorId: centreId } }, adminToken);
    expect(cycle.data.organizationUpdate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'supervisorId'] })]);

    const renamed = await hub.gql(UPDATE, { input: { id: centreId, name: '宿城区大数据中心', supervisorId: null } }, adminToken);
    expect(renamed.data.organizationUpdate).toMatchObject({ userErrors: [], organization: { name: '宿城区大数据中心', supervisor: null } });
  });

  it('refuses a code already used by another organisation and an unknown id', async () => {
    const org = await hub.gql(`query ($c: String) { organization(creditCode: $c) { id } }`, { c: ROLE_HOME.AUDITOR }, adminToken);
    const dup = await hub.gql(UPDATE, { input: { id: org.data.organization.id, creditCode: ROLE_HOME.BIG_DATA_BUREAU } }, adminToken);
    expect(dup.data.organizationUpdate.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'creditCode'] })]);
    const missing = await hub.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', name: '无此单位' } }, adminToken);
    expect(missing.data.organizationUpdate.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
  });
});

describe('reading organisations', () => {
  it('finds one by id or by credit code, and asks for exactly one of them', async () => {
    const token = await hub.token(Role.PROJECT_UNIT);
    const byCode = await hub.gql(`{ organization(creditCode: "${ROLE_HOME.AUDITOR.toLowerCase()}") { id name } }`, {}, token);
    expect(byCode.data.organization.name).toBe('宿城区审计局');
    const byId = await hub.gql(`query ($id: ID) { organization(id: $id) { creditCode } }`, { id: byCode.data.organization.id }, token);
    expect(byId.data.organization.creditCode).toBe(ROLE_HOME.AUDITOR);
    const both = await hub.gql(`{ organization { id } }`, {}, token);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('pages through a filtered list with cursors and a total', async () => {
    const token = await hub.token(Role.AUDITOR);
    const Q = `query ($after: String) { organizations(first: 3, after: $after, filter: { kind: TOWN }) {
      totalCount edges { cursor node { name kind } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: any = await hub.gql(Q, { after }, token);
      const conn = res.data.organizations;
      expect(conn.totalCount).toBe(8);
      names.push(...conn.edges.map((e: any) => e.node.name));
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(names).toHaveLength(8);
    expect(new Set(names).size).toBe(8);
    expect([...names].sort()).toEqual(names.slice().sort());
  });

  it('matches Chinese substrings of names, with LIKE wildcards taken literally', async () => {
    const token = await hub.token(Role.AUDITOR);
    const res = await hub.gql(`{ organizations(filter: { nameContains: "街道" }, first: 50) { totalCount } }`, {}, token);
    expect(res.data.organizations.totalCount).toBe(5);
    const wild = await hub.gql(`{ organizations(filter: { nameContains: "%" }) { totalCount } }`, {}, token);
    expect(wild.data.organizations.totalCount).toBe(0);
  });

  it('caps the page size and rejects a forged cursor', async () => {
    const token = await hub.token(Role.AUDITOR);
    const big = await hub.gql(`{ organizations(first: 1000) { totalCount } }`, {}, token);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const forged = await hub.gql(`{ organizations(after: "not-a-cursor") { totalCount } }`, {}, token);
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
