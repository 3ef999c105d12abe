/** Cell values: what a write stores, what a read shows, and date formatting. */
import { fail } from './errors';

export type Scalar = string | number | boolean | Date;

/** A Date from any realm (a Date made inside a vm context is not `instanceof Date` here). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export const MAX_CELL_CHARS = 50000;

const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** "15/11/2024": a date as typed in a vi_VN spreadsheet (day first). */
const VI_DATE_TEXT = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/**
 * What Sheets stores for a value written by setValue(s) (spreadsheet locale en_US; in a vi_VN
 * spreadsheet, "d/m/yyyy" text becomes that date, as Sheets does — other locale differences are
 * not modelled):
 * - null / undefined / '' → empty cell;
 * - a string starting with '=' → a formula;
 * - a string starting with "'" → the literal text after the apostrophe;
 * - a string that reads as a number ("12", "1.5", "007") → that number, and "TRUE"/"FALSE" →
 *   a boolean, unless the cell's number format is plain text ('@');
 * - other strings, numbers, booleans and Dates as they are.
 * Date-like and percent strings are NOT parsed (Sheets would); write Dates as Date objects.
 */
export function coerceInput(v: unknown, numberFormat: string | undefined, locale = 'en_US'): { v?: Scalar; f?: string } {
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') {
    if (v.length > MAX_CELL_CHARS) fail(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    if (v === '') return {};
    if (v.startsWith('=') && v.length > 1) return { f: v };
    if (v.startsWith("'")) return v.length > 1 ? { v: v.slice(1) } : {};
    if (numberFormat === '@') return { v };
    if (NUMBER_TEXT.test(v)) return { v: Number(v) };
    if (/^(true|false)$/i.test(v)) return { v: v.toLowerCase() === 'true' };
    const vi = locale === 'vi_VN' ? VI_DATE_TEXT.exec(v) : null;
    if (vi) {
      const [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
      const date = new Date(y, m - 1, d);
      if (date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d) return { v: date };
    }
    return { v };
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { v } : { v: '#NUM!' };
  if (typeof v === 'boolean') return { v };
  if (isDate(v)) return Number.isNaN(v.getTime()) ? { v: '#NUM!' } : { v: new Date(v.getTime()) };
  return coerceInput(String(v), numberFormat, locale);
}

/** Round to 15 significant digits, as Sheets does for computed numbers. */
export function normalizeNumber(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Number.isInteger(x)) return x === 0 ? 0 : x;
  const r = Number(x.toPrecision(15));
  return r === 0 ? 0 : r;
}

// ---------------------------------------------------------------------------------------------
// Dates

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

function partsIn(date: Date, timeZone: string): DateParts {
  const gmt = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone);
  if (gmt) {
    const sign = gmt[1] === '-' ? -1 : 1;
    const off = gmt[2] ? sign * (Number(gmt[2]) * 60 + Number(gmt[3] ?? 0)) : 0;
    const d = new Date(date.getTime() + off * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
  } catch {
    return partsIn(date, 'GMT'); // Apps Script falls back to GMT for an unknown zone
  }
  const p: Record<string, string> = {};
  for (const x of fmt.formatToParts(date)) p[x.type] = x.value;
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday);
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    ms: date.getTime() % 1000 < 0 ? 0 : date.getTime() % 1000,
    weekday: wd,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Utilities.formatDate: a subset of Java's SimpleDateFormat — y, M, d, H, h, m, s, S, a, E and
 * 'quoted text' ('' is a literal apostrophe).
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date) || Number.isNaN(date.getTime())) fail('Invalid argument: date');
  const p = partsIn(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (pattern[j] === ch) j++;
    const n = j - i;
    const pad = (v: number) => String(v).padStart(n, '0');
    switch (ch) {
      case 'y':
        out += n === 2 ? String(p.year % 100).padStart(2, '0') : pad(p.year);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month);
        break;
      case 'd':
        out += pad(p.day);
        break;
      case 'H':
        out += pad(p.hour);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12);
        break;
      case 'm':
        out += pad(p.minute);
        break;
      case 's':
        out += pad(p.second);
        break;
      case 'S':
        out += String(p.ms).padStart(3, '0').slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      default:
        fail(`Illegal pattern character '${ch}'`);
    }
    i = j;
  }
  return out;
}

/** Days since 1899-12-30, as spreadsheets count dates. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

// ---------------------------------------------------------------------------------------------
// Display values

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A Sheets number-format pattern ('dd/mm/yyyy hh:mm') turned into a formatDate pattern. */
function sheetsDatePattern(fmt: string): string {
  // In Sheets, "mm" after h or before s is minutes; otherwise months.
  return fmt
    .replace(/hh?(:)mm/gi, (m) => m.replace(/mm$/i, '__MIN__'))
    .replace(/mm(:ss)/gi, '__MIN__$1')
    .replace(/m/g, 'M')
    .replace(/__MIN__/g, 'mm')
    .replace(/h/g, 'H')
    .replace(/D/g, 'd')
    .replace(/Y/g, 'y');
}

/** What getDisplayValues shows for a value under a number format (common formats only). */
export function displayValue(v: Scalar | undefined, fmt: string | undefined, timeZone: string): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (fmt && /[dmyhs]/i.test(fmt) && !/[0#]/.test(fmt)) return formatDate(v, timeZone, sheetsDatePattern(fmt));
    return formatDate(v, timeZone, 'M/d/yyyy');
  }
  if (typeof v === 'string') return v;
  if (!fmt || fmt === 'General' || fmt === '@') {
    if (fmt === '@') return String(v);
    return String(Number(v.toPrecision(10)));
  }
  const m = /^([#,0]*)(?:\.(0+|#+))?(%?)$/.exec(fmt.trim());
  if (m) {
    const pct = m[3] === '%';
    const x = pct ? v * 100 : v;
    const decimals = m[2] ? m[2].length : 0;
    const optional = m[2]?.startsWith('#') ?? false;
    let s = Math.abs(x).toFixed(decimals);
    if (optional && s.includes('.')) s = s.replace(/\.?0+$/, '');
    const [digits, dp] = s.split('.');
    const ip = m[1].includes(',') ? groupThousands(digits) : digits;
    s = dp !== undefined ? `${ip}.${dp}` : ip;
    return `${x < 0 && Number(s.replace(/,/g, '')) !== 0 ? '-' : ''}${s}${pct ? '%' : ''}`;
  }
  return String(v);
}
