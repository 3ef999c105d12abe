// A scorer typing into every cell of their own file they can edit (issue 10, item 1), on the
// in-memory Apps Script: the status cell H6, the status line A6, every input, the meta sheet. The
// owner's next collection decides from `Đơn vị` and its record there (`Nộp lúc`, `Người nộp`,
// `Mã kiểm tra`, `Khóa ô nhập`): a unit with errors is not accepted, the lock is applied and read
// back, an accepted unit is not reopened, and a change made after acceptance is still reported.
import { ADMIN, asAdmin, control, newWorld, rowsOf, unitsRows } from './helpers';
import { fillSampleScores, generate, runAll, sampleControl, unitFiles } from './flow';
import type { World } from './helpers';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { scorerReopen, scorerState, scorerSubmit } from '../../src/gas/scorer';
import { SCORING_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';

type Row = Record<string, unknown>;

const BLANK_SUBMIT = 'BS-X02'; // «Đã nộp» typed into H6 with every score blank, a forged line and meta rows
const FAKE_LOCK = 'BS-X03'; // valid scores; «Đã nộp» typed into H6 and a line claiming the lock
const CHANGED = 'BS-X04'; // submits from the sidebar; later «mã kiểm tra» deleted and a score raised
const TYPED_OPEN = 'BS-X05'; // accepted in `Đơn vị`; «Đang chấm» and a reopening line typed into the file

const FORGED_LINE = 'Trạng thái: Đã nộp lúc 01/12/2024 08:00 — người nộp: ai đó — mã kiểm tra: 000000000000 — đã khóa ô nhập';

function sheetOf(w: World, code: string) {
  return w.fake.spreadsheetById(unitFiles(w)[code].id)!.sheet(SHEETS.scoring);
}
const scorerOf = (w: World, code: string) => String(unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === code)![UNIT_COLUMNS.email]);
const unitRow = (w: World, code: string) => unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === code)!;

/** Every cell of `Chấm điểm` (A1 to the last used cell) the unit's scorer may type into. */
function editableCells(w: World, code: string): string[] {
  const sheet = sheetOf(w, code);
  const grid = sheet.values();
  const who = scorerOf(w, code);
  const out: string[] = [];
  grid.forEach((row, r) =>
    row.forEach((_, c) => {
      const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (sheet.canEdit(a1, who)) out.push(a1);
    }),
  );
  return out;
}

/** The scorer's input cells: Tự chấm, Minh chứng, Ghi chú of each leaf criterion. */
function inputCells(w: World, code: string): string[] {
  const grid = sheetOf(w, code).values();
  const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
  const cols = [SCORING_COLUMNS.self, SCORING_COLUMNS.evidence, SCORING_COLUMNS.note].map((x) => grid[h].indexOf(x));
  const out: string[] = [];
  for (let r = h + 1; r < grid.length; r++) {
    for (const c of cols)
      if (sheetOf(w, code).canEdit(`${String.fromCharCode(65 + c)}${r + 1}`, scorerOf(w, code)))
        out.push(`${String.fromCharCode(65 + c)}${r + 1}`);
  }
  return out;
}

function setUnitStatus(w: World, code: string, status: string) {
  asAdmin(w);
  const sheet = control(w).sheet(SHEETS.units);
  const grid = sheet.values();
  const col = grid[0].indexOf(UNIT_COLUMNS.status);
  const row = grid.findIndex((r) => r[grid[0].indexOf(UNIT_COLUMNS.code)] === code);
  sheet.set(`${String.fromCharCode(65 + col)}${row + 1}`, status);
}

function collect(w: World, step: 'progress' | 'validate' = 'validate'): Row[] {
  asAdmin(w);
  runAll((c) => runAssessChunk(w.env, step, c));
  return rowsOf(w, SHEETS.findings);
}
const findingsOf = (rows: Row[], code: string) => rows.filter((x) => x['Mã đơn vị'] === code).map((x) => String(x['Nội dung']));

function asScorerIn(w: World, code: string) {
  w.fake.setActiveSpreadsheet(unitFiles(w)[code].id);
  w.fake.setUser(scorerOf(w, code));
}

