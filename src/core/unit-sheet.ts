// The unit workbook's `Chấm điểm` sheet as data: what to write (layout) and how to read it back.
// Both the xlsx and the Google Sheets adapters draw exactly this layout, so files from either
// back-end read the same way.
import { Cell, Criterion, CriterionRow, Entries, Finding, Grid, Rubric, STATUS, Unit } from './types';
import type { Settings } from './config';
import { parseRubrics, rewordedCodes, rubricRows, wordingFingerprint } from './rubric';
import { META_COLUMNS, META_KEYS, SCORING_COLUMNS, SHEETS } from './schema';
import { a1, columnLetter, findHeader, readTable, TableLocation } from './table';
import { cellText, normalizeHeader, parseScore } from './text';
import { unitKey } from './control';
import { formatDateShort, formatNumber } from './format';

/** A cell to write: a value, or a formula (English function names, A1 references, leading "="). */
export type CellSpec = Cell | { formula: string };
export const isFormula = (c: CellSpec): c is { formula: string } =>
  c !== null && typeof c === 'object' && !(c instanceof Date) && 'formula' in c;

export type RowStyle = 'title' | 'info' | 'header' | 'parent' | 'leaf' | 'bonus' | 'penalty' | 'total' | 'grand-total';

export interface UnitSheetLayout {
  name: string;
  /** Rectangular grid of cells to write, starting at A1. */
  cells: CellSpec[][];
  /** Style of each row (same length as cells). */
  rowStyles: RowStyle[];
  /** 0-based index of the table header row. */
  headerRow: number;
  /** 0-based column of each table column; META_COL holds hidden machine data. */
  cols: Record<keyof typeof SCORING_COLUMNS, number>;
  metaCol: number;
  /** Column widths in characters (Excel units), one per column. */
  widths: number[];
  /** A1 ranges the scorer may edit (self-score, evidence, note of every leaf). */
  scorerInputs: string[];
  /** A1 ranges only the appraisers (the owner) may edit. */
  appraiserInputs: string[];
  /**
   * A1 ranges the scorer may edit while the unit is «Trả lại để giải trình» (explanation and
   * evidence of every leaf); closed otherwise.
   */
  explanationInputs: string[];
  /** Numeric validation of each leaf's score cells. */
  validations: Array<{ cell: string; min: number; max: number; help: string }>;
  /** Cells to flag (conditional format) when above their maximum: score cell → max cell. */
  aboveMax: Array<{ cell: string; maxCell: string }>;
  /** Notes attached to cells (criterion guidance). */
  notes: Array<{ cell: string; text: string }>;
  /** Machine metadata, also written to the hidden sheet `Thông tin biểu mẫu`. */
  meta: Array<[string, Cell]>;
}

// `Lý do thẩm định` sits right of the hidden column H (shown next to `Ghi chú`): inserting it
// beside `Thẩm định` would move column H, which older files and messages name.
const COLS = { code: 0, title: 1, max: 2, self: 3, appraised: 4, evidence: 5, note: 6, reason: 8, explanation: 9 } as const;
const META_COL = 7;
/** Number of columns of the sheet (A to the last one the tool writes). */
export const UNIT_SHEET_WIDTH = COLS.explanation + 1;
const WIDTH = UNIT_SHEET_WIDTH;
/** Hidden column H: rows 1–5 hold the metadata; each criterion row flags a formula typed in an input. */
const META_ROWS = ['dvcq', 'unitCode', 'rubricId', 'fingerprint', 'year', 'status'] as const;
const FORMULA_FLAG = 'Ô có công thức';
const META_MARKER = 'dvcq-bieu-cham-diem';
type InputKey = 'self' | 'appraised' | 'evidence' | 'note' | 'reason' | 'explanation';
const INPUT_KEYS: InputKey[] = ['self', 'appraised', 'evidence', 'note', 'reason', 'explanation'];
/** Flag of a parent row whose total formula was typed over. */
const OVERWRITTEN = 'total';
/** Label of the first totals row: the criteria table ends above it. */
const TOTALS_LABEL = 'Điểm các tiêu chí';
/**
 * The column layout recorded in the file (hidden column, blank line under the criteria): a formula
 * whose references a spreadsheet keeps pointing at the same columns when columns are inserted or
 * moved, but not when a header label is retyped or moved. Online it arrives computed
 * ("dvcq-cot;code=1;…;self=4;…"), offline as its text.
 */
const LAYOUT_MARKER = 'dvcq-cot';
type ColumnKey = keyof typeof SCORING_COLUMNS;
/** Columns whose place decides what is read (the title may be renamed freely). */
const CHECKED_COLUMNS: readonly ColumnKey[] = ['code', 'max', 'self', 'appraised', 'evidence', 'note', 'reason', 'explanation'];

function layoutRecordFormula(row: number): string {
  return (Object.keys(COLS) as ColumnKey[]).map((k, i) => `"${i === 0 ? LAYOUT_MARKER : ''};${k}="&COLUMN(${a1(row, COLS[k])})`).join('&');
}

