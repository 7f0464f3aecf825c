/**
 * `npm run bench:flood`: one project unit floods the hub while a bureau user runs a light query.
 * Spawns the built hub twice on the embedded PostgreSQL with the demo district: once with its
 * limits relaxed (no alias, token or cost bound, no rate limit, no statement timeout: the hub as it
 * was) and once with the default limits. In each, the unit keeps FLOOD_CLIENTS requests in flight
 * (69 KB of aliased nested connections each, then the heaviest query the limits let through) while
 * the bureau query runs BUREAU_QUERIES times; prints the bureau's latencies and failures and what
 * the unit's requests were answered. Nothing is asserted.
 */
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(__dirname, '../src/main.js');
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 8);
const CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 3);
const BUREAU_QUERIES = Number(process.env.BUREAU_QUERIES ?? 40);

const RELAXED = {
  MAX_ALIASES: '1000',
  MAX_DIRECTIVES: '1000',
  MAX_TOKENS: '1000000',
  MAX_QUERY_COST: '10000000',
  MAX_QUERY_DEPTH: '50',
  RATE_LIMIT_REQUESTS: '0',
  MAX_CONCURRENT_PER_CALLER: '1000',
  STATEMENT_TIMEOUT_MS: '600000',
  POOL_WAIT_MS: '60000',
};

/** The reported flood: aliased nested connections, about 69 KB. */
function floodQuery(): string {
  const block = (i: number) => `p${i}: projects(first: 100) { edges { node { code name leadUnit { name supervisor { name } }
    coBuildingUnits { name } history(first: 10) { edges { node { action actorRole } } } interfaces { id endpoint } budgetYears { year amount } } } }`;
  const parts: string[] = [];
  for (let i = 0; parts.join(' ').length < 69_000; i++) parts.push(block(i));
  return `{ ${parts.join(' ')} }`;
}

/** Heavy but within the default limits: one page of 100 projects with their lists. */
const HEAVY = `{ projects(first: 100) { edges { node { code name leadUnit { name } coBuildingUnits { name } history(first: 10) { edges { node { action } } } interfaces { id } } } } }`;
const LIGHT = `{ organizations(first: 5) { totalCount edges { node { name } } } }`;

async function spawnHub(dataDir: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; tokens: Record<string, string> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', EMBEDDED_PG_DIR: dataDir, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(out);
      if (m && /ADMIN\s+\S+/.test(out)) {
        clearInterval(timer);
        resolve(m[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`hub exited:\n${out}`));
      }
    }, 20);
  });
  // The demo users' passwords are printed once at first start: each signs in for a token.
  const tokens: Record<string, string> = {};
  for (const m of out.matchAll(/^\s+([A-Z_]+)\s+([a-z]+)\s+(\S+)\s/gm)) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { accessToken } } }',
        variables: { input: { login: m[2], password: m[3] } },
      }),
    });
    tokens[m[1]] = ((await res.json()) as { data: { sessionCreate: { session: { accessToken: string } } } }).data.sessionCreate.session.accessToken;
  }
  return { child, url, tokens };
}

async function send(url: string, token: string, query: string): Promise<{ ms: number; code: string }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string; limit?: string } }[] };
    const e = body.errors?.[0]?.extensions;
    return { ms: performance.now() - t0, code: e ? `${e.code}${e.limit ? `:${e.limit}` : ''}` : `HTTP ${res.status}` };
  } catch (err) {
    return { ms: performance.now() - t0, code: `fetch failed: ${(err as Error).message}` };
  }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const tally = (codes: string[]) =>
  Object.entries(codes.reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {}))
    .map(([c, n]) => `${c} ×${n}`)
    .join(', ');

async function scenario(name: string, dataDir: string, env: Record<string, string>): Promise<void> {
  const hub = await spawnHub(dataDir, env);
  try {
    const bureau = hub.tokens.BIG_DATA_BUREAU;
    const unit = hub.tokens.PROJECT_UNIT;
    for (let i = 0; i < 5; i++) await send(hub.url, bureau, LIGHT); // warm up
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push((await send(hub.url, bureau, LIGHT)).ms);

    const flood = floodQuery();
    const unitCodes: string[] = [];
    let stop = false;
    const flooders = Array.from({ length: CLIENTS }, async (_, i) => {
      while (!stop) unitCodes.push((await send(hub.url, unit, i % 2 === 0 ? flood : HEAVY)).code);
    });
    await new Promise((r) => setTimeout(r, 300));
    const during: { ms: number; code: string }[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    while (during.length < BUREAU_QUERIES && Date.now() < deadline) during.push(await send(hub.url, bureau, LIGHT));
    stop = true;
    await Promise.all(flooders);

    const ms = during.map((d) => d.ms);
    console.log(`\n${name}`);
    console.log(`  bureau query, quiet:   p50 ${pct(quiet, 50).toFixed(1)} ms, max ${Math.max(...quiet).toFixed(1)} ms`);
    console.log(
      `  bureau query, flooded: ${during.length} queries, p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`,
    );
    console.log(`  bureau answers:        ${tally(during.map((d) => d.code))}`);
    console.log(`  unit's ${unitCodes.length} requests (${(flood.length / 1000).toFixed(0)} KB flood / heavy page, ${CLIENTS} in flight): ${tally(unitCodes)}`);
  } finally {
    hub.child.kill('SIGTERM');
    await new Promise((r) => hub.child.once('exit', r));
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-flood-'));
  fs.chmodSync(dir, 0o777);
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    await scenario('limits relaxed (the hub before its limits)', path.join(dir, 'pg-relaxed'), RELAXED);
    await scenario('default limits', path.join(dir, 'pg-default'), {});
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
