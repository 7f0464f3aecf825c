/**
 * `npm run bench [-- --scale district|city] [--rounds 3] [--duration 10] [--only S1,S3]`: the
 * scenarios of bench/scenarios.ts against the hub (production mode), PostGraphile v4 and the
 * hand-written SQL, on the database `npm run bench:data` built, in interleaved rounds with
 * autocannon. It first checks that the servers return the same results and counts the SQL
 * statements each sends per request, then appends everything to bench/results/<scale>.json and
 * writes the summary table into bench/README.md. Nothing is asserted about speed.
 * `--smoke`: a fresh tiny database, one short round, results to a temporary folder; exits non-zero
 * when the servers disagree (so the benchmark cannot rot: test/bench-smoke.test.ts runs it).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { Role } from '../src/common/role.enums';
import { createServices } from '../src/services';
import { tokenFor } from '../seeds/tokens';
import { generateBenchDatabase } from './data';
import { benchDatabaseName, benchDatabaseUrl, ScaleName } from './scales';
import { POSTGRAPHILE_SETUP, Scenario, scenarios, ServerName } from './scenarios';
import { Running, startHubProcess, startScript } from './servers/spawn';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};

const SMOKE = flag('smoke');
const SCALE = (SMOKE ? 'smoke' : option('scale', 'district')) as ScaleName;
const ROUNDS = Number(option('rounds', SMOKE ? '1' : '3'));
const DURATION = Number(option('duration', SMOKE ? '1' : '10'));
const ONLY = option('only', '').split(',').filter(Boolean);
/** `--database NAME`: another copy of the scale's data (`npm run bench:data -- --scale district --database NAME`), so two benchmarks need not share one. */
const DATABASE = option('database', benchDatabaseName(SCALE));
const JWT_SECRET = 'benchmark-secret-of-at-least-32-characters';
const REPO_BENCH = path.join(__dirname, '../../bench');

