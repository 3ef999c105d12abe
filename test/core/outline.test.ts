// `Nội dung báo cáo` as an outline: rows read with findings naming the row, numbering, the
// results marker, and old key/text workbooks read into the same outline.
import { checkOutline, defaultOutline, fromNarrative, outlineParagraphs, OutlineRow, readOutline } from '../../src/core/outline';
import { buildReportModel } from '../../src/core/report-model';
import { sampleInput } from '../docs/helpers/sample';

const H = ['Cấp', 'Số', 'Tiêu đề', 'Nội dung'];
const same = (s: string) => s;
const missing = (h: string) => `[thiếu ${h}]`;

describe('readOutline', () => {
  it('reads level, number, heading and text, and names each bad row', () => {
    const r = readOutline([
      H,
      [1, '', 'Tình hình chung', 'Một.'],
      [3, '', 'Tiểu mục mồ côi', 'Hai.'],
      ['bốn', '', 'Sai cấp', 'Ba.'],
      [2, '', '', 'Không tiêu đề.'],
      [2, '', 'Kết quả', '{{ket_qua_danh_gia}}'],
      [2, '', 'Lần hai', '{{ket_qua_danh_gia}}'],
      [null, null, null, null],
    ]);
    expect(r.outline?.map((x) => [x.level, x.heading, x.row])).toEqual([
      [1, 'Tình hình chung', 2],
      [3, 'Tiểu mục mồ côi', 3],
      [2, '', 5],
      [2, 'Kết quả', 6],
      [2, 'Lần hai', 7],
    ]);
    const byCode = Object.fromEntries(r.findings.map((f) => [f.code, f.message]));
    expect(byCode['outline-level']).toBe(
      'Sheet «Nội dung báo cáo», dòng 4: «Cấp» phải là 1 (phần I, II, III…), 2 (mục 1., 2.…) hoặc 3 (tiểu mục a), b)…), không phải «bốn»; dòng này không được in.',
    );
    expect(byCode['outline-orphan']).toContain('dòng 3: mục cấp 3 «Tiểu mục mồ côi» không nằm dưới mục cấp 2 nào');
    expect(byCode['outline-no-heading']).toContain('dòng 5: có nội dung nhưng chưa có «Tiêu đề»');
    expect(byCode['outline-marker-twice']).toContain('dòng 7: {{ket_qua_danh_gia}} chỉ dùng một lần');
    expect(r.findings.every((f) => f.severity === 'Cảnh báo' && f.sheet === 'Nội dung báo cáo')).toBe(true);
  });

  it('reads an old key/text sheet («Mục», «Nội dung») as before', () => {
    const r = readOutline([
      ['Mục', 'Nội dung'],
      ['Tình hình chung', 'Cũ.'],
      ['Dân vận khéo', ''],
    ]);
    expect(r.outline).toBeNull();
    expect(r.narrative).toEqual({ 'Tình hình chung': 'Cũ.' });
    expect(r.findings).toEqual([]);
  });

  it('says when the results marker is missing', () => {
    const f = checkOutline([{ level: 1, number: '', heading: 'A', text: 'x' }]);
    expect(f.map((x) => x.code)).toEqual(['outline-no-marker']);
    expect(f[0].message).toContain('kết quả đánh giá, phân loại được in sau mục cuối cùng');
  });

  it('the default outline follows seed 002 and has no finding', () => {
    const rows = defaultOutline();
    expect(rows.map((r) => r.level + ' ' + r.heading).slice(0, 5)).toEqual([
      '1 Tình hình chung',
      '1 Kết quả triển khai, thực hiện',
      '2 Công tác lãnh đạo, chỉ đạo triển khai thực hiện',
      '2 Kết quả đánh giá, phân loại công tác dân vận chính quyền năm {{nam}}',
      '2 Công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh',
    ]);
    expect(rows.filter((r) => r.level === 1)).toHaveLength(5);
    expect(checkOutline(rows)).toEqual([]);
  });
});

