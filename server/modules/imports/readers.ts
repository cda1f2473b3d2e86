// Exported files read into a header row and data rows of text cells: one reader per format.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';

export interface Table {
  headers: string[];
  /** Data rows, the header excluded: the row's number as the file shows it and its cells as text. */
  rows: { line: number; cells: string[] }[];
}

/** The largest file an import accepts (a month of ПОС messages of a big city is a few megabytes). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

const unreadable = (detail: string) => new AppError(400, 'import_file_unreadable', `Не удалось прочитать файл: ${detail}`);

/** XLSX by its content (a ZIP archive), CSV otherwise. */
export async function readTable(content: Buffer): Promise<Table> {
  if (content.length === 0) throw new AppError(400, 'file_empty', 'Файл пустой');
  if (content.length > MAX_IMPORT_BYTES) throw new AppError(413, 'file_too_large', 'Файл больше 10 МБ: разделите выгрузку по периодам');
  const isZip = content[0] === 0x50 && content[1] === 0x4b;
  const table = isZip ? await readXlsx(content) : readCsv(content);
  if (table.rows.length > MAX_IMPORT_ROWS) throw new AppError(413, 'file_too_large', `В файле больше ${MAX_IMPORT_ROWS} строк: разделите выгрузку по периодам`);
  return table;
}

/** Text of a CSV file: UTF-8 (with or without BOM), or Windows-1251 as older exports write it. */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(content);
  }
}

/** The delimiter of the header line: the one of «;», tab and «,» that occurs most. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', '\t', ','].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(content: Buffer): Table {
  const text = decodeText(content);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, relax_quotes: true, trim: false, info: true }) as unknown as typeof records;
  } catch (error) {
    throw unreadable(`CSV повреждён (${(error as { code?: string }).code ?? 'ошибка разбора'})`);
  }
  const [first, ...rest] = records;
  const headers = first?.record ?? [];
  if (!headers.some((h) => h.trim())) throw unreadable('нет строки заголовков');
  return { headers, rows: rest.filter((r) => r.record.some((c) => c.trim())).map((r) => ({ line: r.info.lines, cells: r.record })) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell's text. Dates in a workbook are wall-clock times stored as UTC, so they are written back as such. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = value;
    const time = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : '';
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${time}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

export async function readXlsx(content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw unreadable('это не книга Excel (XLSX) или она повреждена');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('в книге нет листов');
  const all: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellText(row.getCell(i).value).trim());
    all.push({ line, cells });
  });
  const [first, ...rest] = all;
  const headers = first?.cells ?? [];
  if (!headers.some((h) => h.trim())) throw unreadable('нет строки заголовков');
  return { headers, rows: rest.filter((r) => r.cells.some((c) => c)) };
}
