// "Thiết lập bảng điều khiển": create the missing sheets of a control spreadsheet. Existing sheets
// are never wiped; a sheet exactly as a plain set-up left it may receive the sample data.
import { SampleName, SAMPLES } from '../core/samples';
import type { Grid } from '../core/types';
import { CONTROL_SHEET_NAMES, DROPDOWN_ROWS, newControlSheets, SheetGrid } from '../core/control-template';
import { CONFIG_COLUMNS, SHEETS } from '../core/schema';
import { sheetLayout } from '../core/sheet-layout';
import { readTable } from '../core/table';
import { cellText, normalizeHeader } from '../core/text';
import { CONFIG_KEYS } from '../core/config';
import type { GasServices, GSpreadsheet } from './services';
import { applyLayout, appendLog, controlSpreadsheet, growingRange, readGrid, toSheetGrid, withLock } from './control-io';
import { Env, nowOf } from './env';
import { useVietnameseSettings } from './locale';

export interface SetupReport {
  created: string[];
  kept: string[];
  sampleLoaded: string[];
  /** "«Đơn vị»: thiếu cột «Liên kết»" */
  missingColumns: string[];
  message: string;
}

function trimGrid(grid: Grid): string[][] {
  const rows = grid.map((r) => r.map((c) => cellText(c)));
  for (const r of rows) while (r.length && r[r.length - 1] === '') r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** True when `existing` holds exactly what a plain set-up writes (nobody typed anything yet). */
function isPristine(existing: Grid, plain: Grid): boolean {
  return JSON.stringify(trimGrid(existing)) === JSON.stringify(trimGrid(plain));
}

function writeNew(gas: GasServices, ss: GSpreadsheet, s: SheetGrid, existing: boolean): void {
  const sheet = existing ? ss.getSheetByName(s.name)! : ss.insertSheet(s.name, ss.getSheets().length);
  if (existing) sheet.clear();
  const values = toSheetGrid(s.grid);
  growingRange(sheet, 1, 1, values.length, values[0].length).setValues(values);
  sheet.getRange(1, 1, 1, values[0].length).setFontWeight('bold');
  applyLayout(sheet, sheetLayout(s.name, s.grid), values.length);
  // One rule per column range. A list the admin may extend keeps another value with a warning.
  for (const d of s.dropdowns ?? []) {
    const rule = gas.SpreadsheetApp.newDataValidation()
      .requireValueInList([...d.values], true)
      .setAllowInvalid(!d.strict)
      .setHelpText(d.help)
      .build();
    growingRange(sheet, 2, d.column + 1, DROPDOWN_ROWS - 1, 1).setDataValidation(rule);
  }
}

/** The year a plain set-up wrote in an existing `Cấu hình` (so the comparison uses the same year). */
function existingYear(config: Grid | undefined, fallback: number): number {
  if (!config) return fallback;
  const t = readTable(config, CONFIG_COLUMNS, ['key', 'value']);
  const row = t.rows.find((r) => normalizeHeader(r.key) === normalizeHeader(CONFIG_KEYS.year[0]));
  const y = Number(cellText(row?.value ?? null));
  return Number.isInteger(y) && y > 1900 ? y : fallback;
}

export function setupControl(env: Env, opts: { sample?: SampleName } = {}): SetupReport {
  const ss = controlSpreadsheet(env);
  return withLock(env, () => {
    useVietnameseSettings(ss);
    const existing = new Map<string, Grid>();
    for (const name of CONTROL_SHEET_NAMES) {
      const g = readGrid(ss, name);
      if (g) existing.set(name, g);
    }
    const year = existingYear(existing.get(SHEETS.config), nowOf(env).getFullYear());
    const plain = newControlSheets({ year });
    const wanted = newControlSheets({ year, sample: opts.sample });
    const report: SetupReport = { created: [], kept: [], sampleLoaded: [], missingColumns: [], message: '' };
    wanted.forEach((s, i) => {
      const grid = existing.get(s.name);
      if (!grid) {
        writeNew(env.gas, ss, s, false);
        report.created.push(s.name);
        return;
      }
      if (opts.sample && isPristine(grid, plain[i].grid) && !isPristine(grid, s.grid)) {
        writeNew(env.gas, ss, s, true);
        report.sampleLoaded.push(s.name);
        return;
      }
      report.kept.push(s.name);
      const columns = Object.fromEntries(s.grid[0].map((h, c) => [String(c), cellText(h)]));
      const t = readTable(grid, columns);
      if (t.missing.length) {
        report.missingColumns.push(`«${s.name}»: thiếu cột ${t.missing.map((m) => `«${m}»`).join(', ')}`);
      }
    });
    report.message = setupMessage(report, !!opts.sample);
    appendLog(
      env,
      ss,
      opts.sample ? 'Thiết lập kèm dữ liệu mẫu' : 'Thiết lập bảng điều khiển',
      opts.sample ? `${SAMPLES[opts.sample].label}. ${report.message}` : report.message,
    );
    return report;
  });
}

function setupMessage(r: SetupReport, sample: boolean): string {
  const parts: string[] = [];
  if (r.created.length) parts.push(`Đã tạo ${r.created.length} sheet: ${r.created.join(', ')}.`);
  if (r.sampleLoaded.length) parts.push(`Đã nạp dữ liệu mẫu vào: ${r.sampleLoaded.join(', ')}.`);
  if (r.kept.length) {
    parts.push(`Giữ nguyên ${r.kept.length} sheet đã có dữ liệu${sample ? ' (không ghi đè bằng dữ liệu mẫu)' : ''}: ${r.kept.join(', ')}.`);
  }
  if (r.missingColumns.length) parts.push(`Cần bổ sung cột: ${r.missingColumns.join('; ')}.`);
  if (!parts.length) parts.push('Bảng điều khiển đã đầy đủ.');
  return parts.join(' ');
}
