/** Read-outs for tests. Nothing here is counted as a service call. */
import { Rect, cellA1, parseA1, rectA1, splitSheet } from './a1';
import { DriveItem, FakeContext, ShareEvent } from './context';
import { Attrs, DocModel, ParaModel, TableModel, textOf } from './document-model';
import { RangeFake } from './range';
import { SheetFake } from './spreadsheet';
import {
  ChartModel,
  ConditionalRuleModel,
  EvalMemo,
  ProtectionModel,
  SheetModel,
  SpreadsheetModel,
  ValidationModel,
  cloneValues,
} from './sheet-model';
import { displayValue, isDate } from './values';

// ---------------------------------------------------------------------------------------------
// Drive

export interface DriveItemView {
  id: string;
  name: string;
  kind: 'folder' | 'file';
  mimeType: string;
  parents: string[];
  /** "My Drive/Dân vận chính quyền 2024/Nhóm A/Biểu chấm điểm - X" */
  path: string;
  owner: string;
  editors: string[];
  viewers: string[];
  trashed: boolean;
  created: Date;
  updated: Date;
  description: string | null;
  /** The bytes of a file uploaded with content (Files.create with media). */
  content?: Uint8Array;
}

export interface DriveInspector {
  /** Id of a user's "My Drive" (default: the current user). */
  rootId(email?: string): string;
  /** Every folder and file (roots included). */
  list(): DriveItemView[];
  item(id: string): DriveItemView | undefined;
  /** Direct children of a folder (trashed ones included). */
  children(folderId: string): DriveItemView[];
  path(id: string): string;
  /** Find by path ("My Drive/A/B"); the first match, trashed items included. */
  byPath(path: string): DriveItemView | undefined;
  /** Simulate a user trashing, deleting for good or moving an item. */
  trash(id: string, trashed?: boolean): void;
  delete(id: string): void;
  move(id: string, folderId: string): void;
  /** Simulate Extensions › Apps Script on a file (a bound script, named by `label`), and read it back. */
  bindScript(id: string, label: string): void;
  boundScript(id: string): string | undefined;
  /**
   * Sharing, in order: DriveApp/Spreadsheet addEditor/addViewer calls (each e-mails the user in
   * Apps Script) and Drive API Permissions.create (`notify`/`message`: sendNotificationEmail and
   * emailMessage).
   */
  readonly shares: readonly ShareEvent[];
  /** Ids that were deleted for good. */
  readonly deleted: ReadonlySet<string>;
  /** An indented listing of a user's Drive, for debugging. */
  tree(email?: string): string;
}

