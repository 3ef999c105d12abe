// The command line: usage text, exit codes, Vietnamese errors without a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/node/cli';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, openBook, removeTmpDirs, rowsOf, text, tmpDir } from './helpers';

afterAll(removeTmpDirs);

describe('main()', () => {
  test('help, or no command: the usage text, exit 0', async () => {
    for (const argv of [[], ['help']]) {
      const ctx = capture();
      expect(await main(argv, ctx)).toBe(0);
      expect(ctx.lines[0]).toMatch(/^dvcq — đánh giá, phân loại công tác dân vận chính quyền/);
      expect(ctx.lines[0]).toContain('templates <thư mục> [--upgrade]');
    }
  });

  test('an unknown command: exit 2 with the usage text', async () => {
    const ctx = capture();
    expect(await main(['xephang'], ctx)).toBe(2);
    expect(ctx.errors[0]).toContain('Lỗi: không có lệnh «xephang».');
    expect(ctx.errors[1]).toContain('Cách dùng: dvcq <lệnh>');
  });

  test('wrong arguments: exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['rank'], 'lệnh «rank» cần thư mục làm việc.'],
      [['rank', 'ws', '--jsn'], 'lệnh «rank» không có tùy chọn «--jsn».'],
      [['submit', 'ws'], 'cần thư mục làm việc và ít nhất một mã đơn vị'],
      [['report', 'ws', '--template'], 'tùy chọn --template cần một giá trị'],
      [['init', 'a', 'b'], 'thừa tham số «b»'],
    ];
    for (const [argv, message] of cases) {
      const ctx = capture();
      expect(await main(argv, ctx)).toBe(2);
      expect(ctx.errors.join('\n')).toContain(message);
    }
  });

  test('init refuses to overwrite a control workbook and says how to proceed', async () => {
    const ws = tmpDir();
    expect(await main(['init', ws], capture())).toBe(0);
    const before = fs.readFileSync(controlPath(ws));
    const ctx = capture();
    expect(await main(['init', ws, '--sample', 'binh-son-2024'], ctx)).toBe(1);
    expect(ctx.errors[0]).toMatch(/^Lỗi: đã có bảng điều khiển «.*dieu-khien\.xlsx»; không ghi đè .* đổi tên \(hoặc xóa\) tệp này/);
    expect(fs.readFileSync(controlPath(ws))).toEqual(before);
  });

  test('a damaged control workbook: a message naming the file', async () => {
    const ws = tmpDir();
    fs.writeFileSync(controlPath(ws), 'không phải xlsx');
    const ctx = capture();
    expect(await main(['validate', ws], ctx)).toBe(1);
    expect(ctx.errors[0]).toContain(`Lỗi: không đọc được «${controlPath(ws)}»: tệp không phải bảng tính .xlsx hợp lệ hoặc đã bị hỏng`);
  });
});

test('rank and report refuse a control workbook whose rules cannot be read, and keep `Kết quả`', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  const before = fs.statSync(path.join(ws, 'Dân vận chính quyền 2024', 'Báo cáo dân vận chính quyền 2024 - DỰ THẢO.docx')).mtimeMs;
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Xếp loại')!;
    s.getCell('D2').value = '≥ 90';
  });
  for (const argv of [
    ['rank', ws, '--json'],
    ['report', ws],
  ]) {
    const ctx = capture();
    expect(await main(argv, ctx)).toBe(1);
    expect(ctx.errors.join('\n')).toMatch(/Chưa thực hiện «(Tổng hợp & xếp hạng|Tạo báo cáo)» vì bảng điều khiển có lỗi/);
    expect(ctx.errors.join('\n')).toContain('mức «HTXS» có điểm tối thiểu «≥ 90» không phải là số');
  }
  const results = (await openBook(controlPath(ws))).getWorksheet('Kết quả')!;
  expect(rowsOf(results, ['Thứ hạng', 'Mã đơn vị'])).toHaveLength(33);
  expect(fs.statSync(path.join(ws, 'Dân vận chính quyền 2024', 'Báo cáo dân vận chính quyền 2024 - DỰ THẢO.docx')).mtimeMs).toBe(before);
});

const setYear = (ws: string, year: number | null) =>
  editBook(controlPath(ws), (wb) => {
    wb.getWorksheet('Cấu hình')!.eachRow((row) => {
      if (row.getCell(1).value === 'Năm') row.getCell(2).value = year;
    });
  });
const linkText = (v: unknown) => text(v as Parameters<typeof text>[0]);

