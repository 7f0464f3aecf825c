/**
 * A real hub for one spec file: a fresh database on the test server built by the migrations and
 * seeded with the demo district, the hub listening on a free port, and helpers that talk to it over HTTP.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Clock, systemClock } from '../../src/common/clock';
import { loadConfig, Config } from '../../src/config';
import { applyMigrations, createDataSource } from '../../src/db/data-source';
import { openReplicas } from '../../src/db/database';
import type { ReadReplicas } from '../../src/db/read-replicas';
import { StatementCounter } from '../../src/db/statement-counter';
import { startHub } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { Role } from '../../src/common/role.enums';
import { createServices, Services } from '../../src/services';
import { seedDemo, seedOrganizations } from '../../seeds/demo';
import { tokenFor } from '../../seeds/tokens';
import { demoPassword, demoUser, namedUser } from '../../seeds/users';
import { DEMO_ORGANIZATIONS } from '../../seeds/organizations';
import { Organization } from '../../src/modules/organization';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestHub {
  url: string;
  ds: DataSource;
  config: Config;
  statements: StatementCounter;
  services: Services;
  /** The read replicas of DATABASE_REPLICA_URLS (given in `env`, with DATABASE_URL), or null. */
  replicas: ReadReplicas | null;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /**
   * A token of the demo user of `role` (in the organisation with `creditCode`, by default the one
   * holding the role); with `login` (and `name`), of that named user, made on first use: one
   * person across tokens (e.g. one expert of a review).
   */
  token(role: Role, creditCode?: string, login?: string, name?: string): Promise<string>;
  /** The user id of the demo user of `role`, or of the named user `login` (made on first use). */
  userId(role: Role, login?: string, name?: string): Promise<string>;
  /** The demo user of a role (and organisation) with a fresh random password, to sign in with. */
  credentials(role: Role, creditCode?: string): Promise<{ login: string; password: string; userId: string }>;
  close(): Promise<void>;
}

