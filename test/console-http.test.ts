/**
 * The console as the hub serves it: the built page and assets, its operations against the
 * schema, the production allow-list, and the two API additions it reads (gaps by reason, a
 * project's next steps with what they still lack).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { Role } from '../src/common/role.enums';
import { CONSOLE_DIR, operationHash } from '../src/http/console';
import { startTestHub, TestHub, postGraphql } from './support/hub';

const OPERATIONS = path.join(__dirname, '..', 'console', 'src', 'operations');
// As the console sends them: each operation file with the shared fragments it uses appended (console/build.mjs).
const built = JSON.parse(readFileSync(path.join(CONSOLE_DIR, 'documents.json'), 'utf8')) as Record<string, string>;
const documents = readdirSync(OPERATIONS)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => {
    const name = path.basename(f, '.graphql');
    const text = built[name];
    if (!text?.startsWith(readFileSync(path.join(OPERATIONS, f), 'utf8'))) throw new Error(`the build's document ${name} is not its file's (npm run build)`);
    return { name, text };
  });
const doc = (name: string) => documents.find((d) => d.name === name)!.text;

describe('the console’s operations', () => {
  const schema = buildSchema(readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));

  it.each(documents.map((d) => [d.name, d.text]))('%s is valid against the schema and named after its file', (name, text) => {
    const ast = parse(text);
    expect(validate(schema, ast)).toEqual([]);
    const ops = ast.definitions.filter((d) => d.kind === 'OperationDefinition');
    expect(ops).toHaveLength(1);
    expect((ops[0] as { name?: { value: string } }).name?.value).toBe(name);
  });

  it('the build wrote the allow-list of exactly these documents', () => {
    const list = JSON.parse(readFileSync(path.join(CONSOLE_DIR, 'operations.json'), 'utf8')) as Record<string, string>;
    expect(Object.fromEntries(documents.map((d) => [operationHash(d.text), d.name]))).toEqual(list);
  });
});

describe('serving /console/', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({}, 'demo');
  });
  afterAll(() => hub.close());
  const get = (p: string, method = 'GET') => fetch(`${hub.url}${p}`, { method, redirect: 'manual' });

  it('the page, under a CSP with a fresh nonce, loads only its own hashed assets', async () => {
    const res = await get('/console/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /style-src 'self' 'nonce-([\w+/]{22}==)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
    const html = await res.text();
    expect(html).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect((await get('/console/')).headers.get('content-security-policy')).not.toContain(nonce);
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      expect(url).toMatch(/^\/console\/assets\/[\w-]+\.(js|css)$/);
      const asset = await get(url);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-type')).toMatch(/^text\/(javascript|css); charset=utf-8$/);
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      await asset.arrayBuffer();
    }
  });

  it('a console address the browser routes gets the page; /console redirects; unknown assets 404; writes 405', async () => {
    const deep = await get('/console/projects/SC-2026-0001');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const bare = await get('/console');
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/console/');
    await bare.arrayBuffer();
    for (const p of ['/console/assets/nope.js', '/console/assets/..%2F..%2Fpackage.json', '/console/assets/x/y.js', '/console/assets/operations.json']) {
      const res = await get(p);
      expect(res.status).toBe(404);
      await res.arrayBuffer();
    }
    const post = await get('/console/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await post.arrayBuffer();
  });

  it('gaps filtered by reason: only those reasons, counted alone, paged by the same cursors', async () => {
    const token = await hub.token(Role.BIG_DATA_BUREAU);
    const q = `query($reasons: [GapReason!], $after: String) { completeness { gaps(first: 3, after: $after, reasons: $reasons) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { reason resource { code } } } } } }`;
    const all = await hub.gql(q, {}, token);
    const some = await hub.gql(q, { reasons: ['NOT_MOUNTED', 'NOT_PUBLISHED'] }, token);
    expect(some.errors).toBeUndefined();
    const gaps = some.data.completeness.gaps;
    expect(gaps.totalCount).toBeGreaterThan(0);
    expect(gaps.totalCount).toBeLessThan(all.data.completeness.gaps.totalCount);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await hub.gql(q, { reasons: ['NOT_PUBLISHED', 'NOT_MOUNTED', 'NOT_MOUNTED'], after }, token)).data.completeness.gaps;
      for (const e of page.edges) {
        expect(['NOT_MOUNTED', 'NOT_PUBLISHED']).toContain(e.node.reason);
        seen.push(`${e.node.resource.code}:${e.node.reason}`);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(gaps.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a project’s next steps name what their rules would still refuse, with the article', async () => {
    const unit = await hub.token(Role.PROJECT_UNIT);
    const q = `query($code: String!) { project(code: $code) { status nextActions { mutation label role article missing { code field message article } } } }`;
    const res = await hub.gql(q, { code: 'SC-2027-0006' }, await hub.token(Role.BIG_DATA_BUREAU));
    expect(res.errors).toBeUndefined();
    const p = res.data.project;
    expect(p.status).toBe('DRAFT');
    const declare = p.nextActions.find((a: { mutation: string }) => a.mutation === 'projectDeclare');
    expect(declare).toMatchObject({ role: 'PROJECT_UNIT', article: '第七条', label: '申报项目' });
    // What the list says is missing is exactly what declaring answers.
    const own = await hub.gql(`{ project(code: "SC-2027-0006") { id } }`, {}, unit);
    if (own.data.project) {
      const tried = await hub.gql(
        `mutation($id: ID!) { projectDeclare(input: { projectId: $id }) { userErrors { code field message article } } }`,
        { id: own.data.project.id },
        unit,
      );
      expect(tried.data.projectDeclare.userErrors).toEqual(declare.missing);
    }
    const declared = await hub.gql(q, { code: 'SC-2027-0003' }, await hub.token(Role.LEADING_GROUP_OFFICE));
    const approve = declared.data.project.nextActions.find((a: { mutation: string }) => a.mutation === 'projectApprove');
    expect(approve).toMatchObject({ role: 'LEADING_GROUP_OFFICE', article: '第十条' });
    // The demo leaves SC-2027-0003 under expert review: its expert has not answered yet (第十条); the rest is the sharing analysis (第九条).
    expect(approve.missing.filter((m: { article: string }) => m.article !== '第九条')).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', article: '第十条', message: expect.stringContaining('专家评审尚未完成') }),
    ]);
  });
});

describe('in production, only the console’s own operations without a token', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' });
  });
  afterAll(() => hub.close());
  const post = (query: string, headers: Record<string, string> = {}) => postGraphql(hub.url, { query }, { headers });

  it('an operation the console was not built with is refused before it runs', async () => {
    const res = await post('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string }; message: string }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toContain('控制台');
    const byGet = await fetch(`${hub.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(byGet.status).toBe(400);
    await byGet.arrayBuffer();
  });

  it('the console’s own document runs (and answers as the API does); a changed byte does not', async () => {
    const ok = await post(doc('Viewer'));
    expect(ok.status).toBe(401);
    const body = (await ok.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const changed = await post(`${doc('Viewer')} `);
    expect(changed.status).toBe(400);
    await changed.arrayBuffer();
  });

  it('a caller with a bearer token keeps the whole API', async () => {
    const res = await post('{ viewer { roles } }', { authorization: `Bearer ${await hub.token(Role.PLATFORM)}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { roles: ['PLATFORM'] } } });
  });
});
