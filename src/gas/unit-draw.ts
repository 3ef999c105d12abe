// Draws a unit's `Chấm điểm` layout into a sheet with a constant number of calls, whatever the
// number of criteria: one setValues (values and formulas), one call per format kind, one data
// validation rule on the whole score block, one conditional-format rule, one protection with its
// unprotected ranges.
import type { Cell } from '../core/types';
import type { RowStyle, UnitSheetLayout } from '../core/unit-sheet';
import { STATUS_CELLS } from '../core/unit-sheet';
import { parseA1, sheetValue } from '../core/gas-support';
import { columnLetter } from '../core/table';
import { formatNumber } from '../core/format';
import type { GasServices, GProtection, GSheet, GUser } from './services';
import { PROTECTION_NOT_SET, UserError } from './errors';

const GREY = '#f3f3f3';
const BACKGROUND: Partial<Record<RowStyle, string>> = {
  header: '#cfe2f3',
  parent: '#e7e7e7',
  total: '#e8f0fe',
  'grand-total': '#d9ead3',
};
const BOLD: ReadonlySet<RowStyle> = new Set<RowStyle>(['title', 'header', 'parent', 'total', 'grand-total']);
const APPRAISER = '#fff2cc';
const ABOVE_MAX = { background: '#f4c7c3', font: '#a50e0e' };

/** First and last criterion rows (0-based) of the layout. */
export function criteriaRows(layout: UnitSheetLayout): { first: number; last: number } {
  const first = layout.headerRow + 1;
  let last = first;
  layout.rowStyles.forEach((s, i) => {
    if (i >= first && (s === 'parent' || s === 'leaf' || s === 'bonus' || s === 'penalty')) last = i;
  });
  return { first, last };
}

/**
 * The one validation formula of the score block (Tự chấm and Thẩm định, first to last criterion
 * row), written for its top-left cell: Sheets reads the relative references of a custom-formula
 * rule relative to the top-left cell of the range the rule is applied to, so "D8" means "this
 * cell" in every cell of the block and "$C8" the maximum of its row.
 */
export function scoreRuleFormula(layout: UnitSheetLayout, step: number): string {
  const { first } = criteriaRows(layout);
  const d = `${columnLetter(layout.cols.self)}${first + 1}`;
  const max = `$${columnLetter(layout.cols.max)}${first + 1}`;
  const stepTest = step > 0 ? `,MOD(ROUND(${d}/${step},6),1)=0` : '';
  return `=OR(ISBLANK(${d}),AND(ISNUMBER(${d}),${d}>=0,${d}<=${max}${stepTest}))`;
}

export function aboveMaxFormula(layout: UnitSheetLayout): string {
  const { first } = criteriaRows(layout);
  const d = `${columnLetter(layout.cols.self)}${first + 1}`;
  return `=AND(ISNUMBER(${d}),${d}>$${columnLetter(layout.cols.max)}${first + 1})`;
}

/** Sheet values for setValues: formulas as "=…", text escaped so it is never run. */
export function layoutValues(layout: UnitSheetLayout): Cell[][] {
  return layout.cells.map((r) => r.map((c) => sheetValue(c)));
}

function backgrounds(layout: UnitSheetLayout): Array<Array<string | null>> {
  const scorer = new Set(layout.scorerInputs);
  const appraiser = new Set(layout.appraiserInputs);
  return layout.cells.map((row, r) =>
    row.map((_, c) => {
      const a1 = `${columnLetter(c)}${r + 1}`;
      if (scorer.has(a1)) return null;
      if (appraiser.has(a1)) return APPRAISER;
      return BACKGROUND[layout.rowStyles[r]] ?? GREY;
    }),
  );
}

function notes(layout: UnitSheetLayout): Array<Array<string | null>> {
  const grid = layout.cells.map((row) => row.map((): string | null => null));
  for (const n of layout.notes) {
    const at = parseA1(n.cell);
    if (at && grid[at[0]]) grid[at[0]][at[1]] = n.text;
  }
  return grid;
}

