/**
 * Accounts over real HTTP on real PostgreSQL: users (ADMIN), password sign-in with refresh and
 * lockout, the console's session cookie and its CSRF rule, service accounts' API tokens, and the
 * bounded lifetime of tokens. Every refusal names its field and code, and writes nothing.
 */
import { SignJWT } from 'jose';
import { Role } from '../src/common/role.enums';
import { ROLE_HOME } from '../seeds/organizations';
import { startTestHub, TestHub, gqlAt } from './support/hub';
import { expertById, userSummary } from '../src/modules/auth';
import { SESSION_CREATE } from './support/documents';

let hub: TestHub;
let admin: string;
let educationId: string;
beforeAll(async () => {
  hub = await startTestHub({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10', API_TOKEN_MAX_DAYS: '90' });
  admin = await hub.token(Role.ADMIN);
  [{ id: educationId }] = await hub.ds.query(`SELECT id FROM organization WHERE credit_code = $1`, [ROLE_HOME.PROJECT_UNIT]);
});
afterAll(() => hub.close());

const count = async (table: string) => Number((await hub.ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

const USER_CREATE = `mutation($input: UserCreateInput!) { userCreate(input: $input) { user { id login name roles disabled organization { creditCode } } userErrors { code field message article } } }`;
const SESSION_REFRESH = `mutation($input: SessionRefreshInput!) { sessionRefresh(input: $input) { session { accessToken refreshToken } userErrors { code field message } } }`;
const SESSION_REVOKE = `mutation($input: SessionRefreshInput!) { sessionRevoke(input: $input) { revoked userErrors { code field message } } }`;
const VIEWER = `{ viewer { userId name kind roles } }`;

const GOOD = 'Jiaoyu-2026-zhang';

async function createUser(login: string, extra: Record<string, unknown> = {}) {
  const res = await hub.gql(
    USER_CREATE,
    { input: { login, name: '张三', organizationId: educationId, roles: ['PROJECT_UNIT'], password: GOOD, ...extra } },
    admin,
  );
  expect(res.data.userCreate.userErrors).toEqual([]);
  return res.data.userCreate.user as { id: string; login: string };
}

async function signIn(login: string, password = GOOD) {
  const res = await hub.gql(SESSION_CREATE, { input: { login, password } });
  return res.data.sessionCreate as { session: { accessToken: string; refreshToken: string; user: { id: string } } | null; userErrors: any[] };
}

const viewerCode = async (token: string) => (await hub.gql(VIEWER, {}, token)).errors?.[0]?.extensions?.code ?? 'OK';

describe('users (ADMIN)', () => {
  it('userCreate makes a person with a name, an organisation and roles; the login is kept in lower case', async () => {
    const res = await hub.gql(
      USER_CREATE,
      { input: { login: 'Zhang.San', name: ' 张三 ', organizationId: educationId, roles: ['PROJECT_UNIT', 'PROJECT_UNIT'], password: GOOD } },
      admin,
    );
    expect(res.data.userCreate).toMatchObject({
      user: { login: 'zhang.san', name: '张三', roles: ['PROJECT_UNIT'], disabled: false, organization: { creditCode: ROLE_HOME.PROJECT_UNIT } },
      userErrors: [],
    });
    const [row] = await hub.ds.query(`SELECT password_hash FROM hub_user WHERE login = 'zhang.san'`);
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(row.password_hash).not.toContain(GOOD);
  });

  it.each([
    ['too short', 'Ab1-short', '密码至少需要 12 个字符（第十九条）'],
    ['two kinds only', 'abcdefghijk123', '密码须包含大写字母、小写字母、数字、符号中的至少三类（第十九条）'],
    ['the login inside', 'Li.si-Password1', '密码不能包含登录名（第十九条）'],
  ])('a password that breaks the policy (%s) → WEAK_PASSWORD naming the field, and nothing is written', async (_label, password, message) => {
    const before = await count('hub_user');
    const res = await hub.gql(USER_CREATE, { input: { login: 'li.si', name: '李四', organizationId: educationId, roles: ['PROJECT_UNIT'], password } }, admin);
    expect(res.data.userCreate).toEqual({ user: null, userErrors: [{ code: 'WEAK_PASSWORD', field: ['input', 'password'], message, article: '第十九条' }] });
    expect(await count('hub_user')).toBe(before);
  });

  it('a project unit user without an organisation → REQUIRED (第五条); a taken login → DUPLICATE; nothing is written', async () => {
    const before = await count('hub_user');
    const noOrg = await hub.gql(USER_CREATE, { input: { login: 'wang.wu', name: '王五', roles: ['PROJECT_UNIT'], password: GOOD } }, admin);
    expect(noOrg.data.userCreate.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'organizationId'], message: '项目建设单位的用户必须属于一个单位（第五条）', article: '第五条' },
    ]);
    const taken = await hub.gql(USER_CREATE, { input: { login: 'ZHANG.SAN', name: '张三', organizationId: educationId, roles: ['PROJECT_UNIT'] } }, admin);
    expect(taken.data.userCreate.userErrors).toEqual([{ code: 'DUPLICATE', field: ['input', 'login'], message: '该登录名已被使用', article: null }]);
    expect(await count('hub_user')).toBe(before);
  });

  it('only ADMIN manages users', async () => {
    const res = await hub.gql(USER_CREATE, { input: { login: 'zhao.liu', name: '赵六', roles: ['EXPERT'] } }, await hub.token(Role.BIG_DATA_BUREAU));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await hub.gql(`{ users { edges { node { login } } } }`, {}, await hub.token(Role.AUDITOR))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = await hub.gql(`{ users(first: 100) { edges { node { login } } } }`, {}, admin);
    expect(listed.data.users.edges.map((e: { node: { login: string } }) => e.node.login)).toContain('zhang.san');
  });

  it('a role change applies to the next request with the same token; the actor stays the user', async () => {
    const user = await createUser('role.change', { roles: ['EXPERT'], organizationId: null });
    const { session } = await signIn('role.change');
    expect((await hub.gql(VIEWER, {}, session!.accessToken)).data.viewer).toEqual({ userId: user.id, name: '张三', kind: 'USER', roles: ['EXPERT'] });
    const upd = await hub.gql(
      `mutation($input: UserUpdateInput!) { userUpdate(input: $input) { user { roles version } userErrors { code } } }`,
      { input: { id: user.id, roles: ['EXPERT', 'AUDITOR'] } },
      admin,
    );
    expect(upd.data.userUpdate).toEqual({ user: { roles: ['EXPERT', 'AUDITOR'], version: expect.any(Number) }, userErrors: [] });
    expect((await hub.gql(VIEWER, {}, session!.accessToken)).data.viewer).toMatchObject({ userId: user.id, roles: ['EXPERT', 'AUDITOR'] });
  });
});

describe('password sign-in', () => {
  it('sessionCreate gives a short-lived access token and a refresh token; sessionRefresh rotates them; sessionRevoke ends them', async () => {
    const user = await createUser('sign.in');
    const first = await signIn('SIGN.IN');
    expect(first.userErrors).toEqual([]);
    const { accessToken, refreshToken } = first.session!;
    expect(first.session!.user.id).toBe(user.id);
    expect((await hub.gql(VIEWER, {}, accessToken)).data.viewer.userId).toBe(user.id);
    const lifetime = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { exp: number; iat: number };
    expect(lifetime.exp - lifetime.iat).toBe(900);

    const renewed = (await hub.gql(SESSION_REFRESH, { input: { refreshToken } })).data.sessionRefresh;
    expect(renewed.userErrors).toEqual([]);
    expect(renewed.session.refreshToken).not.toBe(refreshToken);
    expect(await viewerCode(renewed.session.accessToken)).toBe('OK');

    const revoked = (await hub.gql(SESSION_REVOKE, { input: { refreshToken: renewed.session.refreshToken } })).data.sessionRevoke;
    expect(revoked).toEqual({ revoked: true, userErrors: [] });
    expect(await viewerCode(renewed.session.accessToken)).toBe('UNAUTHENTICATED');
    expect(await viewerCode(accessToken)).toBe('UNAUTHENTICATED');
  });

  it('a refresh token used twice (a stolen copy) ends its session', async () => {
    await createUser('replay.me');
    const { session } = await signIn('replay.me');
    const renewed = (await hub.gql(SESSION_REFRESH, { input: { refreshToken: session!.refreshToken } })).data.sessionRefresh.session;
    const replay = (await hub.gql(SESSION_REFRESH, { input: { refreshToken: session!.refreshToken } })).data.sessionRefresh;
    expect(replay).toEqual({
      session: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'refreshToken'], message: '刷新令牌无效或会话已结束，请重新登录' }],
    });
    expect(await viewerCode(renewed.accessToken)).toBe('UNAUTHENTICATED');
  });

  it('a wrong password and an unknown login answer alike; after LOGIN_MAX_FAILURES the account locks (第十九条), even for the right password; no session is written', async () => {
    await createUser('lock.me');
    const sessions = await count('user_session');
    const unknown = await signIn('nobody.here', 'Whatever-2026-x');
    const wrong = await signIn('lock.me', 'Wrong-password-1');
    expect(unknown).toEqual(wrong);
    expect(wrong).toEqual({
      session: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input', 'password'], message: '登录名或密码不正确', article: null }],
    });
    await signIn('lock.me', 'Wrong-password-2');
    await signIn('lock.me', 'Wrong-password-3');
    const locked = await signIn('lock.me');
    expect(locked).toEqual({
      session: null,
      userErrors: [
        { code: 'ACCOUNT_LOCKED', field: ['input', 'login'], message: '登录失败次数过多，账号已锁定，请 10 分钟后再试（第十九条）', article: '第十九条' },
      ],
    });
    expect(await count('user_session')).toBe(sessions);
  });

  it('a disabled user’s tokens and sessions are refused on the next request, and they cannot sign in', async () => {
    const user = await createUser('leaver');
    const { session } = await signIn('leaver');
    const cookie = await cookieSignIn('leaver');
    expect(await viewerCode(session!.accessToken)).toBe('OK');
    const res = await hub.gql(`mutation($id: ID!) { userDisable(input: { id: $id }) { user { disabled } userErrors { code } } }`, { id: user.id }, admin);
    expect(res.data.userDisable).toEqual({ user: { disabled: true }, userErrors: [] });
    expect(await viewerCode(session!.accessToken)).toBe('UNAUTHENTICATED');
    expect((await cookieGql(cookie, VIEWER)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await signIn('leaver')).userErrors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '账号已停用，请联系系统管理员' });
    const again = await hub.gql(
      `mutation($id: ID!) { userDisable(input: { id: $id }) { user { id } userErrors { code field message } } }`,
      { id: user.id },
      admin,
    );
    expect(again.data.userDisable.userErrors).toEqual([{ code: 'INVALID_TRANSITION', field: ['input', 'id'], message: '该用户已停用' }]);
  });

  it('a new password ends every session of the user', async () => {
    const user = await createUser('new.pass');
    const { session } = await signIn('new.pass');
    const res = await hub.gql(
      `mutation($input: UserUpdateInput!) { userUpdate(input: $input) { userErrors { code } } }`,
      { input: { id: user.id, password: 'Another-good-2026' } },
      admin,
    );
    expect(res.data.userUpdate.userErrors).toEqual([]);
    expect(await viewerCode(session!.accessToken)).toBe('UNAUTHENTICATED');
    expect((await signIn('new.pass', 'Another-good-2026')).userErrors).toEqual([]);
  });
});

