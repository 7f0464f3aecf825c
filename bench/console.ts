/**
 * `npm run bench:console`: the web console in Chromium over a hub at district scale — the first
 * render of the dashboard after signing in and of the catalogue's search page, and the JavaScript
 * the first page loads (gzipped; the chart's code comes after, on demand). Prints medians of
 * BENCH_RENDERS (7) fresh browser contexts with the machine's figures; nothing is asserted.
 */
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CONSOLE_DIR } from '../src/http/console';
import { Role } from '../src/common/role.enums';
import { districtHub, machine, n } from './district';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main() {
  const district = await districtHub({
    projects: n('BENCH_PROJECTS', 200),
    resourcesPerProject: n('BENCH_RESOURCES', 50),
    runsPerInterface: n('BENCH_RUNS', 20),
  });
  const { hub } = district;
  // The console asks GET /auth/session before anything else: only its session cookie signs it in.
  const credentials = await district.credentials(Role.BIG_DATA_BUREAU);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const renders = n('BENCH_RENDERS', 7);

  /** Milliseconds from navigating to `url` until `ready` is visible, in a fresh context; and the JS it loaded. */
  async function render(url: string, ready: string) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // Signed in before the clock starts (the cookie lands in the context): the figure is the render after sign-in.
    const signIn = await context.request.post(`${hub.url}/auth/session`, { data: credentials });
    if (!signIn.ok()) throw new Error(`sign-in refused: ${signIn.status()}`);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const start = Date.now();
    await page.goto(`${hub.url}${url}`);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    const ms = Date.now() - start;
    await context.close();
    return { ms, scripts };
  }

  const gz = (p: string) => gzipSync(fs.readFileSync(path.join(CONSOLE_DIR, p.replace(/^\/console\//, '')))).length;

  console.log(machine());
  console.log(`data: ${district.counts.resources} resources, ${district.counts.interfaces} interfaces, ${district.counts.runs} aggregation runs`);
  await render('/console/dashboard', '[data-testid="nd-catalogued"]'); // warms the hub's statements, not the browser
  for (const [label, url, ready] of [
    ['dashboard after sign-in: six figures shown', '/console/dashboard', '[data-testid="nd-catalogued"]'],
    ['dashboard after sign-in: chart drawn', '/console/dashboard', '.hub-chart canvas'],
    ['catalogue search "资助": first row of results', '/console/catalogue?q=%E8%B5%84%E5%8A%A9', '.ant-table-row'],
  ]) {
    const runs = [];
    for (let i = 0; i < renders; i++) runs.push(await render(url, ready));
    const ms = runs.map((r) => r.ms);
    console.log(
      `  ${label.padEnd(48)} median ${String(median(ms)).padStart(5)} ms   min ${String(Math.min(...ms)).padStart(5)} ms   max ${String(Math.max(...ms)).padStart(5)} ms`,
    );
  }

  const first = await render('/console/dashboard', '[data-testid="nd-catalogued"]');
  const firstScripts = [...new Set(first.scripts)];
  const chart = fs.readdirSync(path.join(CONSOLE_DIR, 'assets')).filter((f) => f.startsWith('OrgBarChart-') && f.endsWith('.js'));
  const initial = firstScripts.filter((s) => !chart.some((c) => s.endsWith(c)));
  const initialBytes = initial.reduce((sum, s) => sum + gz(s), 0);
  console.log(`  JavaScript of the first page (dashboard), gzipped: ${kB(initialBytes)} in ${initial.length} files (target ≤ 600 kB)`);
  for (const c of chart) console.log(`  chart code, loaded on demand, gzipped:          ${kB(gz(`assets/${c}`))}`);

  await browser.close();
  await district.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
