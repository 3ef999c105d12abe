// Tool-written sheets of the control spreadsheet: `Kết quả` (formatted, levels coloured, a
// chart) and `Kiểm tra` (findings with links). Constant calls per sheet, whatever the size.
import type { Finding, Level, Unit, UnitResult } from '../core/types';
import { FINDING_COLUMNS, RESULT_COLUMNS, SHEETS } from '../core/schema';
import { findingsGrid, resultsGrid } from '../core/output-tables';
import type { GasServices, GSpreadsheet } from './services';
import { writeToolSheet } from './control-io';

/** Background per level, highest level first; the last colour is for units not classified. */
const LEVEL_COLOURS = ['#b7e1cd', '#d9ead3', '#fff2cc', '#fce5cd', '#f4cccc'];
const NOT_CLASSIFIED_COLOUR = '#eeeeee';
const SEVERITY_COLOURS: Record<string, string> = { 'Lỗi': '#f4cccc', 'Cảnh báo': '#fff2cc' };

const colOf = (columns: Record<string, string>, key: string) => Object.keys(columns).indexOf(key) + 1;

export function levelColour(levels: Level[], code: string | null): string {
  if (!code) return NOT_CLASSIFIED_COLOUR;
  const i = [...levels].sort((a, b) => b.min - a.min).findIndex((l) => l.code === code);
  return i < 0 ? NOT_CLASSIFIED_COLOUR : LEVEL_COLOURS[Math.min(i, LEVEL_COLOURS.length - 1)];
}

export function writeResultsSheet(gas: GasServices, ss: GSpreadsheet, results: UnitResult[], levels: Level[]): void {
  const grid = resultsGrid(results);
  const { sheet } = writeToolSheet(ss, SHEETS.results, grid);
  const n = results.length;
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  if (!n) return;
  const first = colOf(RESULT_COLUMNS, 'selfTotal');
  const last = colOf(RESULT_COLUMNS, 'total');
  sheet.getRange(2, first, n, last - first + 1).setNumberFormat('0.00');
  sheet.getRange(2, colOf(RESULT_COLUMNS, 'level'), n, 1).setBackgrounds(results.map((r) => [levelColour(levels, r.classified ? r.levelCode : null)]));

  const classified = results.filter((r) => r.classified).length;
  if (!classified) return;
  const chart = sheet
    .newChart()
    .setChartType(gas.Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(1, colOf(RESULT_COLUMNS, 'name'), classified + 1, 1))
    .addRange(sheet.getRange(1, colOf(RESULT_COLUMNS, 'total'), classified + 1, 1))
    .setNumHeaders(1)
    .setPosition(2, grid[0].length + 2, 0, 0)
    .setOption('title', 'Tổng điểm của các đơn vị được xếp loại')
    .setOption('legend', { position: 'none' })
    .build();
  sheet.insertChart(chart);
}

export function writeFindingsSheet(ss: GSpreadsheet, findings: Finding[], units: Unit[]): void {
  const grid = findingsGrid(findings, units);
  const { sheet } = writeToolSheet(ss, SHEETS.findings, grid);
  const n = grid.length - 1;
  if (!n) return;
  sheet
    .getRange(2, colOf(FINDING_COLUMNS, 'severity'), n, 1)
    .setBackgrounds(grid.slice(1).map((r) => [SEVERITY_COLOURS[String(r[0])] ?? null]));
}
