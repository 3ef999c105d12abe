// Reading what people typed in cells: text, numbers, suspicious content.
import type { Cell } from './types';

/** Header text as a match key: users retype headers with odd spacing, case or Unicode forms. */
export function normalizeHeader(s: unknown): string {
  const text = s === null || s === undefined ? '' : String(s);
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Local calendar date as YYYY-MM-DD; the time zone of the process must not shift the day. */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** Trimmed display text of a cell ('' for an empty cell). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return isoDate(c);
  if (typeof c === 'string') return c.normalize('NFC').trim();
  return String(c);
}

/**
 * A score cell read: a number, nothing, or text that is not a number. `ambiguous` marks text made
 * of digits and separators that could mean two numbers ("1.000": one, or a thousand).
 */
export type ParsedScore = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'text'; text: string; ambiguous?: true };

// A plain decimal, with a dot or a Vietnamese decimal comma ("8,5").
const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
// One separator followed by exactly three digits after a 1–3 digit group: reads as a thousands
// separator in one convention and as a decimal mark in the other ("1.000", "12,500").
const THOUSANDS_LIKE = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;
// Digits with separators or spaces that are not one plain decimal ("1.5.0", "1.000,5", "1 000").
const NUMBER_LIKE = /^[+-]?[\d.,\s]*\d[\d.,\s]*$/;

/** How to type a decimal, for messages about an ambiguous number. */
export const DECIMAL_HINT = 'ghi 1 hoặc 1,5 — dùng dấu phẩy cho phần thập phân, không dùng dấu chấm hay dấu cách để tách hàng nghìn';

/** Interpret a score cell: a number, nothing, or text that is not a number (maybe an ambiguous one). */
export function parseScore(c: Cell | undefined): ParsedScore {
  if (c === null || c === undefined) return { kind: 'blank' };
  if (typeof c === 'number') {
    return Number.isFinite(c) ? { kind: 'number', value: c } : { kind: 'text', text: String(c) };
  }
  const text = cellText(c);
  if (text === '') return { kind: 'blank' };
  if (typeof c !== 'string') return { kind: 'text', text };
  if (NUMBER_TEXT.test(text) && !THOUSANDS_LIKE.test(text)) return { kind: 'number', value: Number(text.replace(',', '.')) };
  if (NUMBER_LIKE.test(text)) return { kind: 'text', text, ambiguous: true };
  return { kind: 'text', text };
}

// "=" starts a formula whatever follows; "+", "-", "@" too, unless the whole text is a signed
// number ("-3", "+2,5") or a bullet ("- Kế hoạch 01": a space follows). A formula may also hide
// behind a leading number ("-2+3+cmd|' /C calc'!A0", "1+HYPERLINK(…)"), and a DDE link
// ("cmd|' /C calc'!A0") runs wherever it stands: both are formula-like whatever the first character.
const FORMULA_START = /^(?:=\s*\S|[+\-@]\S)/u;
const SIGNED_NUMBER = /^[+-]\d[\d.,]*%?$/;
const ARITHMETIC_THEN_CALL = /^[\d.,%\s()]*(?:[+\-*/^&][\d.,%\s()]*)*[+\-*/^&]\s*[\p{L}_][\p{L}\d_.]*\s*[(|!]/u;
const DDE_LINK = /[\p{L}\d_.]+\s*\|\s*'[^']*'\s*!/u;
const SCRIPT_MARKERS = [
  /<\s*\/?\s*(?:script|iframe|object|embed|svg|img|link|meta|style|form)\b/i,
  /(?:java|vb)script\s*:/i,
  /data\s*:\s*text\/html/i,
  // HTML event handlers (onerror=, onload=, onclick= …); a list, so "online = 3 buổi" stays data.
  /(?:^|[\s"'/<;])on(?:error|load|unload|beforeunload|click|dblclick|contextmenu|mouse[a-z]+|pointer[a-z]+|touch[a-z]+|key(?:down|up|press)|focus(?:in|out)?|blur|change|input|submit|reset|invalid|select(?:start|ionchange)?|abort|animation[a-z]+|transition[a-z]+|begin|end|toggle|drag[a-z]*|drop|wheel|scroll|resize|hashchange|message|paste|copy|cut|search|page(?:show|hide)|play(?:ing)?|pause|show|start|finish|beforeprint|afterprint)\s*=/i,
];

/** True for text a spreadsheet or a browser could execute; such text is kept as data, never run. */
export function looksLikeFormulaOrScript(s: string): boolean {
  const text = s.normalize('NFC').trim();
  if (text === '') return false;
  if (FORMULA_START.test(text) && !SIGNED_NUMBER.test(text)) return true;
  // The DDE test is unanchored: only text holding its «|» pays for it.
  if (ARITHMETIC_THEN_CALL.test(text) || (text.includes('|') && DDE_LINK.test(text))) return true;
  // Every marker holds «<», «:» or «=»: text without them is not tested one marker at a time.
  return /[<:=]/.test(text) && SCRIPT_MARKERS.some((re) => re.test(text));
}

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/** A plain address such as "vanphong.binhhai@quangngai.gov.vn"; surrounding spaces are tolerated. */
export function isValidEmail(s: string): boolean {
  const text = String(s ?? '').trim();
  return text.length <= 254 && EMAIL.test(text);
}

/** Lower-case text without Vietnamese diacritics, for tolerant keyword matching. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}
