/// <reference lib="dom" />
/**
 * Real Chromium (Debian's, through playwright-core) against a test hub: every request that would
 * leave the machine is blocked and recorded, every console error, page error and failed response
 * is recorded, and each page can be saved as a screenshot under test/screenshots/ (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium; CHROMIUM names another binary (or, naming none, shows what a machine without it reports). */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');

/** Why a browser spec does not run here: the one line a skipped one reports, naming the install command. */
export const NO_BROWSER = `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium) to run the browser specs`;
/** REQUIRE_BROWSER=1 (as .ci/run sets) makes a missing Chromium a failure, never a skip. */
export const BROWSER_REQUIRED = process.env.REQUIRE_BROWSER === '1';
/** Whether the browser specs run: Chromium is there, or it is required (and its absence then fails them). */
export const runsBrowser = (): boolean => fs.existsSync(CHROMIUM) || BROWSER_REQUIRED;

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(BROWSER_REQUIRED ? `${NO_BROWSER} (REQUIRE_BROWSER=1)` : NO_BROWSER);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The visible form controls of the page that have no accessible name (label, aria-label or aria-labelledby). */
export function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea'));
    return controls
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'))
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title))
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

export interface Watched {
  page: Page;
  /** URLs the page tried to reach off this machine (all blocked). */
  outside: string[];
  /** Console errors and warnings, page errors, responses ≥ 400 other than those `expectStatus` allows. */
  problems: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser context at 1366×768 (common on government desktops), watched. */
export async function watchedPage(
  browser: Browser,
  folder: string,
  opts: { extraHTTPHeaders?: Record<string, string>; allowStatus?: (url: string, status: number) => boolean } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    extraHTTPHeaders: opts.extraHTTPHeaders,
  });
  const page = await context.newPage();
  const outside: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || ['127.0.0.1', 'localhost'].includes(url.hostname)) return route.continue();
    outside.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !opts.allowStatus?.(res.url(), res.status())) problems.push(`${res.status()} ${res.url()}`);
  });
  const dir = path.join(SCREENSHOTS, folder);
  fs.mkdirSync(dir, { recursive: true });
  return {
    page,
    outside,
    problems,
    shot: async (name) => {
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
      for (const what of await unlabelled(page)) problems.push(`${name}: input without a label: ${what}`);
    },
    close: () => context.close(),
  };
}
