// The explanation round offline (issue 13 item 3) on real files: the owner returns a unit with a
// deadline, the scorer writes `Giải trình` in the .xlsx, the explanation is recorded, the
// collection keeps «Đã giải trình»; an illegal step is refused naming the current status; a late
// explanation is flagged; a status typed over the recorded one is checked.
import { templates } from '../../src/node/commands/templates';
import { validate } from '../../src/node/commands/validate';
import { explain, setStatus, submit } from '../../src/node/commands/submit';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, removeTmpDirs, rowsOf, text, tmpDir, typeScores } from './helpers';
import { setupWorkspace, unitFile, UNITS } from './case';

afterAll(removeTmpDirs);

const YEAR = 2024;
const [a01, a02] = UNITS;

const unitRow = async (ws: string, code: string) =>
  rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái']).find((r) => r['Mã đơn vị'] === code)!;

async function findings(ws: string) {
  const ctx = capture();
  await validate(ws, { json: true }, ctx);
  return JSON.parse(ctx.lines[0]) as Array<{ code: string; severity: string; message: string; cell?: string }>;
}

async function statusCells(ws: string, code = 'A02') {
  const s = (
    await openBook(
      unitFile(
        ws,
        YEAR,
        UNITS.find((u) => u.code === code)!,
      ),
    )
  ).getWorksheet('Chấm điểm')!;
  return { line: text(s.getCell('A6').value), meta: text(s.getCell('H6').value) };
}

async function submitted(ws: string) {
  await setupWorkspace(ws, [a01, a02]);
  expect(await templates(ws, {}, capture())).toBe(0);
  await typeScores(unitFile(ws, YEAR, a02), {
    '1.1': { 'Tự chấm': 15 },
    '1.2': { 'Tự chấm': 20 },
    '2': { 'Tự chấm': 55, 'Thẩm định': 50 },
  });
  expect(await submit(ws, ['A02'], capture())).toBe(0);
}

