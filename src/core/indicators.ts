// `Số liệu`: the report's figures (tiếp công dân, khiếu nại, hồ sơ thủ tục hành chính…) typed once
// as numerator / denominator / unit word, printed the Vietnamese way («59/63 vụ việc, chiếm tỷ lệ
// 93,65%») through placeholders the outline text and the templates may use (`{{so_lieu_<mã>}}`).
// A figure that cannot be right (text, a denominator of 0, a numerator above the denominator) is
// a finding, and prints a marker rather than a wrong number.
import type { Finding, Grid } from './types';
import { INDICATOR_COLUMNS, SHEETS } from './schema';
import { readTable } from './table';
import { cellText, foldVietnamese, parseScore } from './text';
import { formatNumberMax, formatPercent } from './format';

/** "KNTC" → "kntc": the placeholder part of a code (as report-model's levelKey). */
const keyOf = (code: string) =>
  foldVietnamese(code)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

export interface Indicator {
  code: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  /** Why the figure cannot be printed; empty when it can (or is simply not filled yet). */
  problem: string;
  row?: number;
}

/** Prefix of an indicator's placeholders: `so_lieu_tcd`, `so_lieu_tcd_ty_le`… */
export const INDICATOR_PREFIX = 'so_lieu_';

/** The rows of `Số liệu` the sheet of a new workbook starts with (figures empty). */
export const DEFAULT_INDICATORS: ReadonlyArray<{ code: string; name: string; unit: string }> = [
  { code: 'TCD', name: 'Tiếp công dân (số lượt tiếp)', unit: 'lượt' },
  { code: 'DON', name: 'Đơn thư đã xử lý / đơn thư tiếp nhận', unit: 'đơn' },
  {
    code: 'KNTC',
    name: 'Vụ việc khiếu nại, tố cáo, kiến nghị, phản ánh thuộc thẩm quyền đã giải quyết / phải giải quyết',
    unit: 'vụ việc',
  },
  { code: 'TTHC', name: 'Hồ sơ thủ tục hành chính giải quyết đúng hạn / đã tiếp nhận', unit: 'hồ sơ' },
];

/** The default indicators with figures filled in (the samples): code → [numerator, denominator]. */
export function defaultIndicatorRows(figures: Record<string, [number, number | null]>) {
  return DEFAULT_INDICATORS.map((i) => ({ ...i, numerator: figures[i.code]?.[0] ?? null, denominator: figures[i.code]?.[1] ?? null }));
}

function asCount(c: Grid[number][number]): { value: number | null; bad: string } {
  // "18.391": a count written with Vietnamese thousands separators.
  const grouped = /^\d{1,3}(\.\d{3})+$/.exec(cellText(c).trim());
  if (grouped) return { value: Number(grouped[0].replace(/\./g, '')), bad: '' };
  const p = parseScore(c);
  if (p.kind === 'blank') return { value: null, bad: '' };
  if (p.kind !== 'number') return { value: null, bad: `«${cellText(c)}» không phải là số` };
  if (p.value < 0) return { value: null, bad: `${cellText(c)} là số âm` };
  return { value: p.value, bad: '' };
}

export function readIndicators(grid: Grid | undefined): { indicators: Indicator[]; findings: Finding[] } {
  if (!grid) return { indicators: [], findings: [] };
  const t = readTable(grid, INDICATOR_COLUMNS, ['code', 'numerator']);
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  for (const r of t.rows) {
    const code = cellText(r.code);
    if (!code) continue;
    const name = cellText(r.name) || code;
    const num = asCount(r.numerator);
    const den = asCount(r.denominator);
    let problem = '';
    if (num.bad) problem = `tử số ${num.bad}`;
    else if (den.bad) problem = `mẫu số ${den.bad}`;
    else if (den.value === 0) problem = 'mẫu số bằng 0 nên không tính được tỷ lệ';
    else if (num.value !== null && den.value !== null && num.value > den.value)
      problem = `tử số ${formatNumberMax(num.value, 2)} lớn hơn mẫu số ${formatNumberMax(den.value, 2)}`;
    else if (num.value === null && den.value !== null) problem = 'có mẫu số nhưng chưa có tử số';
    indicators.push({ code, name, numerator: num.value, denominator: den.value, unit: cellText(r.unit), problem, row: r.row });
    if (problem) {
      findings.push({
        severity: 'Lỗi',
        unitCode: '',
        sheet: SHEETS.indicators,
        cell: r.row ? `dòng ${r.row}` : undefined,
        code: 'indicator',
        message:
          `Bảng điều khiển, sheet «${SHEETS.indicators}»${r.row ? `, dòng ${r.row}` : ''}: số liệu «${name}» (${code}) có ${problem}; ` +
          'hãy sửa cột «Tử số»/«Mẫu số» (số không âm, tử số không lớn hơn mẫu số) rồi tạo lại báo cáo.',
      });
    }
  }
  return { indicators, findings };
}

/**
 * The placeholders of each indicator: `so_lieu_<mã>` («59/63 vụ việc, chiếm tỷ lệ 93,65%», or
 * «59 vụ việc» without a denominator), `…_tu_so`, `…_mau_so`, `…_ty_le`.
 */
export function indicatorFields(indicators: Indicator[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of indicators) {
    const key = INDICATOR_PREFIX + keyOf(i.code);
    const unit = i.unit ? ` ${i.unit}` : '';
    if (i.problem || i.numerator === null) {
      const mark = i.problem
        ? `[Số liệu «${i.name}» chưa hợp lệ: ${i.problem} — sửa tại sheet «${SHEETS.indicators}»]`
        : `[Chưa nhập số liệu «${i.name}» tại sheet «${SHEETS.indicators}»]`;
      Object.assign(out, { [key]: mark, [`${key}_tu_so`]: mark, [`${key}_mau_so`]: mark, [`${key}_ty_le`]: mark });
      continue;
    }
    const num = formatNumberMax(i.numerator, 2);
    if (i.denominator === null) {
      Object.assign(out, { [key]: `${num}${unit}`, [`${key}_tu_so`]: num, [`${key}_mau_so`]: '', [`${key}_ty_le`]: '' });
      continue;
    }
    const den = formatNumberMax(i.denominator, 2);
    const share = formatPercent((100 * i.numerator) / i.denominator);
    Object.assign(out, {
      [key]: `${num}/${den}${unit}, chiếm tỷ lệ ${share}`,
      [`${key}_tu_so`]: num,
      [`${key}_mau_so`]: den,
      [`${key}_ty_le`]: share,
    });
  }
  return out;
}
