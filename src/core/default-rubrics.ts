// The default rubrics (domain/rubric.json, DOMAIN §8), kept here as project data so the add-on
// and the CLI need no file at run time. Point values are reasoned defaults: the admin edits the
// `Tiêu chí` sheet, which always wins over this file.
import type { CriterionRow, Gate, Level, ScoringConfig } from './types';

/** Rubric ids as written in the `Bộ tiêu chí` column. */
export const DEFAULT_RUBRIC_IDS = {
  commune: 'UBND cấp xã',
  agency: 'Cơ quan chuyên môn',
} as const;

interface SubSpec {
  code: string;
  title: string;
  max: number;
  evidence: string[];
}
interface CriterionSpec extends SubSpec {
  subs: SubSpec[];
}
interface ExtraSpec extends SubSpec {
  kind: 'thưởng' | 'trừ';
  /** Penalties: points per case and what a case is, shown as guidance. */
  perCase?: { points: number; unit: string };
}

const sub = (code: string, title: string, max: number, evidence: string[]): SubSpec => ({ code, title, max, evidence });
const c = (code: string, title: string, max: number, evidence: string[], subs: SubSpec[]): CriterionSpec => ({
  code,
  title,
  max,
  evidence,
  subs,
});

const COMMUNE: CriterionSpec[] = [
  c(
    'X1',
    'Lãnh đạo, chỉ đạo, quán triệt và triển khai văn bản về công tác dân vận',
    10,
    ['Kế hoạch công tác dân vận năm', 'Quyết định phân công', 'Biên bản/thông báo kết luận', 'Báo cáo sơ kết/tổng kết'],
    [
      sub('X1.1', 'Ban hành kế hoạch công tác dân vận chính quyền năm (riêng hoặc lồng ghép), phân công lãnh đạo phụ trách', 4, [
        'Kế hoạch',
        'Quyết định phân công',
      ]),
      sub('X1.2', 'Quán triệt, triển khai văn bản cấp trên (Chỉ thị 33/CT-TTg, quy chế dân vận của Tỉnh ủy, chương trình phối hợp)', 3, [
        'Công văn triển khai',
        'Biên bản hội nghị',
      ]),
      sub('X1.3', 'Kiểm tra, sơ kết, tổng kết công tác dân vận', 3, ['Báo cáo sơ kết 6 tháng', 'Báo cáo tổng kết năm']),
    ],
  ),
  c(
    'X2',
    'Thực hiện nhiệm vụ chính trị, phát triển KT-XH gắn với công tác vận động Nhân dân',
    10,
    ['Nghị quyết HĐND và báo cáo kết quả', 'Báo cáo kết quả vận động (GPMB, NTM/đô thị văn minh)'],
    [
      sub('X2.1', 'Hoàn thành các chỉ tiêu KT-XH, QP-AN chủ yếu được giao', 5, ['Báo cáo KT-XH năm']),
      sub('X2.2', 'Công khai, vận động Nhân dân tham gia các chương trình, dự án trên địa bàn', 5, [
        'Kế hoạch vận động',
        'Báo cáo kết quả',
      ]),
    ],
  ),
  c(
    'X3',
    'Cải cách hành chính, thái độ phục vụ Nhân dân',
    15,
    ['Số liệu một cửa', 'Thư xin lỗi hồ sơ trễ hạn', 'Số liệu dịch vụ công trực tuyến', 'Kết quả khảo sát hài lòng'],
    [
      sub('X3.1', 'Giải quyết TTHC đúng hạn; xin lỗi khi trễ hạn', 6, ['Thống kê hồ sơ', 'Thư xin lỗi']),
      sub('X3.2', 'Niêm yết, công khai TTHC; vận hành bộ phận một cửa/Trung tâm PVHCC; dịch vụ công trực tuyến', 5, [
        'Ảnh niêm yết',
        'Số liệu cổng DVC',
      ]),
      sub('X3.3', 'Mức độ hài lòng; không có phản ánh về thái độ, nhũng nhiễu', 4, ['Kết quả khảo sát', 'Sổ phản ánh kiến nghị']),
    ],
  ),
  c(
    'X4',
    'Tiếp công dân; giải quyết phản ánh, kiến nghị, khiếu nại, tố cáo; đối thoại',
    15,
    ['Lịch và sổ tiếp công dân', 'Quyết định giải quyết khiếu nại', 'Biên bản đối thoại'],
    [
      sub('X4.1', 'Ban hành lịch tiếp công dân; Chủ tịch UBND tiếp công dân định kỳ theo quy định', 5, ['Lịch tiếp', 'Sổ tiếp công dân']),
      sub('X4.2', 'Giải quyết khiếu nại, tố cáo, kiến nghị đúng thẩm quyền, đúng thời hạn', 6, [
        'Quyết định/văn bản giải quyết',
        'Thống kê tỷ lệ',
      ]),
      sub('X4.3', 'Tổ chức đối thoại với Nhân dân; giải quyết kiến nghị cử tri', 4, [
        'Biên bản đối thoại',
        'Báo cáo trả lời kiến nghị cử tri',
      ]),
    ],
  ),
  c(
    'X5',
    'Thực hiện dân chủ ở cơ sở (Luật Thực hiện dân chủ ở cơ sở 2022)',
    15,
    ['Hồ sơ công khai', 'Biên bản hội nghị thôn/tổ dân phố', 'Báo cáo Ban Thanh tra nhân dân, Ban Giám sát đầu tư cộng đồng'],
    [
      sub('X5.1', 'Công khai các nội dung theo quy định (ngân sách, quy hoạch, đất đai, chính sách)', 5, [
        'Biên bản niêm yết',
        'Thông báo công khai',
      ]),
      sub('X5.2', 'Nhân dân bàn, quyết định, tham gia ý kiến, kiểm tra, giám sát', 5, ['Biên bản hội nghị', 'Báo cáo Ban TTND/GSĐTCCĐ']),
      sub('X5.3', 'Thực hiện dân chủ trong cơ quan (hội nghị CBCC, quy chế)', 5, ['Biên bản hội nghị CBCC', 'Quy chế dân chủ']),
    ],
  ),
  c(
    'X6',
    'Phối hợp với MTTQ, đoàn thể; tạo điều kiện để Nhân dân tham gia quản lý nhà nước, giám sát, phản biện',
    10,
    ['Quy chế phối hợp UBND-MTTQ', 'Biên bản giao ban', 'Văn bản trả lời kiến nghị giám sát/phản biện'],
    [
      sub('X6.1', 'Có và thực hiện quy chế phối hợp với MTTQ và các đoàn thể; giao ban định kỳ', 4, ['Quy chế', 'Biên bản giao ban']),
      sub('X6.2', 'Tiếp thu, trả lời kiến nghị giám sát, phản biện của MTTQ, đoàn thể', 3, ['Văn bản trả lời']),
      sub('X6.3', 'Bảo đảm điều kiện, kinh phí hoạt động cho MTTQ, đoàn thể', 3, ['Dự toán/quyết toán kinh phí']),
    ],
  ),
  c(
    'X7',
    'Công tác vận động Nhân dân; phong trào thi đua "Dân vận khéo"',
    10,
    ['Đăng ký mô hình', 'Báo cáo kết quả mô hình', 'Quyết định khen thưởng'],
    [
      sub('X7.1', 'Đăng ký, xây dựng mô hình "Dân vận khéo" trong năm', 5, ['Phiếu/biểu đăng ký mô hình']),
      sub('X7.2', 'Kết quả, hiệu quả mô hình; điển hình được biểu dương, nhân rộng', 5, ['Báo cáo kết quả', 'Quyết định khen thưởng']),
    ],
  ),
  c(
    'X8',
    'Văn hóa công vụ; xây dựng cơ quan văn hóa, công sở văn minh',
    10,
    ['Quy tắc ứng xử', 'Kết quả đánh giá CBCC', 'Không có phản ánh vi phạm'],
    [
      sub('X8.1', 'Ban hành, thực hiện quy tắc ứng xử, văn hóa công vụ (QĐ 1847/QĐ-TTg)', 5, ['Quy tắc ứng xử', 'Biên bản kiểm tra']),
      sub('X8.2', 'Không có cán bộ, công chức vi phạm đạo đức công vụ, bị kỷ luật', 5, ['Báo cáo kết quả đánh giá CBCC']),
    ],
  ),
  c(
    'X9',
    'Thực hiện chế độ thông tin, báo cáo',
    5,
    ['Danh mục báo cáo kèm ngày gửi'],
    [sub('X9.1', 'Báo cáo định kỳ, đột xuất về công tác dân vận đúng hạn, đủ nội dung', 5, ['Văn bản báo cáo', 'Sổ công văn đi'])],
  ),
];

