// The data of the two official documents (the annual report and the classification decision),
// computed once from the ranking and the settings. Pure: both renderers (.docx offline, Google
// Docs online) fill the same model into the same layout (doc-layout.ts).
import { mergeRuleSentence } from './merges';
import type { LevelCount, RankingSummary, UnitResult } from './types';
import { BLOCKING_ERROR_REASON, NOT_CLASSIFIED, NOT_SUBMITTED_REASON, UNREADABLE_REASON } from './types';
import { signatureOf } from './signature';
import { Indicator, indicatorFields, INDICATOR_PREFIX } from './indicators';
import type { Settings } from './config';
import { CONFIG_KEYS } from './config';
import { SHEETS } from './schema';
import { compareVi, formatDateLong, formatNumber, formatPercent } from './format';
import { foldVietnamese, normalizeHeader } from './text';
import { fromNarrative, narrativeOf, OutlineLine, outlineParagraphs, OutlineRow, RESULTS_MARKER } from './outline';
import type { AppraisalRow } from './appraisal-view';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface DocTable {
  header: string[];
  rows: string[][];
  /** Relative column widths (any unit; renderers scale them to the text width). */
  widths: number[];
  align: Align[];
  /** Printed only when it has rows (else nothing, not even the header): see TableSpec.optional. */
  optional?: boolean;
}

/**
 * Everything a document prints. Names are the `{{placeholders}}` of the templates and are unique
 * across the three maps. Field values may contain "\n" (a line break inside the paragraph).
 */
export interface DocModel {
  fields: Record<string, string>;
  /** One paragraph per item. */
  lists: Record<string, string[]>;
  tables: Record<string, DocTable>;
  /** Paragraphs of the outline (`Nội dung báo cáo`): headings of level 1–3 and body text (0). */
  outlines?: Record<string, OutlineLine[]>;
}

export interface PreviousResult {
  code: string;
  name: string;
  total: number | null;
  level: string | null;
  /** Year of the result; absent: the year before the report's. */
  year?: number;
}

export interface ReportInput {
  settings: Settings;
  results: UnitResult[];
  summary: RankingSummary;
  /** Text of the `Nội dung báo cáo` sheet by item (`Mục`), see NARRATIVE_ITEMS. */
  narrative: Record<string, string>;
  /** `Nội dung báo cáo` as an outline; absent: the seed-002 outline filled from `narrative`. */
  outline?: OutlineRow[];
  /** `Kết quả năm trước` (last year, and earlier years with their «Năm»), when the admin filled it. */
  previous?: PreviousResult[];
  /** `Số liệu`: figures printed through `{{so_lieu_<mã>}}`. */
  indicators?: Indicator[];
  today: Date;
  /** Units that submitted their self-assessment; default: units without the reason "Chưa nộp kết quả". */
  submitted?: number;
  /** Blocking errors (severity «Lỗi») per unit code: the criteria they concern ('' for none). */
  blocking?: Record<string, string[]>;
  /** Errors of the control workbook that keep the documents drafts (an impossible signature…). */
  controlErrors?: string[];
  /** Per unit, the criteria whose appraised score differs from the self-score, with the reasons. */
  appraisals?: UnitAppraisals[];
}

/** One unit's criteria appraised differently from its self-score (core/appraisal-view.ts). */
export interface UnitAppraisals {
  code: string;
  name: string;
  rows: AppraisalRow[];
}

export type DocKind = 'report' | 'decision';

// ---------------------------------------------------------------------------------------------
// Public contract: tables, narrative items, placeholders.

export type TableName = 'xep_hang' | 'ty_le' | 'khong_xep_loai' | 'phu_luc' | 'ket_qua_cac_nam' | 'tham_dinh_khac';
export interface TableSpec {
  header: string[];
  widths: number[];
  align: Align[];
  /**
   * Printed only when it has rows. The default layouts draw such a table under `ifField` (a field
   * empty exactly when the table has no rows: docxtemplater drops it); Google Docs drops the
   * placeholder of an empty optional table (gas/docs/fill.ts).
   */
  optional?: boolean;
}

/** Column headers, relative widths and alignment of every table (shared with doc-layout.ts). */
export const TABLE_SPECS: Record<TableName, TableSpec> = {
  xep_hang: {
    header: ['STT', 'Tên đơn vị', 'Nhóm', 'Tổng điểm', 'Xếp loại', 'Thứ hạng'],
    widths: [8, 30, 18, 12, 22, 10],
    align: ['center', 'left', 'left', 'center', 'left', 'center'],
  },
  ty_le: {
    header: ['Mức xếp loại', 'Số đơn vị', 'Tỷ lệ'],
    widths: [56, 22, 22],
    align: ['left', 'center', 'center'],
  },
  khong_xep_loai: {
    header: ['STT', 'Tên đơn vị', 'Lý do'],
    widths: [8, 34, 58],
    align: ['center', 'left', 'left'],
  },
  ket_qua_cac_nam: {
    header: ['Năm', 'Mức xếp loại', 'Số đơn vị', 'Tỷ lệ'],
    widths: [14, 50, 18, 18],
    align: ['center', 'left', 'center', 'center'],
  },
  phu_luc: {
    header: ['STT', 'Tên đơn vị', 'Điểm tự chấm', 'Điểm thẩm định', 'Xếp loại', 'Ghi chú'],
    widths: [9, 27, 12, 12, 18, 22],
    align: ['center', 'left', 'center', 'center', 'left', 'left'],
  },
  tham_dinh_khac: {
    header: ['STT', 'Tên đơn vị', 'Tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định', 'Lý do thẩm định'],
    widths: [8, 19, 25, 11, 11, 26],
    align: ['center', 'left', 'left', 'center', 'center', 'left'],
    optional: true,
  },
};

/** Heading of the table `tham_dinh_khac` (field `ten_bang_tham_dinh`, empty when there is no such row). */
export const APPRAISAL_TABLE_TITLE = 'CÁC TIÊU CHÍ CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ CHẤM';

/** The mark at the top of a draft and in its file name. */
export const DRAFT_MARK = 'DỰ THẢO';

/** Printed in `Điểm thẩm định` when the council did not re-score the unit (its self-score stands). */
export const NOT_APPRAISED = '—';

