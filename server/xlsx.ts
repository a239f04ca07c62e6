/**
 * Spreadsheet plumbing shared by every xlsx import (题库, 花名册): build a template, load a file,
 * check its header against the template, and walk the data rows as trimmed text keyed by column
 * name. What a row means is the importer's business; this module only reports file-level problems
 * (unreadable file, no sheet, wrong header, too many rows) in the same `{ row, field, message }`
 * shape the importers use for row errors.
 */
import type ExcelJS from 'exceljs';
import type { ImportRowError } from '../types/common';
import { writeXlsx } from './xlsxWriter';

export type { ImportRowError };

/** A cell as written: text, a number Excel can sum, or empty. */
export type SheetCell = string | number | null;

export interface SheetSpec {
  name: string;
  rows: SheetCell[][];
  /** Column widths in characters, by column index; missing ones keep Excel's default. */
  widths?: number[];
  /** Bold first row. */
  header?: boolean;
  /** Column indexes (0-based) stored as text, so "0123" stays four digits in Excel/WPS. */
  textColumns?: number[];
  /** Number formats by column index (0-based), e.g. '0.0%' for a rate stored as 0–1. */
  numberFormats?: Record<number, string>;
}

/**
 * A sheet whose rows are made when the writer reaches it: a workbook of hundreds of large sheets (the
 * 台账) then holds one sheet's data at a time instead of every sheet's until the end.
 */
export type SheetSource = SheetSpec | (Omit<SheetSpec, 'rows'> & { rows: () => Promise<SheetCell[][]> });

/**
 * exceljs takes longer to load (≈120 ms) than the rest of a function bundle, so it is loaded on
 * the first spreadsheet read rather than on every cold start. A dynamic import stays lazy in the
 * esbuild bundle (a `require` inside a Promise), while a top-level import would run at load.
 */
let exceljs: Promise<typeof ExcelJS> | undefined;
function loadExcelJS(): Promise<typeof ExcelJS> {
  exceljs ??= import('exceljs').then((module) => module.default);
  return exceljs;
}

/**
 * Writes the workbook with our own writer (`server/xlsxWriter.ts`): exceljs's streaming writer cost
 * ≈10 µs a cell, too slow for the 台账 of 300,000 members (ARCHITECTURE.md "Statistics" → 台账).
 * Still a Promise so callers need not change; exceljs is not loaded for writing.
 */
export async function buildWorkbook(sheets: readonly SheetSource[]): Promise<Buffer> {
  return writeXlsx(sheets);
}

/** A cell as the text the admin sees: rich text joined, formulas by their cached result, trimmed. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
}

export interface SheetRow<C extends string> {
  /** 1-based, as Excel numbers it (the header is row 1). */
  row: number;
  cells: Record<C, string>;
}

export interface ReadSheetResult<C extends string> {
  rows: SheetRow<C>[];
  /** File-level problems only; empty when every row was read. */
  errors: ImportRowError[];
  /** Non-empty data rows seen (up to the first one past `maxRows`). */
  total: number;
}

/**
 * Reads the first worksheet. A wrong header is one error on row 1 rather than a row-by-row cascade;
 * blank rows are skipped; reading stops with one error at the first row past `maxRows`.
 */
export async function readSheet<C extends string>(
  file: Buffer,
  columns: readonly C[],
  limits: { maxRows: number; tooManyRows: string },
): Promise<ReadSheetResult<C>> {
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    return { rows: [], errors: [{ row: 0, field: '文件', message: '无法读取：请使用模板保存的 .xlsx 文件' }], total: 0 };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ row: 0, field: '文件', message: '文件中没有工作表' }], total: 0 };
  const headerRow = sheet.getRow(1);
  const badHeader = columns.findIndex((column, index) => cellText(headerRow.getCell(index + 1).value) !== column);
  if (badHeader >= 0) {
    return { rows: [], errors: [{ row: 1, field: columns[badHeader] ?? '表头', message: '表头与模板不一致，请下载最新模板' }], total: 0 };
  }

  const rows: SheetRow<C>[] = [];
  const errors: ImportRowError[] = [];
  let total = 0;
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells = Object.fromEntries(columns.map((column, index) => [column, cellText(row.getCell(index + 1).value)])) as Record<C, string>;
    if (columns.every((column) => cells[column] === '')) continue;
    total += 1;
    if (total > limits.maxRows) {
      errors.push({ row: rowNumber, field: '文件', message: limits.tooManyRows });
      break;
    }
    rows.push({ row: rowNumber, cells });
  }
  return { rows, errors, total };
}
