import { Role } from '../src/common/role.enums';
import { CATALOGUE_KIND_LABEL, SHARING_TYPE_LABEL, UPDATE_FREQUENCY_LABEL } from '../src/modules/catalogue';
import { INTERFACE_KIND_LABEL } from '../src/modules/sharing';
import { codeOf, insertProject } from './support/catalogue';
import { download, filledTemplate, readWorkbook, row, sheetRows, upload } from './support/exchange';
import { startTestHub, TestHub } from './support/hub';

const PROJECT = 'SC-2027-0101';

/** A hub with the demo organisations and one project of the education bureau (co-built with the student-aid centre). */
async function hubWithProject(): Promise<{ hub: TestHub; edu: string }> {
  const hub = await startTestHub();
  await insertProject(hub.ds, 'education', ['student-aid-center'], undefined, PROJECT);
  return { hub, edu: await hub.token(Role.PROJECT_UNIT, codeOf('education')) };
}

let a: { hub: TestHub; edu: string };
let template: Buffer;

beforeAll(async () => {
  a = await hubWithProject();
  template = (await download(a.hub, '/catalogue/template.xlsx')).body;
});
afterAll(() => a.hub.close());

describe('GET /catalogue/template.xlsx', () => {
  it('has the columns of the 编制指南, the interfaces sheet, frozen header rows and an instructions sheet', async () => {
    const res = await download(a.hub, '/catalogue/template.xlsx');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await readWorkbook(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['信息资源目录', '共享接口', '填写说明']);
    const catalogue = wb.getWorksheet('信息资源目录')!;
    expect((catalogue.getRow(1).values as string[]).slice(1)).toEqual([
      '*类',
      '*项',
      '*目',
      '细目',
      '*信息资源名称',
      '信息资源代码',
      '提供方',
      '摘要',
      '*格式',
      '子格式',
      '信息项',
      '共享类型',
      '共享条件/不予共享依据',
      '共享方式',
      '开放类型',
      '开放条件',
      '更新周期',
      '数据分级',
      '发布日期',
      '关联资源代码',
    ]);
    expect((wb.getWorksheet('共享接口')!.getRow(1).values as string[]).slice(1)).toEqual(['*资源代码', '*接口类型', '*地址', '*同步频率']);
    for (const ws of [catalogue, wb.getWorksheet('共享接口')!]) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(catalogue.getColumn(2).numFmt).toBe('@'); // 项 keeps its leading zero
    const help = sheetRows(wb.getWorksheet('填写说明')!, 1).map((r) => r.join(' '));
    expect(help.some((l) => l.includes('第九条'))).toBe(true);
    expect(help.some((l) => l.includes('名称:类型:长度'))).toBe(true);
  });

  it('offers every enumerated column as a drop-down of the enum labels', async () => {
    const wb = await readWorkbook(template);
    const catalogue = wb.getWorksheet('信息资源目录')!;
    const dv = (ws: typeof catalogue, address: string) => (ws as any).dataValidations.model[address];
    const list = (labels: Record<string, string>) => [`"${Object.values(labels).join(',')}"`];
    expect(dv(catalogue, 'A3')).toMatchObject({ type: 'list', formulae: list(CATALOGUE_KIND_LABEL), showErrorMessage: true });
    expect(dv(catalogue, 'L5000')).toMatchObject({ type: 'list', formulae: list(SHARING_TYPE_LABEL) });
    expect(dv(catalogue, 'Q3')).toMatchObject({ formulae: list(UPDATE_FREQUENCY_LABEL) });
    const enumerated = ['A', 'I', 'L', 'N', 'O', 'Q', 'R'];
    for (const col of 'ABCDEFGHIJKLMNOPQRST') expect(Boolean(dv(catalogue, `${col}3`))).toBe(enumerated.includes(col));
    expect(dv(catalogue, 'A2')).toBeUndefined(); // not on the header rows
    const interfaces = wb.getWorksheet('共享接口')!;
    expect(dv(interfaces, 'B3')).toMatchObject({ formulae: list(INTERFACE_KIND_LABEL) });
    expect(dv(interfaces, 'D3')).toMatchObject({ formulae: list(UPDATE_FREQUENCY_LABEL) });
  });
});

