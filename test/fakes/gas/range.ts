/** Range fake. */
import type { GBorderStyle, GDataValidation, GProtection, GRange, GSheet, GWrapStrategy } from '../../../src/gas/services';
import { Rect, cellA1, overlaps, rectA1 } from './a1';
import { FakeContext, isConsumer, unwrap } from './context';
import { MSG, fail } from './errors';
import { CellData, SheetModel, SpreadsheetModel, satisfies } from './sheet-model';
import { DataValidationFake, makeProtection, makeValidation } from './spreadsheet-extras';
import { makeSheet } from './spreadsheet';
import { Scalar, coerceInput, displayValue } from './values';

function typeName(x: unknown): string {
  if (x === null || x === undefined) return 'null';
  if (Array.isArray(x)) return Array.isArray(x[0]) ? 'Object[][]' : 'Object[]';
  if (typeof x === 'string') return 'String';
  if (typeof x === 'number') return 'number';
  return typeof x;
}

export function guardSheet(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel): void {
  if (ctx.spreadsheets.get(ss.id) !== ss) fail(MSG.missingDoc(ss.id));
  if (!ss.sheets.includes(sheet)) fail(`The sheet "${sheet.name}" has been deleted.`);
}

export function checkBounds(sheet: SheetModel, r: Rect): void {
  if (r.row < 1) fail('The starting row of the range is too small.');
  if (r.col < 1) fail('The starting column of the range is too small.');
  if (r.numRows < 1) fail('The number of rows in the range must be at least 1.');
  if (r.numCols < 1) fail('The number of columns in the range must be at least 1.');
  if (r.row + r.numRows - 1 > sheet.maxRows || r.col + r.numCols - 1 > sheet.maxCols) fail(MSG.outside);
}

export class RangeFake implements GRange {
  declare readonly _self: GRange;

  constructor(
    private readonly ctx: FakeContext,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
  ) {}

  _guard(): void {
    guardSheet(this.ctx, this._ss, this._sheet);
  }

  // ---- helpers

