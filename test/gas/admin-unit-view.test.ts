// «Xem điểm thẩm định» in the add-on (issue 13 item 2): one unit's criteria side by side, from one
// read of its file whatever the number of criteria.
import { asAdmin, unitsRows, World } from './helpers';
import { preparedSample, runAll, unitFiles } from './flow';
import { createServerApi } from '../../src/gas/server-api';
import { SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { adminUnitView } from '../../src/gas/admin-unit-view';
import { runTemplatesChunk } from '../../src/gas/jobs/templates';
import { world } from './measure';

const api = (w: World) => createServerApi(w.fake, { clock: () => w.env.clock() });

describe('admin unit view (add-on)', () => {
  it('shows Tự chấm | Thẩm định | Lý do of a unit, the differences flagged, Hạn nộp with the days left', () => {
    const w = preparedSample();
    const v = api(w).adminUnitView('BS-X07');
    expect(v.problem).toBeNull();
    expect(v.unit).toEqual({ code: 'BS-X07', name: unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === 'BS-X07')![UNIT_COLUMNS.name] });
    const differ = v.rows.filter((r) => r.differs);
    expect(differ.map((r) => r.code)).toEqual(['X1.1', 'X3.1', 'X4.2', 'X5.2', 'X7.2']);
    for (const r of differ) expect(r.reason).toBe('Minh chứng chưa đủ so với yêu cầu (giả lập)');
    expect(v.summary).toBe('Đã thẩm định 5 tiêu chí, 5 tiêu chí khác điểm tự chấm.');
    // The sample's deadline (15/11/2024) seen from the fake clock (10/12/2024).
    expect(v.deadlines.map((d) => d.text)).toEqual(['Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)']);
    expect(v.url).toBe(unitFiles(w)['BS-X07'].url);
    expect(api(w).adminState().deadlines).toEqual([
      { label: 'Hạn nộp', text: 'Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)', daysLeft: -25, overdue: true },
    ]);
  });

  it('reads the unit file with one openById, one getRange, one getValues (no call per row), and writes nothing', () => {
    const w = preparedSample();
    w.fake.calls.reset();
    adminUnitView(w.env, 'BS-X07');
    const log = w.fake.calls.log;
    // Calls on the unit file: after its openById, before nothing else but its range.
    expect(w.fake.calls.count('SpreadsheetApp.openById')).toBe(1);
    expect(w.fake.calls.count('Range.getValues')).toBeGreaterThan(0);
    const opened = log.indexOf('SpreadsheetApp.openById');
    expect(log.slice(opened)).toEqual(['SpreadsheetApp.openById', 'Spreadsheet.getRange', 'Range.getValues']);
    // Nothing is written anywhere.
    expect(log.filter((m) => /\.(set|insert|append|delete|clear)/.test(m))).toEqual([]);
  });

  it('costs the same calls with a rubric twice as long', () => {
    const calls = [1, 2].map((factor) => {
      const r = world(1, factor);
      runAll((c) => runTemplatesChunk(r.env, c));
      const before = r.fake.calls.snapshot();
      const v = adminUnitView(r.env, 'U001');
      expect(v.problem).toBeNull();
      return { rows: v.rows.length, calls: r.fake.calls.since(before) };
    });
    expect(calls[1].rows).toBe(2 * calls[0].rows);
    expect(calls[1].calls).toEqual(calls[0].calls);
  });

  it('says why there is nothing to show: a unit without a file, an unknown code', () => {
    const w = preparedSample();
    const v = api(w).adminUnitView('BS-NOPE');
    expect(v.problem).toBe(`Không có đơn vị mã «BS-NOPE» trong sheet «${SHEETS.units}».`);
    expect(v.rows).toEqual([]);
    const file = unitFiles(w)['BS-X01'];
    w.fake.context.deleteItem(file.id);
    asAdmin(w);
    const gone = api(w).adminUnitView('BS-X01');
    expect(gone.rows).toEqual([]);
    expect(gone.problem).toMatch(/^Không mở được tệp biểu mẫu của đơn vị/);
  });
});
