// The Vietnamese guide to every placeholder a template may use, generated from PLACEHOLDERS (so
// it cannot drift): the sheet «Hướng dẫn mẫu» of the control workbook, and docs/mau-van-ban.md
// (printed by `dvcq template guide`; test/docs/guide.test.ts checks the file is up to date).
import {
  HEADING_PREFIX,
  NARRATIVE_FIELDS,
  NARRATIVE_ITEMS,
  PARAGRAPHS_PREFIX,
  PLACEHOLDERS,
  PlaceholderDoc,
  REQUIRED_PLACEHOLDERS,
  SECTION_ITEMS,
} from './report-model';
import type { Grid } from './types';
import { RESULTS_MARKER } from './outline';

const NARRATIVE_EXAMPLE = 'Năm 2024, UBND huyện ban hành Kế hoạch số 45/KH-UBND …';

/** An example value of each placeholder (what the sample district prints). */
export const PLACEHOLDER_EXAMPLES: Record<string, string> = {
  co_quan_chu_quan: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
  co_quan_ban_hanh: 'ỦY BAN NHÂN DÂN / HUYỆN BÌNH SƠN',
  dong_co_quan_ban_hanh: 'ỦY BAN NHÂN DÂN | HUYỆN BÌNH SƠN (hai dòng)',
  so_ky_hieu: 'Số: 285/BC-UBND',
  dia_danh_ngay: 'Bình Sơn, ngày 18 tháng 12 năm 2024',
  ngay_van_ban: 'ngày 18 tháng 12 năm 2024',
  nam: '2024',
  nam_sau: '2025',
  nam_truoc: '2023',
  tinh: 'Quảng Ngãi',
  dia_ban: 'huyện Bình Sơn',
  ten_co_quan: 'Ủy ban nhân dân huyện Bình Sơn',
  so_don_vi: '33',
  so_da_nop: '32',
  so_chua_nop: '1',
  so_xep_loai: '30',
  so_khong_xep_loai: '3',
  so_htxs: '8',
  ty_le_htxs: '26,67%',
  ket_qua_xep_loai: 'Kết quả: trong số 30 đơn vị được xếp loại, có 8 đơn vị đạt mức Hoàn thành xuất sắc nhiệm vụ (chiếm 26,67%); …',
  khong_che_muc: 'Có 1 đơn vị thuộc trường hợp khống chế mức xếp loại: Xã Bình Châu (…).',
  so_sanh_nam_truoc: 'So với năm 2023: mức Hoàn thành xuất sắc nhiệm vụ tăng 2 đơn vị (từ 6 lên 8); …',
  ky_tham_quyen: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH',
  dong_ky_tham_quyen: 'TM. ỦY BAN NHÂN DÂN | KT. CHỦ TỊCH (mỗi dòng một phần tử)',
  ky_chuc_vu: 'PHÓ CHỦ TỊCH',
  ky_ho_ten: 'Nguyễn Văn Mẫu',
  kinh_gui: 'Sở Nội vụ tỉnh Quảng Ngãi',
  mo_dau:
    'Thực hiện Công văn số 2150/SNV-XDCQ ngày 01/11/2024 của Sở Nội vụ tỉnh Quảng Ngãi …, Ủy ban nhân dân huyện Bình Sơn báo cáo … như sau:',
  noi_dung:
    'I. TÌNH HÌNH CHUNG | Năm 2024, … | II. KẾT QUẢ TRIỂN KHAI, THỰC HIỆN | 1. Công tác lãnh đạo, chỉ đạo … | 2. Kết quả đánh giá, phân loại …',
  noi_dung_tiep: '3. Công tác tiếp công dân, … | Đã tiếp 412 lượt công dân … | III. ĐÁNH GIÁ CHUNG | …',
  kem_theo_bao_cao: '(Kèm theo Báo cáo số 285/BC-UBND ngày 18 tháng 12 năm 2024 của Ủy ban nhân dân huyện Bình Sơn)',
  du_thao: 'DỰ THẢO',
  ghi_chu_du_thao: '(Bản dự thảo, số liệu chưa chính thức: còn 1 đơn vị chưa nộp hồ sơ tự chấm điểm)',
  so_lieu_tcd: '59/63 vụ việc, chiếm tỷ lệ 93,65% (so_lieu_tcd_tu_so: 59; so_lieu_tcd_mau_so: 63; so_lieu_tcd_ty_le: 93,65%)',
  ket_qua_cac_nam: '2023 | Hoàn thành tốt nhiệm vụ | 25 | 75,76%',
  ket_qua_nhom: '- Khối xã, thị trấn: có 22 đơn vị; trong số 20 đơn vị được xếp loại có …',
  noi_nhan: '- Như trên; | - Ban Dân vận Huyện ủy; | - Lưu: VT, NV.',
  tham_quyen_qd: 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN',
  trich_yeu: 'Về việc công nhận kết quả đánh giá, phân loại công tác dân vận năm 2024',
  dieu_1: 'Công nhận kết quả đánh giá, phân loại công tác dân vận năm 2024 đối với 33 cơ quan, đơn vị, địa phương …',
  dieu_2: 'Kết quả đánh giá, phân loại công tác dân vận năm 2024 tại Điều 1 là căn cứ để xét thi đua, khen thưởng …',
  dieu_3: 'Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ huyện, … chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.',
  kem_theo: '(Kèm theo Quyết định số 1520/QĐ-UBND ngày 20 tháng 12 năm 2024 của Chủ tịch Ủy ban nhân dân huyện Bình Sơn)',
  can_cu: 'Căn cứ Luật Tổ chức chính quyền địa phương …; | Theo đề nghị của Trưởng phòng Nội vụ huyện.',
  xep_hang: '1 | Thị trấn Châu Ổ | Khối xã, thị trấn | 98,25 | Hoàn thành xuất sắc nhiệm vụ | 1',
  ty_le: 'Hoàn thành xuất sắc nhiệm vụ | 8 | 26,67%',
  khong_xep_loai: '1 | Xã Bình Long | Chưa nộp hồ sơ tự chấm điểm',
  phu_luc: '1 | Thị trấn Châu Ổ | 98,25 | — | Hoàn thành xuất sắc nhiệm vụ | (ghi chú)',
  tham_dinh_khac: '1 | Xã Bình Dương | X1.1. Ban hành kế hoạch … | 3,5 | 2,5 | Kế hoạch chưa có chữ ký',
  ten_bang_tham_dinh: 'CÁC TIÊU CHÍ CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ CHẤM',
  cau_tham_dinh: 'Qua thẩm định, có 7 tiêu chí của 4 đơn vị có điểm thẩm định khác điểm tự chấm (chi tiết tại …).',
};
for (const s of SECTION_ITEMS) {
  PLACEHOLDER_EXAMPLES[s.field] = NARRATIVE_EXAMPLE;
  PLACEHOLDER_EXAMPLES[PARAGRAPHS_PREFIX + s.field] = `${NARRATIVE_EXAMPLE} (mỗi đoạn một phần tử)`;
  PLACEHOLDER_EXAMPLES[HEADING_PREFIX + s.field] = `3. ${s.heading}`;
}
for (const title of NARRATIVE_ITEMS) {
  PLACEHOLDER_EXAMPLES[NARRATIVE_FIELDS[title]] = NARRATIVE_EXAMPLE;
  PLACEHOLDER_EXAMPLES[PARAGRAPHS_PREFIX + NARRATIVE_FIELDS[title]] = `${NARRATIVE_EXAMPLE} (mỗi đoạn một phần tử)`;
}

