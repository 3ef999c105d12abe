// Vietnamese presentation of numbers, dates and sorting. Numbers are formatted by hand so the
// output is identical in Node and in Apps Script whatever locale data the runtime ships.
import { roundHalfUp } from './round';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function formatDecimal(n: number, decimals: number, trimZeros: boolean): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = roundHalfUp(n, decimals);
  const [intPart, digits = ''] = Math.abs(rounded).toFixed(decimals).split('.');
  const fracPart = trimZeros ? digits.replace(/0+$/, '') : digits;
  const sign = rounded < 0 ? '-' : '';
  return sign + groupThousands(intPart) + (fracPart ? `,${fracPart}` : '');
}

/**
 * vi-VN number: "93,65", "1.234", "90". Without `decimals`, up to 2 decimals and no trailing
 * zeros; with `decimals`, exactly that many.
 */
export function formatNumber(n: number, decimals?: number): string {
  return decimals === undefined ? formatDecimal(n, 2, true) : formatDecimal(n, decimals, false);
}

/** Up to `maxDecimals` decimals, trailing zeros dropped: shows a typed 8.125 as "8,125" in messages. */
export function formatNumberMax(n: number, maxDecimals: number): string {
  return formatDecimal(n, maxDecimals, true);
}

/** Percentage with at most `decimals` decimals and no trailing zeros: "93,65%", "100%". */
export function formatPercent(n: number, decimals = 2): string {
  return `${formatDecimal(n, decimals, true)}%`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Date line of an administrative document (NĐ 30/2020): days below 10 and the months 1–2 get a
 * leading zero ("ngày 05 tháng 02 năm 2024", "ngày 02 tháng 11 năm 2022", "tháng 3").
 */
export function formatDateLong(d: Date): string {
  const month = d.getMonth() + 1;
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(d.getDate())} tháng ${monthText} năm ${d.getFullYear()}`;
}

/** "02/11/2022". */
export function formatDateShort(d: Date): string {
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

// Created once: constructing a collator is far more expensive than comparing.
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order ("An" < "Ân" < "Ba" < "Dương" < "Đông"), numbers by value. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Vietnam's clock (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

/**
 * The instant `d` as a Date whose local fields (getHours…) read the Vietnamese wall clock, whatever
 * the machine's zone: a file format without zones (xlsx) then shows the time a Vietnamese user expects.
 */
export function vietnamWallClock(d: Date): Date {
  const t = new Date(d.getTime() + VIETNAM_UTC_OFFSET_HOURS * 3600_000);
  return new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}
