/**
 * Every environment variable the hub reads, declared and validated here, once, at start.
 * Nothing else in src/ reads process.env.
 */
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** `production`, `development` or `test`. */
  nodeEnv: string;
  host: string;
  port: number;
  /** A PostgreSQL server; when absent the hub runs its own embedded PostgreSQL. */
  databaseUrl: string | null;
  /**
   * Streaming replicas of DATABASE_URL that GraphQL queries may read from (DATABASE_REPLICA_URLS,
   * comma-separated); empty: every read goes to the primary. See docs/scaling.md.
   */
  databaseReplicaUrls: string[];
  /** A replica whose replay is further behind the primary than this is not read from, in ms. */
  replicaMaxLagMs: number;
  /** How often each replica's replay position (and reachability) is checked, in ms. */
  replicaCheckMs: number;
  /** Data folder of the embedded PostgreSQL. */
  embeddedPgDir: string;
  /** Port of the embedded PostgreSQL; 0 picks a free loopback port. */
  embeddedPgPort: number;
  /** Apply pending migrations at start. */
  runMigrations: boolean;
  /** Load the demo district into an empty database at start. */
  seedDemo: boolean;
  /**
   * HS256 key of the hub's own access tokens (JWT_SECRET). Null when not set: outside production
   * main.ts then takes the random one kept in the data folder (src/db/local-secrets.ts); in
   * production the hub then signs no tokens of its own (OIDC only, cookie sessions still work).
   */
  jwtSecret: Uint8Array | null;
  jwtIssuer: string;
  /** Lifetime of an access token from sessionCreate / sessionRefresh, in seconds. */
  accessTokenTtlSeconds: number;
  /** Longest lifetime (exp - iat) of any bearer JWT the hub accepts, in seconds; `exp` and `iat` are required. */
  tokenMaxTtlSeconds: number;
  /** Absolute lifetime of a session (its refresh token, the console's cookie), in hours. */
  sessionMaxHours: number;
  /** A cookie session unused this long ends, in minutes. */
  sessionIdleMinutes: number;
  /** Password failures in a row that lock an account (第十九条). */
  loginMaxFailures: number;
  /** How long a locked account stays locked, in minutes. */
  loginLockMinutes: number;
  /** Longest validity of a service account's API token, in days. */
  apiTokenMaxDays: number;
  /** The session cookie carries `Secure` (and the `__Host-` prefix): behind TLS, i.e. in production. */
  cookieSecure: boolean;
  /** Serve the GraphQL IDE at GET /graphql (GRAPHQL_IDE; off in production by default). */
  graphqlIde: boolean;
  /** Answer introspection queries (GRAPHQL_INTROSPECTION; off in production by default). */
  introspection: boolean;
  /** 统一身份认证: the government identity platform as an OIDC issuer; null: not used. */
  oidc: OidcConfig | null;
  logLevel: LogLevel;
  /** Upper bound of `first` on every connection. */
  maxPageSize: number;
  /** Upper bound of a query's depth, introspection fields included. */
  maxQueryDepth: number;
  /** Upper bound of the aliases in one operation. */
  maxAliases: number;
  /** Upper bound of the directives in one operation. */
  maxDirectives: number;
  /** Upper bound of the lexical tokens of one document (graphql-js parseOptions.maxTokens). */
  maxTokens: number;
  /** Upper bound of an operation's cost: every field costs 1, times the `first` of each list it is inside. */
  maxQueryCost: number;
  /** What a list without `first` multiplies its fields by in the cost. */
  listCostFactor: number;
  /** PostgreSQL statement_timeout on every connection of the hub, in ms (QUERY_TIMEOUT). */
  statementTimeoutMs: number;
  /** Longest wait for a pooled connection, in ms (DATABASE_BUSY). */
  poolWaitMs: number;
  /** Connections in the hub's pool. */
  poolSize: number;
  /** Requests (GraphQL, file routes) doing their work at once, the others waiting in FIFO order (src/http/admission.ts); 0: no queue. */
  admissionLimit: number;
  /** Longest wait in that queue from the request's arrival, in ms; beyond it 503 DATABASE_BUSY with Retry-After. */
  admissionWaitMs: number;
  /** Requests a caller may send per window (RATE_LIMITED); 0 turns the limit off. */
  rateLimitRequests: number;
  /** The window of RATE_LIMIT_REQUESTS, in seconds. */
  rateLimitWindowSeconds: number;
  /** Requests of one caller the hub runs at once; more wait for none and answer RATE_LIMITED. */
  maxConcurrentPerCaller: number;
  /** How long a stored Idempotency-Key answer is kept, in seconds. */
  idempotencyTtlSeconds: number;
  /** Longest time a client may take to send a whole request (slow clients get 408), in ms. */
  requestTimeoutMs: number;
  /** Longest time graceful shutdown waits for in-flight requests before closing the database, in ms. */
  shutdownTimeoutMs: number;
  /** Grace added to a resource's update-frequency window before its aggregation counts as stale (及时率). */
  timelinessGraceHours: number;
  /** Minimum completeness ratios (0..1) an acceptance may pass at without an override reason (第九条、第二十六条). */
  acceptanceThresholds: Partial<Record<CompletenessFigureName, number>>;
  /** Assigned experts whose opinion a plan review needs before projectApprove (第十条). */
  planReviewQuorum: number;
  /** Largest catalogue file (XLSX or CSV) an import accepts, in bytes. */
  importMaxBytes: number;
  /** Most data rows (both sheets together) one import accepts. */
  importMaxRows: number;
  /** An interface whose last this many aggregation runs all failed is failing (to-dos, reminders; 第十七条). */
  interfaceFailingRuns: number;
  /** Run the reminder worker (webhook and e-mail delivery) and the daily scheduler in this process. */
  notifyWorker: boolean;
  /** How often the worker looks for deliveries that are due, in milliseconds. */
  notifyPollMs: number;
  /** croner pattern of the daily round (deadline reminders, e-mail digests), in Asia/Shanghai time. */
  notifyDailyCron: string;
  /** Timeout of one webhook request, in milliseconds. */
  webhookTimeoutMs: number;
  /** First retry delay of a failed delivery; each further retry waits twice as long (capped at 6 h). */
  webhookRetryBaseMs: number;
  /** Attempts of one delivery before it is given up. */
  webhookMaxAttempts: number;
  /** Consecutive failed attempts after which a webhook is disabled, with the reason. */
  webhookDisableAfter: number;
  /** SMTP server of the daily e-mail digest (smtp:// or smtps://, credentials in the URL); null: no e-mail. */
  smtpUrl: string | null;
  /** From address of the digest. */
  smtpFrom: string;
  /** The hub's address as users reach it, for links in e-mails and the calendar feed URL. */
  publicUrl: string | null;
}

