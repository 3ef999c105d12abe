/** Protection, data validation, conditional formatting and chart fakes. */
import type {
  GConditionalFormatRule,
  GConditionalFormatRuleBuilder,
  GDataValidation,
  GDataValidationBuilder,
  GDataValidationCriteria,
  GEmbeddedChart,
  GEmbeddedChartBuilder,
  GChartType,
  GProtection,
  GProtectionType,
  GRange,
  GUser,
} from '../../../src/gas/services';
import { Rect } from './a1';
import { FakeContext, unwrap } from './context';
import { fail } from './errors';
import { makeRange, RangeFake } from './range';
import { ChartModel, ConditionalRuleModel, ProtectionModel, SheetModel, SpreadsheetModel, ValidationModel } from './sheet-model';

export function makeUser(ctx: FakeContext, email: string): GUser {
  return ctx.wrap('User', { getEmail: () => email });
}

function emailOf(x: string | GUser): string {
  return typeof x === 'string' ? x : unwrap(x).getEmail();
}

function rangeModel(r: GRange): RangeFake {
  const raw = unwrap(r) as unknown as RangeFake;
  if (!(raw instanceof RangeFake)) fail('Invalid argument: range');
  return raw;
}

// ---------------------------------------------------------------------------------------------
// Protection

export class ProtectionFake implements GProtection {
  constructor(
    private readonly ctx: FakeContext,
    readonly _ss: SpreadsheetModel,
    readonly _p: ProtectionModel,
  ) {}

  _guard(): void {
    if (this.ctx.spreadsheets.get(this._ss.id) !== this._ss)
      fail(`Document ${this._ss.id} is missing (perhaps it was deleted, or you don't have read access?)`);
  }

  private sheet(): SheetModel {
    const s = this._ss.sheetById(this._p.sheetId);
    if (!s) fail('The protected range or sheet no longer exists.');
    return s;
  }

  /** Changing a protection needs the right to edit it (owner or one of its editors). */
  private edit(): this {
    if (!this._ss.protections.includes(this._p)) fail('The protected range or sheet no longer exists.');
    if (!this.ctx.protectionAllows(this._ss, this._p, this.ctx.user)) fail("You don't have permission to change this protection.");
    this.ctx.touch(this._ss.id);
    return this;
  }

  /** Until the first change, the editors mirror the spreadsheet's (owner + editors + current user). */
  private materialize(): Set<string> {
    if (this._p.editors === null) {
      const it = this.ctx.item(this._ss.id)!;
      this._p.editors = new Set([it.owner, ...this.ctx.effectiveEditors(it), this.ctx.user]);
    }
    return this._p.editors;
  }

  getDescription(): string {
    return this._p.description;
  }
  setDescription(description: string): GProtection {
    this.edit()._p.description = String(description);
    return this.self();
  }
  getProtectionType(): GProtectionType {
    return this._p.type as unknown as GProtectionType;
  }
  getRange(): GRange {
    const sheet = this.sheet();
    return makeRange(this.ctx, this._ss, sheet, this._ss.protectionRect(this._p));
  }
  setRange(range: GRange): GProtection {
    this.edit();
    if (this._p.type === 'SHEET') fail('Cannot set the range of a sheet protection.');
    const r = rangeModel(range);
    this._p.sheetId = r._sheet.id;
    this._p.rect = { ...r._rect };
    return this.self();
  }
  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this.edit();
    if (this._p.type !== 'SHEET') fail('Unprotected ranges can only be set on a sheet protection.');
    const rects: Rect[] = [];
    for (const g of ranges) {
      const r = rangeModel(g);
      if (r._sheet.id !== this._p.sheetId) fail('An unprotected range must be on the protected sheet.');
      rects.push({ ...r._rect });
    }
    this._p.unprotected = rects;
    return this.self();
  }
  getUnprotectedRanges(): GRange[] {
    const sheet = this.sheet();
    return this._p.unprotected.map((r) => makeRange(this.ctx, this._ss, sheet, r));
  }
  addEditor(user: string | GUser): GProtection {
    this.edit();
    this.materialize().add(emailOf(user));
    return this.self();
  }
  addEditors(emailAddresses: string[]): GProtection {
    this.edit();
    const s = this.materialize();
    for (const e of emailAddresses) s.add(e);
    return this.self();
  }
  removeEditor(emailAddress: string): GProtection {
    return this.removeEditors([emailAddress]);
  }
  removeEditors(users: string[] | GUser[]): GProtection {
    this.edit();
    const s = this.materialize();
    const owner = this.ctx.item(this._ss.id)!.owner;
    for (const u of users as (string | GUser)[]) {
      const e = emailOf(u);
      // The owner and the user running the script cannot be removed.
      if (e !== owner && e !== this.ctx.user) s.delete(e);
    }
    return this.self();
  }
  getEditors(): GUser[] {
    return this.ctx.protectionEditors(this._ss, this._p).map((e) => makeUser(this.ctx, e));
  }
  canEdit(): boolean {
    return this.ctx.protectionAllows(this._ss, this._p, this.ctx.user);
  }
  canDomainEdit(): boolean {
    return this._p.domainEdit;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.edit();
    this.materialize();
    this._p.domainEdit = !!editable;
    return this.self();
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.edit()._p.warningOnly = !!warningOnly;
    return this.self();
  }
  remove(): void {
    this.edit();
    this._ss.protections = this._ss.protections.filter((p) => p !== this._p);
  }

  private self(): GProtection {
    return makeProtection(this.ctx, this._ss, this._p);
  }
}

