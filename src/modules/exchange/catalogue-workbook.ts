import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DATA_ITEM_TYPE_LABEL } from '../catalogue';
import { HEADER_ROWS, INSTRUCTIONS_SHEET, INTERFACE_COLUMNS, INTERFACE_SHEET, RESOURCE_COLUMNS, RESOURCE_SHEET, SheetColumn } from './columns';

/** Rows under the header that carry the drop-down validations of the template. */
export const VALIDATED_ROWS = 5000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** exceljs has the validations of a sheet, but its typings leave them out. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

/** A sheet of `columns`: header and hint rows frozen, drop-downs of the enums' Chinese labels, text cells for codes. */
function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: SheetColumn[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: 0 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: c.digits ? { numFmt: '@' } : {} }));
  const header = ws.addRow(columns.map((c) => (c.required ? `*${c.header}` : c.header)));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  header.commit();
  const hint = ws.addRow(columns.map((c) => c.hint));
  hint.font = { italic: true, color: { argb: 'FF808080' } };
  hint.commit();
  columns.forEach((c, i) => {
    if (!c.labels) return;
    const letter = ws.getColumn(i + 1).letter;
    validations(ws).add(`${letter}${HEADER_ROWS + 1}:${letter}${HEADER_ROWS + VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${Object.values(c.labels).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
    });
  });
  return ws;
}

function instructions(): string[][] {
  const enumLines = [...RESOURCE_COLUMNS, ...INTERFACE_COLUMNS].filter((c) => c.labels).map((c) => [c.header, Object.values(c.labels!).join('、')]);
  return [
    ['政务信息资源目录填报模板', ''],
    ['', ''],
    [
      '工作表',
      `「${RESOURCE_SHEET}」每行一条信息资源；「${INTERFACE_SHEET}」每行一个共享接口（按资源代码对应）。第1行为表头，第2行为填写提示，从第3行起填写。`,
    ],
    ['必填列', '表头带 * 的列必填。'],
    ['分类代码', '由「类」（基础1、主题2、部门3）、「项」2位、「目」3位和可选的「细目」3位组成（第八条）。'],
    ['信息资源代码', '「分类代码/6位顺序号」，如 301001/000001；留空时自动生成。再次导入同一文件时按此代码更新，不会重复登记。'],
    ['提供方', '填统一社会信用代码或单位全称，须为项目牵头单位或共建单位；留空为导入单位。'],
    [
      '信息项',
      `「名称:类型:长度」，多个以分号分隔；也可每个信息项单独一行，只填本列。类型：${Object.entries(DATA_ITEM_TYPE_LABEL)
        .map(([k, v]) => `${k} ${v.replace(/ [A-Z]$/, '')}`)
        .join('、')}。`,
    ],
    ['共享条件/不予共享依据', '有条件共享须填共享条件；不予共享须填法律法规或政策依据（第九条）。不予共享的资源只能不予开放，也不能登记共享接口。'],
    ['同步频率', '共享接口的同步频率不能低于信息资源的更新周期（第十七条）。'],
    ['导入规则', '每一行都按与系统登记相同的规则检查；任何一行有错，整个文件都不写入，错误逐条列出（工作表、行、列、代码、说明）。'],
    ['', ''],
    ['下拉选项', ''],
    ...enumLines,
  ];
}

/** Writes the catalogue workbook to `out`: the template when `resources` and `interfaces` are empty, else an export. */
export async function writeCatalogueWorkbook(
  out: Writable,
  resources: AsyncIterable<string[]> | Iterable<string[]>,
  interfaces: AsyncIterable<string[]> | Iterable<string[]>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'catalogue-hub';
  for (const [name, columns, rows] of [
    [RESOURCE_SHEET, RESOURCE_COLUMNS, resources],
    [INTERFACE_SHEET, INTERFACE_COLUMNS, interfaces],
  ] as const) {
    const ws = addSheet(wb, name, columns);
    for await (const cells of rows) ws.addRow(cells).commit();
    ws.commit();
  }
  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 24 }, { width: 100 }];
  for (const line of instructions()) help.addRow(line).commit();
  help.commit();
  await wb.commit();
}
