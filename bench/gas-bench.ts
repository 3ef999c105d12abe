// Service calls of the add-on's actions and of their naive versions, on the in-memory Apps Script
// fake (test/fakes/gas.ts), counted by the same counter. The add-on runs exactly as the admin
// sidebar drives it: adminRun(step, cursor) again and again until the job says it is finished.
//
// Time on the fake is SIMULATED: the add-on's clock advances, for every counted call, by the
// latency the model (latency-model.ts) gives that kind of call. So the add-on's own chunking stops
// each execution where it would stop in Apps Script under that model, and the number of resumable
// chunks is measured by actually resuming the job, not computed.
import { performance } from 'node:perf_hooks';
import { createGasFake, GasFake } from '../test/fakes/gas';
import type { CallCounter, CallSnapshot, GFolder } from '../test/fakes/gas';
import type { GSpreadsheet } from '../src/gas/services';
import type { DriveEntry } from '../src/gas/drive';
import type { AdminStepKey, JobChunk } from '../src/gas/api';
import { adminRun } from '../src/gas/admin';
import { DEFAULT_BUDGET_MS, Env, makeEnv } from '../src/gas/env';
import { decodeFileRecord, FileRecord, KEYS, Store } from '../src/gas/store';
import { readControlData } from '../src/gas/control-io';
import { writeFindingsSheet, writeResultsSheet } from '../src/gas/output-sheets';
import { writeDocument } from '../src/gas/docs/documents';
import { findRootFolder } from '../src/gas/folders';
import type { Control } from '../src/core/control';
import { assessAll, UnitSource } from '../src/core/assess';
import { buildReportModel } from '../src/core/report-model';
import { SHEETS } from '../src/core/schema';
import { STATUS, Grid, Rubric, UnitResult, Finding } from '../src/core/types';
import { STATUS_CELLS, unitSheetLayout } from '../src/core/unit-sheet';
import { CallKind, kindOf, LATENCY_MS, LIMITS } from './latency-model';
import {
  BENCH_YEAR,
  layoutOptions,
  syntheticControlSheets,
  syntheticEntries,
  syntheticRubric,
  syntheticUnits,
  SyntheticUnit,
  toUnit,
} from './synthetic';
import { naiveGenerate } from './naive/generate';
import { naiveAppendRows, naiveCollect } from './naive/collect';
import { naiveRank, naiveWriteResults } from './naive/rank';
import { naiveReport, naiveReportAction } from './naive/report';
import { findingsGrid } from '../src/core/output-tables';

export const ADMIN = 'admin@example.gov.vn';
/** The add-on stops a chunk this long after it started (exported by src/gas/env.ts). */
export const CHUNK_STOP_MS = DEFAULT_BUDGET_MS;

// ---------------------------------------------------------------------------------------------
// Simulated clock

const kindCache = new Map<string, CallKind>();
export function latencyOf(call: string): number {
  let k = kindCache.get(call);
  if (k === undefined) kindCache.set(call, (k = kindOf(call)));
  return LATENCY_MS[k];
}

/** A clock that advances by the modelled latency of every call the fake records. */
export class SimClock {
  private seen = 0;
  private ms: number;

  constructor(
    private readonly calls: CallCounter,
    start = Date.UTC(BENCH_YEAR, 10, 20, 1, 0, 0),
  ) {
    this.ms = start;
  }

  /** Ignore the calls recorded so far (set-up work that is not part of a measured job). */
  sync(): void {
    this.seen = this.calls.log.length;
  }

  readonly now = (): number => {
    const log = this.calls.log;
    if (log.length < this.seen) this.seen = 0; // the counter was reset
    for (; this.seen < log.length; this.seen++) this.ms += latencyOf(log[this.seen]);
    return this.ms;
  };

  advance(ms: number): void {
    this.now();
    this.ms += ms;
  }
}

// ---------------------------------------------------------------------------------------------
// A world: one fake Apps Script with a control spreadsheet of `units` units

export interface World {
  fake: GasFake;
  clock: SimClock;
  env: Env;
  controlId: string;
  units: SyntheticUnit[];
  rubric: Rubric;
  criteria: number;
}

