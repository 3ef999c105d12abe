// Tool-written sheets of the control spreadsheet: `Kết quả` (formatted, levels coloured, a
// chart) and `Kiểm tra` (findings with links). Constant calls per sheet, whatever the size.
import type { Finding, Level, Unit, UnitResult } from '../core/types';
import { FINDING_COLUMNS, RESULT_COLUMNS, SHEETS } from '../core/schema';
import { findingsGrid, levelColours, resultsSheet } from '../core/output-tables';
import type { GasServices, GSpreadsheet } from './services';
import { writeToolSheet } from './control-io';

const SEVERITY_COLOURS: Record<string, string> = { Lỗi: '#f4cccc', 'Cảnh báo': '#fff2cc' };

const colOf = (columns: Record<string, string>, key: string) => Object.keys(columns).indexOf(key) + 1;

export function writeResultsSheet(gas: GasServices, ss: GSpreadsheet, results: UnitResult[], levels: Level[]): void {
  const { grid, chart: block } = resultsSheet(results, levels);
  const { sheet } = writeToolSheet(ss, SHEETS.results, grid);
  const n = results.length;
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  if (!n) return;
  const first = colOf(RESULT_COLUMNS, 'selfTotal');
  const last = colOf(RESULT_COLUMNS, 'total');
  sheet.getRange(2, first, n, last - first + 1).setNumberFormat('0.00');
  sheet
    .getRange(2, colOf(RESULT_COLUMNS, 'level'), n, 1)
    .setBackgrounds(results.map((r) => [levelColours(levels, r.classified ? r.levelCode : null).cell]));

  // The chart reads its own block, right of the table (written with it): one column per level colours the bars.
  if (!block) return;
  const order = [...levels].sort((a, b) => b.min - a.min);
  const chart = sheet
    .newChart()
    .setChartType(gas.Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(1, block.col + 1, block.rows, block.cols))
    .setNumHeaders(1)
    .setPosition(2, block.col + block.cols + 2, 0, 0)
    .setOption('title', 'Tổng điểm của các đơn vị được xếp loại')
    .setOption('isStacked', true)
    .setOption(
      'colors',
      order.map((l) => levelColours(levels, l.code).bar),
    )
    .setOption('legend', { position: 'bottom' })
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
