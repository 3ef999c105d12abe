// `npm run bench`: Apps Script service calls of every action, side by side with the naive
// (per-cell) way, projected wall time, chunks and quotas under the latency model, core throughput
// and the offline pipeline. Prints the tables, writes bench/results.json, refreshes the README
// section between <!-- bench:start --> and <!-- bench:end -->, and exits 1 when a budget fails.
//
//   node build/bench.js [--quick] [--no-offline] [--no-scale] [--no-readme] [--out <file>]
//   --quick       smaller sizes (10/100 units, 10/40 criteria), results to the temp folder, README untouched
//   --no-offline  skip the CLI timings (demo, templates, scale)
//   --no-scale    skip the offline runs at 1,000 and 5,000 units (time and peak memory; several minutes)
//   --no-readme   leave README.md alone
//   --out <file>  where to write the JSON (default bench/results.json)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTIONS, Action, CHUNK_STOP_MS, ConfigResult, JobRun, runAddon, runConfig } from './gas-bench';
import { coreThroughput } from './core-throughput';
import { UNITS_PER_GROUP } from './synthetic';
import { benchDemo, benchTemplates, tempDir } from './offline';
import { benchScale, PEAK_BUDGET_MB, ScaleResult, scaleChecks, scaleTable } from './scale';
import {
  callsTable,
  checks,
  GasSweep,
  lockNote,
  unclassifiedCalls,
  latencyLine,
  projections,
  projectionTable,
  quotaTable,
  quotaUse,
  Results,
  fitTable,
  writesTable,
} from './summary';
import { checkLines, formatInt, formatMs, machine, machineLine, replaceReadmeSection, writeJson } from './output';
import { readmeSection } from './readme';
import { measureState, stateChecks, stateTable } from './state-size';
import { SAMPLE } from '../src/core/sample';
import { DAILY_QUOTAS, DISTRICT_UNITS, LATENCY_MS, LIMITS, PROVINCE_UNITS } from './latency-model';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const flag = (f: string) => args.includes(f);
const option = (o: string) => {
  const i = args.indexOf(o);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('--quick');
const log = (s: string) => process.stderr.write(`${s}\n`);

const UNIT_SIZES = quick ? [10, 100] : [10, 100, 1000];
const CRITERIA_SIZES = quick ? [10, 40] : [10, 40, 80];
const CORE = quick ? { units: 1000, criteria: 40, runs: 3 } : { units: 10000, criteria: 40, runs: 5 };
const DEMO_RUNS = quick ? 1 : 3;
const TEMPLATE_UNITS = quick ? 100 : 1000;
const STATE_UNITS = quick ? 100 : 1000;
/** Offline pipeline at scale: units, on a rubric of SCALE_CRITERIA criteria. */
const SCALE_UNITS = quick ? [50, 200] : [1000, 5000];
const SCALE_CRITERIA = 40;
const PROJECTION_CRITERIA = 40;

function stripRun(r: JobRun) {
  return { ...r, unitErrors: r.unitErrors.slice(0, 5), unitErrorCount: r.unitErrors.length };
}

/** The JSON record of one configuration (totals and per-method counts, all measured). */
function configJson(c: ConfigResult) {
  const by = <T>(f: (a: Action) => T) => Object.fromEntries(ACTIONS.map((a) => [a, f(a)]));
  return {
    units: c.units,
    criteria: c.criteria,
    sameResults: c.sameResults,
    cpuMs: Math.round(c.cpuMs),
    addon: by((a) => stripRun(c.addon[a])),
    firstRead: stripRun(c.firstRead),
    reRead: stripRun(c.reRead),
    naive: by((a) => ({ ...c.naive[a], value: undefined })),
    writes: Object.fromEntries(
      (['addon', 'naive'] as const).map((way) => [
        way,
        Object.fromEntries(Object.entries(c.writes[way]).map(([k, v]) => [k, { ...v, value: undefined }])),
      ]),
    ),
  };
}

function section(title: string, body: string): string {
  return `${title}\n${body}\n`;
}

async function main(): Promise<number> {
  const started = performance.now();
  const m = machine();
  log(`DVCQ benchmark on ${machineLine(m)}${quick ? ' (quick)' : ''}`);

  // 1. Calls on the fake, both ways.
  const configs: ConfigResult[] = [];
  for (const criteria of CRITERIA_SIZES) {
    for (const units of UNIT_SIZES) {
      const t = performance.now();
      configs.push(runConfig(units, criteria));
      log(`  measured ${formatInt(units)} units × ${criteria} criteria in ${formatMs(performance.now() - t)}`);
    }
  }
  const districts: GasSweep['districts'] = {};
  for (const criteria of CRITERIA_SIZES) districts[criteria] = runAddon(DISTRICT_UNITS, criteria).runs;
  const sweep: GasSweep = { unitSizes: UNIT_SIZES, criteriaSizes: CRITERIA_SIZES, configs, districts };
  // 2. Projections (wall time, chunks) under the latency model.
  const proj = projections(sweep, CHUNK_STOP_MS);

  // 3. Core throughput.
  log(`  core throughput ${formatInt(CORE.units)} × ${CORE.criteria}…`);
  const core = coreThroughput(CORE.units, CORE.criteria, CORE.runs);

  // 4. Offline pipeline.
  const results: Results = { sweep, projections: proj, core, stopMs: CHUNK_STOP_MS };
  const cli = path.join(ROOT, 'build', 'cli.js');
  let tmp: string | null = null;
  const scale: ScaleResult[] = [];
  if (!flag('--no-offline')) {
    if (!fs.existsSync(cli)) {
      results.demo = { runs: 0, runsMs: [], medianMs: NaN, ok: false, error: `${cli} not found (run npm run build)` };
    } else {
      tmp = tempDir();
      log(`  dvcq demo ×${DEMO_RUNS}…`);
      results.demo = benchDemo(cli, tmp, DEMO_RUNS);
      log(`  dvcq templates for ${formatInt(TEMPLATE_UNITS)} units…`);
      results.templates = await benchTemplates(cli, tmp, TEMPLATE_UNITS);
      if (!flag('--no-scale')) {
        for (const units of SCALE_UNITS) {
          log(`  offline pipeline at ${formatInt(units)} units × ${SCALE_CRITERIA} criteria (time, peak memory)…`);
          scale.push(await benchScale(cli, tmp, units, SCALE_CRITERIA, { log }));
        }
      }
    }
  }

  log(`  state kept for ${formatInt(STATE_UNITS)} units × 3 years…`);
  const state = measureState(STATE_UNITS);

  const list = [...checks(results), ...stateChecks(state), ...scaleChecks(scale)];
  const failed = list.filter((c) => !c.ok);
  const big = Math.max(...UNIT_SIZES);
  const sampled = configs.some((c) => ACTIONS.some((a) => c.naive[a].sampled));

  const out: string[] = [];
  out.push(`DVCQ benchmark — ${machineLine(m)}${quick ? ' — QUICK RUN (smaller sizes)' : ''}`);
  out.push('');
  out.push(
    section(
      '1. Apps Script service calls per unit, measured on the in-memory fake (every call counted: Class.method), add-on / naive per-cell way (ratio)',
      callsTable(sweep) +
        (sampled ? '\n* naive generation measured on a sample of the units (see results.json).' : '') +
        `\n${lockNote(sweep)}`,
    ),
  );
  out.push(
    section(
      `2. Calls = fixed + per extra chunk × (executions − 1) + per group × group folders + per unit × units (least squares through the ${[
        ...UNIT_SIZES,
        DISTRICT_UNITS,
      ]
        .sort((a, b) => a - b)
        .map(formatInt)
        .join(' / ')}-unit runs that finished, ${UNITS_PER_GROUP} units per group); totals are measured, not extrapolated`,
      fitTable(sweep),
    ),
  );
  out.push(section('3. The writes alone, same data (calls per write: add-on / naive)', writesTable(sweep)));
  out.push(
    section(
      `4. Projected wall time, ${PROJECTION_CRITERIA} criteria — jobs resumed chunk by chunk on the fake with a simulated clock; chunks stop at ${formatMs(CHUNK_STOP_MS)} (src/gas/env.ts), Apps Script kills at ${formatMs(LIMITS.executionMs)}`,
      projectionTable(proj, PROJECTION_CRITERIA, big) +
        `\nlatency model: ${latencyLine()}; + ${formatMs(LIMITS.chunkOverheadMs)} per sidebar round trip.`,
    ),
  );
  out.push(
    section(
      `5. Daily quotas used by ${big === PROVINCE_UNITS ? 'a province' : 'the largest run'} (${formatInt(big)} units, ${PROJECTION_CRITERIA} criteria; limits per user from the public Apps Script quotas page as of November 2026)`,
      quotaTable(quotaUse(sweep, PROJECTION_CRITERIA), big),
    ),
  );
  const offline: string[] = [
    `core: validate + score + rank ${formatInt(core.units)} units × ${core.criteria} criteria: median ${formatMs(core.medianMs)} of ${core.runs} runs (${core.runsMs.map((x) => formatMs(x)).join(', ')}); ${formatInt(core.classified)} classified, ${formatInt(core.findings)} findings`,
  ];
  if (results.demo) {
    offline.push(
      results.demo.ok
        ? `offline: dvcq demo (sample district, ${SAMPLE.units.length} units) end to end: median ${formatMs(results.demo.medianMs)} of ${results.demo.runs} (${results.demo.runsMs.map((x) => formatMs(x)).join(', ')})`
        : `offline: dvcq demo failed: ${results.demo.error}`,
    );
  }
  if (results.templates) {
    offline.push(
      results.templates.ok
        ? `offline: dvcq templates for ${formatInt(results.templates.units)} units: ${formatMs(results.templates.ms)} (${formatInt(results.templates.files)} .xlsx files, ${formatMs(results.templates.ms / results.templates.units)} per unit)`
        : `offline: dvcq templates for ${formatInt(results.templates.units)} units failed: ${results.templates.error}`,
    );
  }
  out.push(section('6. Core throughput and offline pipeline (this machine)', offline.join('\n')));
  out.push(
    section(
      `7. State kept in the control spreadsheet's DocumentProperties (9 KB per value, 500 KB in all), after «Tạo biểu mẫu» for ${formatInt(STATE_UNITS)} units in three consecutive years`,
      stateTable(state),
    ),
  );
  if (scale.length) {
    out.push(
      section(
        `8. Offline at scale, ${SCALE_CRITERIA} criteria — each command a child process on a workspace of scored files; peak RSS is the process's high-water mark (getrusage), budget ${PEAK_BUDGET_MB} MB`,
        scaleTable(scale),
      ),
    );
  }
  out.push(section(`${scale.length ? 9 : 8}. Budgets (DESIGN §6) and acceptance checks`, checkLines(list).join('\n')));
  const unclassified = unclassifiedCalls(sweep);
  if (unclassified.length) out.push(`note: calls not in the latency model: ${unclassified.join(', ')}\n`);
  out.push(failed.length ? `${failed.length} check(s) failed.` : 'All checks passed.');
  const text = out.join('\n');
  process.stdout.write(`${text}\n`);

  // A quick run never replaces the recorded results.
  const file = option('--out') ?? (quick ? path.join(os.tmpdir(), 'dvcq-bench-quick.json') : path.join(ROOT, 'bench', 'results.json'));
  writeJson(file, {
    machine: m,
    quick,
    elapsedMs: Math.round(performance.now() - started),
    chunkStopMs: CHUNK_STOP_MS,
    latencyModelMs: LATENCY_MS,
    limits: LIMITS,
    dailyQuotas: DAILY_QUOTAS,
    configs: configs.map(configJson),
    districts: Object.fromEntries(
      Object.entries(districts).map(([c, runs]) => [c, Object.fromEntries(ACTIONS.map((a) => [a, stripRun(runs[a])]))]),
    ),
    projections: proj,
    quotas: quotaUse(sweep, PROJECTION_CRITERIA),
    core,
    demo: results.demo ?? null,
    templates: results.templates ?? null,
    state,
    scale,
    checks: list,
    failed: failed.length,
  });
  log(`wrote ${path.relative(process.cwd(), file) || file}`);

  if (!quick && !flag('--no-readme')) {
    const readme = path.join(ROOT, 'README.md');
    if (fs.existsSync(readme)) {
      fs.writeFileSync(readme, replaceReadmeSection(fs.readFileSync(readme, 'utf8'), readmeSection(text)));
      log('updated README.md (benchmark section)');
    }
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  log(`done in ${formatMs(performance.now() - started)}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
