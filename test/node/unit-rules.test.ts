// Rule gaps, offline, through the CLI functions on real .xlsx workspaces: a unit file copied over
// another unit's, swapped headers, a row without a code, wording changes, ambiguous numbers, unit
// codes that sanitize to the same file name, and `Liên kết` leading out of the workspace.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { templates } from '../../src/node/commands/templates';
import { validate } from '../../src/node/commands/validate';
import { rank } from '../../src/node/commands/rank';
import type { Finding } from '../../src/core/types';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, rowsOf, setRows, text, removeTmpDirs, tmpDir, typeScores, xlsxFiles } from './helpers';
import { CaseUnit, CRITERIA, CRITERIA_HEADERS, scoresOf, setupWorkspace } from './case';

afterAll(removeTmpDirs);

const full = { '1.1': 15, '1.2': 20, '2': 50 };
const caseUnit = (code: string, name = `Xã Thử ${code}`): CaseUnit => ({ code, name, group: 'Cụm 1', self: full });

/** `Đơn vị` cells by unit code and header text. */
async function setUnitCells(ws: string, cells: Record<string, Record<string, ExcelJS.CellValue>>): Promise<void> {
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Đơn vị')!;
    const h = header(s, ['Mã đơn vị', 'Trạng thái', 'Liên kết']);
    for (let r = h.row + 1; r <= s.rowCount; r++) {
      const code = text(s.getRow(r).getCell(h.col('Mã đơn vị')).value);
      for (const [name, v] of Object.entries(cells[code] ?? {})) s.getRow(r).getCell(h.col(name)).value = v;
    }
  });
}

/** The unit's file, from the `Liên kết` that `templates` wrote. */
function fileOf(ws: string, code: string): string {
  return path.join(ws, linkOf(ws, code));
}
const links = new Map<string, string>();
function linkOf(ws: string, code: string): string {
  return links.get(`${ws}|${code}`)!;
}
async function rememberLinks(ws: string): Promise<void> {
  const rows = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Liên kết']);
  for (const r of rows) links.set(`${ws}|${text(r['Mã đơn vị'])}`, text(r['Liên kết']));
}

async function findingsOf(ws: string): Promise<Finding[]> {
  const ctx = capture();
  await validate(ws, { json: true }, ctx);
  return JSON.parse(ctx.lines[0]) as Finding[];
}

/** `Kết quả` after `rank`: the level shown for each unit code. */
async function levels(ws: string): Promise<Record<string, string>> {
  const ctx = capture();
  expect(await rank(ws, {}, ctx)).toBe(0);
  const rows = rowsOf((await openBook(controlPath(ws))).getWorksheet('Kết quả')!, ['Mã đơn vị', 'Xếp loại']);
  return Object.fromEntries(rows.map((r) => [text(r['Mã đơn vị']), text(r['Xếp loại'])]));
}

const summary = (fs: Finding[], code: string) => fs.filter((f) => f.unitCode === code).map((f) => `${f.severity} ${f.code}`);

// templates writes `Liên kết` before the files are scored: remember them right after.
async function workspaceWithLinks(units: CaseUnit[]): Promise<string> {
  const ws = tmpDir();
  await setupWorkspace(ws, units);
  const t = capture();
  expect(await templates(ws, {}, t)).toBe(0);
  await rememberLinks(ws);
  for (const u of units) await typeScores(fileOf(ws, u.code), scoresOf(u));
  await setUnitCells(ws, Object.fromEntries(units.map((u) => [u.code, { 'Trạng thái': 'Đã nộp' }])));
  return ws;
}

