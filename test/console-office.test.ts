/// <reference lib="dom" />
/**
 * The leading-group office's and the experts' console journeys in Chromium: a declared plan's
 * review (an expert assigned, the expert's opinion recorded and revised, 第六条、第十条), and an
 * acceptance passed below the thresholds with a rectification due date, the unit's report and the
 * office's acceptance of it (第九条、第三十三条). Screenshots land in test/screenshots/console/.
 */
import { Role } from '../src/common/role.enums';
import { applyForAcceptance, choose, consoleJourneys, fieldError, idle, journey, passWithReports, total, totalChanges } from './support/console';

jest.setTimeout(240_000);

const ctx = consoleJourneys();
/** 宿城区卫生健康委员会, the unit of SC-2025-0007 (in trial operation). */
const HEALTH = '11321302014000108A';
const beijing = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));

journey('office and expert: an expert assigned to a declared plan’s review records an opinion, then revises it', async () => {
  const office = await ctx.signedIn(Role.LEADING_GROUP_OFFICE);
  let page = office.page;
  await page.goto(`${ctx.hub.url}/console/projects/SC-2027-0003`);
  const card = page.locator('.ant-card', { hasText: '建设计划和建设方案专家评审' });
  await card.waitFor();
  const experts = card.getByRole('table', { name: '指派的专家' });
  await experts.getByRole('cell', { name: '李静', exact: true }).waitFor();
  expect(await experts.getByRole('cell', { name: '张明远', exact: true }).count()).toBe(0);

  // The client asks for at least one expert; then the demo expert is chosen by name among the experts.
  await card.getByRole('button', { name: '指派专家' }).click();
  await card.getByText('请选择至少一位评审专家').waitFor();
  await choose(page, '评审专家', '张明远');
  await page.keyboard.press('Escape');
  await card.getByRole('button', { name: '指派专家' }).click();
  await experts.getByRole('cell', { name: '张明远', exact: true }).waitFor();
  await idle(page);
  await office.shot('office-plan-review');

  // The expert (张明远) records an opinion on the plan, then revises it: both versions are kept.
  const expert = await ctx.signedIn(Role.EXPERT);
  page = expert.page;
  await page.goto(`${ctx.hub.url}/console/projects/SC-2027-0003`);
  const mine = page.locator('.ant-card', { hasText: '建设计划和建设方案专家评审' });
  await mine.getByRole('button', { name: '提交评审意见' }).waitFor();
  // 通过 is offered first, 不通过 last; a 不通过 is asked once more, and cancelled it records nothing.
  await page.getByLabel('评审结论', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor(); // the list is open before it is read
  expect(await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents()).toEqual(['通过', '修改后通过', '不通过']);
  await page.keyboard.press('Escape');
  await choose(page, '评审结论', '不通过');
  await page.getByLabel('建设方案评审意见').fill('不通过的草稿');
  await mine.getByRole('button', { name: '提交评审意见' }).click();
  const confirm = page.getByRole('dialog', { name: '确认评审结论为「不通过」？' });
  await confirm.getByRole('button', { name: /^取\s*消$/ }).click();
  await confirm.waitFor({ state: 'detached' });
  await choose(page, '评审结论', '修改后通过');
  await page.getByLabel('建设方案评审意见').fill('建设方案基本可行，需补充数据共享清单');
  await mine.getByRole('button', { name: '提交评审意见' }).click();
  const row = mine.getByRole('table', { name: '指派的专家' }).locator('.ant-table-row', { hasText: '张明远' });
  await row.getByText('建设方案基本可行，需补充数据共享清单').waitFor();
  await choose(page, '评审结论', /^通过$/);
  await page.getByLabel('建设方案评审意见').fill('已补充共享清单，同意列入年度计划');
  await mine.getByRole('button', { name: '提交评审意见' }).click();
  await row.getByText('第 2 版').waitFor();
  expect(await row.textContent()).toContain('已补充共享清单，同意列入年度计划');
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByRole('cell', { name: '建设方案基本可行，需补充数据共享清单', exact: true }).waitFor();
  await idle(page);
  await expert.shot('expert-plan-opinion');

  const read = await ctx.hub.gql(
    `{ project(code: "SC-2027-0003") { id planReview { assignments { expertName opinion { conclusion version } } } } }`,
    {},
    await ctx.hub.token(Role.LEADING_GROUP_OFFICE),
  );
  expect(read.data.project.planReview.assignments).toContainEqual({ expertName: '张明远', opinion: { conclusion: 'PASS', version: 2 } });
  expect(JSON.stringify(read.data.project.planReview.assignments)).not.toContain('FAIL');

  // The other assigned expert (李静) answers over the API; the office lists the plan, asked once more first,
  // and the review card says the review is over without a reload.
  const li = await ctx.hub.token(Role.EXPERT, undefined, 'expert2', '李静');
  const project = read.data.project.id as string;
  const second = await ctx.hub.gql(
    `mutation($input: ExpertOpinionRecordInput!) { expertOpinionRecord(input: $input) { userErrors { message } } }`,
    { input: { projectId: project, conclusion: 'PASS', opinion: '同意列入年度计划' } },
    li,
  );
  expect(second.data.expertOpinionRecord.userErrors).toEqual([]);
  page = office.page;
  await page.reload();
  await card.getByText('评审进行中', { exact: false }).waitFor();
  await page.getByRole('button', { name: '列入年度计划' }).click();
  const ask = page.locator('.ant-popconfirm', { hasText: '列入年度计划？' });
  await ask.getByText('项目 SC-2027-0003 将列入年度计划，专家评审随之结束。').waitFor();
  await ask.getByRole('button', { name: /^确\s*定$/ }).click();
  // The hub's answer, success or refusal, is the first notice on the reloaded page (the lifecycle's
  // steps always name 已列入年度计划, so that text alone says nothing).
  const notice = page.locator('.ant-message-notice').first();
  await notice.waitFor();
  expect(await notice.textContent()).toBe('已列入年度计划');
  await page.getByLabel('项目生命周期，当前：已列入年度计划').waitFor();
  await card.getByText('评审已结束', { exact: false }).waitFor();
  await idle(page);
  await office.shot('office-plan-approved');
});

journey('office and unit: an acceptance passed below the thresholds orders a rectification by its due date; the unit reports; the office accepts', async () => {
  const unit = await ctx.hub.token(Role.PROJECT_UNIT, HEALTH);
  const officeToken = await ctx.hub.token(Role.LEADING_GROUP_OFFICE);
  const applicationId = await applyForAcceptance(ctx.hub, unit);

  // The office assigns the expert on the acceptance page; the expert's opinion comes over the API.
  const office = await ctx.signedIn(Role.LEADING_GROUP_OFFICE);
  let page = office.page;
  await page.goto(`${ctx.hub.url}/console/acceptance/SC-2025-0007`);
  await page.getByText('信息资源共享完整性：申请时与当前').waitFor();
  await choose(page, '评审专家', '张明远');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '指派专家' }).click();
  await page.getByLabel('指派的评审专家').getByText('张明远').waitFor();
  const opinion = await ctx.hub.gql(
    `mutation($input: ExpertOpinionRecordInput!) { expertOpinionRecord(input: $input) { userErrors { message } } }`,
    { input: { applicationId, conclusion: 'PASS_WITH_CHANGES', opinion: '挂接率未达标，限期整改' } },
    await ctx.hub.token(Role.EXPERT),
  );
  expect(opinion.data.expertOpinionRecord.userErrors).toEqual([]);
  await page.reload();
  // The opinion is listed by the expert's name, not the account's id.
  const opinions = page.locator('.ant-card', { has: page.getByText('专家评审意见（1）', { exact: true }) });
  await opinions.locator('.ant-table-row').getByRole('cell', { name: '张明远', exact: true }).waitFor();
  expect(await opinions.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);

  // Passed below the thresholds: the reason, and the rectification due date in the same step (第三十三条).
  const due = beijing(30);
  await choose(page, '验收结果', '通过');
  await page.getByLabel('验收日期').fill(beijing());
  await page.getByLabel('验收日期').press('Tab');
  // A passed acceptance without its report's documents is refused beside each document's field (第二十六条).
  await page.getByRole('button', { name: '登记结果' }).click();
  await fieldError(page, '技术开发文档（文件名）').getByText('须提交「技术开发文档」（第二十六条）').waitFor();
  await passWithReports(page, beijing());
  await page.getByLabel('完整性未达标仍通过的理由').fill('未挂接资源列入整改，限期一个月完成');
  await page.getByLabel('整改期限').fill(due);
  await page.getByLabel('整改期限').press('Tab');
  await office.shot('office-result-rectification');
  await page.getByRole('button', { name: '登记结果' }).click();
  await page.locator('.ant-tag', { hasText: '验收通过' }).first().waitFor();
  const ordered = (await ctx.hub.gql(`{ project(code: "SC-2025-0007") { status rectification { status dueOn findings } } }`, {}, officeToken)).data.project;
  expect(ordered).toMatchObject({ status: 'RECTIFYING', rectification: { status: 'ORDERED', dueOn: due } });
  expect(ordered.rectification.findings.length).toBeGreaterThan(0);

  // The office's rectification tracking lists it among those owed, with the days left to its due date.
  await page.goto(`${ctx.hub.url}/console/rectifications`);
  const owedRow = page.getByRole('table', { name: '待报告的整改' }).locator('.ant-table-row', { hasText: 'SC-2025-0007' });
  await owedRow.getByText('剩 30 天').waitFor();
  expect(await owedRow.textContent()).toContain(due);
  await idle(page);
  await office.shot('office-rectifications-owed');

  // Filtered by the API's rectifications(filter:): overdue only leaves it out (30 days left); its unit keeps it.
  const owedTable = page.getByRole('table', { name: '待报告的整改' });
  const builder = (await owedRow.locator('td').nth(4).textContent())!.trim();
  const all = await total(page);
  await page.getByLabel('仅已逾期').check();
  await totalChanges(page, all);
  expect(await owedTable.locator('.ant-table-row', { hasText: 'SC-2025-0007' }).count()).toBe(0);
  await page.getByLabel('仅已逾期').uncheck();
  await owedRow.waitFor();
  await page.getByLabel('建设单位', { exact: true }).click();
  await page.keyboard.type(builder);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: builder }).first();
  await option.waitFor();
  await option.dispatchEvent('click');
  await page.waitForFunction(
    (name) => Array.from(document.querySelectorAll('[aria-label="待报告的整改"] .ant-table-row')).every((r) => r.textContent?.includes(name)),
    builder,
  );
  await owedRow.waitFor();
  await idle(page);
  await office.shot('office-rectifications-filtered');

  // The unit sees the order on its project and reports, with its materials.
  const health = await ctx.signedIn(Role.PROJECT_UNIT, HEALTH);
  page = health.page;
  await page.goto(`${ctx.hub.url}/console/projects/SC-2025-0007`);
  const card = page.locator('.ant-card', { hasText: '限期整改（第三十三条）' });
  await card.getByText(due, { exact: true }).waitFor();
  // the findings may render a moment after the due date: wait for the last one, then count them
  const findings = card.getByRole('list', { name: '整改问题清单' }).locator('li');
  await findings.nth(ordered.rectification.findings.length - 1).waitFor();
  expect(await findings.count()).toBe(ordered.rectification.findings.length);
  await card.getByRole('button', { name: '报告整改情况' }).click();
  await card.getByText('请填写整改情况').waitFor();
  await page.getByLabel('整改情况').fill('已完成未挂接资源的挂接，归集任务恢复');
  await page.getByLabel('整改材料（每行一份）').fill('挂接清单.xlsx\n归集日志.pdf');
  await card.getByRole('button', { name: '报告整改情况' }).click();
  await card.getByText('已报告整改情况', { exact: true }).waitFor();
  await idle(page);
  await health.shot('unit-rectification-report');

  // The office: the report waits in its tracking page, whose link leads to the project.
  page = office.page;
  await page.goto(`${ctx.hub.url}/console/rectifications`);
  const reportedRow = page.getByRole('table', { name: '待验收的整改' }).locator('.ant-table-row', { hasText: 'SC-2025-0007' });
  await reportedRow.waitFor();
  // the reported rectification names the project's lead unit, as the owed one does
  expect(await reportedRow.textContent()).toContain('宿城区卫生健康委员会');
  expect(await page.getByRole('table', { name: '待报告的整改' }).locator('.ant-table-row', { hasText: 'SC-2025-0007' }).count()).toBe(0);
  await reportedRow.getByRole('link').click();
  await page.waitForURL(/\/console\/projects\/SC-2025-0007$/);

  // Refusing needs its reason (the API's refusal beside the field); then it accepts.
  const decide = page.locator('.ant-card', { hasText: '限期整改（第三十三条）' });
  await decide.getByText('已完成未挂接资源的挂接，归集任务恢复').waitFor();
  await decide.getByRole('button', { name: '整改验收不通过' }).click();
  await decide.locator('.ant-form-item', { hasText: '验收意见（不通过时为理由，必填）' }).locator('.ant-form-item-explain-error').waitFor();
  await office.shot('office-rectification-decide');
  await page.getByLabel('验收意见（不通过时为理由，必填）').fill('整改到位');
  await decide.getByRole('button', { name: '整改验收通过' }).click();
  await decide.getByRole('table', { name: '整改记录' }).getByText('整改通过').waitFor();
  await idle(page);
  await office.shot('office-rectification-accepted');
  const after = (await ctx.hub.gql(`{ project(code: "SC-2025-0007") { status rectification { id } rectifications { status decisionNote } } }`, {}, officeToken))
    .data.project;
  expect(after).toMatchObject({ status: 'ACCEPTED', rectification: null, rectifications: [{ status: 'ACCEPTED', decisionNote: '整改到位' }] });
});