/** Items of the `Nội dung báo cáo` sheet (column `Mục`), in report order. */
export const NARRATIVE_ITEMS = [
  'Tình hình chung',
  'Công tác lãnh đạo, chỉ đạo',
  'Kết quả đạt được',
  'Hạn chế, vướng mắc',
  'Nguyên nhân',
  'Nhiệm vụ năm tới',
  'Đề xuất, kiến nghị',
] as const;
export type NarrativeItem = (typeof NARRATIVE_ITEMS)[number];

/** Placeholder (field) name of each narrative item. */
export const NARRATIVE_FIELDS: Record<NarrativeItem, string> = {
  'Tình hình chung': 'tinh_hinh_chung',
  'Công tác lãnh đạo, chỉ đạo': 'lanh_dao_chi_dao',
  'Kết quả đạt được': 'ket_qua_dat_duoc',
  'Hạn chế, vướng mắc': 'han_che',
  'Nguyên nhân': 'nguyen_nhan',
  'Nhiệm vụ năm tới': 'nhiem_vu',
  'Đề xuất, kiến nghị': 'de_xuat',
};

/**
 * The further sub-sections of «II. Kết quả triển khai, thực hiện» in the real reports (seed 002:
 * II.3–II.8), after the generated «Kết quả đánh giá, phân loại». Each is printed only when its
 * row of `Nội dung báo cáo` has text, numbered in order among those printed (3., 4., …).
 */
export const SECTION_ITEMS = [
  {
    item: 'Tiếp công dân, giải quyết khiếu nại, tố cáo',
    field: 'tiep_cong_dan',
    heading: 'Công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh',
  },
  { item: 'Cải cách hành chính', field: 'cai_cach_hanh_chinh', heading: 'Công tác cải cách hành chính' },
  { item: 'Dân chủ ở cơ sở', field: 'dan_chu_co_so', heading: 'Thực hiện dân chủ ở cơ sở gắn với tăng cường kỷ luật, kỷ cương hành chính' },
  { item: 'Dân vận khéo', field: 'dan_van_kheo', heading: 'Xây dựng, nhân rộng mô hình, điển hình “Dân vận khéo”' },
  {
    item: 'Phối hợp với Mặt trận Tổ quốc',
    field: 'phoi_hop_mttq',
    heading:
      'Phối hợp, tạo điều kiện để Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội và Nhân dân tham gia xây dựng chính quyền',
  },
  {
    item: 'Tập huấn, bồi dưỡng',
    field: 'tap_huan',
    heading: 'Tập huấn, bồi dưỡng kiến thức, kỹ năng công tác dân vận cho cán bộ, công chức, viên chức',
  },
] as const;
/** Prefix of a sub-section's numbered heading field (`tieu_de_tiep_cong_dan` = "3. Công tác tiếp công dân, …"). */
export const HEADING_PREFIX = 'tieu_de_';
/** Number of the first optional sub-section of part II (1. lãnh đạo, chỉ đạo; 2. kết quả đánh giá). */
const FIRST_SECTION_NUMBER = 3;

/** The outline up to the results marker, and after it (OutlineBlock of doc-layout.ts). */
export const OUTLINE_BEFORE = 'noi_dung';
export const OUTLINE_AFTER = 'noi_dung_tiep';

/** Prefix of the list that holds a narrative item split into paragraphs (`doan_tinh_hinh_chung`). */
export const PARAGRAPHS_PREFIX = 'doan_';

export interface PlaceholderDoc {
  name: string;
  kind: 'field' | 'list' | 'table' | 'outline';
  doc: DocKind | 'both';
  description: string;
}

const P = (name: string, kind: PlaceholderDoc['kind'], doc: PlaceholderDoc['doc'], description: string): PlaceholderDoc => ({
  name,
  kind,
  doc,
  description,
});

/**
 * Every placeholder a template may use, with a Vietnamese description (for the README and for
 * checking user templates). Per level there are also `so_<mã mức>` and `ty_le_<mã mức>` (mã mức
 * as levelKey writes it); the defaults are listed here.
 */
