// The unit workbook's `Chấm điểm` sheet as data: what to write (layout) and how to read it back.
// Both the xlsx and the Google Sheets adapters draw exactly this layout, so files from either
// back-end read the same way.
import { Cell, Criterion, CriterionRow, Entries, Finding, Grid, Rubric, STATUS, Unit } from './types';
import type { Settings } from './config';
import { kindLabel, parseRubrics } from './rubric';
import { SCORING_COLUMNS, SHEETS } from './schema';
import { a1, findHeader } from './table';
import { cellText, normalizeHeader, parseScore } from './text';
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
  /** Numeric validation of each leaf's score cells. */
  validations: Array<{ cell: string; min: number; max: number; help: string }>;
  /** Cells to flag (conditional format) when above their maximum: score cell → max cell. */
  aboveMax: Array<{ cell: string; maxCell: string }>;
  /** Notes attached to cells (criterion guidance). */
  notes: Array<{ cell: string; text: string }>;
  /** Machine metadata, also written to the hidden sheet `Thông tin biểu mẫu`. */
  meta: Array<[string, Cell]>;
}

const COLS = { code: 0, title: 1, max: 2, self: 3, appraised: 4, evidence: 5, note: 6 } as const;
const META_COL = 7;
const WIDTH = META_COL + 1;
/** Hidden column H: rows 1–5 hold the metadata; each criterion row flags a formula typed in an input. */
const META_ROWS = ['dvcq', 'unitCode', 'rubricId', 'fingerprint', 'year', 'status'] as const;
const FORMULA_FLAG = 'Ô có công thức';
const META_MARKER = 'dvcq-bieu-cham-diem';
type InputKey = 'self' | 'appraised' | 'evidence' | 'note';
const INPUT_KEYS: InputKey[] = ['self', 'appraised', 'evidence', 'note'];
/** Flag of a parent row whose total formula was typed over. */
const OVERWRITTEN = 'total';

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
 * What a unit sheet was built from: the rubric, and the score step and bonus cap written into its
 * validation and formulas — a change of any of them makes the sheet stale.
 */
export const layoutFingerprint = (rubric: Rubric, opts: Pick<LayoutOptions, 'step' | 'bonusCap'>) =>
  `${rubric.fingerprint}/${opts.step}/${opts.bonusCap}`;

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

  push([...Object.values(SCORING_COLUMNS), FORMULA_FLAG], 'header');
  const headerRow = cells.length - 1;

  const rowOf: Record<string, number> = {};
  rubric.criteria.forEach((c, i) => (rowOf[c.code] = headerRow + 1 + i));
  const ref = (col: number, code: string) => a1(rowOf[code], col);
  const effective = (code: string) => `IF(ISNUMBER(${ref(COLS.appraised, code)}),${ref(COLS.appraised, code)},N(${ref(COLS.self, code)}))`;

  const scorerInputs: string[] = [];
  const appraiserInputs: string[] = [];
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
      appraiserInputs.push(a1(row, COLS.appraised));
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
  push(blankRow(), 'info');
  const firstTotal = cells.length;
  const total = (label: string, self: string, eff: string, style: RowStyle = 'total') => {
    const r = blankRow();
    r[COLS.title] = label;
    r[COLS.self] = { formula: self };
    r[COLS.appraised] = { formula: eff };
    push(r, style);
  };
  total('Điểm các tiêu chí', sumSelf(top('score')), topEffective(top('score')));
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
    widths: [8, 60, 10, 10, 10, 40, 24, 4],
    scorerInputs,
    appraiserInputs,
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
      [EMBEDDED_RUBRIC_KEY, JSON.stringify(rubricRows(rubric))],
    ],
  };
}

/**
 * The rubric travels inside each unit file (hidden sheet), so the scorer's sidebar can validate
 * without access to the control workbook; the admin's checks still use the control's rubric.
 */
export const EMBEDDED_RUBRIC_KEY = 'Bộ tiêu chí (dữ liệu)';

export function rubricRows(rubric: Rubric): CriterionRow[] {
  return rubric.criteria.map((c) => ({
    rubricId: rubric.id,
    code: c.code,
    parent: c.parent ?? '',
    title: c.title,
    max: c.max,
    kind: kindLabel(c.kind),
    guidance: c.guidance,
    evidenceRequired: c.evidenceRequired ? 'Có' : '',
  }));
}

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
const REQUIRED_COLUMNS = ['code', 'self', 'appraised', 'evidence', 'note'] as const;

const isFormulaText = (c: Cell) => c === null || cellText(c) === '' || cellText(c).startsWith('=');

/**
 * The hidden metadata, found by its marker wherever rows or columns were inserted; the values
 * follow the marker downwards in META_ROWS order.
 */
