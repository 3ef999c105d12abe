// How a table sheet of the control workbook is laid out on screen and on paper: column widths,
// wrapped columns, row heights in lines, orientation and the header rows repeated on every printed
// page. One decision, applied by both back-ends (exceljs offline, SpreadsheetApp online).
import type { Grid } from './types';
import { cellText } from './text';
import { LOG_COLUMNS, RESULT_COLUMNS, SHEETS } from './schema';

export interface SheetLayout {
  /** Column widths in characters (Excel units), one per column. */
  widths: number[];
  /** Columns whose text wraps (longer than the widest column allowed). */
  wrap: boolean[];
  /** Text lines each row needs (wrapped cells grow their row instead of overlapping the next). */
  lines: number[];
  /** A4 landscape when the columns are wider than a portrait page; printed fit to the page width. */
  landscape: boolean;
  /** Header rows repeated at the top of every printed page (and frozen on screen). */
  headerRows: number;
  /** Columns printed from A (undefined: all): `Kết quả` prints its ranking, not the chart's data block. */
  printColumns?: number;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** "dd/mm/yyyy hh:mm" and a margin: a narrower date column shows «###». */
const DATE_WIDTH = 18;
/** Characters across a portrait A4 page at the default font (210 mm less margins). */
export const PORTRAIT_CHARS = 95;
/** Rows read to size the columns: enough to see the data's shape, bounded for a province. */
const SAMPLE_ROWS = 500;

const textOf = (v: Grid[number][number]) => (v instanceof Date ? '' : cellText(v));

function widthOf(grid: Grid, c: number): number {
  let w = 0;
  for (const line of grid.slice(0, SAMPLE_ROWS)) {
    const v = line[c] ?? null;
    if (v instanceof Date) w = Math.max(w, DATE_WIDTH - 2);
    else for (const part of cellText(v).split('\n')) w = Math.max(w, part.length);
  }
  return w + 2;
}

/** Lines a text needs in a column `width` characters wide (a column width is roughly its characters). */
export function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(1, width - 1))), 0);
}

/**
 * The layout of a table whose header is row 1. `minWidths` (by column) keeps a column wide enough
 * for what a tool writes later (the time of `Nhật ký` under a header-only sheet).
 */
export function tableLayout(grid: Grid, minWidths: Record<number, number> = {}): SheetLayout {
  const width = grid.reduce((m, line) => Math.max(m, line.length), 0);
  const widths: number[] = [];
  const wrap: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const w = widthOf(grid, c);
    widths[c] = Math.max(minWidths[c] ?? 0, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
    wrap[c] = w > widths[c];
  }
  const lines = grid.map((line, r) => {
    let n = 1;
    for (let c = 0; c < width; c++) {
      if (r === 0 || wrap[c]) n = Math.max(n, linesIn(textOf(line[c] ?? null), widths[c]));
    }
    return n;
  });
  const landscape = widths.reduce((a, b) => a + b, 0) > PORTRAIT_CHARS;
  return { widths, wrap, lines, landscape, headerRows: 1 };
}

/** Widths a sheet keeps whatever it holds now: `Nhật ký` gets its rows one at a time. */
const MIN_WIDTHS: Record<string, Record<number, number>> = {
  [SHEETS.log]: {
    [Object.keys(LOG_COLUMNS).indexOf('time')]: DATE_WIDTH,
    [Object.keys(LOG_COLUMNS).indexOf('action')]: 28,
    [Object.keys(LOG_COLUMNS).indexOf('detail')]: 60,
  },
};

/** The layout of the control workbook's sheet `name` holding `grid`. */
export function sheetLayout(name: string, grid: Grid): SheetLayout {
  if (name !== SHEETS.results) return tableLayout(grid, MIN_WIDTHS[name]);
  // The chart's data block right of the ranking is for the chart: it neither prints nor widens the page.
  const printColumns = Object.keys(RESULT_COLUMNS).length;
  const table = tableLayout(grid.map((line) => line.slice(0, printColumns)));
  const all = tableLayout(grid);
  return { ...all, landscape: table.landscape, printColumns };
}