export function makeProtection(ctx: FakeContext, ss: SpreadsheetModel, p: ProtectionModel): GProtection {
  return ctx.wrap('Protection', new ProtectionFake(ctx, ss, p));
}

// ---------------------------------------------------------------------------------------------
// Data validation

export class DataValidationFake implements GDataValidation {
  constructor(
    private readonly ctx: FakeContext,
    readonly _model: ValidationModel,
  ) {}
  getAllowInvalid(): boolean {
    return this._model.allowInvalid;
  }
  getCriteriaType(): GDataValidationCriteria {
    return this._model.criteria as unknown as GDataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return cloneValues(this._model.values);
  }
  getHelpText(): string {
    return this._model.helpText ?? '';
  }
  copy(): GDataValidationBuilder {
    return makeValidationBuilder(this.ctx, { ...this._model, values: cloneValues(this._model.values) });
  }
}

function cloneValues(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : v));
}

export function makeValidation(ctx: FakeContext, model: ValidationModel): GDataValidation {
  return ctx.wrap('DataValidation', new DataValidationFake(ctx, model));
}

class DataValidationBuilderFake implements GDataValidationBuilder {
  constructor(
    private readonly ctx: FakeContext,
    private readonly m: ValidationModel,
  ) {}
  private set(criteria: string, values: unknown[]): GDataValidationBuilder {
    this.m.criteria = criteria;
    this.m.values = values;
    return makeValidationBuilder(this.ctx, this.m);
  }
  getAllowInvalid(): boolean {
    return this.m.allowInvalid;
  }
  getCriteriaType(): GDataValidationCriteria {
    return this.m.criteria as unknown as GDataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return cloneValues(this.m.values);
  }
  getHelpText(): string | null {
    return this.m.helpText;
  }
  build(): GDataValidation {
    if (!this.m.criteria) fail('You must specify a criteria for the data validation rule.');
    return makeValidation(this.ctx, { ...this.m, values: cloneValues(this.m.values) });
  }
  copy(): GDataValidationBuilder {
    return makeValidationBuilder(this.ctx, { ...this.m, values: cloneValues(this.m.values) });
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThan(n: number): GDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): GDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): GDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): GDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    if (!Array.isArray(values) || values.length === 0) fail('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireTextIsEmail(): GDataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GDataValidationBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireCheckbox(): GDataValidationBuilder {
    return this.set('CHECKBOX', []);
  }
  withCriteria(criteria: GDataValidationCriteria, args: unknown[]): GDataValidationBuilder {
    return this.set(String(criteria), [...args]);
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.m.allowInvalid = !!allowInvalidData;
    return makeValidationBuilder(this.ctx, this.m);
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.m.helpText = String(helpText);
    return makeValidationBuilder(this.ctx, this.m);
  }
}

