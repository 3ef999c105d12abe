// A unit workbook (Biểu chấm điểm) drawn with exceljs from the core's layout, and the input cells
// read and written by criterion code, found by header text.
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/types';
import { SCORING_COLUMNS, SHEETS } from '../../core/schema';
import { a1 } from '../../core/table';
import { cellText } from '../../core/text';
import { CellSpec, isFormula, RowStyle, scoringColumns, UnitSheetLayout } from '../../core/unit-sheet';
import { UserError } from '../errors';
import { cellValue, excelValue, fileFormula, findSheet, worksheetToGrid } from './grid';
import { FormulaEvaluator } from '../../core/formula-values';
import { parseA1 } from '../../core/gas-support';
import { COLORS, DATE_TIME_FORMAT, solid, thinBorder } from './styles';

/** Landscape when the visible columns would not fit a portrait A4 page. */
const PORTRAIT_MAX_WIDTH = 110;
const A4 = 9;

const TABLE_STYLES: ReadonlySet<RowStyle> = new Set<RowStyle>(['header', 'parent', 'leaf', 'bonus', 'penalty', 'total', 'grand-total']);
const BOLD_STYLES: ReadonlySet<RowStyle> = new Set<RowStyle>(['title', 'header', 'parent', 'total', 'grand-total']);

/**
 * Row height for wrapped text. LibreOffice and Excel do not grow rows written by a library, so
 * long criterion titles would overlap the next row; a column width is roughly its characters.
 */
function wrappedHeight(line: CellSpec[], widths: number[], wrapCols: Set<number>): number {
  let lines = 1;
  for (const c of wrapCols) {
    const text = isFormula(line[c]) ? '' : String(line[c] ?? '');
    lines = Math.max(lines, Math.ceil(text.length / Math.max(1, widths[c] - 1)));
  }
  return 15 * lines + 2;
}

/** The workbook of one unit: sheet `Chấm điểm` exactly as `layout` says, plus the hidden metadata sheet. */
export async function drawUnitWorkbook(layout: UnitSheetLayout): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dvcq';
  // Formulas carry no cached result: ask Excel to compute everything when the file opens.
  wb.calcProperties.fullCalcOnLoad = true;
  const lastCol = layout.metaCol; // columns A … before the hidden one
  const visibleWidth = layout.widths.slice(0, lastCol).reduce((a, b) => a + b, 0);
  const headerLine = layout.headerRow + 1;
  const ws = wb.addWorksheet(layout.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerLine }],
    pageSetup: {
      paperSize: A4,
      orientation: visibleWidth > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerLine}:${headerLine}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(layout.metaCol + 1).hidden = true;

  const wrapCols = new Set([layout.cols.title, layout.cols.evidence, layout.cols.note, layout.cols.reason, layout.cols.explanation]);
  layout.cells.forEach((line, r) => {
    const style = layout.rowStyles[r];
    const row = ws.getRow(r + 1);
    line.forEach((spec, c) => {
      const cell = row.getCell(c + 1);
      // Formulas carry no cached result: a spreadsheet must compute them, never trust a stale value.
      cell.value = isFormula(spec) ? { formula: fileFormula(spec.formula) } : excelValue(spec);
    });
    for (let c = 0; c < lastCol; c++) {
      const cell = row.getCell(c + 1);
      cell.fill = solid(style === 'header' ? COLORS.header : COLORS.locked);
      cell.protection = { locked: true };
      cell.font = {
        bold: BOLD_STYLES.has(style),
        size: style === 'title' ? 14 : style === 'grand-total' ? 12 : 11,
        italic: style === 'info',
      };
      cell.alignment = {
        vertical: style === 'header' ? 'middle' : 'top',
        horizontal: style === 'header' || style === 'title' ? 'center' : undefined,
        wrapText: style === 'header' || style === 'info' || (TABLE_STYLES.has(style) && wrapCols.has(c)),
      };
      if (TABLE_STYLES.has(style)) cell.border = thinBorder;
    }
    if (style === 'title' || style === 'info') {
      // A heading line spans the visible columns from its one text cell.
      const filled = line
        .slice(0, lastCol)
        .map((s, c) => (s === null || s === '' ? -1 : c))
        .filter((c) => c >= 0);
      if (filled.length === 1 && filled[0] < lastCol - 1) ws.mergeCells(r + 1, filled[0] + 1, r + 1, lastCol);
    }
  });
  ws.getRow(1).height = 24;
  // Every header cell wraps: the header row is as tall as its longest name needs («Điểm tối đa»).
  const allCols = new Set(layout.widths.slice(0, lastCol).map((_, c) => c));
  layout.cells.forEach((line, r) => {
    const style = layout.rowStyles[r];
    if (TABLE_STYLES.has(style)) ws.getRow(r + 1).height = wrappedHeight(line, layout.widths, style === 'header' ? allCols : wrapCols);
  });

  // Offline nothing is locked by the owner: the explanation cells are open like the other inputs.
  for (const address of [...layout.scorerInputs, ...layout.appraiserInputs, ...layout.explanationInputs]) {
    const cell = ws.getCell(address);
    cell.protection = { locked: false };
    cell.fill = solid(COLORS.input);
  }
  for (const v of layout.validations) {
    ws.getCell(v.cell).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [v.min, v.max],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Điểm không hợp lệ',
      error: v.help,
      showInputMessage: true,
      promptTitle: 'Nhập điểm',
      prompt: v.help,
    };
  }
  layout.aboveMax.forEach((m, i) =>
    ws.addConditionalFormatting({
      ref: m.cell,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [`AND(ISNUMBER(${m.cell}),${m.cell}>${m.maxCell})`],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS.aboveMax } },
            font: { color: { argb: COLORS.aboveMaxText }, bold: true },
          },
        },
      ],
    }),
  );
  for (const n of layout.notes) ws.getCell(n.cell).note = n.text;

  // Protection guards against accidents only: no password (Xem lại › Bỏ bảo vệ trang tính).
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  cacheResults(ws);

  const meta = wb.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  meta.addRow(['Khóa', 'Giá trị']);
  for (const [k, v] of layout.meta) {
    const row = meta.addRow([k, excelValue(v)]);
    if (v instanceof Date) row.getCell(2).numFmt = DATE_TIME_FORMAT;
  }
  meta.getColumn(1).width = 28;
  meta.getColumn(2).width = 40;
  return wb;
}

