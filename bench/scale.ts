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
import { Check } from './output';
import { syntheticControlSheets, syntheticEntries, syntheticRubric, syntheticUnits, toUnit, BENCH_YEAR } from './synthetic';

export const SCALE_COMMANDS = ['templates', 'validate', 'rank', 'report'] as const;
export type ScaleCommand = (typeof SCALE_COMMANDS)[number];

export interface MeasuredRun {
  /** Wall time, process start to exit. */
  ms: number;
  /** CPU time of the process (user + system): what linear time is judged on, since a shared machine stretches wall time. */
  cpuMs: number;
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

/** Loaded with `node -r`: writes the process's peak RSS (KB) and CPU time (µs) to $DVCQ_USAGE_FILE when it exits. */
const USAGE_PRELOAD = `process.on('exit', () => {
  const u = process.resourceUsage();
  try { require('fs').writeFileSync(process.env.DVCQ_USAGE_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime })); } catch (e) {}
});
`;

/** `node [heap] -r peak cli ...args` with its wall time and peak RSS. */
export function runMeasured(cli: string, args: string[], tmp: string, opts: { heapMb?: number; timeoutMs?: number } = {}): MeasuredRun {
  const preload = path.join(tmp, 'dvcq-usage.cjs');
  if (!fs.existsSync(preload)) fs.writeFileSync(preload, USAGE_PRELOAD);
  const usageFile = path.join(tmp, `usage-${process.pid}-${Date.now()}.json`);
  const node = [...(opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : []), '-r', preload, cli, ...args];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, node, {
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 20 * 60_000,
    maxBuffer: 256 * 2 ** 20,
    env: { ...process.env, DVCQ_USAGE_FILE: usageFile },
  });
  const ms = performance.now() - t0;
  let peakMb = NaN;
  let cpuMs = NaN;
  if (fs.existsSync(usageFile)) {
    const u = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpu: number };
    peakMb = u.maxRSS / 1024;
    cpuMs = u.cpu / 1000;
    fs.rmSync(usageFile, { force: true });
  }
  const stderr = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim();
  return {
    ms,
    cpuMs,
    peakMb,
    code: r.status,
    error: r.status === 0 ? undefined : `exit ${r.status ?? r.signal}: ${stderr.split('\n').slice(-3).join(' ')}`,
  };
}

/**
 * A control workbook of `units` synthetic units on a rubric of `criteria` criteria, in a new folder
 * `ws`; every unit «Đã nộp» unless `status` says otherwise.
 */
export async function writeScaleControl(ws: string, units: number, criteria: number, opts: { status?: string } = {}): Promise<void> {
  fs.mkdirSync(ws, { recursive: true });
  const list = syntheticUnits(units, criteria).map((u) => (opts.status === undefined ? u : { ...u, status: opts.status }));
  await ControlWorkbook.create(ws, syntheticControlSheets(list, criteria)).save();
}

