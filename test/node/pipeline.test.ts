// End to end on a temporary workspace: init → templates → scores typed in the unit workbooks →
// submit → rank --json and the `Kết quả` sheet; templates re-run and --upgrade never lose a score.
import fs from 'node:fs';
import path from 'node:path';
import { templates } from '../../src/node/commands/templates';
import { reopen, submit } from '../../src/node/commands/submit';
import { rank } from '../../src/node/commands/rank';
import { validate } from '../../src/node/commands/validate';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, rowsOf, text, removeTmpDirs, tmpDir, typeScores, xlsxFiles } from './helpers';
import { scoresOf, setupWorkspace, unitFile, UNITS } from './case';

afterAll(removeTmpDirs);

const YEAR = 2024;
const ws = tmpDir();

async function rankJson() {
  const ctx = capture();
  expect(await rank(ws, { json: true }, ctx)).toBe(0);
  expect(ctx.lines).toHaveLength(1); // nothing but the JSON array
  return JSON.parse(ctx.lines[0]) as Array<Record<string, unknown>>;
}

async function typedValues(file: string) {
  const wb = await openBook(file);
  const s = wb.getWorksheet('Chấm điểm')!;
  const h = header(s, ['Mã', 'Tự chấm', 'Thẩm định', 'Minh chứng']);
  const out: Record<string, [string, string, string]> = {};
  for (let r = h.row + 1; r <= s.rowCount; r++) {
    const row = s.getRow(r);
    const code = text(row.getCell(h.col('Mã')).value);
    if (code && !text(row.getCell(h.col('Tự chấm')).value).startsWith('=')) {
      out[code] = [
        text(row.getCell(h.col('Tự chấm')).value),
        text(row.getCell(h.col('Thẩm định')).value),
        text(row.getCell(h.col('Minh chứng')).value),
      ];
    }
  }
  return out;
}

