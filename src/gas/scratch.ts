// Between chunks of a long collection, what was read is kept in a hidden sheet of the control
// spreadsheet (one row per unit, one setValues per chunk) and dropped when the job ends.
import type { Cell } from '../core/types';
import { splitText } from '../core/gas-support';
import type { GSpreadsheet } from './services';
import { growingRange } from './control-io';

export const SCRATCH_SHEET = 'Dữ liệu tạm DVCQ';
const PIECE = 45000;

export function saveScratch<T>(ss: GSpreadsheet, run: string, items: Array<[string, T]>): void {
  if (!items.length) return;
  let sheet = ss.getSheetByName(SCRATCH_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(SCRATCH_SHEET);
    sheet.hideSheet();
  }
  const rows = items.map(([code, value]) => [run, code, ...splitText(JSON.stringify(value), PIECE)]);
  const width = Math.max(...rows.map((r) => r.length));
  // The leading apostrophe keeps every piece as text (a JSON piece may start with "-" or a digit).
  const values: Cell[][] = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : `'${r[i]}`)));
  growingRange(sheet, sheet.getLastRow() + 1, 1, values.length, width).setValues(values);
}

export function loadScratch<T>(ss: GSpreadsheet, run: string): Map<string, T> {
  const out = new Map<string, T>();
  const sheet = ss.getSheetByName(SCRATCH_SHEET);
  if (!sheet) return out;
  for (const row of sheet.getDataRange().getValues()) {
    if (String(row[0]) !== run) continue;
    try {
      out.set(
        String(row[1]),
        JSON.parse(
          row
            .slice(2)
            .map((c) => String(c ?? ''))
            .join(''),
        ) as T,
      );
    } catch {
      // A damaged row: that unit is read again by the caller.
    }
  }
  return out;
}

export function dropScratch(ss: GSpreadsheet): void {
  const sheet = ss.getSheetByName(SCRATCH_SHEET);
  if (sheet) ss.deleteSheet(sheet);
}
