import 'reflect-metadata';
import { Role } from '../src/common/role.enums';
import { InformationResource } from '../src/modules/catalogue';
import { A, applicationDocs, completeResource, NOW, readyProject, review, send, trialProject } from './support/acceptance';
import { codeOf, orgId } from './support/catalogue';
import { GAP_REASON_LABEL } from '../src/modules/completeness';
import { download, englishCells, englishEnumCodes, readWorkbook, sheetRows } from './support/exchange';
import { startTestHub, TestHub } from './support/hub';
import { insertResource } from './support/projects';

const clock = { now: () => new Date(NOW) };

let hub: TestHub;
let unit: string;
let bureau: string;
let expert: string;

beforeAll(async () => {
  hub = await startTestHub({ TIMELINESS_GRACE_HOURS: '3' }, 'organizations', clock);
  unit = await hub.token(Role.PROJECT_UNIT);
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
  expert = await hub.token(Role.EXPERT);
});
afterAll(() => hub.close());

describe('GET /completeness/report.xlsx', () => {
  it('has the six figures per organisation with the instant and the grace, and a gaps sheet per organisation', async () => {
    const edu = await readyProject(hub); // one complete entry
    await insertResource(hub, edu.id, await orgId(hub.ds, 'education'), { code: '301009/000001', classificationCode: '301009' }); // a draft: not catalogued
    const health = await trialProject(hub, { lead: 'health' });
    await completeResource(hub, health.id, 'health', { code: '301008/000001', classificationCode: '301008' });

    const res = await download(hub, '/completeness/report.xlsx', bureau);
    expect(res.status).toBe(200);
    const wb = await readWorkbook(res.body);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell('B1').value).toBe('2028-06-15 12:00:00');
    expect(summary.getCell('C1').value).toBe('2028-06-15T04:00:00.000Z');
    expect(summary.getCell('B2').value).toBe(3);
    const header = (summary.getRow(4).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['单位', '统一社会信用代码', '项目数']);
    expect(header.filter((h) => !h.includes('·'))).toEqual([
      '单位',
      '统一社会信用代码',
      '项目数',
      '编目率',
      '元数据完整率',
      '接口覆盖率',
      '挂接率',
      '归集率',
      '及时率',
    ]);
    const rows = sheetRows(summary, 5);
    const byCode = new Map(rows.map((r) => [r[1], r]));
    const eduRow = byCode.get(codeOf('education'))!;
    expect(eduRow.slice(2, 6)).toEqual(['1', '1', '2', '0.5']); // 项目数, 编目率 1/2
    expect(byCode.get(codeOf('health'))!.slice(3, 6)).toEqual(['1', '1', '1']);
    expect(rows[rows.length - 1].slice(0, 6)).toEqual(['合计', '', '2', '2', '3', '0.6667']);

    const eduName = eduRow[0];
    const gaps = wb.worksheets.find((w) => w.name.startsWith('缺口-') && w.name.includes(eduName.slice(0, 10)))!;
    expect(sheetRows(gaps, 3).map((r) => [r[0], r[1]])).toEqual(expect.arrayContaining([['301009/000001', GAP_REASON_LABEL.NOT_PUBLISHED]]));
    // each gap names the entry, its project, its provider and its review status, so a reader can act on it
    expect((gaps.getRow(2).values as string[]).slice(1)).toEqual([
      '信息资源代码',
      '缺口原因',
      '说明',
      '信息资源名称',
      '项目编号',
      '项目名称',
      '提供单位',
      '审核状态',
    ]);
    const unpublished = sheetRows(gaps, 3).find((r) => r[0] === '301009/000001' && r[1] === GAP_REASON_LABEL.NOT_PUBLISHED)!;
    expect(unpublished.slice(4, 8)).toEqual([expect.stringMatching(/^SC-/), expect.any(String), eduName, expect.any(String)]);
    expect(unpublished[3]).not.toBe('');
    // the ratios are numbers shown as percentages
    expect(summary.getRow(5).getCell(6).numFmt).toBe('0.00%');
    // Every cell a user reads is Chinese: no gap reason or other enum value of the schema as its English code.
    expect(englishEnumCodes().has('NOT_PUBLISHED')).toBe(true);
    expect(englishCells(wb, () => true)).toEqual([]);
    expect(wb.worksheets.filter((w) => w.name.startsWith('缺口-'))).toHaveLength(2);

    // The filters of the completeness query, and a project unit sees its own projects only.
    const filtered = await readWorkbook((await download(hub, `/completeness/report.xlsx?organizationId=${await orgId(hub.ds, 'health')}`, bureau)).body);
    expect(sheetRows(filtered.getWorksheet('汇总')!, 5).map((r) => r[1])).toEqual([codeOf('health'), '']);
    const own = await readWorkbook((await download(hub, '/completeness/report.xlsx', unit)).body);
    expect(sheetRows(own.getWorksheet('汇总')!, 5).map((r) => r[1])).toEqual([codeOf('education'), '']);
    expect((await download(hub, '/completeness/report.xlsx?planYear=20x7', bureau)).status).toBe(400);
    expect((await download(hub, '/completeness/report.xlsx?status=NOPE', bureau)).status).toBe(400);
    expect((await download(hub, '/completeness/report.xlsx?organizationId=bad', bureau)).status).toBe(400);
    expect((await download(hub, '/completeness/report.xlsx')).status).toBe(401);
    expect((await download(hub, '/completeness/report.xlsx', await hub.token(Role.PLATFORM))).status).toBe(403);
  });
});

