// The naive way to rank: the same per-cell collection, then one appendRow per unit in `Kết quả`.
import type { GasServices, GSpreadsheet } from '../../src/gas/services';
import type { Rubric, UnitResult } from '../../src/core/types';
import { Control } from '../../src/core/control';
import { assessAll } from '../../src/core/assess';
import { LayoutOptions } from '../../src/core/unit-sheet';
import { resultsGrid } from '../../src/core/output-tables';
import { naiveAppendRows, naiveReadAll } from './collect';
import { SHEETS } from './common';

export function naiveRank(
  gas: GasServices,
  ss: GSpreadsheet,
  control: Control,
  links: Record<string, string>,
  opts: (r: Rubric) => LayoutOptions,
): UnitResult[] {
  const { results } = assessAll(control, naiveReadAll(gas, control, links, opts));
  naiveAppendRows(ss.getSheetByName(SHEETS.results)!, resultsGrid(results));
  return results;
}

/** Only the write of `Kết quả` (appendRow per unit), for comparing the writes alone. */
export function naiveWriteResults(ss: GSpreadsheet, results: UnitResult[]): void {
  naiveAppendRows(ss.getSheetByName(SHEETS.results)!, resultsGrid(results));
}
