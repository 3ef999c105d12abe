// The tool-written sheets of the control workbook: `Kiểm tra` (findings) and `Kết quả` (ranking),
// from the core's grids; the adapter only adds colours.
import type { Finding, Unit, UnitResult } from '../core/types';
import type { Settings } from '../core/config';
import { findingsGrid, resultsGrid } from '../core/output-tables';
import { RESULT_COLUMNS, SHEETS } from '../core/schema';
import { ControlWorkbook } from './xlsx/control-workbook';
import { LEVEL_FILLS, LEVEL_FILLS_BY_POSITION, NOT_CLASSIFIED_FILL } from './xlsx/styles';

export function writeFindings(book: ControlWorkbook, findings: Finding[], units: Unit[]): void {
  book.replaceTable(SHEETS.findings, findingsGrid(findings, units));
}

/** Fill of a level: by its usual code, else by its position among the configured levels (best first). */
function levelFill(levelCode: string | null, settings: Settings): string {
  if (!levelCode) return NOT_CLASSIFIED_FILL;
  if (LEVEL_FILLS[levelCode]) return LEVEL_FILLS[levelCode];
  const order = [...settings.scoring.levels].sort((a, b) => b.min - a.min).map((l) => l.code);
  const i = order.indexOf(levelCode);
  return LEVEL_FILLS_BY_POSITION[Math.min(Math.max(i, 0), LEVEL_FILLS_BY_POSITION.length - 1)];
}

export function writeResults(book: ControlWorkbook, results: UnitResult[], settings: Settings): void {
  const col = Object.keys(RESULT_COLUMNS).indexOf('level');
  const fills = results.map((r, i) => ({ row: i + 1, col, argb: levelFill(r.levelCode, settings) }));
  book.replaceTable(SHEETS.results, resultsGrid(results), fills);
}
