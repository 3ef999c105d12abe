// Offline scale: a workspace of N units × C criteria on disk, then `dvcq templates`, `validate`,
// `rank` and `report` run as child processes, each timed and with its peak resident memory
// (the kernel's high-water mark of the child, reported by the child itself at exit).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ControlWorkbook } from '../src/node/xlsx/control-workbook';
import { readWorkbook, saveWorkbook } from '../src/node/xlsx/workbook-io';
import { INPUT_FIELDS, InputValues, writeInputs } from '../src/node/xlsx/unit-workbook';
import { excelValue } from '../src/node/xlsx/grid';
import { unitLocation } from '../src/node/workspace';
import { syntheticControlSheets, syntheticEntries, syntheticRubric, syntheticUnits, toUnit, BENCH_YEAR } from './synthetic';

export const SCALE_COMMANDS = ['templates', 'validate', 'rank', 'report'] as const;
export type ScaleCommand = (typeof SCALE_COMMANDS)[number];

export interface MeasuredRun {
  ms: number;
  /** Peak resident set size of the process, MB (getrusage ru_maxrss). */
  peakMb: number;
  code: number | null;
  error?: string;
}

export interface ScaleResult {
  units: number;
  criteria: number;
  /** Typing the synthetic scores into every file (the benchmark's own work, not measured against a budget). */
  fillMs: number;
  runs: Partial<Record<ScaleCommand, MeasuredRun>>;
  ok: boolean;
  error?: string;
}

/** Loaded with `node -r`: writes the process's peak RSS (KB) to $DVCQ_PEAK_FILE when it exits. */
const PEAK_PRELOAD = `process.on('exit', () => {
  try { require('fs').writeFileSync(process.env.DVCQ_PEAK_FILE, String(process.resourceUsage().maxRSS)); } catch (e) {}
});
`;

/** `node [heap] -r peak cli ...args` with its wall time and peak RSS. */
export function runMeasured(cli: string, args: string[], tmp: string, opts: { heapMb?: number; timeoutMs?: number } = {}): MeasuredRun {
  const preload = path.join(tmp, 'peak-rss.cjs');
  if (!fs.existsSync(preload)) fs.writeFileSync(preload, PEAK_PRELOAD);
  const peakFile = path.join(tmp, `peak-${process.pid}-${Date.now()}.txt`);
  const node = [...(opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : []), '-r', preload, cli, ...args];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, node, {
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 20 * 60_000,
    maxBuffer: 256 * 2 ** 20,
    env: { ...process.env, DVCQ_PEAK_FILE: peakFile },
  });
  const ms = performance.now() - t0;
  let peakMb = NaN;
  if (fs.existsSync(peakFile)) {
    peakMb = Number(fs.readFileSync(peakFile, 'utf8')) / 1024;
    fs.rmSync(peakFile, { force: true });
  }
  const stderr = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim();
  return {
    ms,
    peakMb,
    code: r.status,
    error: r.status === 0 ? undefined : `exit ${r.status ?? r.signal}: ${stderr.split('\n').slice(-3).join(' ')}`,
  };
}

/** A control workbook of `units` synthetic units on a rubric of `criteria` criteria, in a new folder `ws`. */
export async function writeScaleControl(ws: string, units: number, criteria: number): Promise<void> {
  fs.mkdirSync(ws, { recursive: true });
  await ControlWorkbook.create(ws, syntheticControlSheets(syntheticUnits(units, criteria), criteria)).save();
}

/** Type each unit's synthetic scores into its workbook (after `dvcq templates`), as a scorer would. */
export async function fillScores(ws: string, units: number, criteria: number): Promise<void> {
  const rubric = syntheticRubric(criteria);
  const list = syntheticUnits(units, criteria);
  for (let i = 0; i < list.length; i++) {
    const values: InputValues = {};
    for (const [code, e] of Object.entries(syntheticEntries(rubric, i))) {
      values[code] = {};
      for (const f of INPUT_FIELDS) if (e[f] !== null) values[code][f] = excelValue(e[f]);
    }
    const { file } = unitLocation(ws, BENCH_YEAR, toUnit(list[i]));
    const wb = await readWorkbook(file);
    writeInputs(wb, file, values);
    await saveWorkbook(wb, file);
  }
}

/**
 * The whole offline pipeline at `units` × `criteria`: the control workbook, `templates` (measured),
 * the scores typed in, then `validate`, `rank` and `report` (measured), each in its own process.
 */
export async function benchScale(
  cli: string,
  tmp: string,
  units: number,
  criteria: number,
  opts: { heapMb?: number; log?: (s: string) => void } = {},
): Promise<ScaleResult> {
  const ws = path.join(tmp, `scale-${units}x${criteria}`);
  fs.rmSync(ws, { recursive: true, force: true });
  await writeScaleControl(ws, units, criteria);
  const result: ScaleResult = { units, criteria, fillMs: 0, runs: {}, ok: true };
  const run = (command: ScaleCommand) => {
    const r = runMeasured(cli, [command, ws], tmp, { heapMb: opts.heapMb });
    result.runs[command] = r;
    opts.log?.(`    ${command}: ${(r.ms / 1000).toFixed(1)} s, peak ${Math.round(r.peakMb)} MB${r.error ? ` (${r.error})` : ''}`);
    return r;
  };
  const templates = run('templates');
  if (templates.code !== 0) return { ...result, ok: false, error: `templates: ${templates.error}` };
  const t = performance.now();
  await fillScores(ws, units, criteria);
  result.fillMs = performance.now() - t;
  for (const command of ['validate', 'rank', 'report'] as const) {
    const r = run(command);
    // validate exits 1 when it finds errors (the synthetic data has some on purpose).
    if (r.code !== 0 && !(command === 'validate' && r.code === 1)) return { ...result, ok: false, error: `${command}: ${r.error}` };
  }
  fs.rmSync(ws, { recursive: true, force: true });
  return result;
}
