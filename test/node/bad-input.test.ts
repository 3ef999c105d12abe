// Each structural bad input gets its own finding, naming the unit and the place; validate exits 1.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { templates } from '../../src/node/commands/templates';
import { validate } from '../../src/node/commands/validate';
import { rank } from '../../src/node/commands/rank';
import type { Finding } from '../../src/core/types';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, rowsOf, text, removeTmpDirs, tmpDir, typeScores } from './helpers';
import { CaseUnit, scoresOf, setupWorkspace, unitFile } from './case';

afterAll(removeTmpDirs);

const YEAR = 2024;
const full = { '1.1': 15, '1.2': 20, '2': 50 };
const unit = (code: string, extra: Partial<CaseUnit> = {}): CaseUnit => ({
  code,
  name: `Xã Thử ${code}`,
  group: 'Cụm 1',
  self: full,
  ...extra,
});
const UNITS = [
  unit('U01'), // clean
  unit('U02'), // file deleted
  unit('U03'), // sheet renamed
  unit('U04'), // column «Tự chấm» renamed
  unit('U05'), // a criterion row deleted
  unit('U06'), // a row inserted
  unit('U07'), // a maximum tampered
  unit('U08'), // formula typed in an evidence cell
  unit('U09'), // script text in a note
  unit('U10', { rubric: 'XX' }), // unknown rubric
  unit('U11', { email: 'u11@' }), // invalid e-mail
];
const ws = tmpDir();
let findings: Finding[] = [];
const file = (code: string) =>
  unitFile(
    ws,
    YEAR,
    UNITS.find((u) => u.code === code)!,
  );
const of = (code: string) => findings.filter((f) => f.unitCode === code);

/** Row number of a criterion code in `Chấm điểm`. */
function rowOf(s: import('exceljs').Worksheet, code: string): number {
  const h = header(s, ['Mã']);
  for (let r = h.row + 1; r <= s.rowCount; r++) if (text(s.getRow(r).getCell(h.col('Mã')).value) === code) return r;
  throw new Error(`no row ${code}`);
}

beforeAll(async () => {
  // U01 appears twice in `Đơn vị`.
  await setupWorkspace(ws, UNITS, [{ 'Mã đơn vị': 'U01', 'Tên đơn vị': 'Xã Trùng Mã', Nhóm: 'Cụm 2', 'Bộ tiêu chí': 'KT' }]);
  const t = capture();
  expect(await templates(ws, {}, t)).toBe(1); // the duplicate and the unknown rubric are skipped
  expect(t.errors.join('\n')).toMatch(/Xã Thử U10 \(U10\): chưa tạo biểu mẫu — .*bộ tiêu chí «XX» không có trong sheet «Tiêu chí»/);
  expect(t.errors.join('\n')).toMatch(/Xã Thử U01 \(U01\): chưa tạo biểu mẫu — .*mã đơn vị «U01» bị trùng với dòng 2/);
  expect(t.errors.join('\n')).toMatch(/\[Lỗi\] .*email người chấm «u11@» .* không hợp lệ/);
  expect(t.lines[0]).toBe('9/11 đơn vị đã có biểu mẫu; tạo mới 9; giữ nguyên 0; bỏ qua 2 đơn vị.');
  // U01's workbook is made once the duplicate row is gone; it stays clean.
  await editBook(controlPath(ws), (wb) => wb.getWorksheet('Đơn vị')!.spliceRows(13, 1));
  expect(await templates(ws, {}, capture())).toBe(1); // U10 still skipped
  for (const u of UNITS.filter((x) => x.code !== 'U10')) await typeScores(unitFile(ws, YEAR, u), scoresOf(u));
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Đơn vị')!;
    const h = header(s, ['Mã đơn vị', 'Trạng thái']);
    for (let r = h.row + 1; r <= s.rowCount; r++) s.getRow(r).getCell(h.col('Trạng thái')).value = 'Đã nộp';
    // The duplicate again, for validate.
    s.getRow(s.rowCount + 1).values = ['U01', 'Xã Trùng Mã', 'xã', 'Cụm 2', 'KT'];
  });

  fs.rmSync(file('U02'));
  await editBook(file('U03'), (wb) => {
    wb.getWorksheet('Chấm điểm')!.name = 'Bảng điểm';
  });
  await editBook(file('U04'), (wb) => {
    const s = wb.getWorksheet('Chấm điểm')!;
    const h = header(s, ['Tự chấm']);
    s.getRow(h.row).getCell(h.col('Tự chấm')).value = 'Điểm tự đánh giá';
  });
  await editBook(file('U05'), (wb) => {
    const s = wb.getWorksheet('Chấm điểm')!;
    s.spliceRows(rowOf(s, '1.2'), 1);
  });
  await editBook(file('U06'), (wb) => {
    const s = wb.getWorksheet('Chấm điểm')!;
    s.spliceRows(rowOf(s, '2'), 0, ['2.9', 'Tiêu chí tự thêm', 5, 5]);
  });
  await editBook(file('U07'), (wb) => {
    const s = wb.getWorksheet('Chấm điểm')!;
    s.getRow(rowOf(s, '2')).getCell(header(s, ['Điểm tối đa']).col('Điểm tối đa')).value = 80;
  });
  await editBook(file('U08'), (wb) => {
    const s = wb.getWorksheet('Chấm điểm')!;
    s.getRow(rowOf(s, '1.1')).getCell(header(s, ['Minh chứng']).col('Minh chứng')).value = { formula: 'IMPORTRANGE("x","y")' };
  });
  await typeScores(file('U09'), { '2': { 'Ghi chú': '<script>alert(1)</script>' } });

  const ctx = capture();
  expect(await validate(ws, { json: true }, ctx)).toBe(1);
  findings = JSON.parse(ctx.lines[0]) as Finding[];
});