export function driveInspector(ctx: FakeContext): DriveInspector {
  const pathOf = (it: DriveItem): string => {
    const names = [it.name];
    let cur = it;
    const seen = new Set<string>();
    while (cur.parents[0] && !seen.has(cur.parents[0])) {
      seen.add(cur.parents[0]);
      const p = ctx.item(cur.parents[0]);
      if (!p) break;
      names.unshift(p.name);
      cur = p;
    }
    return names.join('/');
  };
  const view = (it: DriveItem): DriveItemView => ({
    id: it.id,
    name: it.name,
    kind: it.isFolder ? 'folder' : 'file',
    mimeType: it.mimeType,
    parents: [...it.parents],
    path: pathOf(it),
    owner: it.owner,
    editors: ctx.effectiveEditors(it),
    viewers: [...it.viewers],
    trashed: it.trashed,
    created: new Date(it.created.getTime()),
    updated: new Date(it.updated.getTime()),
    description: it.description,
    ...(it.content ? { content: it.content } : {}),
  });
  const must = (id: string) => {
    const it = ctx.item(id);
    if (!it) throw new Error(`fake drive: no item ${id}`);
    return it;
  };
  return {
    rootId: (email) => ctx.rootFor(email ?? ctx.user).id,
    list: () => [...ctx.items.values()].map(view),
    item: (id) => {
      const it = ctx.item(id);
      return it ? view(it) : undefined;
    },
    children: (folderId) => [...ctx.items.values()].filter((x) => x.parents.includes(folderId)).map(view),
    path: (id) => pathOf(must(id)),
    byPath: (p) => {
      const it = [...ctx.items.values()].find((x) => pathOf(x) === p);
      return it ? view(it) : undefined;
    },
    trash: (id, trashed = true) => {
      must(id).trashed = trashed;
    },
    delete: (id) => ctx.deleteItem(id),
    move: (id, folderId) => {
      must(folderId);
      must(id).parents = [folderId];
    },
    bindScript: (id, label) => {
      must(id).boundScript = label;
    },
    boundScript: (id) => ctx.item(id)?.boundScript,
    get shares() {
      return ctx.shares;
    },
    get deleted() {
      return ctx.deleted;
    },
    tree: (email) => {
      const lines: string[] = [];
      const walk = (it: DriveItem, depth: number) => {
        lines.push(`${'  '.repeat(depth)}${it.isFolder ? '[' + it.name + ']' : it.name}${it.trashed ? ' (trashed)' : ''}  ${it.id}`);
        for (const c of ctx.items.values()) if (c.parents.includes(it.id)) walk(c, depth + 1);
      };
      walk(ctx.rootFor(email ?? ctx.user), 0);
      return lines.join('\n');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets

export interface ValidationView {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}
export interface ProtectionView {
  type: 'SHEET' | 'RANGE';
  sheet: string;
  /** A1 of the protected range (the whole sheet for a SHEET protection). */
  range: string;
  description: string;
  /** A1 of the unprotected ranges of a SHEET protection. */
  unprotected: string[];
  /** Who may edit the protected cells (owner first). */
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
}
export interface CellView {
  a1: string;
  /** As getValues returns it (computed for a formula, '' when empty). */
  value: unknown;
  formula: string;
  display: string;
  note: string;
  numberFormat: string | null;
  background: string | null;
  fontWeight: string | null;
  fontColor: string | null;
  horizontalAlignment: string | null;
  wrap: boolean | null;
  validation: ValidationView | null;
}
export interface ChartView {
  id: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders: number;
}
export interface ConditionalRuleView {
  ranges: string[];
  condition: { type: string; values: unknown[] };
  format: ConditionalRuleModel['format'];
}

export interface SheetView {
  readonly name: string;
  readonly sheetId: number;
  /** 1-based position. */
  readonly index: number;
  readonly hidden: boolean;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly tabColor: string | null;
  readonly columnWidths: Record<number, number>;
  readonly hiddenColumns: number[];
  /** A1 of merged ranges. */
  readonly merges: string[];
  readonly protections: ProtectionView[];
  readonly charts: ChartView[];
  readonly conditionalRules: ConditionalRuleView[];
  /** getValues of a range (default: from A1 to the last row/column with content; [] when empty). */
  values(a1?: string): unknown[][];
  formulas(a1?: string): string[][];
  displayValues(a1?: string): string[][];
  notes(a1?: string): string[][];
  numberFormats(a1?: string): (string | null)[][];
  backgrounds(a1?: string): (string | null)[][];
  fontWeights(a1?: string): (string | null)[][];
  validations(a1?: string): (ValidationView | null)[][];
  cell(a1: string): CellView;
  /** A1 of the first cell (row by row) whose value equals `value`, or null. */
  find(value: unknown): string | null;
  /** Could `email` type into this cell (file access, protections)? */
  canEdit(a1: string, email: string): boolean;
  /**
   * A person typing into the sheet (not counted): as `as` (default: the current user), with
   * protections and rejecting validation rules enforced; '=' makes a formula, "'" escapes.
   * A 2-D array fills a block starting at a1.
   */
  set(a1: string, value: unknown, opts?: { as?: string }): void;
  /** A person inserting empty rows above `row` (not counted), with the current user's rights. */
  insertRowsBefore(row: number, howMany: number): void;
  /** The model, for anything not covered here. */
  readonly model: SheetModel;
}

export interface SpreadsheetView {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly owner: string;
  readonly editors: string[];
  readonly trashed: boolean;
  readonly timeZone: string;
  /** The spreadsheet locale ('en_US' for a new spreadsheet, as for an en_US account). */
  readonly locale: string;
  readonly sheetNames: string[];
  readonly activeSheet: string;
  hasSheet(name: string): boolean;
  /** Throws when there is no such sheet. */
  sheet(name: string): SheetView;
  readonly protections: ProtectionView[];
  readonly model: SpreadsheetModel;
}

function validationView(v: ValidationModel | undefined): ValidationView | null {
  return v
    ? {
        criteria: v.criteria,
        values: cloneValues(v.values),
        allowInvalid: v.allowInvalid,
        helpText: v.helpText,
      }
    : null;
}

function protectionView(ctx: FakeContext, ss: SpreadsheetModel, p: ProtectionModel): ProtectionView {
  return {
    type: p.type,
    sheet: ss.sheetById(p.sheetId)?.name ?? '?',
    range: rectA1(ss.protectionRect(p)),
    description: p.description,
    unprotected: p.unprotected.map(rectA1),
    editors: ctx.protectionEditors(ss, p),
    warningOnly: p.warningOnly,
    domainEdit: p.domainEdit,
  };
}

function chartView(c: ChartModel): ChartView {
  return {
    id: c.id,
    type: c.type,
    ranges: c.ranges.map(rectA1),
    options: { ...c.options },
    position: { ...c.position },
    numHeaders: c.numHeaders,
  };
}

export function sheetView(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel): SheetView {
  const rect = (a1?: string): Rect | null => {
    if (a1 === undefined) {
      const rows = sheet.lastRow();
      const cols = sheet.lastColumn();
      return rows && cols ? { row: 1, col: 1, numRows: rows, numCols: cols } : null;
    }
    const r = parseA1(splitSheet(a1).ref, sheet.maxRows, sheet.maxCols);
    if (!r) throw new Error(`fake: bad A1 notation '${a1}'`);
    return r;
  };
  const grid = <T>(a1: string | undefined, fn: (row: number, col: number) => T): T[][] => {
    const r = rect(a1);
    if (!r) return [];
    const out: T[][] = [];
    for (let i = 0; i < r.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < r.numCols; j++) line.push(fn(r.row + i, r.col + j));
      out.push(line);
    }
    return out;
  };
  const memo = (): EvalMemo => new Map();
  const valueAt = (row: number, col: number, m = memo()) => ss.valueAt(sheet, row, col, m);
  const display = (row: number, col: number, m = memo()) => {
    const v = valueAt(row, col, m);
    return displayValue(v === '' ? undefined : v, sheet.get(row, col)?.numberFormat, ss.timeZone);
  };
  return {
    get name() {
      return sheet.name;
    },
    get sheetId() {
      return sheet.id;
    },
    get index() {
      return ss.sheets.indexOf(sheet) + 1;
    },
    get hidden() {
      return sheet.hidden;
    },
    get frozenRows() {
      return sheet.frozenRows;
    },
    get frozenColumns() {
      return sheet.frozenCols;
    },
    get maxRows() {
      return sheet.maxRows;
    },
    get maxColumns() {
      return sheet.maxCols;
    },
    get lastRow() {
      return sheet.lastRow();
    },
    get lastColumn() {
      return sheet.lastColumn();
    },
    get tabColor() {
      return sheet.tabColor;
    },
    get columnWidths() {
      return Object.fromEntries(sheet.colWidths);
    },
    get hiddenColumns() {
      return [...sheet.hiddenCols].sort((a, b) => a - b);
    },
    get merges() {
      return sheet.merges.map(rectA1);
    },
    get protections() {
      return ss.protections.filter((p) => p.sheetId === sheet.id).map((p) => protectionView(ctx, ss, p));
    },
    get charts() {
      return sheet.charts.map(chartView);
    },
    get conditionalRules() {
      return sheet.conditionalRules.map((r) => ({ ranges: r.ranges.map(rectA1), condition: { ...r.condition }, format: { ...r.format } }));
    },
    values: (a1) => {
      const m = memo();
      return grid(a1, (r, c) => valueAt(r, c, m));
    },
    formulas: (a1) => grid(a1, (r, c) => sheet.get(r, c)?.f ?? ''),
    displayValues: (a1) => {
      const m = memo();
      return grid(a1, (r, c) => display(r, c, m));
    },
    notes: (a1) => grid(a1, (r, c) => sheet.get(r, c)?.note ?? ''),
    numberFormats: (a1) => grid(a1, (r, c) => sheet.get(r, c)?.numberFormat ?? null),
    backgrounds: (a1) => grid(a1, (r, c) => sheet.get(r, c)?.background ?? null),
    fontWeights: (a1) => grid(a1, (r, c) => sheet.get(r, c)?.fontWeight ?? null),
    validations: (a1) => grid(a1, (r, c) => validationView(sheet.get(r, c)?.validation)),
    cell: (a1) => {
      const r = rect(a1)!;
      const c = sheet.get(r.row, r.col);
      return {
        a1: cellA1(r.row, r.col),
        value: valueAt(r.row, r.col),
        formula: c?.f ?? '',
        display: display(r.row, r.col),
        note: c?.note ?? '',
        numberFormat: c?.numberFormat ?? null,
        background: c?.background ?? null,
        fontWeight: c?.fontWeight ?? null,
        fontColor: c?.fontColor ?? null,
        horizontalAlignment: c?.hAlign ?? null,
        wrap: c?.wrap ?? null,
        validation: validationView(c?.validation),
      };
    },
    find: (value) => {
      const rows = sheet.lastRow();
      const cols = sheet.lastColumn();
      const m = memo();
      for (let r = 1; r <= rows; r++)
        for (let c = 1; c <= cols; c++) {
          const v = valueAt(r, c, m);
          if (v === value || (isDate(v) && isDate(value) && v.getTime() === value.getTime())) return cellA1(r, c);
        }
      return null;
    },
    canEdit: (a1, email) => {
      const r = rect(a1)!;
      const it = ctx.item(ss.id);
      if (!it || !ctx.canWrite(it, email)) return false;
      return ss.protectionsAt(sheet, r.row, r.col).every((p) => ctx.protectionAllows(ss, p, email));
    },
    set: (a1, value, opts) => {
      const r0 = rect(a1)!;
      const grid2 = Array.isArray(value) && Array.isArray(value[0]) ? (value as unknown[][]) : [[value]];
      const r: Rect = { row: r0.row, col: r0.col, numRows: grid2.length, numCols: grid2[0].length };
      const saved = ctx.user;
      if (opts?.as) ctx.user = opts.as;
      try {
        new RangeFake(ctx, ss, sheet, r).setValues(grid2);
      } finally {
        ctx.user = saved;
      }
    },
    insertRowsBefore: (row, howMany) => {
      new SheetFake(ctx, ss, sheet).insertRowsAfter(row - 1, howMany);
    },
    get model() {
      return sheet;
    },
  };
}

export function spreadsheetView(ctx: FakeContext, ss: SpreadsheetModel): SpreadsheetView {
  const item = () => ctx.item(ss.id)!;
  return {
    id: ss.id,
    get name() {
      return item().name;
    },
    url: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
    get owner() {
      return item().owner;
    },
    get editors() {
      return ctx.effectiveEditors(item());
    },
    get trashed() {
      return item().trashed;
    },
    get timeZone() {
      return ss.timeZone;
    },
    get locale() {
      return ss.locale;
    },
    get sheetNames() {
      return ss.sheets.map((s) => s.name);
    },
    get activeSheet() {
      return (ss.sheetById(ss.activeSheetId) ?? ss.sheets[0]).name;
    },
    hasSheet: (name) => !!ss.sheetByName(name),
    sheet: (name) => {
      const s = ss.sheetByName(name);
      if (!s) throw new Error(`fake spreadsheet '${item().name}': no sheet '${name}' (sheets: ${ss.sheets.map((x) => x.name).join(', ')})`);
      return sheetView(ctx, ss, s);
    },
    get protections() {
      return ss.protections.map((p) => protectionView(ctx, ss, p));
    },
    get model() {
      return ss;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Documents

export interface ParagraphView {
  type: 'PARAGRAPH';
  text: string;
  heading: string;
  alignment: string | null;
  /** Paragraph-level attributes (Attribute names), including text attributes set on the whole text. */
  attributes: Attrs;
  /** Text attributes set on part of the text (offsets inclusive). */
  runs: { start: number; end: number; text: string; attributes: Attrs }[];
  pageBreak: boolean;
}
export interface TableView {
  type: 'TABLE';
  /** Cell texts, row by row. */
  cells: string[][];
  attributes: Attrs;
  rows: { attributes: Attrs; cells: { text: string; attributes: Attrs; paragraphs: ParagraphView[] }[] }[];
  columnWidths: Record<number, number>;
}
export interface DocumentView {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly trashed: boolean;
  /** Body text (paragraphs joined by '\n'; table cells by '\t'). */
  readonly text: string;
  /** Body children in order. */
  readonly children: (ParagraphView | TableView)[];
  /** Top-level paragraphs. */
  readonly paragraphs: ParagraphView[];
  readonly tables: TableView[];
  /** Body attributes (MARGIN_TOP, PAGE_WIDTH…). */
  readonly attributes: Attrs;
  readonly model: DocModel;
}

function paraView(p: ParaModel): ParagraphView {
  return {
    type: 'PARAGRAPH',
    text: p.text,
    heading: (p.attrs.HEADING as string) ?? 'NORMAL',
    alignment: (p.attrs.HORIZONTAL_ALIGNMENT as string) ?? null,
    attributes: { ...p.attrs },
    runs: p.runs.map((r) => ({ start: r.start, end: r.end, text: p.text.slice(r.start, r.end + 1), attributes: { ...r.attrs } })),
    pageBreak: p.pageBreak,
  };
}

function tableView(t: TableModel): TableView {
  return {
    type: 'TABLE',
    cells: t.rows.map((r) => r.cells.map((c) => textOf(c))),
    attributes: { ...t.attrs },
    rows: t.rows.map((r) => ({
      attributes: { ...r.attrs },
      cells: r.cells.map((c) => ({ text: textOf(c), attributes: { ...c.attrs }, paragraphs: c.children.map(paraView) })),
    })),
    columnWidths: { ...t.colWidths },
  };
}

export function documentView(ctx: FakeContext, doc: DocModel): DocumentView {
  const item = () => ctx.item(doc.id)!;
  const children = () => doc.body.children.map((c) => (c.kind === 'PARAGRAPH' ? paraView(c) : tableView(c)));
  return {
    id: doc.id,
    get name() {
      return item().name;
    },
    url: `https://docs.google.com/document/d/${doc.id}/edit`,
    get trashed() {
      return item().trashed;
    },
    get text() {
      return textOf(doc.body);
    },
    get children() {
      return children();
    },
    get paragraphs() {
      return children().filter((c): c is ParagraphView => c.type === 'PARAGRAPH');
    },
    get tables() {
      return children().filter((c): c is TableView => c.type === 'TABLE');
    },
    get attributes() {
      return { ...doc.body.attrs };
    },
    get model() {
      return doc;
    },
  };
}
