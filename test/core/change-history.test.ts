import { changeDetail, collectedGrid, readCollected, unitChanges } from '../../src/core/change-history';
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
    expect(grid[0]).toEqual(['Mã đơn vị', 'Mã tiêu chí', 'Tự chấm', 'Thẩm định', 'Lý do thẩm định', 'Minh chứng', 'Ghi chú']);
    expect(grid.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['A01', '1.1', '3'],
      ['A02', '1.1', '6'],
    ]);
  });
});
