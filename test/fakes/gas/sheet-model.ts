/** The data behind the Spreadsheet fakes: spreadsheets, sheets, cells, protections. */
import { Axis, Rect, contains, overlaps, shiftRect } from './a1';
import { fail } from './errors';
import { EMPTY, FErr, FVal, FormulaEnv, evaluateFormulaRaw, fvalToScalar, renameSheetReferences, shiftReferences } from './formula';
import { Scalar } from './values';

/** Marks a formula cell being computed: a reference back to it is circular (a text value can be anything). */
const BUSY = Symbol('busy');
/** Computed formula cells of one read, by sheet id, row and column. */
export type EvalMemo = Map<string, FVal | typeof BUSY>;

/** A copy of data-validation values (a list of options is an array of its own). */
export function cloneValues(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...(v as unknown[])] : v));
}

export interface ValidationModel {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface BorderModel {
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  color: string | null;
  style: string | null;
}

export interface CellData {
  v?: Scalar;
  f?: string;
  note?: string;
  numberFormat?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontSize?: number;
  fontStyle?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  border?: BorderModel;
  validation?: ValidationModel;
}

const FORMAT_KEYS = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'fontSize',
  'fontStyle',
  'hAlign',
  'vAlign',
  'wrap',
  'wrapStrategy',
  'border',
] as const;

export interface ChartModel {
  id: number;
  type: string;
  ranges: Rect[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

export interface ConditionalRuleModel {
  ranges: Rect[];
  condition: { type: string; values: unknown[] };
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null };
}

export interface ProtectionModel {
  id: number;
  type: 'SHEET' | 'RANGE';
  sheetId: number;
  /** RANGE only (a SHEET protection covers the whole sheet). */
  rect: Rect | null;
  description: string;
  unprotected: Rect[];
  /** null while the protection still mirrors the spreadsheet's editors. */
  editors: Set<string> | null;
  domainEdit: boolean;
  warningOnly: boolean;
}

export class SheetModel {
  cells = new Map<number, Map<number, CellData>>();
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenCols = new Set<number>();
  autoResized = new Set<number>();
  merges: Rect[] = [];
  borders: { rect: Rect; border: BorderModel }[] = [];
  charts: ChartModel[] = [];
  conditionalRules: ConditionalRuleModel[] = [];

  constructor(
    public id: number,
    public name: string,
    public maxRows: number,
    public maxCols: number,
  ) {}

  get(row: number, col: number): CellData | undefined {
    return this.cells.get(row)?.get(col);
  }

  ensure(row: number, col: number): CellData {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map<number, CellData>()));
    let c = r.get(col);
    if (!c) r.set(col, (c = {}));
    return c;
  }

  /** Drop the cell record when nothing is left in it. */
  tidy(row: number, col: number): void {
    const r = this.cells.get(row);
    const c = r?.get(col);
    if (r && c && Object.values(c).every((x) => x === undefined)) {
      r.delete(col);
      if (r.size === 0) this.cells.delete(row);
    }
  }

  forEachCell(fn: (row: number, col: number, cell: CellData) => void): void {
    for (const [r, m] of this.cells) for (const [c, cell] of m) fn(r, c, cell);
  }

  hasContent(cell: CellData | undefined): boolean {
    return !!cell && (cell.f !== undefined || (cell.v !== undefined && cell.v !== ''));
  }

  lastRow(): number {
    let last = 0;
    this.forEachCell((r, _c, cell) => {
      if (r > last && this.hasContent(cell)) last = r;
    });
    return last;
  }

  lastColumn(): number {
    let last = 0;
    this.forEachCell((_r, c, cell) => {
      if (c > last && this.hasContent(cell)) last = c;
    });
    return last;
  }

  setContent(row: number, col: number, content: { v?: Scalar; f?: string }): void {
    if (content.v === undefined && content.f === undefined) {
      const cell = this.get(row, col);
      if (cell) {
        delete cell.v;
        delete cell.f;
        this.tidy(row, col);
      }
      return;
    }
    const cell = this.ensure(row, col);
    if (content.f !== undefined) {
      cell.f = content.f;
      delete cell.v;
    } else {
      cell.v = content.v;
      delete cell.f;
    }
  }

  clearRect(rect: Rect, what: { contents?: boolean; formats?: boolean; notes?: boolean; validations?: boolean }): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const row = this.cells.get(r);
      if (!row) continue;
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        const cell = row.get(c);
        if (!cell) continue;
        if (what.contents) {
          delete cell.v;
          delete cell.f;
        }
        if (what.formats) for (const k of FORMAT_KEYS) delete cell[k];
        if (what.notes) delete cell.note;
        if (what.validations) delete cell.validation;
        this.tidy(r, c);
      }
    }
    if (what.formats) this.borders = this.borders.filter((b) => !overlaps(b.rect, rect));
  }
}

