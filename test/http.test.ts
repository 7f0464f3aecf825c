import { Role } from '../src/common/role.enums';
import { startTestHub, TestHub, postGraphql } from './support/hub';

let hub: TestHub;
let token: string;
beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.token(Role.AUDITOR);
});
afterAll(() => hub.close());

const post = (body: string, headers: Record<string, string> = {}) => postGraphql(hub.url, body, { headers });

describe('GraphQL over HTTP', () => {
  it('answers a malformed JSON body with 400 and a GraphQL error', async () => {
    const res = await post('{"query": "{ viewer { userId } }"');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers an unparsable query with GRAPHQL_PARSE_FAILED: 200 for application/json, 400 for application/graphql-response+json', async () => {
    const res = await post(JSON.stringify({ query: '{ viewer { ' }), { authorization: `Bearer ${token}`, accept: 'application/json' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const modern = await post(JSON.stringify({ query: '{ viewer { ' }), { authorization: `Bearer ${token}`, accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    expect(((await modern.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('serves queries over GET and refuses mutations over GET', async () => {
    const q = encodeURIComponent('{ viewer { roles } }');
    const ok = await fetch(`${hub.url}/graphql?query=${q}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/graphql-response+json' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(((await ok.json()) as any).data.viewer.roles).toEqual(['AUDITOR']);
    const m = encodeURIComponent('mutation { organizationUpdate(input: { id: "00000000-0000-4000-8000-000000000000" }) { userErrors { code } } }');
    const refused = await fetch(`${hub.url}/graphql?query=${m}`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(405);
  });

  it('gives every response a request id, echoing a sane one', async () => {
    const res = await post(JSON.stringify({ query: '{ viewer { roles } }' }), { authorization: `Bearer ${token}`, 'x-request-id': 'trace-42' });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const other = await post(JSON.stringify({ query: '{ viewer { roles } }' }), { authorization: `Bearer ${token}`, 'x-request-id': 'bad id\twith tab' });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses queries nested beyond the depth limit', async () => {
    const deep = `{ organizations { edges { node { ${'supervisor { '.repeat(13)}id${' }'.repeat(13)} } } } }`;
    const res = await post(JSON.stringify({ query: deep }), { authorization: `Bearer ${token}` });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    expect((await fetch(`${hub.url}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${hub.url}/graphql`, { method: 'PUT' })).status).toBe(405);
  });
});

describe('health', () => {
  it('/healthz says the process is alive', async () => {
    const res = await fetch(`${hub.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is ready when the database answers and migrations are current, 503 otherwise', async () => {
    const ready = await fetch(`${hub.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: 'up', migrationsCurrent: true });

    const [last] = await hub.ds.query(`SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1`);
    await hub.ds.query(`DELETE FROM migrations WHERE id = $1`, [last.id]);
    try {
      const pending = await fetch(`${hub.url}/readyz`);
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({ migrationsCurrent: false });
    } finally {
      await hub.ds.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [last.id, last.timestamp, last.name]);
    }
  });
});

describe('error masking', () => {
  it('an internal fault reaches the client as INTERNAL_SERVER_ERROR with no stack, SQL or path', async () => {
    // A real fault: the table is gone from under the running hub.
    await hub.ds.query(`ALTER TABLE organization RENAME TO organization_away`);
    try {
      const res = await post(JSON.stringify({ query: '{ organizations { totalCount } }' }), { authorization: `Bearer ${token}` });
      const body = (await res.json()) as any;
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(body.errors[0].message).toBe('服务器内部错误');
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/organization_away|relation|SELECT|stack|\/work\/|\.ts|node_modules/i);
    } finally {
      await hub.ds.query(`ALTER TABLE organization_away RENAME TO organization`);
    }
  });
});

describe('GraphQL over HTTP audit (graphql-http)', () => {
  it('passes every audit of the graphql-http package, warnings included', async () => {
    const { auditServer } = await import('graphql-http');
    const results = await auditServer({ url: `${hub.url}/graphql`, fetchFn: fetch });
    const failed = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failed).toEqual([]);
  });
});

describe('security headers', () => {
  it('are on every answer: GraphQL, errors, health, assets, 404 and the IDE', async () => {
    const answers = [
      await post(JSON.stringify({ query: '{ viewer { roles } }' }), { authorization: `Bearer ${token}` }),
      await post('{ not json'),
      await fetch(`${hub.url}/healthz`),
      await fetch(`${hub.url}/nothing-here`),
      await fetch(`${hub.url}/graphql`, { headers: { accept: 'text/html' } }),
    ];
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
