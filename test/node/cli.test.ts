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
    expect(await main(['init', ws, '--sample'], ctx)).toBe(1);
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
  expect(await main(['demo', ws], capture())).toBe(0);
  const before = fs.statSync(path.join(ws, 'Dân vận chính quyền 2024', 'Báo cáo dân vận chính quyền 2024.docx')).mtimeMs;
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
    expect(ctx.errors.join('\n')).toContain('chưa xếp hạng được vì bảng điều khiển có lỗi');
    expect(ctx.errors.join('\n')).toContain('mức «HTXS» có điểm tối thiểu «≥ 90» không phải là số');
  }
  const results = (await openBook(controlPath(ws))).getWorksheet('Kết quả')!;
  expect(rowsOf(results, ['Thứ hạng', 'Mã đơn vị'])).toHaveLength(33);
  expect(fs.statSync(path.join(ws, 'Dân vận chính quyền 2024', 'Báo cáo dân vận chính quyền 2024.docx')).mtimeMs).toBe(before);
});

test("a new year gets its own files and statuses; last year's files are left as they were", async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws], capture())).toBe(0);
  const old = path.join(ws, 'Dân vận chính quyền 2024', 'Khối xã, thị trấn', 'BS-X01 - Thị trấn Châu Ổ.xlsx');
  const oldTime = fs.statSync(old).mtimeMs;
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Cấu hình')!;
    s.eachRow((row) => {
      if (row.getCell(1).value === 'Năm') row.getCell(2).value = 2025;
    });
  });
  const ctx = capture();
  expect(await main(['templates', ws], ctx)).toBe(0);
  expect(ctx.lines.join('\n')).toContain('Đã tạo 33 biểu mẫu');
  expect(fs.existsSync(path.join(ws, 'Dân vận chính quyền 2025', 'Khối xã, thị trấn', 'BS-X01 - Thị trấn Châu Ổ.xlsx'))).toBe(true);
  expect(fs.statSync(old).mtimeMs).toBe(oldTime);
  const units = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái', 'Liên kết']);
  expect(new Set(units.map((u) => u['Trạng thái']))).toEqual(new Set(['Đã tạo biểu mẫu']));
  expect(units.every((u) => text(u['Liên kết']).startsWith('Dân vận chính quyền 2025/'))).toBe(true);
});

test('a unit switched to another rubric keeps its file and is told how to get a new one', async () => {
  const ws = tmpDir();
  expect(await main(['demo', ws], capture())).toBe(0);
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
    expect(run('init', ws, '--sample').status).toBe(0);
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
    run('init', ws, '--sample');
    run('templates', ws);
    const piped = spawnSync('bash', ['-c', `node "${cli}" validate "${ws}" | head -1`], { encoding: 'utf8' });
    expect(piped.stdout).toMatch(/^\[Lỗi\] /);
    expect(piped.stderr).toBe('');
  });
});