describe('outlineParagraphs', () => {
  const row = (level: number, heading: string, text = '', number = ''): OutlineRow => ({ level, number, heading, text });

  it('numbers I., 1., a) automatically, restarting under each parent, and keeps a typed number', () => {
    const p = outlineParagraphs(
      [
        row(1, 'Tình hình chung', 'Một.\n\nHai.'),
        row(1, 'Kết quả'),
        row(2, 'Lãnh đạo', 'Ba.'),
        row(2, 'Tiếp dân'),
        row(3, 'Cấp huyện', 'Bốn.'),
        row(3, 'Cấp xã', 'Năm.'),
        row(2, 'Đánh giá', '{{ket_qua_danh_gia}}'),
        row(2, 'Mục riêng', 'Sáu.', '7'),
        row(2, 'Mục sau', 'Bảy.'),
        row(1, 'Đề xuất'),
      ],
      same,
      missing,
    );
    expect(p.before).toEqual([
      { level: 1, text: 'I. TÌNH HÌNH CHUNG' },
      { level: 0, text: 'Một.' },
      { level: 0, text: 'Hai.' },
      { level: 1, text: 'II. KẾT QUẢ' },
      { level: 2, text: '1. Lãnh đạo' },
      { level: 0, text: 'Ba.' },
      { level: 2, text: '2. Tiếp dân' },
      { level: 3, text: 'a) Cấp huyện' },
      { level: 0, text: 'Bốn.' },
      { level: 3, text: 'b) Cấp xã' },
      { level: 0, text: 'Năm.' },
      { level: 2, text: '3. Đánh giá' },
    ]);
    expect(p.after).toEqual([
      { level: 2, text: '7. Mục riêng' },
      { level: 0, text: 'Sáu.' },
      { level: 2, text: '8. Mục sau' },
      { level: 0, text: 'Bảy.' },
      { level: 1, text: 'III. ĐỀ XUẤT' },
      { level: 0, text: '[thiếu Đề xuất]' },
    ]);
  });
});

describe('the report model', () => {
  it('old workbooks: the texts by «Mục» print in the seed outline, optional sub-sections only with text', () => {
    const input = sampleInput();
    input.narrative['Dân vận khéo'] = 'Có 12 mô hình.';
    const m = buildReportModel(input);
    const heads = [...m.outlines!.noi_dung, ...m.outlines!.noi_dung_tiep].filter((l) => l.level > 0).map((l) => l.text);
    expect(heads).toEqual([
      'I. TÌNH HÌNH CHUNG',
      'II. KẾT QUẢ TRIỂN KHAI, THỰC HIỆN',
      '1. Công tác lãnh đạo, chỉ đạo triển khai thực hiện',
      '2. Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024',
      '3. Xây dựng, nhân rộng mô hình, điển hình “Dân vận khéo”',
      'III. ĐÁNH GIÁ CHUNG',
      '1. Kết quả đạt được',
      '2. Hạn chế, vướng mắc',
      '3. Nguyên nhân của những hạn chế, vướng mắc',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2025',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    expect(m.outlines!.noi_dung.at(-1)!.text).toBe('2. Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024');
    expect(m.outlines!.noi_dung_tiep[1]).toEqual({ level: 0, text: 'Có 12 mô hình.' });
  });

  it('the outline text may use placeholders ({{so_lieu_…}}, {{nam}}), and old per-item placeholders still get their text', () => {
    const input = sampleInput();
    input.indicators = [{ code: 'KNTC', name: 'Giải quyết', numerator: 59, denominator: 63, unit: 'vụ việc', problem: '' }];
    input.outline = [
      { level: 1, number: '', heading: 'Tình hình chung', text: 'Năm {{nam}} giải quyết {{so_lieu_kntc}}.' },
      { level: 1, number: '', heading: 'Kết quả', text: '{{ket_qua_danh_gia}}' },
    ];
    const m = buildReportModel(input);
    expect(m.outlines!.noi_dung[1].text).toBe('Năm 2024 giải quyết 59/63 vụ việc, chiếm tỷ lệ 93,65%.');
    expect(m.fields.tinh_hinh_chung).toBe('Năm 2024 giải quyết 59/63 vụ việc, chiếm tỷ lệ 93,65%.');
  });

  it('fromNarrative keeps the «(Dữ liệu mẫu)» texts of a sample', () => {
    const rows = fromNarrative({ 'Tình hình chung': '(Dữ liệu mẫu) A.' });
    expect(rows[0]).toEqual({ level: 1, number: '', heading: 'Tình hình chung', text: '(Dữ liệu mẫu) A.' });
  });
});
