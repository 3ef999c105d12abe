// The default sample: the province of Quảng Ngãi after the 2025 reform (two levels, no district).
// `dvcq demo` runs it; its documents speak of the province, and «so với năm trước» compares each
// merged commune with the mean of the old communes of `Sắp xếp đơn vị`.
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { main } from '../../src/node/cli';
import { documentPaths } from '../../src/node/workspace';
import { PROVINCE_GROUPS } from '../../src/core/sample-province';
import { capture, openBook, removeTmpDirs, rowsOf, text, tmpDir } from './helpers';

afterAll(removeTmpDirs);

const paragraphs = (file: string) =>
  new PizZip(fs.readFileSync(file))
    .file('word/document.xml')!
    .asText()
    .split('</w:p>')
    .map((p) => p.replace(/<[^>]+>/g, ''))
    .filter(Boolean);

describe('demo on the default sample (province after the reform)', () => {
  const ws = path.join(tmpDir(), 'qn');
  const ctx = capture();
  beforeAll(async () => {
    expect(await main(['demo', ws], ctx)).toBe(0);
  });

  it('runs the province sample and says the names are partly illustrative', () => {
    expect(ctx.lines.join('\n')).toContain('Dữ liệu mẫu tỉnh Quảng Ngãi năm 2025, sau sắp xếp');
    expect(ctx.lines.join('\n')).toContain('chỉ để minh họa');
  });

  it('has communes, wards and the special zone in emulation clusters, and the departments apart', async () => {
    const wb = await openBook(path.join(ws, 'dieu-khien.xlsx'));
    const units = rowsOf(wb.getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Nhóm', 'Bộ tiêu chí']);
    const types = new Set(units.map((u) => text(u['Loại'])));
    expect([...types].sort()).toEqual(['phường', 'sở, ban, ngành', 'xã', 'đặc khu']);
    expect(units.some((u) => /huyện|thị trấn/i.test(text(u['Tên đơn vị'])))).toBe(false);
    expect(new Set(units.map((u) => text(u['Nhóm'])))).toEqual(new Set(Object.values(PROVINCE_GROUPS)));
    expect(new Set(units.filter((u) => text(u['Loại']) === 'sở, ban, ngành').map((u) => text(u['Bộ tiêu chí'])))).toEqual(
      new Set(['Cơ quan chuyên môn']),
    );
    expect(new Set(units.filter((u) => text(u['Loại']) !== 'sở, ban, ngành').map((u) => text(u['Bộ tiêu chí'])))).toEqual(
      new Set(['UBND cấp xã']),
    );
    const merges = rowsOf(wb.getWorksheet('Sắp xếp đơn vị')!, ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cũ', 'Tên đơn vị cũ']);
    const binhSon = merges.filter((m) => text(m['Tên đơn vị']) === 'Xã Bình Sơn').map((m) => text(m['Tên đơn vị cũ']));
    expect(binhSon).toContain('Thị trấn Châu Ổ');
    expect(binhSon).toHaveLength(7);
  });

  it('writes the report and the decision of the province, comparing merged units by the stated rule', () => {
    const docs = documentPaths(ws, 2025, true); // two units late: drafts
    const report = paragraphs(docs.report);
    const decision = paragraphs(docs.decision);
    for (const doc of [report, decision]) {
      expect(doc[0]).toBe('DỰ THẢO');
      expect(doc.slice(0, 5)).toContain('TỈNH QUẢNG NGÃI');
      expect(doc.some((p) => /huyện/i.test(p))).toBe(false);
    }
    const comparison = report.find((p) => p.startsWith('So với năm 2024'))!;
    expect(comparison).toContain(
      'Đối với đơn vị hình thành sau sắp xếp đơn vị hành chính, kết quả năm 2024 được tính bằng bình quân tổng điểm của các đơn vị cũ hợp thành',
    );
    expect(decision).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI');
    expect(decision).toContain('Theo đề nghị của Giám đốc Sở Nội vụ.');
    // The Chủ tịch's decision, signed by a vice-chair: never «TM.»; the report is the collective body's.
    expect(decision).toContain('KT. CHỦ TỊCH');
    expect(decision.some((p) => p.startsWith('TM.'))).toBe(false);
    expect(report).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(decision.find((p) => p.startsWith('Điều 3.'))).toContain('Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu');
  });
});
