/**
 * `npm run bench:data -- --scale smoke|district|city [--database NAME]`: builds the benchmark database
 * `hub_bench_<scale>` (or NAME) on BENCH_DATABASE_URL's server (default the local server on 5432) with the
 * hub's own migrations and the demo organisations, then writes a deterministic catalogue (fixed
 * seed, fixed anchor date: the same rows on every run) through COPY FROM STDIN, with a progress bar.
 * Indexes and foreign keys of the loaded tables are dropped during the load and rebuilt after it
 * (one CREATE INDEX per index beats maintaining 11 of them row by row).
 */
import 'reflect-metadata';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDataSource } from '../src/db/data-source';
import { seedOrganizations } from '../seeds/demo';
import { extendRunMonthsBack } from '../src/modules/aggregation';
import { benchDatabaseName, benchDatabaseUrl, SCALES, ScaleName } from './scales';
import { WORDS } from './words';

/** mulberry32: a small deterministic PRNG, so the same seed writes the same catalogue. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic UUID (version 4 layout) for row n of table t. */
const uid = (t: number, n: number) => `00000000-0000-4000-8${t.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

const FREQUENCIES = ['REALTIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY', 'IRREGULAR'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Every timestamp is relative to this instant, so the data do not depend on when they were generated. */
export const ANCHOR = Date.UTC(2026, 11, 1);
const LOADED = ['project', 'information_resource', 'data_item', 'sharing_interface', 'aggregation_run', 'resource_run_times', 'interface_run_times'];

const N = '\\N';
const iso = (ms: number) => new Date(ms).toISOString();

class Progress {
  private done = 0;
  private last = 0;
  private readonly t0 = Date.now();
  constructor(
    private readonly total: number,
    private readonly quiet = false,
  ) {}
  add(n: number, label: string): void {
    this.done += n;
    if (this.quiet) return;
    const now = Date.now();
    if (now - this.last < 200 && this.done < this.total) return;
    this.last = now;
    const share = this.done / this.total;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
    process.stderr.write(
      `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${label.padEnd(22)} ${this.done.toLocaleString('en')} rows ${((now - this.t0) / 1000).toFixed(0)} s   `,
    );
  }
  end(): void {
    process.stderr.write('\n');
  }
}

interface Plan {
  projects: number;
  resources: number;
  interfaces: number;
  runs: number;
  orgIds: string[];
}

/** One interface's runs: how many, the newest run's age, the spacing; outcomes follow from the indexes. */
interface RunPlan {
  count: number;
  newest: number;
  spacing: number;
}

const failed = (iface: number, j: number) => (iface * 31 + j) % 13 === 0;

function* rows(plan: Plan, progress: Progress): Generator<[string, string]> {
  const rnd = prng(20231006); // 宿区政办发〔2023〕6号
  const { projects, resources, interfaces, runs, orgIds } = plan;
  const perProject = resources / projects;
  const lines: string[] = [];
  const flush = function* (table: string): Generator<[string, string]> {
    if (lines.length === 0) return;
    progress.add(lines.length, table);
    yield [table, lines.join('')];
    lines.length = 0;
  };

  for (let p = 0; p < projects; p++) {
    const lead = orgIds[p % orgIds.length];
    lines.push(
      `${uid(1, p)}\tBN-${String(p).padStart(6, '0')}\t基准项目${p}\t${lead}\t${p % 5 === 0 ? 'UPGRADE' : 'NEW'}\t${2025 + (p % 3)}\t${1_000_000 + (p % 50) * 10_000}\t${p % 4 === 0 ? 'IN_OPERATION' : 'TRIAL_OPERATION'}\t1\n`,
    );
    if (lines.length >= 2000) yield* flush('project');
  }
  yield* flush('project');

  // Interfaces that carry runs (mounted, or mounted once and withdrawn since) and their plans.
  const mountOf = (i: number) => {
    const x = (i * 2654435761) % 100;
    return x < 85 ? 'MOUNTED' : x < 95 ? 'NOT_MOUNTED' : 'WITHDRAWN';
  };
  const carriers: number[] = [];
  for (let i = 0; i < interfaces; i++) if (mountOf(i) !== 'NOT_MOUNTED') carriers.push(i);
  const runPlans = new Map<number, RunPlan>();
  carriers.forEach((i, k) => {
    const count = Math.floor(runs / carriers.length) + (k < runs % carriers.length ? 1 : 0);
    const newest = Math.floor(rnd() ** 3 * 40 * DAY);
    runPlans.set(i, { count, newest, spacing: Math.max(HOUR, Math.floor((365 * DAY) / Math.max(count, 1))) });
  });
  const lastSuccess = (i: number): number | null => {
    const plan = runPlans.get(i);
    if (!plan) return null;
    for (let j = 0; j < plan.count; j++) if (!failed(i, j)) return ANCHOR - plan.newest - j * plan.spacing;
    return null;
  };

  const perResource = interfaces / resources;
  const resourceTimes: string[] = [];
  const interfaceTimes: string[] = [];
  for (let r = 0; r < resources; r++) {
    const project = Math.floor(r / perProject);
    const w1 = WORDS[Math.floor(rnd() * WORDS.length)];
    const w2 = WORDS[Math.floor(rnd() * WORDS.length)];
    const cls = `3${String(r % 99).padStart(2, '0')}${String(r % 997).padStart(3, '0')}`;
    const sharing = rnd() < 0.04 ? null : ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'][r % 3];
    const open = rnd() < 0.03 ? null : sharing === 'NOT_SHARED' ? 'NOT_OPEN' : r % 2 ? 'OPEN' : 'CONDITIONAL_OPEN';
    const frequency = rnd() < 0.02 ? null : FREQUENCIES[r % 8];
    const condition = sharing === 'CONDITIONAL' && rnd() > 0.05 ? '政务用途' : N;
    const legal = sharing === 'NOT_SHARED' && rnd() > 0.05 ? '个人信息保护法' : N;
    const x = rnd();
    const status = x < 0.6 ? 'PUBLISHED' : x < 0.78 ? 'SUBMITTED' : x < 0.98 ? 'DRAFT' : 'RETIRED';
    const name = `${w1}${w2}信息${r}`;
    const summary = `${w2}${w1}数据，资源编号${r}`;
    let aggregated: number | null = null;
    for (let k = 0; k < perResource; k++) {
      const s = lastSuccess(r * perResource + k);
      if (s !== null && (aggregated === null || s > aggregated)) aggregated = s;
    }
    lines.push(
      `${uid(2, r)}\t${cls}/${String(r).padStart(6, '0')}\tDEPARTMENTAL\t${cls}\t${name}\t${orgIds[project % orgIds.length]}\t${uid(1, project)}\t${summary}\tDATABASE\t` +
        `${sharing ?? N}\t${condition}\t${legal}\t${open ?? N}\t${frequency ?? N}\t${status}\t${name}\\n${summary}\t1\n`,
    );
    // The resource's latest success: the aggregation module's bookkeeping (resource_run_times), a row only once aggregated.
    if (aggregated !== null) resourceTimes.push(`${uid(2, r)}\t${iso(aggregated)}\n`);
    if (lines.length >= 2000) yield* flush('information_resource');
  }
  yield* flush('information_resource');
  yield ['resource_run_times', resourceTimes.join('')];

  let item = 0;
  for (let r = 0; r < resources; r++) {
    const count = r % 33 === 7 ? 0 : 8;
    // Lengths that fit their types (第八条, 编制指南): C and N a width, D none, T its fixed 14.
    for (let k = 1; k <= count; k++) lines.push(`${uid(3, item++)}\t${uid(2, r)}\t${k}\t字段${k}\t${'CNDT'[k % 4]}\t${[50, 18, N, 14][k % 4]}\n`);
    if (lines.length >= 4000) yield* flush('data_item');
  }
  yield* flush('data_item');

  for (let i = 0; i < interfaces; i++) {
    const r = Math.floor(i / perResource);
    const mount = mountOf(i);
    const plan = runPlans.get(i);
    const lastRun = plan && plan.count > 0 ? iso(ANCHOR - plan.newest) : N;
    const success = lastSuccess(i);
    const created = ANCHOR - 500 * DAY + i * 1000;
    lines.push(
      `${uid(4, i)}\t${uid(2, r)}\t${i % 2 ? 'REST_API' : 'DATABASE_SYNC'}\thttps://share.example.gov.cn/api/${i}\t${FREQUENCIES[r % 7]}\t${mount}\t` +
        `${mount === 'NOT_MOUNTED' ? N : `BN-${i}`}\t${mount === 'NOT_MOUNTED' ? N : iso(created + DAY)}\t${mount === 'WITHDRAWN' ? iso(ANCHOR - 10 * DAY) : N}\t${iso(created)}\n`,
    );
    // Its latest run and success: the aggregation module's bookkeeping (interface_run_times), a row only once it has run.
    if (lastRun !== N || success !== null) interfaceTimes.push(`${uid(4, i)}\t${lastRun}\t${success === null ? N : iso(success)}\n`);
    if (lines.length >= 4000) yield* flush('sharing_interface');
  }
  yield* flush('sharing_interface');
  yield ['interface_run_times', interfaceTimes.join('')];

  let run = 0;
  for (const i of carriers) {
    const plan = runPlans.get(i)!;
    const iface = uid(4, i);
    const resource = uid(2, Math.floor(i / perResource));
    for (let j = 0; j < plan.count; j++) {
      const at = ANCHOR - plan.newest - j * plan.spacing;
      const bad = failed(i, j);
      lines.push(
        `${uid(5, run++)}\t${iface}\t${resource}\tbn-${j}\t${iso(at)}\t${j % 7 ? 'INCREMENTAL' : 'FULL'}\t${100 + (j % 900)}\t${bad ? 'FAILED' : 'SUCCEEDED'}\t${bad ? '源库连接超时' : N}\t${iso(at + 60_000)}\n`,
      );
      if (lines.length >= 10_000) yield* flush('aggregation_run');
    }
  }
  yield* flush('aggregation_run');
}