export interface LayoutOptions {
  year: number;
  deadline?: Date | null;
  step: number;
  bonusCap: number;
  createdAt?: Date;
}

/** A1 address of a metadata cell in the hidden column. */
export const metaCell = (key: (typeof META_ROWS)[number]) => a1(META_ROWS.indexOf(key), META_COL);
/** Where a submission is shown (column A) and recorded (hidden column) — same row. */
export const STATUS_CELLS = { text: a1(META_ROWS.indexOf('status'), 0), meta: metaCell('status') };

/** Layout options from the control workbook's settings, the same for both back-ends. */
export function layoutOptions(settings: Settings, rubric: Rubric, createdAt?: Date): LayoutOptions {
  const s = settings.scoring;
  return { year: settings.year, deadline: settings.deadline, step: s.step, bonusCap: s.bonusCap ?? rubric.bonusMax, createdAt };
}

/**
 * What a unit sheet was built from: the rubric, the score step and bonus cap written into its
 * validation and formulas, and the criterion texts it shows — a change of any of them makes the
 * sheet stale (the texts apart: see `stale-wording`).
 */
export const layoutFingerprint = (rubric: Rubric, opts: Pick<LayoutOptions, 'step' | 'bonusCap'>) =>
  `${rubric.fingerprint}/${opts.step}/${opts.bonusCap}/${wordingFingerprint(rubric)}`;

function blankRow(): CellSpec[] {
  return new Array<CellSpec>(WIDTH).fill(null);
}

