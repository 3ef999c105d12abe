// The totals a spreadsheet computes from the unit sheet's formulas equal the core's (score.ts), for
// any entries: checked with the fake's formula engine (LibreOffice: scripts/check-office.sh).
import fc from 'fast-check';
import { createGasFake } from '../fakes/gas';
import { isFormula, unitSheetLayout } from '../../src/core/unit-sheet';
import { scoreUnit } from '../../src/core/score';
import { leaves } from '../../src/core/rubric';
import { defaultScoringConfig, defaultRubricRows } from '../../src/core/default-rubrics';
import { parseRubrics } from '../../src/core/rubric';
import type { Entries, Rubric } from '../../src/core/types';
import { ktRows, rubricOf, unit } from '../core/helpers';

const { rubrics } = parseRubrics(defaultRubricRows());
const cases: Array<[string, Rubric]> = [
  ['KT', rubricOf(ktRows())],
  ['UBND cấp xã', rubrics['UBND cấp xã']],
];

describe.each(cases)('unit sheet formulas of rubric %s', (_name, rubric) => {
  const layout = unitSheetLayout(unit('DV01', 'Xã Thử'), rubric, { year: 2024, step: 0.25, bonusCap: rubric.bonusMax });
  const values = layout.cells.map((r) => r.map((c) => (isFormula(c) ? `=${c.formula}` : (c ?? ''))));
  const rowOf = (code: string) => layout.cells.findIndex((r, i) => i > layout.headerRow && r[0] === code);
  const totalRow = layout.cells.findIndex((r) => typeof r[1] === 'string' && r[1].startsWith('TỔNG ĐIỂM'));
  const value = (c: { max: number }) =>
    fc.option(
      fc.oneof(
        fc.integer({ min: -8, max: Math.round(c.max * 4) + 8 }).map((q) => q / 4),
        fc.constant('đạt'),
      ),
      { nil: null },
    );
  const entry = (c: { code: string; max: number }) => fc.record({ self: value(c), appraised: fc.option(value(c), { nil: null }) });

  it('gives the core total and self-score total', () => {
    const arb = fc.tuple(...leaves(rubric).map((c) => entry(c)));
    fc.assert(
      fc.property(arb, (list) => {
        const fake = createGasFake();
        const sheet = fake.SpreadsheetApp.create('t').getSheets()[0];
        const grid = values.map((r) => [...r]);
        const entries: Entries = {};
        leaves(rubric).forEach((c, i) => {
          const e = list[i];
          grid[rowOf(c.code)][3] = e.self ?? '';
          grid[rowOf(c.code)][4] = e.appraised ?? '';
          entries[c.code] = { self: e.self, appraised: e.appraised, evidence: null };
        });
        sheet.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
        const [self, eff] = sheet.getRange(totalRow + 1, 4, 1, 2).getValues()[0] as unknown[];
        const core = scoreUnit(rubric, entries, defaultScoringConfig());
        expect([self, eff]).toEqual([core.selfTotal, core.total]);
      }),
      { numRuns: 60 },
    );
  });
});