const COLUMNS: Record<string, string> = {
  project: 'id, code, name, lead_unit_id, category, plan_year, total_budget, status, row_version',
  information_resource:
    'id, code, catalogue_kind, classification_code, name, provider_id, project_id, summary, format, sharing_type, sharing_condition, legal_basis, open_type, update_frequency, status, search_text, version',
  resource_run_times: 'resource_id, last_aggregated_at',
  data_item: 'id, resource_id, position, name, data_type, length',
  sharing_interface: 'id, resource_id, kind, endpoint, sync_frequency, mount_status, platform_id, mounted_at, withdrawn_at, created_at',
  interface_run_times: 'interface_id, last_run_at, last_success_at',
  aggregation_run: 'id, interface_id, resource_id, platform_run_id, ran_at, mode, records, outcome, failure_reason, reported_at',
};

/** Drops the loaded tables' secondary indexes and foreign keys; returns the statements that rebuild them. */
async function dropForLoad(c: Client): Promise<string[]> {
  const { rows: fks } = await c.query(
    `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype = 'f' AND conparentid = 0 AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))`,
    [LOADED],
  );
  const { rows: indexes } = await c.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [LOADED],
  );
  for (const fk of fks) await c.query(`ALTER TABLE "${fk.tbl}" DROP CONSTRAINT "${fk.conname}"`);
  for (const ix of indexes) await c.query(`DROP INDEX ${ix.name}`);
  // A partitioned table's index reads back as `ON ONLY` (the parent alone): rebuilt on every partition.
  return [
    ...indexes.map((ix) => String(ix.def).replace(' ON ONLY ', ' ON ')),
    ...fks.map((fk) => `ALTER TABLE "${fk.tbl}" ADD CONSTRAINT "${fk.conname}" ${fk.def}`),
  ];
}

