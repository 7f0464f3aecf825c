/// <reference lib="dom" />
/**
 * Small things a bureau official, a clerk or an auditor meets in the console on the demo district
 * (issue #11's leftovers), in Chromium over the hub on real PostgreSQL: every object type of the
 * audit log by its Chinese name, and each page asking the hub only for what it shows (the review
 * queue its own operation, the catalogue's list without the revision the queue needs).
 */
import type { Request } from 'playwright-core';
import { Role } from '../src/common/role.enums';
import { OBJECT_TYPES } from '../console/src/object-types';
import { consoleJourneys, idle, journey } from './support/console';
import { codeOf } from './support/hub';

jest.setTimeout(180_000);

const ctx = consoleJourneys();

/** The GraphQL operations a page sent, by name, with their documents. */
function sentOperations(requests: Request[]): { name: string; query: string; variables: Record<string, unknown> }[] {
  return requests
    .filter((r) => r.url().endsWith('/graphql') && r.method() === 'POST')
    .map((r) => JSON.parse(r.postData() ?? '{}') as { query: string; variables?: Record<string, unknown> })
    .map((b) => ({ name: /^\s*(?:query|mutation)\s+(\w+)/.exec(b.query)?.[1] ?? '', query: b.query, variables: b.variables ?? {} }));
}

journey('every entity of the hub, each an object type the audit log can name, has its Chinese name in the one map of them', async () => {
  const entities = ctx.hub.ds.entityMetadatas.map((m) => m.name).sort();
  expect(entities.length).toBeGreaterThan(20);
  expect(entities.filter((name) => !OBJECT_TYPES[name])).toEqual([]);
  for (const name of entities)
    expect([name, /^[\u4e00-\u9fa5A-Z ]+$/.test(OBJECT_TYPES[name]) && /[\u4e00-\u9fa5]/.test(OBJECT_TYPES[name])]).toEqual([name, true]);
});

