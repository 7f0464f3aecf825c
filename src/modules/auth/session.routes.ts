/**
 * The browser console's session: POST /auth/session (JSON {login, password}) signs in and sets
 * the HttpOnly, SameSite=Strict cookie; GET tells who is signed in; DELETE signs out. The cookie
 * then authenticates /graphql and the file routes under the CSRF rule of session-cookie.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { runInMutationScope } from '../../common/mutation-scope';
import { IdentityService } from './identity.service';
import { SessionService } from './session.service';
import { clearedCookie, readSessionCookie, sessionCookie } from './session-cookie';
import { SessionCreateInput } from './user.inputs';

const MAX_BODY = 4096;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

const failure = (res: ServerResponse, status: number, code: string, message: string, field?: string[]) =>
  send(res, status, { errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function sessionRoute(deps: { config: Config; sessions: SessionService; identity: IdentityService }) {
  const { config, sessions, identity } = deps;
  return async (req: IncomingMessage, res: ServerResponse, request: { log: Logger; requestId: string }): Promise<void> => {
    const ctx = { requestId: request.requestId, caller: null, log: request.log };
    const method = (req.method ?? 'GET').toUpperCase();
    const cookie = readSessionCookie(req, config);
    if (method === 'GET' || method === 'HEAD') {
      // Not signed in is an answer, not a failure: the console asks this before showing its sign-in form.
      const caller = cookie ? await identity.cookieUser(cookie) : null;
      if (!caller) return send(res, 200, { user: null });
      return send(res, 200, { user: { userId: caller.userId, name: caller.name, roles: caller.roles, organizationId: caller.organizationId } });
    }
    if (method === 'DELETE') {
      // Recorded as the GraphQL sign-out is, so the audit log tells the console's sign-outs apart.
      if (cookie) {
        // The one signing out is the entry's actor, when the cookie still names them.
        const caller = await identity.cookieUser(cookie);
        await runInMutationScope({ operation: 'sessionRevoke' }, () => sessions.revoke({ ...ctx, caller }, cookie, 'COOKIE'));
      }
      res.setHeader('set-cookie', clearedCookie(config));
      res.statusCode = 204;
      res.end();
      return;
    }
    if (method !== 'POST') {
      res.setHeader('allow', 'GET, POST, DELETE');
      return failure(res, 405, 'BAD_REQUEST', '只接受 GET、POST 或 DELETE');
    }
    // A JSON body cannot be sent by another site's form without a CORS preflight (login CSRF).
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return failure(res, 415, 'BAD_REQUEST', '登录请求须为 application/json：{"login": "…", "password": "…"}');
    }
    let body: { login?: unknown; password?: unknown };
    try {
      body = (await readJson(req)) as typeof body;
    } catch {
      return failure(res, 400, 'BAD_REQUEST', '请求体不是合法的 JSON（至多 4 KB）');
    }
    if (typeof body?.login !== 'string' || typeof body.password !== 'string') {
      return failure(res, 400, 'BAD_USER_INPUT', '请提供登录名和密码', [typeof body?.login !== 'string' ? 'login' : 'password']);
    }
    const input = Object.assign(new SessionCreateInput(), { login: body.login, password: body.password });
    // Recorded as the GraphQL sign-in is (operation sessionCreate), so the audit log tells sign-ins apart.
    const { result, userErrors } = await runInMutationScope({ operation: 'sessionCreate' }, () =>
      sessions.signIn(ctx, input, 'COOKIE', {
        address: req.socket.remoteAddress ?? null,
        userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
      }),
    );
    if (!result) {
      const e = userErrors[0];
      const status = e.code === 'ACCOUNT_LOCKED' ? 423 : e.code === 'INVALID_CREDENTIALS' ? 401 : 400;
      return send(res, status, {
        errors: userErrors.map((u) => ({ message: u.message, extensions: { code: u.code, field: u.field?.slice(1), article: u.article } })),
      });
    }
    if (cookie) await runInMutationScope({ operation: 'sessionRevoke' }, () => sessions.revoke(ctx, cookie, 'COOKIE')).catch(() => undefined); // a new sign-in ends the browser's previous session
    res.setHeader('set-cookie', sessionCookie(config, `${result.session.id}.${result.secret}`));
    const u = result.user;
    send(res, 200, { user: { userId: u.id, login: u.login, name: u.name, roles: u.roles, organizationId: u.organizationId } });
  };
}