export async function generateBenchDatabase(scale: ScaleName, serverUrl = benchDatabaseUrl(), quiet = false, name = benchDatabaseName(scale)): Promise<string> {
  const s = SCALES[scale];
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  const ds = createDataSource({ url: url.toString(), poolSize: 1 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  // The runs' monthly partitions (the newest run is at most 40 days and the oldest about 13 months before ANCHOR).
  const anchor = new Date(ANCHOR);
  await extendRunMonthsBack(ds, new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - 15, 1)));
  await seedOrganizations(ds);
  const orgIds: string[] = (await ds.query(`SELECT id FROM organization WHERE kind IN ('DEPARTMENT', 'TOWN', 'SUBDISTRICT') ORDER BY credit_code`)).map(
    (o: { id: string }) => o.id,
  );
  await ds.destroy();

  const c = new Client({ connectionString: url.toString() });
  await c.connect();
  await c.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'`);
  const rebuild = await dropForLoad(c);
  const items = s.resources * 8 - Math.ceil(s.resources / 33);
  const progress = new Progress(s.projects + s.resources + items + s.interfaces + s.runs);
  const t0 = Date.now();
  const it = rows({ ...s, orgIds }, quiet ? new Progress(1, true) : progress);
  let next = it.next();
  while (!next.done) {
    const table = next.value[0];
    const first = next.value[1];
    const chunks = (function* () {
      yield first;
      for (next = it.next(); !next.done && next.value[0] === table; next = it.next()) yield next.value[1];
    })();
    await pipeline(Readable.from(chunks), c.query(copyFrom(`COPY ${table} (${COLUMNS[table]}) FROM STDIN`)));
  }
  if (!quiet) progress.end();
  // The platform's idempotency keys of the loaded runs (the key table's index built once, after the rows).
  if (!quiet) process.stderr.write(`\nfilling aggregation_run_key`);
  await c.query(`ALTER TABLE aggregation_run_key DROP CONSTRAINT aggregation_run_key_pkey`);
  await c.query(`INSERT INTO aggregation_run_key (interface_id, platform_run_id) SELECT interface_id, platform_run_id FROM aggregation_run`);
  await c.query(`ALTER TABLE aggregation_run_key ADD CONSTRAINT aggregation_run_key_pkey PRIMARY KEY (interface_id, platform_run_id)`);
  const loadedMs = Date.now() - t0;
  for (const [k, sql] of rebuild.entries()) {
    if (!quiet) process.stderr.write(`\rrebuilding indexes and keys ${k + 1}/${rebuild.length}   `);
    await c.query(sql);
  }
  await c.query(`VACUUM ANALYZE`);
  if (!quiet) process.stderr.write(`\nloaded in ${(loadedMs / 1000).toFixed(0)} s, indexed in ${((Date.now() - t0 - loadedMs) / 1000).toFixed(0)} s\n`);
  await c.end();
  return url.toString();
}

if (require.main === module) {
  const i = process.argv.indexOf('--scale');
  const scale = (i > 0 ? process.argv[i + 1] : 'district') as ScaleName;
  if (!(scale in SCALES)) {
    console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
    process.exit(2);
  }
  const d = process.argv.indexOf('--database');
  const name = d > 0 ? process.argv[d + 1] : benchDatabaseName(scale);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    console.error('--database must be a plain PostgreSQL name (lower case letters, digits, _)');
    process.exit(2);
  }
  generateBenchDatabase(scale, benchDatabaseUrl(), false, name)
    .then((url) => console.log(`benchmark database: ${url.replace(/\/\/[^@]*@/, '//')}`))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