const AGENCY: CriterionSpec[] = [
  c(
    'C1',
    'Lãnh đạo, chỉ đạo, quán triệt và triển khai văn bản về công tác dân vận trong cơ quan',
    10,
    ['Kế hoạch', 'Phân công', 'Báo cáo sơ kết/tổng kết'],
    [
      sub('C1.1', 'Ban hành kế hoạch công tác dân vận năm; phân công lãnh đạo phụ trách', 4, ['Kế hoạch', 'Phân công']),
      sub('C1.2', 'Quán triệt, triển khai văn bản cấp trên', 3, ['Biên bản', 'Công văn']),
      sub('C1.3', 'Kiểm tra, sơ kết, tổng kết', 3, ['Báo cáo']),
    ],
  ),
  c(
    'C2',
    'Thực hiện nhiệm vụ chuyên môn gắn với dân vận (hướng dẫn cơ sở, tuyên truyền chính sách ngành)',
    15,
    ['Văn bản hướng dẫn cấp xã', 'Tài liệu tuyên truyền', 'Báo cáo kết quả nhiệm vụ'],
    [
      sub('C2.1', 'Hoàn thành nhiệm vụ chuyên môn được giao trong năm', 7, ['Báo cáo kết quả thực hiện nhiệm vụ']),
      sub('C2.2', 'Hướng dẫn, hỗ trợ cấp xã/cơ sở thực hiện chính sách thuộc lĩnh vực theo hướng gần dân', 4, [
        'Văn bản hướng dẫn',
        'Biên bản làm việc',
      ]),
      sub('C2.3', 'Tuyên truyền, giải thích chính sách thuộc lĩnh vực cho Nhân dân', 4, ['Tài liệu, tin bài']),
    ],
  ),
  c(
    'C3',
    'Cải cách hành chính thuộc lĩnh vực; thái độ phục vụ',
    15,
    ['Thống kê TTHC', 'Khảo sát hài lòng'],
    [
      sub('C3.1', 'Giải quyết TTHC thuộc lĩnh vực đúng hạn; xin lỗi khi trễ hạn', 6, ['Thống kê hồ sơ']),
      sub('C3.2', 'Rà soát, đơn giản hóa TTHC; dịch vụ công trực tuyến', 5, ['Báo cáo rà soát', 'Số liệu cổng DVC']),
      sub('C3.3', 'Không có phản ánh về thái độ, nhũng nhiễu', 4, ['Sổ phản ánh kiến nghị']),
    ],
  ),
  c(
    'C4',
    'Tiếp công dân; xử lý phản ánh, kiến nghị, khiếu nại, tố cáo thuộc lĩnh vực',
    10,
    ['Sổ tiếp công dân', 'Văn bản trả lời'],
    [
      sub('C4.1', 'Tiếp công dân, tham gia tiếp công dân theo phân công', 4, ['Sổ tiếp', 'Lịch tiếp']),
      sub('C4.2', 'Xử lý, tham mưu giải quyết phản ánh, kiến nghị, KNTC đúng hạn', 6, ['Văn bản giải quyết/tham mưu']),
    ],
  ),
  c(
    'C5',
    'Thực hiện dân chủ trong cơ quan (hội nghị CBCCVC, công khai nội bộ)',
    15,
    ['Biên bản hội nghị CBCCVC', 'Quy chế dân chủ, quy chế chi tiêu nội bộ'],
    [
      sub('C5.1', 'Tổ chức hội nghị CBCCVC; ban hành, thực hiện quy chế dân chủ', 6, ['Biên bản', 'Quy chế']),
      sub('C5.2', 'Công khai tài chính, tuyển dụng, đánh giá, khen thưởng trong cơ quan', 5, ['Thông báo công khai']),
      sub('C5.3', 'Đoàn kết nội bộ; không có đơn thư nội bộ kéo dài', 4, ['Báo cáo']),
    ],
  ),
  c(
    'C6',
    'Phối hợp với MTTQ, đoàn thể; lấy ý kiến Nhân dân đối với dự thảo chính sách',
    10,
    ['Văn bản lấy ý kiến', 'Báo cáo tiếp thu, giải trình'],
    [
      sub('C6.1', 'Phối hợp với MTTQ, đoàn thể trong triển khai nhiệm vụ ngành', 5, ['Chương trình/kế hoạch phối hợp']),
      sub('C6.2', 'Lấy ý kiến Nhân dân, đối tượng chịu tác động; tiếp thu, giải trình', 5, ['Báo cáo tiếp thu, giải trình']),
    ],
  ),
  c(
    'C7',
    'Phong trào thi đua "Dân vận khéo"',
    10,
    ['Đăng ký mô hình', 'Báo cáo kết quả'],
    [
      sub('C7.1', 'Đăng ký, xây dựng mô hình "Dân vận khéo"', 5, ['Đăng ký']),
      sub('C7.2', 'Kết quả, hiệu quả mô hình', 5, ['Báo cáo', 'Khen thưởng']),
    ],
  ),
  c(
    'C8',
    'Văn hóa công vụ; xây dựng cơ quan văn hóa, công sở văn minh',
    10,
    ['Quy tắc ứng xử', 'Kết quả đánh giá CBCCVC'],
    [
      sub('C8.1', 'Thực hiện quy tắc ứng xử, văn hóa công vụ', 5, ['Quy tắc ứng xử']),
      sub('C8.2', 'Không có CBCCVC vi phạm, bị kỷ luật', 5, ['Báo cáo']),
    ],
  ),
  c(
    'C9',
    'Thực hiện chế độ thông tin, báo cáo',
    5,
    ['Danh mục báo cáo kèm ngày gửi'],
    [sub('C9.1', 'Báo cáo đúng hạn, đủ nội dung', 5, ['Văn bản báo cáo'])],
  ),
];

