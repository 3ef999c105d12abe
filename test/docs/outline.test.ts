// The outline of `Nội dung báo cáo` printed by the default Word template: headings in order with
// their numbers, bold (levels 1, 2) or italic (level 3), the texts, a section the user added, and
// the tool's results where the {{ket_qua_danh_gia}} row stands.
import { writeReportDocx } from '../../src/node/docx';
import { defaultOutline } from '../../src/core/outline';
import { paragraphs, partXml, xmlText } from './helpers/docx-read';
import { sampleInput } from './helpers/sample';

/** The <w:p> whose text is exactly `text`. */
function paraXml(xml: string, text: string): string {
  const all = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  const found = all.find((p) => xmlText(p).trim() === text);
  if (!found) throw new Error(`no paragraph «${text}»`);
  return found;
}
const isBold = (p: string) => /<w:r>(?:(?!<\/w:r>)[\s\S])*<w:b\/>/.test(p);
const isItalic = (p: string) => /<w:r>(?:(?!<\/w:r>)[\s\S])*<w:i\/>/.test(p);

describe('report .docx: the outline', () => {
  let xml: string;

  beforeAll(async () => {
    const input = sampleInput();
    const rows = defaultOutline().filter((r) => !r.heading.startsWith('Công tác cải cách') && !r.heading.startsWith('Thực hiện dân chủ'));
    const at = (h: string) => rows.findIndex((r) => r.heading.startsWith(h));
    rows[at('Tình hình chung')].text = 'Bình Sơn là huyện ven biển.\nToàn huyện có 22 xã, thị trấn.';
    rows[at('Công tác tiếp công dân')].text = '';
    rows.splice(
      at('Công tác tiếp công dân') + 1,
      0,
      { level: 3, number: '', heading: 'Cấp huyện', text: 'Đã tiếp 412 lượt công dân.' },
      { level: 3, number: '', heading: 'Cấp xã', text: 'Đã giải quyết {{so_lieu_kntc}}.' },
    );
    // A section of the user's own after II.8 (here the 6th sub-section: two optional ones were deleted).
    rows.splice(at('Đánh giá chung'), 0, { level: 2, number: '9', heading: 'Chuyển đổi số', text: 'Triển khai ứng dụng VNeID.' });
    input.outline = rows;
    input.indicators = [{ code: 'KNTC', name: 'Giải quyết', numerator: 59, denominator: 63, unit: 'vụ việc', problem: '' }];
    xml = partXml(await writeReportDocx(input));
  });

  it('prints the headings in order, numbered, with the results under II.2 and the added II.9', () => {
    const paras = paragraphs(xml);
    const order = [
      'I. TÌNH HÌNH CHUNG',
      'Bình Sơn là huyện ven biển.',
      'Toàn huyện có 22 xã, thị trấn.',
      'II. KẾT QUẢ TRIỂN KHAI, THỰC HIỆN',
      '1. Công tác lãnh đạo, chỉ đạo triển khai thực hiện',
      '2. Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024',
      'Kết quả xếp hạng từng đơn vị được xếp loại tại Phụ lục kèm theo Báo cáo này.',
      '3. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh',
      'a) Cấp huyện',
      'Đã tiếp 412 lượt công dân.',
      'b) Cấp xã',
      'Đã giải quyết 59/63 vụ việc, chiếm tỷ lệ 93,65%.',
      '4. Xây dựng, nhân rộng mô hình, điển hình “Dân vận khéo”',
      '6. Tập huấn, bồi dưỡng kiến thức, kỹ năng công tác dân vận cho cán bộ, công chức, viên chức',
      '9. Chuyển đổi số',
      'Triển khai ứng dụng VNeID.',
      'III. ĐÁNH GIÁ CHUNG',
      '1. Kết quả đạt được',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2025',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ].map((t) => paras.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The results of the assessment sit between II.2 and II.3.
    const results = paras.findIndex((p) => p.startsWith('Năm 2024, trên địa bàn huyện Bình Sơn có'));
    expect(results).toBeGreaterThan(order[5]);
    expect(results).toBeLessThan(order[7]);
    // No tag of the template is left.
    expect(paras.join('\n')).not.toMatch(/\{\{|\}\}/);
  });

  it('bold for levels 1 and 2, italic for level 3, plain body text', () => {
    expect(isBold(paraXml(xml, 'I. TÌNH HÌNH CHUNG'))).toBe(true);
    expect(isItalic(paraXml(xml, 'I. TÌNH HÌNH CHUNG'))).toBe(false);
    expect(isBold(paraXml(xml, '9. Chuyển đổi số'))).toBe(true);
    expect(isItalic(paraXml(xml, 'a) Cấp huyện'))).toBe(true);
    expect(isBold(paraXml(xml, 'a) Cấp huyện'))).toBe(false);
    const body = paraXml(xml, 'Triển khai ứng dụng VNeID.');
    expect(isBold(body) || isItalic(body)).toBe(false);
    expect(body).toContain('w:firstLine');
  });

  it('marks a section left without text', () => {
    const paras = paragraphs(xml);
    const head = paras.indexOf('V. ĐỀ XUẤT, KIẾN NGHỊ');
    expect(paras[head + 1]).toBe('[Nội dung «Đề xuất, kiến nghị» — nhập tại sheet «Nội dung báo cáo» rồi tạo lại báo cáo]');
  });
});
