import { ApolloServer, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { migrationsCurrent } from '../db/data-source';
import { Context, createLoaders } from '../graphql/context';
import { ErrorCode } from '../common/errors';
import { formatError } from '../graphql/format-error';
import { serveIde } from './ide';
import { loadConsole, operationAllowed, serveConsole } from './console';
import { depthLimit } from '../graphql/limits';
import { buildHubSchema } from '../graphql/schema';
import type { Services } from '../services';

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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpFailure(413, ErrorCode.BAD_REQUEST, `请求体超过 ${MAX_BODY_BYTES} 字节`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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

/** Builds the GraphQL server and the HTTP server around it, and starts listening. */
export async function startHub(opts: { config: Config; ds: DataSource; services: Services; log: Logger }): Promise<Hub> {
  const { config, ds, services, log } = opts;
  const server = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema: await buildHubSchema(),
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(config.maxQueryDepth)],
    // Callers authenticate with a bearer token, never a cookie, so a cross-site request carries
    // no credentials; CSRF prevention would only refuse plain GET requests the spec allows.
    csrfPrevention: false,
    stopOnTerminationSignals: false, // main.ts owns shutdown: drain HTTP, then close the database
    // No cache hints are used (answers depend on the caller), and the cache-control plugin Apollo
    // installs by default wraps every field of every answer: off.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => log.warn(m), error: (m) => log.error(m) },
  });
  await apollo.start();
  const consoleFiles = loadConsole();

  async function graphql(req: IncomingMessage, res: ServerResponse, requestId: string, reqLog: Logger): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: headerMap(req),
      search: url.search,
      body: await parseBody(req),
    };
    if (config.nodeEnv === 'production') {
      const body = httpGraphQLRequest.body as { query?: unknown } | undefined;
      const query = httpGraphQLRequest.method === 'GET' ? url.searchParams.get('query') : body?.query;
      if (!operationAllowed(consoleFiles, query, Boolean(req.headers.authorization))) {
        throw new HttpFailure(400, ErrorCode.BAD_REQUEST, '生产环境中，未携带访问令牌的请求只能执行控制台自带的操作');
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => ({
        requestId,
        caller: await services.tokens.callerFrom(req.headers.authorization),
        log: reqLog,
        loaders: createLoaders(ds, services),
        services,
      }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (httpGraphQLRequest.method === 'GET') res.setHeader('vary', 'accept'); // the same URL serves the IDE to browsers
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function ready(res: ServerResponse): Promise<void> {
    try {
      await ds.query('SELECT 1');
      const current = await migrationsCurrent(ds);
      sendJson(res, current ? 200 : 503, { status: current ? 'ready' : 'migrations pending', database: 'up', migrationsCurrent: current });
    } catch {
      sendJson(res, 503, { status: 'database unavailable', database: 'down' });
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const reqLog = log.child({ requestId });
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      reqLog.info({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    const path = (req.url ?? '/').split('?')[0];
    const handle = async () => {
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (path === '/readyz') return ready(res);
      if (serveIde(req, res)) return;
      if (serveConsole(req, res, consoleFiles)) return;
      if (path === '/graphql') {
        if (req.method !== 'GET' && req.method !== 'POST') {
          res.setHeader('allow', 'GET, POST');
          return sendGraphQLError(res, new HttpFailure(405, ErrorCode.BAD_REQUEST, '只接受 GET 或 POST'));
        }
        return graphql(req, res, requestId, reqLog);
      }
      sendJson(res, 404, { error: 'not found' });
    };
    handle().catch((err: unknown) => {
      if (err instanceof HttpFailure) return sendGraphQLError(res, err);
      reqLog.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: '服务器内部错误', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.destroy();
    });
  });

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
