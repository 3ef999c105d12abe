// The default layout of the report and of the decision, as data. Both renderers draw exactly
// this list of blocks: the .docx renderer (src/node/docx) turns it into a Word template, the
// Google Docs renderer into a Google Doc; then the `{{placeholders}}` are filled from the model
// (report-model.ts). Format per Nghị định 30/2020/NĐ-CP, Phụ lục I (see DOMAIN.md §7).
import { Align, OUTLINE_AFTER, OUTLINE_BEFORE, TABLE_SPECS, TableName, TableSpec } from './report-model';

export type { Align } from './report-model';

/**
 * Paragraph formatting. Defaults when absent: size 14 pt, align 'left', not bold/italic, no
 * indent, 0 pt before and after, single line spacing. Font is always Times New Roman.
 */
export interface TextStyle {
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** First-line indent of 1 cm (body text). */
  indentFirst?: boolean;
  /** Show in capitals whatever the value's case (Word: w:caps; Google: upper-case the text). */
  upper?: boolean;
  /** Space before / after the paragraph, in points. */
  spaceBefore?: number;
  spaceAfter?: number;
  /** Keep with the next paragraph (headings, table captions). */
  keepNext?: boolean;
}

/**
 * One paragraph. `text` may contain `{{field}}` markers (fields only). `lead` is printed in bold
 * before `text` ("Điều 1. "). With `ifField`, the paragraph is dropped when that field is empty.
 */
export interface ParaBlock extends TextStyle {
  t: 'p';
  text: string;
  lead?: string;
  ifField?: string;
}

/** A short centred horizontal line; `width` is a fraction of the column (or page) text width. */
export interface RuleBlock {
  t: 'rule';
  width: number;
}

/** One paragraph per item of the model's list `name`, each with this style; nothing when empty. */
export interface ListBlock extends TextStyle {
  t: 'list';
  name: string;
}

/** The model's table `name`: a header row (repeated on each page) and one row per data row. */
export interface TableBlock extends TableSpec {
  t: 'table';
  name: string;
  /** Text size in the table, points (default 13). */
  size?: number;
  /** An optional table: dropped when this field is empty (the .docx renderer's condition). */
  ifField?: string;
}

export type CellBlock = ParaBlock | RuleBlock | ListBlock;

/**
 * Borderless side-by-side columns over the full text width (the NĐ 30 header and signature).
 * `rows[r][c]` is the content of row r, column c; `widths` are relative column widths.
 */
export interface ColumnsBlock {
  t: 'columns';
  widths: number[];
  rows: CellBlock[][][];
}

/** Start a new page; with `newSection`, page numbering restarts at 1 (appendices). */
export interface PageBreakBlock {
  t: 'pageBreak';
  newSection?: boolean;
}

/**
 * The model's outline `name` (report-model.ts `outlines`): one paragraph per line, in this style;
 * headings of level 1 and 2 bold, level 3 italic, each kept with the next paragraph.
 */
export interface OutlineBlock extends TextStyle {
  t: 'outline';
  name: string;
}

/** The style of an outline line of `level` (0 = body text) inside an OutlineBlock of style `base`. */
export function outlineLineStyle(base: TextStyle, level: number): TextStyle {
  if (level === 0) return base;
  // A part (I., II.…) stands apart from the text or the tables above it.
  return { ...base, bold: level <= 2, italic: level === 3, keepNext: true, spaceBefore: level === 1 ? 12 : 6 };
}

export type Block = ParaBlock | RuleBlock | ListBlock | TableBlock | ColumnsBlock | PageBreakBlock | OutlineBlock;

// ---------------------------------------------------------------------------------------------
// Building blocks.

const BODY: TextStyle = { align: 'justify', indentFirst: true, spaceAfter: 6, size: 14 };

const p = (text: string, style: TextStyle & { lead?: string; ifField?: string } = {}): ParaBlock => ({ t: 'p', text, ...style });
const body = (text: string, style: TextStyle & { ifField?: string } = {}): ParaBlock => p(text, { ...BODY, ...style });
const caption = (text: string): ParaBlock => p(text, { ...BODY, italic: true, keepNext: true, spaceBefore: 6 });
const centered = (text: string, style: TextStyle & { ifField?: string } = {}): ParaBlock => p(text, { align: 'center', ...style });
const rule = (width: number): RuleBlock => ({ t: 'rule', width });
const list = (name: string, style: TextStyle = BODY): ListBlock => ({ t: 'list', name, ...style });
const table = (name: TableName, ifField?: string): TableBlock => ({
  t: 'table',
  name,
  ...TABLE_SPECS[name],
  size: 13,
  ...(ifField ? { ifField } : {}),
});