  private grid<T>(fn: (cell: CellData | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    const { row, col, numRows, numCols } = this._rect;
    for (let r = row; r < row + numRows; r++) {
      const line: T[] = [];
      const rowMap = this._sheet.cells.get(r);
      for (let c = col; c < col + numCols; c++) line.push(fn(rowMap?.get(c), r, c));
      out.push(line);
    }
    return out;
  }

  private check<T>(data: unknown, method: string): T[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r)))
      fail(`The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    const rows = data as T[][];
    if (rows.length !== this._rect.numRows)
      fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this._rect.numRows}.`,
      );
    for (const row of rows)
      if (row.length !== this._rect.numCols)
        fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._rect.numCols}.`,
        );
    return rows;
  }

  private edit(): void {
    this.ctx.assertCanEdit(this._ss, this._sheet.id, this._rect);
    this.ctx.touch(this._ss.id);
  }

  private eachCell(fn: (cell: CellData, row: number, col: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this._rect;
    for (let i = 0; i < numRows; i++)
      for (let j = 0; j < numCols; j++) {
        const cell = this._sheet.ensure(row + i, col + j);
        fn(cell, row + i, col + j, i, j);
        this._sheet.tidy(row + i, col + j);
      }
  }

  private setFormat<K extends keyof CellData>(key: K, value: CellData[K] | null): GRange {
    this.edit();
    this.eachCell((cell) => {
      if (value === null || value === undefined) delete cell[key];
      else cell[key] = value;
    });
    return this._self;
  }

  private setFormats<K extends keyof CellData>(key: K, values: unknown, method: string): GRange {
    const grid = this.check<CellData[K] | null>(values, method);
    this.edit();
    this.eachCell((cell, _r, _c, i, j) => {
      const v = grid[i][j];
      if (v === null || v === undefined || v === '') delete cell[key];
      else cell[key] = v;
    });
    return this._self;
  }

  /** Write contents, applying rejecting validation rules first (nothing is written on error). */
  private writeContents(contents: { v?: Scalar; f?: string }[][]): void {
    const { row, col } = this._rect;
    contents.forEach((line, i) =>
      line.forEach((content, j) => {
        const rule = this._sheet.get(row + i, col + j)?.validation;
        if (rule && !rule.allowInvalid && content.f === undefined && !satisfies(rule, content.v))
          fail(`The data you entered in cell ${cellA1(row + i, col + j)} violates the data validation rules set on this cell.`);
      }),
    );
    contents.forEach((line, i) => line.forEach((content, j) => this._sheet.setContent(row + i, col + j, content)));
  }

  // ---- values

  getValues(): unknown[][] {
    const memo = new Map();
    return this.grid((_cell, r, c) => {
      const v = this._ss.valueAt(this._sheet, r, c, memo);
      return v instanceof Date ? this.ctx.outDate(v.getTime()) : v;
    });
  }
  getValue(): unknown {
    const v = this._ss.valueAt(this._sheet, this._rect.row, this._rect.col);
    return v instanceof Date ? this.ctx.outDate(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    const memo = new Map();
    return this.grid((cell, r, c) => {
      const v = this._ss.valueAt(this._sheet, r, c, memo);
      return displayValue(v === '' ? undefined : v, cell?.numberFormat, this._ss.timeZone);
    });
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  setValues(values: unknown[][]): GRange {
    const grid = this.check<unknown>(values, 'setValues');
    const { row, col } = this._rect;
    const contents = grid.map((line, i) =>
      line.map((v, j) => coerceInput(v, this._sheet.get(row + i, col + j)?.numberFormat, this._ss.locale)),
    );
    this.edit();
    this.writeContents(contents);
    return this._self;
  }
  setValue(value: unknown): GRange {
    const { row, col, numRows, numCols } = this._rect;
    const contents = Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numCols }, (_x, j) => coerceInput(value, this._sheet.get(row + i, col + j)?.numberFormat, this._ss.locale)),
    );
    this.edit();
    this.writeContents(contents);
    return this._self;
  }
  getFormulas(): string[][] {
    return this.grid((cell) => cell?.f ?? '');
  }
  getFormula(): string {
    return this._sheet.get(this._rect.row, this._rect.col)?.f ?? '';
  }
  setFormulas(formulas: string[][]): GRange {
    const grid = this.check<unknown>(formulas, 'setFormulas');
    const { row, col } = this._rect;
    const contents = grid.map((line, i) =>
      line.map((f, j) => {
        if (typeof f !== 'string')
          fail(`The parameters (${typeName(formulas)}) don't match the method signature for SpreadsheetApp.Range.setFormulas.`);
        return f.startsWith('=') ? { f } : coerceInput(f, this._sheet.get(row + i, col + j)?.numberFormat, this._ss.locale);
      }),
    );
    this.edit();
    this.writeContents(contents);
    return this._self;
  }
  setFormula(formula: string): GRange {
    const { numRows, numCols } = this._rect;
    return this.setFormulas(Array.from({ length: numRows }, () => Array.from({ length: numCols }, () => formula)));
  }
  isBlank(): boolean {
    return this.grid((cell) => this._sheet.hasContent(cell)).every((line) => line.every((x) => !x));
  }

  // ---- geometry

  getA1Notation(): string {
    return rectA1(this._rect);
  }
  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getSheet(): GSheet {
    return makeSheet(this.ctx, this._ss, this._sheet);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    const r: Rect = {
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numCols: numColumns ?? this._rect.numCols,
    };
    checkBounds(this._sheet, r);
    return makeRange(this.ctx, this._ss, this._sheet, r);
  }
  activate(): GRange {
    this._ss.activeSheetId = this._sheet.id;
    return this._self;
  }

  // ---- notes and formats

  getNote(): string {
    return this._sheet.get(this._rect.row, this._rect.col)?.note ?? '';
  }
  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? '');
  }
  setNote(note: string | null): GRange {
    return this.setFormat('note', note === '' ? null : note);
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    return this.setFormats('note', notes, 'setNotes');
  }
  getNumberFormat(): string {
    return this._sheet.get(this._rect.row, this._rect.col)?.numberFormat ?? 'General';
  }
  getNumberFormats(): string[][] {
    return this.grid((cell) => cell?.numberFormat ?? 'General');
  }
  setNumberFormat(numberFormat: string): GRange {
    return this.setFormat('numberFormat', numberFormat);
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    return this.setFormats('numberFormat', numberFormats, 'setNumberFormats');
  }
  getBackground(): string {
    return this._sheet.get(this._rect.row, this._rect.col)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.grid((cell) => cell?.background ?? '#ffffff');
  }
  setBackground(color: string | null): GRange {
    return this.setFormat('background', color);
  }
  setBackgrounds(color: Array<Array<string | null>>): GRange {
    return this.setFormats('background', color, 'setBackgrounds');
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.grid((cell) => (cell?.fontWeight ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight);
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    return this.setFormat('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GRange {
    return this.setFormats('fontWeight', fontWeights, 'setFontWeights');
  }
  setFontColor(color: string | null): GRange {
    return this.setFormat('fontColor', color);
  }
  setFontColors(colors: unknown[][]): GRange {
    return this.setFormats('fontColor', colors, 'setFontColors');
  }
  setFontSize(size: number): GRange {
    return this.setFormat('fontSize', size);
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GRange {
    return this.setFormat('fontStyle', fontStyle);
  }
  getHorizontalAlignments(): string[][] {
    return this.grid((cell) => cell?.hAlign ?? 'general');
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GRange {
    return this.setFormat('hAlign', alignment);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange {
    return this.setFormat('vAlign', alignment);
  }
  getWraps(): boolean[][] {
    return this.grid((cell) => cell?.wrap ?? cell?.wrapStrategy === 'WRAP');
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this.setFormat('wrap', !!isWrapEnabled);
  }
  setWrapStrategy(strategy: GWrapStrategy): GRange {
    return this.setFormat('wrapStrategy', String(strategy));
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GBorderStyle | null,
  ): GRange {
    this.edit();
    this._sheet.borders.push({
      rect: { ...this._rect },
      border: { top, left, bottom, right, vertical, horizontal, color: color ?? null, style: style ? String(style) : null },
    });
    return this._self;
  }
  merge(): GRange {
    this.edit();
    this._sheet.merges = this._sheet.merges.filter((m) => !overlaps(m, this._rect));
    if (this._rect.numRows * this._rect.numCols > 1) {
      this._sheet.merges.push({ ...this._rect });
      // Only the top-left value survives a merge.
      this.eachCell((cell, r, c) => {
        if (r !== this._rect.row || c !== this._rect.col) {
          delete cell.v;
          delete cell.f;
        }
      });
    }
    return this._self;
  }
  breakApart(): GRange {
    this.edit();
    this._sheet.merges = this._sheet.merges.filter((m) => !overlaps(m, this._rect));
    return this._self;
  }

  // ---- validation, protection, clearing

  setDataValidation(rule: GDataValidation | null): GRange {
    const model = rule === null ? null : validationModel(rule);
    this.edit();
    this.eachCell((cell) => {
      if (model) cell.validation = { ...model, values: [...model.values] };
      else delete cell.validation;
    });
    return this._self;
  }
  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange {
    const grid = this.check<GDataValidation | null>(rules, 'setDataValidations');
    const models = grid.map((line) => line.map((r) => (r ? validationModel(r) : null)));
    this.edit();
    this.eachCell((cell, _r, _c, i, j) => {
      const m = models[i][j];
      if (m) cell.validation = { ...m, values: [...m.values] };
      else delete cell.validation;
    });
    return this._self;
  }
  getDataValidation(): GDataValidation | null {
    const m = this._sheet.get(this._rect.row, this._rect.col)?.validation;
    return m ? makeValidation(this.ctx, m) : null;
  }
  getDataValidations(): Array<Array<GDataValidation | null>> {
    return this.grid((cell) => (cell?.validation ? makeValidation(this.ctx, cell.validation) : null));
  }
  clearDataValidations(): GRange {
    this.edit();
    this._sheet.clearRect(this._rect, { validations: true });
    return this._self;
  }
  protect(): GProtection {
    this.edit();
    const owner = this.ctx.item(this._ss.id)!.owner;
    const p = this._ss.newProtection(this._sheet, 'RANGE', { ...this._rect }, !isConsumer(owner));
    return makeProtection(this.ctx, this._ss, p);
  }
  clearContent(): GRange {
    this.edit();
    this._sheet.clearRect(this._rect, { contents: true });
    return this._self;
  }
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    this.edit();
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    this._sheet.clearRect(
      this._rect,
      any
        ? { contents: o.contentsOnly, formats: o.formatOnly, notes: o.commentsOnly, validations: o.validationsOnly }
        : { contents: true, formats: true },
    );
    return this._self;
  }
}

function validationModel(rule: GDataValidation) {
  const raw = unwrap(rule) as unknown as DataValidationFake;
  if (!(raw instanceof DataValidationFake)) fail('Invalid argument: rule');
  return raw._model;
}

export function makeRange(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel, rect: Rect): GRange {
  return ctx.wrap('Range', new RangeFake(ctx, ss, sheet, { ...rect }));
}