describe('a scorer typing into every editable cell of their own file (bản Google)', () => {
  let w: World;
  let first: Row[] = [];
  const editableBefore: Record<string, string[]> = {};
  const inputsBefore: Record<string, string[]> = {};

  beforeAll(() => {
    w = newWorld();
    sampleControl(w);
    generate(w);
    fillSampleScores(w, { submit: false });
    // The sample's `Đơn vị` says «Đã nộp» for these: they start as not submitted, but TYPED_OPEN.
    for (const code of [BLANK_SUBMIT, FAKE_LOCK, CHANGED]) setUnitStatus(w, code, 'Đang chấm');
    for (const code of [BLANK_SUBMIT, FAKE_LOCK, CHANGED, TYPED_OPEN]) {
      editableBefore[code] = editableCells(w, code);
      inputsBefore[code] = inputCells(w, code);
    }

    // BLANK_SUBMIT: every input cleared; «Đã nộp» in H6; a line naming a fingerprint and the lock; the meta sheet's submission rows.
    const blank = sheetOf(w, BLANK_SUBMIT);
    const who = scorerOf(w, BLANK_SUBMIT);
    for (const a1 of inputCells(w, BLANK_SUBMIT)) blank.set(a1, '', { as: who });
    blank.set('H6', 'Đã nộp', { as: who });
    blank.set('A6', FORGED_LINE, { as: who });
    const meta = w.fake.spreadsheetById(unitFiles(w)[BLANK_SUBMIT].id)!.sheet(SHEETS.meta);
    meta.values().forEach((r, i) => {
      if (['Thời điểm nộp', 'Người nộp', 'Mã kiểm tra khi nộp'].includes(String(r[0]))) meta.set(`B${i + 1}`, 'đã nộp', { as: who });
    });
    // FAKE_LOCK: «Đã nộp» and a line saying the inputs are locked, without a fingerprint.
    sheetOf(w, FAKE_LOCK).set('H6', 'Đã nộp', { as: scorerOf(w, FAKE_LOCK) });
    sheetOf(w, FAKE_LOCK).set('A6', 'Trạng thái: Đã nộp — đã khóa ô nhập', { as: scorerOf(w, FAKE_LOCK) });
    // CHANGED: submits from the sidebar (a request).
    asScorerIn(w, CHANGED);
    expect(scorerSubmit(w.env).status).toBe('Đã nộp');
    // TYPED_OPEN: accepted in `Đơn vị` (the sample), the file still open: the scorer types a reopening.
    sheetOf(w, TYPED_OPEN).set('H6', 'Đang chấm', { as: scorerOf(w, TYPED_OPEN) });
    sheetOf(w, TYPED_OPEN).set('A6', 'Trạng thái: Đang chấm (mở lại lúc 10/12/2024 08:00)', { as: scorerOf(w, TYPED_OPEN) });

    first = collect(w);
  });

  it('the scorer may edit only the inputs and the two status cells of «Chấm điểm»; never `Đơn vị`', () => {
    for (const code of [BLANK_SUBMIT, FAKE_LOCK, CHANGED, TYPED_OPEN]) {
      expect(inputsBefore[code].length).toBeGreaterThan(20);
      expect(new Set(editableBefore[code])).toEqual(new Set([...inputsBefore[code], 'A6', 'H6']));
    }
    expect(control(w).sheet(SHEETS.units).canEdit('A1', scorerOf(w, FAKE_LOCK))).toBe(false);
  });

  it('«Đã nộp» typed with every score blank: not accepted, nothing recorded, the owner is told', () => {
    const row = unitRow(w, BLANK_SUBMIT);
    expect(row[UNIT_COLUMNS.status]).toBe('Đang chấm');
    for (const col of [UNIT_COLUMNS.acceptedAt, UNIT_COLUMNS.acceptedBy, UNIT_COLUMNS.acceptedCheck, UNIT_COLUMNS.locked])
      expect(row[col]).toBe('');
    expect(findingsOf(first, BLANK_SUBMIT)).toContainEqual(
      expect.stringMatching(/^Xã .* \(BS-X02\): đơn vị đã bấm «Nộp kết quả» nhưng biểu mẫu còn \d+ lỗi nên chưa được ghi nhận là đã nộp/),
    );
    // Its scorer may still fix it: nothing was locked.
    expect(new Set(editableCells(w, BLANK_SUBMIT))).toEqual(new Set(editableBefore[BLANK_SUBMIT]));
  });

  it('a line claiming the lock does not avoid it: the owner locks, reads it back, records «Có» and shows the record', () => {
    const row = unitRow(w, FAKE_LOCK);
    expect(row[UNIT_COLUMNS.status]).toBe('Đã nộp');
    expect(row[UNIT_COLUMNS.acceptedAt]).toBeInstanceOf(Date);
    expect(row[UNIT_COLUMNS.acceptedCheck]).toMatch(/^[0-9a-f]{12}$/);
    expect(row[UNIT_COLUMNS.locked]).toBe('Có');
    const sheet = sheetOf(w, FAKE_LOCK);
    expect(sheet.protections[0].unprotected).toEqual([]);
    expect(editableCells(w, FAKE_LOCK)).toEqual([]);
    expect(sheet.cell('H6').value).toBe('Đã nộp');
    expect(String(sheet.cell('A6').value)).toBe(
      `Trạng thái: Đã nộp lúc 10/12/2024 09:00 — mã kiểm tra: ${String(row[UNIT_COLUMNS.acceptedCheck])} — đã khóa ô nhập`,
    );
    expect(findingsOf(first, FAKE_LOCK)).toEqual([]);
  });

  it('a submission from the sidebar is a request: accepted at the collection, with its fingerprint and its submitter', () => {
    const row = unitRow(w, CHANGED);
    expect(row[UNIT_COLUMNS.status]).toBe('Đã nộp');
    expect(row[UNIT_COLUMNS.acceptedBy]).toBe(scorerOf(w, CHANGED));
    expect(row[UNIT_COLUMNS.locked]).toBe('Có');
    expect(editableCells(w, CHANGED)).toEqual([]);
  });

  it('«Đang chấm» typed into an accepted unit’s file reopens nothing: `Đơn vị` keeps «Đã nộp», the file is locked and shows it again', () => {
    const row = unitRow(w, TYPED_OPEN);
    expect(row[UNIT_COLUMNS.status]).toBe('Đã nộp');
    expect(row[UNIT_COLUMNS.locked]).toBe('Có');
    expect(editableCells(w, TYPED_OPEN)).toEqual([]);
    expect(sheetOf(w, TYPED_OPEN).cell('H6').value).toBe('Đã nộp');
    expect(findingsOf(first, TYPED_OPEN)).toEqual([
      expect.stringContaining('biểu mẫu ghi đã mở lại cho đơn vị sửa, nhưng sheet «Đơn vị» vẫn ghi «Đã nộp»'),
    ]);
  });

  it('after acceptance, «mã kiểm tra» deleted from the line and a score raised: still reported against `Đơn vị`, and locked again', () => {
    const check = String(unitRow(w, CHANGED)[UNIT_COLUMNS.acceptedCheck]);
    // The owner opens the file again from the sidebar (the only way a locked file opens); `Đơn vị` still says «Đã nộp».
    w.fake.setActiveSpreadsheet(unitFiles(w)[CHANGED].id);
    w.fake.setUser(ADMIN);
    expect(scorerReopen(w.env).status).toBe('Đang chấm');
    asScorerIn(w, CHANGED);
    const state = scorerState(w.env);
    const leaf = state.criteria.find((c) => c.leaf && c.kind === 'score' && Number(state.entries[c.code].self.replace(',', '.')) < c.max)!;
    expect(leaf).toBeDefined();
    const sheet = sheetOf(w, CHANGED);
    const row = sheet.values().findIndex((r) => r[0] === leaf.code) + 1;
    const who = scorerOf(w, CHANGED);
    sheet.set(`D${row}`, leaf.max, { as: who });
    sheet.set('H6', 'Đã nộp', { as: who });
    sheet.set('A6', `Trạng thái: Đã nộp lúc 10/12/2024 09:00 — người nộp: ${who} — đã khóa ô nhập`, { as: who });

    const rows = collect(w);
    expect(findingsOf(rows, CHANGED)).toEqual([
      // Accepted by the fake's clock (10/12/2024), after the sample's deadline: flagged late too.
      expect.stringContaining('sau hạn nộp 15/11/2024'),
      expect.stringContaining(`đã bị sửa sau khi đơn vị nộp kết quả (mã kiểm tra lúc nộp ${check}, hiện nay `),
    ]);
    expect(unitRow(w, CHANGED)[UNIT_COLUMNS.acceptedCheck]).toBe(check);
    expect(unitRow(w, CHANGED)[UNIT_COLUMNS.status]).toBe('Đã nộp');
    expect(editableCells(w, CHANGED)).toEqual([]);
    expect(String(sheet.cell('A6').value)).toContain(`mã kiểm tra: ${check} — đã khóa ô nhập`);
    // Reported at every collection until the owner decides.
    expect(findingsOf(collect(w), CHANGED).filter((m) => m.includes('đã bị sửa sau khi'))).toHaveLength(1);
  });

  it('the owner reopens in `Đơn vị`: the record goes, the file opens again, and only a new request is accepted', () => {
    setUnitStatus(w, FAKE_LOCK, 'Đang chấm');
    collect(w, 'progress');
    const row = unitRow(w, FAKE_LOCK);
    expect(row[UNIT_COLUMNS.status]).toBe('Đang chấm');
    expect([row[UNIT_COLUMNS.acceptedAt], row[UNIT_COLUMNS.acceptedCheck], row[UNIT_COLUMNS.locked]]).toEqual(['', '', '']);
    expect(new Set(editableCells(w, FAKE_LOCK))).toEqual(new Set(editableBefore[FAKE_LOCK]));
    expect(sheetOf(w, FAKE_LOCK).cell('H6').value).toBe('Đang chấm');
    // The old «Đã nộp» of the file is not taken again.
    collect(w, 'progress');
    expect(unitRow(w, FAKE_LOCK)[UNIT_COLUMNS.status]).toBe('Đang chấm');
    asScorerIn(w, FAKE_LOCK);
    expect(scorerSubmit(w.env).status).toBe('Đã nộp');
    collect(w, 'progress');
    expect(unitRow(w, FAKE_LOCK)[UNIT_COLUMNS.status]).toBe('Đã nộp');
    expect(unitRow(w, FAKE_LOCK)[UNIT_COLUMNS.locked]).toBe('Có');
  });
});

