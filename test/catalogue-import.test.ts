import { PassThrough } from 'node:stream';
import iconv from 'iconv-lite';
import { Role } from '../src/common/role.enums';
import { DataItem } from '../src/modules/catalogue';
import { InformationResource } from '../src/modules/catalogue';
import { SharingInterface } from '../src/modules/sharing';
import type { Project } from '../src/modules/project';
import { writeCatalogueWorkbook } from '../src/modules/exchange';
import { codeOf, insertProject } from './support/catalogue';
import { download, filledTemplate, row, upload } from './support/exchange';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
let project: Project;
let edu: string;
let health: string;
let template: Buffer;

const counts = async () => ({
  resources: await hub.ds.getRepository(InformationResource).count(),
  items: await hub.ds.getRepository(DataItem).count(),
  interfaces: await hub.ds.getRepository(SharingInterface).count(),
});

const q = () => `project=${project.code}`;

beforeAll(async () => {
  hub = await startTestHub({ IMPORT_MAX_ROWS: '40', IMPORT_MAX_BYTES: '200000' });
  project = await insertProject(hub.ds, 'education', ['student-aid-center']);
  await insertProject(hub.ds, 'health');
  edu = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  template = (await download(hub, '/catalogue/template.xlsx')).body;
});
afterAll(() => hub.close());

