// The report's outline (sheet `Nội dung báo cáo`): rows of level, number, heading and text the user
// edits, read with findings, numbered, and turned into the paragraphs both renderers print. Old
// workbooks with the key/text table («Mục», «Nội dung») are read into the same outline.
import { Finding, Grid } from './types';
import { NARRATIVE_COLUMNS, OUTLINE_COLUMNS, SHEETS } from './schema';
import { readTable } from './table';
import { cellText, normalizeHeader } from './text';

/** One row of the outline. `number` blank = numbered automatically. */
export interface OutlineRow {
  level: number;
  number: string;
  heading: string;
  text: string;
  /** 1-based sheet row, for findings. */
  row?: number;
}

/** One printed paragraph: a heading of level 1–3, or body text (0). */
export interface OutlineLine {
  level: 0 | 1 | 2 | 3;
  text: string;
}

/** Where, in a row's text, the tool's own part goes (results paragraphs and tables of the assessment). */
export const RESULTS_MARKER = '{{ket_qua_danh_gia}}';
const isMarker = (p: string) => /^\{\{\s*ket_qua_danh_gia\s*\}\}$/i.test(p.trim());

/** The outline of the real reports (seed 002), with the texts of an old key/text table (see fromNarrative). */
const SEED_OUTLINE: Array<{ level: number; heading: string; key?: string; field?: string; optional?: boolean; marker?: boolean }> = [
  { level: 1, heading: 'Tình hình chung', key: 'Tình hình chung', field: 'tinh_hinh_chung' },
  { level: 1, heading: 'Kết quả triển khai, thực hiện' },
  { level: 2, heading: 'Công tác lãnh đạo, chỉ đạo triển khai thực hiện', key: 'Công tác lãnh đạo, chỉ đạo', field: 'lanh_dao_chi_dao' },
  { level: 2, heading: 'Kết quả đánh giá, phân loại công tác dân vận chính quyền năm {{nam}}', marker: true },
  {
    level: 2,
    heading: 'Công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh',
    key: 'Tiếp công dân, giải quyết khiếu nại, tố cáo',
    field: 'tiep_cong_dan',
    optional: true,
  },
  { level: 2, heading: 'Công tác cải cách hành chính', key: 'Cải cách hành chính', field: 'cai_cach_hanh_chinh', optional: true },
  {
    level: 2,
    heading: 'Thực hiện dân chủ ở cơ sở gắn với tăng cường kỷ luật, kỷ cương hành chính',
    key: 'Dân chủ ở cơ sở',
    field: 'dan_chu_co_so',
    optional: true,
  },
  {
    level: 2,
    heading: 'Xây dựng, nhân rộng mô hình, điển hình “Dân vận khéo”',
    key: 'Dân vận khéo',
    field: 'dan_van_kheo',
    optional: true,
  },
  {
    level: 2,
    heading:
      'Phối hợp, tạo điều kiện để Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội và Nhân dân tham gia xây dựng chính quyền',
    key: 'Phối hợp với Mặt trận Tổ quốc',
    field: 'phoi_hop_mttq',
    optional: true,
  },
  {
    level: 2,
    heading: 'Tập huấn, bồi dưỡng kiến thức, kỹ năng công tác dân vận cho cán bộ, công chức, viên chức',
    key: 'Tập huấn, bồi dưỡng',
    field: 'tap_huan',
    optional: true,
  },
  { level: 1, heading: 'Đánh giá chung' },
  { level: 2, heading: 'Kết quả đạt được', key: 'Kết quả đạt được', field: 'ket_qua_dat_duoc' },
  { level: 2, heading: 'Hạn chế, vướng mắc', key: 'Hạn chế, vướng mắc', field: 'han_che' },
  { level: 2, heading: 'Nguyên nhân của những hạn chế, vướng mắc', key: 'Nguyên nhân', field: 'nguyen_nhan' },
  { level: 1, heading: 'Phương hướng, nhiệm vụ trọng tâm năm {{nam_sau}}', key: 'Nhiệm vụ năm tới', field: 'nhiem_vu' },
  { level: 1, heading: 'Đề xuất, kiến nghị', key: 'Đề xuất, kiến nghị', field: 'de_xuat' },
];