const KIND: Record<PlaceholderDoc['kind'], string> = { field: 'Trường', list: 'Danh sách', table: 'Bảng', outline: 'Dàn ý' };
const DOC: Record<PlaceholderDoc['doc'], string> = { report: 'Báo cáo', decision: 'Quyết định', both: 'Báo cáo, quyết định' };

/** How to write the placeholder in a Word template (docxtemplater) and in a Google Docs one. */
export function placeholderUsage(p: Pick<PlaceholderDoc, 'name' | 'kind'>): { word: string; google: string } {
  const n = p.name;
  if (p.kind === 'field') return { word: `{{${n}}}`, google: `{{${n}}}` };
  if (p.kind === 'outline')
    return {
      word:
        `{{#${n}}} … {{/${n}}} ở hai đoạn riêng; giữa chúng, mỗi kiểu đoạn một đoạn riêng bọc trong điều kiện: ` +
        `{{#cap_1}}{{dong}}{{/cap_1}} (tiêu đề cấp 1), {{#cap_2}}{{dong}}{{/cap_2}}, {{#cap_3}}{{dong}}{{/cap_3}}, {{#doan}}{{dong}}{{/doan}} (đoạn nội dung); định dạng từng đoạn (đậm, nghiêng) theo ý muốn`,
      google: `{{${n}}} đứng riêng một đoạn: mỗi tiêu đề, mỗi đoạn một dòng; tiêu đề cấp 1, 2 in đậm, cấp 3 in nghiêng`,
    };
  if (p.kind === 'list')
    return {
      word: `{{#${n}}}{{.}}{{/${n}}} — đặt {{#${n}}} và {{/${n}}} ở hai đoạn riêng để mỗi phần tử thành một đoạn`,
      google: `{{${n}}} đứng riêng một đoạn: mỗi phần tử một dòng`,
    };
  return {
    word: `một bảng có dòng tiêu đề và một dòng dữ liệu: ô đầu ghi {{#${n}}}{{c0}}, các ô sau {{c1}}, {{c2}}…, ô cuối thêm {{/${n}}}`,
    google: `{{${n}}} đứng riêng một đoạn trong thân văn bản (không đặt trong bảng): công cụ chèn cả bảng`,
  };
}