let protectionSeq = 1;

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  protections: ProtectionModel[] = [];
  activeSheetId = 0;
  timeZone: string;
  locale = 'en_US';
  private sheetSeq = 0;

  constructor(
    public readonly id: string,
    timeZone: string,
  ) {
    this.timeZone = timeZone;
  }

  newSheetId(): number {
    const n = this.sheetSeq++;
    return n === 0 ? 0 : 100000000 + n * 7919;
  }

  sheetByName(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string, index: number, rows = 1000, cols = 26): SheetModel {
    if (this.sheetByName(name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const s = new SheetModel(this.newSheetId(), name, rows, cols);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, s);
    return s;
  }

  defaultSheetName(): string {
    for (let i = this.sheets.length + 1; ; i++) if (!this.sheetByName(`Sheet${i}`)) return `Sheet${i}`;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== sheet) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const old = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((f) => renameSheetReferences(f, old, name));
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) fail("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.protections = this.protections.filter((p) => p.sheetId !== sheet.id);
    this.rewriteFormulas((f) => renameSheetReferences(f, sheet.name, null));
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
  }

  private rewriteFormulas(fn: (formula: string, sheet: SheetModel) => string): void {
    for (const s of this.sheets)
      s.forEachCell((_r, _c, cell) => {
        if (cell.f !== undefined) cell.f = fn(cell.f, s);
      });
  }

  /** Insert (count > 0, before `at`) or delete (count < 0, from `at`) rows or columns. */
  shift(sheet: SheetModel, axis: Axis, at: number, count: number): void {
    const moved = new Map<number, Map<number, CellData>>();
    const del = count < 0 ? -count : 0;
    sheet.forEachCell((r, c, cell) => {
      let idx = axis === 'row' ? r : c;
      if (del && idx >= at && idx < at + del) return;
      if (idx >= at) idx += count;
      const nr = axis === 'row' ? idx : r;
      const nc = axis === 'row' ? c : idx;
      let m = moved.get(nr);
      if (!m) moved.set(nr, (m = new Map<number, CellData>()));
      m.set(nc, cell);
    });
    sheet.cells = moved;
    if (axis === 'row') sheet.maxRows += count;
    else sheet.maxCols += count;
    const shiftNumMap = <T>(m: Map<number, T>) => {
      const out = new Map<number, T>();
      for (const [k, v] of m) {
        if (del && k >= at && k < at + del) continue;
        out.set(k >= at ? k + count : k, v);
      }
      return out;
    };
    if (axis === 'row') sheet.rowHeights = shiftNumMap(sheet.rowHeights);
    else {
      sheet.colWidths = shiftNumMap(sheet.colWidths);
      sheet.hiddenCols = new Set(shiftNumMap(new Map([...sheet.hiddenCols].map((c) => [c, c]))).keys());
    }
    const sr = (r: Rect) => shiftRect(r, axis, at, count);
    const keep = <T>(xs: T[], f: (x: T) => T | null) => xs.map(f).filter((x): x is T => x !== null);
    sheet.merges = keep(sheet.merges, sr);
    sheet.borders = keep(sheet.borders, (b) => {
      const rect = sr(b.rect);
      return rect ? { ...b, rect } : null;
    });
    for (const ch of sheet.charts) ch.ranges = keep(ch.ranges, sr);
    sheet.conditionalRules = keep(sheet.conditionalRules, (rule) => {
      const ranges = keep(rule.ranges, sr);
      return ranges.length ? { ...rule, ranges } : null;
    });
    this.protections = keep(this.protections, (p) => {
      if (p.sheetId !== sheet.id) return p;
      p.unprotected = keep(p.unprotected, sr);
      if (p.type === 'RANGE' && p.rect) {
        const rect = sr(p.rect);
        if (!rect) return null;
        p.rect = rect;
      }
      return p;
    });
    this.rewriteFormulas((f, s) =>
      shiftReferences(f, (name) => (name === null ? s === sheet : name.toLowerCase() === sheet.name.toLowerCase()), axis, at, count),
    );
  }

  newProtection(sheet: SheetModel, type: 'SHEET' | 'RANGE', rect: Rect | null, domainEdit: boolean): ProtectionModel {
    const p: ProtectionModel = {
      id: protectionSeq++,
      type,
      sheetId: sheet.id,
      rect,
      description: '',
      unprotected: [],
      editors: null,
      domainEdit,
      warningOnly: false,
    };
    this.protections.push(p);
    return p;
  }

  protectionRect(p: ProtectionModel): Rect {
    if (p.rect) return p.rect;
    const s = this.sheetById(p.sheetId)!;
    return { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols };
  }

  /** Protections (not warning-only) that cover a cell. */
  protectionsAt(sheet: SheetModel, row: number, col: number): ProtectionModel[] {
    return this.protections.filter((p) => {
      if (p.sheetId !== sheet.id || p.warningOnly) return false;
      if (p.type === 'SHEET') return !p.unprotected.some((u) => contains(u, row, col));
      return !!p.rect && contains(p.rect, row, col);
    });
  }

  // ---- Evaluation

  /** Computed value of a cell, as getValues returns it. */
  valueAt(sheet: SheetModel, row: number, col: number, memo: EvalMemo = new Map()): Scalar {
    return fvalToScalar(this.fvalAt(sheet, row, col, memo));
  }

  private fvalAt(sheet: SheetModel, row: number, col: number, memo: EvalMemo): FVal {
    const cell = sheet.get(row, col);
    if (!cell || (cell.f === undefined && (cell.v === undefined || cell.v === ''))) return EMPTY;
    if (cell.f === undefined) return cell.v!;
    const key = `${sheet.id}:${row}:${col}`;
    const m = memo.get(key);
    if (m === BUSY) return new FErr('#REF!'); // circular dependency
    if (m !== undefined) return m;
    memo.set(key, BUSY);
    const env: FormulaEnv = {
      cell: (name, r, c) => {
        const s = name === null ? sheet : this.sheetByName(name);
        if (!s) return null;
        if (r < 1 || c < 1 || r > s.maxRows || c > s.maxCols) return null;
        return this.fvalAt(s, r, c, memo);
      },
      bounds: (name) => {
        const s = name === null ? sheet : this.sheetByName(name);
        return s ? { rows: s.maxRows, cols: s.maxCols } : null;
      },
      hasFormula: (name, r, c) => {
        const s = name === null ? sheet : this.sheetByName(name);
        return !!s && s.get(r, c)?.f !== undefined;
      },
    };
    const v = evaluateFormulaRaw(cell.f, env);
    memo.set(key, v);
    return v;
  }
}

