// Offline pipeline: the `dvcq` CLI timed as a child process, exactly as a user runs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { SHEETS, UNIT_COLUMNS } from '../src/core/schema';
import { DEFAULT_RUBRIC_IDS } from '../src/core/default-rubrics';
import { normalizeHeader } from '../src/core/text';
import { median } from './output';
import { syntheticUnits } from './synthetic';

export interface CliRun {
  ms: number;
  code: number | null;
  stderr: string;
}

/** Runs `node <cli> ...args` and returns its wall time (process start to exit). */
export function runCli(cli: string, args: string[], timeoutMs = 170_000): CliRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - t0;
  return { ms, code: r.status, stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

export interface DemoResult {
  runs: number;
  runsMs: number[];
  medianMs: number;
  ok: boolean;
  error?: string;
}

/** `dvcq demo <dir>` end to end, `runs` times in fresh folders; the median wall time. */
export function benchDemo(cli: string, tmp: string, runs = 3): DemoResult {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = path.join(tmp, `demo-${i + 1}`);
    const r = runCli(cli, ['demo', dir]);
    if (r.code !== 0)
      return { runs, runsMs, medianMs: NaN, ok: false, error: `exit ${r.code}: ${r.stderr.split('\n').slice(-3).join(' ')}` };
    runsMs.push(r.ms);
  }
  return { runs, runsMs, medianMs: median(runsMs), ok: true };
}

/**
 * Adds units to `Đơn vị` of the control workbook `file` with exceljs, columns found by header
 * text (as an outside tool would), on the default commune rubric.
 */
export async function addUnitsToControl(file: string, count: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => normalizeHeader(w.name) === normalizeHeader(SHEETS.units));
  if (!ws) throw new Error(`${file}: no sheet ${SHEETS.units}`);
  const header = ws.getRow(1);
  const col: Record<string, number> = {};
  header.eachCell((cell, c) => (col[normalizeHeader(cell.text)] = c));
  const at = (h: string) => {
    const c = col[normalizeHeader(h)];
    if (!c) throw new Error(`${file}: no column ${h}`);
    return c;
  };
  // After the last row holding any text (a fresh `init` has the header only).
  let last = 1;
  ws.eachRow((row, r) => {
    if (row.values && (row.values as unknown[]).some((v) => v !== null && v !== undefined && String(v).trim() !== '')) last = r;
  });
  syntheticUnits(count, 40).forEach((u, i) => {
    const row = ws.getRow(last + 1 + i);
    row.getCell(at(UNIT_COLUMNS.code)).value = u.code;
    row.getCell(at(UNIT_COLUMNS.name)).value = u.name;
    row.getCell(at(UNIT_COLUMNS.type)).value = u.type;
    row.getCell(at(UNIT_COLUMNS.group)).value = u.group;
    row.getCell(at(UNIT_COLUMNS.rubricId)).value = DEFAULT_RUBRIC_IDS.commune;
    row.getCell(at(UNIT_COLUMNS.email)).value = u.email;
    row.commit();
  });
  await wb.xlsx.writeFile(file);
}

export interface TemplatesResult {
  units: number;
  ms: number;
  files: number;
  ok: boolean;
  error?: string;
}

function countXlsx(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countXlsx(path.join(dir, e.name));
    else if (e.name.endsWith('.xlsx')) n++;
  }
  return n;
}

/** `dvcq init` + `units` units added with exceljs, then `dvcq templates` timed (one run). */
export async function benchTemplates(cli: string, tmp: string, units: number): Promise<TemplatesResult> {
  const ws = path.join(tmp, `templates-${units}`);
  const init = runCli(cli, ['init', ws]);
  if (init.code !== 0) return { units, ms: NaN, files: 0, ok: false, error: `init: exit ${init.code}: ${init.stderr}` };
  const control = fs.readdirSync(ws).find((f) => f.endsWith('.xlsx'));
  if (!control) return { units, ms: NaN, files: 0, ok: false, error: 'init wrote no control workbook' };
  await addUnitsToControl(path.join(ws, control), units);
  const r = runCli(cli, ['templates', ws]);
  const files = fs
    .readdirSync(ws, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .reduce((n, e) => n + countXlsx(path.join(ws, e.name)), 0);
  const ok = r.code === 0 && files === units;
  return {
    units,
    ms: r.ms,
    files,
    ok,
    error: ok ? undefined : `exit ${r.code}, ${files} files: ${r.stderr.split('\n').slice(-3).join(' ')}`,
  };
}

/** A fresh temporary folder for the offline runs. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dvcq-bench-'));
}
