// Formula-like text typed into a real .xlsx is reported whatever its first character (issue 10,
// item 13): a leading number before an operator and a DDE link is as dangerous as a leading "=".
import { templates } from '../../src/node/commands/templates';
import { validate } from '../../src/node/commands/validate';
import type { Finding } from '../../src/core/types';
import { capture, header, openBook, removeTmpDirs, text, tmpDir, typeScores } from './helpers';
import { scoresOf, setupWorkspace, unitFile, UNITS } from './case';

afterAll(removeTmpDirs);

const DDE_SIGNED = "-2+3+cmd|' /C calc'!A0";
const DDE_DIGIT = "2+3+cmd|' /C calc'!A0";

test('«-2+3+cmd|…» and «2+3+cmd|…» in evidence and note cells: one Lỗi each, naming the cell; kept as text', async () => {
  const ws = tmpDir();
  await setupWorkspace(ws);
  expect(await templates(ws, {}, capture())).toBe(0);
  const file = unitFile(ws, 2024, UNITS[0]);
  await typeScores(file, { ...scoresOf(UNITS[0]), '1.2': { 'Tự chấm': 25, 'Minh chứng': DDE_SIGNED, 'Ghi chú': DDE_DIGIT } });
  const ctx = capture();
  expect(await validate(ws, { json: true }, ctx)).toBe(1);
  const found = (JSON.parse(ctx.lines[0]) as Finding[]).filter((f) => f.unitCode === UNITS[0].code);
  expect(found.map((f) => [f.severity, f.code, f.criterion, f.cell])).toEqual([
    ['Lỗi', 'formula-text', '1.2', 'F10'],
    ['Lỗi', 'formula-text', '1.2', 'G10'],
  ]);
  expect(found[0].message).toContain(DDE_SIGNED);
  expect(found[1].message).toContain(DDE_DIGIT);
  // The file still holds the text, never a formula.
  const s = (await openBook(file)).getWorksheet('Chấm điểm')!;
  const h = header(s, ['Mã', 'Minh chứng']);
  const row = s.getRow(10);
  expect(text(row.getCell(h.col('Mã')).value)).toBe('1.2');
  expect(row.getCell(h.col('Minh chứng')).value).toBe(DDE_SIGNED);
});