describe('a unit file copied over another unit’s, swapped headers, a row without a code, an ambiguous number', () => {
  let ws = '';
  let findings: Finding[] = [];
  let shown: Record<string, string> = {};
  const UNITS = [
    caseUnit('BS-X07', 'Xã Bình Dương'),
    caseUnit('BS-X08', 'Xã Bình Chánh'),
    caseUnit('BS-X09', 'Xã Bình Thạnh'),
    caseUnit('BS-X10', 'Xã Bình Thới'),
    caseUnit('BS-X11', 'Xã Bình Đông'),
    caseUnit('BS-X12', 'Xã Bình Trị'),
    caseUnit('BS-X13', 'Xã Bình Hải'),
    caseUnit('BS-X14', 'Xã Bình Phước'),
  ];

  beforeAll(async () => {
    ws = await workspaceWithLinks(UNITS);
    // BS-X09's file copied over BS-X08's, its hidden column H removed; over BS-X10's, column H cleared.
    fs.copyFileSync(fileOf(ws, 'BS-X09'), fileOf(ws, 'BS-X08'));
    await editBook(fileOf(ws, 'BS-X08'), (wb) => wb.getWorksheet('Chấm điểm')!.spliceColumns(8, 1));
    fs.copyFileSync(fileOf(ws, 'BS-X09'), fileOf(ws, 'BS-X10'));
    await editBook(fileOf(ws, 'BS-X10'), (wb) => {
      const s = wb.getWorksheet('Chấm điểm')!;
      for (let r = 1; r <= s.rowCount; r++) s.getRow(r).getCell(8).value = null;
    });
    // BS-X11: the labels «Tự chấm» and «Thẩm định» swapped.
    await editBook(fileOf(ws, 'BS-X11'), (wb) => {
      const s = wb.getWorksheet('Chấm điểm')!;
      const h = header(s, ['Tự chấm', 'Thẩm định']);
      s.getRow(h.row).getCell(h.col('Tự chấm')).value = 'Thẩm định';
      s.getRow(h.row).getCell(h.col('Thẩm định')).value = 'Tự chấm';
    });
    // BS-X12: a score typed in a row without a code (inserted under criterion 2).
    await editBook(fileOf(ws, 'BS-X12'), (wb) => {
      const s = wb.getWorksheet('Chấm điểm')!;
      const h = header(s, ['Mã', 'Tự chấm']);
      let r = h.row + 1;
      while (text(s.getRow(r).getCell(h.col('Mã')).value) !== '2') r++;
      s.spliceRows(r + 1, 0, [null, 'Nội dung tự thêm', null, 5]);
    });
    // BS-X13: «1.000» typed as text; BS-X14: «7,5» typed as text (a plain decimal).
    await typeScores(fileOf(ws, 'BS-X13'), { '1.1': { 'Tự chấm': '1.000' } });
    await typeScores(fileOf(ws, 'BS-X14'), { '1.1': { 'Tự chấm': '7,5' } });
    findings = await findingsOf(ws);
    shown = await levels(ws);
  });

  test('1. BS-X09’s file at BS-X08’s path, hidden column H removed: a blocking error naming both units', () => {
    expect(summary(findings, 'BS-X08')).toEqual(['Lỗi wrong-unit']);
    const m = findings.find((f) => f.unitCode === 'BS-X08')!.message;
    expect(m).toMatch(
      /^Xã Bình Chánh \(BS-X08\): biểu mẫu này là của đơn vị Xã Bình Thạnh \(BS-X09\), không phải của Xã Bình Chánh \(BS-X08\); có thể tệp đã bị chép đè/,
    );
    expect(m).toContain('Cách sửa:');
    expect(shown['BS-X08']).toBe('Không xếp loại');
    expect(shown['BS-X09']).not.toBe('Không xếp loại');
  });

  test('1. the same with column H cleared', () => {
    expect(summary(findings, 'BS-X10')).toEqual(['Lỗi wrong-unit']);
    expect(shown['BS-X10']).toBe('Không xếp loại');
  });

  test('1. templates leaves the copied file alone and does not advise renaming it', async () => {
    const t = capture();
    await templates(ws, {}, t);
    const said = t.errors.find((l) => l.startsWith('Xã Bình Chánh (BS-X08)'))!;
    expect(said).toContain('biểu mẫu này là của đơn vị Xã Bình Thạnh (BS-X09)');
    expect(said).not.toContain('muốn tạo biểu mẫu mới, đổi tên tệp này');
    expect(said).toContain('không xóa, không đổi tên tệp này khi chưa chắc đơn vị BS-X09 không dùng đến nó');
  });

  test('2. swapped «Tự chấm» / «Thẩm định» headers: a blocking error naming the columns', () => {
    expect(summary(findings, 'BS-X11')).toEqual(['Lỗi moved-column']);
    const m = findings.find((f) => f.unitCode === 'BS-X11')!.message;
    expect(m).toContain('cột D có tiêu đề «Thẩm định» nhưng biểu mẫu ghi cột này là «Tự chấm»');
    expect(m).toContain('cột E có tiêu đề «Tự chấm» nhưng biểu mẫu ghi cột này là «Thẩm định»');
    expect(shown['BS-X11']).toBe('Không xếp loại');
  });

  test('3. a score in a row without a code: Lỗi with the row and the cell', () => {
    const f = findings.filter((x) => x.unitCode === 'BS-X12');
    expect(f).toMatchObject([{ severity: 'Lỗi', code: 'row-without-code' }]);
    expect(f[0].cell).toMatch(/^D\d+$/);
    const row = Number(f[0].cell!.slice(1));
    expect(f[0].message).toContain(`dòng ${row} không có mã tiêu chí nhưng có điểm tự chấm «5» (ô D${row})`);
    expect(shown['BS-X12']).toBe('Không xếp loại');
  });

  test('5. «1.000» is a blocking error that shows how to type a decimal; «7,5» is accepted', () => {
    const f = findings.filter((x) => x.unitCode === 'BS-X13');
    expect(f).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'ambiguous-number', criterion: '1.1' })]);
    expect(f[0].message).toContain('«1.000»');
    expect(f[0].message).toContain('ghi 1 hoặc 1,5 — dùng dấu phẩy cho phần thập phân');
    expect(shown['BS-X13']).toBe('Không xếp loại');
    expect(summary(findings, 'BS-X14')).toEqual(['Cảnh báo number-as-text']);
    expect(shown['BS-X14']).not.toBe('Không xếp loại');
  });

  test('the untouched units have no finding', () => {
    expect(summary(findings, 'BS-X07')).toEqual([]);
    expect(summary(findings, 'BS-X09')).toEqual([]);
  });
});