/**
 * Store with every formula of the sheet the value it shows now. A preview (phone, e-mail, Quick
 * Look) shows the stored value and never computes: without it the totals look empty. Excel and
 * LibreOffice still compute everything on opening (fullCalcOnLoad); a formula outside what
 * FormulaEvaluator covers keeps no stored value. Reads never use these values (formulas reach
 * validation as their text), so a stale value cannot mislead the tool.
 */
export function cacheResults(ws: ExcelJS.Worksheet): void {
  const isFormulaCell = (c: ExcelJS.Cell) => c.type === ExcelJS.ValueType.Formula;
  const evaluator = new FormulaEvaluator({
    get: (address) => {
      const at = parseA1(address);
      const c = at ? ws.findCell(at[0] + 1, at[1] + 1) : undefined;
      if (!c) return undefined;
      return isFormulaCell(c) ? { formula: (c.formula ?? '').replace(/_xlfn\./g, '') } : { value: cellValue(c) };
    },
  });
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      if (!isFormulaCell(c) || !c.formula) return;
      const result = evaluator.evaluate(c.formula.replace(/_xlfn\./g, ''));
      c.value = { formula: c.formula, result: result as ExcelJS.CellFormulaValue['result'] };
    }),
  );
}

/** The `Chấm điểm` grid of a unit workbook; null when the sheet is missing (renamed or deleted). */
export function scoringGrid(wb: ExcelJS.Workbook): Grid | null {
  const ws = findSheet(wb, SHEETS.scoring);
  return ws ? worksheetToGrid(ws) : null;
}

/** The hidden sheet `Thông tin biểu mẫu` of a unit workbook as a grid ([] when the file has none). */
export function metaGrid(wb: ExcelJS.Workbook): Grid {
  const ws = findSheet(wb, SHEETS.meta);
  return ws ? worksheetToGrid(ws) : [];
}

export type InputField = 'self' | 'appraised' | 'evidence' | 'note' | 'reason' | 'explanation';
/** `reason` (Lý do thẩm định) and `explanation` (Giải trình) are absent from older files: nothing read, nothing written there. */
export const INPUT_FIELDS: readonly InputField[] = ['self', 'appraised', 'evidence', 'note', 'reason', 'explanation'];
/** Typed values by criterion code, as exceljs cell values (convert core cells with `excelValue`). */
export type InputValues = Record<string, Partial<Record<InputField, ExcelJS.CellValue>>>;

