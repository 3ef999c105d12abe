// `report` (documents kept, never overwritten; a user template lacking a placeholder refused) and
// `demo` (every output file, and its `Kết quả` agrees with `rank --json`).
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import PizZip from 'pizzip';
import { demo } from '../../src/node/commands/demo';
import { report } from '../../src/node/commands/report';
import { rank } from '../../src/node/commands/rank';
import { controlPath, documentPaths } from '../../src/node/workspace';
import { UserError } from '../../src/node/errors';
import { capture, openBook, rowsOf, removeTmpDirs, text, tmpDir, xlsxFiles } from './helpers';

afterAll(removeTmpDirs);

const docText = (file: string) =>
  new PizZip(fs.readFileSync(file))
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');

describe('demo', () => {
  const dir = path.join(tmpDir(), 'demo');
  const ctx = capture();
  beforeAll(async () => {
    expect(await demo(dir, 'binh-son-2024', ctx)).toBe(0);
  });

  test('prints a short summary and the output paths', () => {
    const out = ctx.lines.join('\n');
    expect(out).toContain('Đơn vị: 33; đã nộp: 32; được xếp loại: 30; không xếp loại: 3.');
    expect(out).toMatch(
      /Hoàn thành xuất sắc nhiệm vụ: \d+; Hoàn thành tốt nhiệm vụ: \d+; Hoàn thành nhiệm vụ: \d+; Không hoàn thành nhiệm vụ: \d+\./,
    );
    expect(out).toContain('Kiểm tra dữ liệu: 3 phát hiện (2 lỗi, 1 cảnh báo)');
    const docs = documentPaths(dir, 2024, true);
    for (const p of [controlPath(dir), docs.report, docs.decision]) {
      expect(out).toContain(p);
      expect(fs.existsSync(p)).toBe(true);
    }
  });

  test('creates the 33 unit workbooks and fills `Kết quả` and `Kiểm tra`', async () => {
    expect(xlsxFiles(path.join(dir, 'Dân vận chính quyền 2024'))).toHaveLength(33);
    const wb = await openBook(controlPath(dir));
    expect(rowsOf(wb.getWorksheet('Kết quả')!, ['Thứ hạng', 'Mã đơn vị'])).toHaveLength(33);
    const findings = rowsOf(wb.getWorksheet('Kiểm tra')!, ['Mức độ', 'Mã đơn vị', 'Nội dung']);
    // The demo accepts the sample's submissions on the day it runs, after the sample's deadline
    // (15/11/2024): each of the 32 submitted units is flagged late (a warning, no gate by default).
    const late = findings.filter((f) => text(f['Nội dung']).includes('sau hạn nộp 15/11/2024'));
    expect(late).toHaveLength(32);
    expect(late.every((f) => f['Mức độ'] === 'Cảnh báo')).toBe(true);
    expect(findings.filter((f) => !late.includes(f)).map((f) => f['Mã đơn vị'])).toEqual(['BS-P04', 'BS-X15', 'BS-X20']);
    const units = rowsOf(wb.getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Liên kết']);
    for (const u of units) expect(fs.existsSync(path.join(dir, text(u['Liên kết'])))).toBe(true);
  });

  test('the report holds the numbers', () => {
    const text = docText(documentPaths(dir, 2024, true).report);
    expect(text).toContain('Thị trấn Châu Ổ');
    expect(text).toContain('98,25');
  });

  test('its `Kết quả` agrees with rank --json', async () => {
    const before = rowsOf((await openBook(controlPath(dir))).getWorksheet('Kết quả')!, ['Thứ hạng', 'Mã đơn vị', 'Tổng điểm', 'Xếp loại']);
    const r = capture();
    expect(await rank(dir, { json: true }, r)).toBe(0);
    const got = JSON.parse(r.lines[0]) as Array<{
      code: string;
      rank: number | null;
      total: number;
      level: string | null;
      classified: boolean;
    }>;
    expect(before.map((x) => [x['Mã đơn vị'], x['Thứ hạng'], x['Tổng điểm'], x['Xếp loại']])).toEqual(
      got.map((g) => [g.code, g.rank, g.classified ? g.total : null, g.level ?? 'Không xếp loại']),
    );
  });

  test('report again: the earlier documents are kept under a dated name', async () => {
    const again = capture(new Date(2024, 11, 2, 16, 45));
    expect(await report(dir, {}, again)).toBe(0);
    const docs = documentPaths(dir, 2024, true);
    const kept = docs.report.replace(/\.docx$/, ' (cũ 2024-12-02-1645).docx');
    expect(fs.existsSync(kept)).toBe(true);
    expect(fs.existsSync(docs.decision.replace(/\.docx$/, ' (cũ 2024-12-02-1645).docx'))).toBe(true);
    expect(again.lines.join('\n')).toContain(`Bản trước được giữ lại: ${kept}`);
  });

  test('the demo documents are drafts: «DỰ THẢO» on top and in the file name', () => {
    const docs = documentPaths(dir, 2024, true);
    expect(path.basename(docs.report)).toBe('Báo cáo dân vận chính quyền 2024 - DỰ THẢO.docx');
    expect(path.basename(docs.decision)).toBe('Quyết định xếp loại dân vận chính quyền 2024 - DỰ THẢO.docx');
    for (const f of [docs.report, docs.decision])
      expect(docText(f).startsWith('DỰ THẢO(Bản dự thảo, số liệu chưa chính thức: còn ')).toBe(true);
  });

  test('report --final refuses while units are in the way, names them, and writes no final document', async () => {
    const run = report(dir, { final: true }, capture());
    await expect(run).rejects.toThrow(UserError);
    const message = await report(dir, { final: true }, capture()).catch((e: Error) => e.message);
    expect(message).toContain('Chưa tạo được bản chính thức');
    expect(message).toMatch(/ {2}- .+ \(BS-[A-Z0-9]+\): Chưa nộp hồ sơ tự chấm điểm/);
    expect(message).toMatch(/ {2}- .+ \(BS-[A-Z0-9]+\): Hồ sơ chấm điểm chưa hợp lệ/);
    const final = documentPaths(dir, 2024, false);
    expect(fs.existsSync(final.report)).toBe(false);
    expect(fs.existsSync(final.decision)).toBe(false);
  });

  test('a user template lacking a required placeholder is refused, naming it', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Báo cáo năm {{nam}} — {{dia_danh_ngay}}')] }] });
    const tpl = path.join(tmpDir(), 'mau.docx');
    fs.writeFileSync(tpl, await Packer.toBuffer(doc));
    await expect(report(dir, { template: tpl }, capture())).rejects.toThrow(UserError);
    await expect(report(dir, { template: tpl }, capture())).rejects.toThrow(/Mẫu báo cáo thiếu trường \{\{xep_hang\}\}/);
  });

  test('demo again replaces its own output; a folder with other data is refused', async () => {
    expect(await demo(dir, 'binh-son-2024', capture())).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'Dân vận chính quyền 2024')).filter((f) => f.includes('(cũ'))).toEqual([]);
    const other = tmpDir();
    fs.writeFileSync(path.join(other, 'của-tôi.txt'), 'dữ liệu');
    await expect(demo(other, 'binh-son-2024', capture())).rejects.toThrow(/đã có dữ liệu không phải của bản chạy thử/);
    expect(fs.existsSync(path.join(other, 'của-tôi.txt'))).toBe(true);
  });
});
