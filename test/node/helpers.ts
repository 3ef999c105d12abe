// Shared by the CLI tests: temporary workspaces, a context that captures output, and exceljs
// helpers that edit workbooks the way a user (or an outside tool) would — by header text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Context } from '../../src/node/context';

const created: string[] = [];

/** A new empty folder, removed by `removeTmpDirs` (call it in `afterAll`). */
export function tmpDir(prefix = 'dvcq-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface Captured extends Context {
  lines: string[];
  errors: string[];
  text(): string;
}

export function capture(now = new Date(2024, 10, 20, 9, 30)): Captured {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    now: () => now,
    user: () => 'kiem-thu',
    text: () => [...lines, ...errors].join('\n'),
  };
}

const norm = (v: unknown) =>
  String(v ?? '')
    .normalize('NFC')
    .trim()
    .toLowerCase();

export function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object' || v instanceof Date) return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v) return `=${v.formula}`;
  if ('hyperlink' in v) return v.text; // what the cell shows
  if ('error' in v) return v.error;
  return `=${v.sharedFormula}`;
}

/** Row number and column lookup of the first row holding every name (like the contract check). */
export function header(sheet: ExcelJS.Worksheet, names: string[]): { row: number; col(name: string): number } {
  for (let r = 1; r <= Math.min(sheet.rowCount, 30); r++) {
    const values = (sheet.getRow(r).values as ExcelJS.CellValue[]).map((v) => norm(text(v)));
    if (names.every((n) => values.includes(norm(n)))) {
      return {
        row: r,
        col: (name) => {
          const i = values.indexOf(norm(name));
          if (i < 0) throw new Error(`no column ${name}`);
          return i;
        },
      };
    }
  }
  throw new Error(`no header ${names.join(', ')} in ${sheet.name}`);
}

export async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Open, change, save. */
export async function editBook(file: string, change: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
  const wb = await openBook(file);
  await change(wb);
  await wb.xlsx.writeFile(file);
}

/** Rows under a header as objects keyed by header text. */
export function rowsOf(sheet: ExcelJS.Worksheet, names: string[]): Array<Record<string, ExcelJS.CellValue> & { _row: number }> {
  const h = header(sheet, names);
  const headers = (sheet.getRow(h.row).values as ExcelJS.CellValue[]).map((v) => text(v));
  const out: Array<Record<string, ExcelJS.CellValue> & { _row: number }> = [];
  for (let r = h.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const obj: Record<string, ExcelJS.CellValue> & { _row: number } = { _row: r };
    headers.forEach((name, i) => {
      if (name) obj[name] = row.getCell(i).value;
    });
    out.push(obj);
  }
  return out;
}

/** Replace the rows under the header of `sheet` with `rows` (keyed by header text). */
export function setRows(sheet: ExcelJS.Worksheet, names: string[], rows: Array<Record<string, ExcelJS.CellValue>>): void {
  const h = header(sheet, names);
  for (let r = sheet.rowCount; r > h.row; r--) sheet.spliceRows(r, 1);
  rows.forEach((values, i) => {
    const row = sheet.getRow(h.row + 1 + i);
    for (const [name, v] of Object.entries(values)) row.getCell(h.col(name)).value = v;
    row.commit();
  });
}

/** Every .xlsx under `dir` (recursively). */
export function xlsxFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Type values into a unit workbook's `Chấm điểm` sheet, in the rows of the criterion codes. */
export async function typeScores(
  file: string,
  values: Record<
    string,
    Partial<Record<'Tự chấm' | 'Thẩm định' | 'Minh chứng' | 'Ghi chú' | 'Lý do thẩm định' | 'Giải trình', ExcelJS.CellValue>>
  >,
): Promise<void> {
  await editBook(file, (wb) => {
    const s = wb.getWorksheet('Chấm điểm')!;
    const h = header(s, ['Mã', 'Tự chấm', 'Thẩm định', 'Minh chứng']);
    for (let r = h.row + 1; r <= s.rowCount; r++) {
      const code = text(s.getRow(r).getCell(h.col('Mã')).value).trim();
      for (const [col, v] of Object.entries(values[code] ?? {})) s.getRow(r).getCell(h.col(col)).value = v;
    }
  });
}