// Same bonus and penalty items for both rubrics (DOMAIN §8.2: "as in 8.1").
const EXTRAS: ExtraSpec[] = [
  {
    code: 'B1',
    title: 'Mô hình "Dân vận khéo" được cấp huyện/tỉnh trở lên công nhận, khen thưởng',
    kind: 'thưởng',
    max: 3,
    evidence: ['Quyết định khen thưởng/công nhận mô hình'],
  },
  {
    code: 'B2',
    title: 'Sáng kiến, cách làm mới trong dân vận chính quyền được nhân rộng',
    kind: 'thưởng',
    max: 2,
    evidence: ['Văn bản công nhận sáng kiến / chỉ đạo nhân rộng'],
  },
  {
    code: 'P1',
    title: 'Để xảy ra khiếu kiện đông người, vượt cấp, điểm nóng có nguyên nhân chủ quan',
    kind: 'trừ',
    max: 15,
    perCase: { points: 5, unit: 'vụ việc' },
    evidence: ['Báo cáo của cơ quan có thẩm quyền (Thanh tra, Công an, Ban Tiếp công dân)'],
  },
  {
    code: 'P2',
    title: 'Cán bộ, công chức bị kỷ luật/xử lý do vi phạm trong quan hệ với Nhân dân',
    kind: 'trừ',
    max: 10,
    perCase: { points: 2, unit: 'trường hợp' },
    evidence: ['Quyết định kỷ luật'],
  },
  {
    code: 'P3',
    title: 'Chậm hoặc không gửi báo cáo theo quy định',
    kind: 'trừ',
    max: 5,
    perCase: { points: 1, unit: 'báo cáo' },
    evidence: ['Sổ theo dõi báo cáo của cơ quan thẩm định'],
  },
  {
    code: 'P4',
    title: 'Có kết luận (thanh tra, kiểm tra) hoặc phản ánh báo chí được xác minh về nhũng nhiễu, gây phiền hà',
    kind: 'trừ',
    max: 10,
    perCase: { points: 2, unit: 'vụ việc' },
    evidence: ['Kết luận thanh tra/kiểm tra, văn bản xác minh'],
  },
];