export const PLACEHOLDERS: readonly PlaceholderDoc[] = [
  P('co_quan_chu_quan', 'field', 'both', 'Cơ quan chủ quản (chữ in hoa, có thể trống)'),
  P('co_quan_ban_hanh', 'field', 'both', 'Tên cơ quan ban hành (chữ in hoa, mỗi dòng một phần)'),
  P('dong_co_quan_ban_hanh', 'list', 'both', 'Tên cơ quan ban hành, mỗi dòng một phần tử (mẫu mặc định dùng)'),
  P('so_ky_hieu', 'field', 'both', 'Số, ký hiệu văn bản, ví dụ "Số: 285/BC-UBND"; để trống số nếu chưa cấp'),
  P('dia_danh_ngay', 'field', 'both', 'Địa danh và ngày tháng, ví dụ "Bình Sơn, ngày 15 tháng 12 năm 2024"'),
  P('ngay_van_ban', 'field', 'both', 'Ngày văn bản, ví dụ "ngày 15 tháng 12 năm 2024"'),
  P('nam', 'field', 'both', 'Năm đánh giá'),
  P('nam_sau', 'field', 'both', 'Năm sau năm đánh giá'),
  P('nam_truoc', 'field', 'both', 'Năm trước năm đánh giá'),
  P('tinh', 'field', 'both', 'Tỉnh, thành phố'),
  P('dia_ban', 'field', 'both', 'Địa bàn, ví dụ "huyện Bình Sơn"'),
  P('ten_co_quan', 'field', 'both', 'Tên cơ quan ban hành viết thường, dùng trong câu, ví dụ "Ủy ban nhân dân huyện Bình Sơn"'),
  P('so_don_vi', 'field', 'both', 'Tổng số đơn vị được đánh giá'),
  P('so_da_nop', 'field', 'both', 'Số đơn vị đã nộp kết quả tự chấm'),
  P('so_chua_nop', 'field', 'both', 'Số đơn vị chưa nộp kết quả tự chấm'),
  P('so_xep_loai', 'field', 'both', 'Số đơn vị được xếp loại'),
  P('so_khong_xep_loai', 'field', 'both', 'Số đơn vị không xếp loại'),
  P('so_htxs', 'field', 'both', 'Số đơn vị theo mức; "htxs" là mã mức viết thường (so_htt, so_ht, so_kht…)'),
  P('ty_le_htxs', 'field', 'both', 'Tỷ lệ theo mức trên số đơn vị được xếp loại, ví dụ "25,81%" (ty_le_htt…)'),
  P('ket_qua_xep_loai', 'field', 'both', 'Câu tổng hợp kết quả: "Kết quả: có 8/31 đơn vị đạt mức …"'),
  P('khong_che_muc', 'field', 'both', 'Câu nêu các đơn vị bị khống chế mức xếp loại (trống nếu không có)'),
  P('so_sanh_nam_truoc', 'field', 'both', 'Câu so sánh với năm trước (trống nếu chưa nhập sheet «Kết quả năm trước»)'),
  P('ky_tham_quyen', 'field', 'both', 'Thẩm quyền ký, ví dụ "TM. ỦY BAN NHÂN DÂN" xuống dòng "KT. CHỦ TỊCH"'),
  P('dong_ky_tham_quyen', 'list', 'both', 'Thẩm quyền ký, mỗi dòng một phần tử (mẫu mặc định dùng)'),
  P('ky_chuc_vu', 'field', 'both', 'Chức vụ người ký, ví dụ "PHÓ CHỦ TỊCH"'),
  P('ky_ho_ten', 'field', 'both', 'Họ và tên người ký'),
  P('kinh_gui', 'field', 'report', 'Cơ quan nhận báo cáo (dòng "Kính gửi")'),
  P(
    'mo_dau',
    'field',
    'report',
    'Câu mở đầu: "Thực hiện Công văn số … ngày … của …, Ủy ban nhân dân … báo cáo … như sau:" (theo «Căn cứ báo cáo», sheet «Cấu hình»)',
  ),
  P('kem_theo_bao_cao', 'field', 'report', 'Dòng "(Kèm theo Báo cáo số … ngày … của …)" dưới tiêu đề Phụ lục của báo cáo'),
  P(
    OUTLINE_BEFORE,
    'outline',
    'report',
    `Nội dung báo cáo theo dàn ý sheet «${SHEETS.narrative}» (cột Cấp, Số, Tiêu đề, Nội dung), đến dòng ghi ${RESULTS_MARKER}: tiêu đề đã đánh số (cấp 1 «I. …» chữ in hoa, cấp 2 «1. …», cấp 3 «a) …») và các đoạn nội dung`,
  ),
  P(
    OUTLINE_AFTER,
    'outline',
    'report',
    `Phần dàn ý sau ${RESULTS_MARKER} (mẫu mặc định in kết quả đánh giá, phân loại và các bảng giữa ${'{{'}${OUTLINE_BEFORE}}} và ${'{{'}${OUTLINE_AFTER}}})`,
  ),
  P('du_thao', 'field', 'both', `"${DRAFT_MARK}" khi còn đơn vị chưa nộp hoặc còn lỗi chặn; trống ở bản chính thức`),
  P('ghi_chu_du_thao', 'field', 'both', 'Dòng giải thích vì sao văn bản còn là dự thảo (trống ở bản chính thức)'),
  ...NARRATIVE_ITEMS.map((title) =>
    P(
      NARRATIVE_FIELDS[title],
      'field',
      'report',
      `Nội dung mục «${title}» (sheet «${SHEETS.narrative}», dòng có tiêu đề mặc định của mục này hoặc dòng «Mục» ở mẫu sheet cũ); các đoạn cách nhau bằng dấu xuống dòng`,
    ),
  ),
  ...NARRATIVE_ITEMS.map((title) =>
    P(PARAGRAPHS_PREFIX + NARRATIVE_FIELDS[title], 'list', 'report', `Nội dung «${title}», mỗi đoạn một phần tử`),
  ),
  ...SECTION_ITEMS.flatMap((s) => [
    P(s.field, 'field', 'report', `Nội dung «${s.item}» (sheet «${SHEETS.narrative}»); trống thì mục này không in`),
    P(PARAGRAPHS_PREFIX + s.field, 'list', 'report', `Nội dung «${s.item}», mỗi đoạn một phần tử`),
    P(
      HEADING_PREFIX + s.field,
      'field',
      'report',
      `Tiêu đề mục «${s.item}» đã đánh số theo thứ tự các mục có nội dung, ví dụ "3. ${s.heading}"`,
    ),
  ]),
  P(
    `${INDICATOR_PREFIX}tcd`,
    'field',
    'both',
    `Số liệu của sheet «${SHEETS.indicators}» theo mã (ở đây mã TCD, viết thường), ví dụ "59/63 vụ việc, chiếm tỷ lệ 93,65%"; dùng được cả trong nội dung báo cáo. Thêm _tu_so, _mau_so, _ty_le để lấy riêng từng số`,
  ),
  P(
    'ket_qua_cac_nam',
    'table',
    'report',
    `Bảng kết quả chấm điểm hằng năm: Năm | Mức xếp loại | Số đơn vị | Tỷ lệ (các năm trước lấy từ sheet «${SHEETS.previous}», cột «Năm»)`,
  ),
  P('ket_qua_nhom', 'list', 'both', 'Mỗi nhóm một câu kết quả (trống khi chỉ có một nhóm)'),
  P('noi_nhan', 'list', 'both', 'Nơi nhận, mỗi dòng "- …;", dòng cuối "- Lưu: VT, NV."'),
  P('tham_quyen_qd', 'field', 'decision', 'Thẩm quyền ban hành quyết định, ví dụ "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN"'),
  P('trich_yeu', 'field', 'decision', 'Trích yếu quyết định: "Về việc công nhận kết quả đánh giá, phân loại công tác dân vận năm …"'),
  P('dieu_1', 'field', 'decision', 'Nội dung Điều 1 (công nhận kết quả, kèm Phụ lục)'),
  P('dieu_2', 'field', 'decision', 'Nội dung Điều 2 (căn cứ xét thi đua, khen thưởng)'),
  P('dieu_3', 'field', 'decision', 'Nội dung Điều 3 (trách nhiệm thi hành)'),
  P('kem_theo', 'field', 'decision', 'Dòng "(Kèm theo Quyết định số … ngày … của …)" dưới tiêu đề Phụ lục'),
  P('can_cu', 'list', 'decision', 'Căn cứ ban hành quyết định, mỗi căn cứ kết thúc bằng ";", căn cứ cuối bằng "."'),
  P('xep_hang', 'table', 'both', 'Bảng xếp hạng các đơn vị được xếp loại: STT | Tên đơn vị | Nhóm | Tổng điểm | Xếp loại | Thứ hạng'),
  P('ty_le', 'table', 'both', 'Bảng tỷ lệ theo mức xếp loại: Mức xếp loại | Số đơn vị | Tỷ lệ (có dòng Cộng)'),
  P('khong_xep_loai', 'table', 'both', 'Bảng đơn vị không xếp loại: STT | Tên đơn vị | Lý do ("Không có" khi không có đơn vị nào)'),
  P(
    'tham_dinh_khac',
    'table',
    'both',
    'Các tiêu chí có điểm thẩm định khác điểm tự chấm: STT | Tên đơn vị | Tiêu chí | Điểm tự chấm | Điểm thẩm định | Lý do thẩm định (không in gì khi không có tiêu chí nào)',
  ),
  P('ten_bang_tham_dinh', 'field', 'both', `Tiêu đề bảng tham_dinh_khac: "${APPRAISAL_TABLE_TITLE}"; trống khi không có tiêu chí nào`),
  P('cau_tham_dinh', 'field', 'report', 'Câu nêu số tiêu chí, số đơn vị có điểm thẩm định khác điểm tự chấm (trống khi không có)'),
  P(
    'phu_luc',
    'table',
    'both',
    `Phụ lục quyết định: STT | Tên đơn vị | Điểm tự chấm | Điểm thẩm định ("${NOT_APPRAISED}" nếu không thẩm định) | Xếp loại`,
  ),
];