describe('exports', () => {
  beforeAll(async () => {
    const file = await filledTemplate(
      template,
      [
        row({ 信息资源代码: '301001/000001', 提供方: codeOf('student-aid-center'), 发布日期: '2027-01-15' }),
        row({
          信息资源名称: '学籍信息',
          目: '002',
          信息资源代码: '301002/000001',
          共享类型: '有条件共享',
          '共享条件/不予共享依据': '仅用于资助审核',
          关联资源代码: '301001/000001',
          开放类型: '有条件开放',
          开放条件: '脱敏后开放',
        }),
        row({
          信息资源名称: '档案',
          目: '003',
          信息资源代码: '301003/000001',
          共享类型: '不予共享',
          '共享条件/不予共享依据': '《档案法》',
          共享方式: '',
          信息项: '档案号:C:20',
          数据分级: '核心数据',
        }),
      ],
      [
        ['301001/000001', 'REST 接口', 'https://api.suqian.gov.cn/edu/aid', '实时'],
        ['301002/000001', '文件传输', 'sftp://files.suqian.gov.cn/edu', '每日'],
      ],
    );
    expect((await upload(a.hub, `project=${PROJECT}`, file, 'c.xlsx', a.edu)).body).toMatchObject({ written: true, created: 3 });
  });

  it('exports what the caller may read, with the filters of the resources query', async () => {
    const bureau = await a.hub.token(Role.BIG_DATA_BUREAU);
    const all = sheetRows((await readWorkbook((await download(a.hub, '/catalogue/export.xlsx', bureau)).body)).getWorksheet('信息资源目录')!);
    expect(all.map((r) => r[5])).toEqual(['301001/000001', '301002/000001', '301003/000001']);
    const conditional = await download(a.hub, '/catalogue/export.xlsx?sharingType=CONDITIONAL', bureau);
    expect(sheetRows((await readWorkbook(conditional.body)).getWorksheet('信息资源目录')!).map((r) => r[4])).toEqual(['学籍信息']);
    const searched = await download(a.hub, `/catalogue/export.csv?search=${encodeURIComponent('档案')}`, bureau);
    expect(searched.type).toBe('text/csv; charset=utf-8');
    const lines = searched.body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('《档案法》');
    // Drafts are read only by the project's units and the oversight roles.
    const stranger = await a.hub.token(Role.PROJECT_UNIT, codeOf('health'));
    expect(sheetRows((await readWorkbook((await download(a.hub, '/catalogue/export.xlsx', stranger)).body)).getWorksheet('信息资源目录')!)).toEqual([]);
    expect((await download(a.hub, '/catalogue/export.xlsx')).status).toBe(401);
    expect((await download(a.hub, '/catalogue/export.csv', 'bad-token')).status).toBe(401);
    const bad = await download(a.hub, '/catalogue/export.xlsx?sharingType=SOMETIMES', bureau);
    expect(bad.status).toBe(400);
    const refusal = JSON.parse(bad.body.toString()).error;
    expect(refusal.code).toBe('BAD_FILTER');
    expect(refusal.message).toContain('无条件共享、有条件共享、不予共享'); // the labels, not the enum's codes
    expect(refusal.message).not.toMatch(/UNCONDITIONAL|NOT_SHARED/);
    // The label the export writes is a filter value too.
    const byLabel = await download(a.hub, `/catalogue/export.xlsx?sharingType=${encodeURIComponent('有条件共享')}`, bureau);
    expect(sheetRows((await readWorkbook(byLabel.body)).getWorksheet('信息资源目录')!).map((r) => r[4])).toEqual(['学籍信息']);
    expect((await download(a.hub, '/catalogue/export.xlsx?projectId=nope', bureau)).status).toBe(400);
  });

  it('round-trips: an export imports into an empty hub to the same catalogue, from XLSX and from CSV', async () => {
    const exported = (await download(a.hub, '/catalogue/export.xlsx', a.edu)).body;
    const csv = (await download(a.hub, '/catalogue/export.csv', a.edu)).body;
    const original = await readWorkbook(exported);
    expect(sheetRows(original.getWorksheet('共享接口')!)).toHaveLength(2);
    for (const [file, name] of [
      [exported, 'export.xlsx'],
      [csv, 'export.csv'],
    ] as const) {
      const b = await hubWithProject();
      try {
        const res = await upload(b.hub, `project=${PROJECT}`, file, name, b.edu);
        expect(res.body).toMatchObject({ written: true, created: 3, errorCount: 0 });
        const again = await readWorkbook((await download(b.hub, '/catalogue/export.xlsx', b.edu)).body);
        expect(sheetRows(again.getWorksheet('信息资源目录')!)).toEqual(sheetRows(original.getWorksheet('信息资源目录')!));
        if (name.endsWith('.xlsx')) expect(sheetRows(again.getWorksheet('共享接口')!)).toEqual(sheetRows(original.getWorksheet('共享接口')!));
      } finally {
        await b.hub.close();
      }
    }
  });
});