describe('4. wording changed in `Tiêu chí`', () => {
  let ws = '';
  const UNITS = [caseUnit('W01'), { ...caseUnit('W02'), appraised: { '2': 45 } }];

  beforeAll(async () => {
    ws = await workspaceWithLinks(UNITS);
    await typeScores(fileOf(ws, 'W01'), { '1.1': { 'Ghi chú': 'Kế hoạch số 12' } });
    await editBook(controlPath(ws), (wb) =>
      setRows(
        wb.getWorksheet('Tiêu chí')!,
        [...CRITERIA_HEADERS, 'Hướng dẫn'],
        CRITERIA.map((c) =>
          c.Mã === '1.1'
            ? { ...c, 'Nội dung': 'Ban hành kế hoạch công tác năm' }
            : c.Mã === '2'
              ? { ...c, 'Hướng dẫn': 'Theo Kế hoạch số 5' }
              : c,
        ),
      ),
    );
  });

  test('is a warning (stale-wording) that blocks nothing', async () => {
    const f = await findingsOf(ws);
    expect(summary(f, 'W01')).toEqual(['Cảnh báo stale-wording']);
    const m = f.find((x) => x.unitCode === 'W01')!.message;
    expect(m).toContain('tiêu chí 1.1, 2');
    expect(m).toContain('dvcq templates --upgrade');
    const shown = await levels(ws);
    expect(shown['W01']).not.toBe('Không xếp loại');
    const t = capture();
    expect(await templates(ws, {}, t)).toBe(0);
    expect(t.lines).toContain(m);
  });

  test('`templates --upgrade` refreshes the texts and keeps every input', async () => {
    const before = await inputs(fileOf(ws, 'W01'));
    const beforeW02 = await inputs(fileOf(ws, 'W02'));
    const t = capture();
    expect(await templates(ws, { upgrade: true }, t)).toBe(0);
    expect(t.lines.join('\n')).toContain('Xã Thử W01 (W01): đã nâng cấp biểu mẫu');
    expect(await inputs(fileOf(ws, 'W01'))).toEqual(before);
    expect(await inputs(fileOf(ws, 'W02'))).toEqual(beforeW02);
    expect(before['1.1']).toMatchObject({ 'Tự chấm': 15, 'Ghi chú': 'Kế hoạch số 12' });
    expect(beforeW02['2']).toMatchObject({ 'Thẩm định': 45 });
    const s = (await openBook(fileOf(ws, 'W01'))).getWorksheet('Chấm điểm')!;
    const h = header(s, ['Mã', 'Nội dung tiêu chí']);
    const rowOf = (code: string) => {
      for (let r = h.row + 1; r <= s.rowCount; r++) if (text(s.getRow(r).getCell(h.col('Mã')).value) === code) return s.getRow(r);
      throw new Error(code);
    };
    expect(text(rowOf('1.1').getCell(h.col('Nội dung tiêu chí')).value).trim()).toBe('Ban hành kế hoạch công tác năm');
    const note = rowOf('2').getCell(h.col('Nội dung tiêu chí')).note;
    expect(typeof note === 'string' ? note : JSON.stringify(note)).toContain('Theo Kế hoạch số 5');
    // The old files are kept, and nothing is stale any more.
    expect(xlsxFiles(ws).filter((f) => f.includes('(cũ '))).toHaveLength(2);
    expect((await findingsOf(ws)).filter((f) => f.code === 'stale-wording')).toEqual([]);
  });
});

