// The control spreadsheet (Bảng điều khiển): read each sheet with one call, write tool-written
// sheets and columns with one setValues each, under the document lock, and keep the audit log.
import type { Cell, Grid } from '../core/types';
import type { ControlGrids, Control } from '../core/control';
import { CONTROL_SHEETS, readControl } from '../core/control';
import { CONFIG_COLUMNS, LOG_COLUMNS, SHEETS, UNIT_COLUMNS } from '../core/schema';
import { UNIT_WRITE_KEYS, UnitWrites } from '../core/steps/plan';
import { historyGrid } from '../core/years';
import { findHeader, readTable } from '../core/table';
import { LOG_TIME_FORMAT, logRow } from '../core/output-tables';
import { SheetLayout, sheetLayout } from '../core/sheet-layout';
import { CONFIG_KEYS, ConfigKey } from '../core/config';
import { cellText, normalizeHeader } from '../core/text';
import { sheetText, sheetValue } from '../core/gas-support';
import type { GRange, GSheet, GSpreadsheet } from './services';
import { activeUser, Env, nowOf } from './env';
import { UserError } from './errors';

export function activeSpreadsheet(env: Env): GSpreadsheet {
  const ss = env.gas.SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError('Không xác định được bảng tính đang mở. Hãy mở bảng điều khiển rồi chạy lại.');
  return ss;
}

export const UNIT_FILE_NOT_CONTROL = 'Đây là biểu chấm điểm của đơn vị, không phải bảng điều khiển.';

/**
 * The active spreadsheet as the control spreadsheet: refused when it is a unit file (it has the
 * hidden `Thông tin biểu mẫu` sheet), so no set-up or admin step ever writes into a unit file.
 */
export function controlSpreadsheet(env: Env): GSpreadsheet {
  const ss = activeSpreadsheet(env);
  if (ss.getSheetByName(SHEETS.meta)) throw new UserError(UNIT_FILE_NOT_CONTROL);
  return ss;
}

/** A whole sheet's values in one call; undefined when the sheet does not exist. */
export function readGrid(ss: GSpreadsheet, name: string): Grid | undefined {
  const sheet = ss.getSheetByName(name);
  return sheet ? (sheet.getDataRange().getValues() as Grid) : undefined;
}

export interface ControlData {
  ss: GSpreadsheet;
  grids: ControlGrids;
  control: Control;
}

/** Read the input sheets of the control spreadsheet (narrative and previous results only when asked). */
export function readControlData(env: Env, withDocuments = false): ControlData {
  const ss = controlSpreadsheet(env);
  const grids: ControlGrids = {};
  for (const key of Object.keys(CONTROL_SHEETS) as Array<keyof ControlGrids>) {
    if (!withDocuments && (key === 'narrative' || key === 'previous')) continue;
    grids[key] = readGrid(ss, CONTROL_SHEETS[key]);
  }
  return { ss, grids, control: readControl(grids) };
}

/** Executions (envs) holding the document lock, so a nested withLock does not wait for itself. */
const holding = new WeakSet<Env>();

/** Run `fn` holding the document lock (every write to the control spreadsheet goes through here). */
export function withLock<T>(env: Env, fn: () => T): T {
  if (holding.has(env)) return fn();
  const lock = env.gas.LockService.getDocumentLock();
  if (!lock) return fn();
  try {
    lock.waitLock(30000);
  } catch {
    throw new UserError('Một người khác đang cập nhật bảng điều khiển; vui lòng thử lại sau ít phút.');
  }
  holding.add(env);
  try {
    return fn();
  } finally {
    holding.delete(env);
    lock.releaseLock();
  }
}

export function sheetOrNew(ss: GSpreadsheet, name: string): GSheet {
  return ss.getSheetByName(name) ?? ss.insertSheet(name);
}

/**
 * Values ready for setValues: text stays text — never read as a formula, a number or a date
 * (codes such as "1.10" or "00123", dates typed as text); numbers are already numbers.
 */
