import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CSRF_HEADER } from '../common/csrf';
import { send, sendNoSuchFile, sendPage, sendReadOnly } from './static-files';

/*
 * The GraphQL IDE (GraphiQL) at GET /graphql for a browser, served from local assets only:
 * the hub may run on a network that cannot reach any CDN.
 */

const ASSET_PREFIX = '/graphql/ide/';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Boots GraphiQL; a served file rather than inline code, so the CSP keeps `script-src 'self'`. */
const BOOT_JS = `'use strict';
(function () {
  // GraphiQL's dialogs lock page scrolling with a <style> element, stamped with this nonce if set.
  window.__webpack_nonce__ = document.currentScript.nonce;
  var KEY = 'catalogue-hub:token';
  var input = document.getElementById('token');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  try { input.value = localStorage.getItem(KEY) || ''; } catch (e) {}

  function fetcher(token) {
    return function (params, opts) {
      // A developer signed into the console in this browser sends its cookie too: the IDE is one of the hub's own pages.
      var headers = Object.assign({ 'content-type': 'application/json', accept: 'application/json', '${CSRF_HEADER}': '1' }, opts && opts.headers);
      if (token) headers.authorization = 'Bearer ' + token;
      return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(params) })
        .then(function (res) { return res.json(); });
    };
  }

  function render() {
    var token = input.value.trim().replace(/^Bearer\\s+/i, '');
    root.render(React.createElement(GraphiQL, { fetcher: fetcher(token), defaultEditorToolsVisibility: false }));
  }

  input.addEventListener('change', function () {
    try { localStorage.setItem(KEY, input.value.trim()); } catch (e) {}
    render(); // a new fetcher makes GraphiQL fetch the schema again with the new token
  });
  render();
})();
`;

const HUB_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
#token-bar { display: flex; align-items: center; gap: 8px; padding: 6px 12px; font-size: 14px; border-bottom: 1px solid #ddd; }
#token-bar strong { margin-right: 8px; }
#token { flex: 1; max-width: 640px; padding: 4px 6px; font-family: monospace; }
#graphiql { flex: 1; min-height: 0; }
`;

type Asset = { type: string; text: string } | { type: string; file: [pkg: string, rel: string] };

/** The only files served under /graphql/ide/; paths come from here, never from the URL. */
const ASSETS: Record<string, Asset> = {
  'react.production.min.js': { type: JS, file: ['react', 'umd/react.production.min.js'] },
  'react-dom.production.min.js': { type: JS, file: ['react-dom', 'umd/react-dom.production.min.js'] },
  'graphiql.min.js': { type: JS, file: ['graphiql', 'graphiql.min.js'] },
  'graphiql.min.css': { type: CSS, file: ['graphiql', 'graphiql.min.css'] },
  'hub.css': { type: CSS, text: HUB_CSS },
  'boot.js': { type: JS, text: BOOT_JS },
};

const loaded = new Map<string, Buffer>();

function assetBody(name: string, asset: Asset): Buffer {
  let body = loaded.get(name);
  if (!body) {
    if ('text' in asset) {
      body = Buffer.from(asset.text);
    } else {
      // The packages' `exports` hide their UMD builds from require.resolve, but not package.json.
      const [pkg, rel] = asset.file;
      body = readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel));
    }
    loaded.set(name, body);
  }
  return body;
}

/** Busts browser caches when the boot code or a package version changes. */
const VERSION = createHash('sha256')
  .update(BOOT_JS + HUB_CSS)
  .update(
    ['graphiql', 'react', 'react-dom']
      .map((p) => (JSON.parse(readFileSync(require.resolve(`${p}/package.json`), 'utf8')) as { version: string }).version)
      .join(),
  )
  .digest('hex')
  .slice(0, 12);

const asset = (name: string) => `${ASSET_PREFIX}${name}?v=${VERSION}`;

const page = (nonce: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>catalogue-hub 政务信息资源目录 GraphQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<link rel="stylesheet" href="${asset('hub.css')}">
</head>
<body>
<div id="token-bar">
<strong>catalogue-hub 政务信息资源目录 GraphQL</strong>
<label for="token">访问令牌（Bearer）</label>
<input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="粘贴访问令牌，保存在本浏览器中；留空则匿名访问">
</div>
<div id="graphiql">正在加载 GraphiQL…</div>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('boot.js')}" nonce="${nonce}"></script>
</body>
</html>
`;

/** The q-value the Accept header gives `type`, from its most specific matching range. */
function quality(accept: string, type: string): number {
  let best = -1;
  let q = 0;
  for (const part of accept.split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const specificity = range === type ? 2 : range === `${type.split('/')[0]}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best) continue;
    const qParam = params.find((p) => p.startsWith('q='));
    best = specificity;
    q = qParam ? Number(qParam.slice(2)) || 0 : 1;
  }
  return q;
}

function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = quality(accept, 'text/html');
  return html > 0 && html > Math.max(quality(accept, 'application/json'), quality(accept, 'application/graphql-response+json'));
}

/**
 * The GraphQL IDE at GET /graphql for a browser, served from local assets only.
 * Returns true when it answered the request.
 */
export function serveIde(req: IncomingMessage, res: ServerResponse): boolean {
  // Split like the server's router does; unlike new URL(), this cannot throw on an odd request target.
  const [pathname, search = ''] = (req.url ?? '/').split('?', 2);
  const readOnly = req.method === 'GET' || req.method === 'HEAD';

  if (pathname.startsWith(ASSET_PREFIX)) {
    if (!readOnly) return sendReadOnly(req, res);
    const name = pathname.slice(ASSET_PREFIX.length);
    const found = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!found) return sendNoSuchFile(req, res);
    return send(req, res, 200, { 'content-type': found.type, 'cache-control': 'public, max-age=86400' }, assetBody(name, found));
  }

  if (pathname !== '/graphql' || !readOnly || new URLSearchParams(search).has('query') || !prefersHtml(req.headers.accept)) {
    return false;
  }
  // GraphiQL's stylesheet embeds its fonts and a few images as data: URLs, which never leave the machine.
  return sendPage(req, res, page, { formAction: "'none'", headers: { vary: 'Accept' } });
}
