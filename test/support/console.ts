/// <reference lib="dom" />
/**
 * What the console journeys share: a hub with the demo district and Chromium for the spec file,
 * signing in through the form as a role's demo user, following the menu, picking a select's
 * option, and the error shown beside a field. Every page opened is checked on close: no request
 * left the machine, no console error.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/role.enums';
import { APPLICATION_KINDS } from './acceptance';
import { launch, NO_BROWSER, runsBrowser, watchedPage, Watched } from './browser';
import { startTestHub, TestHub } from './hub';

export interface ConsolePage extends Watched {
  go(menuText: string): Promise<void>;
}

/**
 * A console journey: a spec of the file when the browser specs run (see runsBrowser); without
 * Chromium none is registered, and the file reports one skipped line with the reason instead.
 */
export const journey = ((name: string, fn: jest.ProvidesCallback, timeout?: number) => {
  if (runsBrowser()) it(name, fn, timeout);
}) as (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/** Sets up the hub and the browser for the file; `ctx.hub` and `ctx.signedIn(role)` are usable in its specs. */
export function consoleJourneys(): {
  readonly hub: TestHub;
  signedIn(role: Role, creditCode?: string, allowStatus?: (url: string, status: number) => boolean): Promise<ConsolePage>;
  /** A page not yet signed in, checked on close like every other. */
  opened(allowStatus?: (url: string, status: number) => boolean): Promise<Watched>;
} {
  let hub: TestHub;
  let browser: Browser;
  let open: Watched[] = [];
  if (!runsBrowser()) {
    const file = path.basename(expect.getState().testPath ?? 'console journeys');
    it.skip(`${file}, the console journeys in Chromium: ${NO_BROWSER}`, () => undefined);
  }
  beforeAll(async () => {
    if (!runsBrowser()) return;
    // Both are kept whichever fails, so that afterAll closes what did start (a hub left running
    // keeps its pool and server open in the worker after the file).
    const [started, launched] = await Promise.allSettled([startTestHub({}, 'demo'), launch()]);
    if (started.status === 'fulfilled') hub = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const r of [started, launched]) if (r.status === 'rejected') throw r.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });
  afterEach(async () => {
    const all = open;
    open = [];
    for (const w of all) {
      await w.close();
      expect(w.outside).toEqual([]);
      expect(w.problems).toEqual([]);
    }
  });
  async function opened(allowStatus?: (url: string, status: number) => boolean): Promise<Watched> {
    const w = await watchedPage(browser, 'console', { allowStatus });
    open.push(w);
    return w;
  }
  return {
    get hub() {
      return hub;
    },
    opened,
    async signedIn(role: Role, creditCode?: string, allowStatus?: (url: string, status: number) => boolean) {
      const { login, password } = await hub.credentials(role, creditCode);
      const w = await opened(allowStatus);
      await w.page.goto(`${hub.url}/console/`);
      await w.page.getByLabel('登录名').fill(login);
      await w.page.getByLabel('密码').fill(password);
      await w.page.getByRole('button', { name: /登\s*录/ }).click();
      await w.page.locator('nav[aria-label="主菜单"]').waitFor();
      return { ...w, go: (text: string) => menu(w.page, text) };
    },
  };
}

/** Follows a menu entry by its text. */
export async function menu(page: Page, text: string): Promise<void> {
  await page.getByRole('menuitem', { name: text }).click();
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** Picks `option` in the Ant Design select labelled `label` by the option's own click event (a pointer click can land beneath the opening dropdown). */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  await item.dispatchEvent('click');
}

/** The error shown beside the form field labelled `label`. */
export const fieldError = (page: Page, label: string) =>
  page.locator('.ant-form-item', { has: page.locator(`label:text-is("${label}")`) }).locator('.ant-form-item-explain-error');

export const idle = (page: Page) => page.waitForLoadState('networkidle');

/** The "共 N 条" total of the (first) paged table on the page. */
export async function total(page: Page): Promise<number> {
  const text = (await page
    .getByText(/^共 \d+ 条/)
    .first()
    .textContent())!;
  return Number(/共 (\d+) 条/.exec(text)![1]);
}

/** Waits until the paged table's total differs from `n`. */
export const totalChanges = (page: Page, n: number) => page.waitForFunction((was) => /共 (\d+) 条/.exec(document.body.innerText)?.[1] !== String(was), n);

/**
 * The health commission applies for acceptance of its demo project in trial operation
 * (SC-2025-0007, 第二十五条) with the four documents; answers the application's id.
 */
export async function applyForAcceptance(hub: TestHub, unit: string): Promise<string> {
  const project = (await hub.gql(`{ project(code: "SC-2025-0007") { id status } }`, {}, unit)).data.project;
  expect(project.status).toBe('TRIAL_OPERATION');
  const documents = APPLICATION_KINDS.map((kind, i) => ({ kind, title: kind, fileName: `${kind}.pdf`, sha256: String(i).repeat(64) }));
  const applied = await hub.gql(
    `mutation($input: AcceptanceApplyInput!) { acceptanceApply(input: $input) { acceptanceApplication { id } userErrors { message } } }`,
    { input: { projectId: project.id, documents } },
    unit,
  );
  expect(applied.data.acceptanceApply.userErrors).toEqual([]);
  return applied.data.acceptanceApply.acceptanceApplication.id;
}

/** On an application's page: the result 通过 on `date` (YYYY-MM-DD), with the three report files named (第二十五条). */
export async function passWithReports(page: Page, date: string): Promise<void> {
  await choose(page, '验收结果', '通过');
  await page.getByLabel('验收日期').fill(date);
  await page.getByLabel('验收日期').press('Tab');
  for (const [label, file] of [
    ['信息资源共享清单（文件名）', '共享清单.xlsx'],
    ['软硬件产品网络安全可控资料（文件名）', '安全可控.pdf'],
    ['技术开发文档（文件名）', '技术文档.pdf'],
  ]) {
    await page.getByLabel(label).fill(file);
  }
}