export function toSheetGrid(grid: Grid): Cell[][] {
  const width = Math.max(1, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => sheetValue(r[i] ?? null)));
}

/**
 * Replace the content of a tool-written sheet with `grid` (header first): one clear, one
 * setValues, bold header. Returns the data range for further formatting.
 */
export function writeToolSheet(ss: GSpreadsheet, name: string, grid: Grid): { sheet: GSheet; range: GRange } {
  const sheet = sheetOrNew(ss, name);
  sheet.clear();
  const values = toSheetGrid(grid);
  const range = growingRange(sheet, 1, 1, values.length, values[0].length);
  range.setValues(values);
  sheet.getRange(1, 1, 1, values[0].length).setFontWeight('bold');
  applyLayout(sheet, sheetLayout(name, grid), values.length);
  return { sheet, range };
}

/** Pixels per character of a column width (Arial 10, the Sheets default), plus the cell padding. */
const PX_PER_CHAR = 7;
const PX_PADDING = 5;

/**
 * The core's sheet layout on a Google sheet: frozen header rows, column widths and wrapped columns
 * (one call per column; Sheets grows a row with wrapped text by itself).
 * Apps Script has no print-settings API (paper size, orientation, fit to width, print area, print titles are
 * chosen in File › Print; see developers.google.com/apps-script/reference/spreadsheet/sheet — no
 * page set-up method). What can be set: Sheets' print dialog offers "Repeat frozen rows" under
 * Headers & footers (support.google.com/docs/answer/7663148), so freezing the header is what
 * repeats it on every printed page there.
 */
export function applyLayout(sheet: GSheet, layout: SheetLayout, rows: number): void {
  sheet.setFrozenRows(layout.headerRows);
  layout.widths.forEach((w, c) => sheet.setColumnWidth(c + 1, w * PX_PER_CHAR + PX_PADDING));
  layout.wrap.forEach((wrap, c) => {
    if (wrap && rows > 1) sheet.getRange(2, c + 1, rows - 1, 1).setWrap(true);
  });
}

/**
 * What a step decided for `Đơn vị` (`Trạng thái`, `Liên kết`, `Năm của trạng thái`, the record of
 * the submission: `Nộp lúc`, `Người nộp`, `Mã kiểm tra`, `Khóa ô nhập`) and
 * `Trạng thái các năm`. Under the document lock, `Đơn vị` is read again just before writing (someone
 * may have sorted it, inserted or deleted rows since the job read it), each row gets the update of
 * ITS unit code, and only these columns are written: one setValues per column; other rows keep
 * their current values. A missing column is added at the end.
 */
export function writeUnitColumns(env: Env, ss: GSpreadsheet, writes: UnitWrites): void {
  if (!writes.updates.length && !writes.history) return;
  withLock(env, () => {
    if (writes.history) writeToolSheet(ss, SHEETS.history, historyGrid(writes.history));
    const updates = new Map(writes.updates.map((u) => [u.code, u]));
    const sheet = ss.getSheetByName(SHEETS.units);
    if (!sheet || !updates.size) return;
    const grid = sheet.getDataRange().getValues() as Grid;
    const loc = findHeader(grid, UNIT_COLUMNS, ['code']);
    if (!loc) return;
    const headerRow = loc.headerRow;
    const codeCol = loc.cols.code!;
    let width = Math.max(...grid.map((r) => r.length));
    for (const key of UNIT_WRITE_KEYS) {
      if (![...updates.values()].some((u) => u[key] !== undefined)) continue;
      let col = loc.cols[key];
      if (col === undefined) {
        col = width++;
        growingRange(sheet, headerRow + 1, col + 1, 1, 1).setValues([[UNIT_COLUMNS[key]]]);
      }
      const values: Cell[][] = [];
      let changed = false;
      for (let r = headerRow + 1; r < grid.length; r++) {
        const u = updates.get(cellText(grid[r]?.[codeCol] ?? null));
        const current = grid[r]?.[col] ?? '';
        const next = u?.[key];
        if (next !== undefined && !sameCell(next, current)) {
          changed = true;
          values.push([typeof next === 'string' ? sheetText(next) : next]);
        } else {
          values.push([typeof current === 'string' ? sheetText(current) : current]);
        }
      }
      if (changed && values.length) sheet.getRange(headerRow + 2, col + 1, values.length, 1).setValues(values);
    }
  });
}

