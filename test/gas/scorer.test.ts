import { newWorld, asAdmin, ADMIN, rowsOf } from './helpers';
import { generate, runAll, sampleControl, unitFiles } from './flow';
import { scorerReopen, scorerSave, scorerState, scorerSubmit } from '../../src/gas/scorer';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { createServerApi } from '../../src/gas/server-api';
import { UserError } from '../../src/gas/errors';
import { SHEETS } from '../../src/core/schema';
import { metaCell } from '../../src/core/unit-sheet';
import { readControlData } from '../../src/gas/control-io';
import type { World } from './helpers';

const UNIT = 'BS-X08'; // Xã Bình Hải
const SCORER = 'binhhai.binhson@example.com';

function inUnitFile(): { w: World; fileId: string } {
  const w = newWorld();
  sampleControl(w);
  generate(w);
  const fileId = unitFiles(w)[UNIT].id;
  w.fake.setActiveSpreadsheet(fileId);
  w.fake.setUser(SCORER);
  return { w, fileId };
}

/** Fill every leaf validly: maximum for scores, evidence everywhere. */
function fillValid(w: World) {
  let state = scorerState(w.env);
  for (const c of state.criteria.filter((x) => x.leaf && x.kind === 'score')) {
    state = scorerSave(w.env, c.code, 'self', String(c.max).replace('.', ','));
    state = scorerSave(w.env, c.code, 'evidence', `Văn bản ${c.code}`);
  }
  return state;
}

