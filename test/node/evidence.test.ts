// Evidence paths in `Minh chứng`, offline, on real files: a path relative to the unit file's folder
// that exists is evidence; one that does not is reported by `dvcq validate` (a Lỗi when it is the
// only evidence of a criterion that requires it, and the unit is then not classified); a path out
// of the folder is refused even when the file is there.
import fs from 'node:fs';
import path from 'node:path';
import { templates } from '../../src/node/commands/templates';
import { validate } from '../../src/node/commands/validate';
import { rank } from '../../src/node/commands/rank';
import { submit } from '../../src/node/commands/submit';
import type { Finding } from '../../src/core/types';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, rowsOf, removeTmpDirs, text, tmpDir, typeScores } from './helpers';
import { CaseUnit, scoresOf, setupWorkspace } from './case';

afterAll(removeTmpDirs);

const full = { '1.1': 15, '1.2': 20, '2': 50 };
const UNITS: CaseUnit[] = [
  { code: 'E01', name: 'Xã Có Tệp', group: 'Cụm 1', self: full },
  { code: 'E02', name: 'Xã Thiếu Tệp', group: 'Cụm 1', self: full },
  { code: 'E03', name: 'Xã Có Văn Bản', group: 'Cụm 1', self: full },
  { code: 'E04', name: 'Xã Ra Ngoài', group: 'Cụm 1', self: full },
];

let ws = '';
let findings: Finding[] = [];
let levels: Record<string, string> = {};
const files: Record<string, string> = {};

beforeAll(async () => {
  ws = tmpDir();
  await setupWorkspace(ws, UNITS);
  await editBook(controlPath(ws), (wb) => {
    // Criterion 1.1 requires evidence.
    const s = wb.getWorksheet('Tiêu chí')!;
    const h = header(s, ['Mã', 'Bắt buộc minh chứng']);
    for (let r = h.row + 1; r <= s.rowCount; r++) {
      if (text(s.getRow(r).getCell(h.col('Mã')).value) === '1.1') s.getRow(r).getCell(h.col('Bắt buộc minh chứng')).value = 'Có';
    }
  });
  expect(await templates(ws, {}, capture())).toBe(0);
  const rows = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Liên kết']);
  for (const r of rows) files[text(r['Mã đơn vị'])] = path.join(ws, text(r['Liên kết']));

  // The evidence beside the files of Cụm 1, and a file in another group's folder.
  const folder = path.dirname(files.E01);
  fs.mkdirSync(path.join(folder, 'minh-chung'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'minh-chung', 'ke-hoach-12.pdf'), '%PDF-1.4\n');
  const other = path.join(path.dirname(folder), 'Cụm 2');
  fs.mkdirSync(other, { recursive: true });
  fs.writeFileSync(path.join(other, 'bao-cao.pdf'), '%PDF-1.4\n');

  const evidence: Record<string, Record<string, string>> = {
    E01: { '1.1': 'minh-chung/ke-hoach-12.pdf' },
    E02: { '1.1': 'minh-chung/khong-co.pdf' },
    E03: { '1.1': 'Kế hoạch số 12/KH-UBND\nminh-chung/thieu.pdf', '1.2': 'minh-chung/ke-hoach-12.pdf; anh/hop.jpg' },
    E04: { '1.1': '../Cụm 2/bao-cao.pdf' },
  };
  for (const u of UNITS) {
    const values = scoresOf(u);
    for (const [code, v] of Object.entries(evidence[u.code])) values[code] = { ...values[code], 'Minh chứng': v };
    await typeScores(files[u.code], values);
  }
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Đơn vị')!;
    const h = header(s, ['Mã đơn vị', 'Trạng thái']);
    for (let r = h.row + 1; r <= s.rowCount; r++) s.getRow(r).getCell(h.col('Trạng thái')).value = 'Đã nộp';
  });

  const ctx = capture();
  await validate(ws, { json: true }, ctx);
  findings = (JSON.parse(ctx.lines[0]) as Finding[]).filter((f) => f.code?.startsWith('evidence') || f.code === 'missing-evidence');
  expect(await rank(ws, {}, capture())).toBe(0);
  const results = rowsOf((await openBook(controlPath(ws))).getWorksheet('Kết quả')!, ['Mã đơn vị', 'Xếp loại']);
  levels = Object.fromEntries(results.map((r) => [text(r['Mã đơn vị']), text(r['Xếp loại'])]));
});

const of = (code: string) => findings.filter((f) => f.unitCode === code).map((f) => `${f.severity} ${f.code} ${f.criterion} ${f.cell}`);

test('a path that exists beside the unit file is evidence: no finding, the unit is classified', () => {
  expect(of('E01')).toEqual([]);
  expect(levels.E01).not.toBe('Không xếp loại');
});

test('the only evidence of a required criterion is a missing file: a Lỗi naming unit, cell, criterion and path; not classified', () => {
  expect(of('E02')).toEqual(['Lỗi evidence-not-found 1.1 F9']);
  const m = findings.find((f) => f.unitCode === 'E02')!.message;
  expect(m).toMatch(/^Xã Thiếu Tệp \(E02\), tiêu chí 1\.1, ô F9: không tìm thấy tệp minh chứng «minh-chung\/khong-co\.pdf»/);
  expect(m).toContain('vẫn coi là chưa có minh chứng');
  expect(levels.E02).toBe('Không xếp loại');
});

test('a missing file beside other evidence, or on a criterion without the requirement, is a Cảnh báo', () => {
  expect(of('E03')).toEqual(['Cảnh báo evidence-not-found 1.1 F9', 'Cảnh báo evidence-not-found 1.2 F10']);
  expect(findings.find((f) => f.unitCode === 'E03' && f.criterion === '1.2')!.message).toContain('«anh/hop.jpg»');
  expect(levels.E03).not.toBe('Không xếp loại');
});

test('a path leading out of the unit folder is refused although the file exists there', () => {
  expect(fs.existsSync(path.join(path.dirname(files.E04), '..', 'Cụm 2', 'bao-cao.pdf'))).toBe(true);
  expect(of('E04')).toEqual(['Lỗi evidence-outside 1.1 F9']);
  expect(findings.find((f) => f.unitCode === 'E04')!.message).toContain(
    '«../Cụm 2/bao-cao.pdf» trỏ ra ngoài thư mục chứa biểu mẫu của đơn vị',
  );
});

test('submit refuses the unit while the file is missing, and accepts it once the file is put in place', async () => {
  await editBook(controlPath(ws), (wb) => {
    const s = wb.getWorksheet('Đơn vị')!;
    const h = header(s, ['Mã đơn vị', 'Trạng thái']);
    for (let r = h.row + 1; r <= s.rowCount; r++) {
      if (text(s.getRow(r).getCell(h.col('Mã đơn vị')).value) === 'E02') s.getRow(r).getCell(h.col('Trạng thái')).value = 'Đang chấm';
    }
  });
  const refused = capture();
  expect(await submit(ws, ['E02'], refused)).not.toBe(0);
  expect(refused.text()).toContain('không tìm thấy tệp minh chứng «minh-chung/khong-co.pdf»');
  fs.writeFileSync(path.join(path.dirname(files.E02), 'minh-chung', 'khong-co.pdf'), '%PDF-1.4\n');
  expect(await submit(ws, ['E02'], capture())).toBe(0);
});