const evidenceText = (hints: string[]) => (hints.length ? `Minh chứng: ${hints.join('; ')}` : '');

function toRows(rubricId: string, criteria: CriterionSpec[]): CriterionRow[] {
  const rows: CriterionRow[] = [];
  const row = (s: SubSpec, parent: string, kind: string, guidance: string, evidence: boolean): CriterionRow => ({
    rubricId,
    code: s.code,
    parent,
    title: s.title,
    max: s.max,
    kind,
    guidance,
    evidenceRequired: evidence ? 'Có' : '',
  });
  for (const cr of criteria) {
    // Evidence is demanded where points are typed: on the leaves, not on the parent totals.
    rows.push(row(cr, '', 'điểm', evidenceText(cr.evidence), cr.subs.length === 0));
    for (const s of cr.subs) rows.push(row(s, cr.code, 'điểm', evidenceText(s.evidence), true));
  }
  for (const x of EXTRAS) {
    const rule = x.perCase ? `Trừ ${x.perCase.points} điểm/${x.perCase.unit}, tối đa ${x.max} điểm. ` : `Cộng tối đa ${x.max} điểm. `;
    rows.push(row(x, '', x.kind, rule + evidenceText(x.evidence), false));
  }
  return rows;
}

/** Rows of the `Tiêu chí` sheet for both default rubrics (a fresh copy on every call). */
export function defaultRubricRows(): CriterionRow[] {
  return [...toRows(DEFAULT_RUBRIC_IDS.commune, COMMUNE), ...toRows(DEFAULT_RUBRIC_IDS.agency, AGENCY)];
}

