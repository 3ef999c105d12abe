// Offline, a scorer typing into their own .xlsx (the status cell H6, the status line A6, the
// inputs): `Đơn vị` and its record of the submission (`Nộp lúc`, `Người nộp`, `Mã kiểm tra`,
// `Khóa ô nhập`) decide; «Đã nộp» typed into a file with errors is refused, a change after
// `submit` is reported, «Đang chấm» typed into the file reopens nothing. An old control workbook
// without the record's columns gets them on the first write.
import ExcelJS from 'exceljs';
import { init } from '../../src/node/commands/init';
import { templates } from '../../src/node/commands/templates';
import { reopen, submit } from '../../src/node/commands/submit';
import { validate } from '../../src/node/commands/validate';
import type { Finding } from '../../src/core/types';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, removeTmpDirs, rowsOf, tmpDir, typeScores } from './helpers';
import { scoresOf, setupWorkspace, unitFile, UNITS } from './case';

afterAll(removeTmpDirs);

const YEAR = 2024;
const RECORD = ['Nộp lúc', 'Người nộp', 'Mã kiểm tra', 'Khóa ô nhập'];
const file = (code: string) =>
  unitFile(
    ws,
    YEAR,
    UNITS.find((u) => u.code === code)!,
  );
const ws = tmpDir();

async function unitRow(code: string) {
  const s = (await openBook(controlPath(ws))).getWorksheet('Đơn vị')!;
  return rowsOf(s, ['Mã đơn vị', 'Trạng thái', ...RECORD]).find((r) => r['Mã đơn vị'] === code)!;
}

async function typeStatus(code: string, status: string, line: string) {
  await editBook(file(code), (wb) => {
    const s = wb.getWorksheet('Chấm điểm')!;
    s.getCell('H6').value = status;
    s.getCell('A6').value = line;
  });
}

async function findings(): Promise<Finding[]> {
  const ctx = capture();
  await validate(ws, { json: true }, ctx);
  return JSON.parse(ctx.lines[0]) as Finding[];
}

describe('offline: the record of a submission lives in `Đơn vị`', () => {
  beforeAll(async () => {
    await setupWorkspace(ws);
    expect(await templates(ws, {}, capture())).toBe(0);
    for (const u of UNITS) await typeScores(unitFile(ws, YEAR, u), scoresOf(u));
  });

  test('a control workbook from before the record: `submit` adds the columns and fills them', async () => {
    // Remove the four columns, as in a workbook made before they existed.
    await editBook(controlPath(ws), (wb) => {
      const s = wb.getWorksheet('Đơn vị')!;
      const h = header(s, RECORD);
      for (const name of [...RECORD].reverse()) s.spliceColumns(h.col(name), 1);
    });
    const before = (await openBook(controlPath(ws))).getWorksheet('Đơn vị')!;
    expect(() => header(before, ['Nộp lúc'])).toThrow();
    const ctx = capture(new Date(2024, 10, 20, 9, 30));
    expect(await submit(ws, ['A01'], ctx)).toBe(0);
    const row = await unitRow('A01');
    expect(row['Trạng thái']).toBe('Đã nộp');
    expect(row['Nộp lúc']).toBeInstanceOf(Date);
    expect(row['Người nộp']).toBe('kiem-thu');
    expect(row['Mã kiểm tra']).toMatch(/^[0-9a-f]{12}$/);
    // Offline nothing is locked: the file is on the scorer's own disk.
    expect(row['Khóa ô nhập'] ?? '').toBe('');
  });

  test('«mã kiểm tra» is not in the file: a score raised after `submit` is reported against `Đơn vị`', async () => {
    const check = (await unitRow('A01'))['Mã kiểm tra'] as string;
    await typeScores(file('A01'), { '2': { 'Tự chấm': 60 } });
    await typeStatus('A01', 'Đã nộp', 'Trạng thái: Đã nộp — đã khóa ô nhập');
    const f = (await findings()).filter((x) => x.unitCode === 'A01');
    expect(f).toEqual([
      expect.objectContaining({
        severity: 'Cảnh báo',
        code: 'changed-after-submit',
        message: expect.stringContaining(`(mã kiểm tra lúc nộp ${check}, hiện nay `) as unknown,
      }),
    ]);
    expect((await unitRow('A01'))['Mã kiểm tra']).toBe(check);
  });

  test('«Đã nộp» typed into a file with blank scores: not accepted, nothing recorded', async () => {
    await typeStatus('A05', 'Đã nộp', 'Trạng thái: Đã nộp lúc 01/11/2024 08:00 — mã kiểm tra: 000000000000 — đã khóa ô nhập');
    const f = (await findings()).filter((x) => x.unitCode === 'A05');
    expect(f.map((x) => x.code)).toContain('submit-refused');
    const row = await unitRow('A05');
    expect(row['Trạng thái']).toBe('Đang chấm');
    for (const c of RECORD) expect(row[c] ?? '').toBe('');
  });

  test('«Đã nộp» typed into a file without errors is a request the collection accepts and records', async () => {
    await typeStatus('A02', 'Đã nộp', 'Trạng thái: Đã nộp — người nộp: Bình Minh');
    await findings();
    const row = await unitRow('A02');
    expect(row['Trạng thái']).toBe('Đã nộp');
    expect(row['Nộp lúc']).toBeInstanceOf(Date);
    expect(row['Người nộp']).toBe('Bình Minh');
    expect(row['Mã kiểm tra']).toMatch(/^[0-9a-f]{12}$/);
  });

  test('«Đang chấm» typed into a submitted unit’s file reopens nothing; `reopen` clears the record', async () => {
    await typeStatus('A01', 'Đang chấm', 'Trạng thái: Đang chấm (mở lại lúc 20/11/2024 09:00)');
    const f = (await findings()).filter((x) => x.unitCode === 'A01');
    expect(f.map((x) => x.code)).toEqual(['changed-after-submit', 'reopened-in-file']);
    expect((await unitRow('A01'))['Trạng thái']).toBe('Đã nộp');

    expect(await reopen(ws, ['A01'], capture())).toBe(0);
    const row = await unitRow('A01');
    expect(row['Trạng thái']).toBe('Đang chấm');
    for (const c of RECORD) expect(row[c] ?? '').toBe('');
    // A new submission starts a new record: the raised score is the one accepted, and the file's
    // status cells are written again as a copy of it (the line its scorer typed is gone, no warning).
    expect(await submit(ws, ['A01'], capture())).toBe(0);
    expect((await findings()).filter((x) => x.unitCode === 'A01').map((x) => x.code)).toEqual([]);
    expect((await openBook(file('A01'))).getWorksheet('Chấm điểm')!.getCell('H6').value).toBe('Đã nộp');
  });

  test('the record’s columns are in a new control workbook', async () => {
    const fresh = tmpDir();
    expect(await init(fresh, {}, capture())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(controlPath(fresh));
    const s = wb.getWorksheet('Đơn vị')!;
    expect(s.getRow(1).values).toEqual(expect.arrayContaining(['Trạng thái', 'Liên kết', 'Năm của trạng thái', ...RECORD]));
  });
});
