// The tool-written sheets of the control workbook: `Kiểm tra` (findings) and `Kết quả` (ranking),
// from the core's grids; the adapter only adds colours.
import type { Finding, Unit, UnitResult } from '../core/types';
import type { Settings } from '../core/config';
import { findingsGrid, levelColours, resultsSheet } from '../core/output-tables';
import { FINDING_COLUMNS, RESULT_COLUMNS, SHEETS } from '../core/schema';
import { ControlWorkbook } from './xlsx/control-workbook';

/** `Kiểm tra`, with each unit file's path as a link that opens it (relative to the control workbook). */
export function writeFindings(book: ControlWorkbook, findings: Finding[], units: Unit[]): void {
  const grid = findingsGrid(findings, units);
  const col = Object.keys(FINDING_COLUMNS).indexOf('link');
  const links = grid
    .slice(1)
    .map((line, i) => ({ row: i + 1, col, target: String(line[col] ?? '') }))
    .filter((l) => l.target);
  book.replaceTable(SHEETS.findings, grid, [], links);
}

export function writeResults(book: ControlWorkbook, results: UnitResult[], settings: Settings): void {
  const col = Object.keys(RESULT_COLUMNS).indexOf('level');
  const argb = (hex: string) => `FF${hex.slice(1)}`;
  const fills = results.map((r, i) => ({ row: i + 1, col, argb: argb(levelColours(settings.scoring.levels, r.levelCode).cell) }));
  // The chart's data block too (exceljs draws no chart; the numbers are there for one).
  book.replaceTable(SHEETS.results, resultsSheet(results, settings.scoring.levels).grid, fills);
}
