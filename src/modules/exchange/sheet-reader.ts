import fs from 'node:fs';
import readline from 'node:readline';
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One row of an uploaded sheet: its name as the file has it, the 1-based row number, the cells as text. */
export interface SheetRow {
  sheet: string;
  row: number;
  /** cells[0] is column A. */
  cells: string[];
}

export type UploadKind = 'xlsx' | 'csv';

/** Why an upload is not read at all (the whole file is refused). */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The article of the measures the refusal applies (第N条), when a rule refused. */
    readonly article?: string,
  ) {
    super(message);
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // the binary .xls of Excel 97-2003

/** Decides from its first bytes (and the name it came with) whether an upload is a workbook, a CSV file, or neither. */
export async function sniff(path: string, name = ''): Promise<UploadKind> {
  const head = Buffer.alloc(4096);
  const fd = await fs.promises.open(path, 'r');
  const { bytesRead } = await fd.read(head, 0, head.length, 0).finally(() => fd.close());
  const start = head.subarray(0, bytesRead);
  if (bytesRead === 0) throw new UploadRefused(400, 'EMPTY_FILE', '上传的文件为空');
  if (start.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (start.subarray(0, 4).equals(OLE)) throw new UploadRefused(415, 'NOT_A_WORKBOOK', '不支持 Excel 97-2003 (.xls) 文件，请另存为 .xlsx 后上传');
  if (start.includes(0)) throw new UploadRefused(415, 'NOT_A_WORKBOOK', '上传的文件不是 Excel 工作簿 (.xlsx) 或 CSV 文件');
  if (/\.xlsx$/i.test(name)) throw new UploadRefused(415, 'NOT_A_WORKBOOK', '文件扩展名为 .xlsx，但内容不是 Excel 工作簿');
  return 'csv';
}

/** A cell value as exceljs reads it → the text the mapping reads. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

/** Text decoded across the chunks of a byte stream: a character split between two chunks stays whole. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type PartParsers = Record<'_parseWorksheet' | '_parseSharedStrings' | '_parseWorkbook', (...args: unknown[]) => unknown>;

/**
 * exceljs 4.4.0's streaming reader decodes every chunk of a part on its own (lib/utils/parse-sax.js
 * calls TextDecoder.decode per chunk), so a Chinese character whose bytes fall on a chunk boundary
 * of the inflated XML becomes two U+FFFD: 共享平台 read as 共享��台 somewhere in a large file. Its
 * parser takes text as it is, so the reader is handed the parts already decoded across chunks:
 * the worksheets, the shared strings and the workbook (sheet names).
 */
function decodeAcrossChunks(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const parts = reader as unknown as PartParsers;
  for (const name of ['_parseWorksheet', '_parseSharedStrings', '_parseWorkbook'] as const) {
    if (typeof parts[name] !== 'function') throw new Error(`exceljs WorkbookReader has no ${name}: check the UTF-8 workaround in sheet-reader.ts`);
  }
  const { _parseWorksheet: worksheet, _parseSharedStrings: sharedStrings, _parseWorkbook: workbook } = parts;
  parts._parseWorksheet = function (this: unknown, chunks: unknown, ...rest: unknown[]) {
    return worksheet.call(this, utf8Text(chunks as AsyncIterable<Buffer>), ...rest);
  };
  // These two read the zip entry as a stream: its own decoder (setEncoding) keeps characters whole.
  parts._parseSharedStrings = function (this: unknown, entry: unknown) {
    (entry as Readable).setEncoding('utf8');
    return sharedStrings.call(this, entry);
  };
  parts._parseWorkbook = function (this: unknown, entry: unknown) {
    (entry as Readable).setEncoding('utf8');
    return workbook.call(this, entry);
  };
}

/** The rows of every worksheet of an .xlsx file, streamed: memory does not grow with the file. */
async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates typed in Excel are numbers with a date style
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAcrossChunks(reader);
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        yield { sheet: name, row: row.number, cells };
      }
    }
  } catch (err) {
    if (err instanceof UploadRefused) throw err;
    throw new WorkbookReadFailed(err instanceof Error ? err.message : String(err));
  }
}