function textOf(narrative: Record<string, string>, key: string, field: string): string {
  const wanted = [normalizeHeader(key), normalizeHeader(field)];
  for (const [k, v] of Object.entries(narrative)) {
    if (wanted.includes(normalizeHeader(k)) && String(v ?? '').trim()) return String(v).normalize('NFC').trim();
  }
  return '';
}

/**
 * The seed-002 outline filled from an old key/text table (or a sample's texts). The optional
 * sub-sections II.3–II.8 are kept only when they have text, unless `keepEmpty` (a new workbook:
 * the user fills or deletes them).
 */
export function fromNarrative(narrative: Record<string, string>, keepEmpty = false): OutlineRow[] {
  const rows: OutlineRow[] = [];
  for (const s of SEED_OUTLINE) {
    const text = s.marker ? RESULTS_MARKER : s.key && s.field ? textOf(narrative, s.key, s.field) : '';
    if (s.optional && !text && !keepEmpty) continue;
    rows.push({ level: s.level, number: '', heading: s.heading, text });
  }
  return rows;
}

/**
 * The texts of an outline by old item («Mục»), for templates that still use the per-item
 * placeholders ({{tinh_hinh_chung}}…): a row counts when its heading is the seed heading.
 */
export function narrativeOf(rows: OutlineRow[]): Record<string, string> {
  const byHeading = new Map(SEED_OUTLINE.filter((s) => s.key).map((s) => [normalizeHeader(s.heading), s.key as string]));
  const out: Record<string, string> = {};
  for (const r of rows) {
    const key = byHeading.get(normalizeHeader(r.heading));
    if (key && r.text && !out[key]) out[key] = r.text;
  }
  return out;
}

/** The default outline of a new control workbook (seed 002, texts empty). */
export const defaultOutline = (): OutlineRow[] => fromNarrative({}, true);

export interface ReadOutline {
  /** null: the sheet has the old key/text table (read into `narrative`), or no table at all. */
  outline: OutlineRow[] | null;
  narrative: Record<string, string>;
  findings: Finding[];
}

const finding = (row: number | undefined, code: string, message: string): Finding => ({
  severity: 'Cảnh báo',
  unitCode: '',
  sheet: SHEETS.narrative,
  cell: row ? `A${row}` : undefined,
  code,
  message: `Sheet «${SHEETS.narrative}»${row ? `, dòng ${row}` : ''}: ${message}`,
});

/** Read the sheet: the outline when it has the columns «Cấp», «Tiêu đề», else the old key/text table. */
export function readOutline(grid: Grid | undefined): ReadOutline {
  const narrative: Record<string, string> = {};
  if (!grid) return { outline: null, narrative, findings: [] };
  const t = readTable(grid, OUTLINE_COLUMNS, ['level', 'heading', 'text']);
  if (!t.location) {
    const old = readTable(grid, NARRATIVE_COLUMNS, ['key', 'text']);
    for (const r of old.rows) if (cellText(r.text)) narrative[cellText(r.key)] = cellText(r.text);
    const findings = old.location
      ? []
      : [finding(undefined, 'outline-structure', `không tìm thấy dòng tiêu đề «${Object.values(OUTLINE_COLUMNS).join('», «')}».`)];
    return { outline: null, narrative, findings };
  }
  const findings: Finding[] = [];
  const outline: OutlineRow[] = [];
  for (const r of t.rows) {
    const levelText = cellText(r.level);
    const number = cellText(r.number);
    const heading = cellText(r.heading).normalize('NFC');
    const text = cellText(r.text).normalize('NFC');
    if (!levelText && !number && !heading && !text) continue;
    const level = Number(levelText.replace(',', '.'));
    if (!Number.isInteger(level) || level < 1 || level > 3) {
      findings.push(
        finding(
          r.row,
          'outline-level',
          `«Cấp» phải là 1 (phần I, II, III…), 2 (mục 1., 2.…) hoặc 3 (tiểu mục a), b)…), không phải «${levelText}»; dòng này không được in.`,
        ),
      );
      continue;
    }
    outline.push({ level, number, heading, text, row: r.row });
  }
  findings.push(...checkOutline(outline));
  return { outline, narrative, findings };
}