/** Does a value satisfy a validation rule (used for rules with allowInvalid = false)? */
export function satisfies(rule: ValidationModel, v: Scalar | undefined): boolean {
  if (v === undefined || v === '') return true;
  const n = typeof v === 'number' ? v : NaN;
  const [a, b] = rule.values as number[];
  switch (rule.criteria) {
    case 'NUMBER_BETWEEN':
      return n >= a && n <= b;
    case 'NUMBER_NOT_BETWEEN':
      return !(n >= a && n <= b) && !Number.isNaN(n);
    case 'NUMBER_GREATER_THAN':
      return n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= a;
    case 'NUMBER_LESS_THAN':
      return n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= a;
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(n) && n !== a;
    case 'VALUE_IN_LIST':
      return (rule.values[0] as string[]).some((x) => String(x) === String(v));
    case 'TEXT_IS_VALID_EMAIL':
      return typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
    case 'TEXT_IS_VALID_URL':
      return typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);
    case 'CHECKBOX':
      return typeof v === 'boolean';
    default:
      return true; // CUSTOM_FORMULA and others are not checked by the fake
  }
}

/** Deep copy of a spreadsheet's content (File.makeCopy). */
export function cloneSpreadsheet(src: SpreadsheetModel, id: string): SpreadsheetModel {
  const m = new SpreadsheetModel(id, src.timeZone);
  m.locale = src.locale;
  const idMap = new Map<number, number>();
  for (const s of src.sheets) {
    const n = new SheetModel(m.newSheetId(), s.name, s.maxRows, s.maxCols);
    idMap.set(s.id, n.id);
    s.forEachCell((r, c, cell) => {
      const copy: CellData = { ...cell };
      if (cell.v instanceof Date) copy.v = new Date(cell.v.getTime());
      if (cell.validation) copy.validation = { ...cell.validation, values: cloneValues(cell.validation.values) };
      if (cell.border) copy.border = { ...cell.border };
      Object.assign(n.ensure(r, c), copy);
    });
    n.hidden = s.hidden;
    n.frozenRows = s.frozenRows;
    n.frozenCols = s.frozenCols;
    n.tabColor = s.tabColor;
    n.colWidths = new Map(s.colWidths);
    n.rowHeights = new Map(s.rowHeights);
    n.hiddenCols = new Set(s.hiddenCols);
    n.merges = s.merges.map((r) => ({ ...r }));
    n.borders = s.borders.map((b) => ({ rect: { ...b.rect }, border: { ...b.border } }));
    n.charts = s.charts.map((ch) => ({
      ...ch,
      ranges: ch.ranges.map((r) => ({ ...r })),
      options: { ...ch.options },
      position: { ...ch.position },
    }));
    n.conditionalRules = s.conditionalRules.map((cr) => ({
      ranges: cr.ranges.map((r) => ({ ...r })),
      condition: { type: cr.condition.type, values: [...cr.condition.values] },
      format: { ...cr.format },
    }));
    m.sheets.push(n);
  }
  m.activeSheetId = idMap.get(src.activeSheetId) ?? m.sheets[0].id;
  m.protections = src.protections.map((p) => ({
    ...p,
    id: protectionSeq++,
    sheetId: idMap.get(p.sheetId)!,
    rect: p.rect ? { ...p.rect } : null,
    unprotected: p.unprotected.map((r) => ({ ...r })),
    editors: p.editors ? new Set(p.editors) : null,
  }));
  return m;
}
