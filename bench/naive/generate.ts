// The naive way to generate unit spreadsheets, as most Apps Script code found online does it:
// create the file, then one call per cell for values, formulas, colours, bold, validation and
// notes, one protection per range, one call per metadata cell. Same layout as the add-on
// (unitSheetLayout), same fake, same counter — only the way of calling differs.
import type { GSheet, GSpreadsheet } from '../../src/gas/services';
import type { GasServicesWithDriveApp as GasServices, GFolder } from '../../test/fakes/gas';
import type { Rubric, Unit } from '../../src/core/types';
import { isFormula, LayoutOptions, RowStyle, unitSheetLayout } from '../../src/core/unit-sheet';
import { SHEETS, STATUS_TEXT, UNIT_COLUMNS } from './common';

const BACKGROUND: Record<RowStyle, string | null> = {
  title: null,
  info: null,
  header: '#d9e2f3',
  parent: '#eeeeee',
  leaf: null,
  bonus: '#e2f0d9',
  penalty: '#fbe4d5',
  total: '#fff2cc',
  'grand-total': '#ffe699',
};
const BOLD: ReadonlySet<RowStyle> = new Set<RowStyle>(['title', 'header', 'parent', 'total', 'grand-total']);

/** Finds (or creates) a group folder by name, looked up again for every unit, as snippets do. */
function groupFolder(root: GFolder, name: string): GFolder {
  const it = root.getFoldersByName(name);
  return it.hasNext() ? it.next() : root.createFolder(name);
}

/** Protects a range so that only the owner edits it: the usual four-line snippet. */
function protectRange(sheet: GSheet, a1: string, description: string): void {
  const protection = sheet.getRange(a1).protect().setDescription(description);
  protection.removeEditors(protection.getEditors());
}

export function naiveGenerateUnit(gas: GasServices, root: GFolder, unit: Unit, rubric: Rubric, opts: LayoutOptions): GSpreadsheet {
  const layout = unitSheetLayout(unit, rubric, opts);
  const ss = gas.SpreadsheetApp.create(`Biểu chấm điểm ${opts.year} - ${unit.name}`);
  gas.DriveApp.getFileById(ss.getId()).moveTo(groupFolder(root, unit.group || 'Chưa phân nhóm'));
  const sheet = ss.getSheets()[0];
  sheet.setName(layout.name);

  // Values and formulas, cell by cell.
  layout.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      const range = sheet.getRange(r + 1, c + 1);
      if (isFormula(cell)) range.setFormula(`=${cell.formula}`);
      else range.setValue(cell);
    }),
  );
  // Row styles, cell by cell.
  layout.rowStyles.forEach((style, r) => {
    const color = BACKGROUND[style];
    for (let c = 0; c < layout.widths.length; c++) {
      if (color) sheet.getRange(r + 1, c + 1).setBackground(color);
      if (BOLD.has(style)) sheet.getRange(r + 1, c + 1).setFontWeight('bold');
    }
  });
  layout.widths.forEach((w, c) => sheet.setColumnWidth(c + 1, w * 7));
  sheet.setFrozenRows(layout.headerRow + 1);
  sheet.hideColumns(layout.metaCol + 1);

  // One validation rule per score cell.
  for (const v of layout.validations) {
    const rule = gas.SpreadsheetApp.newDataValidation()
      .requireNumberBetween(v.min, v.max)
      .setHelpText(v.help)
      .setAllowInvalid(true)
      .build();
    sheet.getRange(v.cell).setDataValidation(rule);
  }
  // One conditional-format rule per score cell, appended to the sheet's list each time.
  for (const m of layout.aboveMax) {
    const rules = sheet.getConditionalFormatRules();
    rules.push(
      gas.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=N(${m.cell})>${m.maxCell}`)
        .setBackground('#f4cccc')
        .setRanges([sheet.getRange(m.cell)])
        .build(),
    );
    sheet.setConditionalFormatRules(rules);
  }
  for (const n of layout.notes) sheet.getRange(n.cell).setNote(n.text);

  // Protection: every row's read-only part, and every appraisal cell, one range at a time.
  const first = layout.headerRow + 1;
  for (let r = 0; r < layout.cells.length; r++) {
    const row = r + 1;
    if (r < first) protectRange(sheet, `A${row}:H${row}`, 'Tiêu đề biểu mẫu');
    else protectRange(sheet, `A${row}:C${row}`, 'Nội dung tiêu chí');
  }
  for (const a1 of layout.appraiserInputs) protectRange(sheet, a1, 'Thẩm định');

  // Hidden metadata sheet, cell by cell.
  const meta = ss.insertSheet(SHEETS.meta);
  layout.meta.forEach(([k, v], i) => {
    meta.getRange(i + 1, 1).setValue(k);
    meta.getRange(i + 1, 2).setValue(v);
  });
  meta.hideSheet();

  if (unit.email) ss.addEditor(unit.email);
  return ss;
}

/**
 * Generates every unit's spreadsheet and records status and link in `Đơn vị`, one cell at a time.
 * Reading the unit list is one getValues (as the add-on does), so only the way of writing differs.
 */
export function naiveGenerate(
  gas: GasServices,
  control: GSpreadsheet,
  root: GFolder,
  units: Unit[],
  rubrics: Record<string, Rubric>,
  opts: LayoutOptions,
): void {
  const unitsSheet = control.getSheetByName(SHEETS.units)!;
  const header = unitsSheet.getRange(1, 1, 1, unitsSheet.getLastColumn()).getValues()[0].map(String);
  const statusCol = header.indexOf(UNIT_COLUMNS.status) + 1;
  const linkCol = header.indexOf(UNIT_COLUMNS.link) + 1;
  for (const unit of units) {
    const ss = naiveGenerateUnit(gas, root, unit, rubrics[unit.rubricId], opts);
    unitsSheet.getRange(unit.row!, statusCol).setValue(STATUS_TEXT.created);
    unitsSheet.getRange(unit.row!, linkCol).setValue(ss.getUrl());
  }
}
