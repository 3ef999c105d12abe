// Small pure helpers for the Apps Script adapters: escaping values for Sheets and patterns for
// Docs, A1 references with sheet names, links to cells, file names and job cursors.
// No Google API here, so they are tested in Node (test/core/gas-support.test.ts).
import type { Cell } from './types';
import type { CellSpec } from './unit-sheet';
import { isFormula } from './unit-sheet';
import { cleanName } from './file-names';

/** Regular-expression characters escaped, so `Body.replaceText` (RE2) matches `s` literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * True when `s` can be the replacement of `replaceText` as it is: "$" and "\" have a special
 * meaning there (group references), so such text must be inserted another way.
 */
export const isPlainReplacement = (s: string) => !/[$\\]/.test(s);

/** Text Sheets would turn into a formula or strip ("=", "+", "-", "@", or a leading apostrophe). */
const FORMULA_LIKE = /^[=+\-@']/;
/** Text Sheets would read as a number, a percentage, a date, a time or a boolean. */
const NUMBER_LIKE =
  /^\s*[-+]?(?:\d[\d.,\s]*)?\d\s*%?\s*$|^\s*\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\s*$|^\s*\d{1,2}:\d{2}|^\s*(?:true|false)\s*$/i;

/**
 * A cell of user or rubric text for `setValues`: Sheets interprets a string the way it interprets
 * typing, so text that would become a formula gets a leading apostrophe (kept as plain text).
 * With `keepType` false, text that would become a number or a date is protected too (codes such
 * as "1.10" must stay text).
 */
export function sheetText(s: string, keepType = false): string {
  if (s === '') return s;
  const numberLike = NUMBER_LIKE.test(s);
  if (keepType && numberLike) return s;
  if (FORMULA_LIKE.test(s) || numberLike) return `'${s}`;
  return s;
}

/** A value for `setValues`: formulas as "=…", strings escaped (see sheetText), other values as they are. */
export function sheetValue(c: CellSpec, keepType = false): Cell {
  if (isFormula(c)) return `=${c.formula}`;
  if (typeof c === 'string') return sheetText(c, keepType);
  return c;
}

/** "'Chấm điểm'!D12": an A1 reference with a quoted sheet name. */
export function sheetA1(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/** Link straight to a cell of a spreadsheet: "<url>#gid=<sheetId>&range=D12". */
export function cellLink(url: string, gid: number | null | undefined, a1?: string | null): string {
  if (gid === null || gid === undefined) return url;
  const base = url.replace(/#.*$/, '');
  return `${base}#gid=${gid}${a1 && /^[A-Z]{1,3}\d+$/.test(a1) ? `&range=${a1}` : ''}`;
}

/** The Drive id inside a Google Docs/Sheets/Drive URL, or the text itself when it already is an id. */
export function driveIdOf(text: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  const m = /\/d\/([A-Za-z0-9_-]{10,})/.exec(s) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(s);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(s) ? s : null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "dd-MM-yyyy HH:mm" in the runtime's time zone (the script's, in Apps Script). */
export function stampDateTime(d: Date): string {
  return `${pad2(d.getDate())}-${pad2(d.getMonth() + 1)}-${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** "dd/MM/yyyy HH:mm", for messages and the status line of a unit file. */
export function displayDateTime(d: Date): string {
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Name given to the previous version of a document when it is regenerated. */
export function oldVersionName(name: string, when: Date): string {
  return `${name} (bản cũ ${stampDateTime(when)})`;
}

/**
 * A file or folder name without characters Drive users find confusing ("/" reads as a path), nor
 * control or bidirectional ones: the same `cleanName` as offline file names (core/file-names).
 */
export function safeFileName(s: string): string {
  return (
    cleanName(s)
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Không tên'
  );
}

/** A job cursor (opaque to the sidebar): JSON text, or null when it cannot be read. */
export function parseCursor<T extends object>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as T) : null;
  } catch {
    return null;
  }
}

/** Split text into pieces of at most `size` characters (for storage limits per value). */
export function splitText(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Every `{{name}}` in a text, in order of first appearance, without duplicates. */
export function placeholdersIn(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(/\{\{([^{}]+)\}\}/g)) seen.add(m[1]);
  return [...seen];
}

/** "D12" → [11, 3] (0-based row and column); null when the text is not a single-cell A1. */
export function parseA1(a1: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}
