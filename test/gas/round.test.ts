// The explanation round in the add-on (issue 13 item 3), on the in-memory Apps Script: the admin
// returns a submitted unit in `Đơn vị`; the collection opens exactly `Giải trình`, `Minh chứng` and
// the status cells to the scorer (read back), the scorer writes an explanation and sends it from the
// sidebar's server function; the next collection accepts it and locks the file again. A scorer
// typing a status cannot change the owner's decision; a status typed by the admin that skips a step
// is refused, naming the current one, and written back.
import { ADMIN, asAdmin, control, rowsOf, unitsRows } from './helpers';
import { preparedSample, runAll, unitFiles } from './flow';
import type { World } from './helpers';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { adminUnitView } from '../../src/gas/admin-unit-view';
import { scorerExplain, scorerSave, scorerState } from '../../src/gas/scorer';
import { SCORING_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';

const CODE = 'BS-X07';
const scorerOf = (w: World, code: string) => String(unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === code)![UNIT_COLUMNS.email]);
const unitRow = (w: World, code = CODE) => unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === code)!;
const sheetOf = (w: World, code = CODE) => w.fake.spreadsheetById(unitFiles(w)[code].id)!.sheet(SHEETS.scoring);
/** A cell of the unit's `Chấm điểm` as the fake holds it ("H6", "J12"). */
function cellOf(w: World, a1: string, code = CODE): unknown {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return sheetOf(w, code).values()[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}

function setUnitStatus(w: World, code: string, status: string) {
  asAdmin(w);
  const sheet = control(w).sheet(SHEETS.units);
  const grid = sheet.values();
  const col = grid[0].indexOf(UNIT_COLUMNS.status);
  const row = grid.findIndex((r) => r[grid[0].indexOf(UNIT_COLUMNS.code)] === code);
  sheet.set(`${String.fromCharCode(65 + col)}${row + 1}`, status, { as: ADMIN });
}

function collect(w: World) {
  asAdmin(w);
  runAll((c) => runAssessChunk(w.env, 'validate', c));
  return rowsOf(w, SHEETS.findings);
}

/** The cells of `Chấm điểm` the unit's scorer may edit, by column header (status cells by address). */
function scorerEditable(w: World, code = CODE): string[] {
  const sheet = sheetOf(w, code);
  const grid = sheet.values();
  const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
  const who = scorerOf(w, code);
  const out = new Set<string>();
  grid.forEach((row, r) =>
    row.forEach((_, c) => {
      const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (sheet.canEdit(a1, who)) out.add(r > h ? String(grid[h][c]) : a1);
    }),
  );
  return [...out].sort();
}

function asScorer(w: World, code = CODE) {
  w.fake.setActiveSpreadsheet(unitFiles(w)[code].id);
  w.fake.setUser(scorerOf(w, code));
}

describe('return → explanation → acceptance (add-on)', () => {
  let w: World;
  let row = 0;
  beforeAll(() => {
    w = preparedSample();
    collect(w);
    row =
      sheetOf(w)
        .values()
        .findIndex((r) => r[0] === 'X1.1') + 1;
  });

  it('a submitted unit: nothing open to the scorer', () => {
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Đã nộp');
    expect(scorerEditable(w)).toEqual([]);
  });

  it('returned: exactly Giải trình, Minh chứng and the status cells open (read back), the status copy in the file', () => {
    const config = control(w).sheet(SHEETS.config);
    config.set(`B${config.values().findIndex((r) => r[0] === 'Hạn giải trình') + 1}`, '01/12/2024', { as: ADMIN });
    setUnitStatus(w, CODE, 'Trả lại để giải trình');
    collect(w);
    // The deadline of `Cấu hình` at the return is the unit's (recorded in `Đơn vị`), shown in the file.
    expect(unitRow(w)[UNIT_COLUMNS.explainBy]).toBeInstanceOf(Date);
    expect(String(cellOf(w, 'A6'))).toContain('hạn giải trình 01/12/2024');
    expect(scorerEditable(w)).toEqual(['A6', 'Giải trình', 'H6', 'Minh chứng']);
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Trả lại để giải trình');
    expect(unitRow(w)[UNIT_COLUMNS.locked]).toBe('');
    expect(cellOf(w, 'H6')).toBe('Trả lại để giải trình');
    expect(String(cellOf(w, 'A6'))).toContain('Trạng thái: Trả lại để giải trình');
  });

  it('both sidebars show the unit’s Hạn giải trình with the days left beside Hạn nộp', () => {
    // The fake's clock: 10/12/2024.
    const want = ['Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)', 'Hạn giải trình: đã quá hạn 9 ngày (hạn 01/12/2024)'];
    asAdmin(w);
    expect(adminUnitView(w.env, CODE).deadlines.map((d) => d.text)).toEqual(want);
    asScorer(w);
    expect(scorerState(w.env).deadlines.map((d) => d.text)).toEqual(want);
    asAdmin(w);
  });

  it('the scorer writes an explanation and evidence from the sidebar, not a self-score; then sends it', () => {
    asScorer(w);
    const s = scorerState(w.env);
    expect(s).toMatchObject({ status: 'Trả lại để giải trình', explanationOpen: true, locked: true });
    expect(() => scorerSave(w.env, 'X1.1', 'self', '1')).toThrow('chỉ sửa được cột «Giải trình» và «Minh chứng»');
    expect(scorerSave(w.env, 'X1.1', 'explanation', 'Đã bổ sung biên bản').entries['X1.1'].explanation).toBe('Đã bổ sung biên bản');
    scorerSave(w.env, 'X1.1', 'evidence', 'Biên bản họp dân.pdf');
    const sent = scorerExplain(w.env);
    expect(sent.status).toBe('Đã giải trình');
    // A request only: `Đơn vị` is the owner's.
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Trả lại để giải trình');
  });

  it('the collection accepts it: Đã giải trình, locked again and read back; no change-after-submit warning', () => {
    const findings = collect(w).filter((f) => f['Mã đơn vị'] === CODE);
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Đã giải trình');
    expect(unitRow(w)[UNIT_COLUMNS.locked]).toBe('Có');
    expect(unitRow(w)[UNIT_COLUMNS.explainedAt]).toBeInstanceOf(Date);
    expect(scorerEditable(w)).toEqual([]);
    expect(cellOf(w, 'H6')).toBe('Đã giải trình');
    expect(String(cellOf(w, 'A6'))).toContain('đã khóa ô nhập');
    expect(findings.map((f) => String(f['Nội dung']))).not.toContainEqual(expect.stringContaining('đã bị sửa sau khi đơn vị nộp'));
    expect(cellOf(w, `J${row}`)).toBe('Đã bổ sung biên bản');
    // Sent after the deadline: a warning naming both dates.
    expect(findings.map((f) => String(f['Nội dung']))).toContainEqual(
      expect.stringMatching(/gửi giải trình ngày .*, sau hạn giải trình 01\/12\/2024/),
    );
  });

  it('the admin typing a status that skips a step is refused naming the current status, and the recorded one written back', () => {
    setUnitStatus(w, CODE, 'Đã công nhận');
    const refused = collect(w).filter((f) => f['Mã đơn vị'] === CODE && String(f['Nội dung']).includes('Công cụ đã ghi lại'));
    expect(refused).toHaveLength(1);
    expect(refused[0]['Mức độ']).toBe('Lỗi');
    expect(String(refused[0]['Nội dung'])).toContain('vì trạng thái hiện tại là «Đã giải trình»');
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Đã giải trình');
  });
});

describe('returned again after an explanation (add-on)', () => {
  it('opens the explanation cells again with a new deadline and clears the time of the earlier explanation', () => {
    const w = preparedSample();
    collect(w);
    setUnitStatus(w, CODE, 'Trả lại để giải trình');
    collect(w);
    asScorer(w);
    scorerExplain(w.env);
    // Sent without any Giải trình: accepted, with a Cảnh báo naming the criteria appraised differently.
    const sent = collect(w).filter((f) => f['Mã đơn vị'] === CODE && String(f['Nội dung']).includes('chưa ghi «Giải trình»'));
    expect(sent.map((f) => [f['Mức độ'], f['Nội dung']])).toEqual([
      [
        'Cảnh báo',
        `${String(unitRow(w)[UNIT_COLUMNS.name])} (BS-X07): đã gửi giải trình nhưng chưa ghi «Giải trình» cho tiêu chí nào có điểm thẩm định khác điểm tự chấm (X1.1, X3.1, X4.2, X5.2, X7.2).`,
      ],
    ]);
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Đã giải trình');
    const config = control(w).sheet(SHEETS.config);
    config.set(`B${config.values().findIndex((r) => r[0] === 'Hạn giải trình') + 1}`, '20/12/2024', { as: ADMIN });
    setUnitStatus(w, CODE, 'Trả lại để giải trình');
    collect(w);
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Trả lại để giải trình');
    expect(unitRow(w)[UNIT_COLUMNS.explainedAt]).toBe('');
    expect(scorerEditable(w)).toEqual(['A6', 'Giải trình', 'H6', 'Minh chứng']);
    expect(String(cellOf(w, 'A6'))).toContain('hạn giải trình 20/12/2024');
  });
});

describe('a self-score changed while returned (add-on)', () => {
  it('the return records what the round keeps; a change of Tự chấm (here by the owner, the scorer cannot) is reported naming the cell', () => {
    const w = preparedSample();
    collect(w);
    setUnitStatus(w, CODE, 'Trả lại để giải trình');
    collect(w);
    expect(String(unitRow(w)[UNIT_COLUMNS.returnedCheck])).toMatch(/^\{.*\}$/);
    const grid = sheetOf(w).values();
    const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
    const row = grid.findIndex((r, i) => i > h && r[0] === 'X1.2');
    const a1 = `${String.fromCharCode(65 + grid[h].indexOf(SCORING_COLUMNS.self))}${row + 1}`;
    sheetOf(w).set(a1, 0, { as: ADMIN });
    const found = collect(w).filter((f) => f['Mã đơn vị'] === CODE && String(f['Nội dung']).includes('trong lúc trả lại để giải trình'));
    expect(found.map((f) => f['Mức độ'])).toEqual(['Cảnh báo']);
    expect(String(found[0]['Nội dung'])).toContain(`ô nhập «Tự chấm» của tiêu chí X1.2 (ô ${a1}) đã bị sửa`);
  });
});

describe('a scorer cannot change the status by typing (add-on)', () => {
  it('a status typed by the scorer in the file is no decision; a unit not returned cannot send an explanation', () => {
    const w = preparedSample();
    collect(w);
    setUnitStatus(w, CODE, 'Trả lại để giải trình');
    collect(w);
    // The scorer types a later status into the open status cell: the collection writes the copy back.
    sheetOf(w).set('H6', 'Đã thẩm định', { as: scorerOf(w, CODE) });
    collect(w);
    expect(unitRow(w)[UNIT_COLUMNS.status]).toBe('Trả lại để giải trình');
    expect(cellOf(w, 'H6')).toBe('Trả lại để giải trình');
    // Not returned: the status cells are closed, and the sidebar refuses to send.
    const other = 'BS-X01';
    asScorer(w, other);
    expect(() => scorerExplain(w.env)).toThrow(/chỉ gửi khi cơ quan quản lý trả lại để giải trình/);
    expect(() => sheetOf(w, other).set('H6', 'Đã giải trình', { as: scorerOf(w, other) })).toThrow(/protected cell/);
  });
});