describe('a control spreadsheet made before the record’s columns (bản Google)', () => {
  it('gets them on the first collection, filled for the units `Đơn vị` says submitted', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    fillSampleScores(w);
    asAdmin(w);
    const sheet = control(w).sheet(SHEETS.units);
    const grid = sheet.values();
    const record = [UNIT_COLUMNS.acceptedAt, UNIT_COLUMNS.acceptedBy, UNIT_COLUMNS.acceptedCheck, UNIT_COLUMNS.locked];
    const first = grid[0].indexOf(record[0]);
    expect(grid[0].slice(first, first + record.length)).toEqual(record);
    // An older sheet: no such columns (cleared, header included).
    sheet.set(
      `${String.fromCharCode(65 + first)}1`,
      grid.map(() => record.map(() => '')),
    );
    expect(sheet.values()[0]).not.toContain(UNIT_COLUMNS.acceptedCheck);
    const chunks = runAll((c) => runAssessChunk(w.env, 'progress', c));
    expect(chunks[chunks.length - 1].message).toContain('Đã ghi bản ghi nộp');
    const row = unitRow(w, FAKE_LOCK);
    expect(row[UNIT_COLUMNS.status]).toBe('Đã nộp');
    expect(row[UNIT_COLUMNS.acceptedAt]).toBeInstanceOf(Date);
    expect(row[UNIT_COLUMNS.acceptedCheck]).toMatch(/^[0-9a-f]{12}$/);
    expect(row[UNIT_COLUMNS.locked]).toBe('Có');
  });
});
