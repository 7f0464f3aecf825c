/**
 * What a caller reads when a request is refused: one error per empty value, a length code for a
 * value too short, the rule the Decimal scalar really has, a day that does not exist said so, and
 * graphql-js's own refusals (scalars, enums, a mutation over GET) in Chinese with their stable code.
 */
import { startTestHub, TestHub } from './support/hub';
import { Role } from '../src/common/role.enums';
import { Organization } from '../src/modules/organization';
import { Project } from '../src/modules/project';
import { codeOf, CREATE, insertProject, resourceInput } from './support/catalogue';

let hub: TestHub;
let admin: string;
let edu: string;
let project: Project;

const ORG = `mutation ($input: OrganizationCreateInput!) { organizationCreate(input: $input) { organization { id } userErrors { code field message } } }`;
const chinese = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.token(Role.ADMIN);
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  project = await insertProject(hub.ds, 'education');
});
afterAll(() => hub.close());

describe('validation messages', () => {
  const org = (name: string) => ({ name, creditCode: '91350200776049653A', kind: 'TOWN' });

  it('answers an empty name with one REQUIRED error, and a one-character name with TOO_SHORT, writing nothing', async () => {
    const before = await hub.ds.getRepository(Organization).count();
    const empty = await hub.gql(ORG, { input: org('') }, admin);
    expect(empty.data.organizationCreate.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'name'], message: '单位名称不能为空白' }]);
    const blank = await hub.gql(ORG, { input: org('   ') }, admin);
    expect(blank.data.organizationCreate.userErrors).toHaveLength(1);
    const short = await hub.gql(ORG, { input: org('局') }, admin);
    expect(short.data.organizationCreate.userErrors).toEqual([{ code: 'TOO_SHORT', field: ['input', 'name'], message: '单位名称不能少于2个字符' }]);
    expect(await hub.ds.getRepository(Organization).count()).toBe(before);
  });
});

describe('errors graphql-js raises, in Chinese with their stable code', () => {
  async function refused(query: string, variables: Record<string, unknown>) {
    const res = await hub.gql(query, variables, edu);
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error.message).toMatch(chinese);
    return error;
  }

  it('a day the calendar lacks is reported as such, not as a wrong format', async () => {
    const error = await refused(CREATE, { input: resourceInput(project.id, { publishedOn: '2026-02-30' }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('日期不存在：2026-02-30（该月没有这一天）');
    const malformed = await refused(CREATE, { input: resourceInput(project.id, { publishedOn: '2026/02/28' }) });
    expect(malformed.message).toContain('日期格式无效');
  });

  it('an enum value that does not exist, in variables and in the query text', async () => {
    const inVariables = await refused(CREATE, { input: resourceInput(project.id, { format: 'PAPER' }) });
    expect(inVariables.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inVariables.message).toBe('变量 $input 中 input.format 的取值 "PAPER" 无效：「PAPER」不是枚举 ResourceFormat 的取值');
    const literal = await refused(`{ resources(filter: { format: PAPER }) { totalCount } }`, {});
    expect(literal.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.message).toContain('不是枚举 ResourceFormat 的取值');
  });

  it('a scalar of the wrong kind', async () => {
    const error = await refused(`query ($n: Int) { resources(first: $n) { totalCount } }`, { n: 1.5 });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('变量 $n 的取值 1.5 无效：1.5 不是整数');
  });

  it('the Decimal scalar states the rule of two decimals', async () => {
    const error = await refused(`mutation ($input: ProjectCreateInput!) { projectCreate(input: $input) { project { id } userErrors { code } } }`, {
      input: { name: '测试项目', category: 'NEW', planYear: 2027, totalBudget: 'abc' },
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('最多两位小数');
    expect(error.message).not.toContain('4位小数');
  });

  it('a mutation sent over GET: 405, in Chinese', async () => {
    const m = encodeURIComponent('mutation { resourceRevisionWithdraw(input: { id: "00000000-0000-4000-8000-000000000000" }) { userErrors { code } } }');
    const res = await fetch(`${hub.url}/graphql?query=${m}`, { headers: { authorization: `Bearer ${edu}` } });
    expect(res.status).toBe(405);
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toBe('GET 请求只能执行查询（query），变更（mutation）须用 POST');
    expect(body.errors[0].extensions.code).toBeDefined();
  });
});
