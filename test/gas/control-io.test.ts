import { newWorld, control } from './helpers';
import { appendLog, writeToolSheet } from '../../src/gas/control-io';
import { SHEETS } from '../../src/core/schema';
import type { Grid } from '../../src/core/types';

describe('writing the control spreadsheet', () => {
  it('grows a tool-written sheet past the 1,000 rows of a new sheet, in constant calls', () => {
    const w = newWorld();
    const ss = w.env.gas.SpreadsheetApp.getActiveSpreadsheet()!;
    const grid = (n: number): Grid => [['Mã đơn vị', 'Tổng điểm'], ...Array.from({ length: n }, (_, i) => [`DV${i}`, i])];
    const before = w.fake.calls.snapshot();
    writeToolSheet(ss, SHEETS.results, grid(10));
    const small = w.fake.calls.since(before).total;
    const mid = w.fake.calls.snapshot();
    writeToolSheet(ss, SHEETS.results, grid(1500));
    expect(w.fake.calls.since(mid).total).toBeLessThanOrEqual(small + 1);
    const values = control(w).sheet(SHEETS.results).values();
    expect(values[1500]).toEqual(['DV1499', 1499]);
  });

  it('keeps appending to `Nhật ký` after its first 1,000 rows', () => {
    const w = newWorld();
    const ss = w.env.gas.SpreadsheetApp.getActiveSpreadsheet()!;
    writeToolSheet(ss, SHEETS.log, [['Thời gian', 'Người thực hiện', 'Thao tác', 'Chi tiết'], ...Array.from({ length: 999 }, () => ['x', 'y', 'z', 'w'])]);
    appendLog(w.env, ss, 'Tổng hợp & xếp hạng', 'lần 1.000');
    appendLog(w.env, ss, 'Tổng hợp & xếp hạng', 'lần 1.001');
    const values = control(w).sheet(SHEETS.log).values();
    expect(values[1001][3]).toBe('lần 1.001');
  });
});
