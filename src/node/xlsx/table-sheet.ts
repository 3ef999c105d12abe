// A table sheet of the control workbook: a bold, filled, frozen header row, laid out as the core's
// sheetLayout says (column widths, wrapped text with rows tall enough, A4 fit to the page width,
// the header repeated on every printed page), dates shown as dates.
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/types';
import { SheetLayout, sheetLayout } from '../../core/sheet-layout';
import { writeGrid } from './grid';
import { columnLetter } from '../../core/table';
import { COLORS, DATE_FORMAT, DATE_TIME_FORMAT, solid, thinBorder } from './styles';

const A4 = 9;
/** Points per text line at the default 11 pt font, plus a little padding per row. */
export const LINE_HEIGHT = 15;
export const rowHeight = (lines: number) => LINE_HEIGHT * lines + 2;

/** Page set-up and print titles from the core's layout (exceljs writes them to the file). */
export function applyPrint(ws: ExcelJS.Worksheet, layout: SheetLayout, rows: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: layout.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${layout.headerRows}`,
    // exceljs prefixes each corner with "$" only: "A$1" gives the absolute "$A$1" LibreOffice honours.
    printArea: layout.printColumns ? `A$1:${columnLetter(layout.printColumns - 1)}$${Math.max(rows, layout.headerRows)}` : undefined,
  };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.headerRows }];
}

/** Style a table whose header is row 1 (values already written). */
export function styleTable(ws: ExcelJS.Worksheet, grid: Grid): void {
  const layout = sheetLayout(ws.name, grid);
  const width = layout.widths.length;
  applyPrint(ws, layout, grid.length);
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  grid.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    // Neither Excel nor LibreOffice grows a row written by a library: wrapped text would overlap the next rows.
    if (layout.lines[r] > 1) row.height = rowHeight(layout.lines[r]);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      cell.border = thinBorder;
      cell.alignment = { vertical: 'top', wrapText: r === 0 || layout.wrap[c] };
      if (r === 0) {
        cell.font = { bold: true };
        cell.fill = solid(COLORS.header);
      } else if (line[c] instanceof Date) {
        const d = line[c] as Date;
        cell.numFmt = d.getHours() || d.getMinutes() ? DATE_TIME_FORMAT : DATE_FORMAT;
      }
    }
  });
}

/** Replace a sheet's whole content with `grid` (header first) and style it. */
export function writeTableSheet(ws: ExcelJS.Worksheet, grid: Grid): void {
  writeGrid(ws, grid);
  styleTable(ws, grid);
}
