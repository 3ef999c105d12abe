import { changeDetail, collectedGrid, COLLECTED_HEADER, historyOf, readCollected, unitChanges } from '../../src/core/change-history';
import type { Control } from '../../src/core/control';
import type { Entries } from '../../src/core/types';

const e = (self: number | null, appraised: number | null = null, reason = ''): Entries[string] => ({
  self,
  appraised,
  evidence: 'Hồ sơ',
  note: null,
  reason,
});

describe('change history per score', () => {
  it('says nothing for a unit collected the first time, then each changed field, old → new', () => {
    const none = readCollected(undefined);
    expect(unitChanges(none, 'A01', { '1.1': e(3) })).toEqual([]);
    const stored = readCollected(collectedGrid(none, { A01: { '1.1': e(3), '1.2': e(4) } }));
    expect(unitChanges(stored, 'A01', { '1.1': e(3), '1.2': e(4) })).toEqual([]);
    const changes = unitChanges(stored, 'A01', { '1.1': e(3.5), '1.2': e(4, 2, 'Thiếu kế hoạch') });
    expect(changes.map(changeDetail)).toEqual([
      'A01, tiêu chí 1.1, Tự chấm: 3 → 3,5',
      'A01, tiêu chí 1.2, Thẩm định: (trống) → 2',
      'A01, tiêu chí 1.2, Lý do thẩm định: (trống) → Thiếu kế hoạch',
    ]);
  });

  it('keeps the rows of units not read this time and replaces those read', () => {
    const first = readCollected(collectedGrid(readCollected(undefined), { A01: { '1.1': e(3) }, A02: { '1.1': e(5) } }));
    const grid = collectedGrid(first, { A02: { '1.1': e(6) } });
    expect(grid[0]).toEqual([...COLLECTED_HEADER]);
    // One row per unit, whatever the number of criteria.
    expect(grid.slice(1).map((r) => r[0])).toEqual(['A01', 'A02']);
    const again = readCollected(grid);
    expect(unitChanges(again, 'A01', { '1.1': e(3) })).toEqual([]);
    expect(unitChanges(again, 'A02', { '1.1': e(6) })).toEqual([]);
    expect(unitChanges(again, 'A02', { '1.1': e(5) }).map(changeDetail)).toEqual(['A02, tiêu chí 1.1, Tự chấm: 6 → 5']);
  });

  it('continues a long row in the next cells (a Sheets cell holds 50,000 characters) and reads it back', () => {
    const long = 'Kế hoạch số 12/KH-UBND ngày 05/3/2025 về công tác dân vận; '.repeat(1500);
    const grid = collectedGrid(readCollected(undefined), { A01: { '1.1': { ...e(3), note: long } } });
    expect(grid[1].length).toBeGreaterThan(2);
    for (const row of grid) for (const c of row) expect(String(c).length).toBeLessThanOrEqual(50_000);
    expect(grid.every((r) => r.length === grid[0].length)).toBe(true);
    const back = readCollected(grid);
    expect(unitChanges(back, 'A01', { '1.1': { ...e(3), note: long } })).toEqual([]);
    expect(unitChanges(back, 'A01', { '1.1': { ...e(3), note: 'ngắn' } }).map((c) => c.field)).toEqual(['Ghi chú']);
  });

  it('says so when a row of the table cannot be read, and starts that unit afresh', () => {
    const control = { units: [{ code: 'A01' }] } as unknown as Control;
    const grid = [[...COLLECTED_HEADER], ['A01', '{hỏng']];
    const out = historyOf(control, { A01: { '1.1': e(4) } }, grid);
    expect(out.details).toEqual([expect.stringContaining('A01: không đọc được dữ liệu thu lần trước')]);
    expect(unitChanges(readCollected(out.grid), 'A01', { '1.1': e(4) })).toEqual([]);
  });
});