describe('GET /acceptance/{id}/dossier.xlsx', () => {
  it('holds the frozen snapshot with its hash, the materials, the opinions and the diff to the live catalogue', async () => {
    const project = await readyProject(hub, { lead: 'education' });
    const applied = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
    expect(applied.userErrors).toEqual([]);
    const application = applied.acceptanceApplication;
    await review(hub, application.id); // an assigned expert: 材料齐全，同意验收。 PASS (第六条、第二十五条)
    // The live catalogue moves on after the snapshot.
    const frozen = (await hub.ds.getRepository(InformationResource).findOneByOrFail({ projectId: project.id })).code;
    await hub.ds.getRepository(InformationResource).update({ projectId: project.id }, { name: '改名后的资源' });

    const res = await download(hub, `/acceptance/${application.id}/dossier.xlsx`, expert);
    expect(res.status).toBe(200);
    const wb = await readWorkbook(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', '快照·信息资源目录', '快照·共享清单', '快照·完整性', '验收材料', '专家意见', '与现行目录的差异']);
    const cover = new Map(sheetRows(wb.getWorksheet('概要')!, 1).map((r) => [r[0], r[1]]));
    expect(cover.get('快照内容 SHA-256')).toBe(application.snapshot.contentHash);
    expect(cover.get('按存储内容重新校验')).toBe('一致');
    expect(cover.get('项目编号')).toBe(project.code);
    const catalogue = sheetRows(wb.getWorksheet('快照·信息资源目录')!, 2);
    expect(catalogue.map((r) => r[5])).toEqual([frozen]);
    expect(catalogue[0][4]).not.toBe('改名后的资源');
    expect(sheetRows(wb.getWorksheet('快照·共享清单')!, 2)).toHaveLength(1);
    expect(sheetRows(wb.getWorksheet('快照·完整性')!, 2)[0].slice(0, 3)).toEqual(['编目率', '1', '1']);
    expect(englishCells(wb, (name) => name !== '验收材料')).toEqual([]); // gap reasons, statuses and kinds as their labels (the materials' titles are the unit's own)
    expect(sheetRows(wb.getWorksheet('验收材料')!, 2).map((r) => r[0])).toEqual([
      '项目建设总结',
      '财务报告',
      '信息资源共享目录',
      '第三方机构网络安全检测评估报告',
    ]);
    expect(sheetRows(wb.getWorksheet('专家意见')!, 2).map((r) => r.slice(0, 3))).toEqual([['通过', '材料齐全，同意验收。', '赵评']]); // by name (第六条)
    expect(sheetRows(wb.getWorksheet('与现行目录的差异')!, 2)).toEqual([['修改信息资源', frozen, '', '信息资源名称']]);

    // For the roles that may read the application only; others find nothing.
    expect((await download(hub, `/acceptance/${application.id}/dossier.xlsx`, unit)).status).toBe(200);
    expect((await download(hub, `/acceptance/${application.id}/dossier.xlsx`, await hub.token(Role.PROJECT_UNIT, codeOf('health')))).status).toBe(404);
    expect((await download(hub, `/acceptance/${application.id}/dossier.xlsx`)).status).toBe(401);
    expect((await download(hub, '/acceptance/not-a-uuid/dossier.xlsx', bureau)).status).toBe(404);
  });
});
