/** Range fake. */
import type { GDataValidation, GProtection, GRange } from '../../../src/gas/services';
import { Rect, cellA1 } from './a1';
import { FakeContext, isConsumer, unwrap } from './context';
import { MSG, fail } from './errors';
import { CellData, EvalMemo, SheetModel, SpreadsheetModel, satisfies } from './sheet-model';
import { DataValidationFake, makeProtection } from './spreadsheet-extras';
import { Scalar, coerceInput } from './values';

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
    const memo: EvalMemo = new Map();
    return this.grid((_cell, r, c) => {
      const v = this._ss.valueAt(this._sheet, r, c, memo);
      return v instanceof Date ? this.ctx.outDate(v.getTime()) : v;
    });
  }
  getValue(): unknown {
    const v = this._ss.valueAt(this._sheet, this._rect.row, this._rect.col);
    return v instanceof Date ? this.ctx.outDate(v.getTime()) : v;
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
  setNote(note: string | null): GRange {
    return this.setFormat('note', note === '' ? null : note);
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    return this.setFormats('note', notes, 'setNotes');
  }
  setNumberFormat(numberFormat: string): GRange {
    return this.setFormat('numberFormat', numberFormat);
  }
  setBackground(color: string | null): GRange {
    return this.setFormat('background', color);
  }
  setBackgrounds(color: Array<Array<string | null>>): GRange {
    return this.setFormats('background', color, 'setBackgrounds');
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    return this.setFormat('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GRange {
    return this.setFormats('fontWeight', fontWeights, 'setFontWeights');
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange {
    return this.setFormat('vAlign', alignment);
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this.setFormat('wrap', !!isWrapEnabled);
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
  protect(): GProtection {
    this.edit();
    const owner = this.ctx.item(this._ss.id)!.owner;
    const p = this._ss.newProtection(this._sheet, 'RANGE', { ...this._rect }, !isConsumer(owner));
    return makeProtection(this.ctx, this._ss, p);
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