describe('Scorer sidebar server functions', () => {
  it('reads the state from the unit file: criteria, entries, provisional total and level', () => {
    const { w } = inUnitFile();
    const s = scorerState(w.env);
    expect(s.unit).toEqual({ code: UNIT, name: 'Xã Bình Hải', group: 'Khối xã, thị trấn' });
    expect(s.year).toBe(2024);
    expect(s.deadline).toBe('15/11/2024');
    expect(s.status).toBe('Đang chấm');
    expect(s.locked).toBe(false);
    expect(s.canAppraise).toBe(false);
    expect(s.criteria.length).toBeGreaterThan(20);
    expect(s.score.total).toBe(0);
    // Nothing scored yet: no level (0 points is not «Không hoàn thành nhiệm vụ»).
    expect(s.level).toBeNull();
    expect(s.findings.some((f) => f.code === 'blank-score')).toBe(true);
    w.fake.setUser(ADMIN);
    expect(scorerState(w.env).canAppraise).toBe(true);
  });

  it('typing 12 into a leaf worth less gives the above-max finding at once; text is never a formula', () => {
    const { w, fileId } = inUnitFile();
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf && c.kind === 'score' && c.max < 12)!;
    const s = scorerSave(w.env, leaf.code, 'self', '12');
    expect(s.entries[leaf.code].self).toBe('12');
    const f = s.findings.find((x) => x.code === 'above-max' && x.criterion === leaf.code)!;
    expect(f.severity).toBe('Lỗi');
    expect(f.message).toContain('vượt điểm tối đa');
    const sheet = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring);
    expect(sheet.cell(f.cell!).value).toBe(12);

    const e = scorerSave(w.env, leaf.code, 'evidence', '=IMPORTRANGE("x","A1")');
    const evCell = `F${f.cell!.slice(1)}`;
    expect(sheet.cell(evCell).formula).toBe('');
    expect(sheet.cell(evCell).value).toBe('=IMPORTRANGE("x","A1")');
    expect(e.findings.some((x) => x.code === 'formula-text' && x.criterion === leaf.code)).toBe(true);
    // A Vietnamese decimal comma is a number.
    expect(scorerSave(w.env, leaf.code, 'self', '1,5').entries[leaf.code].self).toBe('1,5');
    expect(sheet.cell(f.cell!).value).toBe(1.5);
  });

  it('refuses the appraised field to the scorer, and a parent criterion', () => {
    const { w } = inUnitFile();
    const s = scorerState(w.env);
    const leaf = s.criteria.find((c) => c.leaf)!;
    const parent = s.criteria.find((c) => !c.leaf)!;
    expect(() => scorerSave(w.env, leaf.code, 'appraised', '1')).toThrow(/Chỉ Hội đồng thẩm định/);
    expect(() => scorerSave(w.env, parent.code, 'self', '1')).toThrow(UserError);
    w.fake.setUser(ADMIN);
    expect(scorerSave(w.env, leaf.code, 'appraised', '1').entries[leaf.code].appraised).toBe('1');
  });

  it('submit with a blocking error is refused; without errors it records user and time, and the inputs get locked', () => {
    const { w, fileId } = inUnitFile();
    const refused = scorerSubmit(w.env);
    expect(refused.status).toBe('Đang chấm');
    expect(refused.findings.some((f) => f.severity === 'Lỗi')).toBe(true);

    const filled = fillValid(w);
    expect(filled.findings.filter((f) => f.severity === 'Lỗi')).toEqual([]);
    const s = scorerSubmit(w.env);
    expect(s.status).toBe('Đã nộp');
    expect(s.locked).toBe(true);
    expect(s.submittedBy).toBe(SCORER);
    expect(s.submittedAt).toBe('09:00 10/12/2024');
    const sheet = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring);
    expect(sheet.cell('H6').value).toBe('Đã nộp');
    expect(String(sheet.cell('A6').value)).toContain(`người nộp: ${SCORER}`);
    // The sidebar refuses further edits at once.
    expect(() => scorerSave(w.env, s.criteria.find((c) => c.leaf)!.code, 'self', '0')).toThrow(/đã nộp kết quả/);
    // A scorer cannot lock a protection he does not own: the admin's next collection does.
    expect(sheet.protections[0].unprotected.length).toBeGreaterThan(0);
    asAdmin(w);
    runAll((c) => runAssessChunk(w.env, 'progress', c));
    expect(sheet.protections[0].unprotected).toEqual([]);
    expect(sheet.canEdit('D9', SCORER)).toBe(false);
    expect(String(sheet.cell('A6').value)).toContain('đã khóa ô nhập');
    const { control } = readControlData(w.env);
    expect(control.units.find((u) => u.code === UNIT)!.status).toBe('Đã nộp');
  });

  it('the owner submitting locks at once; reopen is for the owner only and unlocks', () => {
    const { w, fileId } = inUnitFile();
    fillValid(w);
    const sheet = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring);
    const unprotected = sheet.protections[0].unprotected;
    w.fake.setUser(ADMIN);
    const s = scorerSubmit(w.env);
    expect(s.locked).toBe(true);
    expect(sheet.protections[0].unprotected).toEqual([]);

    w.fake.setUser(SCORER);
    expect(() => scorerReopen(w.env)).toThrow('Chỉ chủ sở hữu biểu mẫu (cơ quan quản lý) mới mở lại được biểu mẫu đã nộp.');
    w.fake.setUser(ADMIN);
    const r = scorerReopen(w.env);
    expect(r.status).toBe('Đang chấm');
    expect(r.locked).toBe(false);
    expect(r.submittedAt).toBeNull();
    expect(new Set(sheet.protections[0].unprotected)).toEqual(new Set(unprotected));
    w.fake.setUser(SCORER);
    expect(scorerSave(w.env, r.criteria.find((c) => c.leaf)!.code, 'note', 'sửa lại').status).toBe('Đang chấm');
  });

  it('a file reopened after `Đơn vị` accepted it: `Đơn vị` decides, and the owner is told how to confirm', () => {
    const { w } = inUnitFile();
    fillValid(w);
    scorerSubmit(w.env);
    asAdmin(w);
    runAll((c) => runAssessChunk(w.env, 'progress', c));
    const status = () => readControlData(w.env).control.units.find((u) => u.code === UNIT)!.status;
    expect(status()).toBe('Đã nộp');
    w.fake.setActiveSpreadsheet(unitFiles(w)[UNIT].id);
    expect(scorerReopen(w.env).status).toBe('Đang chấm');
    asAdmin(w);
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    expect(status()).toBe('Đã nộp');
    const found = rowsOf(w, SHEETS.findings).filter((f) => f['Mã đơn vị'] === UNIT);
    expect(found.map((f) => f['Nội dung'])).toEqual([
      // Accepted by the fake's clock (10/12/2024), after the sample's deadline.
      'Xã Bình Hải (BS-X08): nộp kết quả ngày 10/12/2024, sau hạn nộp 15/11/2024 (chậm 25 ngày).',
      'Xã Bình Hải (BS-X08): biểu mẫu ghi đã mở lại cho đơn vị sửa, nhưng sheet «Đơn vị» vẫn ghi «Đã nộp» nên điểm vẫn được tính như đã nộp. Nếu đúng là mở lại, ghi «Đang chấm» vào cột «Trạng thái» của đơn vị.',
    ]);
  });

  it('after the submission the owner still appraises; self-score, evidence and note stay closed', () => {
    const { w, fileId } = inUnitFile();
    const filled = fillValid(w);
    const leaf = filled.criteria.find((c) => c.leaf && c.kind === 'score')!;
    const submitted = scorerSubmit(w.env);
    expect(submitted.locked).toBe(true);
    // The scorer: nothing, and told whom to ask (the hierarchy is data: no office named).
    for (const field of ['self', 'appraised', 'evidence', 'note'] as const) {
      expect(() => scorerSave(w.env, leaf.code, field, '1')).toThrow(UserError);
    }
    expect(() => scorerSave(w.env, leaf.code, 'self', '1')).toThrow(
      'Đơn vị đã nộp kết quả nên không sửa được điểm. Liên hệ cơ quan quản lý nếu cần mở lại biểu mẫu.',
    );
    // The owner (the appraisal council): Thẩm định yes, the scorer's fields no.
    w.fake.setUser(ADMIN);
    const s = scorerSave(w.env, leaf.code, 'appraised', '0,5');
    expect(s.entries[leaf.code].appraised).toBe('0,5');
    expect(s.locked).toBe(true);
    const sheet = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring);
    const row = sheet.values().findIndex((r) => r[0] === leaf.code) + 1;
    expect(sheet.cell(`E${row}`).value).toBe(0.5);
    expect(() => scorerSave(w.env, leaf.code, 'self', '1')).toThrow(/đã nộp kết quả/);
    expect(() => scorerSave(w.env, leaf.code, 'evidence', 'x')).toThrow(/đã nộp kết quả/);
    // The appraisal is not a change of the scorer's inputs.
    asAdmin(w);
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    expect(rowsOf(w, SHEETS.findings).filter((x) => x['Mã đơn vị'] === UNIT && /sau khi đơn vị nộp/.test(String(x['Nội dung'])))).toEqual(
      [],
    );
  });

  it('records a fingerprint of the inputs at submission; a change made afterwards in the sheet is a Cảnh báo', () => {
    const { w, fileId } = inUnitFile();
    fillValid(w);
    const s = scorerSubmit(w.env);
    // Not locked in the sheet yet (a scorer cannot change the protection): the sidebar says so.
    expect(s.sheetLocked).toBe(false);
    const ss = w.fake.spreadsheetById(fileId)!;
    const sheet = ss.sheet(SHEETS.scoring);
    const line = String(sheet.cell('A6').value);
    const check = /mã kiểm tra: ([0-9a-f]{12})/.exec(line)![1];
    const meta = Object.fromEntries(
      ss
        .sheet(SHEETS.meta)
        .values()
        .map((r) => [String(r[0]), r[1]] as const),
    );
    expect(meta['Mã kiểm tra khi nộp']).toBe(check);
    expect(meta['Người nộp']).toBe(SCORER);

    // Unchanged inputs give no warning (see the test above). Here the scorer changes a score in
    // the sheet itself after submitting, before the owner's next collection locks the inputs.
    const leafRow = sheet.values().findIndex((r, i) => i > 6 && typeof r[3] === 'number' && !sheet.cell(`D${i + 1}`).formula) + 1;
    expect(leafRow).toBeGreaterThan(7);
    sheet.set(`D${leafRow}`, 0, { as: SCORER });
    asAdmin(w);
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    const changed = rowsOf(w, SHEETS.findings).filter((x) => x['Mã đơn vị'] === UNIT && /sau khi đơn vị nộp/.test(String(x['Nội dung'])));
    expect(changed).toEqual([
      expect.objectContaining({ 'Mức độ': 'Cảnh báo', 'Nội dung': expect.stringContaining(`mã kiểm tra lúc nộp ${check}`) as unknown }),
    ]);
    // The collection locked the inputs, keeping the fingerprint in the line.
    expect(String(sheet.cell('A6').value)).toContain(`mã kiểm tra: ${check} — đã khóa ô nhập`);
    w.fake.setActiveSpreadsheet(fileId);
    w.fake.setUser(SCORER);
    expect(scorerState(w.env).sheetLocked).toBe(true);
    asAdmin(w);
    // The admin decides: the unit is still ranked.
    runAll((c) => runAssessChunk(w.env, 'rank', c));
    expect(rowsOf(w, SHEETS.results).find((x) => x['Mã đơn vị'] === UNIT)!['Xếp loại']).not.toBe('Không xếp loại');
  });

  it('a damaged file sends the scorer to the managing body (the hierarchy is data: no office is named)', () => {
    const { w, fileId } = inUnitFile();
    const meta = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.meta);
    const row = meta.values().findIndex((r) => r[0] === 'Bộ tiêu chí (dữ liệu)') + 1;
    meta.set(`B${row}`, 'hỏng', { as: ADMIN });
    expect(() => scorerState(w.env)).toThrow(/Liên hệ cơ quan quản lý để được cấp lại biểu mẫu\.$/);
  });

  it('through the ServerApi, errors reach the sidebar as Vietnamese messages', () => {
    const { w } = inUnitFile();
    const api = createServerApi(w.fake, { clock: w.env.clock });
    expect(api.scorerState().unit.code).toBe(UNIT);
    expect(() => api.scorerSave('KHÔNG CÓ', 'self', '1')).toThrow(/^Lưu điểm: |Tiêu chí «KHÔNG CÓ»/);
    w.fake.setActiveSpreadsheet(null);
    expect(() => api.scorerState()).toThrow(/Không xác định được bảng tính đang mở/);
  });
});

describe('the sidebar reads the file as the owner does (the core`s reader and scorer view)', () => {
  it('a unit code lost from the hidden column is taken from the meta sheet: no false «missing identity» error', () => {
    const { w, fileId } = inUnitFile();
    const owner = w.fake.drive.item(fileId)!.owner;
    w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring).set(metaCell('unitCode'), '', { as: owner });
    const s = scorerState(w.env);
    expect(s.findings.filter((f) => f.severity === 'Lỗi').map((f) => f.code)).not.toContain('missing-unit-identity');
    expect(s.findings.filter((f) => f.code !== 'blank-score')).toEqual([]);
  });
});