/**
 * A read of a workbook that exceljs's streaming reader gave up on. It can be the file, or a timing
 * race of the reader itself: exceljs 4.4 (exceljs#3064) may end its single pass through the zip
 * before it has read `xl/workbook.xml`, which exceljs writes last, and then fails a sound workbook
 * reading `this.model.sheets`; unzipper 0.10 may end a pass early with FILE_ENDED. A race does not
 * happen every time, the file on disk does not change: the read is tried again, and a file that
 * fails every try is refused as not a workbook.
 */
class WorkbookReadFailed extends Error {}
const WORKBOOK_READ_ATTEMPTS = 3;

/** True when the whole file is valid UTF-8 (read in chunks, so memory stays flat). */
async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The rows of a CSV file in UTF-8 (with or without BOM) or GB18030, streamed. */
async function* csvRows(path: string, input: Readable, sheet: string): AsyncGenerator<SheetRow> {
  const encoding = (await isUtf8(path)) ? 'utf8' : 'gb18030';
  const parser = input
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }));
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { sheet, row: record.info.lines, cells: record.record.map((c) => c.trim()) };
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UploadRefused(400, 'INVALID_CSV', `CSV 文件格式错误：${message}`);
  }
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

/**
 * Streams the rows of an uploaded file (at `path`, already sniffed as `kind`). `onBytes` follows
 * how far into the file the reader is, for a progress bar.
 */
export async function* readRows(path: string, kind: UploadKind, csvSheet: string, onBytes?: (p: ReadProgress) => void): AsyncGenerator<SheetRow> {
  if (kind === 'csv') return yield* readOnce(path, kind, csvSheet, onBytes);
  // A workbook is read whole into its spool before its first row is given, so a read that failed
  // (WorkbookReadFailed) has given nothing yet and is simply read again.
  for (let attempt = 1; ; attempt++) {
    try {
      return yield* readOnce(path, kind, csvSheet, onBytes);
    } catch (err) {
      if (!(err instanceof WorkbookReadFailed)) throw err;
      if (attempt === WORKBOOK_READ_ATTEMPTS) throw new UploadRefused(415, 'NOT_A_WORKBOOK', '无法读取该 Excel 工作簿（文件损坏或不是 .xlsx 格式）');
    }
  }
}

async function* readOnce(path: string, kind: UploadKind, csvSheet: string, onBytes?: (p: ReadProgress) => void): AsyncGenerator<SheetRow> {
  const totalBytes = (await fs.promises.stat(path)).size;
  const file = fs.createReadStream(path);
  const counted = new PassThrough();
  let bytesRead = 0;
  // A workbook is read whole into its spool at once: its progress is how far the rows are given from there.
  if (kind === 'csv')
    file.on('data', (chunk) => {
      bytesRead += chunk.length;
      onBytes?.({ bytesRead, totalBytes });
    });
  file.on('error', (err) => counted.destroy(err));
  file.pipe(counted);
  try {
    yield* kind === 'xlsx'
      ? spooled(`${path}.rows`, xlsxRows(counted), (fraction) => onBytes?.({ bytesRead: Math.round(fraction * totalBytes), totalBytes }))
      : csvRows(path, counted, csvSheet);
  } finally {
    file.destroy();
    counted.destroy();
  }
}

/**
 * The rows of `rows`, read to the end into a file at `spool` first (one JSON line a row) and then
 * given from it, `onGiven` following how far. unzipper 0.10 (exceljs's zip reader) can fail a sound workbook with FILE_ENDED
 * when its reader is slow, as the import is between rows (each row is checked against the
 * database): the workbook is read at full speed, and memory stays flat whatever its size.
 */
async function* spooled(spool: string, rows: AsyncIterable<SheetRow>, onGiven?: (fraction: number) => void): AsyncGenerator<SheetRow> {
  const out = fs.createWriteStream(spool);
  try {
    const written = new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
    written.catch(() => undefined); // a write failure is met when awaited below
    for await (const row of rows) {
      if (!out.write(`${JSON.stringify(row)}\n`)) await Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), written]);
    }
    out.end();
    await written;
    const size = (await fs.promises.stat(spool)).size;
    let given = 0;
    const lines = readline.createInterface({ input: fs.createReadStream(spool), crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        given += Buffer.byteLength(line) + 1;
        onGiven?.(size ? given / size : 1);
        if (line) yield JSON.parse(line) as SheetRow;
      }
    } finally {
      lines.close();
    }
  } finally {
    out.destroy();
    await fs.promises.rm(spool, { force: true });
  }
}