async function cookieSignIn(login: string, password = GOOD): Promise<string> {
  const res = await fetch(`${hub.url}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

const cookieGql = (cookie: string, query: string, headers: Record<string, string> = { 'x-csrf-protection': '1' }) =>
  gqlAt(hub.url, query, undefined, { headers: { cookie, ...headers } });

describe('the console’s session cookie', () => {
  it('POST /auth/session sets an HttpOnly, SameSite=Strict cookie; GET tells who is signed in; DELETE ends it', async () => {
    const user = await createUser('cookie.user');
    const res = await fetch(`${hub.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'cookie.user', password: GOOD }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^hub_session=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const cookie = setCookie.split(';')[0];
    expect(await res.json()).toMatchObject({ user: { userId: user.id, login: 'cookie.user', roles: ['PROJECT_UNIT'] } });

    const who = await fetch(`${hub.url}/auth/session`, { headers: { cookie } });
    expect(await who.json()).toMatchObject({ user: { userId: user.id, name: '张三' } });
    expect((await cookieGql(cookie, VIEWER)).data.viewer.userId).toBe(user.id);

    const out = await fetch(`${hub.url}/auth/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(await (await fetch(`${hub.url}/auth/session`, { headers: { cookie } })).json()).toEqual({ user: null });
    expect((await cookieGql(cookie, VIEWER)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a cookie-authenticated POST without the X-CSRF-Protection header, or from another origin, is refused (403 CSRF_REFUSED) and runs nothing', async () => {
    await createUser('csrf.user');
    const cookie = await cookieSignIn('csrf.user');
    const before = await count('project');
    const mutation = `mutation { projectCreate(input: { name: "跨站请求伪造" }) { userErrors { code } } }`;
    for (const headers of [{}, { 'x-csrf-protection': '1', origin: 'https://evil.example' }] as Record<string, string>[]) {
      const res = await cookieGql(cookie, mutation, headers);
      expect(res.status).toBe(403);
      expect(res.errors?.[0].extensions?.code).toBe('CSRF_REFUSED');
    }
    expect(await count('project')).toBe(before);
    const sameOrigin = await cookieGql(cookie, VIEWER, { 'x-csrf-protection': '1', origin: hub.url });
    expect(sameOrigin.data.viewer.name).toBe('张三');
  });

  it('a sign-in that is not JSON is refused (415); a wrong password answers 401 with the message, and no cookie', async () => {
    const form = await fetch(`${hub.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=a&password=b',
    });
    expect(form.status).toBe(415);
    const wrong = await fetch(`${hub.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'cookie.user', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.json()).toEqual({ errors: [{ message: '登录名或密码不正确', extensions: { code: 'INVALID_CREDENTIALS', field: ['password'] } }] });
  });
});

const TOKEN_CREATE = `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { created { token apiToken { id name role expiresAt lastUsedAt organization { creditCode } } } userErrors { code field message } } }`;

describe('service accounts (API tokens)', () => {
  it('apiTokenCreate shows 32 random bytes once, keeps only their hash; the token acts as its service account, records its last use, and is refused once revoked', async () => {
    const res = await hub.gql(TOKEN_CREATE, { input: { name: '市共享交换平台', role: 'PLATFORM', expiresInDays: 30 } }, admin);
    const { token, apiToken } = res.data.apiTokenCreate.created;
    expect(token).toMatch(/^chub_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(5), 'base64url')).toHaveLength(32);
    expect(apiToken).toMatchObject({ name: '市共享交换平台', role: 'PLATFORM', lastUsedAt: null });
    expect(new Date(apiToken.expiresAt).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    const [row] = await hub.ds.query(`SELECT to_jsonb(t)::text AS text FROM api_token t WHERE id = $1`, [apiToken.id]);
    expect(row.text).not.toContain(token.slice(5));

    expect((await hub.gql(VIEWER, {}, token)).data.viewer).toEqual({
      userId: apiToken.id,
      name: '市共享交换平台',
      kind: 'SERVICE_ACCOUNT',
      roles: ['PLATFORM'],
    });
    const listed = await hub.gql(`{ apiTokens { edges { node { id lastUsedAt } } } }`, {}, admin);
    expect(listed.data.apiTokens.edges.find((e: { node: { id: string } }) => e.node.id === apiToken.id).node.lastUsedAt).not.toBeNull();

    const revoke = await hub.gql(
      `mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { apiToken { revokedAt } userErrors { code } } }`,
      { id: apiToken.id },
      admin,
    );
    expect(revoke.data.apiTokenRevoke.apiToken.revokedAt).not.toBeNull();
    expect(await viewerCode(token)).toBe('UNAUTHENTICATED');
    expect(await viewerCode(`chub_${'A'.repeat(43)}`)).toBe('UNAUTHENTICATED');
  });

  it('an expiry beyond API_TOKEN_MAX_DAYS, or a project unit token without an organisation, is refused and nothing is written', async () => {
    const before = await count('api_token');
    const long = await hub.gql(TOKEN_CREATE, { input: { name: '项目自建系统', role: 'PLATFORM', expiresInDays: 91 } }, admin);
    expect(long.data.apiTokenCreate).toEqual({
      created: null,
      userErrors: [{ code: 'OUT_OF_RANGE', field: ['input', 'expiresInDays'], message: '有效天数不能超过 90 天' }],
    });
    const unit = await hub.gql(TOKEN_CREATE, { input: { name: '项目自建系统', role: 'PROJECT_UNIT', expiresInDays: 30 } }, admin);
    expect(unit.data.apiTokenCreate.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'organizationId'], message: '项目建设单位的令牌必须属于一个单位（第五条）' },
    ]);
    expect(await count('api_token')).toBe(before);
    expect(
      (await hub.gql(TOKEN_CREATE, { input: { name: 'x2', role: 'PLATFORM', expiresInDays: 1 } }, await hub.token(Role.PLATFORM))).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('token hygiene', () => {
  const claims = async () => {
    const { session } = await signIn('sign.in.hygiene');
    return JSON.parse(Buffer.from(session!.accessToken.split('.')[1], 'base64url').toString()) as { sub: string; sid: string };
  };
  beforeAll(() => createUser('sign.in.hygiene'));

  it('a token without exp, or one made to live longer than TOKEN_MAX_TTL_SECONDS, is refused', async () => {
    const { sub, sid } = await claims();
    const key = hub.config.jwtSecret!;
    const base = () => new SignJWT({ sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer(hub.config.jwtIssuer);
    const now = Math.floor(Date.now() / 1000);
    expect(
      await viewerCode(
        await base()
          .setIssuedAt(now)
          .setExpirationTime(now + 3600)
          .sign(key),
      ),
    ).toBe('OK');
    expect(await viewerCode(await base().setIssuedAt(now).sign(key))).toBe('UNAUTHENTICATED');
    expect(
      await viewerCode(
        await base()
          .setExpirationTime(now + 3600)
          .sign(key),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      await viewerCode(
        await base()
          .setIssuedAt(now)
          .setExpirationTime(now + 12 * 3600 + 1)
          .sign(key),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      await viewerCode(
        await base()
          .setIssuedAt(now)
          .setExpirationTime(now + 3600)
          .sign(new TextEncoder().encode('catalogue-hub-development-secret-change-me')),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('the demo token command’s tokens are of the demo user, the same actor every time', async () => {
    const a = (await hub.gql(VIEWER, {}, await hub.token(Role.EXPERT))).data.viewer;
    const b = (await hub.gql(VIEWER, {}, await hub.token(Role.EXPERT))).data.viewer;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ name: '张明远', kind: 'USER', roles: ['EXPERT'] });
  });
});

describe('what other modules may ask', () => {
  it('expertById: an enabled EXPERT with their name; anyone else, or a disabled expert, is null', async () => {
    const expert = await createUser('lookup.expert', { roles: ['EXPERT'], organizationId: null, name: '周立群' });
    const unit = await createUser('lookup.unit');
    expect(await expertById(hub.ds, expert.id)).toMatchObject({ id: expert.id, name: '周立群', roles: ['EXPERT'], disabled: false });
    expect(await expertById(hub.ds, unit.id)).toBeNull();
    expect(await userSummary(hub.ds, unit.id)).toMatchObject({ login: 'lookup.unit', roles: ['PROJECT_UNIT'] });
    await hub.gql(`mutation($id: ID!) { userDisable(input: { id: $id }) { userErrors { code } } }`, { id: expert.id }, admin);
    expect(await expertById(hub.ds, expert.id)).toBeNull();
  });
});

describe('in production', () => {
  let prod: TestHub;
  beforeAll(async () => {
    prod = await startTestHub({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' });
  });
  afterAll(() => prod.close());

  it('the IDE and introspection are off; signing in by GraphQL works without a token; the cookie is Secure and __Host-', async () => {
    const ide = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await ide.text()).not.toContain('graphiql');
    const token = await prod.token(Role.ADMIN);
    const introspect = await prod.gql(`{ __schema { queryType { name } } }`, {}, token);
    expect(introspect.errors?.[0].message).toMatch(/introspection/i);

    const { login, password } = await prod.credentials(Role.BIG_DATA_BUREAU);
    const signIn = await prod.gql(SESSION_CREATE, { input: { login, password } });
    expect(signIn.data.sessionCreate.userErrors).toEqual([]);
    const other = await prod.gql(
      `mutation { sessionCreate(input: { login: "x", password: "y" }) { userErrors { code } } organizationCreate(input: { name: "xx", creditCode: "x", kind: TOWN }) { userErrors { code } } }`,
    );
    expect(other.errors?.[0].extensions?.code).toBe('BAD_REQUEST');

    const res = await fetch(`${prod.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-hub_session=.*; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
  });
});
