// Faults and races offline, on real files and real processes of build/cli.js (run `npm run build`
// first): two commands at once, a killed run's temporary files, a formula typed in an input cell
// lost by --upgrade, hostile unit names, a report template of the wrong kind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { main } from '../../src/node/cli';
import { writeFileSafely } from '../../src/node/files';
import { controlPath } from '../../src/node/workspace';
import { ControlWorkbook } from '../../src/node/xlsx/control-workbook';
import { capture, editBook, header, openBook, removeTmpDirs, rowsOf, text, tmpDir, typeScores, xlsxFiles } from './helpers';
import { scoresOf, setupWorkspace, unitFile, UNITS } from './case';

afterAll(removeTmpDirs);

const YEAR = 2024;
const cli = path.resolve('build/cli.js');
const LOCK = '.dvcq.lock';

interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

/** One real process of the CLI; resolves when it has exited. */
function runCli(args: string[], lockWait = '120'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // A long wait where two commands meet (a loaded machine runs them slowly), a short one where a lock is held on purpose.
    const child = spawn('node', [cli, ...args], { env: { ...process.env, DVCQ_DEBUG: '', DVCQ_LOCK_WAIT: lockWait } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err, ms: Date.now() - started }));
  });
}

/** The pid of a process that has ended (so it is certainly not running). */
function deadPid(): number {
  const r = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

async function statusOf(ws: string, code: string): Promise<string> {
  const units = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Trạng thái']);
  return text(units.find((u) => text(u['Mã đơn vị']) === code)!['Trạng thái']);
}

async function logRows(ws: string): Promise<string[]> {
  const s = (await openBook(controlPath(ws))).getWorksheet('Nhật ký')!;
  const out: string[] = [];
  s.eachRow((row, n) => {
    if (n > 1) out.push((row.values as unknown[]).map((v) => text(v as never)).join(' | '));
  });
  return out;
}

/** A workspace with the case's units, their workbooks made and scores typed. */
async function readyWorkspace(): Promise<string> {
  const ws = tmpDir();
  await setupWorkspace(ws);
  expect(await main(['templates', ws], capture())).toBe(0);
  for (const u of UNITS) await typeScores(unitFile(ws, YEAR, u), scoresOf(u));
  return ws;
}

describe('workspace lock (item 8): commands that write never lose one another’s change', () => {
  let ws: string;
  beforeAll(async () => {
    ws = await readyWorkspace();
  }, 60_000);

  test('submit and rank at once: the status submit reports is the one in the file, and Nhật ký has both rows', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await main(['reopen', ws, 'A01'], capture())).toBe(0);
      expect(await statusOf(ws, 'A01')).toBe('Đang chấm');
      const before = (await logRows(ws)).length;
      const [submitted, ranked] = await Promise.all([runCli(['submit', ws, 'A01']), runCli(['rank', ws])]);
      expect(submitted.err).toBe('');
      expect(submitted.code).toBe(0);
      expect(submitted.out).toContain('Đã nộp kết quả');
      expect(ranked.code).toBe(0);
      expect(await statusOf(ws, 'A01')).toBe('Đã nộp');
      const log = await logRows(ws);
      expect(log).toHaveLength(before + 2);
      expect(log.slice(-2).some((l) => l.includes('Nộp kết quả'))).toBe(true);
      expect(log.slice(-2).some((l) => l.includes('xếp hạng'))).toBe(true);
    }
    expect(fs.existsSync(path.join(ws, LOCK))).toBe(false);
  }, 120_000);

  test('two ranks at once: both rows reach Nhật ký', async () => {
    const before = (await logRows(ws)).length;
    const runs = await Promise.all([runCli(['rank', ws]), runCli(['rank', ws])]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(await logRows(ws)).toHaveLength(before + 2);
  }, 120_000);

  test('a lock held by a live process: the command waits, then names pid, host and time, and changes nothing', async () => {
    const since = new Date();
    const p2 = (n: number) => String(n).padStart(2, '0');
    const shown = `${p2(since.getDate())}/${p2(since.getMonth() + 1)}/${since.getFullYear()} ${p2(since.getHours())}:${p2(since.getMinutes())}`;
    fs.writeFileSync(
      path.join(ws, LOCK),
      JSON.stringify({ pid: process.pid, host: os.hostname(), user: 'nguoi-khac', command: 'templates', time: since.toISOString() }),
    );
    const before = fs.readFileSync(controlPath(ws));
    try {
      const r = await runCli(['submit', ws, 'A02'], '3');
      expect(r.code).toBe(1);
      expect(r.ms).toBeGreaterThanOrEqual(3000); // it waited before giving up
      expect(r.err).toContain('Đã chờ 3 giây');
      expect(r.err).toContain('đang được một lệnh dvcq khác sử dụng');
      expect(r.err).toContain(`tiến trình ${process.pid}`);
      expect(r.err).toContain(`máy «${os.hostname()}»`);
      expect(r.err).toContain('«templates»');
      expect(r.err).toContain(`từ ${shown}`);
      expect(r.err).toContain(LOCK);
      expect(r.out).not.toContain('Đã nộp kết quả');
      expect(fs.readFileSync(controlPath(ws)).equals(before)).toBe(true);
    } finally {
      fs.rmSync(path.join(ws, LOCK), { force: true });
    }
  }, 60_000);

  test('a lock left by a process that has ended, or too old, is taken over with a note', async () => {
    const pid = deadPid();
    fs.writeFileSync(path.join(ws, LOCK), JSON.stringify({ pid, host: os.hostname(), command: 'rank', time: new Date().toISOString() }));
    // A short wait: a lock wrongly judged alive would make the command fail.
    const r = await runCli(['rank', ws], '3');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`tiến trình ${pid}`);
    expect(r.err).toContain('không còn chạy');
    expect(fs.existsSync(path.join(ws, LOCK))).toBe(false);

    // Another computer's lock cannot be checked by pid: it is stale once older than the limit.
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    fs.writeFileSync(path.join(ws, LOCK), JSON.stringify({ pid: 4242, host: 'may-khac', command: 'rank', time: old.toISOString() }));
    const r2 = await runCli(['rank', ws], '3');
    expect(r2.code).toBe(0);
    expect(r2.err).toContain('máy «may-khac»');
    expect(r2.err).toContain('quá');
    expect(fs.existsSync(path.join(ws, LOCK))).toBe(false);
  }, 60_000);
});

