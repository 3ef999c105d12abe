// The naive way to collect scores: open each unit file and read every input cell with getValue,
// then write the findings with one appendRow each. The cells read are the same as the add-on's
// (positions from the same layout), and the core then validates exactly the same data.
import type { GasServices, GSheet, GSpreadsheet } from '../../src/gas/services';
import type { Cell, Finding, Grid, Rubric, Unit } from '../../src/core/types';
import { Control } from '../../src/core/control';
import { assessAll, UnitSource } from '../../src/core/assess';
import { isFormula, LayoutOptions, unitSheetLayout } from '../../src/core/unit-sheet';
import { findingsGrid } from '../../src/core/output-tables';
import { SHEETS } from './common';

/** One unit's `Chấm điểm` grid, read one cell at a time (metadata cells, then each leaf's inputs). */
export function naiveReadUnit(gas: GasServices, url: string, unit: Unit, rubric: Rubric, opts: LayoutOptions): UnitSource {
  const ss = gas.SpreadsheetApp.openByUrl(url);
  const sheet = ss.getSheetByName(SHEETS.scoring);
  if (!sheet) return { missing: `không tìm thấy sheet «${SHEETS.scoring}»`, link: url };
  // The layout tells where everything is; the fixed text is not read back.
  const layout = unitSheetLayout(unit, rubric, opts);
  const grid: Grid = layout.cells.map((r) => r.map((c) => (isFormula(c) ? null : c)));
  for (let r = 1; r <= 5; r++) grid[r][layout.metaCol] = sheet.getRange(r + 1, layout.metaCol + 1).getValue() as Cell;
  const inputCols = [layout.cols.self, layout.cols.appraised, layout.cols.evidence, layout.cols.note];
  rubric.criteria.forEach((c, i) => {
    if (c.children.length) return;
    const r = layout.headerRow + 1 + i;
    for (const col of inputCols) grid[r][col] = sheet.getRange(r + 1, col + 1).getValue() as Cell;
  });
  return { grid, link: url };
}

export function naiveReadAll(
  gas: GasServices,
  control: Control,
  links: Record<string, string>,
  opts: (r: Rubric) => LayoutOptions,
): Record<string, UnitSource> {
  const sources: Record<string, UnitSource> = {};
  for (const u of control.units) {
    const rubric = control.rubrics[u.rubricId];
    const link = links[u.code];
    if (rubric && link) sources[u.code] = naiveReadUnit(gas, link, u, rubric, opts(rubric));
  }
  return sources;
}

/** Clears a tool-written sheet and writes a grid with one appendRow per row. */
export function naiveAppendRows(sheet: GSheet, grid: Grid): void {
  sheet.clearContents();
  for (const row of grid) sheet.appendRow(row);
}

/** Collect and validate, the naive way; returns the findings written. */
export function naiveCollect(
  gas: GasServices,
  ss: GSpreadsheet,
  control: Control,
  links: Record<string, string>,
  opts: (r: Rubric) => LayoutOptions,
): Finding[] {
  const sources = naiveReadAll(gas, control, links, opts);
  const { findings } = assessAll(control, sources);
  naiveAppendRows(ss.getSheetByName(SHEETS.findings)!, findingsGrid(findings, control.units));
  return findings;
}
