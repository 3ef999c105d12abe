/** A1 notation: parsing and formatting. Rows and columns are 1-based. */

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${colToLetters(col)}${row}`;
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.row, r.col);
  if (r.numRows === 1 && r.numCols === 1) return a;
  return `${a}:${cellA1(r.row + r.numRows - 1, r.col + r.numCols - 1)}`;
}

/** Quote a sheet name for use in A1 notation when needed. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Split "'Sheet name'!A1:B2" into sheet name (unquoted) and the A1 part. */
export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const s = a1.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: s };
  let name = s.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheet: name, ref: s.slice(bang + 1) };
}

interface End {
  col: number | null;
  row: number | null;
}

function parseEnd(s: string): End | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(s.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  return { col: m[1] ? lettersToCol(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/**
 * Parse "A1", "A1:C5", "A:C", "2:4", "A2:C" (open end = to the sheet's edge).
 * Returns null when the notation is invalid.
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): Rect | null {
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const a = parseEnd(parts[0]);
  if (!a) return null;
  if (parts.length === 1) {
    if (a.col === null || a.row === null) return null;
    return { row: a.row, col: a.col, numRows: 1, numCols: 1 };
  }
  const b = parseEnd(parts[1]);
  if (!b) return null;
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? (a.row === null || b.col !== null ? maxRows : r1);
  const c2 = b.col ?? (a.col === null || b.row !== null ? maxCols : c1);
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  if (row < 1 || col < 1) return null;
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

export type Axis = 'row' | 'col';

/**
 * Shift a rectangle for rows/columns inserted (count > 0, before index `at`) or deleted
 * (count < 0, the rows at..at-count-1). Returns null when the rectangle is deleted entirely.
 */
export function shiftRect(r: Rect, axis: Axis, at: number, count: number): Rect | null {
  const start = axis === 'row' ? r.row : r.col;
  const len = axis === 'row' ? r.numRows : r.numCols;
  const span = shiftSpan(start, start + len - 1, at, count);
  if (!span) return null;
  return axis === 'row' ? { ...r, row: span[0], numRows: span[1] - span[0] + 1 } : { ...r, col: span[0], numCols: span[1] - span[0] + 1 };
}

/** Shift the inclusive span [a, b]; see shiftRect. */
export function shiftSpan(a: number, b: number, at: number, count: number): [number, number] | null {
  if (count > 0) return [a >= at ? a + count : a, b >= at ? b + count : b];
  const n = -count;
  const last = at + n - 1;
  if (b < at) return [a, b];
  if (a > last) return [a - n, b - n];
  if (a >= at && b <= last) return null;
  return [a < at ? a : at, b > last ? b - n : at - 1];
}
