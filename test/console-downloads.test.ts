/**
 * The console's downloads in Chromium, as the bureau and the office take them: the completeness
 * report from the gap list (the whole district, and one project's scope from its page), the
 * catalogue export from the catalogue, and an acceptance dossier from its application (第二十六条).
 * Each file is opened and read, with the session cookie the browser holds.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { Role } from '../src/common/role.enums';
import { consoleJourneys, idle, journey } from './support/console';

jest.setTimeout(180_000);

const ctx = consoleJourneys();

/** Clicks the link named `name` and returns the downloaded file's name and bytes. */
async function download(page: Page, name: string | RegExp): Promise<{ file: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  const path = await d.path();
  return { file: d.suggestedFilename(), bytes: fs.readFileSync(path) };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

journey('bureau: the completeness report from the gap list and a project’s page, the catalogue export from the catalogue', async () => {
  const w = await ctx.signedIn(Role.BIG_DATA_BUREAU);
  const { page } = w;
  await w.go('缺口清单');
  await page.locator('.ant-table-row').first().waitFor();
  await idle(page);
  const district = await download(page, '导出完整性报告（Excel，含全部缺口）');
  expect(district.file).toMatch(/\.xlsx$/);
  const report = await workbook(district.bytes);
  expect(report.getWorksheet('汇总')).toBeDefined();
  expect(report.worksheets.filter((s) => s.name.startsWith('缺口-')).length).toBeGreaterThan(1);

  // One project's page: the report of that project alone.
  const project = (
    await ctx.hub.gql(
      `{ projects(first: 1, filter: { status: TRIAL_OPERATION }) { edges { node { id code } } } }`,
      {},
      await ctx.hub.token(Role.BIG_DATA_BUREAU),
    )
  ).data.projects.edges[0].node;
  await page.goto(`${ctx.hub.url}/console/projects/${project.code}`);
  await page.getByText('本项目缺口').waitFor();
  await idle(page);
  const own = await workbook((await download(page, '导出完整性报告（Excel，含全部缺口）')).bytes);
  const summary = own.getWorksheet('汇总')!;
  expect(summary.getRow(5).getCell(3).value).toBe(1); // 项目数: the one project

  await w.go('资源目录');
  await page.locator('.ant-table-row').first().waitFor();
  await idle(page);
  const exported = await download(page, '导出目录（Excel）');
  const catalogue = await workbook(exported.bytes);
  expect(catalogue.worksheets.length).toBeGreaterThan(0);
  const csv = await download(page, '导出目录（CSV）');
  expect(csv.bytes.toString('utf8')).toContain('信息资源名称');
  await w.shot('bureau-downloads');
});

journey('office: an acceptance application’s dossier from its page (第二十六条)', async () => {
  const office = await ctx.hub.token(Role.LEADING_GROUP_OFFICE);
  const listed = await ctx.hub.gql(`{ projects(first: 100) { edges { node { code acceptanceApplications { id } } } } }`, {}, office);
  const withApplication = listed.data.projects.edges
    .map((e: { node: { code: string; acceptanceApplications: unknown[] } }) => e.node)
    .find((p: { acceptanceApplications: unknown[] }) => p.acceptanceApplications.length);
  expect(withApplication).toBeDefined();
  const w = await ctx.signedIn(Role.LEADING_GROUP_OFFICE);
  const { page } = w;
  await page.goto(`${ctx.hub.url}/console/acceptance/${withApplication.code}`);
  await page.getByRole('link', { name: /下载验收材料汇编/ }).waitFor();
  await idle(page);
  const dossier = await workbook((await download(page, /下载验收材料汇编/)).bytes);
  expect(dossier.getWorksheet('概要')!.getCell('B1').value).toBe(withApplication.code);
  await w.shot('office-dossier-download');
});
