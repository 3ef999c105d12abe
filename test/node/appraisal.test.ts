// The appraisal round offline (issue 13): the appraiser's reason beside each appraised score.
import { templates } from '../../src/node/commands/templates';
import { validate } from '../../src/node/commands/validate';
import { explain, setStatus, submit } from '../../src/node/commands/submit';
import { rank } from '../../src/node/commands/rank';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, removeTmpDirs, rowsOf, text, tmpDir, typeScores } from './helpers';
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

describe('the round statuses offline: dvcq status', () => {
  const statusOf = async (code: string) =>
    rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái']).find((r) => r['Mã đơn vị'] === code)?.[
      'Trạng thái'
    ];

  test('return, explain, appraise, recognise along the flow; an illegal step is refused naming the current status', async () => {
    expect(await submit(ws, ['A02'], capture())).toBe(0);
    const back = capture();
    expect(await setStatus(ws, 'Trả lại để giải trình', ['A02'], back)).toBe(0);
    expect(back.lines[0]).toMatch(/^Xã Bình Minh \(A02\): «Đã nộp» → «Trả lại để giải trình»/);
    expect(await statusOf('A02')).toBe('Trả lại để giải trình');

    const illegal = capture();
    expect(await setStatus(ws, 'Đã công nhận', ['A02'], illegal)).toBe(1);
    expect(illegal.errors[0]).toBe(
      'Không chuyển trạng thái của Xã Bình Minh (A02): không chuyển được sang «Đã công nhận» vì trạng thái hiện tại là «Trả lại để giải trình»; từ trạng thái này chỉ chuyển được sang «Đã giải trình».',
    );
    expect(await statusOf('A02')).toBe('Trả lại để giải trình');
    // A unit in the round has submitted: it is ranked, and the collection keeps the owner's status.
    const ranked = capture();
    expect(await rank(ws, { json: true }, ranked)).toBe(0);
    const a02 = (JSON.parse(ranked.lines[0]) as Array<Record<string, unknown>>).find((r) => r.code === 'A02')!;
    expect(a02).toMatchObject({ classified: true, total: 85 });
    expect(await statusOf('A02')).toBe('Trả lại để giải trình');

    expect(await explain(ws, ['A02'], capture())).toBe(0);
    for (const next of ['Đã thẩm định', 'Đã công nhận']) expect(await setStatus(ws, next, ['A02'], capture())).toBe(0);
    expect(await statusOf('A02')).toBe('Đã công nhận');
    const unsubmitted = capture();
    expect(await setStatus(ws, 'Trả lại để giải trình', ['A01'], unsubmitted)).toBe(1);
    expect(unsubmitted.errors[0]).toContain('vì trạng thái hiện tại là «Đã tạo biểu mẫu»');
  });
});

describe('Hạn nộp: a late submission is flagged; the gate «NC» caps it only when `Xếp loại` lists it', () => {
  const late = tmpDir();
  const setDeadline = () =>
    editBook(controlPath(late), (wb) => {
      wb.getWorksheet('Cấu hình')!.eachRow((row) => {
        if (row.getCell(1).value === 'Hạn nộp') row.getCell(2).value = '15/11/2024';
      });
    });
  const levelOf = async () => {
    const ctx = capture();
    expect(await rank(late, { json: true }, ctx)).toBe(0);
    return (JSON.parse(ctx.lines[0]) as Array<Record<string, unknown>>).find((r) => r.code === 'A01')!;
  };

  test('submitted on 20/11 after a deadline of 15/11: a warning; level capped by NC once defined', async () => {
    await setupWorkspace(late, [a01]);
    await setDeadline();
    expect(await templates(late, {}, capture())).toBe(0);
    await typeScores(unitFile(late, YEAR, a01), { '1.1': { 'Tự chấm': 15 }, '1.2': { 'Tự chấm': 25 }, '2': { 'Tự chấm': 55 } });
    expect(await submit(late, ['A01'], capture(new Date(2024, 10, 20, 9, 30)))).toBe(0);
    const ctx = capture();
    await validate(late, { json: true }, ctx);
    const found = (JSON.parse(ctx.lines[0]) as Array<{ code: string; severity: string; message: string }>).filter(
      (f) => f.code === 'late-submission',
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'Cảnh báo',
        message: 'Xã An Hòa (A01): nộp kết quả ngày 20/11/2024, sau hạn nộp 15/11/2024 (chậm 5 ngày).',
      }),
    ]);
    // Off by default: the level is the score's.
    expect((await levelOf()).level).toBe('Hoàn thành xuất sắc nhiệm vụ');
    await editBook(controlPath(late), (wb) => {
      const s = wb.getWorksheet('Xếp loại')!;
      s.addRow(['Điều kiện khống chế', 'NC', 'Nộp kết quả chậm so với hạn', null, 'HT']);
    });
    const capped = await levelOf();
    expect(capped.level).toBe('Hoàn thành nhiệm vụ');
    expect(JSON.stringify(capped)).toContain('Nộp kết quả chậm so với hạn');
  });
});

describe('change history per score (offline)', () => {
  test('a score changed since the last collection is logged in `Nhật ký`, old → new; the table stays hidden', async () => {
    expect(await validate(ws, { json: true }, capture())).toBe(0);
    await typeScores(unitFile(ws, YEAR, a02), { '1.2': { 'Tự chấm': 18, 'Ghi chú': 'Sửa sau thẩm định' } });
    await validate(ws, { json: true }, capture());
    const wb = await openBook(controlPath(ws));
    const log = rowsOf(wb.getWorksheet('Nhật ký')!, ['Thao tác', 'Chi tiết']).filter((r) => r['Thao tác'] === 'Thay đổi dữ liệu chấm điểm');
    expect(log.map((r) => r['Chi tiết'])).toEqual([
      'A02, tiêu chí 2, Lý do thẩm định: (trống) → Thiếu hồ sơ quý IV', // typed between two collections above
      'A02, tiêu chí 1.2, Tự chấm: 20 → 18',
      'A02, tiêu chí 1.2, Ghi chú: (trống) → Sửa sau thẩm định',
    ]);
    expect(wb.getWorksheet('Dữ liệu đã thu')!.state).toBe('hidden');
    // Nothing changed since: nothing more is logged.
    await validate(ws, { json: true }, capture());
    const again = rowsOf((await openBook(controlPath(ws))).getWorksheet('Nhật ký')!, ['Thao tác']);
    expect(again.filter((r) => r['Thao tác'] === 'Thay đổi dữ liệu chấm điểm')).toHaveLength(3);
  });
});