function readMeta(grid: Grid): UnitSheetRead['meta'] {
  const meta = { unitCode: '', rubricId: '', fingerprint: '', year: '', status: '' };
  for (let r = 0; r < Math.min(grid.length, 40); r++) {
    const c = (grid[r] || []).findIndex((v) => v === META_MARKER);
    if (c < 0) continue;
    const at = (key: (typeof META_ROWS)[number]) => cellText(grid[r + META_ROWS.indexOf(key)]?.[c] ?? null);
    return { unitCode: at('unitCode'), rubricId: at('rubricId'), fingerprint: at('fingerprint'), year: at('year'), status: at('status') };
  }
  return meta;
}

/** What was read back from a unit's `Chấm điểm` grid. */
export interface UnitSheetRead {
  entries: Entries;
  /** Hidden column H; `status` is where an online submission is recorded (see STATUS). */
  meta: { unitCode: string; rubricId: string; fingerprint: string; year: string; status: string };
  findings: Finding[];
}

/**
 * Reads the entries of a `Chấm điểm` grid (values as the spreadsheet shows them; formulas typed in
 * input cells arrive as their "=…" text offline, or are flagged in the hidden column online).
 * Validation is against `rubric` — the control workbook's — never against the maxima in the file.
 */
export function readUnitSheet(grid: Grid, unit: Unit, rubric: Rubric, layout?: Pick<LayoutOptions, 'step' | 'bonusCap'>): UnitSheetRead {
  const findings: Finding[] = [];
  const where = `${unit.name} (${unit.code})`;
  const meta = readMeta(grid);
  const add = (code: string, message: string, extra: Partial<Finding> = {}, severity: Finding['severity'] = 'Lỗi') =>
    findings.push({ severity, unitCode: unit.code, sheet: SHEETS.scoring, code, message: `${where}: ${message}`, ...extra });

  if (grid.length === 0) {
    add(
      'missing-sheet',
      `không tìm thấy sheet «${SHEETS.scoring}» hoặc sheet không còn dữ liệu (có thể đã bị đổi tên hoặc xóa); chưa đọc được điểm.`,
    );
    return { entries: {}, meta, findings };
  }
  const loc = findHeader(grid, SCORING_COLUMNS, REQUIRED_COLUMNS);
  if (!loc) {
    const best = findHeader(grid, SCORING_COLUMNS, ['code']) ?? { headerRow: 0, cols: {} };
    const seen = new Set((grid[best.headerRow] || []).map(normalizeHeader));
    const missing = REQUIRED_COLUMNS.map((k) => SCORING_COLUMNS[k]).filter((h) => !seen.has(normalizeHeader(h)));
    add(
      'missing-column',
      `sheet «${SHEETS.scoring}» thiếu cột ${missing.map((m) => `«${m}»`).join(', ')} (có thể đã bị đổi tên hoặc xóa); chưa đọc được điểm.`,
    );
    return { entries: {}, meta, findings };
  }
  if (meta.unitCode && meta.unitCode !== unit.code) {
    add('wrong-unit', `biểu mẫu ghi mã đơn vị «${meta.unitCode}», không khớp với đơn vị này.`);
  }
  if (meta.rubricId && meta.rubricId !== rubric.id) {
    add(
      'wrong-rubric',
      `biểu mẫu thuộc bộ tiêu chí «${meta.rubricId}», khác bộ tiêu chí «${rubric.id}» đã giao cho đơn vị; cần tạo biểu mẫu mới.`,
    );
    return { entries: {}, meta, findings };
  }
  const [builtFrom, ...builtWith] = meta.fingerprint.split('/');
  if (
    meta.fingerprint &&
    layout &&
    builtFrom === rubric.fingerprint &&
    builtWith.length &&
    builtWith.join('/') !== `${layout.step}/${layout.bonusCap}`
  ) {
    add(
      'stale-rubric',
      `biểu mẫu được tạo với bước điểm hoặc trần điểm thưởng cũ (nay là ${formatNumber(layout.step)} và ${formatNumber(layout.bonusCap)}); tổng điểm trong biểu mẫu có thể khác kết quả. Cần cập nhật biểu mẫu (bản dòng lệnh: dvcq templates --upgrade).`,
      {},
      'Cảnh báo',
    );
  } else if (meta.fingerprint && builtFrom !== rubric.fingerprint) {
    add(
      'stale-rubric',
      `biểu mẫu được tạo từ phiên bản cũ của bộ tiêu chí «${rubric.id}»; điểm vẫn được kiểm tra theo bộ tiêu chí hiện hành. Cần cập nhật biểu mẫu (bản dòng lệnh: dvcq templates --upgrade).`,
      {},
      'Cảnh báo',
    );
  }
  const flagCol = (grid[loc.headerRow] || []).findIndex((h) => normalizeHeader(h) === normalizeHeader(FORMULA_FLAG));
  const col = loc.cols;
  const entries: Entries = {};
  const seenCodes = new Set<string>();
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const line = grid[r] || [];
    const code = cellText(line[col.code!] ?? null);
    if (!code) continue;
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
  }
  for (const c of rubric.criteria) {
    if (!seenCodes.has(c.code)) {
      add('missing-row', `không tìm thấy dòng của tiêu chí ${c.code} «${c.title}» (dòng bị xóa?).`, { criterion: c.code });
    }
  }
  return { entries, meta, findings };
}