test("a new year gets its own files and statuses; last year's are kept in «Trạng thái các năm» and come back with the year", async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  const old = path.join(ws, 'Dân vận chính quyền 2024', 'Khối xã, thị trấn', 'BS-X01 - Thị trấn Châu Ổ.xlsx');
  const oldTime = fs.statSync(old).mtimeMs;
  const before = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái', 'Liên kết']);
  expect(before.filter((u) => u['Trạng thái'] === 'Đã nộp').length).toBeGreaterThan(20);
  await setYear(ws, 2025);
  const ctx = capture();
  expect(await main(['templates', ws], ctx)).toBe(0);
  expect(ctx.lines.join('\n')).toContain('33/33 đơn vị đã có biểu mẫu; tạo mới 33');
  expect(fs.existsSync(path.join(ws, 'Dân vận chính quyền 2025', 'Khối xã, thị trấn', 'BS-X01 - Thị trấn Châu Ổ.xlsx'))).toBe(true);
  expect(fs.statSync(old).mtimeMs).toBe(oldTime);
  const book = await openBook(controlPath(ws));
  const units = rowsOf(book.getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái', 'Liên kết', 'Năm của trạng thái']);
  expect(new Set(units.map((u) => u['Trạng thái']))).toEqual(new Set(['Đã tạo biểu mẫu']));
  expect(new Set(units.map((u) => u['Năm của trạng thái']))).toEqual(new Set([2025]));
  expect(units.every((u) => linkText(u['Liên kết']).startsWith('Dân vận chính quyền 2025/'))).toBe(true);
  // 2024's statuses and links are history, readable in their own sheet.
  const history = rowsOf(book.getWorksheet('Trạng thái các năm')!, ['Năm', 'Mã đơn vị', 'Trạng thái', 'Liên kết']);
  expect(history.map((h) => [h['Mã đơn vị'], h['Trạng thái'], linkText(h['Liên kết'])]).sort()).toEqual(
    before.map((u) => [u['Mã đơn vị'], u['Trạng thái'], linkText(u['Liên kết'])]).sort(),
  );
  expect(new Set(history.map((h) => h['Năm']))).toEqual(new Set([2024]));
  // Back to 2024: every submission is there again, and 2025's wait in the history.
  await setYear(ws, 2024);
  expect(await main(['rank', ws, '--json'], capture())).toBe(0);
  const again = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái', 'Liên kết']);
  expect(again.map((u) => [u['Mã đơn vị'], u['Trạng thái']])).toEqual(before.map((u) => [u['Mã đơn vị'], u['Trạng thái']]));
});

test('a blank or invalid «Năm» stops every step: no file made, no status or link touched', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  const before = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái', 'Liên kết']);
  for (const year of [null, 'hai không hai lăm'] as const) {
    await editBook(controlPath(ws), (wb) => {
      wb.getWorksheet('Cấu hình')!.eachRow((row) => {
        if (row.getCell(1).value === 'Năm') row.getCell(2).value = year;
      });
    });
    for (const argv of [
      ['templates', ws],
      ['validate', ws],
      ['rank', ws],
      ['report', ws],
      ['submit', ws, 'BS-X01'],
    ]) {
      const ctx = capture();
      expect(await main(argv, ctx)).toBe(1);
      expect(ctx.errors.join('\n')).toMatch(
        /vì bảng điều khiển có lỗi cần sửa trước:\n\s+- Bảng điều khiển, sheet «Cấu hình», «Năm» \(dòng 2\)/,
      );
    }
  }
  expect(fs.readdirSync(ws).filter((f) => f.startsWith('Dân vận chính quyền'))).toEqual(['Dân vận chính quyền 2024']);
  const after = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái', 'Liên kết']);
  expect(after).toEqual(before);
});

test('a unit switched to another rubric keeps its file and is told how to get a new one', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Đơn vị')!;
    s.eachRow((row) => {
      if (row.getCell(1).value === 'BS-X01') row.getCell(5).value = 'Cơ quan chuyên môn';
    });
  });
  const ctx = capture();
  expect(await main(['templates', ws], ctx)).toBe(1);
  expect(ctx.errors.join('\n')).toMatch(
    /Thị trấn Châu Ổ \(BS-X01\): biểu mẫu thuộc bộ tiêu chí «UBND cấp xã», khác bộ tiêu chí «Cơ quan chuyên môn».*được giữ nguyên/,
  );
});

