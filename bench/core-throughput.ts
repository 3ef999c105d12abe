// Core throughput: validate + score + rank of many units in one process (no Apps Script, no I/O).
import { performance } from 'node:perf_hooks';
import { readControl, ControlGrids } from '../src/core/control';
import { assessAll, UnitSource } from '../src/core/assess';
import { SHEETS } from '../src/core/schema';
import { scoredGrid, syntheticControlSheets, syntheticRubric, syntheticUnits } from './synthetic';
import { median } from './output';

export interface CoreResult {
  units: number;
  criteria: number;
  runs: number;
  runsMs: number[];
  medianMs: number;
  /** Units classified in the last run (a sanity check that the work was done). */
  classified: number;
  findings: number;
}

/** Control and unit grids for `units` synthetic units on a rubric of `criteria` criteria. */
export function coreInput(units: number, criteria: number) {
  const list = syntheticUnits(units, criteria);
  const sheets = syntheticControlSheets(list, criteria);
  const byName = (n: string) => sheets.find((s) => s.name === n)?.grid;
  const grids: ControlGrids = {
    config: byName(SHEETS.config),
    units: byName(SHEETS.units),
    criteria: byName(SHEETS.criteria),
    levels: byName(SHEETS.levels),
    narrative: byName(SHEETS.narrative),
    previous: byName(SHEETS.previous),
  };
  const rubric = syntheticRubric(criteria);
  const sources: Record<string, UnitSource> = {};
  list.forEach((u, i) => (sources[u.code] = { grid: scoredGrid(u, i, rubric) }));
  return { grids, sources };
}

/** Median wall time of `runs` runs of readControl + assessAll (reading grids, validating, scoring, ranking). */
export function coreThroughput(units: number, criteria: number, runs = 5): CoreResult {
  const { grids, sources } = coreInput(units, criteria);
  const runsMs: number[] = [];
  let classified = 0;
  let findings = 0;
  // One untimed warm-up so the JIT does not count against the first run.
  assessAll(readControl(grids), sources);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const control = readControl(grids);
    const a = assessAll(control, sources);
    runsMs.push(performance.now() - t0);
    classified = a.summary.classified;
    findings = a.findings.length;
  }
  return { units, criteria, runs, runsMs, medianMs: median(runsMs), classified, findings };
}