test('a clean unit has no finding', () => {
  expect(of('U01').filter((f) => f.code !== 'duplicate-unit')).toEqual([]);
});

test('unit file deleted', () => {
  expect(of('U02')).toEqual([
    expect.objectContaining({
      severity: 'Lỗi',
      code: 'missing-file',
      message: 'Xã Thử U02 (U02): không tìm thấy tệp «Dân vận chính quyền 2024/Cụm 1/U02 - Xã Thử U02.xlsx» (đã bị xóa hoặc di chuyển?).',
    }),
  ]);
});

test('sheet «Chấm điểm» renamed', () => {
  expect(of('U03')).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'missing-sheet', sheet: 'Chấm điểm' })]);
  expect(of('U03')[0].message).toMatch(/^Xã Thử U03 \(U03\): không tìm thấy sheet «Chấm điểm»/);
});

test('column «Tự chấm» renamed', () => {
  expect(of('U04')).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'missing-column' })]);
  expect(of('U04')[0].message).toContain('thiếu cột «Tự chấm»');
});

test('a row deleted', () => {
  expect(of('U05')).toContainEqual(expect.objectContaining({ severity: 'Lỗi', code: 'missing-row', criterion: '1.2' }));
});

test('a row inserted', () => {
  expect(of('U06')).toContainEqual(expect.objectContaining({ severity: 'Cảnh báo', code: 'unknown-row' }));
  expect(of('U06').find((f) => f.code === 'unknown-row')!.message).toContain('«2.9»');
});

test('a maximum tampered in the unit file', () => {
  expect(of('U07')).toEqual([expect.objectContaining({ severity: 'Cảnh báo', code: 'tampered-max', criterion: '2' })]);
});

test('a formula typed in an evidence cell', () => {
  const f = of('U08').find((x) => x.code === 'formula-text');
  expect(f).toMatchObject({ severity: 'Lỗi', criterion: '1.1', cell: 'F9' });
  expect(f!.message).toContain('=IMPORTRANGE("x","y")');
});

test('script text in a note', () => {
  expect(of('U09')).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'formula-text', criterion: '2' })]);
});

test('duplicate unit code, unknown rubric, invalid e-mail', () => {
  expect(of('U01')).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'duplicate-unit' })]);
  expect(of('U10')).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'unknown-rubric' })]);
  expect(of('U11')).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'invalid-email' })]);
});

test('the `Kiểm tra` sheet lists every finding, errors first, header bold', async () => {
  const s = (await openBook(controlPath(ws))).getWorksheet('Kiểm tra')!;
  const rows = rowsOf(s, ['Mức độ', 'Mã đơn vị', 'Nội dung']);
  expect(rows).toHaveLength(findings.length);
  const severities = rows.map((r) => r['Mức độ']);
  expect(severities.lastIndexOf('Lỗi')).toBeLessThan(severities.indexOf('Cảnh báo'));
  expect(s.getCell(1, 1).font?.bold).toBe(true);
  expect(rows.find((r) => r['Mã đơn vị'] === 'U08')!['Ô']).toBe('Chấm điểm!F9');
  // The unit file opens from the finding: a link relative to the control workbook.
  const link = rows.find((r) => r['Mã đơn vị'] === 'U08')!['Liên kết'] as ExcelJS.CellHyperlinkValue;
  expect(link.text).toMatch(/U08 - .*\.xlsx$/);
  expect(decodeURIComponent(link.hyperlink)).toBe(link.text);
  expect(fs.existsSync(path.join(ws, link.text))).toBe(true);
});

test('units with errors are not classified; the others still are', async () => {
  const ctx = capture();
  expect(await rank(ws, { json: true }, ctx)).toBe(0);
  const got = JSON.parse(ctx.lines[0]) as Array<{ code: string; classified: boolean }>;
  const classified = got
    .filter((r) => r.classified)
    .map((r) => r.code)
    .sort();
  // The duplicate row is left out; the first U01 row is a valid unit. An invalid e-mail does not block.
  expect(classified).toEqual(['U01', 'U06', 'U07', 'U11']);
});
