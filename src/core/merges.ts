// Comparisons across the 2025 reform (NQ 202/2025/QH15, NQ 1677/NQ-UBTVQH15): a unit formed by
// merging old units has no result of its own last year. `Sắp xếp đơn vị` lists, per new unit, the
// old units merged into it; last year's result of the new unit is then the mean of the old units'
// totals that `Kết quả năm trước` holds, classified on this year's levels. The report states the rule.
import { Finding, Grid, Level } from './types';
import { MERGE_COLUMNS, SHEETS } from './schema';
import { readTable, structureFinding } from './table';
import { cellText, normalizeHeader } from './text';
import { levelFor } from './classify';
import { roundHalfUp } from './round';
import type { PreviousResult } from './control';

export interface Merge {
  code: string;
  oldCode: string;
  oldName: string;
  row: number;
}

const CONTROL = 'Bảng điều khiển';
const key = (s: string) => normalizeHeader(s).toUpperCase();

/** `Sắp xếp đơn vị` rows; an absent sheet is no merge. */
export function readMerges(grid: Grid | undefined, findings: Finding[]): Merge[] {
  if (!grid) return [];
  const t = readTable(grid, MERGE_COLUMNS, ['code', 'oldCode']);
  if (t.missing.length) {
    findings.push(structureFinding('', SHEETS.merges, t.missing, CONTROL));
    return [];
  }
  return t.rows
    .map((r) => ({ code: cellText(r.code), oldCode: cellText(r.oldCode), oldName: cellText(r.oldName), row: r.row }))
    .filter((m) => m.code || m.oldCode)
    .filter((m) => {
      if (m.code && m.oldCode) return true;
      findings.push({
        severity: 'Lỗi',
        unitCode: m.code,
        sheet: SHEETS.merges,
        cell: `dòng ${m.row}`,
        code: 'merge-row',
        message: `${CONTROL}, sheet «${SHEETS.merges}», dòng ${m.row}: cần cả «${MERGE_COLUMNS.code}» và «${MERGE_COLUMNS.oldCode}».`,
      });
      return false;
    });
}

/**
 * Last year's results as this year's units compare with them: a merged unit gets the mean of its
 * old units' totals (rounded to 2 decimals) and the level that mean reaches on `levels`. Old units
 * listed without a result are named in a Cảnh báo; a merged unit with none of them has no comparison.
 */
export function comparablePrevious(previous: PreviousResult[], merges: Merge[], levels: Level[], findings: Finding[]): PreviousResult[] {
  if (!merges.length) return previous;
  const byCode = new Map(previous.map((p) => [key(p.code), p]));
  const groups = new Map<string, Merge[]>();
  for (const m of merges) groups.set(key(m.code), [...(groups.get(key(m.code)) ?? []), m]);
  const merged: PreviousResult[] = [];
  for (const ms of groups.values()) {
    const found = ms.map((m) => byCode.get(key(m.oldCode))).filter((p): p is PreviousResult => p?.total != null);
    const missing = ms.filter((m) => byCode.get(key(m.oldCode))?.total == null);
    if (missing.length)
      findings.push({
        severity: 'Cảnh báo',
        unitCode: ms[0].code,
        sheet: SHEETS.merges,
        cell: missing.map((m) => `dòng ${m.row}`).join(', '),
        code: 'merge-no-previous',
        message:
          `${CONTROL}, sheet «${SHEETS.merges}»: đơn vị cũ ${missing.map((m) => m.oldName || m.oldCode).join(', ')} ` +
          `(hợp thành ${ms[0].code}) không có tổng điểm ở sheet «${SHEETS.previous}»; ` +
          (found.length ? 'điểm năm trước chỉ tính bình quân các đơn vị cũ còn lại.' : 'đơn vị này không được so sánh với năm trước.'),
      });
    if (!found.length) continue;
    const total = roundHalfUp(found.reduce((a, p) => a + (p.total as number), 0) / found.length, 2);
    merged.push({
      code: ms[0].code,
      name: '',
      total,
      level: levels.length ? levelFor(total, levels).name : null,
      mergedFrom: found.map((p) => p.code),
    });
  }
  const consumed = new Set(merges.map((m) => key(m.oldCode)));
  const newCodes = new Set(merged.map((p) => key(p.code)));
  return [...previous.filter((p) => !consumed.has(key(p.code)) && !newCodes.has(key(p.code))), ...merged];
}

/** The rule as the report states it, when a comparison used it. */
export function mergeRuleSentence(previous: PreviousResult[], lastYear: number): string {
  return previous.some((p) => p.mergedFrom?.length)
    ? `Đối với đơn vị hình thành sau sắp xếp đơn vị hành chính, kết quả năm ${lastYear} được tính bằng bình quân tổng điểm của các đơn vị cũ hợp thành và xếp loại theo thang điểm năm nay.`
    : '';
}
