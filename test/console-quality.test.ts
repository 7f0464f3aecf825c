/// <reference lib="dom" />
/**
 * The console as people use it (issue 11, Quality), in real Chromium at 1366×768 over the demo
 * district: Tab reaches every control of a page and the focused one is visibly marked; every
 * input and select has an accessible name (checked at each screenshot by the journeys' support);
 * the page fits the screen's width; the Chinese fonts are named, with fallbacks.
 */
import type { Page } from 'playwright-core';
import { Role } from '../src/common/role.enums';
import { consoleJourneys, idle } from './support/console';

jest.setTimeout(180_000);

const journeys = consoleJourneys();

/** Tabs through the page once round; answers each control that got the focus and whether its focus showed. */
async function tabRound(page: Page, max = 400): Promise<{ reached: string[]; unmarked: string[]; controls: { key: string; what: string }[] }> {
  await page.evaluate(() => {
    let n = 0;
    // A radio group is one stop of the Tab order (the arrows move within it): its radios share a key.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')))
      el.dataset.tabKey ??= el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : String(n++);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const reached = new Set<string>();
  const unmarked: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // Marked when the control or a close ancestor (an Ant Design select's box) draws an outline or a focus shadow.
      let marked = false;
      for (let e: HTMLElement | null = el, up = 0; e && up < 5 && !marked; e = e.parentElement, up++) {
        const s = getComputedStyle(e);
        marked = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      }
      return { key: el.dataset.tabKey ?? `new:${el.outerHTML.slice(0, 80)}`, what: el.outerHTML.slice(0, 120), marked };
    });
    if (!at) continue;
    if (reached.has(at.key)) break; // round the page once
    reached.add(at.key);
    if (!at.marked) unmarked.push(at.what);
  }
  const controls = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, [tabindex="0"]'),
    )
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]') && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ key: el.dataset.tabKey ?? '', what: el.outerHTML.slice(0, 160) })),
  );
  return { reached: [...reached], unmarked, controls };
}

describe('the console as people use it', () => {
  it.each([
    ['dashboard', '/console/dashboard', '[data-testid="nd-catalogued"]'],
    ['catalogue', '/console/catalogue', '.ant-table-row'],
  ])('%s: Tab reaches every control, the focus shows, the page fits 1366 px, the fonts are Chinese', async (name, url, ready) => {
    const w = await journeys.signedIn(Role.BIG_DATA_BUREAU);
    const { page } = w;
    await page.goto(`${journeys.hub.url}${url}`);
    await page.locator(ready).first().waitFor();
    await idle(page);
    await w.shot(`quality-${name}`); // also: every input has a label

    const { reached, unmarked, controls } = await tabRound(page);
    expect(controls.length).toBeGreaterThan(5);
    expect(controls.filter((c) => !reached.includes(c.key)).map((c) => c.what)).toEqual([]);
    expect(unmarked).toEqual([]);

    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1366);
    const fonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    for (const font of ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'sans-serif']) expect(fonts).toContain(font);
  });
});
