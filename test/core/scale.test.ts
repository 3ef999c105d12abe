// Time linear in the units where every unit looks something up: the year's switch (each unit finds
// what `Trạng thái các năm` remembers) and the ranking of units assessed one by one.
import { performance } from 'node:perf_hooks';
import { ControlGrids, readControl } from '../../src/core/control';
import { HISTORY_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { tableGrid } from '../../src/core/table';
import { assessStep, assessUnitStep, finishAssessStep } from '../../src/core/steps/assess';
import { syntheticControl, syntheticControlSheets, syntheticUnits, BENCH_YEAR } from '../../bench/synthetic';

/** A control of `n` units whose `Đơn vị` rows still hold last year's values, and three earlier years remembered. */
function switchingYear(n: number): ControlGrids {
  const units = syntheticUnits(n, 10);
  const sheets = syntheticControlSheets(units, 10);
  const grid = (name: string) => sheets.find((s) => s.name === name)!.grid;
  const unitsGrid = tableGrid(
    UNIT_COLUMNS,
    units.map((u) => ({ ...u, link: '', statusYear: BENCH_YEAR - 1 })),
  );
  const history = tableGrid(
    HISTORY_COLUMNS,
    [1, 2, 3].flatMap((back) => units.map((u) => ({ year: BENCH_YEAR - back, code: u.code, name: u.name, status: 'Đã nộp', link: '' }))),
  );
  return {
    config: grid(SHEETS.config),
    units: unitsGrid,
    criteria: grid(SHEETS.criteria),
    levels: grid(SHEETS.levels),
    narrative: grid(SHEETS.narrative),
    previous: grid(SHEETS.previous),
    history,
  };
}

/** The fastest of three runs after a warm-up: the least disturbed by other work on the machine. */
function ms(f: () => void): number {
  f();
  const runs = [0, 1, 2].map(() => {
    const t = performance.now();
    f();
    return performance.now() - t;
  });
  return Math.min(...runs);
}

it('reads the control at the year switch in time linear in the units (2,000 units, 6,000 remembered rows)', () => {
  const small = switchingYear(200);
  const large = switchingYear(2000);
  const control = readControl(large);
  expect(control.units).toHaveLength(2000);
  expect(control.units[1999].otherYear?.year).toBe(BENCH_YEAR - 1);
  expect(control.units[1999].status).toBe(''); // nothing remembered of this year
  const ratio = ms(() => readControl(large)) / ms(() => readControl(small));
  // Ten times the units: linear is about 10×, the lookup it replaced was about 100×.
  expect(ratio).toBeLessThan(40);
});

it('a step from outcomes taken unit by unit is the step from every source at once', () => {
  const units = syntheticUnits(40, 10);
  const control = syntheticControl(units, 10);
  const today = new Date(BENCH_YEAR, 11, 1);
  const outcomes = control.units.map((u) => assessUnitStep(control, 'rank', u, undefined, { now: today }));
  expect(finishAssessStep(control, 'rank', outcomes, today)).toEqual(assessStep(control, 'rank', { sources: {}, today }));
  // Outcomes that do not follow `Đơn vị` are a programming error, never a silent wrong ranking.
  expect(() => finishAssessStep(control, 'rank', [...outcomes].reverse(), today)).toThrow(/order/);
  expect(() => finishAssessStep(control, 'rank', outcomes.slice(1), today)).toThrow(/outcomes/);
});
