// Tables inside grids, found by header text: the only way columns are located anywhere.
import { Cell, Finding, Grid } from './types';
import { Columns } from './schema';
import { cellText, normalizeHeader } from './text';

export interface TableLocation<K extends string> {
  /** 0-based index of the header row in the grid. */
  headerRow: number;
  /** 0-based column index of each key found. */
  cols: Partial<Record<K, number>>;
}

/**
 * The first row (within `scanRows`) holding every `required` header. Extra columns and any order are
 * fine; matching ignores case, spacing and Unicode normalisation.
 */
export function findHeader<K extends string>(
  grid: Grid,
  columns: Record<K, string>,
  required: readonly NoInfer<K>[] = Object.keys(columns) as K[],
  scanRows = 30,
): TableLocation<K> | null {
  for (let r = 0; r < Math.min(grid.length, scanRows); r++) {
    const texts = (grid[r] || []).map(normalizeHeader);
    const cols: Partial<Record<K, number>> = {};
    for (const k of Object.keys(columns) as K[]) {
      const i = texts.indexOf(normalizeHeader(columns[k]));
      if (i >= 0) cols[k] = i;
    }
    if (required.every((k) => cols[k] !== undefined)) return { headerRow: r, cols };
  }
  return null;
}

export type TableRow<K extends string> = Record<K, Cell> & { row: number };

export interface ReadTable<K extends string> {
  rows: TableRow<K>[];
  location: TableLocation<K> | null;
  /** Headers of required columns that were not found (the table is then empty). */
  missing: string[];
}

/** Rows under the header, mapped by key; blank rows are skipped; `row` is the 1-based sheet row. */
export function readTable<K extends string>(
  grid: Grid,
  columns: Record<K, string>,
  required: readonly NoInfer<K>[] = Object.keys(columns) as K[],
): ReadTable<K> {
  const location = findHeader(grid, columns, required);
  if (!location) {
    // Name what is missing in the row that looks most like the header (a title may sit above it).
    const wanted = new Set(Object.values<string>(columns).map(normalizeHeader));
    const score = (r: number) => (grid[r] || []).filter((c) => wanted.has(normalizeHeader(c))).length;
    let best = 0;
    for (let r = 1; r < Math.min(grid.length, 30); r++) if (score(r) > score(best)) best = r;
    const seen = new Set((grid[best] || []).map(normalizeHeader));
    const missing = required.filter((k) => !seen.has(normalizeHeader(columns[k]))).map((k) => columns[k]);
    return { rows: [], location: null, missing: missing.length ? missing : required.map((k) => columns[k]) };
  }
  const rows: TableRow<K>[] = [];
  for (let r = location.headerRow + 1; r < grid.length; r++) {
    const line = grid[r] || [];
    if (line.every((c) => cellText(c) === '')) continue;
    const obj = { row: r + 1 } as TableRow<K>;
    for (const k of Object.keys(columns) as K[]) {
      const i = location.cols[k];
      (obj as Record<string, Cell>)[k] = i === undefined ? null : (line[i] ?? null);
    }
    rows.push(obj);
  }
  return { rows, location, missing: [] };
}

/** Header + rows as a rectangular grid, in the column order of `columns`. */
export function tableGrid<K extends string>(columns: Record<K, string>, rows: Array<Partial<Record<NoInfer<K>, Cell>>>): Grid {
  const keys = Object.keys(columns) as K[];
  return [keys.map((k) => columns[k]), ...rows.map((r) => keys.map((k) => r[k] ?? null))];
}

/** "A", "B", … "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address from 0-based row and column. */
export const a1 = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;

/** Finding for a sheet or columns that cannot be found: the data stays untouched. */
export function structureFinding(unitCode: string, sheet: string, missing: string[], where = ''): Finding {
  const place = where ? `${where}: ` : '';
  const message = missing.length
    ? `${place}sheet «${sheet}» thiếu cột ${missing.map((m) => `«${m}»`).join(', ')} (có thể đã bị đổi tên hoặc xóa).`
    : `${place}không tìm thấy sheet «${sheet}» (có thể đã bị đổi tên hoặc xóa).`;
  return { severity: 'Lỗi', unitCode, sheet, message, code: missing.length ? 'missing-column' : 'missing-sheet' };
}

export type { Columns };
