import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * What the hub's own pages (the console at /console/, the GraphQL IDE at /graphql) share when they
 * are served: the answer itself, the plain-text refusals, and the page sent under a strict CSP with
 * a fresh nonce, nothing coming from another origin.
 */

export const PLAIN_TEXT = { 'content-type': 'text/plain; charset=utf-8' } as const;

/** Answers with `body` (none for HEAD), never sniffed by the browser. */
export function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): true {
  res.statusCode = status;
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** 405 for a request that is neither GET nor HEAD. */
export const sendReadOnly = (req: IncomingMessage, res: ServerResponse): true =>
  send(req, res, 405, { ...PLAIN_TEXT, allow: 'GET, HEAD' }, '只接受 GET 或 HEAD\n');

/** 404 for an asset that is not there. */
export const sendNoSuchFile = (req: IncomingMessage, res: ServerResponse): true => send(req, res, 404, PLAIN_TEXT, '没有这个文件\n');

/** A page's Content-Security-Policy: scripts and styles from the hub only (styles also with the page's nonce), fonts and images also as data: URLs. */
const pageCsp = (nonce: string, formAction: "'self'" | "'none'") =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "connect-src 'self'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "base-uri 'none'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * Sends an HTML page made with a fresh nonce, under the page CSP, never cached and sending no
 * referrer; `headers` adds to (or overrides) those.
 */
export function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  page: (nonce: string) => string,
  options: { formAction: "'self'" | "'none'"; headers?: Record<string, string> },
): true {
  const nonce = randomBytes(16).toString('base64');
  return send(
    req,
    res,
    200,
    {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': pageCsp(nonce, options.formAction),
      'cache-control': 'no-cache',
      'referrer-policy': 'no-referrer',
      ...options.headers,
    },
    page(nonce),
  );
}
