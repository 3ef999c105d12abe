// Tool-written sheets (`Kết quả`, `Kiểm tra`, `Nhật ký`) as grids, identical on both back-ends.
import { Cell, Finding, Grid, Level, Unit, UnitResult } from './types';
import { FINDING_COLUMNS, LOG_COLUMNS, RESULT_COLUMNS } from './schema';
import { tableGrid } from './table';
import { NOT_CLASSIFIED } from './types';

/** One row per column of `Kết quả`: a column added to RESULT_COLUMNS without its value does not compile. */
type ResultRow = Record<keyof typeof RESULT_COLUMNS, Cell>;
type FindingRow = Record<keyof typeof FINDING_COLUMNS, Cell>;

export function resultsGrid(results: UnitResult[]): Grid {
  return tableGrid(
    RESULT_COLUMNS,
    results.map((r): ResultRow => ({
      rank: r.rank,
      code: r.code,
      name: r.name,
      group: r.group,
      groupRank: r.groupRank,
      selfTotal: r.classified || r.selfTotal ? r.selfTotal : null,
      base: r.base,
      bonus: r.bonus,
      penalty: r.penalty,
      total: r.classified ? r.total : null,
      level: r.level ?? NOT_CLASSIFIED,
      reasons: r.reasons.join('; '),
    })),
  );
}

/** Colours of the levels, best first: pale for a cell, strong for a chart bar (same on both back-ends). */
const LEVEL_PALETTE = [
  { cell: '#C6EFCE', bar: '#34A853' }, // green
  { cell: '#BDD7EE', bar: '#4285F4' }, // blue
  { cell: '#FFEB9C', bar: '#FBBC04' }, // yellow
  { cell: '#FFC7CE', bar: '#EA4335' }, // red
];
export const NOT_CLASSIFIED_COLOUR = '#D9D9D9';

/** Levels from the highest minimum down. */
const bestFirst = (levels: Level[]) => [...levels].sort((a, b) => b.min - a.min);

/** Colours of a level by its rank among the configured levels; grey when not classified. */
export function levelColours(levels: Level[], code: string | null): { cell: string; bar: string } {
  const i = code ? bestFirst(levels).findIndex((l) => l.code === code) : -1;
  if (i < 0) return { cell: NOT_CLASSIFIED_COLOUR, bar: NOT_CLASSIFIED_COLOUR };
  return LEVEL_PALETTE[Math.min(i, LEVEL_PALETTE.length - 1)];
}

/**
 * Chart data: the classified units' totals, one column per level (blank elsewhere), so a stacked
 * column chart colours each unit's bar by its level.
 */
export function chartGrid(results: UnitResult[], levels: Level[]): Grid {
  const order = bestFirst(levels);
  return [
    ['Đơn vị', ...order.map((l) => l.name)],
    ...results.filter((r) => r.classified).map((r) => [r.name, ...order.map((l) => (l.code === r.levelCode ? r.total : null))]),
  ];
}

/**
 * The whole `Kết quả` sheet, the same on both back-ends: the ranking, and right of it (one blank
 * column between) the chart's data block; `chart` locates the block (0-based), null without data.
 */
export function resultsSheet(
  results: UnitResult[],
  levels: Level[],
): { grid: Grid; chart: { col: number; rows: number; cols: number } | null } {
  const table = resultsGrid(results);
  const data = chartGrid(results, levels);
  if (data.length < 2) return { grid: table, chart: null };
  const col = table[0].length + 1;
  const rows = Math.max(table.length, data.length);
  const grid: Grid = Array.from({ length: rows }, (_, r) => [
    ...(table[r] ?? new Array<Cell>(table[0].length).fill(null)),
    null,
    ...(data[r] ?? new Array<Cell>(data[0].length).fill(null)),
  ]);
  return { grid, chart: { col, rows: data.length, cols: data[0].length } };
}

const SEVERITY_ORDER: Record<string, number> = { Lỗi: 0, 'Cảnh báo': 1 };

/** Findings, errors first, then by unit code; `cell` shows "Chấm điểm!D12" when known. */
export function findingsGrid(findings: Finding[], units: Unit[]): Grid {
  const names = new Map(units.map((u) => [u.code, u.name]));
  const sorted = [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.unitCode.localeCompare(b.unitCode),
  );
  return tableGrid(
    FINDING_COLUMNS,
    sorted.map((f): FindingRow => ({
      severity: f.severity,
      unitCode: f.unitCode,
      unitName: names.get(f.unitCode) ?? '',
      criterion: f.criterion ?? '',
      cell: f.cell ? (f.sheet && /^[A-Z]+\d+$/.test(f.cell) ? `${f.sheet}!${f.cell}` : f.cell) : '',
      message: f.message,
      link: f.link ?? '',
    })),
  );
}

/** How `Nhật ký` shows its time (the Vietnamese clock, day first). */
export const LOG_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

export const logHeader = (): Cell[] => Object.values(LOG_COLUMNS);
export const logRow = (time: Date, user: string, action: string, detail: string): Cell[] => [time, user, action, detail];
