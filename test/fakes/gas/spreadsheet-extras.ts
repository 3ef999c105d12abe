/** Protection, data validation, conditional formatting and chart fakes. */
import type {
  GConditionalFormatRule,
  GConditionalFormatRuleBuilder,
  GDataValidation,
  GDataValidationBuilder,
  GEmbeddedChart,
  GEmbeddedChartBuilder,
  GChartType,
  GProtection,
  GRange,
  GUser,
} from '../../../src/gas/services';
import { Rect } from './a1';
import { FakeContext, unwrap } from './context';
import { fail } from './errors';
import { makeRange, RangeFake } from './range';
import {
  ChartModel,
  ConditionalRuleModel,
  ProtectionModel,
  SheetModel,
  SpreadsheetModel,
  ValidationModel,
  cloneValues,
} from './sheet-model';

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
  setDescription(description: string): GProtection {
    this.edit()._p.description = String(description);
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
  /** The unprotected ranges of a sheet protection ([] for a range protection), as Protection.getUnprotectedRanges. */
  getUnprotectedRanges(): GRange[] {
    this._guard();
    const sheet = this._ss.sheets.find((s) => s.id === this._p.sheetId);
    if (!sheet || this._p.type !== 'SHEET') return [];
    return this._p.unprotected.map((r) => makeRange(this.ctx, this._ss, sheet, r));
  }
  addEditor(user: string | GUser): GProtection {
    this.edit();
    this.materialize().add(emailOf(user));
    return this.self();
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
  constructor(readonly _model: ValidationModel) {}
}

export function makeValidation(ctx: FakeContext, model: ValidationModel): GDataValidation {
  return ctx.wrap('DataValidation', new DataValidationFake(model));
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
  build(): GDataValidation {
    if (!this.m.criteria) fail('You must specify a criteria for the data validation rule.');
    return makeValidation(this.ctx, { ...this.m, values: cloneValues(this.m.values) });
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    if (!Array.isArray(values) || values.length === 0) fail('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
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
  constructor(readonly _draft: RuleDraft) {}
}

function cloneDraft(d: RuleDraft): RuleDraft {
  return {
    ranges: d.ranges.map((r) => ({ ...r, rect: { ...r.rect } })),
    condition: { type: d.condition.type, values: [...d.condition.values] },
    format: { ...d.format },
  };
}

export function makeConditionalRule(ctx: FakeContext, d: RuleDraft): GConditionalFormatRule {
  return ctx.wrap('ConditionalFormatRule', new ConditionalFormatRuleFake(d));
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
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder {
    return this.when('CUSTOM_FORMULA', [formula]);
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
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
    readonly _model: ChartModel,
  ) {}
}

export function cloneChart(m: ChartModel): ChartModel {
  return { ...m, ranges: m.ranges.map((r) => ({ ...r })), options: { ...m.options }, position: { ...m.position } };
}

export function makeChart(ctx: FakeContext, ss: SpreadsheetModel, sheet: SheetModel, m: ChartModel): GEmbeddedChart {
  return ctx.wrap('EmbeddedChart', new EmbeddedChartFake(ss, sheet, m));
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
  setChartType(type: GChartType): GEmbeddedChartBuilder {
    this.m.type = String(type);
    return this.again();
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
