// The control workbook (Bảng điều khiển) as an .xlsx file: create it, read its tables into grids,
// write the tool-written sheets and the unit status/link cells, append to the audit log.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/types';
import { DROPDOWN_ROWS, SheetGrid } from '../../core/control-template';
import { Control, CONTROL_SHEETS, ControlGrids, readControl } from '../../core/control';
import { LOG_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../core/schema';
import { UNIT_WRITE_KEYS, UnitWrites } from '../../core/steps/plan';
import { historyGrid } from '../../core/years';
import { columnLetter, findHeader } from '../../core/table';
import { logHeader, logRow } from '../../core/output-tables';
import { UserError } from '../errors';
import { exists } from '../files';
import { controlPath } from '../workspace';
import { excelValue, findSheet, worksheetToGrid } from './grid';
import { readWorkbook, saveWorkbook } from './workbook-io';
import { rowHeight, writeTableSheet } from './table-sheet';
import { linesIn, sheetLayout } from '../../core/sheet-layout';
import { vietnamWallClock } from '../../core/format';
import { DATE_TIME_FORMAT, solid } from './styles';

/** Identity, size and time of a file's last change; null when there is none. A save through a temporary file changes the inode. */
function fileVersion(file: string): string | null {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return null;
  }
}

type RangeValidations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };

export class ControlWorkbook {
  private constructor(
    readonly file: string,
    readonly wb: ExcelJS.Workbook,
    /** The file as it was read (see `save`); null for a new workbook. */
    private version: string | null,
  ) {}

  static async open(ws: string): Promise<ControlWorkbook> {
    const file = controlPath(ws);
    if (!exists(file)) {
      throw new UserError(`không tìm thấy bảng điều khiển «${file}». Chạy «dvcq init ${ws}» để tạo.`);
    }
    // Taken before reading: a save by someone else during the read is noticed too.
    const version = fileVersion(file);
    return new ControlWorkbook(file, await readWorkbook(file), version);
  }