export function makeValidationBuilder(ctx: FakeContext, m?: ValidationModel): GDataValidationBuilder {
  // A new rule allows invalid data (shows a warning) unless setAllowInvalid(false) is called.
  const model = m ?? { criteria: '', values: [], allowInvalid: true, helpText: null };
  return ctx.wrap('DataValidationBuilder', new DataValidationBuilderFake(ctx, model));
}

// ---------------------------------------------------------------------------------------------
// Conditional formatting

interface RuleDraft {
  ranges: { ss: SpreadsheetModel; sheet: SheetModel; rect: Rect }[];
  condition: ConditionalRuleModel['condition'];
  format: ConditionalRuleModel['format'];
}

export class ConditionalFormatRuleFake implements GConditionalFormatRule {
  constructor(
    private readonly ctx: FakeContext,
    readonly _draft: RuleDraft,
  ) {}
  getRanges(): GRange[] {
    return this._draft.ranges.map((r) => makeRange(this.ctx, r.ss, r.sheet, r.rect));
  }
  copy(): GConditionalFormatRuleBuilder {
    return makeConditionalRuleBuilder(this.ctx, cloneDraft(this._draft));
  }
}

function cloneDraft(d: RuleDraft): RuleDraft {
  return {
    ranges: d.ranges.map((r) => ({ ...r, rect: { ...r.rect } })),
    condition: { type: d.condition.type, values: [...d.condition.values] },
    format: { ...d.format },
  };
}

export function makeConditionalRule(ctx: FakeContext, d: RuleDraft): GConditionalFormatRule {
  return ctx.wrap('ConditionalFormatRule', new ConditionalFormatRuleFake(ctx, d));
}

class ConditionalFormatRuleBuilderFake implements GConditionalFormatRuleBuilder {
  constructor(
    private readonly ctx: FakeContext,
    private readonly d: RuleDraft,
  ) {}
  private again(): GConditionalFormatRuleBuilder {
    return makeConditionalRuleBuilder(this.ctx, this.d);
  }
  private when(type: string, values: unknown[]): GConditionalFormatRuleBuilder {
    this.d.condition = { type, values };
    return this.again();
  }
  build(): GConditionalFormatRule {
    if (!this.d.condition.type) fail('A conditional format rule needs a condition.');
    return makeConditionalRule(this.ctx, cloneDraft(this.d));
  }
  getRanges(): GRange[] {
    return this.d.ranges.map((r) => makeRange(this.ctx, r.ss, r.sheet, r.rect));
  }
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder {
    this.d.ranges = ranges.map((g) => {
      const r = rangeModel(g);
      return { ss: r._ss, sheet: r._sheet, rect: { ...r._rect } };
    });
    return this.again();
  }
  setBackground(color: string | null): GConditionalFormatRuleBuilder {
    this.d.format.background = color;
    return this.again();
  }
  setFontColor(color: string | null): GConditionalFormatRuleBuilder {
    this.d.format.fontColor = color;
    return this.again();
  }
  setBold(bold: boolean | null): GConditionalFormatRuleBuilder {
    this.d.format.bold = bold;
    return this.again();
  }
  setItalic(italic: boolean | null): GConditionalFormatRuleBuilder {
    this.d.format.italic = italic;
    return this.again();
  }
  whenCellEmpty(): GConditionalFormatRuleBuilder {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): GConditionalFormatRuleBuilder {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): GConditionalFormatRuleBuilder {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(n: number): GConditionalFormatRuleBuilder {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): GConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): GConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): GConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): GConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenTextEqualTo(text: string): GConditionalFormatRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string): GConditionalFormatRuleBuilder {
    return this.when('TEXT_CONTAINS', [text]);
  }
}

export function makeConditionalRuleBuilder(ctx: FakeContext, d?: RuleDraft): GConditionalFormatRuleBuilder {
  const draft = d ?? { ranges: [], condition: { type: '', values: [] }, format: {} };
  return ctx.wrap('ConditionalFormatRuleBuilder', new ConditionalFormatRuleBuilderFake(ctx, draft));
}

