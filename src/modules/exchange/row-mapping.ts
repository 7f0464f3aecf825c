import { isCalendarDate, isDateShaped } from '../../common/formats';
import { DATA_ITEM_TYPE_LABEL, DataItemType, SharingType } from '../catalogue';
import { DataItemInput } from '../catalogue';
import { CATALOGUE_CLASS_DIGIT, CatalogueKind } from '../catalogue';
import { enumOf, SheetColumn } from './columns';
import type { ImportError } from './import-report';

export type { ImportError } from './import-report';

/** Where each column of a sheet is, by its header row. */
export class SheetLayout {
  private readonly index = new Map<string, number>();

  constructor(
    readonly sheet: string,
    readonly columns: SheetColumn[],
    headerCells: string[],
  ) {
    headerCells.forEach((cell, i) => {
      const header = cell.replace(/^\*/, '').trim();
      const column = columns.find((c) => c.header === header);
      if (column && !this.index.has(column.key)) this.index.set(column.key, i);
    });
  }

  /** The required columns the header row lacks. */
  missing(): SheetColumn[] {
    return this.columns.filter((c) => c.required && !this.index.has(c.key));
  }

  cell(cells: string[], key: string): string {
    const i = this.index.get(key);
    return i === undefined ? '' : (cells[i] ?? '');
  }

  /** True for the template's hint row: every non-empty cell is its column's hint. */
  isHintRow(cells: string[]): boolean {
    const filled = this.columns.filter((c) => this.cell(cells, c.key) !== '');
    return filled.length > 0 && filled.every((c) => this.cell(cells, c.key) === c.hint);
  }

  isEmpty(cells: string[]): boolean {
    return this.columns.every((c) => this.cell(cells, c.key) === '');
  }
}

/** Reads one row's cells into typed values, collecting the errors with their column. */
export class RowReader {
  readonly errors: ImportError[] = [];

  constructor(
    private readonly layout: SheetLayout,
    private readonly cells: string[],
    readonly row: number,
  ) {}

  error(column: SheetColumn | string | null, code: string, message: string, article?: string): void {
    const header = column === null ? null : typeof column === 'string' ? column : column.header;
    this.errors.push({ sheet: this.layout.sheet, row: this.row, column: header, code, message, article });
  }

  private column(key: string): SheetColumn {
    return this.layout.columns.find((c) => c.key === key)!;
  }

  text(key: string): string | null {
    const value = this.layout.cell(this.cells, key);
    if (value === '' && this.column(key).required) this.error(this.column(key), 'REQUIRED', `${this.column(key).header}不能为空`);
    return value === '' ? null : value;
  }

  /** An enumerated column: its Chinese label (or the enum value) → the enum value. */
  choice<E extends string>(key: string): E | null {
    const column = this.column(key);
    const value = this.text(key);
    if (value === null) return null;
    const found = enumOf(column.labels!, value);
    if (!found) {
      this.error(column, 'INVALID', `${column.header}「${value}」不是可选值（${Object.values(column.labels!).join('、')}）`);
      return null;
    }
    return found as E;
  }

  /** A digits column; a number Excel stored without its leading zeros gets them back. */
  digits(key: string): string {
    const column = this.column(key);
    const value = this.text(key) ?? '';
    if (/^\d+$/.test(value) && value.length < column.digits!) return value.padStart(column.digits!, '0');
    return value;
  }

  date(key: string): string | null {
    const value = this.text(key);
    if (value === null) return null;
    if (!isCalendarDate(value)) {
      const why = isDateShaped(value) ? '不存在（该月没有这一天）' : '格式无效（应为 YYYY-MM-DD）';
      this.error(this.column(key), 'INVALID', `${this.column(key).header}「${value}」${why}`);
      return null;
    }
    return value;
  }

  list(key: string): string[] {
    const value = this.text(key);
    return value === null ? [] : value.split(/[;；,，\s]+/).filter((s) => s !== '');
  }
}

/** The classification code of a row: the 类 digit of the catalogue kind + 项 + 目 (+ 细目). */
export function classificationOf(kind: CatalogueKind | null, item: string, category: string, subcategory: string): string {
  return `${kind ? CATALOGUE_CLASS_DIGIT[kind] : ''}${item}${category}${subcategory}`;
}

/** The classification code split back into its 项, 目 and 细目 cells. */
export function classificationParts(code: string): { item: string; category: string; subcategory: string } {
  return { item: code.slice(1, 3), category: code.slice(3, 6), subcategory: code.slice(6) };
}

/** "姓名:C:50；身份证号:C:18" → data items; the type is the code letter or its Chinese label. */
export function parseDataItems(reader: RowReader, text: string, column: SheetColumn): DataItemInput[] {
  const out: DataItemInput[] = [];
  for (const part of text
    .split(/[;；\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const segments = part.split(/[:：]/).map((s) => s.trim());
    let length: number | null = null;
    if (segments.length >= 3 && /^\d+$/.test(segments[segments.length - 1])) length = Number(segments.pop());
    const typeText = segments.length >= 2 ? segments.pop()! : '';
    const name = segments.join(':');
    const dataType =
      enumOf(DATA_ITEM_TYPE_LABEL, typeText.toUpperCase()) ??
      enumOf(DATA_ITEM_TYPE_LABEL, typeText) ??
      // the label without its code letter: 字符型 for 字符型 C
      Object.entries(DATA_ITEM_TYPE_LABEL).find(([, label]) => label.replace(/ [A-Z]$/, '') === typeText)?.[0];
    if (!name || !dataType) {
      const types = Object.values(DATA_ITEM_TYPE_LABEL).join('、'); // 字符型 C、…: the 编制指南's names with their letters
      reader.error(column, 'INVALID', `信息项「${part}」应为「名称:类型:长度」，类型为 ${types} 之一`);
      continue;
    }
    out.push(Object.assign(new DataItemInput(), { name, dataType: dataType as DataItemType, length }));
  }
  return out;
}

/** The data items of an entry as the 信息项 cell writes them. */
export function formatDataItems(items: { name: string; dataType: string; length: number | null }[]): string {
  return items.map((i) => [i.name, i.dataType, ...(i.length === null ? [] : [String(i.length)])].join(':')).join('；');
}

/** The 共享条件/不予共享依据 cell is the legal basis when the entry is not shared, else its condition. */
export function conditionFields(sharingType: SharingType | null, text: string | null): { sharingCondition: string | null; legalBasis: string | null } {
  return sharingType === SharingType.NOT_SHARED ? { sharingCondition: null, legalBasis: text } : { sharingCondition: text, legalBasis: null };
}
