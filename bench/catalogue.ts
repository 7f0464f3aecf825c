/**
 * `npm run bench:catalogue`: reads and writes at district scale, over real HTTP against real
 * PostgreSQL (BENCH_DATABASE_URL names a server on which a throw-away database is made; unset →
 * the embedded PostgreSQL in a temporary folder). Prints medians with the machine's figures;
 * nothing is asserted.
 *   BENCH_PROJECTS (200) × BENCH_RESOURCES (50) resources, BENCH_RUNS (20) runs per mounted interface.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbedded } from '../src/db/embedded';
import { startHub } from '../src/http/server';
import { createLogger } from '../src/logger';
import { Role } from '../src/common/role.enums';
import { createServices } from '../src/services';
import { seedOrganizations } from '../seeds/demo';
import { tokenFor } from '../seeds/tokens';
import { generate } from './generate';

const n = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function serverUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-bench-'));
  fs.chmodSync(dir, 0o777);
  const server = await startEmbedded(path.join(dir, 'pg'));
  return { url: server.url, stop: async () => (await server.stop(), fs.rmSync(dir, { recursive: true, force: true })) };
}

async function main() {
  const server = await serverUrl();
  const dbName = `hub_bench_${Date.now()}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(server.url);
  url.pathname = `/${dbName}`;

  const config = { ...loadConfig({ NODE_ENV: 'test' }), port: 0, databaseUrl: url.toString() };
  const ds = createDataSource({ url: url.toString() });
  await ds.initialize();
  await ds.runMigrations();
  await seedOrganizations(ds);
  const scale = { projects: n('BENCH_PROJECTS', 200), resourcesPerProject: n('BENCH_RESOURCES', 50), runsPerInterface: n('BENCH_RUNS', 20) };
  const t0 = Date.now();
  const counts = await generate(ds, scale);
  const generatedMs = Date.now() - t0;

  const services = createServices(ds, config);
  const hub = await startHub({ config, ds, services, log: createLogger(config) });
  const token = (await tokenFor(ds, services.tokens, Role.BIG_DATA_BUREAU)).token;
  const gql = async (query: string, variables: Record<string, unknown> = {}, bearer = token) => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  const time = async (
    label: string,
    query: string,
    variables: Record<string, unknown> | ((i: number) => Record<string, unknown>) = {},
    runs = 15,
    bearer = token,
  ) => {
    const vars = typeof variables === 'function' ? variables : () => variables;
    await gql(query, vars(-1), bearer); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const v = vars(i);
      const s = process.hrtime.bigint();
      await gql(query, v, bearer);
      ms.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    ms.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(58)} median ${ms[Math.floor(runs / 2)].toFixed(1).padStart(7)} ms   p90 ${ms[Math.floor(runs * 0.9)].toFixed(1).padStart(7)} ms`,
    );
  };

  const cpu = os.cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`data: ${counts.resources} resources, ${counts.interfaces} interfaces, ${counts.runs} aggregation runs (generated in ${generatedMs} ms)`);
  const FACETS = `facets { sharingType { value count } openType { value count } updateFrequency { value count } catalogueKind { value count } provider { count } }`;
  await time('resources: first 20, no filter, totalCount', `{ resources(first: 20) { totalCount edges { node { code name } } } }`);
  await time(
    'resources: 2-character search "资助" + facets',
    `query ($s: String) { resources(first: 20, filter: { search: $s }) { totalCount ${FACETS} edges { node { code } } } }`,
    { s: '资助' },
  );
  await time(
    'resources: 4-character search "学生资助" + facets',
    `query ($s: String) { resources(first: 20, filter: { search: $s }) { totalCount ${FACETS} edges { node { code } } } }`,
    { s: '学生资助' },
  );
  await time(
    'resources: filter CONDITIONAL + DAILY + facets',
    `{ resources(first: 20, filter: { sharingType: CONDITIONAL, updateFrequency: DAILY }) { totalCount ${FACETS} } }`,
  );
  await time(
    'projects: 50 with resources, data items, interfaces',
    `{ projects(first: 50) { edges { node { code resources { code dataItems { name } interfaces { mountStatus consumers { name } } } } } } }`,
    {},
    5,
  );

  const RATIO = `numerator denominator ratio`;
  await time(
    'completeness: district, six figures + per organisation',
    `{ completeness { catalogued { ${RATIO} } metadata { ${RATIO} } interfaces { ${RATIO} } mounted { ${RATIO} } aggregated { ${RATIO} } timely { ${RATIO} } byOrganization { organization { name } completeness { timely { ratio } } } } }`,
  );
  await time('completeness: first 50 gaps of the district', `{ completeness { gaps(first: 50) { totalCount edges { node { reason resource { code } } } } } }`);
  await time(
    'projects: 50 with their completeness',
    `{ projects(first: 50) { edges { node { code completeness { catalogued { ratio } timely { ratio } } } } } }`,
  );

  const mounted: { id: string }[] = await ds.query(`SELECT id FROM sharing_interface WHERE mount_status = 'MOUNTED' ORDER BY id LIMIT 1000`);
  const platformToken = (await tokenFor(ds, services.tokens, Role.PLATFORM)).token;
  const at = new Date(Date.now() - 60_000).toISOString();
  const REPORT = `mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted duplicates userErrors { code } } }`;
  const batch = (i: number) => ({
    input: {
      runs: mounted.map((m, k) => ({
        interfaceId: m.id,
        platformRunId: `bench-${i}-${k}`,
        ranAt: at,
        mode: 'INCREMENTAL',
        records: 100,
        outcome: 'SUCCEEDED',
      })),
    },
  });
  const check = (await gql(REPORT, batch(-2), platformToken)) as { data: { aggregationRunsReport: { accepted: number } } };
  if (check.data.aggregationRunsReport.accepted !== mounted.length) throw new Error(`batch not accepted: ${JSON.stringify(check)}`);
  await time(`aggregationRunsReport: batch of ${mounted.length} new runs`, REPORT, batch, 10, platformToken);

  await hub.stop();
  await ds.destroy();
  await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  await admin.end();
  await server.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