/** Store rules on a sheet (Sheet.setConditionalFormatRules). */
export function ruleModels(rules: GConditionalFormatRule[], sheet: SheetModel): ConditionalRuleModel[] {
  return rules.map((g) => {
    const raw = unwrap(g) as unknown as ConditionalFormatRuleFake;
    if (!(raw instanceof ConditionalFormatRuleFake)) fail('Invalid argument: rules');
    const d = cloneDraft(raw._draft);
    for (const r of d.ranges) if (r.sheet !== sheet) fail('A conditional format rule cannot reference a different sheet.');
    return { ranges: d.ranges.map((r) => r.rect), condition: d.condition, format: d.format };
  });
}

export function ruleFromModel(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel, m: ConditionalRuleModel): GConditionalFormatRule {
  return makeConditionalRule(ctx, {
    ranges: m.ranges.map((rect) => ({ ss, sheet, rect: { ...rect } })),
    condition: { type: m.condition.type, values: [...m.condition.values] },
    format: { ...m.format },
  });
}

// ---------------------------------------------------------------------------------------------
// Charts

export class EmbeddedChartFake implements GEmbeddedChart {
  constructor(
    private readonly ctx: FakeContext,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
    readonly _model: ChartModel,
  ) {}
  getChartId(): number | null {
    return this._model.id > 0 ? this._model.id : null;
  }
  getNumHeaders(): number {
    return this._model.numHeaders;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const opts = this._model.options;
    return this.ctx.wrap('ChartOptions', { get: (option: string) => opts[option] });
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this._model.position;
    return this.ctx.wrap('ContainerInfo', {
      getAnchorColumn: () => p.col,
      getAnchorRow: () => p.row,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    });
  }
  getRanges(): GRange[] {
    return this._model.ranges.map((r) => makeRange(this.ctx, this._ss, this._sheet, r));
  }
  modify(): GEmbeddedChartBuilder {
    return makeChartBuilder(this.ctx, this._ss, this._sheet, cloneChart(this._model));
  }
}

export function cloneChart(m: ChartModel): ChartModel {
  return { ...m, ranges: m.ranges.map((r) => ({ ...r })), options: { ...m.options }, position: { ...m.position } };
}

export function makeChart(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel, m: ChartModel): GEmbeddedChart {
  return ctx.wrap('EmbeddedChart', new EmbeddedChartFake(ctx, ss, sheet, m));
}

class EmbeddedChartBuilderFake implements GEmbeddedChartBuilder {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
    private readonly m: ChartModel,
  ) {}
  private again(): GEmbeddedChartBuilder {
    return makeChartBuilder(this.ctx, this.ss, this.sheet, this.m);
  }
  addRange(range: GRange): GEmbeddedChartBuilder {
    this.m.ranges.push({ ...rangeModel(range)._rect });
    return this.again();
  }
  clearRanges(): GEmbeddedChartBuilder {
    this.m.ranges = [];
    return this.again();
  }
  getRanges(): GRange[] {
    return this.m.ranges.map((r) => makeRange(this.ctx, this.ss, this.sheet, r));
  }
  setChartType(type: GChartType): GEmbeddedChartBuilder {
    this.m.type = String(type);
    return this.again();
  }
  getChartType(): GChartType {
    return this.m.type as unknown as GChartType;
  }
  setOption(option: string, value: unknown): GEmbeddedChartBuilder {
    this.m.options[option] = value;
    return this.again();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GEmbeddedChartBuilder {
    this.m.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this.again();
  }
  setNumHeaders(headers: number): GEmbeddedChartBuilder {
    this.m.numHeaders = headers;
    return this.again();
  }
  setTransposeRowsAndColumns(transpose: boolean): GEmbeddedChartBuilder {
    this.m.transpose = transpose;
    return this.again();
  }
  build(): GEmbeddedChart {
    return makeChart(this.ctx, this.ss, this.sheet, cloneChart(this.m));
  }
}

export function makeChartBuilder(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel, m?: ChartModel): GEmbeddedChartBuilder {
  const model = m ?? {
    id: 0,
    type: 'COLUMN',
    ranges: [],
    options: {},
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
  };
  return ctx.wrap('EmbeddedChartBuilder', new EmbeddedChartBuilderFake(ctx, ss, sheet, model));
}

export function chartModel(chart: GEmbeddedChart): ChartModel {
  const raw = unwrap(chart) as unknown as EmbeddedChartFake;
  if (!(raw instanceof EmbeddedChartFake)) fail('Invalid argument: chart');
  return raw._model;
}