const sameCell = (a: Cell, b: Cell) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Set one `Cấu hình` value by its Vietnamese key (the row is added when missing). */
export function setConfigValue(ss: GSpreadsheet, configGrid: Grid | undefined, key: ConfigKey, value: string): void {
  const sheet = ss.getSheetByName(SHEETS.config);
  if (!sheet || !configGrid) return;
  const t = readTable(configGrid, CONFIG_COLUMNS, ['key', 'value']);
  if (!t.location) return;
  const keyText = normalizeHeader(CONFIG_KEYS[key][0]);
  const row = t.rows.find((r) => normalizeHeader(r.key) === keyText)?.row;
  const valueCol = t.location.cols.value! + 1;
  if (row) {
    sheet.getRange(row, valueCol, 1, 1).setValues([[sheetText(value, true)]]);
  } else {
    const keyCol = t.location.cols.key! + 1;
    const r = configGrid.length + 1;
    const first = Math.min(keyCol, valueCol);
    const cells: Cell[] = [];
    for (let c = first; c <= Math.max(keyCol, valueCol); c++) {
      cells.push(c === keyCol ? CONFIG_KEYS[key][0] : c === valueCol ? sheetText(value, true) : null);
    }
    sheet.getRange(r, first, 1, cells.length).setValues([cells]);
  }
}

/** One `Nhật ký` row: time, user, action, detail (four calls, the sheet is created when missing). */
export function appendLog(env: Env, ss: GSpreadsheet, action: string, detail: string): void {
  let sheet = ss.getSheetByName(SHEETS.log);
  if (!sheet) {
    sheet = ss.insertSheet(SHEETS.log);
    sheet.getRange(1, 1, 1, 4).setValues([Object.values(LOG_COLUMNS)]);
  }
  const row = logRow(nowOf(env), activeUser(env), action, detail).map((c) => sheetValue(c));
  const at = sheet.getLastRow() + 1;
  growingRange(sheet, at, 1, 1, row.length).setValues([row]);
  // Shown in the spreadsheet's time zone (Asia/Ho_Chi_Minh, set by useVietnameseSettings), day first.
  sheet.getRange(at, 1, 1, 1).setNumberFormat(LOG_TIME_FORMAT);
}

/** Several `Nhật ký` rows with one action (one setValues whatever their number; none when empty). */
export function appendLogRows(env: Env, ss: GSpreadsheet, action: string, details: string[]): void {
  if (!details.length) return;
  let sheet = ss.getSheetByName(SHEETS.log);
  if (!sheet) {
    sheet = ss.insertSheet(SHEETS.log);
    sheet.getRange(1, 1, 1, 4).setValues([Object.values(LOG_COLUMNS)]);
  }
  const rows = details.map((d) => logRow(nowOf(env), activeUser(env), action, d).map((c) => sheetValue(c)));
  growingRange(sheet, sheet.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows);
}

/**
 * A range, after adding the rows and columns it needs: a new sheet has 1,000 rows and Sheets
 * refuses a range beyond them (a province has more units). Constant calls, whatever the size.
 */
export function growingRange(sheet: GSheet, row: number, col: number, rows: number, cols: number): GRange {
  const maxRows = sheet.getMaxRows();
  if (row + rows - 1 > maxRows) sheet.insertRowsAfter(maxRows, row + rows - 1 - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (col + cols - 1 > maxCols) sheet.insertColumnsAfter(maxCols, col + cols - 1 - maxCols);
  return sheet.getRange(row, col, rows, cols);
}