/** Type each unit's synthetic scores into its workbook (after `dvcq templates`), as a scorer would. */
export async function fillScores(ws: string, units: number, criteria: number): Promise<void> {
  const rubric = syntheticRubric(criteria);
  const list = syntheticUnits(units, criteria);
  for (let i = 0; i < list.length; i++) {
    const values: InputValues = {};
    for (const [code, e] of Object.entries(syntheticEntries(rubric, i))) {
      values[code] = {};
      for (const f of INPUT_FIELDS) if (e[f] != null) values[code][f] = excelValue(e[f] ?? null);
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
    const measured = runMeasured(cli, [command, ws], tmp, { heapMb: opts.heapMb });
    // validate exits 1 when it finds errors (the synthetic data has some on purpose).
    const r = command === 'validate' && measured.code === 1 ? { ...measured, error: undefined } : measured;
    result.runs[command] = r;
    opts.log?.(
      `    ${command}: ${(r.ms / 1000).toFixed(1)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s), peak ${Math.round(r.peakMb)} MB${r.error ? ` (${r.error})` : ''}`,
    );
    return r;
  };
  const templates = run('templates');
  if (templates.code !== 0) return { ...result, ok: false, error: `templates: ${templates.error}` };
  const t = performance.now();
  await fillScores(ws, units, criteria);
  result.fillMs = performance.now() - t;
  for (const command of ['validate', 'rank', 'report'] as const) {
    const r = run(command);
    if (r.error) return { ...result, ok: false, error: `${command}: ${r.error}` };
  }
  fs.rmSync(ws, { recursive: true, force: true });
  return result;
}

/** The budget of issue 10: every offline command at 5,000 units × 40 criteria within 600 MB. */
export const PEAK_BUDGET_MB = 600;
/** CPU time per unit may grow this much from the smallest to the largest size and still count as linear. */
export const LINEAR_TOLERANCE = 1.5;

const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} MB` : '—');
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');

/** One line per command: time, time per unit and peak RSS at each size, and how they grow. */
export function scaleTable(results: ScaleResult[]): string {
  const sizes = [...results].sort((a, b) => a.units - b.units);
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const header = [
    'command',
    ...sizes.map((r) => `${r.units.toLocaleString('en-US')} units: wall, CPU, CPU per unit, peak RSS`),
    'peak growth per 1,000 units',
    'CPU per unit, largest / smallest',
  ];
  const rows = SCALE_COMMANDS.map((c) => {
    const cells = sizes.map((r) => {
      const x = r.runs[c];
      return x ? `${seconds(x.ms)}, ${seconds(x.cpuMs)}, ${(x.cpuMs / r.units).toFixed(1)} ms, ${mb(x.peakMb)}` : '—';
    });
    const a = first.runs[c];
    const b = last.runs[c];
    const growth = a && b && last.units > first.units ? ((b.peakMb - a.peakMb) / (last.units - first.units)) * 1000 : NaN;
    const ratio = a && b ? b.cpuMs / last.units / (a.cpuMs / first.units) : NaN;
    return [c, ...cells, mb(growth), Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Peak RSS within the budget at every size, and time per unit roughly constant (linear time). */
export function scaleChecks(results: ScaleResult[]): Check[] {
  if (!results.length) return [];
  const sizes = [...results].sort((a, b) => a.units - b.units);
  const out: Check[] = [];
  for (const r of sizes.filter((x) => !x.ok)) {
    out.push({
      name: `offline pipeline at ${r.units.toLocaleString('en-US')} units × ${r.criteria} criteria`,
      ok: false,
      detail: r.error ?? 'failed',
    });
  }
  const last = sizes[sizes.length - 1];
  const peaks = SCALE_COMMANDS.map((c) => [c, last.runs[c]?.peakMb ?? NaN] as const);
  out.push({
    name: `offline peak RSS ≤ ${PEAK_BUDGET_MB} MB at ${last.units.toLocaleString('en-US')} units × ${last.criteria} criteria`,
    ok: last.ok && peaks.every(([, p]) => p <= PEAK_BUDGET_MB),
    detail: peaks.map(([c, p]) => `${c} ${mb(p)}`).join(', '),
  });
  const first = sizes[0];
  if (sizes.length > 1) {
    const ratios = SCALE_COMMANDS.map((c) => {
      const a = first.runs[c];
      const b = last.runs[c];
      return [c, a && b ? b.cpuMs / last.units / (a.cpuMs / first.units) : NaN] as const;
    });
    out.push({
      name: `offline time linear in the units: CPU time per unit at ${last.units.toLocaleString('en-US')} ≤ ${LINEAR_TOLERANCE}× that at ${first.units.toLocaleString('en-US')}`,
      ok: ratios.every(([, x]) => x <= LINEAR_TOLERANCE),
      detail: ratios.map(([c, x]) => `${c} ${Number.isFinite(x) ? x.toFixed(2) : '—'}×`).join(', '),
    });
  }
  return out;
}
