import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { Role } from '../src/common/role.enums';
import { CHROMIUM, NO_BROWSER, runsBrowser } from './support/browser';
import { startTestHub, TestHub } from './support/hub';

/** Without Chromium the browser check is skipped with NO_BROWSER, unless REQUIRE_BROWSER=1 (as .ci/run sets) makes it a failure. */
const runBrowser = runsBrowser();
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const get = (path: string, accept = BROWSER_ACCEPT, method = 'GET') => fetch(`${hub.url}${path}`, { method, headers: { accept } });

/** The local URLs the page loads: every src and href except data: URLs. */
const references = (html: string) => [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));

describe('GraphQL IDE', () => {
  it('a browser navigating to /graphql gets the page, under a strict CSP', async () => {
    const res = await get('/graphql');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    for (const directive of ['script-src', 'connect-src']) expect(csp).toContain(`${directive} 'self';`);
    // GraphiQL's dialogs inject a <style>; only one carrying this response's nonce is allowed.
    const nonce = /style-src 'self' 'nonce-([\w+/]{22}==)';/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect((await get('/graphql')).headers.get('content-security-policy')).not.toContain(nonce);
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>catalogue-hub 政务信息资源目录 GraphQL</title>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
    const urls = references(html);
    expect(urls.length).toBe(6);
    for (const url of urls) expect(url).toMatch(/^\/graphql\/ide\/[\w.-]+\?v=\w+$/);
  });

  it('every asset the page references is served with its content type and a day of caching', async () => {
    const urls = references(await (await get('/graphql')).text());
    for (const url of urls) {
      const res = await get(url, '*/*');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(url.includes('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const unversioned = await get('/graphql/ide/graphiql.min.js', '*/*');
    expect(unversioned.status).toBe(200);
    await unversioned.arrayBuffer();
  });

  it.each(['unknown.js', 'graphiql.min.js.map', '..%2Fpackage.json', '', 'react.production.min.js/x'])('/graphql/ide/%s → 404', async (name) => {
    const res = await get(`/graphql/ide/${name}`, '*/*');
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });

  it('HEAD answers the headers without a body', async () => {
    const page = await get('/graphql', BROWSER_ACCEPT, 'HEAD');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('');
    const asset = await get('/graphql/ide/boot.js', '*/*', 'HEAD');
    expect(asset.status).toBe(200);
    expect(Number(asset.headers.get('content-length'))).toBeGreaterThan(100);
  });

  it.each([
    ['an Accept of application/json', '/graphql', 'application/json'],
    ['no preference (*/*)', '/graphql', '*/*'],
    ['html and JSON equally', '/graphql', 'application/json, text/html'],
    ['a query parameter, even from a browser', '/graphql?query=%7B__typename%7D', BROWSER_ACCEPT],
  ])('GET /graphql with %s is left to GraphQL', async (_label, path, accept) => {
    const res = await get(path, accept);
    expect(res.headers.get('content-type')).not.toContain('text/html');
    await res.arrayBuffer();
  });

  it('POST /graphql is left to GraphQL', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  const inBrowser = 'renders in a real browser without a single request leaving the machine';
  (runBrowser ? it : it.skip)(
    runBrowser ? inBrowser : `${inBrowser} — skipped: ${NO_BROWSER}`,
    async () => {
      if (!fs.existsSync(CHROMIUM)) throw new Error(`${NO_BROWSER} (REQUIRE_BROWSER=1)`);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const outside: string[] = [];
        const problems: string[] = [];
        await page.route('**/*', (route) => {
          const url = new URL(route.request().url());
          if (url.protocol === 'data:' || ['127.0.0.1', 'localhost'].includes(url.hostname)) {
            return route.continue();
          }
          outside.push(url.href);
          return route.abort('blockedbyclient');
        });
        page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
        page.on('console', (msg) => {
          if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
        });
        page.on('response', (res) => {
          if (res.status() >= 400) problems.push(`${res.status()} ${res.url()}`);
        });

        // Resolves with the Authorization header of the next GraphQL request the page makes.
        const nextAuth = () =>
          page.waitForRequest((r) => new URL(r.url()).pathname === '/graphql' && r.method() === 'POST').then((r) => r.headers().authorization);

        let auth = nextAuth(); // the schema, fetched anonymously
        await page.goto(`${hub.url}/graphql`);
        await page.locator('.graphiql-container').waitFor({ state: 'visible' });
        await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ state: 'visible' });
        expect(await page.title()).toBe('catalogue-hub 政务信息资源目录 GraphQL');
        expect(await auth).toBeUndefined();

        // A pasted token is kept in localStorage and sent as a bearer token, at once and after a reload.
        const token = await hub.token(Role.BIG_DATA_BUREAU);
        auth = nextAuth();
        await page.locator('#token').fill(token);
        await page.locator('#token').press('Enter');
        expect(await auth).toBe(`Bearer ${token}`);
        auth = nextAuth();
        await page.reload();
        await page.locator('.graphiql-container').waitFor({ state: 'visible' });
        expect(await page.locator('#token').inputValue()).toBe(token);
        expect(await auth).toBe(`Bearer ${token}`);

        // A query typed into the editor runs with the token.
        await page.locator('.graphiql-query-editor .CodeMirror').click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type('{ viewer { userId roles ');
        await page.keyboard.press('Control+Enter');
        await page.locator('.graphiql-response .CodeMirror', { hasText: 'BIG_DATA_BUREAU' }).waitFor({ state: 'visible' });

        // Signed into the console in the same browser (its cookie) and no token: the IDE's requests carry the
        // CSRF header of the hub's own pages, so the cookie's caller is answered, not CSRF_REFUSED.
        const signIn = await page.context().request.post(`${hub.url}/auth/session`, { data: await hub.credentials(Role.AUDITOR) });
        expect(signIn.ok()).toBe(true);
        await signIn.body();
        auth = nextAuth();
        await page.locator('#token').fill('');
        await page.locator('#token').press('Enter');
        expect(await auth).toBeUndefined();
        await page.locator('.graphiql-query-editor .CodeMirror').click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type('{ viewer { userId roles ');
        await page.keyboard.press('Control+Enter');
        await page.locator('.graphiql-response .CodeMirror', { hasText: 'AUDITOR' }).waitFor({ state: 'visible' });

        // Opening a dialog injects no style the CSP would refuse.
        await page.locator('button[aria-label="Open settings dialog"]').click();
        await page.locator('.graphiql-dialog').waitFor({ state: 'visible' });
        await page.keyboard.press('Escape');

        await page.screenshot({ path: '/tmp/ide.png' });
        expect(outside).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  ); // a browser on a loaded machine: a limit, not a timing
});