export interface Measurement {
  round: number;
  scenario: string;
  server: ServerName;
  connections: number;
  rps: number;
  unitsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

interface Target {
  running: Running;
  request(scenario: Scenario, i: number): { path: string; headers: Record<string, string>; body: string };
}

function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

async function post(target: Target, scenario: Scenario, i: number): Promise<unknown> {
  const r = target.request(scenario, i);
  const res = await fetch(`${target.running.url}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (!res.ok || body.errors) throw new Error(`${target.running.name} ${scenario.name}: ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/**
 * One measurement: a fixed number of requests (sized from the single-request latency to last about
 * `duration` seconds), so that a slow server's answers still in flight are never dropped from its
 * figure; the throughput is requests completed over the time they took.
 */
async function measure(target: Target, scenario: Scenario, connections: number, duration: number, round: number, latencyMs: number): Promise<Measurement> {
  let i = 0;
  let graphqlErrors = 0;
  const estimate = (Math.min(connections, os.cpus().length) * 1000) / Math.max(latencyMs, 1);
  const amount = Math.max(2 * connections, Math.min(20_000, Math.round(estimate * duration)));
  const result = await autocannon({
    url: target.running.url,
    connections,
    amount,
    timeout: 300, // seconds: on a shared machine a slow answer is a figure, not an error
    requests: [
      {
        method: 'POST',
        setupRequest: (req: autocannon.Request) => ({ ...req, ...target.request(scenario, round * 1_000_000 + i++) }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.startsWith('{"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const rps = result.requests.total / Math.max(result.duration, 0.01);
  return {
    round,
    scenario: scenario.name,
    server: target.running.name as ServerName,
    connections,
    rps,
    unitsPerSecond: rps * scenario.unit,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + graphqlErrors,
  };
}

/** Waits until the server process and the database are idle again, so one measurement never runs into the last one's tail. */
async function settle(running: Running, db: Client): Promise<void> {
  const ticks = () => {
    const f = fs.readFileSync(`/proc/${running.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  };
  for (let k = 0; k < 240; k++) {
    const before = ticks();
    await new Promise((r) => setTimeout(r, 250));
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    if (ticks() - before <= 3 && rows[0].n === 0) return;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function summarise(list: Scenario[], results: Measurement[], statements: Record<string, Partial<Record<ServerName, number>>>): string {
  const lines = [
    '| scenario | connections | hub req/s | hub p50 / p99 ms | PostGraphile req/s | hand SQL req/s | hub / PostGraphile | hub / hand SQL | statements per request hub / PostGraphile / SQL |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of list) {
    for (const c of s.connections) {
      const of = (server: ServerName) => results.filter((r) => r.scenario === s.name && r.connections === c && r.server === server);
      const rps = (server: ServerName) => (of(server).length ? median(of(server).map((r) => r.unitsPerSecond)) : NaN);
      const ratio = (other: ServerName) => {
        const per = of('hub')
          .map((h) => h.rps / (of(other).find((o) => o.round === h.round)?.rps ?? NaN))
          .filter((x) => Number.isFinite(x));
        return per.length ? median(per).toFixed(2) : '—';
      };
      const hub = of('hub');
      const fmt = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '—');
      const st = statements[s.name] ?? {};
      lines.push(
        `| ${s.title}${s.unit > 1 ? ' (runs/s)' : ''} | ${c} | ${fmt(rps('hub'))} | ${fmt(median(hub.map((h) => h.p50)))} / ${fmt(median(hub.map((h) => h.p99)))} | ${fmt(rps('postgraphile'))} | ${fmt(rps('sql'))} | ${s.servers.includes('postgraphile') ? ratio('postgraphile') : '—'} | ${ratio('sql')} | ${st.hub ?? '—'} / ${st.postgraphile ?? '—'} / ${st.sql ?? '—'} |`,
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const server = benchDatabaseUrl();
  let url: string;
  if (SMOKE) {
    url = await generateBenchDatabase('smoke', server, true, `hub_bench_smoke_${process.pid}`);
  } else {
    url = new URL(server).toString().replace(/\/[^/]*$/, `/${DATABASE}`);
    const probe = new Client({ connectionString: url });
    await probe.connect().catch(() => {
      throw new Error(`no database ${DATABASE}: run \`npm run bench:data -- --scale ${SCALE} --database ${DATABASE}\` first`);
    });
    await probe.end();
  }
  const setup = new Client({ connectionString: url });
  await setup.connect();
  for (const sql of POSTGRAPHILE_SETUP) await setup.query(sql);
  const ids: string[] = (await setup.query(`SELECT id FROM sharing_interface WHERE mount_status = 'MOUNTED' ORDER BY id LIMIT 1000`)).rows.map((r) => r.id);
  await setup.end();

  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: url });
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  const services = createServices(ds, config);
  const bureau = (await tokenFor(ds, services.tokens, Role.BIG_DATA_BUREAU)).token;
  const platform = (await tokenFor(ds, services.tokens, Role.PLATFORM)).token;
  await ds.destroy();

  const prefix = `bench-${Date.now()}`;
  const list = scenarios(ids, prefix, SMOKE).filter((s) => ONLY.length === 0 || ONLY.includes(s.name));
  const env = { DATABASE_URL: url };
  const running: Running[] = [];
  const stopAll = () => Promise.all(running.map((r) => r.stop()));
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const hub = await startHubProcess({ ...env, JWT_SECRET });
    running.push(hub);
    const postgraphile = await startScript('postgraphile', 'postgraphile-server.js', { ...env, NODE_ENV: 'production' });
    running.push(postgraphile);
    const sql = await startScript('sql', 'sql-server.js', env);
    running.push(sql);
    const json = { 'content-type': 'application/json' };
    const targets: Record<ServerName, Target> = {
      hub: {
        running: hub,
        request: (s, i) => ({
          path: '/graphql',
          headers: { ...json, authorization: `Bearer ${s.name.startsWith('S4') ? platform : bureau}` },
          body: JSON.stringify({ query: s.query.hub, variables: s.variables(i) }),
        }),
      },
      postgraphile: {
        running: postgraphile,
        request: (s, i) => ({ path: '/graphql', headers: json, body: JSON.stringify({ query: s.query.postgraphile, variables: s.variables(i) }) }),
      },
      // Odd batch numbers for the SQL server, so that its runs never collide with the hub's.
      sql: { running: sql, request: (s, i) => ({ path: `/${s.name}`, headers: json, body: JSON.stringify({ variables: s.variables(-i - 1) }) }) },
    };

    // Same results, and SQL statements per request, measured on one request each.
    const statements: Record<string, Partial<Record<ServerName, number>>> = {};
    const identical: Record<string, boolean> = {};
    const latency: Record<string, number> = {};
    for (const s of list) {
      const answers: unknown[] = [];
      statements[s.name] = {};
      for (const name of s.servers) {
        const t = targets[name];
        await post(t, s, -10); // warm
        const before = await t.running.statements();
        const t0 = performance.now();
        answers.push(s.normalise[name]!(await post(t, s, -20)));
        latency[`${s.name}:${name}`] = performance.now() - t0;
        statements[s.name][name] = (await t.running.statements()) - before;
      }
      identical[s.name] = answers.every((a) => isDeepStrictEqual(a, answers[0]));
      console.log(
        `${s.name}: ${identical[s.name] ? 'identical results' : 'RESULTS DIFFER'} across ${s.servers.join(', ')}; statements per request ${JSON.stringify(statements[s.name])}`,
      );
      if (!identical[s.name]) for (const [k, a] of answers.entries()) console.log(`  ${s.servers[k]}: ${JSON.stringify(a).slice(0, 400)}`);
    }

    const monitor = new Client({ connectionString: url });
    await monitor.connect();
    const startedAt = new Date().toISOString();
    const machineBefore = machine();
    const results: Measurement[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of list) {
        for (const c of s.connections) {
          // Interleaved: every server in each round, in an order that rotates from round to round.
          const order = s.servers.map((_, k) => s.servers[(k + round) % s.servers.length]);
          for (const name of order) {
            await settle(targets[name].running, monitor);
            const m = await measure(targets[name], s, c, DURATION, round, latency[`${s.name}:${name}`]);
            results.push(m);
            console.log(
              `round ${round + 1}/${ROUNDS} ${s.name} ${String(c).padStart(2)} conn ${name.padEnd(12)} ${m.unitsPerSecond.toFixed(1).padStart(9)}/s p50 ${m.p50} p99 ${m.p99} ms errors ${m.errors}`,
            );
          }
        }
      }
    }
    await monitor.end();
    const table = summarise(list, results, statements);
    console.log(`\n${table}`);
    const record = {
      startedAt,
      finishedAt: new Date().toISOString(),
      scale: SCALE,
      rounds: ROUNDS,
      duration: DURATION,
      machine: { before: machineBefore, after: machine() },
      identical,
      statements,
      results,
    };
    const dir = SMOKE ? fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-')) : path.join(REPO_BENCH, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${SCALE}.json`);
    const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
    fs.writeFileSync(file, JSON.stringify([...all, record], null, 1) + '\n');
    if (!SMOKE && ONLY.length === 0) writeReadme(record, table);
    if (SMOKE) fs.rmSync(dir, { recursive: true, force: true });
    const bad = Object.entries(identical).filter(([, same]) => !same);
    const failed = results.filter((r) => r.errors > 0);
    if (bad.length || failed.length) {
      console.error(`servers disagree on ${bad.map(([k]) => k).join(', ') || 'nothing'}; ${failed.length} measurements with errors`);
      process.exitCode = 1;
    }
  } finally {
    await stopAll();
    // S4's runs go again, so the run table does not grow from one benchmark to the next (the
    // interfaces' and resources' last-run columns keep the later times).
    const cleanup = new Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DELETE FROM aggregation_run WHERE platform_run_id LIKE $1`, [`${prefix}-%`]);
    await cleanup.query(`DELETE FROM aggregation_run_key WHERE platform_run_id LIKE $1`, [`${prefix}-%`]);
    await cleanup.end();
    if (SMOKE) {
      const admin = new Client({ connectionString: server });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS hub_bench_smoke_${process.pid} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/** Replaces the scale's section of bench/README.md with this run's table. */
function writeReadme(record: { startedAt: string; machine: { before: string; after: string }; rounds: number; duration: number }, table: string): void {
  const file = path.join(REPO_BENCH, 'README.md');
  const start = `<!-- results:${SCALE} -->`;
  const end = `<!-- /results:${SCALE} -->`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const section = `${start}\n### ${SCALE} scale, ${record.startedAt.slice(0, 16).replace('T', ' ')} UTC\n\nMachine: ${record.machine.before} (load after: ${record.machine.after.split('load ')[1]}). ${record.rounds} interleaved rounds of ${record.duration} s per server; ratios are medians of the per-round ratios.\n\n${table}\n${end}`;
  const at = text.indexOf(start);
  const next = at >= 0 ? text.slice(0, at) + section + text.slice(text.indexOf(end) + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
