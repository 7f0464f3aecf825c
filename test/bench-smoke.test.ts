/**
 * The benchmark (bench/run.ts) in its smoke mode, so it cannot rot: a tiny generated database,
 * the built hub in production mode, PostGraphile v4 and the hand-written SQL each answer every
 * scenario, and the run fails unless the three give the same results without a single error.
 * Speed is reported by `npm run bench`, never asserted here.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const RUN = path.join(__dirname, '../dist/bench/run.js');

describe('npm run bench -- --smoke', () => {
  it('runs every scenario on the three servers, which agree on every result', async () => {
    if (!fs.existsSync(RUN)) throw new Error('dist/bench/run.js is missing: `npm test` builds it first (npm run build)');
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = execFile(process.execPath, [RUN, '--smoke', '--duration', '1'], {
        env: { ...process.env, BENCH_DATABASE_URL: process.env.TEST_DATABASE_URL },
        maxBuffer: 16 * 1024 * 1024,
      });
      let out = '';
      child.stdout!.on('data', (c) => (out += c));
      child.stderr!.on('data', (c) => (out += c));
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect({ code, out }).toMatchObject({ code: 0 });
    for (const s of ['S1', 'S2', 'S3', 'S4']) expect(out).toMatch(new RegExp(`${s}: identical results`));
    expect(out).toMatch(/\| S1 50 projects/);
    expect(out).not.toMatch(/errors [1-9]/);
  }, 400_000);
});