/** Every typed input of a unit file, by criterion code and header. */
async function inputs(file: string): Promise<Record<string, Record<string, unknown>>> {
  const s = (await openBook(file)).getWorksheet('Chấm điểm')!;
  const h = header(s, ['Mã', 'Tự chấm', 'Thẩm định', 'Minh chứng', 'Ghi chú']);
  const out: Record<string, Record<string, unknown>> = {};
  for (let r = h.row + 1; r <= s.rowCount; r++) {
    const code = text(s.getRow(r).getCell(h.col('Mã')).value);
    if (!code) continue;
    for (const name of ['Tự chấm', 'Thẩm định', 'Minh chứng', 'Ghi chú']) {
      const v = s.getRow(r).getCell(h.col(name)).value;
      if (v === null || v === undefined || (typeof v === 'object' && 'formula' in v)) continue;
      (out[code] ??= {})[name] = v;
    }
  }
  return out;
}

describe('6. unit codes that sanitize alike («A/B», «A:B»)', () => {
  let ws = '';
  const UNITS = [
    { ...caseUnit('A/B', 'Phòng Nội vụ'), self: { '1.1': 15, '1.2': 25, '2': 60 } },
    { ...caseUnit('A:B', 'Phòng Nội vụ'), self: { '1.1': 10, '1.2': 20, '2': 40 } },
  ];

  beforeAll(async () => {
    ws = tmpDir();
    await setupWorkspace(ws, UNITS);
  });

  test('each unit gets its own file, and each file holds its own scores', async () => {
    const t = capture();
    expect(await templates(ws, {}, t)).toBe(0);
    expect(t.lines).toContain('2/2 đơn vị đã có biểu mẫu; tạo mới 2; giữ nguyên 0; bỏ qua 0 đơn vị.');
    expect(t.text()).not.toContain('đổi tên tệp này');
    await rememberLinks(ws);
    expect(linkOf(ws, 'A/B')).not.toBe(linkOf(ws, 'A:B'));
    expect(xlsxFiles(path.join(ws, 'Dân vận chính quyền 2024'))).toHaveLength(2);
    for (const u of UNITS) await typeScores(fileOf(ws, u.code), scoresOf(u));
    await setUnitCells(ws, { 'A/B': { 'Trạng thái': 'Đã nộp' }, 'A:B': { 'Trạng thái': 'Đã nộp' } });
    const ctx = capture();
    expect(await rank(ws, { json: true }, ctx)).toBe(0);
    const got = Object.fromEntries((JSON.parse(ctx.lines[0]) as Array<{ code: string; total: number }>).map((r) => [r.code, r.total]));
    expect(got).toEqual({ 'A/B': 100, 'A:B': 70 });
  });
});

