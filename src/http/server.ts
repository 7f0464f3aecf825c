import { ApolloServer, ApolloServerPlugin, HeaderMap, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { migrationsCurrent } from '../db/data-source';
import { classifyDatabaseError } from '../db/db-errors';
import { Context, createLoaders } from '../graphql/context';
import { ErrorCode } from '../common/errors';
import { formatError } from '../graphql/format-error';
import { serveIde } from './ide';
import { loadConsole, operationAllowed, serveConsole, signInOperation } from './console';
import { aliasLimit, costLimitPlugin, depthLimit, directiveLimit } from '../graphql/limits';
import { CallerLimiter, postgresRateStore } from './caller-limiter';
import { claimFor, IdempotencyRefusal } from './idempotency';
import { buildHubSchema } from '../graphql/schema';
import { compiledGateway } from '../graphql/compiled-execution';
import type { Caller } from '../common/caller';
import type { Services } from '../services';
import type { RequestContext } from '../common/request-context';
import { runInMutationScope } from '../common/mutation-scope';
import { currentRoute, onPrimary, ReadReplicas, ReadRoute, runRouted } from '../db/read-replicas';
import { ReadAfter } from './read-after';
import { AdmissionQueue } from './admission';

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface Hub {
  server: http.Server;
  url: string;
  stop(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function sendGraphQLError(res: ServerResponse, failure: HttpFailure): void {
  sendJson(res, failure.status, { errors: [{ message: failure.message, extensions: { code: failure.code } }] });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new HttpFailure(413, ErrorCode.BAD_REQUEST, `请求体超过 ${MAX_BODY_BYTES} 字节`);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof HttpFailure) throw err;
    throw new HttpFailure(400, ErrorCode.BAD_REQUEST, '请求体不完整（连接中断）'); // the client went away mid-body
  }
  try {
    return UTF8.decode(Buffer.concat(chunks));
  } catch {
    throw new HttpFailure(400, ErrorCode.BAD_REQUEST, '请求体不是合法的 UTF-8');
  }
}

async function parseBody(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json') && !type.startsWith('application/graphql-response+json')) return text;
  if (text.trim() === '') throw new HttpFailure(400, ErrorCode.BAD_REQUEST, '请求体为空');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpFailure(400, ErrorCode.BAD_REQUEST, '请求体不是合法的 JSON');
  }
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Codes of a well-formed request whose document or variables fail: GraphQL errors, not HTTP ones. */
const DOCUMENT_FAILURES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) gets
 * status 200 for a parse, validation or variable-coercion failure; `application/graphql-response+json`
 * keeps 400.
 */
function requestFailedAsJson(contentType: string | undefined, body: string): boolean {
  if (!contentType?.startsWith('application/json')) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return parsed.data === undefined && !!parsed.errors?.length && parsed.errors.every((e) => DOCUMENT_FAILURES.has(e.extensions?.code ?? ''));
  } catch {
    return false;
  }
}

/**
 * An answer whose every error is DATABASE_BUSY (no pooled connection came free within POOL_WAIT_MS,
 * in a resolver or while the caller was looked up): 503 with Retry-After, so that a client or a
 * balancer backs off and retries instead of taking it for a server fault.
 */
function databaseBusy(body: string): boolean {
  // Apollo writes `errors` first (orderExecutionResultFields): an answer without errors is not searched through.
  if (!body.startsWith('{"errors"') || !body.includes('"DATABASE_BUSY"')) return false;
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors;
    return !!errors?.length && errors.every((e) => e.extensions?.code === ErrorCode.DATABASE_BUSY);
  } catch {
    return false;
  }
}

/** Headers on every answer of the hub; the IDE page sets its own CSP (scripts and styles from itself). */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** Response header naming the server a GraphQL answer was read from (`primary`, `replica 1`, …), when the hub has read replicas. */
const READ_FROM_HEADER = 'x-hub-read-from';

/** An answer a replica may have failed (the replica went away, or cancelled a statement that conflicted with its recovery): run again on the primary. */
const replicaMayHaveFailed = (response: HTTPGraphQLResponse) =>
  response.body.kind === 'complete' && /"code":"(DATABASE_UNAVAILABLE|INTERNAL_SERVER_ERROR)"/.test(response.body.string);

