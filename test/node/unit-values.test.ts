// The unit workbook opens right everywhere (issue 12 item 9): each formula carries the value it
// shows, so a preview that never computes (phone, e-mail) shows the totals; the header is not clipped.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli';
import { controlPath } from '../../src/node/workspace';
import { FormulaEvaluator } from '../../src/core/formula-values';
import { capture, header, openBook, removeTmpDirs, rowsOf, text, tmpDir } from './helpers';

afterAll(removeTmpDirs);

const xlsxUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? xlsxUnder(p) : e.name.endsWith('.xlsx') && p !== dir ? [p] : [];
  });

test('the stored totals of every unit file equal the ranking of `dvcq rank`', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  const control = await openBook(controlPath(ws));
  const ranked = rowsOf(control.getWorksheet('Kết quả')!, ['Mã đơn vị', 'Tổng điểm']).filter((r) => typeof r['Tổng điểm'] === 'number');
  expect(ranked.length).toBeGreaterThan(20);
  const totals = new Map(ranked.map((r) => [text(r['Mã đơn vị']), r['Tổng điểm']]));

  let compared = 0;
  for (const file of xlsxUnder(path.join(ws, 'Dân vận chính quyền 2024'))) {
    const code = path.basename(file).split(' - ')[0];
    if (!totals.has(code)) continue;
    const s = (await openBook(file)).getWorksheet('Chấm điểm')!;
    const h = header(s, ['Mã', 'Nội dung tiêu chí', 'Điểm tối đa', 'Tự chấm', 'Thẩm định']);
    let grand: ExcelJS.Cell | undefined;
    s.eachRow((row) => {
      if (text(row.getCell(h.col('Nội dung tiêu chí')).value).startsWith('TỔNG ĐIỂM')) grand = row.getCell(h.col('Thẩm định'));
    });
    expect(grand!.formula).toBeTruthy();
    expect([code, grand!.result]).toEqual([code, totals.get(code)]);
    // Every total of «Tự chấm» carries its number (an empty text, «Thẩm định» not started, stores nothing).
    s.getColumn(h.col('Tự chấm')).eachCell((c) => {
      if (c.formula) expect([code, c.address, typeof c.result]).toEqual([code, c.address, 'number']);
    });
    // Not clipped: the header row is tall enough for «Điểm tối đa» in its column.
    const max = s.getColumn(h.col('Điểm tối đa')).width!;
    expect(s.getRow(h.row).height).toBeGreaterThanOrEqual(15 * Math.ceil('Điểm tối đa'.length / (max - 1)));
    compared++;
  }
  expect(compared).toBe(ranked.length);
});

describe('FormulaEvaluator: Excel rules for blanks, text and errors', () => {
  const cells: Record<string, { value: string | number | null } | { formula: string }> = {
    A1: { value: 2 },
    A2: { value: '3' },
    A3: { value: null },
    A4: { formula: 'SUM(A1,A2,A3)' },
    A5: { formula: 'A1/A3' },
  };
  const ev = () => new FormulaEvaluator({ get: (a) => cells[a] });
  test.each([
    ['SUM(A1,A2,A3)', 2], // a referenced text is skipped by SUM
    ['A1+A2', 5], // but counts in arithmetic
    ['IF(ISNUMBER(A3),A3,N(A1))', 2],
    ['IF(COUNT(A2,A3)=0,"",1)', ''],
    ['ROUND(MAX(0,MIN(100,A4+0.005)),2)', 2.01],
    ['"x;"&IF(ISFORMULA(A4),"f","")&COLUMN(A4)', 'x;f1'],
    ['A5', { error: '#DIV/0!' }],
    ['ABS(-A1)*2', 4],
  ])('%s', (formula, expected) => expect(ev().evaluate(formula)).toEqual(expected));
  test('a function it does not know leaves the value to the spreadsheet', () => expect(ev().evaluate('VLOOKUP(A1,A1,1)')).toBeUndefined());
});

test('a formula nested too deep for the stack gets no value, the command goes on', () => {
  const deep = `${'('.repeat(100000)}1${')'.repeat(100000)}`;
  expect(new FormulaEvaluator({ get: () => undefined }).evaluate(deep)).toBeUndefined();
});

test('the status a unit file shows follows `Đơn vị` through submit and reopen', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  const file = xlsxUnder(path.join(ws, 'Dân vận chính quyền 2024')).find((f) => path.basename(f).startsWith('BS-X01 - '))!;
  const statusOf = async () => {
    const units = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái']);
    const s = (await openBook(file)).getWorksheet('Chấm điểm')!;
    return [units.find((u) => u['Mã đơn vị'] === 'BS-X01')!['Trạng thái'], text(s.getCell('A6').value), s.getCell('H6').value];
  };
  expect(await main(['reopen', ws, 'BS-X01'], capture())).toBe(0);
  expect(await statusOf()).toEqual(['Đang chấm', 'Trạng thái: Đang chấm', 'Đang chấm']);
  expect(await main(['submit', ws, 'BS-X01'], capture())).toBe(0);
  const [unit, line, cell] = await statusOf();
  expect([unit, cell]).toEqual(['Đã nộp', 'Đã nộp']);
  expect(line).toMatch(/^Trạng thái: Đã nộp lúc 20\/11\/2024 09:30 — người nộp: kiem-thu — mã kiểm tra: [0-9a-f]{12}$/);
});
