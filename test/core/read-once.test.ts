// A step reads each unit file's sheet once: the owner's decision, the assessment and the change
// history used to parse the same grid three times (up to 40 criteria × 5,000 units each time).
import * as unitSheet from '../../src/core/unit-sheet';
import { assessUnitStep, unitEntries } from '../../src/core/steps/assess';
import { scoredGrid, syntheticControl, syntheticUnits } from '../../bench/synthetic';

it('parses a unit sheet once for the decision, the assessment and the entries', () => {
  const units = syntheticUnits(3, 10);
  const control = syntheticControl(units, 10);
  const spy = jest.spyOn(unitSheet, 'readUnitSheet');
  const now = new Date(2025, 11, 1);
  for (const [i, u] of control.units.entries()) {
    const source = { grid: scoredGrid(units[i], i, control.rubrics[u.rubricId]) };
    const outcome = assessUnitStep(control, 'rank', u, source, { now });
    expect(outcome.assessment?.score?.total).toBeGreaterThan(0);
    expect(Object.keys(unitEntries(control, u, source) ?? {}).length).toBeGreaterThan(0);
  }
  expect(spy).toHaveBeenCalledTimes(control.units.length);
  spy.mockRestore();
});