/** The `Chấm điểm` sheet of one unit. */
export function unitSheetLayout(unit: Unit, rubric: Rubric, opts: LayoutOptions): UnitSheetLayout {
  const cells: CellSpec[][] = [];
  const rowStyles: RowStyle[] = [];
  const push = (row: CellSpec[], style: RowStyle) => {
    cells.push(row);
    rowStyles.push(style);
  };
  const line = (text: string, style: RowStyle) => {
    const r = blankRow();
    r[0] = text;
    push(r, style);
  };
  line(`BIỂU CHẤM ĐIỂM CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM ${opts.year}`, 'title');
  line(`Đơn vị: ${unit.name} — Mã đơn vị: ${unit.code}`, 'info');
  line(`Nhóm: ${unit.group || '—'} — Bộ tiêu chí: ${rubric.id}`, 'info');
  line(
    `Hạn nộp: ${opts.deadline ? formatDateShort(opts.deadline) : '—'} — Điểm nhập là bội số của ${formatNumber(opts.step)}; ` +
      `cột «Thẩm định» do Hội đồng thẩm định nhập.`,
    'info',
  );
  line('Ô nền trắng là ô được nhập; các ô khác do công cụ tính.', 'info');
  line(`Trạng thái: ${STATUS.scoring}`, 'info');
  const metaValues: Record<(typeof META_ROWS)[number], Cell> = {
    dvcq: META_MARKER,
    unitCode: unit.code,
    rubricId: rubric.id,
    fingerprint: layoutFingerprint(rubric, opts),
    year: opts.year,
    status: STATUS.scoring,
  };
  META_ROWS.forEach((k, i) => (cells[i][META_COL] = metaValues[k]));

  const header = blankRow();
  (Object.keys(COLS) as ColumnKey[]).forEach((k) => (header[COLS[k]] = SCORING_COLUMNS[k]));
  header[META_COL] = FORMULA_FLAG;
  push(header, 'header');
  const headerRow = cells.length - 1;

  const rowOf: Record<string, number> = {};
  rubric.criteria.forEach((c, i) => (rowOf[c.code] = headerRow + 1 + i));
  const ref = (col: number, code: string) => a1(rowOf[code], col);
  const effective = (code: string) => `IF(ISNUMBER(${ref(COLS.appraised, code)}),${ref(COLS.appraised, code)},N(${ref(COLS.self, code)}))`;

  const scorerInputs: string[] = [];
  const appraiserInputs: string[] = [];
  const explanationInputs: string[] = [];
  const validations: UnitSheetLayout['validations'] = [];
  const aboveMax: UnitSheetLayout['aboveMax'] = [];
  const notes: UnitSheetLayout['notes'] = [];

  for (const c of rubric.criteria) {
    const r = blankRow();
    const row = rowOf[c.code];
    r[COLS.code] = c.code;
    r[COLS.title] = '   '.repeat(c.depth) + c.title;
    r[COLS.max] = c.max;
    if (c.children.length) {
      const kids = c.children.map((k) => ref(COLS.self, k)).join(',');
      const kidsAppraised = c.children.map((k) => ref(COLS.appraised, k)).join(',');
      r[COLS.self] = { formula: `SUM(${kids})` };
      r[COLS.appraised] = { formula: `IF(COUNT(${kidsAppraised})=0,"",${c.children.map(effective).join('+')})` };
      r[META_COL] = {
        formula: `IF(AND(ISFORMULA(${ref(COLS.self, c.code)}),ISFORMULA(${ref(COLS.appraised, c.code)})),"","${OVERWRITTEN}")`,
      };
      push(r, 'parent');
    } else {
      const inputs = [COLS.self, COLS.evidence, COLS.note].map((col) => a1(row, col));
      scorerInputs.push(...inputs);
      appraiserInputs.push(a1(row, COLS.appraised), a1(row, COLS.reason));
      explanationInputs.push(a1(row, COLS.explanation), a1(row, COLS.evidence));
      const help =
        `Nhập từ 0 đến ${formatNumber(c.max)}, bội số của ${formatNumber(opts.step)}` +
        (c.kind === 'penalty' ? ' (điểm trừ nhập số dương).' : '.');
      for (const col of [COLS.self, COLS.appraised]) {
        validations.push({ cell: a1(row, col), min: 0, max: c.max, help });
        aboveMax.push({ cell: a1(row, col), maxCell: a1(row, COLS.max) });
      }
      if (c.guidance || c.evidenceRequired) {
        const req = c.evidenceRequired ? 'Bắt buộc có minh chứng. ' : '';
        notes.push({ cell: a1(row, COLS.title), text: `${req}${c.guidance}`.trim() });
      }
      // Names the input cells holding a formula, e.g. "self;evidence;" (read back online; names,
      // not letters, so an inserted column does not shift their meaning).
      r[META_COL] = {
        formula: INPUT_KEYS.map((k) => `IF(ISFORMULA(${a1(row, COLS[k])}),"${k};","")`).join('&'),
      };
      push(r, c.kind === 'bonus' ? 'bonus' : c.kind === 'penalty' ? 'penalty' : 'leaf');
    }
  }

  // Totals, computed by the spreadsheet with the same rules as the core (score.ts).
  const top = (kind: Criterion['kind']) => rubric.criteria.filter((c) => c.depth === 0 && c.kind === kind);
  const leavesOf = (kind: Criterion['kind']) => rubric.criteria.filter((c) => !c.children.length && c.kind === kind);
  const sumSelf = (list: Criterion[]) => (list.length ? `SUM(${list.map((c) => ref(COLS.self, c.code)).join(',')})` : '0');
  const topEffective = (list: Criterion[]) =>
    list.length
      ? list
          .map((c) => `IF(ISNUMBER(${ref(COLS.appraised, c.code)}),${ref(COLS.appraised, c.code)},N(${ref(COLS.self, c.code)}))`)
          .join('+')
      : '0';
  const gap = blankRow();
  gap[META_COL] = { formula: layoutRecordFormula(cells.length) };
  push(gap, 'info');
  const firstTotal = cells.length;
  const total = (label: string, self: string, eff: string, style: RowStyle = 'total') => {
    const r = blankRow();
    r[COLS.title] = label;
    r[COLS.self] = { formula: self };
    r[COLS.appraised] = { formula: eff };
    push(r, style);
  };
  total(TOTALS_LABEL, sumSelf(top('score')), topEffective(top('score')));
  // As in score.ts: a negative bonus counts as 0, a deduction typed negative counts by its size.
  const each = (list: Criterion[], wrap: (x: string) => string, value: (code: string) => string) =>
    list.length ? list.map((c) => wrap(value(c.code))).join('+') : '0';
  const selfOf = (code: string) => `N(${ref(COLS.self, code)})`;
  const positive = (x: string) => `MAX(0,${x})`;
  const size = (x: string) => `ABS(${x})`;
  total(
    `Điểm thưởng (tối đa ${formatNumber(opts.bonusCap)})`,
    `MIN(${each(leavesOf('bonus'), positive, selfOf)},${opts.bonusCap})`,
    `MIN(${each(leavesOf('bonus'), positive, effective)},${opts.bonusCap})`,
  );
  total('Điểm trừ', each(leavesOf('penalty'), size, selfOf), each(leavesOf('penalty'), size, effective));
  const [base, bonus, penalty] = [0, 1, 2].map((i) => (col: number) => a1(firstTotal + i, col));
  const finalFormula = (col: number) => {
    const raw = `MAX(0,MIN(${rubric.maxScore},${base(col)}+${bonus(col)}-${penalty(col)}))`;
    return rubric.maxScore === 100 ? `ROUND(${raw},2)` : `ROUND(${raw}*100/${rubric.maxScore},2)`;
  };
  total('TỔNG ĐIỂM (thang điểm 100)', finalFormula(COLS.self), finalFormula(COLS.appraised), 'grand-total');
  const cRow = blankRow();
  cRow[COLS.title] = 'Cột «Tự chấm»: điểm đơn vị tự chấm; cột «Thẩm định»: điểm sau thẩm định (ô chưa thẩm định lấy điểm tự chấm).';
  push(cRow, 'info');

  return {
    name: SHEETS.scoring,
    cells,
    rowStyles,
    headerRow,
    cols: { ...COLS },
    metaCol: META_COL,
    widths: [8, 60, 10, 10, 10, 40, 24, 4, 30, 30],
    scorerInputs,
    appraiserInputs,
    explanationInputs,
    validations,
    aboveMax,
    notes,
    meta: [
      ['Mã đơn vị', unit.code],
      ['Tên đơn vị', unit.name],
      ['Bộ tiêu chí', rubric.id],
      ['Mã kiểm tra bộ tiêu chí', layoutFingerprint(rubric, opts)],
      ['Năm', opts.year],
      ['Thời điểm tạo', opts.createdAt ?? null],
      [EMBEDDED_RUBRIC_KEY, JSON.stringify(rubricRows(rubric.id, rubric.criteria))],
    ],
  };
}