describe('POST /catalogue/import', () => {
  it('imports a filled template: entries with their data items and interfaces, through the registration rules', async () => {
    const file = await filledTemplate(
      template,
      [
        row({ 信息资源代码: '301001/000001' }),
        row({
          信息资源名称: '学籍信息',
          目: '002',
          信息资源代码: '301002/000001',
          信息项: '学号:字符型:20',
          共享类型: '有条件共享',
          '共享条件/不予共享依据': '仅用于资助审核',
          提供方: codeOf('student-aid-center'),
          关联资源代码: '301001/000001',
          发布日期: '2027-03-01',
        }),
        row({
          信息资源名称: '',
          信息项: '班级:C:20',
          类: '',
          项: '',
          目: '',
          格式: '',
          子格式: '',
          摘要: '',
          共享类型: '',
          共享方式: '',
          开放类型: '',
          更新周期: '',
          数据分级: '',
        }),
        row({ 信息资源名称: '不予共享的档案', 目: '003', 信息资源代码: '301003/000001', 共享类型: '不予共享', '共享条件/不予共享依据': '《档案法》第十九条' }),
      ],
      [['301001/000001', 'REST 接口', 'https://api.suqian.gov.cn/edu/aid', '实时']],
    );
    const before = await counts();
    const dry = await upload(hub, `${q()}&dryRun=true`, file, 'catalogue.xlsx', edu);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, written: false, created: 3, interfacesRegistered: 1, errorCount: 0 });
    expect(await counts()).toEqual(before);

    const res = await upload(hub, q(), file, 'catalogue.xlsx', edu);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ written: true, rows: 5, created: 3, updated: 0, interfacesRegistered: 1, errorCount: 0, errors: [] });
    const read = await hub.gql(
      `{ resource(code: "301002/000001") { name sharingType sharingCondition provider { name } relatedResourceCodes publishedOn dataItems { name dataType length } } }`,
      {},
      edu,
    );
    expect(read.data.resource).toMatchObject({
      name: '学籍信息',
      sharingType: 'CONDITIONAL',
      sharingCondition: '仅用于资助审核',
      relatedResourceCodes: ['301001/000001'],
      publishedOn: '2027-03-01',
      dataItems: [
        { name: '学号', dataType: 'C', length: 20 },
        { name: '班级', dataType: 'C', length: 20 },
      ],
    });
    const notShared = await hub.gql(`{ resource(code: "301003/000001") { legalBasis sharingCondition } }`, {}, edu);
    expect(notShared.data.resource).toEqual({ legalBasis: '《档案法》第十九条', sharingCondition: null });

    // The same file again finds its entries by resource code instead of duplicating them, and changes none of them.
    const again = await upload(hub, q(), file, 'catalogue.xlsx', edu);
    expect(again.body).toMatchObject({ written: true, created: 0, updated: 0, interfacesRegistered: 0, interfacesUpdated: 0, unchanged: 4 });
    expect(await counts()).toEqual({ resources: before.resources + 3, items: before.items + 3 + 2 + 3, interfaces: before.interfaces + 1 });
  });

  it('a file of rows without codes imported again updates the entries its first import made (one name per project, 第八条)', async () => {
    const file = await filledTemplate(template, [row({ 信息资源名称: '无码资源甲', 目: '020' }), row({ 信息资源名称: '无码资源乙', 目: '021' })], []);
    const first = await upload(hub, q(), file, 'codeless.xlsx', edu);
    expect(first.body).toMatchObject({ written: true, created: 2, updated: 0, errorCount: 0 });
    const before = await counts();
    const again = await upload(hub, q(), file, 'codeless.xlsx', edu);
    expect(again.body).toMatchObject({ written: true, created: 0, updated: 0, unchanged: 2, errorCount: 0 });
    expect(await counts()).toEqual(before);
    // two rows without a code and of one name in one file: the second is the row's error, nothing is written
    const twice = await filledTemplate(template, [row({ 信息资源名称: '无码资源丙', 目: '022' }), row({ 信息资源名称: '无码资源丙', 目: '022' })], []);
    const refused = await upload(hub, q(), twice, 'twice.xlsx', edu);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: any) => [e.row, e.column, e.code])).toEqual([[4, '信息资源名称', 'DUPLICATE']]);
    expect(refused.body.errors[0].message).toContain('第 3 行');
    expect(await counts()).toEqual(before);
  });

  it('reports every error of every row with sheet, row, column and code, and writes nothing', async () => {
    const before = await counts();
    const file = await filledTemplate(
      template,
      [
        row({ 信息资源名称: '好的一行', 目: '010' }),
        row({ 类: '其他资源' }),
        row({ 项: '1x' }),
        row({ 共享类型: '有条件共享' }),
        row({ 信息项: '姓名' }),
        row({ 开放类型: '无条件开放', 共享类型: '不予共享', '共享条件/不予共享依据': '法' }),
        row({ 发布日期: '2027-02-30' }),
        row({ 提供方: '不存在的单位' }),
        row({ 信息资源代码: '301001/000009', 项: '02' }),
        row({ 信息资源代码: '301001/000001', 目: '009' }), // an existing entry whose code no longer fits
        row({ 信息资源名称: '同码两行', 信息资源代码: '301005/000001', 目: '005' }),
        row({ 信息资源名称: '同码两行', 信息资源代码: '301005/000001', 目: '005' }),
      ],
      [
        ['301009/999999', 'REST 接口', 'https://x.gov.cn', '每日'],
        ['301001/000001', 'FTP', 'ftp://x', '每日'],
        ['301001/000001', 'REST 接口', 'https://api.suqian.gov.cn/b', '每年'],
      ],
    );
    const res = await upload(hub, q(), file, 'bad.xlsx', edu);
    expect(res.status).toBe(422);
    expect(res.body.written).toBe(false);
    const at = (sheet: string, r: number) => res.body.errors.filter((e: any) => e.sheet === sheet && e.row === r).map((e: any) => [e.column, e.code]);
    expect(at('信息资源目录', 3)).toEqual([]);
    expect(at('信息资源目录', 4)).toEqual([['类', 'INVALID']]);
    expect(at('信息资源目录', 5)).toEqual([['项', 'INVALID']]);
    expect(at('信息资源目录', 6)).toEqual([['共享条件/不予共享依据', 'REQUIRED']]);
    expect(at('信息资源目录', 7)).toEqual([['信息项', 'INVALID']]);
    expect(at('信息资源目录', 8)).toEqual([['开放类型', 'RULE_VIOLATION']]);
    expect(at('信息资源目录', 9)).toEqual([['发布日期', 'INVALID']]);
    expect(at('信息资源目录', 10)).toEqual([['提供方', 'NOT_FOUND']]);
    expect(at('信息资源目录', 11)).toEqual([['信息资源代码', 'INVALID']]);
    expect(at('信息资源目录', 12)).toEqual([['信息资源代码', 'INVALID']]);
    expect(at('信息资源目录', 13)).toEqual([]);
    expect(at('信息资源目录', 14)).toEqual([['信息资源代码', 'DUPLICATE']]);
    expect(at('共享接口', 3)).toEqual([['资源代码', 'NOT_FOUND']]);
    expect(at('共享接口', 4)).toEqual([['接口类型', 'INVALID']]);
    expect(at('共享接口', 5)).toEqual([['同步频率', 'RULE_VIOLATION']]);
    expect(res.body.errors.find((e: any) => e.row === 8).article).toBe('第九条');
    expect(res.body.errors.every((e: any) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
    expect(res.body.errorCount).toBe(res.body.errors.length);
    expect(await counts()).toEqual(before);
  });

  it('reads CSV in UTF-8 and in GB18030', async () => {
    const header =
      '*类,*项,*目,细目,*信息资源名称,信息资源代码,提供方,摘要,*格式,子格式,信息项,共享类型,共享条件/不予共享依据,共享方式,开放类型,开放条件,更新周期,数据分级,发布日期,关联资源代码';
    const line = (code: string, name: string) =>
      `部门信息资源,02,001,,${name},${code},,摘要，含逗号,电子表格,xlsx,"名称:C:10；数量:N:8",无条件共享,,共享平台·文件,无条件开放,,每月,一般数据,,`;
    const utf8 = Buffer.from(`${header}\n${line('302001/000001', '统计年鉴（UTF-8）')}\n`, 'utf8');
    const gb = iconv.encode(`${header}\r\n${line('302001/000002', '统计年鉴（国标）')}\r\n`, 'gb18030');
    for (const [file, name] of [
      [utf8, '统计年鉴（UTF-8）'],
      [gb, '统计年鉴（国标）'],
    ] as const) {
      const res = await upload(hub, q(), file, 'catalogue.csv', edu);
      expect(res.body).toMatchObject({ written: true, created: 1, errorCount: 0 });
      const found = await hub.ds.getRepository(InformationResource).findOneBy({ name });
      expect(found).toMatchObject({ summary: '摘要，含逗号', openType: 'OPEN', updateFrequency: 'MONTHLY' });
    }
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\n${line('302001/000003', '带BOM')}\n`)]);
    expect((await upload(hub, q(), bom, 'x.csv', edu)).body).toMatchObject({ created: 1 });
  });

  it('keeps every Chinese character whole in a large workbook, whether its text is in shared strings or inline', async () => {
    // Summaries of 4000 varied characters (3 bytes each in UTF-8): the inflated sheet XML spans many
    // chunks, and a character falls on a chunk boundary somewhere (exceljs 4.4.0 decoded each chunk alone).
    const pool = '政务信息资源目录共享开放更新周期数据分级接口类型同步频率归集挂接平台单位项目建设验收备案整改专家评审';
    let seed = 7;
    const text = () => Array.from({ length: 4000 }, () => pool[(seed = (seed * 48271) % 2147483647) % pool.length]).join('');
    const rows = (from: number) => Array.from({ length: 10 }, (_, i) => row({ 信息资源名称: `长摘要资源${from + i}`, 目: String(from + i), 摘要: text() }));
    const shared = rows(400); // exceljs's Workbook writes shared strings, as Excel does
    const inline = rows(500); // the hub's streaming writer writes inline strings
    const chunks: Buffer[] = [];
    const out = new PassThrough().on('data', (c: Buffer) => chunks.push(c));
    await writeCatalogueWorkbook(
      out,
      inline.map((r) => r.map(String)),
      [],
    );
    for (const [file, expected] of [
      [await filledTemplate(template, shared), shared],
      [Buffer.concat(chunks), inline],
    ] as const) {
      const res = await upload(hub, q(), file, 'long.xlsx', edu);
      expect(res.body).toMatchObject({ written: true, created: 10, errorCount: 0 });
      for (const r of expected) {
        const found = await hub.ds.getRepository(InformationResource).findOneByOrFail({ name: String(r[4]) });
        expect(found.summary).toBe(r[7]);
      }
    }
  });

  it('refuses, with nothing written, a unit of another organisation and callers without a token', async () => {
    const before = await counts();
    const file = await filledTemplate(template, [row({ 信息资源名称: '越权', 目: '020' })]);
    const other = await upload(hub, q(), file, 'x.xlsx', health);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'NOT_ALLOWED', article: '第十三条' });
    expect(other.body.error.message).toMatch(/牵头单位或共建单位/);
    expect((await upload(hub, q(), file, 'x.xlsx')).status).toBe(401);
    expect((await upload(hub, q(), file, 'x.xlsx', 'not-a-token')).status).toBe(401);
    expect((await upload(hub, 'project=SC-1999-9999', file, 'x.xlsx', edu)).body.error.code).toBe('PROJECT_NOT_FOUND');
    expect((await upload(hub, '', file, 'x.xlsx', edu)).body.error.code).toBe('PROJECT_REQUIRED');
    expect(await counts()).toEqual(before);
  });

  it('refuses files too large, with too many rows, or that are not a workbook', async () => {
    const big = await upload(hub, q(), Buffer.alloc(300000, 'a'), 'big.csv', edu);
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'FILE_TOO_LARGE' } } });
    const many = await filledTemplate(
      template,
      Array.from({ length: 41 }, (_, i) => row({ 信息资源名称: `第${i}条`, 目: String(100 + i) })),
    );
    expect(await upload(hub, q(), many, 'many.xlsx', edu)).toMatchObject({ status: 413, body: { error: { code: 'TOO_MANY_ROWS' } } });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await upload(hub, q(), png, 'a.png', edu)).toMatchObject({ status: 415, body: { error: { code: 'NOT_A_WORKBOOK' } } });
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100)]);
    expect((await upload(hub, q(), xls, 'a.xls', edu)).body.error.message).toMatch(/另存为 .xlsx/);
    const brokenZip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 7)]);
    expect(await upload(hub, q(), brokenZip, 'a.xlsx', edu)).toMatchObject({ status: 415, body: { error: { code: 'NOT_A_WORKBOOK' } } });
    expect(await upload(hub, q(), Buffer.from('hello,world\n'), 'a.xlsx', edu)).toMatchObject({ status: 415 });
    const noSheet = await upload(hub, q(), Buffer.from('a,b\n1,2\n'), 'a.csv', edu);
    expect(noSheet).toMatchObject({ status: 422, body: { errors: [{ code: 'NO_CATALOGUE_SHEET' }] } });
    const empty = await upload(hub, q(), Buffer.alloc(0), 'a.csv', edu);
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'EMPTY_FILE' } } });
  });

  it('answers damaged workbooks and malformed requests with a clear error, never a 500', async () => {
    const good = await filledTemplate(template, [row({ 信息资源名称: '完好', 目: '030' })]);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const flipped = Buffer.from(good);
    for (let i = 200; i < flipped.length - 200; i += 97) flipped[i] ^= 0xff;
    for (const broken of [truncated, flipped]) {
      const res = await upload(hub, q(), broken, 'broken.xlsx', edu);
      expect([415, 422]).toContain(res.status);
      expect(res.body.written ?? false).toBe(false);
    }
    const noFile = new FormData();
    noFile.append('note', 'no file here');
    const res = await fetch(`${hub.url}/catalogue/import?${q()}`, { method: 'POST', body: noFile, headers: { authorization: `Bearer ${edu}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('NO_FILE');
    const badMultipart = await fetch(`${hub.url}/catalogue/import?${q()}`, {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
      headers: { authorization: `Bearer ${edu}`, 'content-type': 'multipart/form-data' },
    });
    expect(badMultipart.status).toBe(400);
    const get = await fetch(`${hub.url}/catalogue/import?${q()}`, { headers: { authorization: `Bearer ${edu}` } });
    expect(get.status).toBe(405);
    // The hub still answers after all of it.
    expect((await upload(hub, `${q()}&dryRun=true`, good, 'good.xlsx', edu)).body).toMatchObject({ created: 1, errorCount: 0 });
  });
});