function scoringTable(wb: ExcelJS.Workbook, file: string) {
  const ws = findSheet(wb, SHEETS.scoring);
  if (!ws) throw new UserError(`«${file}»: không tìm thấy sheet «${SHEETS.scoring}» (có thể đã bị đổi tên hoặc xóa).`);
  const grid = worksheetToGrid(ws);
  // The core's reading of the columns: a header retyped or moved must not carry self-scores over
  // as appraised scores.
  const found = scoringColumns(grid, ['code', 'self', 'appraised']);
  if ('problem' in found) {
    if (found.problem.code === 'missing-column') {
      throw new UserError(
        `«${file}», sheet «${SHEETS.scoring}»: không tìm thấy dòng tiêu đề có các cột «${SCORING_COLUMNS.code}», «${SCORING_COLUMNS.self}», «${SCORING_COLUMNS.appraised}».`,
      );
    }
    throw new UserError(`«${file}»: ${found.problem.message}`);
  }
  return { ws, grid, loc: found.loc };
}

const isFormulaValue = (v: ExcelJS.CellValue) =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);

/**
 * What was typed in the input columns, by criterion code (first row of a code wins). Formula cells
 * are left out: they are the sheet's own totals, or an invalid entry that stays in the old file.
 */
export function readInputs(wb: ExcelJS.Workbook, file: string): InputValues {
  const { ws, grid, loc } = scoringTable(wb, file);
  const out: InputValues = {};
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const code = cellText(grid[r][loc.cols.code!]);
    if (!code || out[code]) continue;
    const values: Partial<Record<InputField, ExcelJS.CellValue>> = {};
    for (const f of INPUT_FIELDS) {
      const col = loc.cols[f];
      if (col === undefined) continue;
      const v = ws.getCell(a1(r, col)).value;
      if (v === null || v === undefined || v === '' || isFormulaValue(v)) continue;
      values[f] = v;
    }
    if (Object.keys(values).length) out[code] = values;
  }
  return out;
}

/** A formula typed in an input cell (unlocked when the file was made), with the value it last showed. */
export interface TypedFormula {
  code: string;
  field: InputField;
  cell: string;
  /** Without the leading "=". */
  formula: string;
  /** The value Excel/LibreOffice computed and saved with the file; undefined when there is none. */
  result: ExcelJS.CellValue | undefined;
}

/**
 * Formulas typed into input cells (which `readInputs` leaves out). The sheet's own formulas (totals
 * of parent rows) are in locked cells and are not listed.
 */
export function readTypedFormulas(wb: ExcelJS.Workbook, file: string): TypedFormula[] {
  const { ws, grid, loc } = scoringTable(wb, file);
  const out: TypedFormula[] = [];
  const seen = new Set<string>();
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const code = cellText(grid[r][loc.cols.code!]);
    if (!code || seen.has(code)) continue;
    seen.add(code);
    for (const f of INPUT_FIELDS) {
      const col = loc.cols[f];
      if (col === undefined) continue;
      const cell = ws.getCell(a1(r, col));
      if (!isFormulaValue(cell.value) || cell.protection?.locked !== false) continue;
      const result = cell.result as ExcelJS.CellValue | undefined;
      out.push({ code, field: f, cell: cell.address, formula: cell.formula ?? '', result: result ?? undefined });
    }
  }
  return out;
}

export interface WriteInputsResult {
  written: number;
  /** Values that found no cell (unknown code, missing column, or a cell that is not an input). */
  notWritten: Array<{ code: string; field: InputField }>;
}

/**
 * Type `values` into the row of each criterion code, in the columns found by header text — as a
 * user would. With `inputCells`, only those A1 cells are written.
 */
export function writeInputs(wb: ExcelJS.Workbook, file: string, values: InputValues, inputCells?: ReadonlySet<string>): WriteInputsResult {
  const { ws, grid, loc } = scoringTable(wb, file);
  const rowOf = new Map<string, number>();
  for (let r = loc.headerRow + 1; r < grid.length; r++) {
    const code = cellText(grid[r][loc.cols.code!]);
    if (code && !rowOf.has(code)) rowOf.set(code, r);
  }
  const result: WriteInputsResult = { written: 0, notWritten: [] };
  for (const [code, fields] of Object.entries(values)) {
    for (const f of INPUT_FIELDS) {
      const v = fields[f];
      if (v === undefined) continue;
      const r = rowOf.get(code);
      const col = loc.cols[f];
      const address = r === undefined || col === undefined ? null : a1(r, col);
      if (!address || (inputCells && !inputCells.has(address))) {
        result.notWritten.push({ code, field: f });
        continue;
      }
      ws.getCell(address).value = v;
      result.written++;
    }
  }
  if (result.written) cacheResults(ws);
  return result;
}