/**
 * The rubric travels inside each unit file (hidden sheet), so the scorer's sidebar can validate
 * without access to the control workbook; the admin's checks still use the control's rubric.
 */
export const EMBEDDED_RUBRIC_KEY = 'Bộ tiêu chí (dữ liệu)';

/** The rubric embedded by `unitSheetLayout`, or null when the text is missing or damaged. */
export function embeddedRubric(json: string): Rubric | null {
  try {
    const rows = JSON.parse(json) as CriterionRow[];
    const { rubrics } = parseRubrics(rows);
    const ids = Object.keys(rubrics);
    return ids.length === 1 ? rubrics[ids[0]] : null;
  } catch {
    return null;
  }
}

/** Columns a unit sheet must keep for its scores to be read. */
const REQUIRED_COLUMNS: readonly ColumnKey[] = ['code', 'self', 'appraised', 'evidence', 'note'];

/** Findings after which nothing was read from the file: no score, no row-by-row checks. */
export const UNREADABLE_FINDINGS: ReadonlySet<string> = new Set([
  'missing-sheet',
  'missing-column',
  'moved-column',
  'wrong-rubric',
  'wrong-unit',
  'missing-unit-identity',
]);
/** Findings saying the file is not this unit's (or not of its rubric): tools leave it untouched. */
export const FOREIGN_FILE_FINDINGS: ReadonlySet<string> = new Set(['wrong-unit', 'missing-unit-identity', 'wrong-rubric']);
/** A file built from older rules or texts: rebuilt by `dvcq templates --upgrade`, every input kept. */
export const STALE_FINDINGS: ReadonlySet<string> = new Set(['stale-rubric', 'stale-wording']);

const isFormulaText = (c: Cell) => c === null || cellText(c) === '' || cellText(c).startsWith('=');

type SheetMeta = UnitSheetRead['meta'];
const NO_META: SheetMeta = { unitCode: '', rubricId: '', fingerprint: '', year: '', status: '' };

/**
 * The hidden column's metadata, found by its marker wherever rows or columns were inserted; the
 * values follow the marker downwards in META_ROWS order.
 */
function columnMeta(grid: Grid): SheetMeta {
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const c = (grid[r] || []).findIndex((v) => v === META_MARKER);
    if (c < 0) continue;
    const at = (key: (typeof META_ROWS)[number]) => cellText(grid[r + META_ROWS.indexOf(key)]?.[c] ?? null);
    return { unitCode: at('unitCode'), rubricId: at('rubricId'), fingerprint: at('fingerprint'), year: at('year'), status: at('status') };
  }
  return NO_META;
}

/**
 * Column H no longer says whose file this is: the reader needs the hidden sheet too (an adapter
 * that reads only `Chấm điểm` reads it then, and only then).
 */
export const needsMetaSheet = (grid: Grid) => grid.length > 0 && !columnMeta(grid).unitCode;

/** The hidden sheet `Thông tin biểu mẫu` as normalized key → text. */
function metaSheetValues(metaGrid: Grid | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!metaGrid?.length) return out;
  for (const r of readTable(metaGrid, META_COLUMNS).rows) out.set(normalizeHeader(r.key), cellText(r.value));
  return out;
}

/** Column H first; what it lost is taken from the meta sheet (not the status: it lives in column H only). */
function readMeta(grid: Grid, sheet: Map<string, string>): SheetMeta {
  const col = columnMeta(grid);
  const fromSheet = (key: string) => sheet.get(normalizeHeader(key)) ?? '';
  return {
    unitCode: col.unitCode || fromSheet(META_KEYS.unitCode),
    rubricId: col.rubricId || fromSheet(META_KEYS.rubricId),
    fingerprint: col.fingerprint || fromSheet(META_KEYS.fingerprint),
    year: col.year || fromSheet(META_KEYS.year),
    status: col.status,
  };
}

const UNIT_LINE = /^Đơn vị: (.+) — Mã đơn vị: (.+)$/;

