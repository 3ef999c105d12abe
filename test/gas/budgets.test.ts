import { describeMeasure, measureCalls } from './measure';

describe('Budgets of service calls (DESIGN §6)', () => {
  const normal = measureCalls({ units: 4, criteriaFactor: 1 });
  const doubled = measureCalls({ units: 4, criteriaFactor: 2 });
  console.log(`${describeMeasure(normal)}\n${describeMeasure(doubled)}`);

  // DESIGN §6 targeted 12; issue 10 (item 5) adds the copy's two protections set and checked
  // explicitly (getProtections, then addEditor, getEditors, canDomainEdit for each): 15.
  it('generates one unit file in at most 15 calls, whatever the number of criteria', () => {
    expect(doubled.criteria).toBe(2 * normal.criteria);
    expect(normal.generate.perUnit).toBeLessThanOrEqual(15);
    expect(doubled.generate.perUnit).toBe(normal.generate.perUnit);
    // Building the master is constant too.
    expect(doubled.generate.fixed).toBe(normal.generate.fixed);
  });

  it('collects one unit in at most 3 calls, whatever the number of criteria', () => {
    expect(normal.collect.perUnit).toBeLessThanOrEqual(3);
    expect(doubled.collect.perUnit).toBe(normal.collect.perUnit);
    expect(normal.collect.perUnitByMethod).toEqual({ 'SpreadsheetApp.openById': 1, 'Spreadsheet.getRange': 1, 'Range.getValues': 1 });
  });

  it('writes the ranking and the findings in a constant number of calls', () => {
    expect(normal.rankWrite.large).toBe(normal.rankWrite.small);
    expect(doubled.rankWrite.small).toBe(normal.rankWrite.small);
  });

  it('writes the report in a constant number of calls, one insertTable per table', () => {
    expect(normal.report.insertTable).toBe(4);
    expect(normal.report.large).toBe(normal.report.small);
    expect(doubled.report.small).toBe(normal.report.small);
  });
});
