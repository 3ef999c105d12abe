// exceljs worksheet ↔ Grid (the plain cell values the core reads), in both directions.
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../core/types';
import { normalizeHeader } from '../../core/text';

// Excel stores wall-clock date-times without a zone; exceljs maps them to UTC Dates. The core
// reads dates with local getters, so convert at the border.
const fromExcelDate = (d: Date) =>
  new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
const toExcelDate = (d: Date) =>
  new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));

// Functions newer than Excel 2007 are stored with the "_xlfn." prefix in the file format; without it
// Excel shows #NAME?. People (and validation) see the plain name.
const FUTURE_FUNCTIONS = /\b(ISFORMULA|IFS|MAXIFS|MINIFS|SWITCH|TEXTJOIN|CONCAT|XLOOKUP|IFNA)\(/g;
export const fileFormula = (formula: string) => formula.replace(/^=/, '').replace(FUTURE_FUNCTIONS, '_xlfn.$1(');
const shownFormula = (formula: string) => formula.replace(/_xlfn\./g, '');

type RichText = { richText: Array<{ text: string }> };
const isRichText = (v: unknown): v is RichText => typeof v === 'object' && v !== null && 'richText' in v;
const richTextOf = (v: RichText) => v.richText.map((t) => t.text).join('');

/**
 * How a formula cell is read: as its "=…" text (unit workbooks: a formula typed in an input cell
 * must reach validation as what it is, never as its result), or as the result the spreadsheet
 * saved with it, falling back to the text when there is none (control workbook: an admin may
 * compute a maximum).
 */
export type FormulaMode = 'text' | 'result';

function formulaResult(cell: ExcelJS.Cell): Cell | undefined {
  const r = cell.result as unknown;
  if (r === null || r === undefined) return undefined;
  if (typeof r === 'string') return r.normalize('NFC');
  if (typeof r === 'number' || typeof r === 'boolean') return r;
  if (r instanceof Date) return fromExcelDate(r);
  if (typeof r === 'object' && 'error' in r) return String(r.error);
  return undefined;
}

/** A cell as the spreadsheet shows it; formulas as `mode` says. */
export function cellValue(cell: ExcelJS.Cell, mode: FormulaMode = 'text'): Cell {
  if (cell.type === ExcelJS.ValueType.Merge) return null; // shown by the master cell only
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return fromExcelDate(v);
  // exceljs gives formula values the Formula type; the `in` tests tell TypeScript as much.
  if (cell.type === ExcelJS.ValueType.Formula || 'formula' in v || 'sharedFormula' in v) {
    const result = mode === 'result' ? formulaResult(cell) : undefined;
    return result !== undefined ? result : `=${shownFormula(cell.formula ?? '')}`;
  }
  if (isRichText(v)) return richTextOf(v).normalize('NFC');
  if ('hyperlink' in v) {
    const text = (v as { text?: unknown }).text;
    return (isRichText(text) ? richTextOf(text) : String(text ?? '')).normalize('NFC');
  }
  if ('error' in v) return String((v as { error: unknown }).error);
  return String(v);
}

/** Every cell of a worksheet as a rectangular grid (row 1 = index 0). */
export function worksheetToGrid(ws: ExcelJS.Worksheet, mode: FormulaMode = 'text'): Grid {
  const rows: Grid = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      line[c - 1] = cellValue(cell, mode);
    });
    rows[r - 1] = line;
    width = Math.max(width, line.length);
  });
  const grid: Grid = [];
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r] ?? [];
    grid.push(Array.from({ length: width }, (_, c) => line[c] ?? null));
  }
  // Trailing blank rows (formatting only) are not data.
  while (grid.length && grid[grid.length - 1].every((c) => c === null || c === '')) grid.pop();
  return grid;
}

/** A sheet by name, tolerant of case, spacing and Unicode form (users retype tab names). */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = normalizeHeader(name);
  return wb.worksheets.find((ws) => normalizeHeader(ws.name) === key);
}

/** A core value as exceljs stores it. */
export function excelValue(c: Cell): ExcelJS.CellValue {
  if (c instanceof Date) return toExcelDate(c);
  return c;
}

/** Grid values written from A1; every cell that held something before and is outside the grid is cleared. */
export function writeGrid(ws: ExcelJS.Worksheet, grid: Grid): void {
  const width = grid.reduce((m, line) => Math.max(m, line.length), 0);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (r > grid.length || c > width) {
        cell.value = null;
        cell.style = {};
      }
    });
  });
  grid.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      cell.value = excelValue(line[c] ?? null);
      cell.style = {};
    }
  });
}
