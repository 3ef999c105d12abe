/** SpreadsheetApp, Spreadsheet and Sheet fakes. */
import type {
  GConditionalFormatRule,
  GConditionalFormatRuleBuilder,
  GDataValidationBuilder,
  GEmbeddedChart,
  GEmbeddedChartBuilder,
  GProtection,
  GProtectionType,
  GRange,
  GRangeList,
  GSheet,
  GSpreadsheet,
  GSpreadsheetApp,
  GUi,
  GUser,
} from '../../../src/gas/services';
import { Rect, parseA1, splitSheet } from './a1';
import { FakeContext, isConsumer, unwrap } from './context';
import { ProtectionType } from './enums';
import { MSG, fail } from './errors';
import { checkBounds, guardSheet, makeRange } from './range';
import { SheetModel, SpreadsheetModel } from './sheet-model';
import {
  chartModel,
  cloneChart,
  makeChart,
  makeChartBuilder,
  makeConditionalRuleBuilder,
  makeProtection,
  makeUser,
  makeValidationBuilder,
  ruleFromModel,
  ruleModels,
} from './spreadsheet-extras';
import { makeUi } from './ui';
import { coerceInput } from './values';

// ---------------------------------------------------------------------------------------------
// Sheet

export class SheetFake implements GSheet {
  declare readonly _self: GSheet;

  constructor(
    private readonly ctx: FakeContext,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
  ) {}

  _guard(): void {
    guardSheet(this.ctx, this._ss, this._sheet);
  }

  /** Structural changes need edit rights on every protected part of the sheet. */
  private edit(rect: Rect | null = null): void {
    this.ctx.assertCanEdit(this._ss, this._sheet.id, rect);
    this.ctx.touch(this._ss.id);
  }