export function newWorld(unitCount: number, criteria: number): World {
  const fake = createGasFake({ user: ADMIN });
  const units = syntheticUnits(unitCount, criteria);
  const sheets = syntheticControlSheets(units, criteria);
  // `Đơn vị` first: the fake sizes the first sheet from `rows` (the others get 1,000 rows).
  const ordered = [...sheets.filter((s) => s.name === SHEETS.units), ...sheets.filter((s) => s.name !== SHEETS.units)];
  const view = fake.createSpreadsheet('Bảng điều khiển DVCQ (benchmark)', {
    active: true,
    rows: unitCount + 100,
    sheets: Object.fromEntries(ordered.map((s) => [s.name, s.grid])),
  });
  const clock = new SimClock(fake.calls);
  const env = makeEnv(fake, { clock: clock.now, budgetMs: CHUNK_STOP_MS });
  return { fake, clock, env, controlId: view.id, units, rubric: syntheticRubric(criteria), criteria };
}

// ---------------------------------------------------------------------------------------------
// Running and measuring

export interface Measured {
  calls: CallSnapshot;
  /** Simulated milliseconds under the latency model. */
  simulatedMs: number;
  /** Real milliseconds spent on the fake (CPU of this process). */
  cpuMs: number;
}

export interface JobRun extends Measured {
  step: AdminStepKey;
  chunks: number;
  /** Simulated length of each execution (what Apps Script's 6-minute limit applies to). */
  chunkMs: number[];
  /** Units done (cumulative, as the job reports them) after each execution. */
  doneAfter: number[];
  /** Units reported with a problem by the job (e.g. sharing failed). */
  unitErrors: string[];
  message: string;
  /** The job stopped with an error (the message the admin would read); null when it finished. */
  error: string | null;
}

/** Measures `fn` on the world's counter (reset first) and simulated clock. */
export function measure<T>(w: World, fn: () => T): { value: T } & Measured {
  w.fake.calls.reset();
  w.clock.sync();
  const s0 = w.clock.now();
  const t0 = performance.now();
  const value = fn();
  const cpuMs = performance.now() - t0;
  const simulatedMs = w.clock.now() - s0;
  return { value, calls: w.fake.calls.snapshot(), simulatedMs, cpuMs };
}

/** Runs an admin step to the end, one chunk (one Apps Script execution) at a time. */
export function runJob(w: World, step: AdminStepKey, maxChunks = 1000): JobRun {
  const chunkMs: number[] = [];
  const doneAfter: number[] = [];
  const unitErrors: string[] = [];
  let last: JobChunk | null = null;
  let error: string | null = null;
  const m = measure(w, () => {
    let cursor: string | null = null;
    for (;;) {
      w.clock.advance(LIMITS.chunkOverheadMs); // the sidebar's google.script.run round trip
      const start = w.clock.now();
      const chunk: JobChunk = adminRun(w.env, step, cursor);
      w.fake.endExecution();
      chunkMs.push(w.clock.now() - start);
      doneAfter.push(chunk.done);
      last = chunk;
      const fatal = chunk.errors.find((e) => !e.unit);
      if (fatal) {
        error = fatal.message;
        return;
      }
      unitErrors.push(...chunk.errors.map((e) => e.message));
      if (chunk.finished) return;
      if (chunkMs.length >= maxChunks) {
        error = `not finished after ${maxChunks} chunks`;
        return;
      }
      cursor = chunk.cursor;
    }
  });
  return { step, chunks: chunkMs.length, chunkMs, doneAfter, unitErrors, message: (last as JobChunk | null)?.message ?? '', error, ...m };
}

/** The Drive record of each unit's file, as the add-on stored it. */
export function fileRecords(w: World): Record<string, FileRecord> {
  const props = w.fake.properties.document(w.controlId);
  const out: Record<string, FileRecord> = {};
  for (const u of w.units) {
    const raw = props.get(KEYS.file(BENCH_YEAR, u.code));
    const r = decodeFileRecord(raw ?? null);
    if (r) out[u.code] = r;
  }
  return out;
}

/**
 * Types every unit's scores into its file (one setValues over the input columns, keeping the
 * parents' formulas) and records the submission, as the scorer sidebar would. Not measured.
 */