describe('7. `Liên kết` leading out of the workspace', () => {
  let ws = '';
  let outside = '';
  const UNITS = [caseUnit('L01'), caseUnit('L02'), caseUnit('L03')];
  const outsideFiles = () => fs.readdirSync(outside).sort();

  beforeAll(async () => {
    ws = await workspaceWithLinks(UNITS);
    outside = tmpDir('dvcq-outside-');
    // Real, scored unit files outside the workspace, named by the links.
    fs.copyFileSync(fileOf(ws, 'L01'), path.join(outside, 'l01.xlsx'));
    fs.copyFileSync(fileOf(ws, 'L02'), path.join(outside, 'l02.xlsx'));
    await setUnitCells(ws, {
      L01: { 'Liên kết': path.relative(ws, path.join(outside, 'l01.xlsx')).split(path.sep).join('/') },
      L02: { 'Liên kết': path.join(outside, 'l02.xlsx') },
    });
  });

  test('validate names the unit and the link, reads nothing there; the unit is «Không xếp loại»', async () => {
    const f = await findingsOf(ws);
    const rel = path.relative(ws, path.join(outside, 'l01.xlsx')).split(path.sep).join('/');
    expect(rel.startsWith('../')).toBe(true);
    expect(f.filter((x) => x.unitCode === 'L01')).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'missing-file' })]);
    expect(f.find((x) => x.unitCode === 'L01')!.message).toMatch(
      new RegExp(`^Xã Thử L01 \\(L01\\): ô «Liên kết» ghi «${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}»: .*ra ngoài thư mục làm việc`),
    );
    expect(f.find((x) => x.unitCode === 'L02')!.message).toContain(
      `ô «Liên kết» ghi «${path.join(outside, 'l02.xlsx')}»: là đường dẫn tuyệt đối`,
    );
    const shown = await levels(ws);
    expect(shown['L01']).toBe('Không xếp loại');
    expect(shown['L02']).toBe('Không xếp loại');
    expect(shown['L03']).not.toBe('Không xếp loại');
  });

  test('`templates --upgrade` after a rubric change writes nothing outside and names the link', async () => {
    await editBook(controlPath(ws), (wb) =>
      setRows(
        wb.getWorksheet('Tiêu chí')!,
        CRITERIA_HEADERS,
        CRITERIA.map((c) => (c.Mã === '4' ? { ...c, 'Điểm tối đa': 8 } : c)),
      ),
    );
    const before = outsideFiles().map((n) => [n, fs.readFileSync(path.join(outside, n)).toString('base64')]);
    const t = capture();
    expect(await templates(ws, { upgrade: true }, t)).toBe(1);
    expect(outsideFiles().map((n) => [n, fs.readFileSync(path.join(outside, n)).toString('base64')])).toEqual(before);
    expect(t.errors.find((l) => l.startsWith('Xã Thử L01 (L01):'))).toContain('ra ngoài thư mục làm việc');
    expect(t.errors.find((l) => l.startsWith('Xã Thử L02 (L02):'))).toContain('đường dẫn tuyệt đối');
    expect(t.lines.join('\n')).toContain('Xã Thử L03 (L03): đã nâng cấp biểu mẫu');
  });
});