describe('re-importing a published entry (第五条)', () => {
  const READ = `{ resource(code: "301009/000001") { status version summary dataItems { name } revision { status entry { summary dataItems { name } } } } }`;
  const entry = (over: Record<string, string> = {}) => row({ 信息资源名称: '重新导入的资源', 目: '009', 信息资源代码: '301009/000001', ...over });

  it('keeps the published version and puts the changed row into a revision; the same row again changes nothing', async () => {
    const bureau = await hub.token(Role.BIG_DATA_BUREAU);
    expect((await upload(hub, q(), await filledTemplate(template, [entry()], []), 'a.xlsx', edu)).body).toMatchObject({ written: true, created: 1 });
    const { id } = await hub.ds.getRepository(InformationResource).findOneByOrFail({ code: '301009/000001' });
    await hub.gql(`mutation ($id: ID!) { resourceSubmit(input: { id: $id }) { userErrors { code } } }`, { id }, edu);
    await hub.gql(`mutation ($id: ID!) { resourcePublish(input: { id: $id }) { userErrors { code } } }`, { id }, bureau);

    const same = await upload(hub, q(), await filledTemplate(template, [entry()], []), 'a.xlsx', edu);
    expect(same.body).toMatchObject({ written: true, created: 0, updated: 0, unchanged: 1, revised: 0 });
    expect((await hub.gql(READ, {}, edu)).data.resource).toMatchObject({ status: 'PUBLISHED', version: 1, revision: null });

    const changed = await filledTemplate(template, [entry({ 摘要: '导入修订后的摘要', 信息项: '姓名:C:50；联系电话:C:11' })], []);
    const before = await counts();
    expect((await upload(hub, q(), changed, 'b.xlsx', edu)).body).toMatchObject({ written: true, created: 0, updated: 1, revised: 1 });
    expect(await counts()).toEqual(before);
    expect((await hub.gql(READ, {}, edu)).data.resource).toEqual({
      status: 'PUBLISHED',
      version: 1,
      summary: '家庭经济困难学生资助对象的基本信息',
      dataItems: [{ name: '姓名' }, { name: '身份证号' }, { name: '资助金额' }],
      revision: { status: 'DRAFT', entry: { summary: '导入修订后的摘要', dataItems: [{ name: '姓名' }, { name: '联系电话' }] } },
    });

    // The changed file once more: the row is what the revision already holds, so it is unchanged and the revision is left as it is.
    const [revisionBefore] = await hub.ds.query(`SELECT v.id, v.updated_at FROM resource_revision v WHERE v.resource_id = $1`, [id]);
    expect((await upload(hub, q(), changed, 'b.xlsx', edu)).body).toMatchObject({ written: true, updated: 0, revised: 0, unchanged: 1 });
    expect(await hub.ds.query(`SELECT v.id, v.updated_at FROM resource_revision v WHERE v.resource_id = $1`, [id])).toEqual([revisionBefore]);
  });
});

