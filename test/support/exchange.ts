/** Helpers for the exchange specs: files over real HTTP, workbooks built and read with exceljs. */
import ExcelJS from 'exceljs';
import type { TestHub } from './hub';

export async function download(hub: TestHub, path: string, token?: string): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

/** POSTs `file` as the `file` part of a multipart form to /catalogue/import. */
export async function upload(hub: TestHub, query: string, file: Buffer, name: string, token?: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const res = await fetch(`${hub.url}/catalogue/import?${query}`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: await res.json() };
}

export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The cells of a sheet's rows from `from` on, as text. */
export function sheetRows(ws: ExcelJS.Worksheet, from = 3): string[][] {
  const out: string[][] = [];
  ws.eachRow((row, n) => {
    if (n < from) return;
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    out.push(cells);
  });
  return out;
}

/** The template with `resources` and `interfaces` rows filled in from row 3. */
export async function filledTemplate(template: Buffer, resources: (string | number)[][], interfaces: (string | number)[][] = []): Promise<Buffer> {
  const wb = await readWorkbook(template);
  const [r, i] = [wb.getWorksheet('信息资源目录')!, wb.getWorksheet('共享接口')!];
  resources.forEach((cells, n) => (r.getRow(3 + n).values = cells));
  interfaces.forEach((cells, n) => (i.getRow(3 + n).values = cells));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let rowSerial = 0;

/** A catalogue row in the template's column order; override by header. Each row's default name is its own (第八条: one name per project). */
export function row(overrides: Record<string, string | number> = {}): (string | number)[] {
  const base: Record<string, string | number> = {
    类: '部门信息资源',
    项: '01',
    目: '001',
    细目: '',
    信息资源名称: `学生资助对象信息${++rowSerial}`,
    信息资源代码: '',
    提供方: '',
    摘要: '家庭经济困难学生资助对象的基本信息',
    格式: '数据库',
    子格式: 'PostgreSQL',
    信息项: '姓名:C:50；身份证号:C:18；资助金额:Y:12',
    共享类型: '无条件共享',
    '共享条件/不予共享依据': '',
    共享方式: '共享平台·接口',
    开放类型: '不予开放',
    开放条件: '',
    更新周期: '每日',
    数据分级: '重要数据',
    发布日期: '',
    关联资源代码: '',
    ...overrides,
  };
  return Object.values(base);
}

/** Every value of every enum of the hub's schema (schema/schema.graphql): what a user must never read in an exported cell. */
export function englishEnumCodes(): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const text: string = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../schema/schema.graphql'), 'utf8');
  const codes = new Set<string>();
  for (const [, body] of text.matchAll(/^enum \w+ \{([^}]*)\}/gm)) {
    for (const line of body.replace(/"""[^]*?"""|"[^"]*"/g, '').split('\n')) {
      const value = /^\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line)?.[1];
      if (value) codes.add(value);
    }
  }
  return codes;
}

/** The cells of a workbook that are, or contain as a word, an English enum code (single letters aside: the 信息项 notation uses them). */
export function englishCells(wb: ExcelJS.Workbook, sheets: (name: string) => boolean): string[] {
  const codes = englishEnumCodes();
  const found: string[] = [];
  for (const ws of wb.worksheets.filter((w) => sheets(w.name))) {
    ws.eachRow((row, n) =>
      row.eachCell((cell, c) => {
        const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
        const hit = codes.has(text.trim()) || (text.match(/[A-Z][A-Z0-9_]+/g) ?? []).some((w) => w.length > 1 && codes.has(w));
        if (hit) found.push(`${ws.name}!${n}:${c} ${text}`);
      }),
    );
  }
  return found;
}