  getName(): string {
    return this._sheet.name;
  }
  setName(name: string): GSheet {
    this.edit();
    const n = String(name).trim();
    if (!n) fail('Invalid argument: name');
    this._ss.renameSheet(this._sheet, n);
    return this._self;
  }
  getSheetId(): number {
    return this._sheet.id;
  }
  activate(): GSheet {
    this._ss.activeSheetId = this._sheet.id;
    return this._self;
  }

  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    let rect: Rect;
    if (typeof a === 'string') {
      const { ref } = splitSheet(a);
      const r = parseA1(ref, this._sheet.maxRows, this._sheet.maxCols);
      if (!r) fail('Range not found');
      rect = r;
    } else {
      if (typeof a !== 'number' || typeof column !== 'number')
        fail("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
      rect = { row: a, col: column, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
      for (const v of [rect.row, rect.col, rect.numRows, rect.numCols])
        if (!Number.isFinite(v))
          fail("The parameters (number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
      rect = { row: Math.trunc(rect.row), col: Math.trunc(rect.col), numRows: Math.trunc(rect.numRows), numCols: Math.trunc(rect.numCols) };
    }
    checkBounds(this._sheet, rect);
    return makeRange(this.ctx, this._ss, this._sheet, rect);
  }
  getRangeList(a1Notations: string[]): GRangeList {
    if (!Array.isArray(a1Notations)) fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    const ranges = a1Notations.map((a1) => {
      const r = parseA1(splitSheet(String(a1)).ref, this._sheet.maxRows, this._sheet.maxCols);
      if (!r) fail('Range not found');
      checkBounds(this._sheet, r);
      return r;
    });
    const ctx = this.ctx;
    const ss = this._ss;
    const sheet = this._sheet;
    return ctx.wrap('RangeList', { getRanges: () => ranges.map((r) => makeRange(ctx, ss, sheet, r)) });
  }
  getDataRange(): GRange {
    const rows = Math.max(1, this._sheet.lastRow());
    const cols = Math.max(1, this._sheet.lastColumn());
    return makeRange(this.ctx, this._ss, this._sheet, { row: 1, col: 1, numRows: rows, numCols: cols });
  }
  getLastRow(): number {
    return this._sheet.lastRow();
  }
  getLastColumn(): number {
    return this._sheet.lastColumn();
  }
  getMaxRows(): number {
    return this._sheet.maxRows;
  }
  getMaxColumns(): number {
    return this._sheet.maxCols;
  }
  appendRow(rowContents: unknown[]): GSheet {
    if (!Array.isArray(rowContents)) fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = this._sheet.lastRow() + 1;
    this.edit({ row: Math.min(row, this._sheet.maxRows), col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) });
    if (row > this._sheet.maxRows) this._sheet.maxRows = row;
    if (rowContents.length > this._sheet.maxCols) this._sheet.maxCols = rowContents.length;
    rowContents.forEach((v, i) =>
      this._sheet.setContent(row, i + 1, coerceInput(v, this._sheet.get(row, i + 1)?.numberFormat, this._ss.locale)),
    );
    return this._self;
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    return this.insert('row', afterPosition + 1, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    return this.insert('col', afterPosition + 1, howMany);
  }
  private insert(axis: 'row' | 'col', at: number, howMany: number): GSheet {
    const max = axis === 'row' ? this._sheet.maxRows : this._sheet.maxCols;
    if (!(at >= 1 && at <= max + 1) || !(howMany >= 1)) fail(`Those ${axis === 'row' ? 'rows' : 'columns'} are out of bounds.`);
    this.edit();
    this._ss.shift(this._sheet, axis, at, Math.trunc(howMany));
    return this._self;
  }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    this.edit();
    const all: Rect = { row: 1, col: 1, numRows: this._sheet.maxRows, numCols: this._sheet.maxCols };
    const o = options ?? {};
    const any = o.formatOnly || o.contentsOnly;
    this._sheet.clearRect(all, any ? { contents: o.contentsOnly, formats: o.formatOnly } : { contents: true, formats: true });
    return this._self;
  }
  clearContents(): GSheet {
    return this.clear({ contentsOnly: true });
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this._sheet.maxRows) fail('Invalid argument: rows');
    this.edit();
    this._sheet.frozenRows = rows;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.edit();
    this._sheet.colWidths.set(columnPosition, width);
    return this._self;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.edit();
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._sheet.hiddenCols.add(c);
  }
  hideSheet(): GSheet {
    this.edit();
    if (!this._sheet.hidden && this._ss.sheets.filter((s) => !s.hidden).length <= 1) fail("You can't hide all the sheets in a document.");
    this._sheet.hidden = true;
    if (this._ss.activeSheetId === this._sheet.id) this._ss.activeSheetId = this._ss.sheets.find((s) => !s.hidden)!.id;
    return this._self;
  }
  /** A sheet has at most one sheet protection: protect() returns it when it exists. */
  protect(): GProtection {
    const existing = this._ss.protections.find((p) => p.sheetId === this._sheet.id && p.type === 'SHEET');
    if (existing) return makeProtection(this.ctx, this._ss, existing);
    this.edit();
    const owner = this.ctx.item(this._ss.id)!.owner;
    return makeProtection(this.ctx, this._ss, this._ss.newProtection(this._sheet, 'SHEET', null, !isConsumer(owner)));
  }
  getProtections(type: GProtectionType): GProtection[] {
    const t = String(type);
    return this._ss.protections
      .filter((p) => p.sheetId === this._sheet.id && p.type === t)
      .map((p) => makeProtection(this.ctx, this._ss, p));
  }
  newChart(): GEmbeddedChartBuilder {
    return makeChartBuilder(this.ctx, this._ss, this._sheet);
  }
  insertChart(chart: GEmbeddedChart): void {
    this.edit();
    const m = cloneChart(chartModel(chart));
    m.id = this.ctx.nextSeq();
    this._sheet.charts.push(m);
  }
  getCharts(): GEmbeddedChart[] {
    return this._sheet.charts.map((c) => makeChart(this.ctx, this._ss, this._sheet, cloneChart(c)));
  }
  removeChart(chart: GEmbeddedChart): void {
    this.edit();
    const m = chartModel(chart);
    const before = this._sheet.charts.length;
    this._sheet.charts = this._sheet.charts.filter((c) => c.id !== m.id);
    if (this._sheet.charts.length === before) fail('The chart does not exist on this sheet.');
  }
  getConditionalFormatRules(): GConditionalFormatRule[] {
    return this._sheet.conditionalRules.map((m) => ruleFromModel(this.ctx, this._ss, this._sheet, m));
  }
  setConditionalFormatRules(rules: GConditionalFormatRule[]): void {
    this.edit();
    this._sheet.conditionalRules = ruleModels(rules, this._sheet);
  }
}

export function makeSheet(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel): GSheet {
  return ctx.wrap('Sheet', new SheetFake(ctx, ss, sheet));
}