export function fillScores(w: World): void {
  const records = fileRecords(w);
  w.units.forEach((u, i) => {
    const rec = records[u.code];
    if (!rec) throw new Error(`no file for ${u.code}`);
    const ss = w.fake.SpreadsheetApp.openById(rec.id);
    const sheet = ss.getSheetByName(SHEETS.scoring)!;
    const layout = unitSheetLayout(toUnit(u), w.rubric, layoutOptions(w.rubric));
    const first = layout.headerRow + 1;
    const n = w.rubric.criteria.length;
    const range = sheet.getRange(first + 1, layout.cols.self + 1, n, 4);
    const formulas = range.getFormulas();
    const entries = syntheticEntries(w.rubric, i);
    const values = w.rubric.criteria.map((c, r) => {
      const e = entries[c.code];
      const typed = e ? [e.self, e.appraised, e.evidence, e.note] : [null, null, null, null];
      return typed.map((v, k) => formulas[r][k] || (v ?? ''));
    });
    range.setValues(values);
    sheet.getRange(STATUS_CELLS.meta).setValue(STATUS.submitted);
  });
}

/** The control data and the year folder: as the add-on keeps it, and as a DriveApp folder for the naive code. */
function controlOf(w: World): { ss: GSpreadsheet; control: Control; folder: DriveEntry; naiveFolder: GFolder } {
  const data = readControlData(w.env, true);
  const folder = findRootFolder(w.env, new Store(w.env), data.control.settings);
  if (!folder) throw new Error('no year folder: run templates first');
  return { ss: data.ss, control: data.control, folder, naiveFolder: w.fake.DriveApp.getFolderById(folder.id) };
}

function links(w: World): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, r] of Object.entries(fileRecords(w))) out[code] = r.url;
  return out;
}

// ---------------------------------------------------------------------------------------------
// One configuration (units × criteria): every action both ways, and the writes alone.

export const ACTIONS = ['generate', 'collect', 'rank', 'report'] as const;
export type Action = (typeof ACTIONS)[number];
export const WRITES = ['results', 'findings', 'document'] as const;
export type Write = (typeof WRITES)[number];

export interface ConfigResult {
  units: number;
  criteria: number;
  addon: Record<Action, JobRun>;
  /** The 'progress' job right after submission (it locks every submitted file once), and again. */
  firstRead: JobRun;
  reRead: JobRun;
  naive: Record<Action, Measured & { sampled?: { units: number; of: number } }>;
  writes: { addon: Record<Write, Measured>; naive: Record<Write, Measured> };
  /** The add-on's `Kết quả` and the naive ranking agree (code, total, level of every unit). */
  sameResults: boolean;
  cpuMs: number;
}

const opts = (r: Rubric) => layoutOptions(r);
const TODAY = new Date(BENCH_YEAR, 11, 15);

/** `Kết quả` as the add-on left it: code → "total|level". */
function resultsSheet(w: World): Map<string, string> {
  const view = w.fake.spreadsheetById(w.controlId)!;
  if (!view.hasSheet(SHEETS.results)) return new Map();
  const sheet = view.sheet(SHEETS.results).values();
  if (!sheet.length) return new Map();
  const header = sheet[0].map(String);
  const [code, total, level] = ['Mã đơn vị', 'Tổng điểm', 'Xếp loại'].map((h) => header.indexOf(h));
  return new Map(sheet.slice(1).map((r) => [String(r[code]), `${String(r[total])}|${String(r[level])}`]));
}

function sameRanking(addon: Map<string, string>, naive: UnitResult[]): boolean {
  return (
    naive.length === addon.size && naive.every((r) => addon.get(r.code) === `${r.classified ? r.total : ''}|${r.level ?? 'Không xếp loại'}`)
  );
}

export interface AddonRuns {
  world: World;
  runs: Record<Action, JobRun>;
  /**
   * The first job that reads the files after the scorers submitted ('progress' here) also locks
   * each submitted file's inputs, once; the actions measured after it see locked files.
   */
  firstRead: JobRun;
  /** The same 'progress' job again, on files already locked. */
  reRead: JobRun;
  ranking: Map<string, string>;
}

/** The add-on's four actions on a new world: generate, (scores typed and submitted), validate, rank, report. */
export function runAddon(unitCount: number, criteria: number): AddonRuns {
  const w = newWorld(unitCount, criteria);
  const runs = {} as Record<Action, JobRun>;
  runs.generate = runJob(w, 'templates');
  fillScores(w);
  const firstRead = runJob(w, 'progress');
  const reRead = runJob(w, 'progress');
  runs.collect = runJob(w, 'validate');
  runs.rank = runJob(w, 'rank');
  const ranking = resultsSheet(w);
  runs.report = runJob(w, 'report');
  return { world: w, runs, firstRead, reRead, ranking };
}

