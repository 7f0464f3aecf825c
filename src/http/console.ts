import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { PLAIN_TEXT, send, sendNoSuchFile, sendPage, sendReadOnly } from './static-files';

/*
 * The web console at /console/, served from the files `npm run build` wrote to dist/console
 * (console/build.mjs): hashed assets cached for a year, the page itself never cached and sent
 * under a strict CSP with a fresh nonce (Ant Design writes its styles into <style> elements
 * stamped with it). Nothing it needs comes from another origin.
 */

const PREFIX = '/console';
const NONCE_PLACEHOLDER = '__CSP_NONCE__';
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};
const ASSET_NAME = /^assets\/[\w.-]+\.(js|css|svg|png|woff2)$/;

export interface ConsoleFiles {
  /** The page, with the nonce placeholder; null when the console was not built. */
  index: string | null;
  /** sha256 (hex) of each operation document the console sends. */
  operations: Set<string>;
  asset(name: string): Buffer | undefined;
}

/** The repository's root: the nearest folder above this file with a package.json (also from dist/src/http). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const CONSOLE_DIR = path.join(repositoryRoot(), 'dist', 'console');

export const operationHash = (document: string): string => createHash('sha256').update(document).digest('hex');

/** Reads the built console once; assets are read on first request and kept. */
export function loadConsole(dir = CONSOLE_DIR): ConsoleFiles {
  const indexFile = path.join(dir, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  const opsFile = path.join(dir, 'operations.json');
  const operations = new Set<string>(existsSync(opsFile) ? Object.keys(JSON.parse(readFileSync(opsFile, 'utf8')) as object) : []);
  const cache = new Map<string, Buffer>();
  return {
    index,
    operations,
    asset(name) {
      if (!ASSET_NAME.test(name)) return undefined;
      let body = cache.get(name);
      if (!body) {
        const file = path.join(dir, name);
        if (!existsSync(file)) return undefined;
        body = readFileSync(file);
        cache.set(name, body);
      }
      return body;
    },
  };
}

/**
 * GET /console/assets/<hashed name> and every other GET under /console/ (the page; the console
 * routes in the browser). Returns true when it answered the request.
 */
export function serveConsole(req: IncomingMessage, res: ServerResponse, files: ConsoleFiles): boolean {
  const [pathname] = (req.url ?? '/').split('?', 1);
  if (pathname !== PREFIX && !pathname.startsWith(`${PREFIX}/`)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendReadOnly(req, res);
  if (pathname === PREFIX) return send(req, res, 308, { ...PLAIN_TEXT, location: `${PREFIX}/` }, '');

  const rest = pathname.slice(PREFIX.length + 1);
  if (rest.startsWith('assets/')) {
    const body = files.asset(rest);
    if (!body) return sendNoSuchFile(req, res);
    return send(
      req,
      res,
      200,
      {
        'content-type': TYPES[path.extname(rest)] ?? 'application/octet-stream',
        // The names carry a content hash: a new build gets new names.
        'cache-control': 'public, max-age=31536000, immutable',
      },
      body,
    );
  }
  const index = files.index;
  if (!index) return send(req, res, 503, PLAIN_TEXT, '控制台尚未构建：请先运行 npm run build\n');
  return sendPage(req, res, (nonce) => index.split(NONCE_PLACEHOLDER).join(nonce), { formAction: "'self'", headers: { 'x-frame-options': 'DENY' } });
}

/**
 * In production a GraphQL request without a bearer token (the console's, authenticated by its
 * session cookie, or an anonymous one) may only run a document the console was built with.
 * Callers with a token (service accounts, the exchange platform) keep the whole API.
 */
export function operationAllowed(files: ConsoleFiles, query: unknown, hasBearer: boolean): boolean {
  return hasBearer || (typeof query === 'string' && files.operations.has(operationHash(query)));
}

const SIGN_IN_FIELDS = new Set(['sessionCreate', 'sessionRefresh', 'sessionRevoke']);

/**
 * A document that is one mutation of sessionCreate, sessionRefresh or sessionRevoke only: what an
 * API client without a token sends to get one, allowed in production beside the console's own.
 */
export function signInOperation(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > 2000) return false;
  try {
    const doc = parse(query, { maxTokens: 200 });
    return doc.definitions.every(
      (d) =>
        d.kind === Kind.OPERATION_DEFINITION &&
        d.operation === OperationTypeNode.MUTATION &&
        d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SIGN_IN_FIELDS.has(s.name.value)),
    );
  } catch {
    return false;
  }
}