/** Builds the GraphQL server and the HTTP server around it, and starts listening. */
export async function startHub(opts: { config: Config; ds: DataSource; services: Services; log: Logger; replicas?: ReadReplicas | null }): Promise<Hub> {
  const { config, ds, services, log } = opts;
  const replicas = opts.replicas?.replicas.length ? opts.replicas : null;
  const readAfter = replicas ? new ReadAfter(replicas.readAfterTtlMs, config.cookieSecure) : null;
  /** After a write of the caller committed: the primary's WAL position, for their next reads (read-your-writes). */
  const committed = async (res: ServerResponse, callerKey: string | null) => {
    if (!replicas || !readAfter) return;
    try {
      readAfter.remember(res, callerKey, await replicas.primaryLsn());
    } catch (err) {
      // Unknown how far the write is: the caller reads from the primary until the mark expires.
      log.warn({ err }, 'WAL position after a commit not read: the caller reads from the primary for now');
      readAfter.remember(res, callerKey, 0xffffffffffffffffn);
    }
  };
  /** A route for a request on the primary that records its commits for the caller. */
  const writeRoute = (res: ServerResponse, callerKey: string | null): ReadRoute => ({
    replica: null,
    after: null,
    afterCommit: (callerId) => committed(res, callerId ? `user:${callerId}` : callerKey),
  });
  // A GraphQL query reads from a replica, chosen once the operation is known; a mutation stays on the primary.
  const readRouting: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          const route = currentRoute();
          if (!replicas || !route) return;
          route.replica = !route.primaryOnly && operation?.operation === 'query' ? await replicas.choose(route.after) : null;
        },
      };
    },
  };
  // requestTimeout is enforced when Node checks the connections: every second, not every 30.
  const server = http.createServer({ connectionsCheckingInterval: 1000 });
  // A client that sends its request and then half-closes the connection is still answered: the
  // admission asks PostgreSQL first (the shared rate limit), so the answer comes after the client's
  // end of stream, which Node's default would meet by closing the socket unanswered.
  (server as http.Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit) where the answer cannot differ from graphql-js's (graphql/compiled-execution.ts).
    gateway: compiledGateway(await buildHubSchema()),
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(config.maxQueryDepth), aliasLimit(config.maxAliases), directiveLimit(config.maxDirectives)],
    parseOptions: { maxTokens: config.maxTokens },
    // In production a refusal never names fields the caller did not ask for ("Did you mean …").
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    // Introspection (and so the IDE, which needs it) is off in production unless asked for.
    introspection: config.introspection,
    // A bearer token is never sent by a browser on its own; the console's session cookie is
    // SameSite=Strict and honoured for writes only with the X-CSRF-Protection header from the
    // hub's own origin (auth/session-cookie.ts), so Apollo's own rule, which would also refuse
    // plain GET requests the spec allows, stays off.
    csrfPrevention: false,
    stopOnTerminationSignals: false, // main.ts owns shutdown: drain HTTP, then close the database
    // No cache hints are used (answers depend on the caller), and the cache-control plugin Apollo
    // installs by default wraps every field of every answer: off.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin({ max: config.maxQueryCost, listFactor: config.listCostFactor, maxPageSize: config.maxPageSize }),
      ...(replicas ? [readRouting] : []),
    ],
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => log.warn(m), error: (m) => log.error(m) },
  });
  await apollo.start();
  const consoleFiles = loadConsole();

  const limiter = new CallerLimiter(
    {
      requests: config.rateLimitRequests,
      windowSeconds: config.rateLimitWindowSeconds,
      maxConcurrent: config.maxConcurrentPerCaller,
    },
    postgresRateStore(ds, config.rateLimitWindowSeconds),
  );
  const admission = new AdmissionQueue(config.admissionLimit);
  /**
   * A place in the admission queue for a request that arrived at `arrived` (its deadline ADMISSION_WAIT_MS
   * later), or the 503 beyond it; a client that goes away while waiting leaves the line.
   */
  async function admitted(req: IncomingMessage, res: ServerResponse, arrived: number): Promise<{ release(): void }> {
    const place = await admission.enter(arrived + config.admissionWaitMs, (cancel) => res.once('close', cancel));
    if (place) return place;
    res.setHeader('retry-after', '1');
    throw new HttpFailure(503, ErrorCode.DATABASE_BUSY, '数据库繁忙：排队等待超过上限，请稍后重试');
  }

  /** Who calls and how to log it: the one place a request's credentials become its caller, for GraphQL and the file routes alike. */
  async function requestContext(req: IncomingMessage, requestId: string, reqLog: Logger): Promise<RequestContext> {
    const clientAddress = req.socket.remoteAddress;
    // Credentials are checked on the primary: a session or token made a moment ago is known there first.
    const caller = await onPrimary(() => services.identity.callerOf(req)).catch((err: unknown) => {
      void services.audit.refusedToken({ requestId, clientAddress }, `${req.method} ${(req.url ?? '/').split('?')[0]}`);
      throw err;
    });
    return { requestId, caller, log: reqLog, clientAddress };
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, requestId: string, reqLog: Logger, arrived: number): Promise<void> {
    // Everything that asks the database, the caller's lookup first, happens once admitted.
    const place = await admitted(req, res, arrived);
    try {
      await admittedGraphql(req, res, requestId, reqLog);
    } finally {
      place.release();
    }
  }

  async function admittedGraphql(req: IncomingMessage, res: ServerResponse, requestId: string, reqLog: Logger): Promise<void> {
    const caller = services.identity.callerOf(req);
    const known = await caller.catch((err: unknown) => {
      // A database that cannot answer (busy, down) refused no token: the request answers its DATABASE_* error.
      if (classifyDatabaseError(err)) return null;
      void services.audit.refusedToken({ requestId, clientAddress: req.socket.remoteAddress }, 'graphql'); // a security event (rate-limited)
      return null;
    });
    const callerKey = known ? `user:${known.userId}` : `address:${req.socket.remoteAddress ?? ''}`;
    const admission = await limiter.admit(callerKey);
    if (!admission.ok) {
      res.setHeader('retry-after', String(admission.retryAfterSeconds));
      const why =
        admission.reason === 'rate'
          ? `请求过于频繁（每 ${config.rateLimitWindowSeconds} 秒至多 ${config.rateLimitRequests} 次）`
          : `同时进行的请求超过 ${config.maxConcurrentPerCaller} 个`;
      throw new HttpFailure(429, ErrorCode.RATE_LIMITED, `${why}，请 ${admission.retryAfterSeconds} 秒后重试`);
    }
    try {
      await answer(req, res, requestId, reqLog, caller, callerKey);
    } finally {
      admission.release();
    }
  }

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    reqLog: Logger,
    caller: Promise<Caller | null>,
    callerKey: string,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    // Read once admitted; a client that half-closes after sending is still answered (httpAllowHalfOpen above).
    const body = await parseBody(req);
    const claim = await claimFor(services.idempotency, req.headers['idempotency-key'], callerKey, body);
    if (claim?.kind === 'replay') {
      res.statusCode = claim.answer.status;
      res.setHeader('content-type', claim.answer.contentType);
      res.setHeader('idempotent-replayed', 'true');
      res.end(claim.answer.body);
      return;
    }
    if (claim?.kind === 'mismatch') throw new HttpFailure(422, ErrorCode.IDEMPOTENCY_KEY_REUSED, '此 Idempotency-Key 已用于另一个请求，请换用新的键');
    if (claim?.kind === 'in-progress') {
      res.setHeader('retry-after', '1');
      throw new HttpFailure(409, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, '使用此 Idempotency-Key 的请求仍在处理中，请稍后重试');
    }
    if (claim?.kind === 'applied') {
      throw new HttpFailure(
        409,
        ErrorCode.IDEMPOTENCY_KEY_APPLIED,
        '使用此 Idempotency-Key 的请求已执行，但其应答未能保存：请查询结果确认，不要以同一个键重试',
      );
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: headerMap(req),
      search: url.search,
      body,
    };
    if (config.nodeEnv === 'production') {
      const body = httpGraphQLRequest.body as { query?: unknown } | undefined;
      const query = httpGraphQLRequest.method === 'GET' ? url.searchParams.get('query') : body?.query;
      if (!operationAllowed(consoleFiles, query, Boolean(req.headers.authorization)) && !signInOperation(query)) {
        throw new HttpFailure(400, ErrorCode.BAD_REQUEST, '生产环境中，未携带访问令牌的请求只能执行控制台自带的操作');
      }
    }
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => ({
          requestId,
          caller: await caller,
          log: reqLog,
          clientAddress: req.socket.remoteAddress,
          loaders: createLoaders(ds, services),
          services,
          idempotency: claim?.kind === 'run' ? { markApplied: claim.markApplied } : undefined,
        }),
      });
    let response: HTTPGraphQLResponse;
    if (replicas && readAfter) {
      const route: ReadRoute = { ...writeRoute(res, callerKey), after: readAfter.of(req, callerKey) };
      response = await runRouted(route, execute);
      const replica = route.replica;
      if (replica && replicaMayHaveFailed(response)) {
        // A query writes nothing: it runs again on the primary, and the caller never sees the replica's failure.
        reqLog.warn({ replica: replica.name }, 'query failed on a read replica: answered from the primary');
        if ((response.body.kind === 'complete' ? response.body.string : '').includes('"code":"DATABASE_UNAVAILABLE"')) {
          replicas.failed(replica, new Error('a statement of a query failed: the replica is unavailable'));
        }
        route.replica = null;
        route.primaryOnly = true;
        response = await runRouted(route, execute);
      }
      res.setHeader(READ_FROM_HEADER, route.replica?.name ?? 'primary');
    } else {
      response = await execute();
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (httpGraphQLRequest.method === 'GET') res.setHeader('vary', 'accept'); // the same URL serves the IDE to browsers
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (res.statusCode === 400 && requestFailedAsJson(response.headers.get('content-type'), response.body.string)) res.statusCode = 200;
      if ((res.statusCode === 200 || res.statusCode === 500) && databaseBusy(response.body.string)) {
        res.statusCode = 503;
        res.setHeader('retry-after', '1');
      }
      if (claim?.kind === 'run') {
        await claim
          .finish({ status: res.statusCode, contentType: response.headers.get('content-type') ?? 'application/json', body: response.body.string })
          .catch((err: unknown) => reqLog.warn({ err }, 'idempotency answer not stored'));
      }
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function ready(res: ServerResponse): Promise<void> {
    // The replicas are reported, not required: without them every read goes to the primary.
    const replicaStatus = { admission: { limit: admission.limit, ...admission.state }, ...(replicas ? { replicas: replicas.status() } : {}) };
    try {
      await ds.query('SELECT 1');
      const current = await migrationsCurrent(ds);
      sendJson(res, current ? 200 : 503, { status: current ? 'ready' : 'migrations pending', database: 'up', migrationsCurrent: current, ...replicaStatus });
    } catch {
      sendJson(res, 503, { status: 'database unavailable', database: 'down', ...replicaStatus });
    }
  }

  /**
   * The module file routes: an export (GET) reads from a replica chosen once its caller is known
   * (their last write's position considered); an upload runs on the primary and records its commit
   * for the caller's next reads.
   */
  async function fileRoute(req: IncomingMessage, res: ServerResponse, requestId: string, reqLog: Logger): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0];
    const routes = (context: () => Promise<RequestContext>) =>
      runInMutationScope({ operation: `${req.method} ${path}`.slice(0, 100) }, () => services.fileRoutes(req, res, context));
    if (!replicas || !readAfter) return routes(() => requestContext(req, requestId, reqLog));
    const reads = req.method === 'GET';
    let callerKey: string | null = null;
    const route: ReadRoute = writeRoute(res, null);
    const context = async () => {
      const ctx = await requestContext(req, requestId, reqLog);
      callerKey = ctx.caller ? `user:${ctx.caller.userId}` : null;
      if (reads) {
        route.replica = await replicas.choose(readAfter.of(req, callerKey));
        res.setHeader(READ_FROM_HEADER, route.replica?.name ?? 'primary');
      }
      return ctx;
    };
    const routed = await runRouted(route, () => routes(context));
    // An upload's writes may have committed in a transaction of its own (the catalogue import): remembered for its caller.
    if (routed && !reads && callerKey) await committed(res, callerKey);
    return routed;
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const arrived = Date.now();
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const reqLog = log.child({ requestId });
    res.setHeader('x-request-id', requestId);
    for (const [key, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(key, value);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      reqLog.info({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    const path = (req.url ?? '/').split('?')[0];
    const handle = async () => {
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (path === '/readyz') return ready(res);
      const route = services.httpRoutes[path];
      if (route) return route(req, res, { log: reqLog, requestId });
      if (config.graphqlIde && serveIde(req, res)) return;
      if (serveConsole(req, res, consoleFiles)) return;
      if (path === '/graphql') {
        if (req.method !== 'GET' && req.method !== 'POST') {
          res.setHeader('allow', 'GET, POST');
          return sendGraphQLError(res, new HttpFailure(405, ErrorCode.BAD_REQUEST, '只接受 GET 或 POST'));
        }
        return graphql(req, res, requestId, reqLog, arrived);
      }
      // The file routes of the modules (the catalogue exchange), with the caller taken as for GraphQL.
      // A file upload's writes are recorded in the audit log under its route.
      // The file routes (exports, the catalogue import) take their place in the queue as GraphQL does.
      const place = await admitted(req, res, arrived);
      try {
        if (await fileRoute(req, res, requestId, reqLog)) return;
      } finally {
        place.release();
      }
      sendJson(res, 404, { error: 'not found' });
    };
    handle().catch((err: unknown) => {
      if (err instanceof HttpFailure) return sendGraphQLError(res, err);
      if (err instanceof IdempotencyRefusal) return sendGraphQLError(res, new HttpFailure(err.status, err.code, err.message));
      reqLog.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: '服务器内部错误', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.destroy();
    });
  });

  // A client that sends its request a byte a second is cut off (408), not waited for.
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(config.requestTimeoutMs, 20_000);
  // Node answers a malformed request line or headers itself (400, 431) and a timed-out one with 408.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    url: `http://${host}:${port}`,
    stop: () => apollo.stop(),
  };
}