/** Name of the unit a file says it belongs to: the meta sheet, else the header line of `Chấm điểm`. */
function recordedUnitName(grid: Grid, code: string, sheet: Map<string, string>): string {
  if (unitKey(sheet.get(normalizeHeader(META_KEYS.unitCode)) ?? '') === unitKey(code)) {
    const name = sheet.get(normalizeHeader(META_KEYS.unitName));
    if (name) return name;
  }
  for (let r = 0; r < Math.min(grid.length, 12); r++) {
    for (const c of grid[r] || []) {
      const m = UNIT_LINE.exec(cellText(c));
      if (m && unitKey(m[2]) === unitKey(code)) return m[1].trim();
    }
  }
  return '';
}

/** The unit code of the visible header line ("Đơn vị: … — Mã đơn vị: …"), '' when there is none. */
function headerLineCode(grid: Grid): string {
  for (let r = 0; r < Math.min(grid.length, 12); r++) {
    for (const c of grid[r] || []) {
      const m = UNIT_LINE.exec(cellText(c));
      if (m) return m[2].trim();
    }
  }
  return '';
}

/**
 * The layout recorded under the criteria (see LAYOUT_MARKER), in the hidden column `col`: its row
 * and the 0-based column of each key.
 */
function layoutRecord(grid: Grid, from: number, col: number): { row: number; cols: Partial<Record<ColumnKey, number>> } | null {
  const offline = `="${LAYOUT_MARKER};`;
  const online = `${LAYOUT_MARKER};`;
  // From the bottom: the record sits a few rows above the end, under the criteria.
  for (let r = grid.length - 1; r >= from; r--) {
    const v = grid[r]?.[col];
    if (typeof v !== 'string') continue;
    const cols: Partial<Record<ColumnKey, number>> = {};
    if (v.startsWith(offline)) {
      for (const m of v.matchAll(/;(\w+)="&COLUMN\(\$?([A-Z]{1,3})\$?\d+\)/g)) cols[m[1] as ColumnKey] = columnIndex(m[2]);
    } else if (v.startsWith(online)) {
      for (const m of v.matchAll(/;(\w+)=(\d+)/g)) cols[m[1] as ColumnKey] = Number(m[2]) - 1;
    } else continue;
    return { row: r, cols };
  }
  return null;
}

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Where the table of a `Chấm điểm` grid is, or why it cannot be read (a blocking finding). */
export type ScoringColumns =
  | {
      loc: TableLocation<ColumnKey>;
      /** Row of the recorded layout, -1 in older files. */
      recordRow: number;
      /** The hidden column (its header is FORMULA_FLAG), -1 when it is gone. */
      flagCol: number;
    }
  | { problem: { code: 'missing-column' | 'moved-column'; message: string } };

/**
 * The columns of the table, found by header text and checked against the layout recorded in the
 * file: a header label retyped or moved elsewhere would read one input as another (self-scores as
 * appraised scores), so it is refused. Files from before the record must keep the standard order.
 */
export function scoringColumns(grid: Grid, required: readonly ColumnKey[] = REQUIRED_COLUMNS): ScoringColumns {
  const loc = findHeader(grid, SCORING_COLUMNS, required);
  if (!loc) {
    const best = findHeader(grid, SCORING_COLUMNS, ['code']) ?? { headerRow: 0, cols: {} };
    const seen = new Set((grid[best.headerRow] || []).map(normalizeHeader));
    const missing = required.map((k) => SCORING_COLUMNS[k]).filter((h) => !seen.has(normalizeHeader(h)));
    return {
      problem: {
        code: 'missing-column',
        message: `sheet «${SHEETS.scoring}» thiếu cột ${missing.map((m) => `«${m}»`).join(', ')} (có thể đã bị đổi tên hoặc xóa); chưa đọc được điểm.`,
      },
    };
  }
  const header = grid[loc.headerRow] || [];
  const flagHeader = normalizeHeader(FORMULA_FLAG);
  const flagCol = header.findIndex((h) => normalizeHeader(h) === flagHeader);
  const fix =
    'Chưa đọc được điểm, vì điểm có thể bị hiểu sang cột khác (ví dụ điểm tự chấm thành điểm thẩm định). ' +
    'Cách sửa: đưa tiêu đề về đúng cột như khi nhận biểu mẫu (hoặc dùng lại bản trước khi sửa).';
  const record = flagCol < 0 ? null : layoutRecord(grid, loc.headerRow + 1, flagCol);
  if (record) {
    const problems: string[] = [];
    const cols = { ...loc.cols };
    for (const k of CHECKED_COLUMNS) {
      const at = record.cols[k];
      // A non-required header renamed (not found anywhere) is tolerated, as it always was.
      if (at === undefined || loc.cols[k] === undefined) continue;
      const shown = cellText(header[at] ?? null);
      cols[k] = at;
      if (normalizeHeader(shown) === normalizeHeader(SCORING_COLUMNS[k])) continue;
      problems.push(
        `cột ${columnLetter(at)} ${shown ? `có tiêu đề «${shown}»` : 'không có tiêu đề'} nhưng biểu mẫu ghi cột này là «${SCORING_COLUMNS[k]}»` +
          (loc.cols[k] !== at ? ` (tiêu đề «${SCORING_COLUMNS[k]}» nay ở cột ${columnLetter(loc.cols[k])})` : ''),
      );
    }
    if (problems.length) {
      return {
        problem: {
          code: 'moved-column',
          message: `tiêu đề cột trong sheet «${SHEETS.scoring}» đã bị đổi chỗ: ${problems.join('; ')}. ${fix}`,
        },
      };
    }
    return { loc: { headerRow: loc.headerRow, cols }, recordRow: record.row, flagCol };
  }
  const found = CHECKED_COLUMNS.filter((k) => loc.cols[k] !== undefined);
  const problems: string[] = [];
  found.forEach((a, i) =>
    found.slice(i + 1).forEach((b) => {
      if (loc.cols[b]! < loc.cols[a]!) {
        problems.push(
          `«${SCORING_COLUMNS[b]}» (cột ${columnLetter(loc.cols[b]!)}) đứng trước «${SCORING_COLUMNS[a]}» (cột ${columnLetter(loc.cols[a]!)})`,
        );
      }
    }),
  );
  if (problems.length) {
    const order = Object.values(SCORING_COLUMNS).join(', ');
    return {
      problem: {
        code: 'moved-column',
        message: `tiêu đề cột trong sheet «${SHEETS.scoring}» không theo thứ tự của biểu mẫu (${order}): ${problems.join('; ')}. ${fix}`,
      },
    };
  }
  return { loc, recordRow: -1, flagCol };
}

/** What was read back from a unit's `Chấm điểm` grid. */
export interface UnitSheetRead {
  entries: Entries;
  /**
   * The file's metadata: hidden column H, or the meta sheet for what column H lost; `status` is
   * where an online submission is recorded (see STATUS).
   */
  meta: { unitCode: string; rubricId: string; fingerprint: string; year: string; status: string };
  findings: Finding[];
}

const INPUT_LABELS: Record<InputKey, string> = {
  self: 'điểm tự chấm',
  appraised: 'điểm thẩm định',
  evidence: 'minh chứng',
  note: 'ghi chú',
  reason: 'lý do thẩm định',
  explanation: 'giải trình',
};

const quoted = (text: string) => `«${text.length > 40 ? `${text.slice(0, 40)}…` : text}»`;

/**
 * Reads the entries of a `Chấm điểm` grid (values as the spreadsheet shows them; formulas typed in
 * input cells arrive as their "=…" text offline, or are flagged in the hidden column online).
 * Validation is against `rubric` — the control workbook's — never against the maxima in the file.
 * `metaGrid` is the hidden sheet `Thông tin biểu mẫu` when the adapter read it ([] when the file
 * has none); it stands in for what the hidden column lost.
 */
export function readUnitSheet(
  grid: Grid,
  unit: Unit,
  rubric: Rubric,
  layout?: Pick<LayoutOptions, 'step' | 'bonusCap'>,
  metaGrid?: Grid,
): UnitSheetRead {
  const findings: Finding[] = [];
  const where = `${unit.name} (${unit.code})`;
  const sheet = metaSheetValues(metaGrid);
  const meta = readMeta(grid, sheet);
  const add = (code: string, message: string, extra: Partial<Finding> = {}, severity: Finding['severity'] = 'Lỗi') =>
    findings.push({ severity, unitCode: unit.code, sheet: SHEETS.scoring, code, message: `${where}: ${message}`, ...extra });
  const unread = () => ({ entries: {}, meta, findings });

  if (grid.length === 0) {
    add(
      'missing-sheet',
      `không tìm thấy sheet «${SHEETS.scoring}» hoặc sheet không còn dữ liệu (có thể đã bị đổi tên hoặc xóa); chưa đọc được điểm.`,
    );
    return unread();
  }
  // The scores of a file belong to the unit it names: a copy of another unit's file must not
  // silently give that unit's scores to this one.
  const restore = `Cách sửa: đặt lại đúng tệp biểu mẫu của ${where} vào chỗ này (lấy từ bản sao lưu hoặc lịch sử phiên bản của tệp)`;
  if (!meta.unitCode) {
    const places = metaGrid === undefined ? 'cột ẩn H' : `cột ẩn H và sheet ẩn «${SHEETS.meta}»`;
    add(
      'missing-unit-identity',
      `biểu mẫu không còn ghi mã đơn vị (${places} đã bị xóa hoặc sửa), nên không xác định được đây có phải biểu mẫu của đơn vị này không; có thể tệp đã bị chép đè hoặc bị sửa. Điểm trong tệp chưa được tính. ${restore}.`,
    );
    return unread();
  }
  // The visible header line names the unit too: a sheet typed over from another unit's file (its
  // hidden column cleared, the meta sheet still this unit's) is caught by it.
  const lineCode = headerLineCode(grid);
  const named = lineCode && unitKey(lineCode) !== unitKey(unit.code) ? lineCode : meta.unitCode;
  if (unitKey(named) !== unitKey(unit.code)) {
    const name = recordedUnitName(grid, named, sheet);
    const other = name ? `${name} (${named})` : named;
    add(
      'wrong-unit',
      `biểu mẫu này là của đơn vị ${other}, không phải của ${where}; có thể tệp đã bị chép đè bằng tệp của đơn vị khác. Điểm trong tệp không được tính cho đơn vị này. ${restore}; không xóa, không đổi tên tệp này khi chưa chắc đơn vị ${named} không dùng đến nó.`,
    );
    return unread();
  }
  const located = scoringColumns(grid);
  if ('problem' in located) {
    add(located.problem.code, located.problem.message);
    return unread();
  }
  const { loc, recordRow, flagCol } = located;
  if (meta.rubricId && meta.rubricId !== rubric.id) {
    add(
      'wrong-rubric',
      `biểu mẫu thuộc bộ tiêu chí «${meta.rubricId}», khác bộ tiêu chí «${rubric.id}» đã giao cho đơn vị; cần tạo biểu mẫu mới.`,
    );
    return unread();
  }
  const [builtFrom, builtStep, builtCap, builtWording] = meta.fingerprint.split('/');
  let stale = false;
  if (
    meta.fingerprint &&
    layout &&
    builtFrom === rubric.fingerprint &&
    builtStep !== undefined &&
    `${builtStep}/${builtCap}` !== `${layout.step}/${layout.bonusCap}`
  ) {
    stale = true;
    add(
      'stale-rubric',
      `biểu mẫu được tạo với bước điểm hoặc trần điểm thưởng cũ (nay là ${formatNumber(layout.step)} và ${formatNumber(layout.bonusCap)}); tổng điểm trong biểu mẫu có thể khác kết quả. Cần cập nhật biểu mẫu (bản dòng lệnh: dvcq templates --upgrade).`,
      {},
      'Cảnh báo',
    );
  } else if (meta.fingerprint && builtFrom !== rubric.fingerprint) {
    stale = true;
    add(
      'stale-rubric',
      `biểu mẫu được tạo từ phiên bản cũ của bộ tiêu chí «${rubric.id}»; điểm vẫn được kiểm tra theo bộ tiêu chí hiện hành. Cần cập nhật biểu mẫu (bản dòng lệnh: dvcq templates --upgrade).`,
      {},
      'Cảnh báo',
    );
  }
  // Criterion texts: the recorded hash; in older files the embedded rubric, else the titles shown.
  // The embedded rubric (parsed only when needed) also names the reworded criteria.
  let embedded: Rubric | null | undefined;
  const embeddedOnce = () => {
    if (embedded === undefined) {
      const json = sheet.get(normalizeHeader(EMBEDDED_RUBRIC_KEY));
      embedded = json ? embeddedRubric(json) : null;
    }
    return embedded;
  };
  const checkWording = !stale && meta.fingerprint !== '';
  const builtTexts = !checkWording ? null : (builtWording ?? (embeddedOnce() ? wordingFingerprint(embeddedOnce()!) : null));
  let reworded: string[] | null = null;
  if (checkWording && builtTexts !== null && builtTexts !== wordingFingerprint(rubric)) {
    const before = embeddedOnce();
    reworded = before ? rewordedCodes(before, rubric) : [];
  }
  const titlesShown = checkWording && builtTexts === null;
  const retitled: string[] = [];

  const col = loc.cols;
  // The criteria table ends at the recorded layout's line, or above the first totals row (looked
  // up only when a row without a code holds something: rare).
  let end = recordRow;
  const inTable = (r: number) => {
    if (end < 0) {
      const found = grid.findIndex((row, i) => i > loc.headerRow && (row || []).some((c) => cellText(c) === TOTALS_LABEL));
      end = found < 0 ? grid.length : found;
    }
    return r < end;
  };
  const entries: Entries = {};
  const seenCodes = new Set<string>();
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const line = grid[r] || [];
    const code = cellText(line[col.code!] ?? null);
    if (!code) {
      codelessRow(r, line);
      continue;
    }
    const c = rubric.byCode[code];
    if (!c) {
      add(
        'unknown-row',
        `dòng ${r + 1} có mã «${code}» không thuộc bộ tiêu chí (dòng bị chèn thêm?); dòng này không được tính.`,
        { cell: a1(r, col.code!) },
        'Cảnh báo',
      );
      continue;
    }
    if (seenCodes.has(code)) {
      add('duplicate-row', `mã tiêu chí «${code}» xuất hiện nhiều lần (dòng ${r + 1}); chỉ dòng đầu tiên được tính.`, {
        criterion: code,
        cell: a1(r, col.code!),
      });
      continue;
    }
    seenCodes.add(code);
    if (titlesShown && col.title !== undefined && cellText(line[col.title] ?? null) !== c.title.trim()) retitled.push(code);
    if (col.max !== undefined) {
      const m = parseScore(line[col.max] ?? null);
      if (m.kind !== 'number' || Math.abs(m.value - c.max) > 1e-9) {
        add(
          'tampered-max',
          `ô ${a1(r, col.max)} (tiêu chí ${code}) ghi điểm tối đa «${cellText(line[col.max] ?? null)}», khác bộ tiêu chí (${formatNumber(c.max)}); điểm được kiểm tra theo bộ tiêu chí.`,
          { criterion: code, cell: a1(r, col.max) },
          'Cảnh báo',
        );
      }
    }
    // Offline a formula arrives as its "=…" text (the flag cell too); online as its computed
    // value, and the hidden flag column tells which cells hold one.
    const rawFlags = flagCol < 0 ? '' : cellText(line[flagCol] ?? null);
    const offline = rawFlags.startsWith('=');
    const flags = offline ? [] : rawFlags.split(';');
    if (c.children.length) {
      const typedOver = offline
        ? (['self', 'appraised'] as const).some((k) => !isFormulaText(line[col[k]!] ?? null))
        : flags.includes(OVERWRITTEN);
      if (typedOver) {
        add(
          'total-overwritten',
          `ô tổng của tiêu chí ${code} (dòng ${r + 1}) đã bị ghi đè bằng giá trị nhập tay; tổng điểm trong biểu mẫu có thể sai (công cụ vẫn tính từ các tiêu chí thành phần).`,
          { criterion: code, cell: a1(r, col.self!) },
          'Cảnh báo',
        );
      }
      continue;
    }
    const value = (k: InputKey): Cell => {
      const i = col[k];
      if (i === undefined) return null;
      const v = line[i] ?? null;
      const typedFormula = flags.includes(k) && !cellText(v).startsWith('=');
      return typedFormula ? `=${cellText(v)}` : v;
    };
    entries[code] = {
      self: value('self'),
      appraised: value('appraised'),
      evidence: value('evidence'),
      note: value('note'),
      cells: {
        self: a1(r, col.self!),
        appraised: a1(r, col.appraised!),
        evidence: a1(r, col.evidence!),
        note: a1(r, col.note!),
      },
    };
    // Optional: files made before the column have no reason to read.
    if (col.reason !== undefined) {
      entries[code].reason = value('reason');
      entries[code].cells!.reason = a1(r, col.reason);
    }
    if (col.explanation !== undefined) {
      entries[code].explanation = value('explanation');
      entries[code].cells!.explanation = a1(r, col.explanation);
    }
  }
  for (const c of rubric.criteria) {
    if (!seenCodes.has(c.code)) {
      add('missing-row', `không tìm thấy dòng của tiêu chí ${c.code} «${c.title}» (dòng bị xóa?).`, { criterion: c.code });
    }
  }
  if (reworded === null && retitled.length) reworded = retitled;
  if (reworded !== null) {
    const which = reworded.length ? `tiêu chí ${reworded.join(', ')}` : 'một số tiêu chí';
    add(
      'stale-wording',
      `nội dung hoặc hướng dẫn của ${which} trong bộ tiêu chí «${rubric.id}» đã được sửa sau khi tạo biểu mẫu, nên biểu mẫu còn hiện nội dung cũ. Điểm vẫn được tính bình thường. Nên cập nhật biểu mẫu để hiện nội dung mới; việc cập nhật không thay đổi giá trị đã nhập (bản dòng lệnh: dvcq templates --upgrade).`,
      {},
      'Cảnh báo',
    );
  }
  return { entries, meta, findings };

  /** A row without a code that holds something typed: never dropped without a word. */
  function codelessRow(r: number, line: Cell[]): void {
    const typed = (k: InputKey) => (col[k] === undefined ? '' : cellText(line[col[k]] ?? null));
    const keys = INPUT_KEYS.filter((k) => typed(k) !== '');
    if (!keys.length || !inTable(r)) return;
    const parts = keys.map((k) => `${INPUT_LABELS[k]} ${quoted(typed(k))} (ô ${a1(r, col[k]!)})`).join(', ');
    const score = keys.some((k) => k === 'self' || k === 'appraised');
    add(
      'row-without-code',
      `dòng ${r + 1} không có mã tiêu chí nhưng có ${parts}; ` +
        (score
          ? 'điểm này không được tính cho tiêu chí nào. Hãy ghi điểm vào đúng dòng của tiêu chí rồi xóa dòng thừa.'
          : 'nội dung này không gắn với tiêu chí nào. Hãy chuyển sang đúng dòng của tiêu chí rồi xóa dòng thừa.'),
      { cell: a1(r, col[keys.find((k) => k === 'self' || k === 'appraised') ?? keys[0]]!) },
      score ? 'Lỗi' : 'Cảnh báo',
    );
  }
}
