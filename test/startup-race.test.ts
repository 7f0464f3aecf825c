/**
 * Start-ups that race or meet a database they must not touch, with the built hub (`node
 * dist/src/main.js`) against a fresh database on the test server: two hubs at once on an empty
 * database migrate and seed once; a database migrated by a newer hub is refused with a clear
 * message; with RUN_MIGRATIONS=false a pending migration keeps /readyz at 503 saying so.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrations } from '../migrations';
import { DEMO_ORGANIZATIONS } from '../seeds/organizations';
import { freshDatabase } from './support/hub';

jest.setTimeout(120_000);
const MAIN = path.join(__dirname, '../dist/src/main.js');

interface Run {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function run(env: NodeJS.ProcessEnv): Run {
  if (!fs.existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds it first (npm run build)');
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  return { child, out: () => out, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function listening(r: Run): Promise<string> {
  // Up to 90 s: a limit for a loaded machine (two hubs migrate and seed the demo district), not a timing.
  for (let i = 0; i < 1800; i++) {
    const m = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(r.out());
    if (m) return m[1];
    if (r.child.exitCode !== null) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`hub did not start:\n${r.out()}`);
}

async function stop(r: Run) {
  if (r.child.exitCode === null) r.child.kill('SIGTERM');
  return r.exited;
}

async function query<T = any>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

it('two hubs starting at once on one empty database: migrations run once, the demo is seeded once, both serve', async () => {
  const env = { DATABASE_URL: db.url, SEED_DEMO: 'true' };
  const [a, b] = [run(env), run(env)];
  try {
    const urls = await Promise.all([listening(a), listening(b)]);
    for (const url of urls) expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const rows = await query(db.url, 'SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
    expect(rows.length).toBe(migrations.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const [{ n }] = await query(db.url, 'SELECT count(*)::int AS n FROM organization');
    expect(n).toBe(DEMO_ORGANIZATIONS.length);
    expect([a, b].filter((r) => r.out().includes('demo district loaded'))).toHaveLength(1);
  } finally {
    await Promise.all([stop(a), stop(b)]);
  }
});

it('a database with a migration this code does not know: refuses to start with a clear message, touches nothing', async () => {
  await query(db.url, `INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromANewerHub9999999999999')`);
  try {
    const r = run({ DATABASE_URL: db.url });
    expect(await r.exited).toBe(4);
    expect(r.out()).toMatch(/database schema is newer than this hub.*FromANewerHub9999999999999/);
  } finally {
    await query(db.url, `DELETE FROM migrations WHERE name = 'FromANewerHub9999999999999'`);
  }
});

it('RUN_MIGRATIONS=false with a migration pending: serves, and /readyz answers 503 saying migrations are pending', async () => {
  const [last] = await query(db.url, 'SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1');
  await query(db.url, 'DELETE FROM migrations WHERE id = $1', [last.id]);
  const r = run({ DATABASE_URL: db.url, RUN_MIGRATIONS: 'false' });
  try {
    const url = await listening(r);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'migrations pending', migrationsCurrent: false });
  } finally {
    await stop(r);
    await query(db.url, 'INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
  }
});