/**
 * Measures one configuration. `naiveGenerateSample`: generate the naive way only for this many
 * units (the rest of the add-on's measurements always cover every unit).
 */
export function runConfig(unitCount: number, criteria: number, naiveGenerateSample = unitCount): ConfigResult {
  const t0 = performance.now();
  const { world: w, runs: addon, firstRead, reRead, ranking } = runAddon(unitCount, criteria);

  const { ss, control, folder, naiveFolder } = controlOf(w);
  const unitLinks = links(w);
  const naive = {} as ConfigResult['naive'];
  const collected = measure(w, () => naiveCollect(w.fake, ss, control, unitLinks, opts));
  naive.collect = collected;
  const ranked = measure(w, () => naiveRank(w.fake, ss, control, unitLinks, opts));
  naive.rank = ranked;
  naive.report = measure(w, () => naiveReportAction(w.fake, ss, control, unitLinks, opts, naiveFolder, TODAY));
  const results = ranked.value;
  const findings: Finding[] = collected.value;
  const sameResults = sameRanking(ranking, results);

  // The writes alone, on the same data.
  const assessment = assessAll(control, naiveReadAllUncounted(w, control, unitLinks));
  const store = new Store(w.env);
  const docInput = {
    settings: control.settings,
    results: assessment.results,
    summary: assessment.summary,
    narrative: control.narrative,
    previous: control.previous,
    submitted: control.units.length,
    today: new Date(2024, 11, 1),
  };
  const levels = control.settings.scoring.levels;
  // One unmeasured run of each add-on writer first: every measured write is a re-run (previous
  // sheet content, chart, document and template present), whatever happened before.
  writeResultsSheet(w.fake, ss, results, levels);
  writeFindingsSheet(ss, findings, control.units);
  writeDocument(w.env, store, 'report', docInput, folder);
  const writes: ConfigResult['writes'] = {
    addon: {
      results: measure(w, () => writeResultsSheet(w.fake, ss, results, levels)),
      findings: measure(w, () => writeFindingsSheet(ss, findings, control.units)),
      document: measure(w, () => writeDocument(w.env, store, 'report', docInput, folder)),
    },
    naive: {
      results: measure(w, () => naiveWriteResults(ss, results)),
      findings: measure(w, () => naiveAppendRows(ss.getSheetByName(SHEETS.findings)!, findingsGrid(findings, control.units))),
      document: measure(w, () =>
        naiveReport(w.fake, naiveFolder, 'Báo cáo (cách làm thông thường)', buildReportModel({ ...docInput, today: TODAY })),
      ),
    },
  };

  // Naive generation in a world of its own (same control, no add-on files).
  const g = newWorld(unitCount, criteria);
  const gc = readControlData(g.env).control;
  const root = g.fake.DriveApp.getRootFolder().createFolder(`Dân vận chính quyền ${BENCH_YEAR}`);
  const sample = Math.min(unitCount, Math.max(1, naiveGenerateSample));
  naive.generate = {
    ...measure(g, () =>
      naiveGenerate(g.fake, g.fake.SpreadsheetApp.getActiveSpreadsheet(), root, gc.units.slice(0, sample), gc.rubrics, opts(g.rubric)),
    ),
    ...(sample < unitCount ? { sampled: { units: sample, of: unitCount } } : {}),
  };
  return { units: unitCount, criteria, addon, firstRead, reRead, naive, writes, sameResults, cpuMs: performance.now() - t0 };
}

/** The sources of every unit, read through the fake's inspector (not counted: set-up work). */
function naiveReadAllUncounted(w: World, control: Control, unitLinks: Record<string, string>): Record<string, UnitSource> {
  const records = fileRecords(w);
  const out: Record<string, UnitSource> = {};
  for (const u of control.units) {
    const r = records[u.code];
    const view = r && w.fake.spreadsheetById(r.id);
    if (view) out[u.code] = { grid: view.sheet(SHEETS.scoring).values() as Grid, link: unitLinks[u.code] };
  }
  return out;
}
