/// <reference lib="dom" />
/**
 * The auditor's console journey in Chromium: the audit log filtered by object type, operation,
 * actor and a Beijing date range, paged by its connection, a project's history, and the chain
 * verified (第三十四条). Screenshots land in test/screenshots/console/.
 */
import { Role } from '../src/common/role.enums';
import { choose, consoleJourneys, fieldError, idle, total, totalChanges, journey } from './support/console';

jest.setTimeout(180_000);

const ctx = consoleJourneys();

journey('auditor: filters the audit log, opens a project’s history and verifies the chain', async () => {
  // A unit creates a project and renames it: two entries about one object.
  const unit = await ctx.hub.token(Role.PROJECT_UNIT);
  const created = await ctx.hub.gql(
    `mutation($input: ProjectCreateInput!) { projectCreate(input: $input) { project { id lockVersion } userErrors { message } } }`,
    { input: { name: '审计日志演示项目', category: 'NEW', planYear: 2027, totalBudget: '500000' } },
    unit,
  );
  expect(created.data.projectCreate.userErrors).toEqual([]);
  const project = created.data.projectCreate.project;
  const updated = await ctx.hub.gql(
    `mutation($input: ProjectUpdateInput!) { projectUpdate(input: $input) { userErrors { message } } }`,
    { input: { projectId: project.id, lockVersion: project.lockVersion, changes: { name: '审计日志演示项目（改名）' } } },
    unit,
  );
  expect(updated.data.projectUpdate.userErrors).toEqual([]);

  const w = await ctx.signedIn(Role.AUDITOR);
  const { page } = w;
  /** Picks an operation in the 操作 select by typing part of its Chinese name. */
  const pickOperation = async (typed: string, option: string) => {
    await page.getByLabel('操作', { exact: true }).fill(typed);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().dispatchEvent('click');
  };
  await w.go('审计日志');
  await page.getByRole('heading', { name: '审计日志' }).waitFor();
  await idle(page);
  const all = await total(page);
  expect(all).toBeGreaterThanOrEqual(2);

  // The chain holds over the whole log.
  await page.getByRole('button', { name: '校验审计链' }).click();
  await page
    .getByRole('status', { name: '审计链校验结果' })
    .getByText(/^审计链完整：已校验 \d+ 条$/)
    .waitFor();

  // Filtered to the project's entries: its id and type.
  await choose(page, '对象类型', '项目');
  await page.keyboard.press('Escape');
  await page.getByLabel('对象ID').fill(project.id);
  await page.getByRole('button', { name: '查 询' }).click();
  await totalChanges(page, all);
  expect(await total(page)).toBe(2);
  const operations = await page.locator('.ant-table-row > td:nth-child(4)').allTextContents();
  // each operation by the Chinese name its mutation's schema description starts with
  expect(operations).toEqual(['修改草稿或未通过评审的项目（projectUpdate）', '新建项目（projectCreate）']);
  // Recorded today, Beijing time.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  for (const at of await page.locator('.ant-table-row > td:nth-child(3)').allTextContents()) expect(at.slice(0, 10)).toBe(today);
  // An entry opens to the fields it changed, before and after.
  await page.locator('.ant-table-row .ant-table-row-expand-icon').first().click();
  await page.getByRole('cell', { name: '"审计日志演示项目（改名）"', exact: true }).waitFor();
  await w.shot('auditor-audit-log');

  // The project's own history (auditHistory).
  await page
    .getByRole('button', { name: /^审计历史 / })
    .first()
    .click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('项目的审计历史：审计日志演示项目（改名）').waitFor();
  await drawer.getByRole('cell', { name: '新建项目（projectCreate）', exact: true }).waitFor();
  await w.shot('auditor-object-history');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // By operation only (picked by its Chinese name), then by actor (a click on the actor's name keeps the other filters).
  await page.getByRole('button', { name: '重 置' }).click();
  await pickOperation('修改草稿', '（projectUpdate）');
  await page.getByRole('button', { name: '查 询' }).click();
  await page.waitForFunction(() => /共 (\d+) 条/.exec(document.body.innerText)?.[1] === '1');
  await page
    .locator('.ant-table-row')
    .first()
    .getByRole('button', { name: /^只看 / })
    .click();
  await page
    .getByLabel('操作人ID')
    .and(page.locator(`[value="${await ctx.hub.userId(Role.PROJECT_UNIT)}"]`))
    .waitFor();
  expect(await total(page)).toBe(1);

  // The auditor's own sign-in through the console's form is a 登录 (sessionCreate) by name, not a 'system' entry.
  await page.getByRole('button', { name: '重 置' }).click();
  await idle(page);
  await pickOperation('登录', '登录（sessionCreate）');
  await page.getByRole('button', { name: '查 询' }).click();
  const [{ name: auditorName }] = await ctx.hub.ds.query(`SELECT name FROM hub_user WHERE id = $1`, [await ctx.hub.userId(Role.AUDITOR)]);
  await page
    .locator('.ant-table-row')
    .getByRole('button', { name: `只看 ${auditorName} 的操作` })
    .first()
    .waitFor();
  expect(await page.locator('.ant-table-row > td:nth-child(4)').allTextContents()).toContain('登录（sessionCreate）');

  // An object id that is no id, and a start after the end, are refused beside their fields, with no total of a list not read.
  await page.getByRole('button', { name: '重 置' }).click();
  await idle(page);
  await page.getByLabel('对象ID').fill('x');
  await page.getByRole('button', { name: '查 询' }).click();
  await fieldError(page, '对象ID').getByText('对象ID格式无效（应为 UUID）').waitFor();
  expect(await page.getByText(/^共 \d+ 条/).count()).toBe(0);
  expect(await page.locator('.ant-alert-error').count()).toBe(0); // no alert above the table: the error is beside the field
  await w.shot('auditor-bad-target-id');
  await page.getByLabel('对象ID').fill('');
  await page.getByLabel('起始日期（北京时间，含）').fill('2026-03-05');
  await page.getByLabel('截止日期（北京时间，含）').fill('2026-03-01');
  await page.getByRole('button', { name: '查 询' }).click();
  await fieldError(page, '截止日期（北京时间，含）').getByText('截止时间须晚于起始时间').waitFor();
  await fieldError(page, '对象ID').waitFor({ state: 'detached' });
  expect(await page.getByText(/^共 \d+ 条/).count()).toBe(0);

  // A date range before today holds none of them.
  await page.getByRole('button', { name: '重 置' }).click();
  await idle(page);
  await page.getByLabel('起始日期（北京时间，含）').fill('2020-01-01');
  await page.getByLabel('截止日期（北京时间，含）').fill('2020-01-31');
  await page.getByRole('button', { name: '查 询' }).click();
  await page.waitForFunction(() => /共 (\d+) 条/.exec(document.body.innerText)?.[1] === '0');
  // And the chain over that range checks nothing.
  await page.getByRole('button', { name: '校验审计链' }).click();
  await page.getByRole('status', { name: '审计链校验结果' }).getByText('审计链完整：已校验 0 条').waitFor();
});