/** Rows that do not fit the outline: a sub-section without a parent, text without a heading, the marker twice or never. */
export function checkOutline(rows: OutlineRow[]): Finding[] {
  const findings: Finding[] = [];
  let last = 0;
  let markers = 0;
  for (const r of rows) {
    if (r.level > last + 1) {
      const parent = r.level === 3 ? 'mục cấp 2' : 'phần cấp 1';
      findings.push(
        finding(r.row, 'outline-orphan', `mục cấp ${r.level} «${r.heading}» không nằm dưới ${parent} nào; kiểm tra cột «Cấp».`),
      );
    }
    last = r.level;
    if (!r.heading && r.text) {
      findings.push(finding(r.row, 'outline-no-heading', 'có nội dung nhưng chưa có «Tiêu đề»; nội dung được in tiếp sau mục phía trên.'));
    }
    if (r.text.split(/\r?\n/).some(isMarker)) {
      markers++;
      if (markers === 2) findings.push(finding(r.row, 'outline-marker-twice', `${RESULTS_MARKER} chỉ dùng một lần; lần này bị bỏ qua.`));
    }
  }
  if (rows.length && markers === 0) {
    findings.push(
      finding(
        undefined,
        'outline-no-marker',
        `không có dòng nào ghi ${RESULTS_MARKER} ở cột «Nội dung»; kết quả đánh giá, phân loại được in sau mục cuối cùng.`,
      ),
    );
  }
  return findings;
}

const ROMAN: Array<[number, string]> = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
function fromRoman(s: string): number | null {
  if (!/^[IVX]+$/i.test(s)) return null;
  for (let n = 1; n < 40; n++) if (roman(n) === s.toUpperCase()) return n;
  return null;
}
const letter = (n: number) => 'abcdefghiklmnopqrstuvxy'[(n - 1) % 23];

/** The number printed before a heading: typed «Số» as typed («II.» stays), else the next in order. */
function numberOf(level: number, typed: string, counters: number[]): string {
  const bare = typed.replace(/[.)]+$/, '').trim();
  const LETTERS = 'abcdefghiklmnopqrstuvxy';
  let n: number | null = null;
  if (bare && level === 1) n = fromRoman(bare);
  else if (bare && level === 2 && /^\d+$/.test(bare)) n = Number(bare);
  else if (bare && level === 3 && /^[a-z]$/i.test(bare)) n = LETTERS.indexOf(bare.toLowerCase()) + 1 || null;
  counters[level] = n ?? counters[level] + 1;
  for (let l = level + 1; l <= 3; l++) counters[l] = 0;
  if (bare) return typed.endsWith('.') || typed.endsWith(')') ? typed : `${typed}${level === 3 ? ')' : '.'}`;
  return level === 1 ? `${roman(counters[1])}.` : level === 2 ? `${counters[2]}.` : `${letter(counters[3])})`;
}

export interface OutlineParts {
  /** Paragraphs up to the marker row (its heading and the text before the marker). */
  before: OutlineLine[];
  /** Paragraphs after the marker (the rest of its row and the following rows); empty without a marker. */
  after: OutlineLine[];
}

/**
 * The outline as paragraphs: headings numbered («I. TÌNH HÌNH CHUNG», «1. …», «a) …»), texts
 * split at line breaks. `fill` replaces the `{{placeholders}}` in headings and texts; `missing`
 * marks a heading row with no text and no sub-section under it.
 */
export function outlineParagraphs(rows: OutlineRow[], fill: (s: string) => string, missing: (heading: string) => string): OutlineParts {
  const parts: OutlineParts = { before: [], after: [] };
  let target = parts.before;
  let markerSeen = false;
  const counters = [0, 0, 0, 0];
  rows.forEach((r, i) => {
    if (r.heading) {
      const head = fill(r.heading);
      const number = numberOf(r.level, r.number, counters);
      target.push({ level: r.level as 1 | 2 | 3, text: `${number} ${r.level === 1 ? head.toUpperCase() : head}` });
    }
    const paras = r.text
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const hasChild = i + 1 < rows.length && rows[i + 1].level > r.level;
    if (!paras.length && r.heading && !hasChild) target.push({ level: 0, text: missing(fill(r.heading)) });
    for (const p of paras) {
      if (isMarker(p)) {
        if (!markerSeen) {
          markerSeen = true;
          target = parts.after;
        }
        continue;
      }
      target.push({ level: 0, text: fill(p) });
    }
  });
  return parts;
}
