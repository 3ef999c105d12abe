// The appraisal round offline (issue 13): the appraiser's reason beside each appraised score.
import { templates } from '../../src/node/commands/templates';
import { validate } from '../../src/node/commands/validate';
import { capture, header, openBook, removeTmpDirs, text, tmpDir, typeScores } from './helpers';
import { setupWorkspace, unitFile, UNITS } from './case';

afterAll(removeTmpDirs);

const YEAR = 2024;
const ws = tmpDir();
const [a01, a02] = UNITS;

async function findings() {
  const ctx = capture();
  await validate(ws, { json: true }, ctx);
  return JSON.parse(ctx.lines[0]) as Array<{ code: string; severity: string; message: string; cell?: string }>;
}

describe('Lý do thẩm định', () => {
  beforeAll(async () => {
    await setupWorkspace(ws, [a01, a02]);
    expect(await templates(ws, {}, capture())).toBe(0);
  });

  test('the unit file has the column, owner-only like Thẩm định', async () => {
    const s = (await openBook(unitFile(ws, YEAR, a02))).getWorksheet('Chấm điểm')!;
    const h = header(s, ['Mã', 'Thẩm định', 'Lý do thẩm định']);
    expect(text(s.getRow(h.row).getCell(h.col('Lý do thẩm định')).value)).toBe('Lý do thẩm định');
    const leaf = s.getRow(h.row + 2); // 1.1
    expect(text(leaf.getCell(h.col('Mã')).value)).toBe('1.1');
    // Unlocked for the owner's input; the sheet protection keeps every cell a scorer cannot edit
    // in the add-on, and the colour tells the appraiser's cells.
    const reason = leaf.getCell(h.col('Lý do thẩm định'));
    const appraised = leaf.getCell(h.col('Thẩm định'));
    expect(reason.protection?.locked).toBe(false);
    expect(reason.fill).toEqual(appraised.fill);
  });

  test('an appraised score that differs without a reason is a warning naming the cell; with one, none', async () => {
    await typeScores(unitFile(ws, YEAR, a02), {
      '1.1': { 'Tự chấm': 15 },
      '1.2': { 'Tự chấm': 20 },
      '2': { 'Tự chấm': 55, 'Thẩm định': 50 },
    });
    const missing = (await findings()).filter((f) => f.code === 'appraisal-without-reason');
    expect(missing).toHaveLength(1);
    expect(missing[0].severity).toBe('Cảnh báo');
    expect(missing[0].message).toContain('Xã Bình Minh (A02), tiêu chí 2, ô I');
    expect(missing[0].message).toContain('điểm thẩm định 50 khác điểm tự chấm (55) nhưng chưa ghi lý do');
    await typeScores(unitFile(ws, YEAR, a02), { '2': { 'Lý do thẩm định': 'Thiếu hồ sơ quý IV' } });
    expect((await findings()).map((f) => f.code)).not.toContain('appraisal-without-reason');
  });
});