/**
 * The criteria appraised differently from the self-score, under their heading; nothing at all when
 * there are none (the heading field is empty then, and the table is optional).
 */
const appraisalBlocks = (): Block[] => [
  centered('{{ten_bang_tham_dinh}}', {
    size: 14,
    bold: true,
    spaceBefore: 18,
    spaceAfter: 6,
    keepNext: true,
    ifField: 'ten_bang_tham_dinh',
  }),
  table('tham_dinh_khac', 'ten_bang_tham_dinh'),
];
const outline = (name: string, style: TextStyle = BODY): OutlineBlock => ({ t: 'outline', name, ...style });

/**
 * Header (NĐ 30): issuing body (parent body above it, not bold) with a short line under it, and
 * the number below; Quốc hiệu and Tiêu ngữ with a line as long as the motto, and the place-date
 * line on the same row as the number.
 */
export function headerBlock(): ColumnsBlock {
  return {
    t: 'columns',
    widths: [37, 63],
    rows: [
      [
        [
          centered('{{co_quan_chu_quan}}', { size: 13, ifField: 'co_quan_chu_quan' }),
          list('dong_co_quan_ban_hanh', { align: 'center', size: 13, bold: true }),
          rule(0.35),
        ],
        [
          centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true }),
          centered('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true }),
          rule(0.6),
        ],
      ],
      [
        [centered('{{so_ky_hieu}}', { size: 13, spaceBefore: 6 })],
        [centered('{{dia_danh_ngay}}', { size: 14, italic: true, spaceBefore: 6 })],
      ],
    ],
  };
}

/** «DỰ THẢO» and why, above the header of a draft; nothing on a final version. */
export function draftBlocks(): ParaBlock[] {
  return [
    centered('{{du_thao}}', { size: 14, bold: true, ifField: 'du_thao' }),
    centered('{{ghi_chu_du_thao}}', { size: 12, italic: true, spaceAfter: 6, ifField: 'ghi_chu_du_thao' }),
  ];
}

