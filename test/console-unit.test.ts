/// <reference lib="dom" />
/**
 * The project unit's console journeys in Chromium: the Excel import of a project's entries (the
 * template downloaded, a dry run refusing a row in the row-error table, then the real import),
 * and editing a published entry, whose changes go to its pending revision until the bureau
 * publishes it; and the person’s own reminder address in 个人设置. Screenshots land in test/screenshots/console/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/common/role.enums';
import { consoleJourneys, fieldError, idle, journey, total } from './support/console';
import { filledTemplate, row } from './support/exchange';

jest.setTimeout(180_000);

const ctx = consoleJourneys();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'console-unit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

journey('project unit: downloads the template, a dry run shows the refused row, the corrected file is imported', async () => {
  const unit = await ctx.hub.token(Role.PROJECT_UNIT);
  const listed = await ctx.hub.gql(`{ projects(first: 50, filter: { status: APPROVED }) { edges { node { id code } } } }`, {}, unit);
  const project = listed.data.projects.edges[0].node as { id: string; code: string };
  const entries = async () =>
    (
      await ctx.hub.gql(
        `query($id: ID!) { resources(first: 100, filter: { projectId: $id }) { totalCount edges { node { name } } } }`,
        { id: project.id },
        unit,
      )
    ).data.resources as { totalCount: number; edges: { node: { name: string } }[] };
  const before = await entries();

  // Rows refused by the importer answer 422 (Chromium logs that response): allowed for the import only.
  const w = await ctx.signedIn(Role.PROJECT_UNIT, undefined, (url, status) => url.includes('/catalogue/import') && status === 422);
  const { page } = w;
  await page.goto(`${ctx.hub.url}/console/projects/${project.code}`);
  await page.getByText('项目进度').waitFor();
  await page.getByRole('link', { name: 'Excel 批量导入' }).click();
  await page.getByRole('heading', { name: `Excel 批量导入信息资源（项目 ${project.code}）` }).waitFor();

  // The template, downloaded from the hub by the page's link.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载信息资源目录导入模板（.xlsx）' }).click()]);
  expect(download.suggestedFilename()).toBe('信息资源目录模板.xlsx');
  const template = fs.readFileSync((await download.path())!);

  // Filled with a good row and one without its name: the dry run refuses that row and writes nothing.
  const good = row({ 信息资源名称: '学生资助发放明细（导入）' });
  const bad = await filledTemplate(template, [good, row({ 信息资源名称: '' })]);
  const badFile = path.join(tmp, '资源目录-有错.xlsx');
  fs.writeFileSync(badFile, bad);
  await page.getByLabel('已填写的模板文件（.xlsx 或 .csv）').setInputFiles(badFile);
  expect(await page.getByRole('button', { name: '正式导入' }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: '试导入（不写入）' }).click();
  const status = page.getByRole('status', { name: '导入结果' });
  await status.getByText(/^发现 \d+ 处错误，未写入任何数据/).waitFor();
  const errors = page.getByRole('table').last();
  const first = errors.locator('tbody tr').first();
  const cells = await first.locator('td').allTextContents();
  expect(cells.slice(0, 3)).toEqual(['信息资源目录', '4', '信息资源名称']);
  expect(cells[4]).toMatch(/[\u4e00-\u9fa5]/);
  expect(await page.getByRole('button', { name: '正式导入' }).isDisabled()).toBe(true);
  await w.shot('unit-import-errors');
  expect((await entries()).totalCount).toBe(before.totalCount);

  // The corrected file: the dry run passes, then the real import writes it.
  const fixedFile = path.join(tmp, '资源目录.xlsx');
  fs.writeFileSync(fixedFile, await filledTemplate(template, [good]));
  await page.getByLabel('已填写的模板文件（.xlsx 或 .csv）').setInputFiles(fixedFile);
  await page.getByRole('button', { name: '试导入（不写入）' }).click();
  await status.getByText('试导入通过：1 行均无错误，尚未写入，可正式导入').waitFor();
  expect((await entries()).totalCount).toBe(before.totalCount);
  await page.getByRole('button', { name: '正式导入' }).click();
  await status.getByText('已导入 1 行：新增 1 条、修改 0 条、未变化 0 行，登记接口 0 个').waitFor();
  await idle(page);
  await w.shot('unit-import-done');
  const after = await entries();
  expect(after.totalCount).toBe(before.totalCount + 1);
  expect(after.edges.map((e) => e.node.name)).toContain('学生资助发放明细（导入）');

  // The same file once more: its row is the entry as it stands, so the dry run and the import both count it 未变化, not 修改.
  const clerk = await ctx.hub.userId(Role.PROJECT_UNIT);
  const logged = async () => (await ctx.hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE actor_id = $1`, [clerk]))[0].n;
  const loggedBefore = await logged();
  await page.reload();
  await page.getByLabel('已填写的模板文件（.xlsx 或 .csv）').setInputFiles(fixedFile);
  await page.getByRole('button', { name: '试导入（不写入）' }).click();
  await status.getByText('试导入通过：1 行均无错误，尚未写入，可正式导入').waitFor();
  const summary = async () =>
    Object.fromEntries(
      await page.locator('.ant-descriptions-item-label').evaluateAll((labels) => labels.map((l) => [l.textContent, l.nextElementSibling?.textContent])),
    );
  expect(await summary()).toMatchObject({ 新增资源: '0', 修改资源: '0', 未变化: '1' });
  await page.getByRole('button', { name: '正式导入' }).click();
  await status.getByText('已导入 1 行：新增 0 条、修改 0 条、未变化 1 行，登记接口 0 个').waitFor();
  expect(await summary()).toMatchObject({ 新增资源: '0', 修改资源: '0', 未变化: '1' });
  expect(await logged()).toBe(loggedBefore);

  // Chromium logs the 422 of the refused dry run itself; that line is the only one allowed.
  w.problems.splice(0, w.problems.length, ...w.problems.filter((p) => !/status of 422/.test(p)));
});

journey(
  'project unit: two successive edits of a published entry both land in its revision; the published version stays until the bureau publishes',
  async () => {
    const unit = await ctx.hub.token(Role.PROJECT_UNIT);
    const bureau = await ctx.hub.token(Role.BIG_DATA_BUREAU);
    const READ = `query($id: ID!) { resource(id: $id) { id name summary status version revision { status version entry { name summary } } } }`;
    const published = await ctx.hub.gql(
      `{ resources(first: 100, filter: { status: PUBLISHED }) { edges { node { id name summary provider { creditCode } revision { status } } } } }`,
      {},
      unit,
    );
    const entry = published.data.resources.edges
      .map((e: { node: unknown }) => e.node)
      .find((r: { revision: unknown; provider: { creditCode: string } }) => r.revision === null && r.provider.creditCode === '11321302014000095L') as {
      id: string;
      name: string;
      summary: string | null;
    };
    expect(entry).toBeDefined();
    const read = async (token = unit) => (await ctx.hub.gql(READ, { id: entry.id }, token)).data.resource;
    const version = (await read()).version as number;

    const w = await ctx.signedIn(Role.PROJECT_UNIT);
    const { page } = w;
    const edit = async () => {
      await page.goto(`${ctx.hub.url}/console/resources/${entry.id}/edit`);
      await page.getByRole('heading', { name: /^修改信息资源：/ }).waitFor();
      await idle(page);
    };

    // First edit: the summary. The form says a revision will be opened; the published version stays.
    await edit();
    await page.getByRole('note', { name: '修订说明' }).getByText(`本条目已发布（第 ${version} 版）：保存后将另起修订`, { exact: false }).waitFor();
    await page.getByLabel('摘要').fill('修订：补充发放时间与金额口径');
    await page.getByRole('button', { name: '保 存' }).click();
    await page.getByText('已保存到修订，已发布版本不变').waitFor();
    expect(await read()).toMatchObject({
      name: entry.name,
      summary: entry.summary,
      revision: { status: 'DRAFT', entry: { summary: '修订：补充发放时间与金额口径' } },
    });

    // Second edit: the form loads the revision (the first edit is there), the name changes, the summary stays.
    await edit();
    await page
      .getByRole('note', { name: '修订说明' })
      .getByText(`正在修改修订（第 ${version + 1} 版，修订中）`, { exact: false })
      .waitFor();
    expect(await page.getByLabel('摘要').inputValue()).toBe('修订：补充发放时间与金额口径');
    await page.getByLabel('信息资源名称').fill(`${entry.name}（修订）`);
    // 更新周期 in its natural order; 关联资源代码 split as the workbook's column is; a date that does not exist is refused beside its field.
    await page.getByLabel('更新周期', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor(); // the list is open before it is read
    expect(await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents()).toEqual([
      '实时',
      '每日',
      '每周',
      '每月',
      '每季度',
      '每半年',
      '每年',
      '不定期',
    ]);
    await page.keyboard.press('Escape');
    await page.getByText('多个代码以分号或逗号分隔').waitFor();
    const dated = await page.getByLabel('发布日期').inputValue();
    await page.getByLabel('发布日期').fill('2026-13-45');
    await page.getByRole('button', { name: '保 存' }).click();
    await fieldError(page, '发布日期').getByText('日期无效：发布日期「2026-13-45」不存在').waitFor();
    await page.getByLabel('发布日期').fill(dated);
    await page.getByRole('button', { name: '添加信息项' }).click();
    await page
      .getByLabel(/^第 \d+ 项名称$/)
      .last()
      .fill('发放批次');
    await page.getByLabel('长度', { exact: true }).last().fill('10');
    await w.shot('unit-resource-revision-form');
    await page.getByRole('button', { name: '保 存' }).click();
    await page.getByText('已保存到修订，已发布版本不变').waitFor();
    const both = await read();
    expect(both).toMatchObject({
      status: 'PUBLISHED',
      version,
      name: entry.name,
      summary: entry.summary,
      revision: { status: 'DRAFT', version: version + 1, entry: { name: `${entry.name}（修订）`, summary: '修订：补充发放时间与金额口径' } },
    });

    // The entry page shows the revision beside the published version: its status, what it changes, and 提交审核.
    const card = page.locator('#revision');
    await card.getByText(`待发布的修订：第 ${version + 1} 版`).waitFor();
    await card.locator('.ant-tag', { hasText: '修订中' }).waitFor();
    const diff = card.getByRole('table', { name: '修订差异' });
    const diffRow = (field: string) => diff.locator('.ant-table-row', { has: page.getByRole('cell', { name: field, exact: true }) });
    expect(await diffRow('信息资源名称').locator('td').allTextContents()).toEqual(['信息资源名称', entry.name, `${entry.name}（修订）`]);
    expect(await diffRow('摘要').locator('td').nth(2).textContent()).toBe('修订：补充发放时间与金额口径');
    expect(await diffRow('新增信息项「发放批次」').locator('td').allTextContents()).toEqual(['新增信息项「发放批次」', '—', '类型 字符型 C，长度 10']);
    await w.shot('unit-resource-revision');
    await card.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('修订已提交大数据管理局审核').waitFor();
    await card.locator('.ant-tag', { hasText: '待审核' }).waitFor();
    expect(await card.getByRole('button', { name: '提交审核' }).count()).toBe(0);
    expect(await read(bureau)).toMatchObject({ name: entry.name, version, revision: { status: 'SUBMITTED' } });

    // The bureau reaches the revision and its diff from the review queue's row, and publishes it from the entry page;
    // the to-do badge follows at once, without leaving the page.
    const b = await ctx.signedIn(Role.BIG_DATA_BUREAU);
    await b.go('审核队列');
    await b.page.getByRole('link', { name: `查看 ${entry.name} 的修订差异` }).click();
    const seen = b.page.locator('#revision');
    await seen.getByRole('table', { name: '修订差异' }).getByRole('cell', { name: '新增信息项「发放批次」', exact: true }).waitFor();
    await idle(b.page);
    await b.shot('bureau-revision-diff');
    const badge = b.page.getByRole('button', { name: /^我的待办：\d+ 项$/ });
    const todos = Number(/(\d+)/.exec((await badge.getAttribute('aria-label'))!)![1]);
    await seen.getByRole('button', { name: `发布 ${entry.name}` }).click();
    await b.page
      .getByText(`（第 ${version + 1} 版）`, { exact: false })
      .first()
      .waitFor();
    await b.page.getByRole('button', { name: `我的待办：${todos - 1} 项` }).waitFor();
    expect(await read(bureau)).toMatchObject({ name: `${entry.name}（修订）`, summary: '修订：补充发放时间与金额口径', version: version + 1, revision: null });

    // The published versions compared: the fields by their Chinese names, the data item added by name.
    const versions = b.page.getByRole('table', { name: '版本差异' });
    await versions.getByRole('cell', { name: '摘要', exact: true }).waitFor();
    expect(await versions.getByRole('cell', { name: '新增信息项「发放批次」', exact: true }).count()).toBe(1);
    expect(await versions.getByRole('cell', { name: 'summary', exact: true }).count()).toBe(0);

    // Each version's publisher by name: the bureau's reviewer, for the new one and for the demo's own (the seed publishes as her); never an id.
    const [{ name: reviewer }] = await ctx.hub.ds.query(`SELECT name FROM hub_user WHERE id = $1`, [await ctx.hub.userId(Role.BIG_DATA_BUREAU)]);
    const versionsCard = b.page.locator('.ant-card', { has: b.page.getByText(/^发布版本（\d+）$/) });
    const newest = versionsCard.locator('.ant-table-row', { has: b.page.getByRole('cell', { name: `第 ${version + 1} 版`, exact: true }) });
    expect(await newest.locator('td').nth(2).textContent()).toBe(reviewer);
    const demo = versionsCard.locator('.ant-table-row', { has: b.page.getByRole('cell', { name: `第 ${version} 版`, exact: true }) });
    expect(await demo.locator('td').nth(2).textContent()).toBe(reviewer);
    expect(await versionsCard.getByText(/seed-|^[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);
  },
);

journey('project unit: sets the reminder address in 个人设置; a malformed one is refused beside the field', async () => {
  const w = await ctx.signedIn(Role.PROJECT_UNIT);
  const { page } = w;
  const dialog = page.getByRole('dialog', { name: '个人设置' });
  await page.getByRole('button', { name: '个人设置' }).click();
  await dialog.getByLabel('提醒邮箱').fill('not-an-address');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.getByText('邮箱地址格式无效').waitFor();
  await dialog.getByLabel('提醒邮箱').fill('unit.clerk@sucheng.gov.cn');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('提醒邮箱已保存：unit.clerk@sucheng.gov.cn').waitFor();
  await w.shot('unit-personal-settings');
  const { userId } = await ctx.hub.credentials(Role.PROJECT_UNIT);
  expect(await ctx.hub.ds.query(`SELECT email FROM hub_user WHERE id = $1`, [userId])).toEqual([{ email: 'unit.clerk@sucheng.gov.cn' }]);
  // Opened again, the dialog shows the saved address.
  await page.getByRole('button', { name: '个人设置' }).click();
  expect(await dialog.getByLabel('提醒邮箱').inputValue()).toBe('unit.clerk@sucheng.gov.cn');
});

journey(
  'project unit: its dashboard is its own; the catalogue keeps its search and page in the URL across a reload; an over-long search is refused beside the field',
  async () => {
    const w = await ctx.signedIn(Role.PROJECT_UNIT);
    const { page } = w;
    // The dashboard reads the unit's own organisations (第十三条), and says so.
    await w.go('完整性看板');
    await page.getByRole('heading', { name: '本单位信息资源共享完整性' }).waitFor();
    expect(await page.getByRole('heading', { name: '全区信息资源共享完整性' }).count()).toBe(0);
    await w.shot('unit-dashboard');

    await w.go('资源目录');
    await idle(page);
    const entries = await total(page);
    expect(entries).toBeGreaterThan(20);
    const steps = await page.evaluate(() => history.length);
    const firstRow = async () => (await page.locator('.ant-table-row').first().locator('td').nth(1).textContent())!;

    // The second page survives a reload.
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText(/^共 \d+ 条，第 21–/).waitFor();
    await idle(page); // the rows of the page, not the ones it replaces
    const second = await firstRow();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('at'));
    await page.reload();
    await page.getByText(/^共 \d+ 条，第 21–/).waitFor();
    await idle(page);
    expect(await firstRow()).toBe(second);

    // A search is kept too (and starts again on the first page); the URL is replaced, not pushed.
    const search = page.getByLabel('搜索（资源名称、代码、摘要）');
    await search.fill('信息');
    await search.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '信息' && !new URLSearchParams(location.search).has('at'));
    await page.getByText(/^共 \d+ 条/).waitFor();
    await idle(page);
    const found = await total(page);
    expect(found).toBeLessThan(entries);
    await page.reload();
    await idle(page);
    expect(await page.getByLabel('搜索（资源名称、代码、摘要）').inputValue()).toBe('信息');
    expect(await total(page)).toBe(found);
    expect(await page.evaluate(() => history.length)).toBe(steps);

    // Over 100 characters: the API's refusal beside the field, no alert above the table and no total.
    await page.getByLabel('搜索（资源名称、代码、摘要）').fill('信'.repeat(101));
    await page.getByLabel('搜索（资源名称、代码、摘要）').press('Enter');
    await fieldError(page, '搜索（资源名称、代码、摘要）').getByText(/100/).waitFor();
    expect(await page.getByText(/^共 \d+ 条/).count()).toBe(0);
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await w.shot('unit-catalogue-search-too-long');

    // 清除条件 empties the box and the URL, and lists every entry again.
    await page.getByRole('button', { name: '清除条件' }).click();
    await page.waitForFunction(() => location.search === '');
    expect(await page.getByLabel('搜索（资源名称、代码、摘要）').inputValue()).toBe('');
    await page.getByText(/^共 \d+ 条/).waitFor();
    await idle(page);
    expect(await total(page)).toBe(entries);
  },
);

journey('project unit: an entry of a project it does not build is shown without 修改 or 登记接口 (第十三条)', async () => {
  const unit = await ctx.hub.token(Role.PROJECT_UNIT);
  const listed = await ctx.hub.gql(`{ resources(first: 100, filter: { status: PUBLISHED }) { edges { node { id project { viewerBuilds } } } } }`, {}, unit);
  const nodes = listed.data.resources.edges.map((e: { node: { id: string; project: { viewerBuilds: boolean } | null } }) => e.node);
  const foreign = nodes.find((r: { project: { viewerBuilds: boolean } | null }) => r.project && !r.project.viewerBuilds);
  const own = nodes.find((r: { project: { viewerBuilds: boolean } | null }) => r.project?.viewerBuilds);
  expect(foreign && own).toBeTruthy();
  const w = await ctx.signedIn(Role.PROJECT_UNIT);
  const { page } = w;
  await page.goto(`${ctx.hub.url}/console/resources/${own.id}`);
  await page.getByRole('button', { name: '登记接口' }).waitFor();
  await page.goto(`${ctx.hub.url}/console/resources/${foreign.id}`);
  await page.getByText('元数据').first().waitFor();
  await idle(page);
  expect(await page.getByRole('button', { name: /^修\s*改$/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: '登记接口' }).count()).toBe(0);
  await w.shot('unit-foreign-entry');
});
