/**
 * `npm run bench:load [-- --connections 100 --duration 60]`: the hub (production mode) on the
 * district benchmark database under 100 connections for 60 s of mixed reads and writes: each
 * connection cycles through a search page, a filtered list with facets, a page of projects with
 * their catalogue, one project's completeness, the district completeness and an ingest batch of
 * 50 new runs by each of the two mutations (typed and bulk). Reports errors (transport, non-2xx and GraphQL errors), p50/p99 and the hub's
 * resident memory at the start and at the end; appends to bench/results/load.json.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { Role } from '../src/common/role.enums';
import { createServices } from '../src/services';
import { tokenFor } from '../seeds/tokens';
import { benchDatabaseName, benchDatabaseUrl } from './scales';
import { startHubProcess } from './servers/spawn';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const CONNECTIONS = Number(option('connections', '100'));
const DURATION = Number(option('duration', '60'));
const SCALE = option('scale', 'district');
const JWT_SECRET = 'benchmark-secret-of-at-least-32-characters';
const TERMS = ['资助', '学生', '健康档案', '救助', '低保', '证照', '应急物资', '网格', '气象预警', '车辆'];

async function main(): Promise<void> {
  const url = new URL(benchDatabaseUrl()).toString().replace(/\/[^/]*$/, `/${benchDatabaseName(SCALE)}`);
  const c = new Client({ connectionString: url });
  await c.connect();
  const ids: string[] = (await c.query(`SELECT id FROM sharing_interface WHERE mount_status = 'MOUNTED' ORDER BY id`)).rows.map((r) => r.id);
  const projects: string[] = (await c.query(`SELECT id FROM project ORDER BY code`)).rows.map((r) => r.id);
  await c.end();

  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: url });
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  const services = createServices(ds, config);
  const bureau = (await tokenFor(ds, services.tokens, Role.BIG_DATA_BUREAU)).token;
  const platform = (await tokenFor(ds, services.tokens, Role.PLATFORM)).token;
  await ds.destroy();

  // The production waits (startHubProcess lifts the pool's to a minute for the side-by-side benchmark): the
  // pool's 5 s, and the admission queue's default (REQUEST_TIMEOUT_MS) in front of it.
  const hub = await startHubProcess({ DATABASE_URL: url, JWT_SECRET, POOL_WAIT_MS: '5000' });
  let n = 0;
  const gql = (token: string, query: string, variables: (i: number) => unknown) => ({
    method: 'POST' as const,
    setupRequest: (req: autocannon.Request) => {
      const i = n++;
      return {
        ...req,
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: variables(i) }),
      };
    },
    onResponse: (status: number, body: string) => {
      if (status === 200 && body.includes('"errors":[')) graphqlErrors.push(body.slice(0, 300));
    },
  });
  const graphqlErrors: string[] = [];
  const prefix = `load-${Date.now()}`;
  const requests = [
    gql(bureau, `query ($s: String) { resources(first: 20, filter: { search: $s }) { totalCount edges { node { code name provider { name } } } } }`, (i) => ({
      s: TERMS[i % TERMS.length],
    })),
    gql(
      bureau,
      `{ resources(first: 20, filter: { sharingType: CONDITIONAL, updateFrequency: DAILY }) { totalCount facets { openType { value count } } edges { node { code } } } }`,
      () => ({}),
    ),
    gql(
      bureau,
      `{ projects(first: 10) { edges { node { code resources(first: 40) { edges { node { code dataItems { name } interfaces { mountStatus } } } } } } } }`,
      () => ({}),
    ),
    gql(bureau, `query ($id: ID!) { project(id: $id) { code completeness { catalogued { ratio } timely { ratio } } } }`, (i) => ({
      id: projects[i % projects.length],
    })),
    gql(bureau, `{ completeness { catalogued { ratio } mounted { ratio } timely { ratio } } }`, () => ({})),
    gql(platform, `mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted userErrors { code } } }`, (i) => {
      const ranAt = new Date(Date.now() - 60_000).toISOString();
      return {
        input: {
          runs: Array.from({ length: 50 }, (_, k) => ({
            interfaceId: ids[(i * 50 + k) % ids.length],
            platformRunId: `${prefix}-${i}-${k}`,
            ranAt,
            mode: 'INCREMENTAL',
            records: 10,
            outcome: 'SUCCEEDED',
          })),
        },
      };
    }),
    gql(platform, `mutation ($batch: AggregationRunBatch!) { aggregationRunsIngest(batch: $batch) { accepted userErrors { code } } }`, (i) => {
      const ranAt = new Date(Date.now() - 60_000).toISOString();
      return {
        batch: {
          runs: Array.from({ length: 50 }, (_, k) => ({
            interfaceId: ids[(i * 50 + k + 25) % ids.length],
            platformRunId: `${prefix}-bulk-${i}-${k}`,
            ranAt,
            mode: 'INCREMENTAL',
            records: 10,
            outcome: 'SUCCEEDED',
          })),
        },
      };
    }),
  ];
  try {
    // Warm up, then the memory the run starts from.
    await autocannon({ url: hub.url, connections: 4, amount: 60, requests });
    const rssStart = hub.rssMiB();
    // A request slower than the timeout counts as an error: 60 s, the run's own length.
    const result = await autocannon({ url: hub.url, connections: CONNECTIONS, duration: DURATION, timeout: 60, requests });
    const rssEnd = hub.rssMiB();
    const errors = result.errors + result.non2xx + graphqlErrors.length; // errors includes timeouts
    const cpu = os.cpus();
    const record = {
      at: new Date().toISOString(),
      machine: `${cpu.length} × ${cpu[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      errorSamples: graphqlErrors.slice(0, 3),
      rssStartMiB: Math.round(rssStart),
      rssEndMiB: Math.round(rssEnd),
    };
    console.log(JSON.stringify(record, null, 1));
    const file = path.join(__dirname, '../../bench/results/load.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
    fs.writeFileSync(file, JSON.stringify([...all, record], null, 1) + '\n');
    if (errors > 0) process.exitCode = 1;
  } finally {
    await hub.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