/** Placeholders a user template must contain. */
export const REQUIRED_PLACEHOLDERS: Record<DocKind, string[]> = {
  report: ['nam', 'dia_danh_ngay', 'xep_hang'],
  decision: ['nam', 'dia_danh_ngay', 'phu_luc'],
};

/** "HTXS" → "htxs": the per-level part of `so_<…>` / `ty_le_<…>`. */
export function levelKey(code: string): string {
  return foldVietnamese(code)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Small text helpers.

/** Marker printed where a required setting is empty, so the gap is obvious in the document. */
function missingSetting(key: keyof typeof CONFIG_KEYS): string {
  return `[Chưa nhập «${CONFIG_KEYS[key][0]}» tại sheet «${SHEETS.config}»]`;
}

function missingNarrative(title: string): string {
  return `[Nội dung «${title}» — nhập tại sheet «${SHEETS.narrative}» rồi tạo lại báo cáo]`;
}

const upper = (s: string) => s.normalize('NFC').toUpperCase();
const stripEndPunct = (s: string) => s.trim().replace(/[\s;.,]+$/u, '');
const stripBullet = (s: string) => s.trim().replace(/^[-–—•+*]\s*/u, '');
const isUbnd = (line: string) => /^(uy ban nhan dan|ubnd)\b/.test(foldVietnamese(line));
const pad2 = (n: string) => (n.length === 1 ? `0${n}` : n);

/** Short code of the issuing body in a document symbol: "UBND", or the initials ("SỞ NỘI VỤ" → "SNV"). */
function issuerCode(issuingBody: string[]): string {
  if (issuingBody.some(isUbnd) || issuingBody.length === 0) return 'UBND';
  const words = issuingBody[0].normalize('NFC').split(/\s+/).filter(Boolean);
  return words.map((w) => w[0].toUpperCase()).join('') || 'UBND';
}

/** "Số: 285/BC-UBND"; a bare number gets the symbol; an empty number leaves room to write it by hand. */
export function documentNumber(raw: string, typeCode: 'BC' | 'QĐ', issuingBody: string[]): string {
  const symbol = `${typeCode}-${issuerCode(issuingBody)}`;
  const s = raw
    .normalize('NFC')
    .trim()
    .replace(/^số\s*:?\s*/iu, '');
  if (s === '') return `Số:      /${symbol}`;
  if (/^\d+$/.test(s)) return `Số: ${pad2(s)}/${symbol}`;
  return `Số: ${s.replace(/^(\d)\//, '0$1/')}`;
}

/** The administrative word of the area ("huyện Bình Sơn" → "huyện"). */
function areaLevel(area: string): string {
  const m = /^(thành phố|thị xã|huyện|quận|tỉnh|thị trấn|phường|xã|đặc khu)\b/iu.exec(area.trim());
  return m ? m[1].toLowerCase() : '';
}

/** The issuing body as it reads inside a sentence ("Ủy ban nhân dân huyện Bình Sơn"). */
function bodyInSentence(s: Settings): string {
  if (s.issuingBody.length === 0) return missingSetting('issuingBody');
  if (isUbnd(s.issuingBody[0]) && s.area) return `Ủy ban nhân dân ${s.area}`;
  return s.issuingBody.join(' ');
}

/** Who issues the decision, inside a sentence ("Chủ tịch Ủy ban nhân dân huyện Bình Sơn"). */
function authorityInSentence(s: Settings): string {
  const folded = foldVietnamese(s.decisionAuthority);
  if (/^chu tich (uy ban nhan dan|ubnd)\b/.test(folded) && s.area) return `Chủ tịch Ủy ban nhân dân ${s.area}`;
  if (/^(uy ban nhan dan|ubnd)\b/.test(folded) && s.area) return `Ủy ban nhân dân ${s.area}`;
  return bodyInSentence(s);
}

/** Verb phrase in front of a level name: failing levels are not "reached". */
function reaches(levelName: string): string {
  return /^không\b/iu.test(levelName.trim()) ? 'xếp loại' : 'đạt mức';
}

// ---------------------------------------------------------------------------------------------
// Plain reasons, and what keeps the documents drafts.

/** Printed where a unit did not submit: no self-score, no level. */
export const NOT_SUBMITTED_PLAIN = 'Chưa nộp hồ sơ tự chấm điểm';

const notSubmitted = (r: UnitResult) => r.reasons.includes(NOT_SUBMITTED_REASON);

/** «Hồ sơ chấm điểm chưa hợp lệ ở tiêu chí 1.2, 3.1» (without criteria when the errors name none). */
function invalidFile(criteria: string[]): string {
  const named = [...new Set(criteria.filter(Boolean))];
  return named.length ? `Hồ sơ chấm điểm chưa hợp lệ ở tiêu chí ${named.join(', ')}` : 'Hồ sơ chấm điểm chưa hợp lệ';
}

/** A reason of assessAll in the words of an administrative document (gate names pass as they are). */
function plainReason(reason: string, criteria: string[]): string {
  if (reason === NOT_SUBMITTED_REASON) return NOT_SUBMITTED_PLAIN;
  if (reason.startsWith(BLOCKING_ERROR_REASON)) return invalidFile(criteria);
  if (reason === UNREADABLE_REASON) return 'Hồ sơ chấm điểm không đọc được';
  if (reason.startsWith('Bộ tiêu chí')) return 'Chưa xác định được bộ tiêu chí chấm điểm';
  if (reason.startsWith('Điều kiện khống chế ghi sai')) return 'Chưa xác định được điều kiện khống chế';
  if (reason.startsWith('Trạng thái ghi sai')) return 'Chưa xác định được tình trạng hồ sơ';
  return reason;
}

/** Why a unit is not classified or is capped, as printed in the documents. */
export function documentReasons(r: UnitResult, input: Pick<ReportInput, 'blocking'>): string {
  // A unit that never submitted has nothing else to say about it.
  if (notSubmitted(r)) return NOT_SUBMITTED_PLAIN;
  const criteria = input.blocking?.[r.code] ?? [];
  return [...new Set(r.reasons.map((x) => plainReason(x, criteria)))].join('; ');
}

export interface DraftObstacle {
  /** The unit in the way; absent for a problem of the control workbook. */
  unit?: { code: string; name: string };
  reason: string;
}

/** What stands between the documents and their final version: unsubmitted units, blocking errors. */
export function draftObstacles(input: ReportInput): DraftObstacle[] {
  const out: DraftObstacle[] = [];
  for (const r of [...input.results].sort((a, b) => compareVi(a.name, b.name))) {
    const unit = { code: r.code, name: r.name };
    if (notSubmitted(r)) out.push({ unit, reason: NOT_SUBMITTED_PLAIN });
    else if (input.blocking?.[r.code]?.length) out.push({ unit, reason: invalidFile(input.blocking[r.code]) });
  }
  for (const m of input.controlErrors ?? []) out.push({ reason: m });
  return out;
}

export const isDraft = (input: ReportInput) => draftObstacles(input).length > 0;

/** "… - DỰ THẢO": the file name of a draft (both back-ends add it before the extension). */
export const draftFileName = (name: string, draft: boolean) => (draft ? `${name} - ${DRAFT_MARK}` : name);

/** Why a final version cannot be made yet, listing what is in the way; null when it can. */
export function finalRefusal(input: ReportInput): string | null {
  const obstacles = draftObstacles(input);
  if (!obstacles.length) return null;
  const lines = obstacles.map((o) => `  - ${o.unit ? `${o.unit.name} (${o.unit.code}): ` : ''}${o.reason}`);
  return (
    `Chưa tạo được bản chính thức: còn ${obstacles.length} vướng mắc (xem sheet «${SHEETS.findings}»):\n${lines.join('\n')}\n` +
    `Hãy xử lý các vướng mắc trên rồi tạo lại; trong lúc chờ, có thể tạo bản ${DRAFT_MARK}.`
  );
}

/** The small line under the draft mark: what is missing, in counts. */
function draftNote(obstacles: DraftObstacle[]): string {
  if (!obstacles.length) return '';
  const missing = obstacles.filter((o) => o.reason === NOT_SUBMITTED_PLAIN).length;
  const invalid = obstacles.filter((o) => o.unit && o.reason !== NOT_SUBMITTED_PLAIN).length;
  const other = obstacles.filter((o) => !o.unit).length;
  const parts = [
    missing ? `${missing} đơn vị chưa nộp hồ sơ tự chấm điểm` : '',
    invalid ? `${invalid} đơn vị có hồ sơ chấm điểm chưa hợp lệ` : '',
    other ? `${other} thiết lập văn bản cần sửa tại sheet «${SHEETS.config}»` : '',
  ].filter(Boolean);
  return `(Bản dự thảo, số liệu chưa chính thức: còn ${parts.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Figures and sentences.

/** Levels of the summary, highest first (summarize already sorts them; keep it stable anyway). */
function levelCounts(input: ReportInput): LevelCount[] {
  const order = [...input.settings.scoring.levels].sort((a, b) => b.min - a.min).map((l) => l.code);
  const pos = (c: LevelCount) => {
    const i = order.indexOf(c.levelCode);
    return i < 0 ? order.length : i;
  };
  return [...input.summary.byLevel].sort((a, b) => pos(a) - pos(b));
}

function submittedCount(input: ReportInput): number {
  if (input.submitted !== undefined) return input.submitted;
  return input.results.filter((r) => !r.reasons.includes(NOT_SUBMITTED_REASON)).length;
}

export function resultSentence(counts: LevelCount[], classified: number, notClassified: number): string {
  const parts = counts
    .filter((c) => c.count > 0)
    .map((c) => `${c.count} đơn vị ${reaches(c.level)} ${c.level} (chiếm ${formatPercent(c.percent)})`);
  // The shares are of the classified units: the sentence says so.
  let text = parts.length
    ? `Kết quả: trong số ${classified} đơn vị được xếp loại, có ${parts.join('; ')}`
    : 'Kết quả: chưa có đơn vị nào được xếp loại';
  if (notClassified > 0) text += `; ${notClassified} đơn vị không xếp loại`;
  return `${text}.`;
}

function cappedSentence(input: ReportInput): string {
  const capped = input.results.filter((r) => r.classified && r.reasons.length > 0);
  if (capped.length === 0) return '';
  const items = capped.map((r) => `${r.name} (${documentReasons(r, input)})`);
  return `Có ${capped.length} đơn vị thuộc trường hợp khống chế mức xếp loại: ${items.join('; ')}.`;
}

function groupSentences(input: ReportInput): string[] {
  const groups = Object.keys(input.summary.byGroup).sort(compareVi);
  if (groups.length < 2) return [];
  return groups.map((g) => {
    const s = input.summary.byGroup[g];
    const parts = s.byLevel
      .filter((c) => c.count > 0)
      .map((c) => `${c.count} đơn vị ${reaches(c.level)} ${c.level} (${formatPercent(c.percent)})`);
    const notClassified = s.total - s.classified;
    let text = `- ${g.trim() || 'Chưa phân nhóm'}: có ${s.total} đơn vị`;
    if (parts.length) text += `; trong số ${s.classified} đơn vị được xếp loại có ${parts.join(', ')}`;
    if (notClassified > 0) text += `; ${notClassified} đơn vị không xếp loại`;
    return `${text}.`;
  });
}

/** The rows of `Kết quả năm trước` that are last year's. */
const lastYearRows = (input: ReportInput) =>
  (input.previous ?? []).filter((p) => (p.year ?? input.settings.year - 1) === input.settings.year - 1);

/** Comparison with last year's results: per level, then the units whose level went up or down. */
export function comparisonSentence(input: ReportInput): string {
  const previous = lastYearRows(input);
  if (previous.length === 0) return '';
  const levels = [...input.settings.scoring.levels].sort((a, b) => b.min - a.min);
  const levelIndex = (text: string | null): number => {
    if (!text) return -1;
    const key = normalizeHeader(text);
    return levels.findIndex((l) => normalizeHeader(l.name) === key || normalizeHeader(l.code) === key);
  };
  const lastYear = input.settings.year - 1;
  const before = levels.map((_, i) => previous.filter((p) => levelIndex(p.level) === i).length);
  const now = levels.map((l) => input.results.filter((r) => r.classified && r.levelCode === l.code).length);

  const perLevel = levels
    .map((l, i) => {
      const [a, b] = [before[i], now[i]];
      if (a === 0 && b === 0) return '';
      if (b > a) return `mức ${l.name} tăng ${b - a} đơn vị (từ ${a} lên ${b})`;
      if (b < a) return `mức ${l.name} giảm ${a - b} đơn vị (từ ${a} xuống ${b})`;
      return `mức ${l.name} không thay đổi (${b} đơn vị)`;
    })
    .filter(Boolean);

  const prevByCode = new Map(previous.map((p) => [normalizeHeader(p.code), p]));
  const prevByName = new Map(previous.map((p) => [normalizeHeader(p.name), p]));
  let up = 0;
  let down = 0;
  for (const r of input.results) {
    if (!r.classified) continue;
    const p = prevByCode.get(normalizeHeader(r.code)) ?? prevByName.get(normalizeHeader(r.name));
    const was = levelIndex(p?.level ?? null);
    const is = levels.findIndex((l) => l.code === r.levelCode);
    if (was < 0 || is < 0) continue;
    if (is < was) up++;
    if (is > was) down++;
  }
  const head = perLevel.length ? `So với năm ${lastYear}: ${perLevel.join('; ')}.` : `So với năm ${lastYear}:`;
  const moves =
    up === 0 && down === 0
      ? `Không có đơn vị nào thay đổi mức xếp loại so với năm ${lastYear}.`
      : `Có ${up} đơn vị được nâng mức xếp loại và ${down} đơn vị bị hạ mức xếp loại so với năm ${lastYear}.`;
  const rule = mergeRuleSentence(previous, lastYear);
  return `${head} ${moves}${rule ? ` ${rule}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Tables.

const score = (n: number) => formatNumber(n, 2);

function rankedUnits(results: UnitResult[]): UnitResult[] {
  return results.filter((r) => r.classified).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareVi(a.name, b.name));
}

function notClassifiedUnits(results: UnitResult[]): UnitResult[] {
  return results.filter((r) => !r.classified).sort((a, b) => compareVi(a.group, b.group) || compareVi(a.name, b.name));
}

/**
 * «Kết quả chấm điểm hằng năm»: per year (earlier years from `Kết quả năm trước`, then this one),
 * the units per level and their share of the units classified that year.
 */
function yearsRows(input: ReportInput, counts: LevelCount[]): string[][] {
  const levels = [...input.settings.scoring.levels].sort((a, b) => b.min - a.min);
  const levelOf = (text: string | null) => {
    const key = normalizeHeader(text ?? '');
    return key ? levels.find((l) => normalizeHeader(l.name) === key || normalizeHeader(l.code) === key) : undefined;
  };
  const rows: string[][] = [];
  const years = [...new Set((input.previous ?? []).map((p) => p.year ?? input.settings.year - 1))].filter((y) => y < input.settings.year);
  for (const year of years.sort((a, b) => a - b)) {
    const those = (input.previous ?? []).filter((p) => (p.year ?? input.settings.year - 1) === year);
    const classified = those.filter((p) => levelOf(p.level)).length;
    for (const l of levels) {
      const n = those.filter((p) => levelOf(p.level) === l).length;
      if (n) rows.push([String(year), l.name, String(n), formatPercent((100 * n) / classified)]);
    }
  }
  for (const c of counts) if (c.count) rows.push([String(input.settings.year), c.level, String(c.count), formatPercent(c.percent)]);
  // The year only on its first line: the table reads as one block per year.
  return rows.map((r, i) => (i > 0 && rows[i - 1][0] === r[0] ? ['', ...r.slice(1)] : r));
}

function table(name: TableName, rows: string[][]): DocTable {
  const spec = TABLE_SPECS[name];
  const t: DocTable = { header: [...spec.header], rows, widths: [...spec.widths], align: [...spec.align] };
  return spec.optional ? { ...t, optional: true } : t;
}

/** The differing criteria of every unit, units by name, criteria in rubric order. */
function appraisedUnits(input: ReportInput): UnitAppraisals[] {
  return (input.appraisals ?? [])
    .map((u) => ({ ...u, rows: u.rows.filter((r) => r.differs) }))
    .filter((u) => u.rows.length > 0)
    .sort((a, b) => compareVi(a.name, b.name));
}

/** «Tự chấm | Thẩm định | Lý do»: one row per criterion, numbers as typed in the Vietnamese format. */
function appraisalTableRows(input: ReportInput): string[][] {
  const rows: string[][] = [];
  for (const u of appraisedUnits(input)) {
    for (const r of u.rows) {
      rows.push([
        String(rows.length + 1),
        u.name,
        `${r.code}. ${r.title}`,
        r.self || NOT_APPRAISED,
        r.appraised,
        r.reason || MISSING_REASON,
      ]);
    }
  }
  return rows;
}

/** Printed where the appraisers wrote no reason (the finding `appraisal-without-reason` says it too). */
export const MISSING_REASON = '(chưa ghi lý do)';

/** «Qua thẩm định, có 7 tiêu chí của 3 đơn vị có điểm thẩm định khác điểm tự chấm …»; '' when none. */
function appraisalSentence(input: ReportInput): string {
  const units = appraisedUnits(input);
  if (!units.length) return '';
  const criteria = units.reduce((n, u) => n + u.rows.length, 0);
  return (
    `Qua thẩm định, có ${criteria} tiêu chí của ${units.length} đơn vị có điểm thẩm định khác điểm tự chấm ` +
    '(chi tiết tại bảng «Các tiêu chí có điểm thẩm định khác điểm tự chấm» của Phụ lục kèm theo Báo cáo này).'
  );
}

function buildTables(input: ReportInput, counts: LevelCount[]): Record<TableName, DocTable> {
  const why = (r: UnitResult) => documentReasons(r, input);
  const { results, summary } = input;
  const ranked = rankedUnits(results);
  const others = notClassifiedUnits(results);
  const xepHang = ranked.map((r, i) => [String(i + 1), r.name, r.group, score(r.total), r.level ?? '', String(r.rank ?? '')]);
  const tyLe = counts.map((c) => [c.level, String(c.count), summary.classified ? formatPercent(c.percent) : '—']);
  tyLe.push(['Cộng', String(summary.classified), summary.classified ? formatPercent(100) : '—']);
  const khong = others.length ? others.map((r, i) => [String(i + 1), r.name, why(r) || NOT_CLASSIFIED]) : [['', 'Không có', '']];
  const phuLuc = [...ranked, ...others].map((r, i) => [
    String(i + 1),
    r.name,
    // A unit that never submitted has no self-score, whatever its draft file holds.
    r.scored === false || notSubmitted(r) ? NOT_APPRAISED : score(r.selfTotal),
    r.appraised && !notSubmitted(r) ? score(r.total) : NOT_APPRAISED,
    r.classified ? (r.level ?? '') : NOT_CLASSIFIED,
    why(r),
  ]);
  return {
    xep_hang: table('xep_hang', xepHang),
    ty_le: table('ty_le', tyLe),
    khong_xep_loai: table('khong_xep_loai', khong),
    phu_luc: table('phu_luc', phuLuc),
    ket_qua_cac_nam: table('ket_qua_cac_nam', yearsRows(input, counts)),
    tham_dinh_khac: table('tham_dinh_khac', appraisalTableRows(input)),
  };
}

// ---------------------------------------------------------------------------------------------
// Lists.

/** "- X;" per recipient, first line fixed, last "- Lưu: VT, NV." (NĐ 30/2020). */
export function recipientLines(first: string, recipients: string[], drafterCode: string, covered: string[] = []): string[] {
  const skip = (s: string) => /^(nhu tren|nhu dieu \d+|luu\b)/.test(foldVietnamese(s));
  // Each recipient once: «Như trên» already covers the addressee (`covered`), and a repeated name is dropped.
  const key = (s: string) =>
    foldVietnamese(s)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const seen = new Set(covered.map((c) => key(stripEndPunct(c))).filter(Boolean));
  const lines = recipients
    .map((r) => stripEndPunct(stripBullet(r)))
    .filter((r) => {
      if (!r || skip(r) || seen.has(key(r))) return false;
      seen.add(key(r));
      return true;
    });
  const keep = drafterCode.trim() ? `VT, ${stripEndPunct(drafterCode)}` : 'VT';
  return [`- ${first};`, ...lines.map((r) => `- ${r};`), `- Lưu: ${keep}.`];
}

/** Legal bases: each ends with ";", the last with ".". */
export function basisLines(bases: string[]): string[] {
  const lines = bases.map(stripEndPunct).filter(Boolean);
  if (lines.length === 0) return [missingSetting('decisionBases')];
  return lines.map((b, i) => `${b}${i === lines.length - 1 ? '.' : ';'}`);
}

function narrativeText(narrative: Record<string, string>, title: string, field = NARRATIVE_FIELDS[title as NarrativeItem]): string {
  const wanted = [normalizeHeader(title), normalizeHeader(field)];
  for (const [key, value] of Object.entries(narrative)) {
    if (wanted.includes(normalizeHeader(key)) && String(value ?? '').trim()) return String(value).normalize('NFC').trim();
  }
  return '';
}

/** The `{{name}}` of the model's fields inside typed text (figures of `Số liệu`, the year…); others stay. */
export function withFields(text: string, fields: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/gi, (all, name: string) => fields[name.toLowerCase()] ?? all);
}

const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Models.

function commonModel(input: ReportInput, date: Date, doc: DocKind): DocModel {
  const s = input.settings;
  const sign = signatureOf(s, doc);
  const obstacles = draftObstacles(input);
  const counts = levelCounts(input);
  const submitted = submittedCount(input);
  const fields: Record<string, string> = {
    co_quan_chu_quan: upper(s.parentBody),
    co_quan_ban_hanh: s.issuingBody.length ? s.issuingBody.map(upper).join('\n') : missingSetting('issuingBody'),
    dia_danh_ngay: `${s.place || missingSetting('place')}, ${formatDateLong(date)}`,
    ngay_van_ban: formatDateLong(date),
    nam: String(s.year),
    nam_sau: String(s.year + 1),
    nam_truoc: String(s.year - 1),
    tinh: s.province,
    dia_ban: s.area || missingSetting('area'),
    ten_co_quan: bodyInSentence(s),
    so_don_vi: String(input.summary.total),
    so_da_nop: String(submitted),
    so_chua_nop: String(Math.max(0, input.summary.total - submitted)),
    so_xep_loai: String(input.summary.classified),
    so_khong_xep_loai: String(input.summary.notClassified),
    ket_qua_xep_loai: resultSentence(counts, input.summary.classified, input.summary.notClassified),
    khong_che_muc: cappedSentence(input),
    so_sanh_nam_truoc: comparisonSentence(input),
    du_thao: obstacles.length ? DRAFT_MARK : '',
    ghi_chu_du_thao: draftNote(obstacles),
    ky_tham_quyen: sign.authority.join('\n'),
    ky_chuc_vu: sign.title,
    ky_ho_ten: s.signerName || missingSetting('signerName'),
    ten_bang_tham_dinh: appraisedUnits(input).length ? APPRAISAL_TABLE_TITLE : '',
  };
  Object.assign(fields, indicatorFields(input.indicators ?? []));
  for (const c of counts) {
    fields[`so_${levelKey(c.levelCode)}`] = String(c.count);
    fields[`ty_le_${levelKey(c.levelCode)}`] = input.summary.classified ? formatPercent(c.percent) : '—';
  }
  const lists: Record<string, string[]> = {
    dong_co_quan_ban_hanh: fields.co_quan_ban_hanh.split('\n'),
    dong_ky_tham_quyen: sign.authority,
    ket_qua_nhom: groupSentences(input),
  };
  return { fields, lists, tables: buildTables(input, counts) };
}

/** The annual report ("BÁO CÁO Kết quả thực hiện công tác dân vận chính quyền năm …"). */
export function buildReportModel(input: ReportInput): DocModel {
  const s = input.settings;
  const model = commonModel(input, s.reportDate ?? input.today, 'report');
  model.fields.so_ky_hieu = documentNumber(s.reportNumber, 'BC', s.issuingBody);
  model.fields.kinh_gui = stripEndPunct(s.addressee) || missingSetting('addressee');
  model.fields.mo_dau = openingSentence(s);
  model.fields.kem_theo_bao_cao = `(Kèm theo Báo cáo ${model.fields.so_ky_hieu.replace(/^Số:/, 'số')} ${model.fields.ngay_van_ban} của ${bodyInSentence(s)})`;
  // The per-item placeholders of older templates ({{tinh_hinh_chung}}…), from either sheet format.
  const texts = input.outline ? narrativeOf(input.outline) : input.narrative;
  for (const title of NARRATIVE_ITEMS) {
    const text = withFields(narrativeText(texts, title), model.fields) || missingNarrative(title);
    model.fields[NARRATIVE_FIELDS[title]] = text;
    model.lists[PARAGRAPHS_PREFIX + NARRATIVE_FIELDS[title]] = paragraphs(text);
  }
  let number = FIRST_SECTION_NUMBER;
  for (const sec of SECTION_ITEMS) {
    const text = withFields(narrativeText(texts, sec.item, sec.field), model.fields);
    model.fields[sec.field] = text;
    model.fields[HEADING_PREFIX + sec.field] = text ? `${number++}. ${sec.heading}` : '';
    model.lists[PARAGRAPHS_PREFIX + sec.field] = paragraphs(text);
  }
  const fill = (t: string) => withFields(t, model.fields);
  const parts = outlineParagraphs(input.outline ?? fromNarrative(input.narrative), fill, missingNarrative);
  model.outlines = { [OUTLINE_BEFORE]: parts.before, [OUTLINE_AFTER]: parts.after };
  model.lists.noi_nhan = recipientLines('Như trên', s.reportRecipients, s.drafterCode, [s.addressee]);
  model.fields.cau_tham_dinh = appraisalSentence(input);
  return model;
}

/** «Thực hiện Công văn số … của …, Ủy ban nhân dân … báo cáo … như sau:» (without the first part when unset). */
function openingSentence(s: Settings): string {
  const what =
    `báo cáo kết quả thực hiện công tác dân vận chính quyền năm ${s.year}, ` +
    `phương hướng, nhiệm vụ trọng tâm năm ${s.year + 1} như sau:`;
  const basis = stripEndPunct(s.reportBasis.normalize('NFC'));
  if (!basis) return `${bodyInSentence(s)} ${what}`;
  const lead = /^(thuc hien|can cu|theo)\b/.test(foldVietnamese(basis)) ? basis : `Thực hiện ${basis}`;
  return `${lead[0].toUpperCase()}${lead.slice(1)}, ${bodyInSentence(s)} ${what}`;
}

function articleOne(input: ReportInput, counts: LevelCount[]): string {
  const { settings: s, summary } = input;
  const parts = counts.filter((c) => c.count > 0).map((c) => `${c.count} đơn vị ${reaches(c.level)} ${c.level}`);
  if (summary.notClassified > 0) parts.push(`${summary.notClassified} đơn vị không xếp loại`);
  const where = s.area ? ` trên địa bàn ${s.area}` : '';
  const detail = parts.length ? `, trong đó: ${parts.join('; ')}` : '';
  return (
    `Công nhận kết quả đánh giá, phân loại công tác dân vận năm ${s.year} đối với ${summary.total} ` +
    `cơ quan, đơn vị, địa phương${where}${detail} (chi tiết tại Phụ lục kèm theo Quyết định này).`
  );
}

function articleThree(area: string): string {
  const level = areaLevel(area);
  const tail = 'có tên tại Phụ lục kèm theo chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.';
  if (level === 'tỉnh' || level === '') {
    const scope = level ? ' tỉnh' : '';
    return (
      `Chánh Văn phòng Ủy ban nhân dân${scope}, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị và ` +
      `Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu ${tail}`
    );
  }
  const communes = level === 'huyện' ? 'xã, thị trấn' : level === 'quận' ? 'phường' : 'xã, phường';
  return (
    `Chánh Văn phòng HĐND và UBND ${level}, Trưởng phòng Nội vụ ${level}, Thủ trưởng các cơ quan, đơn vị và ` +
    `Chủ tịch UBND các ${communes} ${tail}`
  );
}

/** The classification decision with its appendix ("QUYẾT ĐỊNH Về việc công nhận kết quả …"). */
export function buildDecisionModel(input: ReportInput): DocModel {
  const s = input.settings;
  const date = s.decisionDate ?? input.today;
  const model = commonModel(input, date, 'decision');
  const number = documentNumber(s.decisionNumber, 'QĐ', s.issuingBody);
  const authority = s.decisionAuthority
    ? upper(s.decisionAuthority)
    : s.issuingBody.length
      ? `CHỦ TỊCH ${s.issuingBody.map(upper).join(' ')}`
      : missingSetting('decisionAuthority');
  Object.assign(model.fields, {
    so_ky_hieu: number,
    tham_quyen_qd: authority,
    trich_yeu: `Về việc công nhận kết quả đánh giá, phân loại công tác dân vận năm ${s.year}`,
    dieu_1: articleOne(input, levelCounts(input)),
    dieu_2:
      `Kết quả đánh giá, phân loại công tác dân vận năm ${s.year} tại Điều 1 là căn cứ để xét thi đua, ` +
      `khen thưởng năm ${s.year} đối với các cơ quan, đơn vị, địa phương.`,
    dieu_3: articleThree(s.area),
    kem_theo: `(Kèm theo Quyết định ${number.replace(/^Số:/, 'số')} ${formatDateLong(date)} của ${authorityInSentence(s)})`,
  });
  model.lists.can_cu = basisLines(s.decisionBases);
  model.lists.noi_nhan = recipientLines('Như Điều 3', s.decisionRecipients, s.drafterCode);
  return model;
}