function sheetModelOf(ss: SpreadsheetModel, g: GSheet): SheetModel {
  const raw = unwrap(g) as unknown as SheetFake;
  if (!(raw instanceof SheetFake) || raw._ss !== ss) fail('Invalid argument: sheet');
  return raw._sheet;
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet

export class SpreadsheetFake implements GSpreadsheet {
  declare readonly _self: GSpreadsheet;

  constructor(
    private readonly ctx: FakeContext,
    readonly _ss: SpreadsheetModel,
  ) {}

  _guard(): void {
    if (this.ctx.spreadsheets.get(this._ss.id) !== this._ss) fail(MSG.missingDoc(this._ss.id));
  }

  private item() {
    return this.ctx.item(this._ss.id)!;
  }
  private edit(): void {
    if (!this.ctx.canWrite(this.item(), this.ctx.user)) fail(MSG.noAccess);
    this.ctx.touch(this._ss.id);
  }

  getId(): string {
    return this._ss.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._ss.id}/edit`;
  }
  getSheetByName(name: string): GSheet | null {
    const s = this._ss.sheetByName(String(name));
    return s ? makeSheet(this.ctx, this._ss, s) : null;
  }
  getProtections(type: GProtectionType): GProtection[] {
    const t = String(type);
    return this._ss.protections.filter((p) => p.type === t).map((p) => makeProtection(this.ctx, this._ss, p));
  }
  getSheets(): GSheet[] {
    return this._ss.sheets.map((s) => makeSheet(this.ctx, this._ss, s));
  }
  insertSheet(a?: string | number, b?: number): GSheet {
    this.edit();
    let name: string;
    let index: number;
    const activeIdx = Math.max(
      0,
      this._ss.sheets.findIndex((s) => s.id === this._ss.activeSheetId),
    );
    if (typeof a === 'string') {
      name = a;
      index = typeof b === 'number' ? b : activeIdx + 1;
    } else {
      name = this._ss.defaultSheetName();
      index = typeof a === 'number' ? a : activeIdx + 1;
    }
    const s = this._ss.addSheet(name, index);
    this._ss.activeSheetId = s.id;
    return makeSheet(this.ctx, this._ss, s);
  }
  deleteSheet(sheet: GSheet): void {
    this.edit();
    const s = sheetModelOf(this._ss, sheet);
    this.ctx.assertCanEdit(this._ss, s.id, null);
    this._ss.removeSheet(s);
  }
  getRange(a1Notation: string): GRange {
    const { sheet, ref } = splitSheet(a1Notation);
    const s = sheet === null ? (this._ss.sheetById(this._ss.activeSheetId) ?? this._ss.sheets[0]) : this._ss.sheetByName(sheet);
    if (!s) fail('Range not found');
    const r = parseA1(ref, s.maxRows, s.maxCols);
    if (!r) fail('Range not found');
    checkBounds(s, r);
    return makeRange(this.ctx, this._ss, s, r);
  }
  getSpreadsheetTimeZone(): string {
    return this._ss.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.edit();
    this._ss.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._ss.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.edit();
    this._ss.locale = locale;
  }
  addEditor(emailAddress: string): GSpreadsheet {
    return this.addEditors([emailAddress]);
  }
  addEditors(emailAddresses: string[]): GSpreadsheet {
    this.edit();
    for (const e of emailAddresses) {
      this.item().editors.add(e);
      this.ctx.shares.push({
        itemId: this._ss.id,
        email: e,
        role: 'editor',
        by: this.ctx.user,
        at: this.ctx.now(),
        via: 'Spreadsheet.addEditors',
        notify: true,
        message: null,
      });
    }
    return this._self;
  }
  getOwner(): GUser | null {
    return makeUser(this.ctx, this.item().owner);
  }
}

export function makeSpreadsheet(ctx: FakeContext, ss: SpreadsheetModel): GSpreadsheet {
  return ctx.wrap('Spreadsheet', new SpreadsheetFake(ctx, ss));
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetApp

export function idFromUrl(url: string): string | null {
  const m = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url)) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(String(url));
  return m ? m[1] : null;
}

export class SpreadsheetAppFake implements GSpreadsheetApp {
  readonly ProtectionType = ProtectionType;

  constructor(private readonly ctx: FakeContext) {}

  /** Applies pending changes: the fake applies every change at once, so nothing to do (counted). */
  flush(): void {}

  getActiveSpreadsheet(): GSpreadsheet {
    const id = this.ctx.activeSpreadsheetId;
    const m = id ? this.ctx.spreadsheets.get(id) : undefined;
    // Apps Script returns null when the script is not bound to a spreadsheet.
    return (m ? makeSpreadsheet(this.ctx, m) : null) as GSpreadsheet;
  }
  openById(id: string): GSpreadsheet {
    const key = String(id);
    const m = this.ctx.spreadsheets.get(key);
    const it = this.ctx.item(key);
    if (!m || !it) fail(MSG.missingDoc(key));
    if (!this.ctx.canRead(it, this.ctx.user)) fail(MSG.noAccess);
    return makeSpreadsheet(this.ctx, m);
  }
  openByUrl(url: string): GSpreadsheet {
    const id = idFromUrl(url);
    if (!id) fail('Invalid argument: url');
    return this.openById(id);
  }
  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    if (typeof name !== 'string' || name === '') fail('Invalid argument: name');
    const m = this.ctx.createSpreadsheetModel(name, this.ctx.user, rows ?? 1000, columns ?? 26);
    return makeSpreadsheet(this.ctx, m);
  }
  getUi(): GUi {
    return makeUi(this.ctx);
  }
  newDataValidation(): GDataValidationBuilder {
    return makeValidationBuilder(this.ctx);
  }
  newConditionalFormatRule(): GConditionalFormatRuleBuilder {
    return makeConditionalRuleBuilder(this.ctx);
  }
}