describe('return → Giải trình in the file → explain → collection', () => {
  const ws = tmpDir();
  beforeAll(() => submitted(ws));

  test('the unit file has the Giải trình column, open for the scorer offline', async () => {
    const s = (await openBook(unitFile(ws, YEAR, a02))).getWorksheet('Chấm điểm')!;
    const h = header(s, ['Mã', 'Lý do thẩm định', 'Giải trình']);
    expect(h.col('Giải trình')).toBe(h.col('Lý do thẩm định') + 1);
    expect(s.getRow(h.row + 2).getCell(h.col('Giải trình')).protection?.locked).toBe(false);
  });

  test('the whole round, with the deadline given by --han shown in the file', async () => {
    const back = capture(new Date(2024, 11, 1, 8, 0));
    expect(await setStatus(ws, 'Trả lại để giải trình', ['A02'], back, '10/12/2024')).toBe(0);
    expect(back.lines[0]).toBe('Xã Bình Minh (A02): «Đã nộp» → «Trả lại để giải trình», hạn giải trình 10/12/2024.');
    const row = await unitRow(ws, 'A02');
    expect(row['Trạng thái']).toBe('Trả lại để giải trình');
    expect(row['Hạn giải trình']).toEqual(expect.any(Date));
    const shown = await statusCells(ws);
    expect(shown.meta).toBe('Trả lại để giải trình');
    expect(shown.line).toContain('Trạng thái: Trả lại để giải trình — hạn giải trình 10/12/2024');

    await findings(ws); // collected once before the explanation: the change history compares with it
    await typeScores(unitFile(ws, YEAR, a02), { '2': { 'Giải trình': 'Đã bổ sung hồ sơ quý IV', 'Minh chứng': 'Hồ sơ quý IV.pdf' } });
    // The collection while returned keeps the owner's status and reports no change after submission.
    const during = await findings(ws);
    expect(during.map((f) => f.code)).not.toContain('changed-after-submit');
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Trả lại để giải trình');

    const sent = capture(new Date(2024, 11, 5, 9, 0));
    expect(await explain(ws, ['A02'], sent)).toBe(0);
    expect(sent.lines).toContain('Đã ghi nhận giải trình: Xã Bình Minh (A02) — trạng thái «Đã giải trình».');
    expect((await statusCells(ws)).meta).toBe('Đã giải trình');
    const after = await findings(ws);
    expect(after.map((f) => f.code)).not.toContain('late-explanation');
    expect(after.map((f) => f.code)).not.toContain('changed-after-submit');
    const done = await unitRow(ws, 'A02');
    expect(done['Trạng thái']).toBe('Đã giải trình');
    expect(done['Giải trình lúc']).toEqual(expect.any(Date));
    // The change history says the explanation.
    const log = (await openBook(controlPath(ws))).getWorksheet('Nhật ký')!;
    const details: string[] = [];
    log.eachRow((r) => details.push(text(r.getCell(4).value)));
    expect(details).toContain('A02, tiêu chí 2, Giải trình: (trống) → Đã bổ sung hồ sơ quý IV');
  });

  test('explain refused for a unit not returned, naming its current status', async () => {
    const ctx = capture();
    expect(await explain(ws, ['A01'], ctx)).toBe(1);
    expect(ctx.errors[0]).toBe(
      'Không ghi nhận giải trình của Xã An Hòa (A01): không chuyển được sang «Đã giải trình» vì trạng thái hiện tại là «Đã tạo biểu mẫu»; từ trạng thái này chỉ chuyển được sang «Đang chấm».',
    );
    const direct = capture();
    expect(await setStatus(ws, 'Đã giải trình', ['A01'], direct)).toBe(1);
    expect(direct.errors[0]).toContain('vì trạng thái hiện tại là «Đã tạo biểu mẫu»');
  });

  test('a status typed in Đơn vị that skips a step is refused by the collection, naming the recorded one, and written back', async () => {
    await editBook(controlPath(ws), (wb) => {
      const s = wb.getWorksheet('Đơn vị')!;
      const h = header(s, ['Mã đơn vị', 'Trạng thái']);
      for (let r = h.row + 1; r <= s.rowCount; r++)
        if (text(s.getRow(r).getCell(h.col('Mã đơn vị')).value) === 'A02') s.getRow(r).getCell(h.col('Trạng thái')).value = 'Đã công nhận';
    });
    const found = (await findings(ws)).filter((f) => f.code === 'illegal-status-step');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'Lỗi',
        message:
          'Xã Bình Minh (A02): cột «Trạng thái» ghi «Đã công nhận» nhưng không chuyển được sang «Đã công nhận» vì trạng thái hiện tại là «Đã giải trình»; ' +
          'từ trạng thái này chỉ chuyển được sang «Đã thẩm định», «Trả lại để giải trình». Công cụ đã ghi lại «Đã giải trình».',
      }),
    ]);
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Đã giải trình');
    // A legal step typed there is kept.
    await editBook(controlPath(ws), (wb) => {
      const s = wb.getWorksheet('Đơn vị')!;
      const h = header(s, ['Mã đơn vị', 'Trạng thái']);
      for (let r = h.row + 1; r <= s.rowCount; r++)
        if (text(s.getRow(r).getCell(h.col('Mã đơn vị')).value) === 'A02') s.getRow(r).getCell(h.col('Trạng thái')).value = 'Đã thẩm định';
    });
    expect((await findings(ws)).map((f) => f.code)).not.toContain('illegal-status-step');
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Đã thẩm định');
  });
});

describe('Tự chấm changed in the .xlsx while returned', () => {
  const ws = tmpDir();
  beforeAll(() => submitted(ws));

  test('the return records what the round keeps; the collection reports the change naming the cell, explain refuses it', async () => {
    expect(await setStatus(ws, 'Trả lại để giải trình', ['A02'], capture(new Date(2024, 11, 1, 8, 0)), '10/12/2024')).toBe(0);
    const recorded = (await unitRow(ws, 'A02'))['Mã kiểm tra khi trả lại'];
    expect(text(recorded)).toMatch(/^\{.*\}$/);
    // Giải trình and Minh chứng: nothing to say.
    await typeScores(unitFile(ws, YEAR, a02), { '2': { 'Giải trình': 'Đã bổ sung', 'Minh chứng': 'Hồ sơ.pdf' } });
    expect((await findings(ws)).map((f) => f.code)).not.toContain('changed-while-returned');
    // Tự chấm of 1.2 changed in the file during the round.
    await typeScores(unitFile(ws, YEAR, a02), { '1.2': { 'Tự chấm': 25 } });
    const found = (await findings(ws)).filter((f) => f.code === 'changed-while-returned');
    expect(found).toEqual([expect.objectContaining({ severity: 'Cảnh báo' })]);
    expect(found[0].message).toContain(
      'Xã Bình Minh (A02): trong lúc trả lại để giải trình, ô nhập «Tự chấm» của tiêu chí 1.2 (ô D10) đã bị sửa',
    );
    // The cell named is the one changed.
    expect((await openBook(unitFile(ws, YEAR, a02))).getWorksheet('Chấm điểm')!.getCell('D10').value).toBe(25);
    const ctx = capture(new Date(2024, 11, 5, 9, 0));
    expect(await explain(ws, ['A02'], ctx)).toBe(1);
    expect(ctx.errors[0]).toContain(
      'Không ghi nhận giải trình của Xã Bình Minh (A02): ô nhập «Tự chấm» của tiêu chí 1.2 (ô D10) đã bị sửa',
    );
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Trả lại để giải trình');
    // Written back as submitted: accepted.
    await typeScores(unitFile(ws, YEAR, a02), { '1.2': { 'Tự chấm': 20 } });
    expect(await explain(ws, ['A02'], capture(new Date(2024, 11, 5, 9, 0)))).toBe(0);
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Đã giải trình');
  });
});

