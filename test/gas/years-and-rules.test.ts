// The engine's rules on the add-on: a new year gets its own folder, files and statuses; rules that
// cannot be read stop the steps; a blank «Năm» stops everything; a changed «Liên kết» is never
// written over.
import { control, newWorld, rowsOf, unitsRows } from './helpers';
import { generate, preparedSample, runAll, unitFiles } from './flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { adminRun } from '../../src/gas/admin';
import { SHEETS, UNIT_COLUMNS } from '../../src/core/schema';

function setConfig(w: ReturnType<typeof newWorld>, key: string, value: unknown) {
  const sheet = control(w).sheet(SHEETS.config);
  const r = sheet.values().findIndex((row) => row[0] === key);
  sheet.set(`B${r + 1}`, value);
}

const assess = (w: ReturnType<typeof newWorld>, step: 'progress' | 'validate' | 'rank' | 'report' | 'decision') =>
  runAll((c) => runAssessChunk(w.env, step, c)).at(-1)!;

describe('years on the add-on', () => {
  it("a new year gets its own folder, files and statuses; last year's are kept and come back with the year", () => {
    const w = preparedSample();
    expect(assess(w, 'rank').failed).toBeUndefined();
    const before = unitsRows(w).map((u) => [u[UNIT_COLUMNS.code], u[UNIT_COLUMNS.status], u[UNIT_COLUMNS.link]]);
    const files2024 = unitFiles(w);
    setConfig(w, 'Năm', 2025);
    const last = generate(w).at(-1)!;
    expect(last.message).toMatch(/^33\/33 đơn vị đã có biểu mẫu/);
    expect(w.fake.drive.list().filter((i) => i.name === 'Dân vận chính quyền 2025')).toHaveLength(1);
    const files2025 = unitFiles(w);
    expect(Object.keys(files2025)).toHaveLength(33);
    for (const [code, f] of Object.entries(files2025)) expect(f.id).not.toBe(files2024[code].id);
    const units = unitsRows(w);
    expect(new Set(units.map((u) => u[UNIT_COLUMNS.status]))).toEqual(new Set(['Đã tạo biểu mẫu']));
    expect(new Set(units.map((u) => u[UNIT_COLUMNS.statusYear]))).toEqual(new Set([2025]));
    const history = rowsOf(w, SHEETS.history);
    expect(history.map((h) => [h['Mã đơn vị'], h['Trạng thái'], h['Liên kết']]).sort()).toEqual([...before].sort());
    // Validation finds no «last year's file» error: every unit reads its own 2025 file.
    const v = assess(w, 'validate');
    expect(v.failed).toBeUndefined();
    expect(
      rowsOf(w, SHEETS.findings)
        .map((f) => f['Nội dung'])
        .join('\n'),
    ).not.toContain('là của năm 2024');
    // Back to 2024: the submissions are there again.
    setConfig(w, 'Năm', 2024);
    expect(assess(w, 'progress').failed).toBeUndefined();
    expect(unitsRows(w).map((u) => [u[UNIT_COLUMNS.code], u[UNIT_COLUMNS.status], u[UNIT_COLUMNS.link]])).toEqual(before);
  });

  it('a blank «Năm» stops every step and changes nothing', () => {
    const w = preparedSample();
    setConfig(w, 'Năm', '');
    const before = JSON.stringify(unitsRows(w));
    const items = w.fake.drive.list().length;
    for (const step of ['templates', 'progress', 'validate', 'rank', 'report', 'decision'] as const) {
      const r = adminRun(w.env, step, null);
      expect(r.failed).toMatch(
        /vì bảng điều khiển có lỗi cần sửa trước:\n\s+- Bảng điều khiển, sheet «Cấu hình», «Năm» \(dòng 2\) đang để trống/,
      );
    }
    expect(JSON.stringify(unitsRows(w))).toBe(before);
    expect(w.fake.drive.list()).toHaveLength(items);
  });
});

describe('rules that cannot be read', () => {
  it('«Xếp loại» emptied: rank, report and decision refuse, `Kết quả` and the documents stay as they were', () => {
    const w = preparedSample();
    expect(assess(w, 'rank').failed).toBeUndefined();
    const results = JSON.stringify(control(w).sheet(SHEETS.results).values());
    const docs = w.fake.drive.list().length;
    const levels = control(w).sheet(SHEETS.levels);
    const n = levels.values().length;
    for (let r = 2; r <= n; r++) for (const c of 'ABCDE') levels.set(`${c}${r}`, '');
    for (const step of ['rank', 'report', 'decision'] as const) {
      const r = assess(w, step);
      expect(r.failed).toMatch(/chưa có mức xếp loại nào/);
    }
    expect(JSON.stringify(control(w).sheet(SHEETS.results).values())).toBe(results);
    expect(w.fake.drive.list()).toHaveLength(docs);
    expect(
      rowsOf(w, SHEETS.findings)
        .map((f) => f['Nội dung'])
        .join('\n'),
    ).toContain('chưa có mức xếp loại nào');
  });
});

describe('links', () => {
  it('a «Liên kết» the user changed is reported and never written over', () => {
    const p = preparedSample();
    const sheet = control(p).sheet(SHEETS.units);
    const grid = sheet.values();
    const col = grid[0].indexOf(UNIT_COLUMNS.link);
    const letter = String.fromCharCode(65 + col);
    sheet.set(`${letter}2`, 'https://docs.google.com/spreadsheets/d/khac/edit');
    const v = assess(p, 'validate');
    expect(v.failed).toBeUndefined();
    expect(control(p).sheet(SHEETS.units).values()[1][col]).toBe('https://docs.google.com/spreadsheets/d/khac/edit');
    expect(
      rowsOf(p, SHEETS.findings)
        .map((f) => f['Nội dung'])
        .join('\n'),
    ).toMatch(/ô «Liên kết» ghi «https:\/\/docs\.google\.com\/spreadsheets\/d\/khac\/edit», khác tệp biểu mẫu công cụ đã tạo/);
  });
});
