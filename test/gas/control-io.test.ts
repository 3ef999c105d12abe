import { newWorld, control, unitsRows } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { appendLog, toSheetGrid, writeToolSheet, writeUnitColumns } from '../../src/gas/control-io';
import { writeFindingsSheet } from '../../src/gas/output-sheets';
import { runTemplatesChunk } from '../../src/gas/jobs/templates';
import { SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import type { Grid, Unit } from '../../src/core/types';
import type { GasServices, GDrive } from '../../src/gas/services';
import type { Env } from '../../src/gas/env';

describe('writing the control spreadsheet', () => {
  it('grows a tool-written sheet past the 1,000 rows of a new sheet, in constant calls', () => {
    const w = newWorld();
    const ss = w.env.gas.SpreadsheetApp.getActiveSpreadsheet();
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
    const ss = w.env.gas.SpreadsheetApp.getActiveSpreadsheet();
    writeToolSheet(ss, SHEETS.log, [
      ['Thời gian', 'Người thực hiện', 'Thao tác', 'Chi tiết'],
      ...Array.from({ length: 999 }, () => ['x', 'y', 'z', 'w']),
    ]);
    appendLog(w.env, ss, 'Tổng hợp & xếp hạng', 'lần 1.000');
    appendLog(w.env, ss, 'Tổng hợp & xếp hạng', 'lần 1.001');
    const values = control(w).sheet(SHEETS.log).values();
    expect(values[1001][3]).toBe('lần 1.001');
  });

  it('keeps text as text in tool-written sheets: codes like "1.10" or "00123", dates typed as text', () => {
    expect(toSheetGrid([['1.10', '00123', 5, '15/11/2024', '=1+1', 'Xã A', null]])).toEqual([
      ["'1.10", "'00123", 5, "'15/11/2024", "'=1+1", 'Xã A', null],
    ]);
    const w = newWorld();
    const ss = w.env.gas.SpreadsheetApp.getActiveSpreadsheet();
    writeToolSheet(ss, SHEETS.results, [
      ['Mã đơn vị', 'Mã tiêu chí', 'Tổng điểm'],
      ['00123', '1.10', 87.5],
    ]);
    expect(control(w).sheet(SHEETS.results).values()[1]).toEqual(['00123', '1.10', 87.5]);
    const unit: Unit = { code: '00123', name: 'Xã Một', type: 'xã', group: '', rubricId: 'X', email: '', gates: [], status: '', link: '' };
    writeFindingsSheet(ss, [{ severity: 'Lỗi', unitCode: '00123', criterion: '1.10', code: 'x', message: 'Xã Một (00123): lỗi.' }], [unit]);
    const row = control(w).sheet(SHEETS.findings).values()[1];
    expect(row).toContain('00123');
    expect(row).toContain('1.10');
  });

  it('writes `Trạng thái` and `Liên kết` by unit code into the sheet as it is now, one setValues per column', () => {
    const w = newWorld();
    sampleControl(w);
    const ss = w.env.gas.SpreadsheetApp.getActiveSpreadsheet();
    // Someone inserted a row on top of the list after the job read it.
    const units = w.fake.spreadsheetById(ss.getId())!.sheet(SHEETS.units);
    units.insertRowsBefore(2, 1);
    units.set('A2', [['BS-MOI', 'Xã Mới']]);
    const before = w.fake.calls.snapshot();
    writeUnitColumns(w.env, ss, {
      updates: [
        { code: 'BS-X03', status: 'Đã tạo biểu mẫu', link: 'https://docs.google.com/spreadsheets/d/x03/edit' },
        { code: 'BS-P01', link: 'https://docs.google.com/spreadsheets/d/p01/edit' },
      ],
      history: null,
    });
    expect(w.fake.calls.since(before).byMethod).toMatchObject({ 'Range.getValues': 1, 'Range.setValues': 2 });
    const rows = Object.fromEntries(unitsRows(w).map((r) => [String(r[UNIT_COLUMNS.code]), r] as const));
    expect(rows['BS-X03']).toMatchObject({
      [UNIT_COLUMNS.status]: 'Đã tạo biểu mẫu',
      [UNIT_COLUMNS.link]: 'https://docs.google.com/spreadsheets/d/x03/edit',
    });
    expect(rows['BS-P01'][UNIT_COLUMNS.link]).toBe('https://docs.google.com/spreadsheets/d/p01/edit');
    expect(rows['BS-MOI']).toMatchObject({ [UNIT_COLUMNS.status]: '', [UNIT_COLUMNS.link]: '' });
    expect(rows['BS-X02'][UNIT_COLUMNS.link]).toBe('');
    // Taken under the document lock.
    expect(w.fake.locks.acquisitions('document')).toBeGreaterThan(0);
  });

  it('a row inserted in `Đơn vị` while the templates job runs gets nobody else’s link', () => {
    const w = newWorld();
    sampleControl(w);
    // The admin inserts a unit on top of the list while the job copies the files.
    let copies = 0;
    const files = w.fake.Drive.Files;
    const drive: GDrive = {
      Permissions: w.fake.Drive.Permissions,
      Files: {
        create: (...a: Parameters<typeof files.create>) => files.create(...a),
        get: (...a: Parameters<typeof files.get>) => files.get(...a),
        update: (...a: Parameters<typeof files.update>) => files.update(...a),
        list: (...a: Parameters<typeof files.list>) => files.list(...a),
        copy: (...a: Parameters<typeof files.copy>) => {
          const r = files.copy(...a);
          if (++copies === 5) {
            const units = w.fake.spreadsheetById(w.controlId)!.sheet(SHEETS.units);
            units.insertRowsBefore(2, 1);
            units.set('A2', [['BS-MOI', 'Xã Mới', 'xã', 'Khối xã, thị trấn', 'UBND cấp xã', 'moi@example.com']]);
          }
          return r;
        },
      } as GDrive['Files'],
    };
    const env: Env = { ...w.env, gas: { ...(w.fake as GasServices), Drive: drive } };
    const r = runTemplatesChunk(env, null);
    expect(r.finished).toBe(true);
    const filesByCode = unitFiles(w);
    const rows = unitsRows(w);
    expect(rows).toHaveLength(34);
    for (const row of rows) {
      const code = String(row[UNIT_COLUMNS.code]);
      if (code === 'BS-MOI') expect(row).toMatchObject({ [UNIT_COLUMNS.status]: '', [UNIT_COLUMNS.link]: '' });
      else expect(row[UNIT_COLUMNS.link]).toBe(filesByCode[code].url);
    }
    // The next run makes the new unit's file.
    expect(generate(w).at(-1)!.message).toMatch(/^34\/34 đơn vị đã có biểu mẫu/);
  });
});