  /** A new control workbook from the core's sheets, styled (not saved yet). */
  static create(ws: string, sheets: SheetGrid[]): ControlWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'dvcq';
    for (const s of sheets) {
      const sheet = wb.addWorksheet(s.name);
      writeTableSheet(sheet, s.grid);
      for (const d of s.dropdowns ?? []) {
        // An inline Excel list splits at every comma, has no escape and holds 255 characters: a list
        // with a value like «Khối xã, thị trấn» would offer halves of it, so that column gets none here
        // (the add-on's list takes such values).
        const inline = d.values.join(',');
        if (d.values.some((v) => /[,"]/.test(v)) || inline.length > 255) continue;
        const col = columnLetter(d.column);
        // One rule for the whole column range: exceljs has it (worksheet.dataValidations) but does
        // not declare it in its types; a test reads the rule back from the saved file.
        (sheet as unknown as RangeValidations).dataValidations.add(`${col}2:${col}${DROPDOWN_ROWS}`, {
          type: 'list',
          allowBlank: true,
          // An inline list: its quotes and commas are Excel's syntax; the words hold neither.
          formulae: [`"${inline}"`],
          showErrorMessage: true,
          // A list the admin may extend warns and keeps the value; a closed one refuses it.
          errorStyle: d.strict ? 'stop' : 'warning',
          error: d.help,
          showInputMessage: true,
          prompt: d.help,
        });
      }
    }
    return new ControlWorkbook(controlPath(ws), wb, null);
  }

  grids(): ControlGrids {
    const grids: ControlGrids = {};
    for (const key of Object.keys(CONTROL_SHEETS) as Array<keyof ControlGrids>) {
      const ws = findSheet(this.wb, CONTROL_SHEETS[key]);
      if (ws) grids[key] = worksheetToGrid(ws, 'result');
    }
    return grids;
  }

  /** One sheet as a grid (undefined: no such sheet). */
  grid(name: string): Grid | undefined {
    const ws = findSheet(this.wb, name);
    return ws ? worksheetToGrid(ws, 'result') : undefined;
  }

  read(): Control {
    return readControl(this.grids());
  }

  private sheet(name: string): ExcelJS.Worksheet {
    return findSheet(this.wb, name) ?? this.wb.addWorksheet(name);
  }

  /**
   * What a step decided for `Đơn vị` (status, link, their year and the record of the submission,
   * found by header text and added when missing, each unit's row by its code) and `Trạng thái các năm` (replaced when it changed).
   */
  writeUnits(control: Control, writes: UnitWrites): void {
    if (writes.history) this.replaceTable(SHEETS.history, historyGrid(writes.history));
    if (!writes.updates.length) return;
    const ws = findSheet(this.wb, SHEETS.units);
    if (!ws) throw new UserError(`«${this.file}»: không tìm thấy sheet «${SHEETS.units}».`);
    const grid = worksheetToGrid(ws);
    const loc = findHeader(grid, UNIT_COLUMNS, ['code']);
    if (!loc) throw new UserError(`«${this.file}», sheet «${SHEETS.units}»: không tìm thấy cột «${UNIT_COLUMNS.code}».`);
    const header = ws.getRow(loc.headerRow + 1);
    let width = (grid[loc.headerRow] ?? []).length;
    const column = (key: (typeof UNIT_WRITE_KEYS)[number]) => {
      let c = loc.cols[key];
      if (c === undefined) {
        c = width++;
        const cell = header.getCell(c + 1);
        cell.value = UNIT_COLUMNS[key];
        cell.style = { ...header.getCell(1).style };
        loc.cols[key] = c;
      }
      return c + 1;
    };
    const rows = new Map(control.units.map((u) => [u.code, u.row]));
    for (const u of writes.updates) {
      const row = rows.get(u.code);
      if (!row) continue;
      for (const key of UNIT_WRITE_KEYS) {
        const v = u[key];
        if (v === undefined) continue;
        const cell = ws.getCell(row, column(key));
        cell.value = v instanceof Date ? excelValue(v) : v;
        // A style of its own: exceljs may share one style object between cells of several sheets.
        if (v instanceof Date) cell.style = { ...cell.style, numFmt: DATE_TIME_FORMAT };
      }
    }
  }

  /** Replace a tool-written sheet (`Kết quả`, `Kiểm tra`) with `grid`; `fills` colours single cells. */
  replaceTable(
    name: string,
    grid: Grid,
    fills: Array<{ row: number; col: number; argb: string }> = [],
    links: Array<{ row: number; col: number; target: string }> = [],
  ): void {
    const ws = this.sheet(name);
    writeTableSheet(ws, grid);
    for (const f of fills) ws.getCell(f.row + 1, f.col + 1).fill = solid(f.argb);
    for (const l of links) {
      const cell = ws.getCell(l.row + 1, l.col + 1);
      // A relative path, each segment URI-encoded as Excel and LibreOffice expect in a link target.
      cell.value = { text: l.target, hyperlink: l.target.split('/').map(encodeURIComponent).join('/') };
      cell.font = { color: { argb: 'FF1155CC' }, underline: true };
    }
  }

  /** A tool-written table in a hidden sheet, replaced whole (e.g. `Dữ liệu đã thu`). */
  replaceHiddenSheet(name: string, grid: Grid): void {
    const old = findSheet(this.wb, name);
    if (old) this.wb.removeWorksheet(old.id);
    const ws = this.wb.addWorksheet(name, { state: 'hidden' });
    writeTableSheet(ws, grid);
  }

  /**
   * One row in `Nhật ký` (time, user, action, detail), in the columns found by header text; a log
   * whose header was changed still gets its row, in columns A–D, rather than fail the command.
   */
  log(time: Date, user: string, action: string, detail: string): void {
    this.logRows(time, user, action, [detail]);
  }

  /** Several rows with one action: the sheet is read once, whatever their number. */
  logRows(time: Date, user: string, action: string, details: string[]): void {
    if (!details.length) return;
    const ws = this.sheet(SHEETS.log);
    let grid = worksheetToGrid(ws);
    if (!grid.length) {
      grid = [logHeader()];
      writeTableSheet(ws, grid);
    }
    const cols = findHeader(grid, LOG_COLUMNS)?.cols ?? { time: 0, user: 1, action: 2, detail: 3 };
    // Widths the log needs (a date column narrower than its text shows «###»), kept if wider.
    const layout = sheetLayout(SHEETS.log, [logHeader()]);
    details.forEach((detail, n) => {
      // The file has no time zone: the time is written as Vietnam's wall clock, not the machine's.
      const values = logRow(vietnamWallClock(time), user, action, detail);
      const row = ws.getRow(grid.length + 1 + n);
      (['time', 'user', 'action', 'detail'] as const).forEach((key, i) => {
        const c = cols[key] ?? i;
        const cell = row.getCell(c + 1);
        cell.value = excelValue(values[i]);
        cell.alignment = { wrapText: key === 'detail', vertical: 'top' };
        if (key === 'time') cell.numFmt = DATE_TIME_FORMAT;
        const column = ws.getColumn(c + 1);
        column.width = Math.max(column.width ?? 0, layout.widths[i] ?? 0);
      });
      const detailWidth = ws.getColumn((cols.detail ?? 3) + 1).width ?? layout.widths[3];
      const lines = linesIn(detail, detailWidth);
      if (lines > 1) row.height = rowHeight(lines);
    });
  }

  /**
   * Save, unless the file was saved by someone else since it was read (Excel, LibreOffice, a tool
   * without the workspace lock): writing now would silently drop their change, and this command
   * would report a success that the next one undoes. Nothing is written then, and the user is told.
   */
  async save(): Promise<void> {
    if (fileVersion(this.file) !== this.version) {
      throw new UserError(
        `bảng điều khiển «${this.file}» đã được lưu lại bởi một chương trình khác (Excel, LibreOffice hoặc một lệnh khác) ` +
          'trong khi lệnh này đang chạy; lệnh này không ghi vào bảng điều khiển để không xóa mất thay đổi đó. ' +
          'Hãy lưu và đóng tệp trong Excel/LibreOffice rồi chạy lại lệnh.',
      );
    }
    await saveWorkbook(this.wb, this.file);
    this.version = fileVersion(this.file);
  }
}
