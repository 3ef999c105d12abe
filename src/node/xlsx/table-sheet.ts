// A table sheet of the control workbook: a bold, filled, frozen header row, columns sized to their
// content, long text wrapped, dates shown as dates.
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/types';
import { cellText } from '../../core/text';
import { writeGrid } from './grid';
import { COLORS, DATE_FORMAT, DATE_TIME_FORMAT, solid, thinBorder } from './styles';

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

function widthOf(grid: Grid, c: number): number {
  let w = 0;
  for (const line of grid.slice(0, 500)) {
    for (const part of cellText(line[c] ?? null).split('\n')) w = Math.max(w, part.length);
  }
  return w + 2;
}

/** Style a table whose header is row 1 (values already written). */
export function styleTable(ws: ExcelJS.Worksheet, grid: Grid): void {
  const width = grid.reduce((m, line) => Math.max(m, line.length), 0);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  const wrap: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const w = widthOf(grid, c);
    ws.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w));
    wrap[c] = w > MAX_WIDTH;
  }
  grid.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      cell.border = thinBorder;
      cell.alignment = { vertical: 'top', wrapText: r === 0 || wrap[c] };
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