export interface OidcConfig {
  /** OIDC_ISSUER: the `iss` its tokens carry. */
  issuer: string;
  /** OIDC_AUDIENCE: the `aud` they must carry (the hub's client id). */
  audience: string;
  /** OIDC_JWKS: the issuer's public keys, an https:// (or http:// on loopback) URL or a JSON file. */
  jwks: { url: string } | { file: string };
  /** OIDC_ALGORITHMS: accepted signature algorithms, from RS256 and ES256. */
  algorithms: ('RS256' | 'ES256')[];
}

function oidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER ?? '';
  const audience = env.OIDC_AUDIENCE ?? '';
  const jwks = env.OIDC_JWKS ?? '';
  if (!issuer && !audience && !jwks) return null;
  if (!issuer || !audience || !jwks) throw new ConfigError('OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS must be set together (or none of them)');
  let source: OidcConfig['jwks'];
  if (/^https?:\/\//i.test(jwks)) {
    const url = new URL(jwks);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !loopback) throw new ConfigError('OIDC_JWKS must be an https:// URL (http:// only on loopback) or a file');
    source = { url: url.toString() };
  } else {
    source = { file: path.resolve(jwks) };
  }
  const algorithms = (env.OIDC_ALGORITHMS || 'RS256,ES256').split(',').map((a) => a.trim());
  if (!algorithms.length || !algorithms.every((a) => a === 'RS256' || a === 'ES256')) {
    throw new ConfigError(`OIDC_ALGORITHMS must list RS256 and/or ES256, got "${env.OIDC_ALGORITHMS}"`);
  }
  return { issuer, audience, jwks: source, algorithms: algorithms as OidcConfig['algorithms'] };
}