describe('build/cli.js (after npm run build)', () => {
  const cli = path.resolve('build/cli.js');
  const run = (...args: string[]) => spawnSync('node', [cli, ...args], { encoding: 'utf8', env: { ...process.env, DVCQ_DEBUG: '' } });

  test('exit codes: 0 for help, 2 for an unknown command, 1 for an error — never a stack trace', () => {
    expect(run('help').status).toBe(0);
    expect(run('khong-co').status).toBe(2);
    const missing = run('rank', path.join(tmpDir(), 'chua-co'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^Lỗi: không tìm thấy bảng điều khiển «.*dieu-khien\.xlsx»\. Chạy «dvcq init .*» để tạo\.\n$/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  test('validate: exit 1 with an error, 0 without', () => {
    const ws = tmpDir();
    expect(run('init', ws, '--sample', 'binh-son-2024').status).toBe(0);
    expect(run('templates', ws).status).toBe(0);
    // Every unit is marked «Đã nộp» in the sample but nothing is typed yet: blank scores are errors.
    const bad = run('validate', ws);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('[Lỗi] Thị trấn Châu Ổ (BS-X01), tiêu chí X1.1, ô D9: chưa nhập điểm tự chấm.');
    const empty = tmpDir();
    expect(run('init', empty).status).toBe(0);
    const ok = run('validate', empty, '--json');
    expect([ok.status, JSON.parse(ok.stdout)]).toEqual([0, []]);
  });

  test('output piped into a reader that stops early ends quietly, without a stack trace', () => {
    const ws = tmpDir();
    run('init', ws, '--sample', 'binh-son-2024');
    run('templates', ws);
    const piped = spawnSync('bash', ['-c', `node "${cli}" validate "${ws}" | head -1`], { encoding: 'utf8' });
    expect(piped.stdout).toMatch(/^\[Lỗi\] /);
    expect(piped.stderr).toBe('');
  });
});

test('«Xếp loại» deleted, emptied or a rule row of «Cấu hình» deleted: rank and report refuse and say which', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  const cases: Array<[string, (wb: import('exceljs').Workbook) => void, RegExp]> = [
    ['renamed', (wb) => (wb.getWorksheet('Xếp loại')!.name = 'Xep loai cu'), /không tìm thấy sheet «Xếp loại»/],
    [
      'emptied',
      (wb) => {
        // Emptied below its header, as a user selecting the rows and pressing Delete would.
        wb.getWorksheet('Xếp loại')!.eachRow((row, n) => {
          if (n > 1) row.eachCell((c) => (c.value = null));
        });
      },
      /chưa có mức xếp loại nào/,
    ],
    [
      'step row deleted',
      (wb) => {
        const s = wb.getWorksheet('Cấu hình')!;
        s.eachRow((row, n) => {
          if (row.getCell(1).value === 'Bước điểm') s.spliceRows(n, 1);
        });
      },
      /không có dòng «Bước điểm»/,
    ],
  ];
  for (const [label, edit, why] of cases) {
    const copy = tmpDir();
    fs.cpSync(ws, copy, { recursive: true });
    await editBook(controlPath(copy), edit);
    for (const cmd of ['rank', 'report']) {
      const ctx = capture();
      expect([label, cmd, await main([cmd, copy], ctx)]).toEqual([label, cmd, 1]);
      expect(ctx.errors.join('\n')).toMatch(why);
    }
  }
});

test('a status typed wrong («Da nop») is reported with the allowed words, never overwritten, and the unit is not classified', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture())).toBe(0);
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Đơn vị')!;
    const col = (s.getRow(1).values as unknown[]).indexOf('Trạng thái');
    s.eachRow((row) => {
      if (row.getCell(1).value === 'BS-X01') row.getCell(col).value = 'Da nop';
    });
  });
  expect(await main(['templates', ws], capture())).toBe(0);
  const ctx = capture();
  expect(await main(['rank', ws, '--json'], ctx)).toBe(0);
  const x01 = (JSON.parse(ctx.lines.join('\n')) as Array<{ code: string; classified: boolean; reasons: string[] }>).find(
    (r) => r.code === 'BS-X01',
  )!;
  expect(x01.classified).toBe(false);
  expect(x01.reasons.join()).toContain('Trạng thái ghi sai');
  const book = await openBook(controlPath(ws));
  const unit = rowsOf(book.getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái']).find((u) => u['Mã đơn vị'] === 'BS-X01')!;
  expect(unit['Trạng thái']).toBe('Da nop');
  const findings = rowsOf(book.getWorksheet('Kiểm tra')!, ['Mã đơn vị', 'Nội dung']).filter((f) => f['Mã đơn vị'] === 'BS-X01');
  expect(findings.map((f) => text(f['Nội dung'])).join()).toContain(
    'trạng thái «Da nop» của đơn vị Thị trấn Châu Ổ (BS-X01) không có trong danh sách; chỉ nhận «Đã tạo biểu mẫu», «Đang chấm», «Đã nộp», «Trả lại để giải trình», «Đã giải trình», «Đã thẩm định», «Đã công nhận», «Tạo lại» hoặc để trống',
  );
});

test('`Đơn vị`/`Trạng thái` of a new control workbook is a dropdown of the allowed words (read back from the file)', async () => {
  const ws = tmpDir();
  expect(await main(['init', ws], capture())).toBe(0);
  const units = (await openBook(controlPath(ws))).getWorksheet('Đơn vị')!;
  const col = (units.getRow(1).values as unknown[]).indexOf('Trạng thái');
  for (const row of [2, 2000]) {
    expect(units.getCell(row, col).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Đã tạo biểu mẫu,Đang chấm,Đã nộp,Trả lại để giải trình,Đã giải trình,Đã thẩm định,Đã công nhận,Tạo lại"'],
    });
  }
  expect(units.getCell(1, col).dataValidation).toBeUndefined();
});