/** Draw the whole layout into `sheet` (a fresh sheet of the master spreadsheet). */
export function drawScoringSheet(gas: GasServices, sheet: GSheet, layout: UnitSheetLayout, step: number, description: string): GProtection {
  const rows = layout.cells.length;
  const cols = layout.cells[0].length;
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows + 100) sheet.insertRowsAfter(maxRows, rows + 100 - maxRows);

  const all = sheet.getRange(1, 1, rows, cols);
  all.setValues(layoutValues(layout));
  all.setBackgrounds(backgrounds(layout));
  all.setFontWeights(layout.rowStyles.map((s) => layout.cells[0].map(() => (BOLD.has(s) ? 'bold' : 'normal'))));
  all.setNotes(notes(layout));
  all.setVerticalAlignment('top');
  const { first, last } = criteriaRows(layout);
  const count = last - first + 1;
  sheet.getRange(first + 1, layout.cols.title + 1, count, 1).setWrap(true);
  layout.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, Math.round(w * 7 + 10)));
  sheet.setFrozenRows(layout.headerRow + 1);
  sheet.hideColumns(layout.metaCol + 1);

  // Score cells: ONE validation rule on the whole contiguous block (its relative references are
  // relative to the block's top-left cell; parent rows hold formulas, so the rule bothers nobody
  // there) and one highlight rule.
  const scoreRange = sheet.getRange(first + 1, layout.cols.self + 1, count, 2);
  const help = `Nhập số từ 0 đến điểm tối đa ở cột «Điểm tối đa», là bội số của ${formatNumber(step)}.`;
  const rule = gas.SpreadsheetApp.newDataValidation()
    .requireFormulaSatisfied(scoreRuleFormula(layout, step))
    .setAllowInvalid(true)
    .setHelpText(help)
    .build();
  scoreRange.setDataValidation(rule);
  const highlight = gas.SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(aboveMaxFormula(layout))
    .setBackground(ABOVE_MAX.background)
    .setFontColor(ABOVE_MAX.font)
    .setRanges([scoreRange])
    .build();
  sheet.setConditionalFormatRules([highlight]);

  // Everything is protected except the scorer's inputs and the status cells (where his submission
  // is recorded); the appraisal column stays owner-only.
  const protection = sheet.protect().setDescription(description);
  protection.setUnprotectedRanges(sheet.getRangeList(scorerRanges(layout)).getRanges());
  if (!ownerOnly(protection, gas.Session.getEffectiveUser())) throw new UserError(PROTECTION_NOT_SET);
  return protection;
}

/** A1 ranges the scorer may edit while the unit is returned for explanation (Giải trình, Minh chứng, the status cells). */
export function explanationRanges(layout: UnitSheetLayout): string[] {
  return [...layout.explanationInputs, STATUS_CELLS.text, STATUS_CELLS.meta];
}

/** A1 ranges the scorer may edit while the file is open for scoring. */
export function scorerRanges(layout: UnitSheetLayout): string[] {
  return [...layout.scorerInputs, STATUS_CELLS.text, STATUS_CELLS.meta];
}

/**
 * Only the owner (the script's user, who made the file) may edit what `protection` covers, set the
 * documented way (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * add `me` first, then remove every other editor listed, and no domain-wide edit. Setting the list
 * explicitly matters: a protection whose list was never set may follow the file's editors, so the
 * scorer, once given the file, could edit it. The editors are removed only when others are listed
 * (a fresh copy lists just `me`: removing nobody would be one more call per protection). Returns
 * whether the result checks out: one editor left (`me`, who was added and cannot be removed) and
 * no domain edit.
 */
export function ownerOnly(protection: GProtection, me: GUser): boolean {
  protection.addEditor(me);
  let editors = protection.getEditors();
  if (editors.length > 1) {
    protection.removeEditors(editors);
    editors = protection.getEditors();
  }
  let domain = protection.canDomainEdit();
  if (domain) {
    protection.setDomainEdit(false);
    domain = protection.canDomainEdit();
  }
  return !domain && editors.length === 1;
}
