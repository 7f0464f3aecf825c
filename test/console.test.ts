/**
 * The web console, one journey per role, in real Chromium over a hub on real PostgreSQL with the
 * demo district: sign in, do the role's main task end to end, see the result. Nothing may leave
 * the machine and the console may log no error. Screenshots land in test/screenshots/console/.
 */
import type { Browser, Page } from 'playwright-core';
import { Role } from '../src/modules/auth/role.enum';
import { launch, watchedPage, Watched } from './support/browser';
import { startTestHub, TestHub } from './support/hub';

jest.setTimeout(180_000);

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub({}, 'demo'), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

let open: Watched[] = [];
afterEach(async () => {
  const all = open;
  open = [];
  for (const w of all) {
    await w.close();
    expect(w.outside).toEqual([]);
    expect(w.problems).toEqual([]);
  }
});

/** A signed-in console for `role` (in `creditCode`'s organisation), on its landing page. */
async function signedIn(role: Role, creditCode?: string): Promise<Watched & { go(path: string): Promise<void> }> {
  const token = await hub.token(role, creditCode);
  const w = await watchedPage(browser, 'console', { extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  open.push(w);
  await w.page.goto(`${hub.url}/console/`);
  await w.page.locator('nav[aria-label="主菜单"]').waitFor();
  return { ...w, go: (path: string) => menu(w.page, path) };
}

/** Follows a menu entry by its text. */
async function menu(page: Page, text: string): Promise<void> {
  await page.getByRole('menuitem', { name: text }).click();
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

/** Picks `option` in the Ant Design select labelled `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The error shown beside the form field labelled `label`. */
const fieldError = (page: Page, label: string) =>
  page.locator('.ant-form-item', { has: page.locator(`label:text-is("${label}")`) }).locator('.ant-form-item-explain-error');

const idle = (page: Page) => page.waitForLoadState('networkidle');

describe('the console in Chromium', () => {
  it('big-data bureau: the dashboard, drill-down to a project’s gaps, the catalogue, and publishing moves 编目率', async () => {
    const w = await signedIn(Role.BIG_DATA_BUREAU);
    const { page } = w;
    await page.waitForURL(/\/console\/dashboard$/);
    const catalogued = page.getByTestId('nd-catalogued');
    await catalogued.waitFor();
    const before = (await catalogued.textContent())!.split(' / ').map(Number);
    expect(before[1]).toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor(); // the chart, loaded on demand
    await expect(page.getByText('统计时点：')).toBeTruthy();
    await w.shot('bureau-dashboard');

    // Keyboard: the first Tab reaches the skip link, which jumps to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');

    // Drill down: an organisation (the table under the chart) → its projects → a project's gaps.
    const orgLink = page.locator('table').last().locator('.ant-table-row a').first();
    const orgName = (await orgLink.textContent())!;
    await orgLink.click();
    await page.getByRole('heading', { name: `${orgName}：项目完整性` }).waitFor();
    await idle(page);
    await w.shot('bureau-organization');
    await page.locator('.ant-table-row a').first().click();
    await page.getByText('项目进度').waitFor();
    await idle(page);
    await page.getByText('本项目缺口').waitFor();
    await w.shot('bureau-project');

    // The district's gap list, filtered by reason.
    await w.go('缺口清单');
    await page.getByText('全区缺口').waitFor();
    await idle(page);
    const totalText = async () => (await page.getByText(/^共 \d+ 条/).textContent())!;
    const all = Number(/共 (\d+) 条/.exec(await totalText())![1]);
    await choose(page, '缺口原因', '未发布');
    await page.keyboard.press('Escape');
    await page.waitForFunction((n) => /共 (\d+) 条/.exec(document.body.innerText)?.[1] !== String(n), all);
    const unpublished = Number(/共 (\d+) 条/.exec(await totalText())![1]);
    expect(unpublished).toBeGreaterThan(0);
    expect(unpublished).toBeLessThan(all);
    for (const cell of await page.locator('.ant-table-row > td:nth-child(3)').allTextContents()) expect(cell).toBe('未发布（编目率）');
    await w.shot('bureau-gaps');

    // The catalogue: a Chinese search narrows the list and the facet counts follow it.
    await w.go('资源目录');
    await idle(page);
    const listed = Number(/共 (\d+) 条/.exec(await totalText())![1]);
    await page.getByLabel('搜索（资源名称、代码、摘要）').fill('信息');
    await page.getByLabel('搜索（资源名称、代码、摘要）').press('Enter');
    await page.waitForFunction((n) => /共 (\d+) 条/.exec(document.body.innerText)?.[1] !== String(n), listed);
    const found = Number(/共 (\d+) 条/.exec(await totalText())![1]);
    expect(found).toBeGreaterThan(0);
    for (const name of await page.locator('.ant-table-row > td:nth-child(2)').allTextContents()) expect(name.length).toBeGreaterThan(0);
    await page.getByLabel('共享类型', { exact: true }).click();
    const counts = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents();
    expect(counts.map((c) => Number(/（(\d+)）/.exec(c)![1])).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(found);
    await page.keyboard.press('Escape');
    await w.shot('catalogue-search');
    await page.locator('.ant-table-row a').first().click();
    await page.getByText('元数据').first().waitFor();
    await idle(page);
    await w.shot('resource');

    // The review queue: publish the first submitted entry (第五条) …
    await w.go('审核队列');
    await idle(page);
    const first = page.locator('.ant-table-row').first();
    const name = (await first.locator('td').nth(1).textContent())!;
    await w.shot('review-queue');
    await page.getByRole('button', { name: `发布 ${name}` }).click();
    await page.getByText(/已发布 .*（第 \d+ 版）/).waitFor();
    await page.getByRole('cell', { name, exact: true }).waitFor({ state: 'detached' });

    // … and the dashboard's 编目率 counts it.
    await w.go('完整性看板');
    await page.waitForFunction(([n, d]) => document.querySelector('[data-testid="nd-catalogued"]')?.textContent === `${n} / ${d}`, [before[0] + 1, before[1]]);

    // Returning one asks for the reason first.
    await w.go('审核队列');
    await idle(page);
    const next = (await page.locator('.ant-table-row').first().locator('td').nth(1).textContent())!;
    await page.getByRole('button', { name: `退回 ${next}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: '退 回' }).click();
    await fieldError(page, '退回理由').getByText('请填写退回理由（第五条）').waitFor();
    await page.getByLabel('退回理由').fill('共享条件不明确，请补充申请材料要求');
    await page.getByRole('dialog').getByRole('button', { name: '退 回' }).click();
    await page.getByText(/^已退回 /).waitFor();
  });
});

// Ant Design's locator helpers above wait on their own; this keeps `expect` of a promise honest.
async function expectVisible(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor();
}
void expectVisible;
