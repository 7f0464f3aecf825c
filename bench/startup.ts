/**
 * `npm run bench`: start-up benchmark. Spawns the built hub (`dist/src/main.js`, what `npm start`
 * runs after its build step) on the embedded PostgreSQL, with an empty data folder and then again
 * on the same folder, and measures the time from spawn to the first answered GraphQL query.
 * Prints the machine's figures with the results; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(__dirname, '../src/main.js');

async function startOnce(dataDir: string): Promise<{ ms: number; seeded: boolean }> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', EMBEDDED_PG_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`hub exited:\n${out}`));
      }
    }, 2);
  });
  const token = /ADMIN\s+(\S+)/.exec(out)?.[1];
  for (;;) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    if (res.ok) break;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  return { ms, seeded: token !== undefined };
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-bench-'));
  fs.chmodSync(dir, 0o777);
  const first: number[] = [];
  const second: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dataDir = path.join(dir, `pg${i}`);
      first.push((await startOnce(dataDir)).ms);
      second.push((await startOnce(dataDir)).ms);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cpu = os.cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`start → first answered query, embedded PostgreSQL, ${runs} runs (median; min–max):`);
  console.log(
    `  empty data folder (initdb, migrations, demo seed): ${median(first).toFixed(0)} ms; ${Math.min(...first).toFixed(0)}–${Math.max(...first).toFixed(0)}`,
  );
  console.log(
    `  second start on the same folder:                   ${median(second).toFixed(0)} ms; ${Math.min(...second).toFixed(0)}–${Math.max(...second).toFixed(0)}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