describe('re-importing an unchanged workbook', () => {
  /** What a write would move: each entry's lock version and update time, its data items, the audit log's length. */
  const state = async (codes: string[]) => ({
    rows: await hub.ds.query(
      `SELECT r.code, r.lock_version, r.updated_at, (SELECT count(*)::int FROM resource_revision v WHERE v.resource_id = r.id) AS revisions,
              (SELECT array_agg(d.id::text ORDER BY d.position) FROM data_item d WHERE d.resource_id = r.id) AS items
         FROM information_resource r WHERE r.code = ANY($1) ORDER BY r.code`,
      [codes],
    ),
    audit: (await hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n,
  });

  it('counts its rows unchanged (未变化), writes nothing for them, and the dry run says the same; a changed row is the only one updated', async () => {
    const codes = ['301031/000001', '301032/000001', '301033/000001'];
    const rows = (summary: string) => [
      row({ 信息资源名称: '未变化甲', 目: '031', 信息资源代码: codes[0], 信息项: '姓名:C:50；身份证号:C:18' }),
      row({ 信息资源名称: '未变化乙', 目: '032', 信息资源代码: codes[1], 关联资源代码: codes[0], 摘要: summary }),
      row({ 信息资源名称: '未变化丙', 目: '033', 信息资源代码: codes[2], 共享类型: '不予共享', '共享条件/不予共享依据': '《档案法》第十九条' }),
    ];
    const file = await filledTemplate(template, rows('第一次导入的摘要'), [[codes[0], 'REST 接口', 'https://api.suqian.gov.cn/edu/unchanged', '每日']]);
    expect((await upload(hub, q(), file, 'same.xlsx', edu)).body).toMatchObject({ written: true, created: 3, interfacesRegistered: 1, errorCount: 0 });
    // one of them published: an unchanged row of it opens no revision
    const bureau = await hub.token(Role.BIG_DATA_BUREAU);
    const { id } = await hub.ds.getRepository(InformationResource).findOneByOrFail({ code: codes[2] });
    await hub.gql(`mutation ($id: ID!) { resourceSubmit(input: { id: $id }) { userErrors { code } } }`, { id }, edu);
    expect((await hub.gql(`mutation ($id: ID!) { resourcePublish(input: { id: $id }) { userErrors { code } } }`, { id }, bureau)).data.resourcePublish).toEqual(
      {
        userErrors: [],
      },
    );

    const before = await state(codes);
    const dry = await upload(hub, `${q()}&dryRun=true`, file, 'same.xlsx', edu);
    const real = await upload(hub, q(), file, 'same.xlsx', edu);
    const expected = { created: 0, updated: 0, revised: 0, interfacesRegistered: 0, interfacesUpdated: 0, unchanged: 4, errorCount: 0 };
    expect(dry.body).toMatchObject({ ...expected, dryRun: true, written: false });
    expect(real.body).toMatchObject({ ...expected, dryRun: false, written: true });
    // no revision, no audit entry, the same lock versions, update times and data item rows
    expect(await state(codes)).toEqual(before);

    // One changed cell: that row alone is updated, in the dry run as in the import.
    const edited = await filledTemplate(template, rows('第二次导入改了摘要'), [[codes[0], 'REST 接口', 'https://api.suqian.gov.cn/edu/unchanged', '每日']]);
    const changedDry = await upload(hub, `${q()}&dryRun=true`, edited, 'edited.xlsx', edu);
    expect(await state(codes)).toEqual(before);
    const changed = await upload(hub, q(), edited, 'edited.xlsx', edu);
    const one = { created: 0, updated: 1, revised: 0, unchanged: 3, errorCount: 0 };
    expect(changedDry.body).toMatchObject(one);
    expect(changed.body).toMatchObject(one);
    const after = await state(codes);
    expect(after.audit).toBe(before.audit + 1);
    expect(after.rows.map((r: any) => r.lock_version)).toEqual([before.rows[0].lock_version, before.rows[1].lock_version + 1, before.rows[2].lock_version]);
  });
});