/** How `postGraphql` sends: a bearer token, more headers (a cookie, an idempotency key…), an abort signal. */
export interface GraphqlRequestOptions {
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * The one way a spec POSTs to a hub's /graphql: a document with its variables, or a body given as
 * text exactly as it is sent (a malformed one too).
 */
export function postGraphql(url: string, body: string | { query: string; variables?: unknown }, options: GraphqlRequestOptions = {}): Promise<Response> {
  const { token, headers = {}, signal } = options;
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

/** `postGraphql` of a document, answered as GraphQL over HTTP has it (`application/graphql-response+json`): its status, data and errors. */
export async function gqlAt<T = any>(url: string, query: string, variables?: unknown, options: GraphqlRequestOptions = {}): Promise<GqlResponse<T>> {
  const res = await postGraphql(url, { query, variables }, { ...options, headers: { accept: 'application/graphql-response+json', ...options.headers } });
  return { status: res.status, ...((await res.json()) as object) } as GqlResponse<T>;
}

/** The credit code of a demo organisation by its key, e.g. `education`. */
export function codeOf(key: string): string {
  const org = DEMO_ORGANIZATIONS.find((o) => o.key === key);
  if (!org) throw new Error(`no demo organisation ${key}`);
  return org.creditCode;
}

/** The id of a demo organisation by its key, read from a hub's (or any) database. */
export async function orgId(db: DataSource | { ds: DataSource }, key: string): Promise<string> {
  const ds = 'ds' in db ? db.ds : db;
  return (await ds.getRepository(Organization).findOneByOrFail({ creditCode: codeOf(key) })).id;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (global-setup sets it)');
  return url;
}

async function admin<T>(work: (c: Client) => Promise<T>, server = serverUrl()): Promise<T> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the test server and returns its URL and a dropper. */
export async function freshDatabase(server = serverUrl()): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`), server);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), server).then(() => undefined) };
}

/**
 * A hub whose pool has one connection (POOL_SIZE 1, POOL_WAIT_MS 300): what the pool-limit specs
 * start, so that one held request holds the whole pool; `env` adds to it or overrides it.
 */
export function startOneConnectionHub(env: NodeJS.ProcessEnv = {}, seed: 'organizations' | 'demo' = 'organizations'): Promise<TestHub> {
  // No admission queue: these hubs prove what a wait for the pool itself answers (test/admission.test.ts has the queue).
  return startTestHub({ POOL_SIZE: '1', POOL_WAIT_MS: '300', ADMISSION_LIMIT: '0', ...env }, seed);
}

/**
 * Holds an ACCESS EXCLUSIVE lock on `table` of a hub's database, from outside the hub, until
 * `release()`: a request of the hub that reads it waits (and holds its pooled connection meanwhile).
 */
export async function lockTable(hub: TestHub, table = 'organization'): Promise<{ release: () => Promise<void> }> {
  const c = new Client({ connectionString: hub.config.databaseUrl! });
  await c.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    release: async () => {
      await c.query('COMMIT');
      await c.end();
    },
  };
}

/**
 * For a migration's spec: a throw-away database with every migration run and then undone back to
 * the schema before `migration` (and any after it), so the spec can write what an earlier hub
 * wrote and run the migration itself.
 */
export async function databaseBefore(migration: string): Promise<{ ds: DataSource; drop: () => Promise<void> }> {
  const db = await freshDatabase();
  const ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  while ((await ds.query(`SELECT 1 FROM migrations WHERE name = $1`, [migration])).length) await ds.undoLastMigration();
  return {
    ds,
    drop: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}

/** Waits `ms`: time for a request to reach its lock, never a timed assertion. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** For a migration's spec, in plain SQL (the entities may describe a later schema): one organisation leading one project. */
export async function plainProject(ds: DataSource): Promise<{ organizationId: string; projectId: string }> {
  const [org] = await ds.query(`INSERT INTO organization (name, credit_code, kind) VALUES ('甲单位', '11321302MB0000001A', 'DEPARTMENT') RETURNING id`);
  const [project] = await ds.query(
    `INSERT INTO project (code, name, lead_unit_id, category, plan_year, total_budget, status, row_version)
     VALUES ('SC-2027-0001', '测试项目', $1, 'NEW', 2027, 500000, 'APPROVED', 1) RETURNING id`,
    [org.id],
  );
  return { organizationId: org.id, projectId: project.id };
}

/** `organizations`: the demo organisations only (the default); `demo`: the whole demo district. */
export async function startTestHub(
  env: NodeJS.ProcessEnv = {},
  seed: 'organizations' | 'demo' = 'organizations',
  clock: Clock = systemClock,
  /** Another PostgreSQL server than TEST_DATABASE_URL's (a throw-away one a spec may stop). */
  server?: string,
): Promise<TestHub> {
  const db = await freshDatabase(server);
  return startTestHubOn(db, env, seed, clock);
}

/**
 * A hub on a database that already exists (a restored backup, say): migrations run, the seed only
 * when asked; `close` calls the database's `drop` when one is given.
 */
export async function startTestHubOn(
  db: { url: string; drop?: () => Promise<void> },
  env: NodeJS.ProcessEnv = {},
  seed: 'organizations' | 'demo' | 'none' = 'organizations',
  clock: Clock = systemClock,
): Promise<TestHub> {
  const loaded = loadConfig({ NODE_ENV: 'test', ...env });
  // Outside production the token key is random per data folder; a spec's hub has one of its own.
  const config: Config = { ...loaded, jwtSecret: loaded.jwtSecret ?? randomBytes(48), port: 0, databaseUrl: db.url };
  const statements = new StatementCounter();
  const ds = createDataSource({
    url: db.url,
    logger: statements,
    poolSize: env.POOL_SIZE ? config.poolSize : 4,
    statementTimeoutMs: config.statementTimeoutMs,
    poolWaitMs: config.poolWaitMs,
  });
  await applyMigrations(db.url);
  await ds.initialize();
  const services = createServices(ds, config, clock);
  // As main.ts does at start: the data file's years into the database, the database's years into memory.
  await services.workingCalendar.load();
  if (seed === 'demo') await seedDemo(ds, config, clock);
  else if (seed === 'organizations') await seedOrganizations(ds);
  const log = createLogger(config);
  const replicas = config.databaseReplicaUrls.length ? openReplicas(ds, config, log) : null;
  await replicas?.start();
  const hub = await startHub({ config, ds, services, log, replicas });

  return {
    url: hub.url,
    ds,
    config,
    statements,
    services,
    replicas,
    gql: (query, variables, token) => gqlAt(hub.url, query, variables, { token }),
    async token(role, creditCode, login, name) {
      return (await tokenFor(ds, services.tokens, role, creditCode, '12h', login ? { login, name } : undefined)).token;
    },
    async userId(role, login, name) {
      return (login ? await namedUser(ds, role, login, name) : (await demoUser(ds, role)).user).id;
    },
    async credentials(role, creditCode) {
      const { user } = await demoUser(ds, role, creditCode);
      return { login: user.login, password: await demoPassword(ds, user), userId: user.id };
    },
    async close() {
      await hub.stop();
      await replicas?.close();
      await ds.destroy();
      await db.drop?.();
    },
  };
}