journey('auditor: the audit log names every object type in Chinese (专家意见, 专家评审, 登录会话 …), in its column and its filter', async () => {
  // A sign-in and sign-out over the API: the sign-out's entry is about the session (UserSession).
  const { login, password } = await ctx.hub.credentials(Role.EXPERT);
  const made = await ctx.hub.gql(`mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { session { refreshToken } userErrors { code } } }`, {
    input: { login, password },
  });
  const refreshToken = made.data.sessionCreate.session.refreshToken;
  const revoked = await ctx.hub.gql(`mutation ($t: String!) { sessionRevoke(input: { refreshToken: $t }) { userErrors { code } } }`, { t: refreshToken });
  expect(revoked.errors).toBeUndefined();
  const [{ n: sessions }] = await ctx.hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE target_type = 'UserSession'`);
  expect(sessions).toBeGreaterThan(0);

  const w = await ctx.signedIn(Role.AUDITOR);
  const { page } = w;
  await w.go('审计日志');
  await page.getByRole('heading', { name: '审计日志' }).waitFor();
  await idle(page);
  const column = async () => {
    const headers = await page.locator('.ant-table-thead th').allTextContents();
    const n = headers.indexOf('对象');
    expect(n).toBeGreaterThan(0);
    return page.locator(`.ant-table-row > td:nth-child(${n + 1})`).allTextContents();
  };
  /** Each cell's object type: the text before the object's id. */
  const types = async () => (await column()).map((c) => c.replace(/\s*[0-9a-f]{8}-[0-9a-f-]{27}$/, '').trim());
  // The newest entries, the expert's sign-out (a UserSession) among them: each type in Chinese.
  const newest = await types();
  expect(newest).toContain('登录会话');
  for (const t of newest) expect([t, /^[\u4e00-\u9fa5]|^—$|^API/.test(t)]).toEqual([t, true]);

  // The demo's plan reviews and opinions, found by their Chinese names in the 对象类型 filter.
  for (const [label, english] of [
    ['登录会话', 'UserSession'],
    ['专家意见', 'ExpertOpinion'],
    ['专家评审', 'ExpertReview'],
  ]) {
    // typed: the select lists every type, more than its list shows at once
    await page.getByLabel('对象类型', { exact: true }).fill(label);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().dispatchEvent('click');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '查 询' }).click();
    await page.waitForURL((url) => url.searchParams.get('targetType') === english || !url.search.includes('targetType'));
    await page
      .locator('.ant-table-row')
      .first()
      .getByText(new RegExp(`^${label} `))
      .waitFor();
    await idle(page);
    const shown = await types();
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([label]));
    expect(
      await page
        .locator('.ant-table')
        .getByText(new RegExp(`\\b${english}\\b`))
        .count(),
    ).toBe(0);
  }
  await w.shot('auditor-object-types');
});

journey('bureau: the review queue asks for the revisions by its own operation; the catalogue’s list asks for no revision', async () => {
  const w = await ctx.signedIn(Role.BIG_DATA_BUREAU);
  const { page } = w;
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));

  await w.go('资源目录');
  await page.locator('.ant-table-row').first().waitFor();
  await idle(page);
  const list = sentOperations(requests).filter((o) => o.name === 'Resources');
  expect(list.length).toBeGreaterThan(0);
  for (const o of list) expect(o.query).not.toMatch(/\brevision\b/);

  requests.length = 0;
  await w.go('审核队列');
  await page.getByRole('heading', { name: /^审核队列/ }).waitFor();
  // The demo's revision awaiting the bureau, dated by its own submission.
  await page.getByRole('link', { name: /^查看 .+ 的修订差异$/ }).waitFor();
  await idle(page);
  const sent = sentOperations(requests);
  const queue = sent.filter((o) => o.name === 'ReviewQueue');
  expect(queue.map((o) => o.variables.filter)).toEqual(expect.arrayContaining([{ status: 'SUBMITTED' }, { revisionStatus: 'SUBMITTED' }]));
  for (const o of queue) {
    expect(o.query).toMatch(/\brevision\s*\{\s*status\s+updatedAt\s*\}/);
    expect(o.query).not.toMatch(/\bfacets\b/);
  }
  expect(sent.filter((o) => o.name === 'Resources')).toEqual([]);
  await w.shot('bureau-review-queue-operation');
});

journey('unit clerk: answers a co-building proposal on the projects page, and the project’s history names the unit that accepted (第十四条)', async () => {
  const transport = codeOf('transport');
  const w = await ctx.signedIn(Role.PROJECT_UNIT, transport);
  const { page } = w;
  await page.getByRole('heading', { name: '本单位项目' }).waitFor();
  const card = page.locator('.ant-card', { has: page.getByText(/^待答复的共建提议（\d+）$/) });
  await card.getByRole('link', { name: 'SC-2027-0010' }).waitFor();
  await w.shot('unit-co-building-proposals');
  await card.getByLabel('答复说明 SC-2027-0010').fill('同意共建，负责交通数据部分');
  await card.getByRole('button', { name: '接受共建 SC-2027-0010' }).click();
  await page.getByText('已接受共建 SC-2027-0010，本单位可参与建设该项目').waitFor();
  await card.waitFor({ state: 'detached' });
  const [answer] = await ctx.hub.ds.query(
    `SELECT c.status, c.response_note AS note, c.responded_by_user_id AS by FROM project_co_building_unit c JOIN project p ON p.id = c.project_id
      JOIN organization o ON o.id = c.organization_id WHERE p.code = 'SC-2027-0010' AND o.credit_code = $1`,
    [transport],
  );
  const [clerk] = await ctx.hub.ds.query(`SELECT id FROM hub_user WHERE login = $1`, [`unit.${transport.toLowerCase()}`]);
  expect(answer).toEqual({ status: 'ACCEPTED', note: '同意共建，负责交通数据部分', by: clerk.id });

  // The project, now one it builds: its history says which unit accepted.
  await page.getByRole('link', { name: 'SC-2027-0010' }).first().click();
  const history = page.locator('.ant-card', { has: page.getByText('状态变更记录', { exact: true }) });
  const accepted = history.locator('.ant-table-row', { hasText: '接受共建' });
  await accepted.waitFor();
  expect(await accepted.locator('td').allTextContents()).toEqual(expect.arrayContaining(['宿城区交通运输局', '同意共建，负责交通数据部分']));
});
