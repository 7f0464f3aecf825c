/**
 * The limits of issue "limits that keep one caller from starving the rest": each tried just under
 * and just over its configured bound, against a real hub over HTTP.
 */
import { Role } from '../src/common/role.enums';
import { lockTable, postGraphql, sleep, startOneConnectionHub, startTestHub, TestHub } from './support/hub';

const post = (hub: TestHub, query: string, token?: string) => postGraphql(hub.url, { query }, { token });

const codeOf = async (res: Response) => ((await res.json()) as any).errors?.[0]?.extensions?.code ?? 'OK';

const COUNT = '{ organizations { totalCount } }';

describe('query shape limits', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub({ MAX_QUERY_DEPTH: '6', MAX_ALIASES: '3', MAX_DIRECTIVES: '2', MAX_TOKENS: '200', MAX_QUERY_COST: '41' });
    token = await hub.token(Role.AUDITOR);
  });
  afterAll(() => hub.close());

  const refusal = async (query: string) => {
    const body = (await (await post(hub, query, token)).json()) as any;
    return body.errors ? { code: body.errors[0].extensions.code, limit: body.errors[0].extensions.limit, message: body.errors[0].message } : 'OK';
  };

  it('depth counts introspection: __type nested 40 deep is refused, 6 levels pass, 7 do not', async () => {
    const nested = (n: number) => `{ __type(name: "Query") { ${'ofType { '.repeat(n - 1)}name${' }'.repeat(n - 1)} } }`;
    expect(await refusal(nested(40))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
    expect(await refusal(nested(6))).toBe('OK');
    expect(await refusal(nested(7))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', message: expect.stringContaining('上限 6') });
  });

  it('aliases: 3 pass, 4 are refused', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { roles }`).join(' ')} }`;
    expect(await refusal(aliased(3))).toBe('OK');
    expect(await refusal(aliased(4))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
  });

  it('directives: 2 pass, 3 are refused', async () => {
    const directed = (n: number) => `{ viewer { ${Array.from({ length: n }, () => 'roles @include(if: true)').join(' ')} } }`;
    expect(await refusal(directed(2))).toBe('OK');
    expect(await refusal(directed(3))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives' });
  });

  it('tokens: a document of 200 tokens parses, 201 answer GRAPHQL_PARSE_FAILED (never HTTP 500)', async () => {
    // `{ viewer { … } }` is 4 tokens around its fields, and graphql-js counts the end of the document as one more.
    const doc = (n: number) => `{ viewer { ${'roles '.repeat(n - 5)}} }`;
    // parsed: only the cost rule (41 here) stops it afterwards
    expect(await refusal(doc(200))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
    const res = await post(hub, doc(201), token);
    expect(res.status).toBe(200);
    expect(await codeOf(res)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('cost prices lists by first: cost 41 passes, 45 is refused', async () => {
    // organizations 1 + first × (edges 1 + node 1 + id 1 + name 1)
    const page = (first: number) => `{ organizations(first: ${first}) { edges { node { id name } } } }`;
    expect(await refusal(page(10))).toBe('OK');
    expect(await refusal(page(11))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', message: expect.stringContaining('45') });
  });

  it('cost reads a `first` given as a variable: 10 passes, 11 is refused', async () => {
    const doc = 'query ($n: Int) { organizations(first: $n) { edges { node { id name } } } }';
    expect((await hub.gql(doc, { n: 10 }, token)).errors).toBeUndefined();
    const over = await hub.gql(doc, { n: 11 }, token);
    expect(over.status).toBe(400); // application/graphql-response+json
    expect(over.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
  });

  it("the IDE's introspection query fits the default limits", async () => {
    const def = await startTestHub();
    try {
      const { getIntrospectionQuery } = await import('graphql');
      const body = (await (await post(def, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.data.__schema.types.length).toBeGreaterThan(50);
    } finally {
      await def.close();
    }
  });
});

describe('database limits', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startOneConnectionHub({ STATEMENT_TIMEOUT_MS: '600' });
  });
  afterAll(() => hub.close());

  it('a statement running past STATEMENT_TIMEOUT_MS answers QUERY_TIMEOUT; one that ends before it answers', async () => {
    const token = await hub.token(Role.AUDITOR);
    let lock = await lockTable(hub);
    const slow = post(hub, COUNT, token);
    await sleep(1000);
    await lock.release();
    const res = await slow;
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TIMEOUT' });
    expect(body.errors[0].message).toMatch(/查询超时/);

    lock = await lockTable(hub);
    const quick = post(hub, COUNT, token);
    await sleep(150);
    await lock.release();
    expect(await codeOf(await quick)).toBe('OK');
  });

  it('no pooled connection within POOL_WAIT_MS answers DATABASE_BUSY; one freed in time is used', async () => {
    const [unit, bureau] = [await hub.token(Role.PROJECT_UNIT, undefined), await hub.token(Role.BIG_DATA_BUREAU)];
    let lock = await lockTable(hub);
    const holder = post(hub, COUNT, unit); // takes the only connection and waits on the lock
    await sleep(100);
    const waiting = await post(hub, COUNT, bureau);
    const body = (await waiting.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'DATABASE_BUSY' });
    expect(body.errors[0].message).toMatch(/数据库繁忙/);
    await lock.release();
    expect(await codeOf(await holder)).toBe('OK');

    lock = await lockTable(hub);
    const first = post(hub, COUNT, unit);
    await sleep(50);
    const second = post(hub, COUNT, bureau);
    await sleep(100);
    await lock.release();
    expect([await codeOf(await first), await codeOf(await second)]).toEqual(['OK', 'OK']);
  });
});

describe('per-caller rate limit and concurrency cap', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW_SECONDS: '3600', MAX_CONCURRENT_PER_CALLER: '2' });
  });
  afterAll(() => hub.close());

  it('5 requests in the window pass, the 6th answers 429 RATE_LIMITED with Retry-After; another caller is unaffected', async () => {
    const token = await hub.token(Role.AUDITOR);
    for (let i = 0; i < 5; i++) expect(await codeOf(await post(hub, '{ viewer { roles } }', token))).toBe('OK');
    const over = await post(hub, '{ viewer { roles } }', token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await over.json()) as any;
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/秒后重试/);
    // The limit is the user's, whatever token they use; another user is unaffected.
    expect((await post(hub, '{ viewer { roles } }', await hub.token(Role.AUDITOR))).status).toBe(429);
    expect(await codeOf(await post(hub, '{ viewer { roles } }', await hub.token(Role.EXPERT)))).toBe('OK');
  });

  it('2 requests of one caller run at once, a 3rd answers RATE_LIMITED until one ends', async () => {
    const token = await hub.token(Role.BIG_DATA_BUREAU);
    const lock = await lockTable(hub);
    const running = [post(hub, COUNT, token), post(hub, COUNT, token)];
    await sleep(200);
    const third = await post(hub, COUNT, token);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    await lock.release();
    expect(await Promise.all(running.map(async (r) => codeOf(await r)))).toEqual(['OK', 'OK']);
    expect(await codeOf(await post(hub, COUNT, token))).toBe('OK');
  });
});

describe('field suggestions', () => {
  it('are given in development and withheld in production', async () => {
    const dev = await startTestHub();
    const prod = await startTestHub({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    try {
      const message = async (hub: TestHub) => ((await (await post(hub, '{ viewr { roles } }')).json()) as any).errors[0].message as string;
      // graphql-js's "Did you mean …" reaches the client in Chinese (是否为 …).
      expect(await message(dev)).toMatch(/是否为 viewer/);
      expect(await message(prod)).not.toMatch(/Did you mean|是否为|viewer/);
    } finally {
      await dev.close();
      await prod.close();
    }
  });
});