/** Signature (NĐ 30): "Nơi nhận:" and the recipients at left; authority, title, space, name at right. */
export function signatureBlock(): ColumnsBlock {
  return {
    t: 'columns',
    widths: [50, 50],
    rows: [
      [
        [p('Nơi nhận:', { size: 12, bold: true, italic: true }), list('noi_nhan', { size: 11 })],
        [
          list('dong_ky_tham_quyen', { align: 'center', size: 14, bold: true }),
          centered('{{ky_chuc_vu}}', { size: 14, bold: true, ifField: 'ky_chuc_vu' }),
          centered('{{ky_ho_ten}}', { size: 14, bold: true, spaceBefore: 80 }),
        ],
      ],
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The two documents.

/** The annual report, laid out like the district reports in seeds/ (sections I–V). */
export function reportLayout(): Block[] {
  return [
    ...draftBlocks(),
    headerBlock(),
    centered('BÁO CÁO', { size: 14, bold: true, spaceBefore: 18 }),
    centered('Kết quả thực hiện công tác dân vận chính quyền năm {{nam}}, phương hướng, nhiệm vụ trọng tâm năm {{nam_sau}}', {
      size: 14,
      bold: true,
    }),
    rule(0.3),
    centered('Kính gửi: {{kinh_gui}}.', { size: 14, spaceBefore: 12, spaceAfter: 12 }),
    body('{{mo_dau}}'),
    // The user's outline (sheet «Nội dung báo cáo») up to its {{ket_qua_danh_gia}} row, the tool's
    // own results there, then the rest of the outline (outline.ts).
    outline(OUTLINE_BEFORE),
    body(
      'Năm {{nam}}, trên địa bàn {{dia_ban}} có {{so_don_vi}} cơ quan, đơn vị, địa phương thực hiện đánh giá, ' +
        'phân loại công tác dân vận chính quyền; {{so_da_nop}} đơn vị đã nộp kết quả tự chấm; ' +
        '{{so_xep_loai}} đơn vị được xếp loại.',
    ),
    body('{{ket_qua_xep_loai}}'),
    list('ket_qua_nhom'),
    body('{{khong_che_muc}}', { ifField: 'khong_che_muc' }),
    body('{{so_sanh_nam_truoc}}', { ifField: 'so_sanh_nam_truoc' }),
    caption('a) Tổng hợp theo mức xếp loại (tỷ lệ tính trên số đơn vị được xếp loại):'),
    table('ty_le'),
    caption('b) Các đơn vị không xếp loại:'),
    table('khong_xep_loai'),
    caption('c) Kết quả chấm điểm hằng năm (tỷ lệ tính trên số đơn vị được xếp loại của năm đó):'),
    table('ket_qua_cac_nam'),
    body('Kết quả xếp hạng từng đơn vị được xếp loại tại Phụ lục kèm theo Báo cáo này.', { spaceBefore: 6 }),
    body('{{cau_tham_dinh}}', { ifField: 'cau_tham_dinh' }),
    outline(OUTLINE_AFTER),
    body(
      'Trên đây là kết quả thực hiện công tác dân vận chính quyền năm {{nam}}, phương hướng, nhiệm vụ ' +
        'trọng tâm năm {{nam_sau}}, {{ten_co_quan}} kính báo cáo./.',
      { keepNext: true },
    ),
    signatureBlock(),
    // The per-unit ranking is an appendix, as in the real reports: the body keeps counts and shares.
    { t: 'pageBreak', newSection: true },
    centered('Phụ lục', { size: 14, bold: true }),
    centered('KẾT QUẢ XẾP HẠNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM {{nam}}', { size: 14, bold: true }),
    centered('{{kem_theo_bao_cao}}', { size: 14, italic: true }),
    rule(0.3),
    p('', { spaceAfter: 6 }),
    table('xep_hang'),
    ...appraisalBlocks(),
  ];
}

/** The classification decision, then its appendix on a new section (own page numbering). */
export function decisionLayout(): Block[] {
  return [
    ...draftBlocks(),
    headerBlock(),
    centered('QUYẾT ĐỊNH', { size: 14, bold: true, spaceBefore: 18 }),
    centered('{{trich_yeu}}', { size: 14, bold: true }),
    rule(0.3),
    centered('{{tham_quyen_qd}}', { size: 14, bold: true, spaceBefore: 12, spaceAfter: 6 }),
    list('can_cu', { ...BODY, italic: true }),
    centered('QUYẾT ĐỊNH:', { size: 14, bold: true, spaceBefore: 6, spaceAfter: 6 }),
    p('{{dieu_1}}', { ...BODY, lead: 'Điều 1. ' }),
    p('{{dieu_2}}', { ...BODY, lead: 'Điều 2. ' }),
    // NĐ 30: the signature never stands alone on a page: the last article goes with it.
    p('{{dieu_3}}', { ...BODY, lead: 'Điều 3. ', keepNext: true }),
    signatureBlock(),
    { t: 'pageBreak', newSection: true },
    centered('Phụ lục', { size: 14, bold: true }),
    centered('KẾT QUẢ ĐÁNH GIÁ, PHÂN LOẠI CÔNG TÁC DÂN VẬN NĂM {{nam}}', { size: 14, bold: true }),
    centered('{{kem_theo}}', { size: 14, italic: true }),
    rule(0.3),
    p('', { spaceAfter: 6 }),
    table('phu_luc'),
    p(
      'Ghi chú: dấu «—» ở cột Điểm thẩm định: đơn vị không được thẩm định lại, kết quả xếp loại tính theo điểm tự chấm; ' +
        'ở cột Điểm tự chấm: đơn vị chưa nộp hồ sơ tự chấm điểm.',
      {
        size: 12,
        italic: true,
        align: 'justify',
        spaceBefore: 6,
      },
    ),
    ...appraisalBlocks(),
  ];
}

/** Every `{{name}}` used in the text of a layout (fields), and the lists and tables it draws. */
export function layoutPlaceholders(blocks: Block[]): { fields: string[]; lists: string[]; tables: string[]; outlines: string[] } {
  const fields = new Set<string>();
  const lists = new Set<string>();
  const outlines = new Set<string>();
  const tables = new Set<string>();
  const visit = (b: Block | CellBlock) => {
    if (b.t === 'p') {
      for (const m of `${b.lead ?? ''}${b.text}`.matchAll(/\{\{([^{}]+)\}\}/g)) fields.add(m[1]);
      if (b.ifField) fields.add(b.ifField);
    } else if (b.t === 'list') lists.add(b.name);
    else if (b.t === 'outline') outlines.add(b.name);
    else if (b.t === 'table') {
      tables.add(b.name);
      if (b.ifField) fields.add(b.ifField);
    } else if (b.t === 'columns') b.rows.forEach((row) => row.forEach((cell) => cell.forEach(visit)));
  };
  blocks.forEach(visit);
  return { fields: [...fields], lists: [...lists], tables: [...tables], outlines: [...outlines] };
}