describe('explain with no Giải trình for a criterion appraised differently', () => {
  const ws = tmpDir();
  beforeAll(() => submitted(ws));

  test('recorded, with a Cảnh báo naming the criteria', async () => {
    expect(await setStatus(ws, 'Trả lại để giải trình', ['A02'], capture(new Date(2024, 11, 1, 8, 0)), '10/12/2024')).toBe(0);
    await typeScores(unitFile(ws, YEAR, a02), { '2': { 'Minh chứng': 'Hồ sơ.pdf' } });
    const ctx = capture(new Date(2024, 11, 5, 9, 0));
    expect(await explain(ws, ['A02'], ctx)).toBe(0);
    expect(ctx.lines).toEqual([
      '  [Cảnh báo] Xã Bình Minh (A02): đã gửi giải trình nhưng chưa ghi «Giải trình» cho tiêu chí nào có điểm thẩm định khác điểm tự chấm (2).',
      'Đã ghi nhận giải trình: Xã Bình Minh (A02) — trạng thái «Đã giải trình».',
    ]);
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Đã giải trình');
  });
});

describe('a late explanation, and the request typed in the file', () => {
  const ws = tmpDir();
  beforeAll(async () => {
    await submitted(ws);
    await editBook(controlPath(ws), (wb) => {
      wb.getWorksheet('Cấu hình')!.eachRow((row) => {
        if (row.getCell(1).value === 'Hạn giải trình') row.getCell(2).value = '10/12/2024';
      });
    });
  });

  test('an explanation typed as a request before the return is refused naming the status', async () => {
    await editBook(unitFile(ws, YEAR, a02), (wb) => {
      wb.getWorksheet('Chấm điểm')!.getCell('H6').value = 'Đã giải trình';
    });
    const refused = (await findings(ws)).filter((f) => f.code === 'explain-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toContain('vì trạng thái hiện tại là «Đã nộp»');
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Đã nộp');
  });

  test('returned with the deadline of Cấu hình; the request in the file accepted by the collection, 3 days late: a warning', async () => {
    expect(await setStatus(ws, 'Trả lại để giải trình', ['A02'], capture(new Date(2024, 11, 1)))).toBe(0);
    await typeScores(unitFile(ws, YEAR, a02), { '2': { 'Giải trình': 'Bổ sung' } });
    await editBook(unitFile(ws, YEAR, a02), (wb) => {
      wb.getWorksheet('Chấm điểm')!.getCell('H6').value = 'Đã giải trình';
    });
    const ctx = capture(new Date(2024, 11, 13, 10, 0));
    await validate(ws, { json: true }, ctx);
    const late = (JSON.parse(ctx.lines[0]) as Array<{ code: string; severity: string; message: string }>).filter(
      (f) => f.code === 'late-explanation',
    );
    expect(late).toEqual([
      expect.objectContaining({
        severity: 'Cảnh báo',
        message: 'Xã Bình Minh (A02): gửi giải trình ngày 13/12/2024, sau hạn giải trình 10/12/2024 (chậm 3 ngày).',
      }),
    ]);
    expect((await unitRow(ws, 'A02'))['Trạng thái']).toBe('Đã giải trình');
    // Said again at the next collection (the record is in Đơn vị).
    expect((await findings(ws)).map((f) => f.code)).toContain('late-explanation');
  });
});