test('the control workbook saved by another program while a command runs: the command writes nothing and says so', async () => {
  const ws = tmpDir();
  await setupWorkspace(ws);
  const book = await ControlWorkbook.open(ws);
  book.log(new Date(), 'kiem-thu', 'Xếp loại', 'thử');
  // Meanwhile someone types a name in Excel and saves.
  await editBook(controlPath(ws), (wb) => {
    wb.getWorksheet('Đơn vị')!.getCell('B2').value = 'Xã An Hòa (sửa trong Excel)';
  });
  await expect(book.save()).rejects.toThrow(/đã được lưu lại bởi một chương trình khác .* không ghi vào bảng điều khiển/);
  const after = await openBook(controlPath(ws));
  expect(after.getWorksheet('Đơn vị')!.getCell('B2').value).toBe('Xã An Hòa (sửa trong Excel)');
  expect((await logRows(ws)).some((l) => l.includes('thử'))).toBe(false);
});

describe('temporary files (item 10)', () => {
  test('files left by a killed run are removed by the next command that writes; a live process’s are kept', async () => {
    const ws = await readyWorkspace();
    const dead = deadPid();
    const group = path.dirname(unitFile(ws, YEAR, UNITS[0]));
    const leftovers = [path.join(ws, `.dieu-khien.xlsx.${dead}.tmp`), path.join(group, `.A01 - Xã An Hòa.xlsx.${dead}.tmp`)];
    const live = path.join(group, `.A02 - Xã Bình Minh.xlsx.${process.pid}.tmp`);
    const notOurs = path.join(ws, `.ghi-chu.txt.${dead}.tmp`);
    for (const f of [...leftovers, live, notOurs]) fs.writeFileSync(f, 'half a file');
    const r = await runCli(['rank', ws]);
    expect(r.code).toBe(0);
    for (const f of leftovers) expect(fs.existsSync(f)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(fs.existsSync(notOurs)).toBe(true);
    expect(r.err).toContain('Đã xóa 2 tệp tạm');
    expect(r.err).toContain(`.dieu-khien.xlsx.${dead}.tmp`);
  }, 60_000);

  test('the temporary file is flushed to disk before it is renamed over the real one', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'a.txt');
    const calls: string[] = [];
    const fsync = jest.spyOn(fs, 'fsyncSync').mockImplementation(() => void calls.push('fsync'));
    const rename = jest.spyOn(fs, 'renameSync');
    rename.mockImplementation((from, to) => {
      calls.push(`rename ${path.basename(String(from))}`);
      rename.mockRestore();
      fs.renameSync(from, to);
    });
    try {
      await writeFileSafely(file, (tmp) => fs.promises.writeFile(tmp, 'nội dung'));
    } finally {
      fsync.mockRestore();
      rename.mockRestore();
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('nội dung');
    expect(calls[0]).toBe('fsync');
    expect(calls.indexOf(`rename .a.txt.${process.pid}.tmp`)).toBeGreaterThan(0);
  });
});