/** The six completeness figures (DESIGN §3). */
export const COMPLETENESS_FIGURES = ['catalogued', 'metadata', 'interfaces', 'mounted', 'aggregated', 'timely'] as const;
export type CompletenessFigureName = (typeof COMPLETENESS_FIGURES)[number];

/** "catalogued=1,metadata=1" → { catalogued: 1, metadata: 1 }; each figure at most once, each ratio in [0, 1]. */
function thresholds(name: string, raw: string | undefined, fallback: string): Partial<Record<CompletenessFigureName, number>> {
  const out: Partial<Record<CompletenessFigureName, number>> = {};
  const text = raw === undefined || raw === '' ? fallback : raw;
  if (text === 'none') return out;
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((x) => x.trim());
    const n = Number(value);
    if (!(COMPLETENESS_FIGURES as readonly string[]).includes(key) || key in out || value === undefined || value === '' || !(n >= 0 && n <= 1)) {
      throw new ConfigError(`${name} must be "figure=ratio,…" with figures from ${COMPLETENESS_FIGURES.join(', ')} and ratios 0..1 (or "none"), got "${text}"`);
    }
    out[key as CompletenessFigureName] = n;
  }
  return out;
}

export class ConfigError extends Error {}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** A URL whose protocol matches `protocols` (refused as "must be <what>"), or null when unset. */
function checkedUrl(name: string, raw: string | undefined, protocols: RegExp, what: string): string | null {
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL`);
  }
  if (!protocols.test(parsed.protocol)) throw new ConfigError(`${name} must be ${what}`);
  return raw;
}

/** A service's base URL, without a trailing slash. */
const serviceUrl = (name: string, raw: string | undefined, protocols: RegExp, what: string): string | null =>
  checkedUrl(name, raw, protocols, what)?.replace(/\/$/, '') ?? null;

function cron(name: string, raw: string | undefined, fallback: string): string {
  const text = raw === undefined || raw === '' ? fallback : raw.trim();
  // Five or six fields of digits, ranges, lists, steps or *; croner checks the rest when the job is made.
  if (!/^([0-9*,/-]+\s+){4,5}[0-9*,/-]+$/.test(text)) throw new ConfigError(`${name} must be a cron pattern such as "0 8 * * *", got "${text}"`);
  return text;
}

const url = (name: string, raw: string | undefined): string | null => checkedUrl(name, raw, /^postgres(ql)?:$/, 'a postgres:// URL');

/** DATABASE_REPLICA_URLS: postgres:// URLs separated by commas, none twice, none the primary's own. */
function replicaUrls(raw: string | undefined, primary: string | null): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const name = 'DATABASE_REPLICA_URLS';
  if (primary === null) throw new ConfigError(`${name} needs DATABASE_URL (the primary they replicate); the embedded PostgreSQL has no replicas`);
  const urls = raw.split(',').map((u) => u.trim());
  urls.forEach((u, i) => {
    if (u === '') throw new ConfigError(`${name} must be postgres:// URLs separated by commas; entry ${i + 1} is empty`);
    try {
      url(name, u);
    } catch {
      throw new ConfigError(`${name} must be postgres:// URLs separated by commas; entry ${i + 1} is not one`);
    }
    if (u === primary) throw new ConfigError(`${name} entry ${i + 1} is DATABASE_URL itself: list the streaming replicas, not the primary`);
    if (urls.indexOf(u) !== i) throw new ConfigError(`${name} lists entry ${i + 1} twice`);
  });
  return urls;
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV, ['production', 'development', 'test'] as const, 'development');
  const secret = env.JWT_SECRET ?? '';
  if (secret !== '' && secret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  const sso = oidc(env);
  if (nodeEnv === 'production' && secret === '' && sso === null) {
    throw new ConfigError(
      'production needs JWT_SECRET (at least 32 random characters, e.g. `openssl rand -base64 48`) or the OIDC issuer (OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS): neither is set',
    );
  }
  const databaseUrl = url('DATABASE_URL', env.DATABASE_URL);
  const poolSize = int('POOL_SIZE', env.POOL_SIZE, 10, 1, 200);
  const requestTimeoutMs = int('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 30_000, 500, 600_000);
  return {
    nodeEnv,
    host: env.HOST || '127.0.0.1',
    port: int('PORT', env.PORT, 4000, 0, 65535),
    databaseUrl,
    databaseReplicaUrls: replicaUrls(env.DATABASE_REPLICA_URLS, databaseUrl),
    replicaMaxLagMs: int('REPLICA_MAX_LAG_MS', env.REPLICA_MAX_LAG_MS, 30_000, 0, 3_600_000),
    replicaCheckMs: int('REPLICA_CHECK_MS', env.REPLICA_CHECK_MS, 1000, 50, 60_000),
    embeddedPgDir: path.resolve(env.EMBEDDED_PG_DIR || '.data/postgres'),
    embeddedPgPort: int('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 0, 0, 65535),
    runMigrations: bool('RUN_MIGRATIONS', env.RUN_MIGRATIONS, true),
    seedDemo: bool('SEED_DEMO', env.SEED_DEMO, databaseUrl === null && nodeEnv !== 'test'),
    jwtSecret: secret ? new TextEncoder().encode(secret) : null,
    jwtIssuer: env.JWT_ISSUER || 'catalogue-hub',
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', env.ACCESS_TOKEN_TTL_SECONDS, 900, 60, 24 * 3600),
    tokenMaxTtlSeconds: int('TOKEN_MAX_TTL_SECONDS', env.TOKEN_MAX_TTL_SECONDS, 12 * 3600, 60, 7 * 24 * 3600),
    sessionMaxHours: int('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12, 1, 30 * 24),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 60, 1, 30 * 24 * 60),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', env.LOGIN_LOCK_MINUTES, 15, 1, 24 * 60),
    apiTokenMaxDays: int('API_TOKEN_MAX_DAYS', env.API_TOKEN_MAX_DAYS, 366, 1, 3660),
    cookieSecure: bool('SESSION_COOKIE_SECURE', env.SESSION_COOKIE_SECURE, nodeEnv === 'production'),
    oidc: sso,
    graphqlIde: bool('GRAPHQL_IDE', env.GRAPHQL_IDE, nodeEnv !== 'production'),
    introspection: bool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, nodeEnv !== 'production'),
    logLevel: oneOf(
      'LOG_LEVEL',
      env.LOG_LEVEL,
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    maxPageSize: int('MAX_PAGE_SIZE', env.MAX_PAGE_SIZE, 100, 1, 1000),
    maxQueryDepth: int('MAX_QUERY_DEPTH', env.MAX_QUERY_DEPTH, 15, 2, 50),
    maxAliases: int('MAX_ALIASES', env.MAX_ALIASES, 30, 0, 1000),
    maxDirectives: int('MAX_DIRECTIVES', env.MAX_DIRECTIVES, 20, 0, 1000),
    maxTokens: int('MAX_TOKENS', env.MAX_TOKENS, 5000, 100, 1_000_000),
    maxQueryCost: int('MAX_QUERY_COST', env.MAX_QUERY_COST, 100_000, 10, 10_000_000),
    listCostFactor: int('LIST_COST_FACTOR', env.LIST_COST_FACTOR, 10, 1, 1000),
    statementTimeoutMs: int('STATEMENT_TIMEOUT_MS', env.STATEMENT_TIMEOUT_MS, 5000, 100, 600_000),
    poolWaitMs: int('POOL_WAIT_MS', env.POOL_WAIT_MS, 5000, 50, 60_000),
    poolSize,
    // As many requests at once as the pool has connections; the others wait their turn, up to the request's deadline.
    admissionLimit: int('ADMISSION_LIMIT', env.ADMISSION_LIMIT, poolSize, 0, 1000),
    admissionWaitMs: int('ADMISSION_WAIT_MS', env.ADMISSION_WAIT_MS, requestTimeoutMs, 0, 600_000),
    rateLimitRequests: int('RATE_LIMIT_REQUESTS', env.RATE_LIMIT_REQUESTS, nodeEnv === 'test' ? 0 : 300, 0, 1_000_000),
    rateLimitWindowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', env.RATE_LIMIT_WINDOW_SECONDS, 60, 1, 3600),
    idempotencyTtlSeconds: int('IDEMPOTENCY_TTL_SECONDS', env.IDEMPOTENCY_TTL_SECONDS, 24 * 3600, 1, 30 * 24 * 3600),
    requestTimeoutMs,
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10_000, 100, 600_000),
    maxConcurrentPerCaller: int('MAX_CONCURRENT_PER_CALLER', env.MAX_CONCURRENT_PER_CALLER, nodeEnv === 'test' ? 1000 : 4, 1, 1000),
    timelinessGraceHours: int('TIMELINESS_GRACE_HOURS', env.TIMELINESS_GRACE_HOURS, 2, 0, 24 * 31),
    // 第九条 names 完整性、时效性: all six figures by default, 及时率 at 95%.
    acceptanceThresholds: thresholds(
      'ACCEPTANCE_THRESHOLDS',
      env.ACCEPTANCE_THRESHOLDS,
      'catalogued=1,metadata=1,interfaces=1,mounted=1,aggregated=1,timely=0.95',
    ),
    planReviewQuorum: int('PLAN_REVIEW_QUORUM', env.PLAN_REVIEW_QUORUM, 1, 1, 20),
    importMaxBytes: int('IMPORT_MAX_BYTES', env.IMPORT_MAX_BYTES, 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importMaxRows: int('IMPORT_MAX_ROWS', env.IMPORT_MAX_ROWS, 20000, 1, 1000000),
    interfaceFailingRuns: int('INTERFACE_FAILING_RUNS', env.INTERFACE_FAILING_RUNS, 3, 1, 100),
    notifyWorker: bool('NOTIFY_WORKER', env.NOTIFY_WORKER, true),
    notifyPollMs: int('NOTIFY_POLL_MS', env.NOTIFY_POLL_MS, 2000, 20, 3_600_000),
    notifyDailyCron: cron('NOTIFY_DAILY_CRON', env.NOTIFY_DAILY_CRON, '0 8 * * *'),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, 100, 120_000),
    webhookRetryBaseMs: int('WEBHOOK_RETRY_BASE_MS', env.WEBHOOK_RETRY_BASE_MS, 30_000, 10, 3_600_000),
    webhookMaxAttempts: int('WEBHOOK_MAX_ATTEMPTS', env.WEBHOOK_MAX_ATTEMPTS, 8, 1, 50),
    webhookDisableAfter: int('WEBHOOK_DISABLE_AFTER', env.WEBHOOK_DISABLE_AFTER, 20, 1, 1000),
    smtpUrl: serviceUrl('SMTP_URL', env.SMTP_URL, /^smtps?:$/, 'an smtp:// or smtps:// URL'),
    smtpFrom: env.SMTP_FROM || 'catalogue-hub <noreply@catalogue-hub.invalid>',
    publicUrl: serviceUrl('PUBLIC_URL', env.PUBLIC_URL, /^https?:$/, 'an http:// or https:// URL'),
  };
}
