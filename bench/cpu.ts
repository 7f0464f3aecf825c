/**
 * `npm run bench:cpu -- --database hub_bench_district_mine [--only S1,S2] [--requests 12] [--against /path/to/other/dist]`:
 * CPU time per request, read from /proc around each request, of the built hub and (with
 * `--against`, a copy of another build's `dist/` inside the repository, so that it finds
 * node_modules) a second hub side by side, and PostGraphile v4, on the same database, requests
 * alternating between them one at a time. On a shared machine a process's own CPU time per request
 * moves far less with the load than its throughput does, so two builds compare in one run. It
 * prints the medians of CPU and wall time (and the mean CPU time, which counts the young generation's
 * collections that fall into some requests only) and whether the answers are byte-identical between the
 * hubs; nothing is asserted.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { Role } from '../src/common/role.enums';
import { createServices } from '../src/services';
import { tokenFor } from '../seeds/tokens';
import { benchDatabaseUrl } from './scales';
import { POSTGRAPHILE_SETUP, scenarios } from './scenarios';
import { Running, startHubProcess, startScript } from './servers/spawn';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const DATABASE = option('database', 'hub_bench_district');
const ONLY = option('only', 'S1,S2').split(',').filter(Boolean);
const REQUESTS = Number(option('requests', '12'));
const AGAINST = option('against', '');
const JWT_SECRET = 'benchmark-secret-of-at-least-32-characters';
const TICK_MS = 1000 / 100; // USER_HZ

function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const url = new URL(benchDatabaseUrl()).toString().replace(/\/[^/]*$/, `/${DATABASE}`);
  const setup = new Client({ connectionString: url });
  await setup.connect();
  for (const sql of POSTGRAPHILE_SETUP) await setup.query(sql);
  await setup.end();
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  const services = createServices(ds, loadConfig({ NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: url }));
  const token = (await tokenFor(ds, services.tokens, Role.BIG_DATA_BUREAU)).token;
  await ds.destroy();

  // HUB_NODE_OPTIONS: e.g. a preload that logs the statements, for the hubs only.
  const env = { DATABASE_URL: url, JWT_SECRET, ...(process.env.HUB_NODE_OPTIONS ? { NODE_OPTIONS: process.env.HUB_NODE_OPTIONS } : {}) };
  const servers: { label: string; running: Running; hub: boolean }[] = [];
  try {
    servers.push({ label: 'hub (this build)', running: await startHubProcess(env), hub: true });
    if (AGAINST)
      servers.push({
        label: `hub (${AGAINST})`,
        running: await startHubProcess(env, { main: path.join(path.resolve(AGAINST), 'src/main.js'), name: 'hub (against)' }),
        hub: true,
      });
    servers.push({
      label: 'postgraphile',
      running: await startScript('postgraphile', 'postgraphile-server.js', { DATABASE_URL: url, NODE_ENV: 'production' }),
      hub: false,
    });
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ')[0] ?? 'cpu'}, node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    for (const s of scenarios([], 'cpu', false).filter((x) => ONLY.includes(x.name))) {
      const cpu = servers.map(() => [] as number[]);
      const wall = servers.map(() => [] as number[]);
      const bodies = servers.map(() => new Set<string>());
      for (let i = -2; i < REQUESTS; i++) {
        for (let k = 0; k < servers.length; k++) {
          const { running, hub } = servers[(k + Math.max(i, 0)) % servers.length];
          const at = (k + Math.max(i, 0)) % servers.length;
          const query = hub ? s.query.hub : s.query.postgraphile;
          const body = JSON.stringify({ query, variables: s.variables(i) });
          const headers: Record<string, string> = { 'content-type': 'application/json', ...(hub ? { authorization: `Bearer ${token}` } : {}) };
          const before = cpuMs(running.child.pid!);
          const t0 = performance.now();
          const text = await (await fetch(`${running.url}/graphql`, { method: 'POST', headers, body })).text();
          const t1 = performance.now();
          await new Promise((r) => setTimeout(r, 30)); // let the process finish its tick before reading its CPU time
          const after = cpuMs(running.child.pid!);
          if (text.includes('"errors"')) throw new Error(`${servers[at].label} answered ${s.name} with errors: ${text.slice(0, 300)}`);
          if (i < 0) continue; // warm-up
          cpu[at].push(after - before);
          wall[at].push(t1 - t0);
          bodies[at].add(text);
        }
      }
      const hubs = servers.map((x, k) => (x.hub ? [...bodies[k]] : [])).filter((b) => b.length);
      const same = hubs.every((b) => b.length === 1 && b[0] === hubs[0][0]);
      console.log(`${s.name}: ${REQUESTS} requests each, alternating; hub answers ${same ? 'byte-identical' : 'DIFFER'} (${hubs[0]?.[0]?.length ?? 0} bytes)`);
      servers.forEach((x, k) =>
        console.log(
          `  ${x.label.padEnd(40)} CPU median ${median(cpu[k]).toFixed(0).padStart(5)} ms, mean ${(cpu[k].reduce((a, b) => a + b, 0) / cpu[k].length).toFixed(0).padStart(5)} ms   wall median ${median(wall[k]).toFixed(0).padStart(5)} ms`,
        ),
      );
    }
    console.log(
      `load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await Promise.all(servers.map((x) => x.running.stop()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