/** Levels of the 2022+ wording (DOMAIN §3), highest first. */
export const DEFAULT_LEVELS: Level[] = [
  { code: 'HTXS', name: 'Hoàn thành xuất sắc nhiệm vụ', min: 90 },
  { code: 'HTT', name: 'Hoàn thành tốt nhiệm vụ', min: 70 },
  { code: 'HT', name: 'Hoàn thành nhiệm vụ', min: 50 },
  { code: 'KHT', name: 'Không hoàn thành nhiệm vụ', min: 0 },
];

/** Conditions that cap a level (rubric.json classification.gates); 'KXL' = not classified. */
export const DEFAULT_GATES: Gate[] = [
  { code: 'G1', name: 'Không nộp hồ sơ tự đánh giá đúng hạn hoặc hồ sơ không đầy đủ', maxLevel: 'KXL' },
  { code: 'G2', name: 'Có khiếu kiện đông người, vượt cấp, điểm nóng có nguyên nhân chủ quan', maxLevel: 'HTT' },
  { code: 'G3a', name: 'Người đứng đầu hoặc tập thể lãnh đạo bị kỷ luật trong năm', maxLevel: 'HT' },
  { code: 'G3b', name: 'Có cán bộ, công chức khác bị kỷ luật trong năm', maxLevel: 'HTT' },
  { code: 'G4', name: 'Có tiêu chí đạt dưới 50% điểm tối đa', maxLevel: 'HTT' },
];

/** Scores are typed in quarter points (rubric.json scale.score_precision). */
export const DEFAULT_STEP = 0.25;

/** Default scoring settings; a fresh object every call so callers may change it. */
export function defaultScoringConfig(): ScoringConfig {
  return {
    step: DEFAULT_STEP,
    bonusCap: null,
    levels: DEFAULT_LEVELS.map((l) => ({ ...l })),
    gates: DEFAULT_GATES.map((g) => ({ ...g })),
  };
}