export const GUIDE_HEADER = [
  'Chỗ đánh dấu',
  'Loại',
  'Dùng trong',
  'Ý nghĩa',
  'Ví dụ',
  'Cách viết trong mẫu Word (.docx)',
  'Cách viết trong mẫu Google Docs',
];

/** One row per placeholder, in PLACEHOLDERS order (the sheet «Hướng dẫn mẫu»). */
export function guideGrid(): Grid {
  return [
    GUIDE_HEADER,
    ...PLACEHOLDERS.map((p) => {
      const use = placeholderUsage(p);
      return [p.name, KIND[p.kind], DOC[p.doc], p.description, PLACEHOLDER_EXAMPLES[p.name] ?? '', use.word, use.google];
    }),
  ];
}

/** The guide as Markdown (docs/mau-van-ban.md). */
export function guideMarkdown(): string {
  const lines = [
    '# Hướng dẫn chỗ đánh dấu trong mẫu báo cáo và mẫu quyết định',
    '',
    '<!-- Tệp này do `dvcq template guide` sinh ra từ danh sách PLACEHOLDERS (src/core/report-model.ts); đừng sửa tay. -->',
    '',
    'Mẫu văn bản là tệp Word (.docx, dùng với `dvcq report <thư mục> --template <mẫu.docx>`) hoặc tài liệu Google Docs',
    '(mã tài liệu ghi ở «Mẫu báo cáo» / «Mẫu quyết định», sheet «Cấu hình»). Công cụ thay mỗi chỗ đánh dấu `{{tên}}` bằng số liệu.',
    'Lấy mẫu mặc định để sửa: `dvcq template export <thư mục>` (bản dòng lệnh); trên Google Drive, tiện ích tạo sẵn',
    '«Mẫu báo cáo mặc định DVCQ» và «Mẫu quyết định mặc định DVCQ» trong thư mục năm.',
    '',
    `Bắt buộc: mẫu báo cáo có ${REQUIRED_PLACEHOLDERS.report.map((n) => `\`{{${n}}}\``).join(', ')}; ` +
      `mẫu quyết định có ${REQUIRED_PLACEHOLDERS.decision.map((n) => `\`{{${n}}}\``).join(', ')}.`,
    'Danh sách và bảng trong mẫu Word phải viết thành vòng lặp (`{{#tên}}…{{/tên}}`); viết `{{tên}}` trơn cho một bảng sẽ bị báo lỗi kèm cách sửa.',
    '',
    '## Sheet «Nội dung báo cáo»: dàn ý báo cáo',
    '',
    'Mỗi dòng là một mục của báo cáo, theo thứ tự in; thêm, xoá, đổi tên mục tuỳ ý.',
    '',
    '- «Cấp»: 1 = phần (I, II, III…, tiêu đề in hoa, đậm); 2 = mục (1., 2.…, đậm); 3 = tiểu mục (a), b)…, nghiêng).',
    '- «Số»: để trống thì công cụ tự đánh số theo thứ tự (số đếm lại từ đầu dưới mỗi mục cha); ghi số thì in đúng số đó và các dòng sau đếm tiếp.',
    '- «Tiêu đề»: tên mục. «Nội dung»: các đoạn văn của mục, mỗi đoạn một dòng (xuống dòng trong ô); được dùng chỗ đánh dấu ' +
      'như `{{nam}}`, `{{so_lieu_tcd}}`. Mục không có nội dung và không có mục con thì in dòng nhắc nhập nội dung.',
    `- Dòng có «Nội dung» là \`${RESULTS_MARKER}\` (một đoạn riêng) là chỗ công cụ in phần của mình: câu kết quả đánh giá, phân loại, ` +
      'câu so sánh với năm trước và các bảng (tỷ lệ theo mức, đơn vị không xếp loại, kết quả chấm điểm hằng năm). Chỉ dùng một lần; ' +
      'nếu không có dòng nào như vậy, phần này in sau mục cuối cùng.',
    '- Dòng sai (Cấp không phải 1–3, mục cấp 3 không nằm dưới mục cấp 2, có nội dung mà không có tiêu đề, đánh dấu kết quả hai lần) ' +
      'được báo ở sheet «Kiểm tra» kèm số dòng.',
    '- Bảng điều khiển tạo trước đây có sheet hai cột «Mục», «Nội dung» vẫn dùng được: các mục cũ được in theo dàn ý mặc định.',
    '',
  ];
  for (const p of PLACEHOLDERS) {
    const use = placeholderUsage(p);
    lines.push(
      `## \`{{${p.name}}}\``,
      '',
      `- Loại: ${KIND[p.kind]}; dùng trong: ${DOC[p.doc]}.`,
      `- Ý nghĩa: ${p.description}.`.replace(/\.\.$/, '.'),
      `- Ví dụ: ${PLACEHOLDER_EXAMPLES[p.name] ?? ''}`,
      `- Mẫu Word: ${use.word}`,
      `- Mẫu Google Docs: ${use.google}`,
      '',
    );
  }
  return lines.join('\n');
}