describe('offline pipeline', () => {
  beforeAll(async () => {
    await setupWorkspace(ws);
  });

  test('templates creates one workbook per unit, records status and link', async () => {
    const ctx = capture();
    expect(await templates(ws, {}, ctx)).toBe(0);
    expect(ctx.lines[0]).toBe('5/5 đơn vị đã có biểu mẫu; tạo mới 5; giữ nguyên 0; bỏ qua 0 đơn vị.');
    for (const u of UNITS) expect(fs.existsSync(unitFile(ws, YEAR, u))).toBe(true);
    const units = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái', 'Liên kết']);
    expect(units.map((u) => u['Trạng thái'])).toEqual(UNITS.map(() => 'Đã tạo biểu mẫu'));
    expect(units[0]['Liên kết']).toBe('Dân vận chính quyền 2024/Cụm 1/A01 - Xã An Hòa.xlsx');
  });

  test('scores typed by header text, submitted, ranked: ties 1,2,2,4 and the unsubmitted unit last', async () => {
    for (const u of UNITS) await typeScores(unitFile(ws, YEAR, u), scoresOf(u));
    const ctx = capture();
    expect(await submit(ws, ['A01', 'A02', 'A03', 'A04'], ctx)).toBe(0);
    expect(ctx.lines).toContain('Đã nộp kết quả: Xã An Hòa (A01), tổng điểm 95.');
    // A05 left most scores blank: refused, with its findings.
    const refused = capture();
    expect(await submit(ws, ['A05'], refused)).toBe(1);
    expect(refused.errors[0]).toMatch(/^Không nộp được Xã Ea Súp \(A05\): còn 2 lỗi/);
    expect(refused.errors.join('\n')).toContain('tiêu chí 1.2');

    const got = await rankJson();
    expect(got.map((r) => [r.code, r.total, r.level, r.rank, r.groupRank, r.classified])).toEqual([
      ['A01', 95, 'Hoàn thành xuất sắc nhiệm vụ', 1, 1, true],
      ['A02', 85, 'Hoàn thành tốt nhiệm vụ', 2, 2, true],
      ['A03', 85, 'Hoàn thành tốt nhiệm vụ', 2, 1, true],
      ['A04', 69, 'Hoàn thành nhiệm vụ', 4, 2, true],
      ['A05', 12, null, null, null, false],
    ]);
    expect(got[1]).toMatchObject({ name: 'Xã Bình Minh', group: 'Cụm 1', base: 85, bonus: 0, penalty: 0, selfTotal: 90 });
    expect(got[3]).toMatchObject({ base: 70, bonus: 2, penalty: 3 });
    expect(got[4].reasons).toEqual(['Chưa nộp kết quả']);

    const wb = await openBook(controlPath(ws));
    const results = wb.getWorksheet('Kết quả')!;
    const rows = rowsOf(results, ['Thứ hạng', 'Mã đơn vị', 'Tổng điểm', 'Xếp loại']);
    expect(rows.map((r) => [r['Thứ hạng'], r['Mã đơn vị'], r['Tổng điểm'], r['Xếp loại']])).toEqual([
      [1, 'A01', 95, 'Hoàn thành xuất sắc nhiệm vụ'],
      [2, 'A02', 85, 'Hoàn thành tốt nhiệm vụ'],
      [2, 'A03', 85, 'Hoàn thành tốt nhiệm vụ'],
      [4, 'A04', 69, 'Hoàn thành nhiệm vụ'],
      [null, 'A05', null, 'Không xếp loại'],
    ]);
    const h = header(results, ['Xếp loại']);
    const fill = (r: number) => (results.getCell(r, h.col('Xếp loại')).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect([fill(2), fill(3), fill(5), fill(6)]).toEqual(['FFC6EFCE', 'FFBDD7EE', 'FFFFEB9C', 'FFD9D9D9']);
    expect(results.getCell(1, 1).font?.bold).toBe(true);

    const log = rowsOf(wb.getWorksheet('Nhật ký')!, ['Thời gian', 'Người thực hiện', 'Thao tác', 'Chi tiết']);
    expect(log.map((l) => l['Thao tác'])).toEqual([
      'Khởi tạo bảng điều khiển',
      'Tạo biểu mẫu chấm điểm',
      'Nộp kết quả',
      'Tổng hợp & xếp hạng',
    ]);
    expect(log[2]).toMatchObject({ 'Người thực hiện': 'kiem-thu', 'Chi tiết': 'A01, A02, A03, A04' });
  });

  test('validate: exit 0 and no finding on clean data', async () => {
    const ctx = capture();
    expect(await validate(ws, { json: true }, ctx)).toBe(0);
    expect(JSON.parse(ctx.lines[0])).toEqual([]);
  });

  test('reopen sets «Đang chấm»; submitted statuses survive templates', async () => {
    expect(await reopen(ws, ['A04'], capture())).toBe(0);
    const units = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái']);
    // A05 typed scores without submitting: the collection (validate) says «Đang chấm».
    expect(units.map((u) => u['Trạng thái'])).toEqual(['Đã nộp', 'Đã nộp', 'Đã nộp', 'Đang chấm', 'Đang chấm']);
    expect(await submit(ws, ['A04'], capture())).toBe(0);
  });

  test('templates re-run after typing: nothing lost, nothing duplicated', async () => {
    const before = xlsxFiles(ws);
    const typed = await Promise.all(UNITS.map((u) => typedValues(unitFile(ws, YEAR, u))));
    const ctx = capture();
    expect(await templates(ws, {}, ctx)).toBe(0);
    expect(ctx.lines[0]).toBe('5/5 đơn vị đã có biểu mẫu; tạo mới 0; giữ nguyên 5; bỏ qua 0 đơn vị.');
    expect(xlsxFiles(ws)).toEqual(before);
    expect(await Promise.all(UNITS.map((u) => typedValues(unitFile(ws, YEAR, u))))).toEqual(typed);
    const units = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái']);
    expect(units.map((u) => u['Trạng thái'])).toEqual(['Đã nộp', 'Đã nộp', 'Đã nộp', 'Đã nộp', 'Đang chấm']);
  });

  test('a changed maximum: stale rubric reported; --upgrade regenerates, keeps every typed value and the old file', async () => {
    const typed = await Promise.all(UNITS.map((u) => typedValues(unitFile(ws, YEAR, u))));
    await editBook(controlPath(ws), (wb) => {
      const s = wb.getWorksheet('Tiêu chí')!;
      const h = header(s, ['Mã', 'Điểm tối đa']);
      for (let r = h.row + 1; r <= s.rowCount; r++) {
        if (text(s.getRow(r).getCell(h.col('Mã')).value) === '2') s.getRow(r).getCell(h.col('Điểm tối đa')).value = 65;
      }
    });
    const before = xlsxFiles(ws);
    const stale = capture();
    expect(await templates(ws, {}, stale)).toBe(0);
    expect(stale.text()).toContain('5 biểu mẫu được tạo từ bộ tiêu chí cũ (A01, A02, A03, A04, A05)');
    expect(stale.text()).toContain('--upgrade');
    expect(xlsxFiles(ws)).toEqual(before);

    const up = capture(new Date(2024, 10, 21, 14, 5));
    expect(await templates(ws, { upgrade: true }, up)).toBe(0);
    expect(up.lines.at(-2)).toBe('5/5 đơn vị đã có biểu mẫu; tạo mới 0; giữ nguyên 0; nâng cấp 5; bỏ qua 0 đơn vị.');
    expect(up.text()).toContain('Xã An Hòa (A01): đã nâng cấp biểu mẫu theo bộ tiêu chí hiện hành, chuyển sang 6 giá trị đã nhập');
    for (const [i, u] of UNITS.entries()) {
      const file = unitFile(ws, YEAR, u);
      const old = file.replace(/\.xlsx$/, ' (cũ 2024-11-21-1405).xlsx');
      expect(fs.existsSync(old)).toBe(true);
      expect(await typedValues(old)).toEqual(typed[i]);
      expect(await typedValues(file)).toEqual(typed[i]);
    }
    expect(xlsxFiles(ws)).toHaveLength(before.length + UNITS.length);
    // The new workbooks show the new maximum, and scores are now on 105 points scaled to 100.
    const s = (await openBook(unitFile(ws, YEAR, UNITS[0]))).getWorksheet('Chấm điểm')!;
    const h = header(s, ['Mã', 'Điểm tối đa']);
    const row2 = [...Array(s.rowCount).keys()].map((i) => s.getRow(i + 1)).find((r) => text(r.getCell(h.col('Mã')).value) === '2')!;
    expect(row2.getCell(h.col('Điểm tối đa')).value).toBe(65);
    const got = await rankJson();
    expect(got[0]).toMatchObject({ code: 'A01', total: 90.48, rank: 1 });
    const check = capture();
    expect(await validate(ws, {}, check)).toBe(0);
    expect(check.text()).not.toContain('phiên bản cũ');
    expect(path.basename(controlPath(ws))).toBe('dieu-khien.xlsx');
  });
});