describe('templates --upgrade (item 11)', () => {
  test('a formula typed in an input cell is reported with unit, cell, criterion and formula; its value is carried over', async () => {
    const ws = await readyWorkspace();
    const file = unitFile(ws, YEAR, UNITS[0]);
    let cell = '';
    await editBook(file, (wb) => {
      const s = wb.getWorksheet('Chấm điểm')!;
      const h = header(s, ['Mã', 'Tự chấm', 'Minh chứng']);
      for (let r = h.row + 1; r <= s.rowCount; r++) {
        if (text(s.getRow(r).getCell(h.col('Mã')).value) === '1.2') {
          const c = s.getRow(r).getCell(h.col('Tự chấm'));
          c.value = { formula: '20+4', result: 24 };
          cell = c.address;
        }
        // A formula saved without its value (as some tools write it).
        if (text(s.getRow(r).getCell(h.col('Mã')).value) === '2') s.getRow(r).getCell(h.col('Minh chứng')).value = { formula: 'B2&"x"' };
      }
    });
    await editBook(controlPath(ws), (wb) => {
      const s = wb.getWorksheet('Tiêu chí')!;
      const h = header(s, ['Mã', 'Điểm tối đa']);
      for (let r = h.row + 1; r <= s.rowCount; r++) {
        if (text(s.getRow(r).getCell(h.col('Mã')).value) === '2') s.getRow(r).getCell(h.col('Điểm tối đa')).value = 65;
      }
    });
    const up = capture(new Date(2024, 10, 21, 14, 5));
    expect(await main(['templates', ws, '--upgrade'], up)).toBe(0);
    const said = up.text();
    expect(said).toContain(`Xã An Hòa (A01), ô ${cell} (tiêu chí 1.2, cột «Tự chấm»): công thức «=20+4»`);
    expect(said).toContain('đã chuyển giá trị 24 mà công thức tính ra');
    expect(said).toMatch(/\(tiêu chí 2, cột «Minh chứng»\): công thức «=B2&"x"» .* để trống, hãy nhập lại/);
    // The sheet's own totals (parent rows) are not typed formulas.
    expect(said).not.toContain('tiêu chí 1,');
    const s = (await openBook(file)).getWorksheet('Chấm điểm')!;
    const h = header(s, ['Mã', 'Tự chấm']);
    const row = [...Array(s.rowCount).keys()].map((i) => s.getRow(i + 1)).find((r) => text(r.getCell(h.col('Mã')).value) === '1.2')!;
    expect(row.getCell(h.col('Tự chấm')).value).toBe(24);
  }, 60_000);
});

describe('unit names (item 12)', () => {
  test('bidirectional and control characters never reach a file name; a blank name is refused; a path too long is told', async () => {
    const ws = tmpDir();
    await setupWorkspace(ws, [
      { code: 'N01', name: 'Xã \u202EAn\u0000 Hòa\u200F', group: 'Cụm 1', self: {} },
      { code: 'N02', name: ' \u202E\u0000 ', group: 'Cụm 1', self: {} },
      { code: 'N03', name: `Xã ${'Rất Dài '.repeat(14)}`, group: `Nhóm ${'Rất Dài '.repeat(14)}`, self: {} },
    ]);
    const t = capture();
    expect(await main(['templates', ws], t)).toBe(1);
    const files = xlsxFiles(ws).map((f) => path.relative(ws, f));
    expect(files).toEqual([path.join('Dân vận chính quyền 2024', 'Cụm 1', 'N01 - Xã An Hòa.xlsx'), 'dieu-khien.xlsx']);
    for (const f of files) expect(f).not.toMatch(/[\u0000-\u001f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    const said = t.text();
    expect(said).toMatch(/N02\).*chưa có tên/);
    expect(said).toMatch(/N03\).*đường dẫn .* dài \d+ ký tự, quá giới hạn 215/);
    expect(said).not.toMatch(/\u202E|\u0000/);
  }, 60_000);
});

describe('report templates of the wrong kind (item 14)', () => {
  test('an .xlsx given as --template or --decision-template: the file is named and a .docx asked for', async () => {
    const ws = await readyWorkspace();
    const xlsx = controlPath(ws);
    for (const option of ['--template', '--decision-template']) {
      const r = await runCli(['report', ws, option, xlsx]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`«${xlsx}»`);
      expect(r.err).toContain('.docx');
      expect(r.err).not.toContain('lỗi không rõ');
      expect(r.err).not.toContain('xlsx_filetype');
    }
  }, 60_000);
});
