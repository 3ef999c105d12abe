// Service calls of the add-on's batched operations, measured on the fake (no jest needed, so the
// benchmark can reuse it): per unit for generating and collecting (marginal cost between two
// runs of different sizes), and whole calls for writing the ranking and the report.
import { createGasFake, CallSnapshot, GasFake } from '../fakes/gas';
import { makeEnv, Env } from '../../src/gas/env';
import { setupControl } from '../../src/gas/setup';
import { runTemplatesChunk } from '../../src/gas/jobs/templates';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { readControlData } from '../../src/gas/control-io';
import { writeFindingsSheet, writeResultsSheet } from '../../src/gas/output-sheets';
import { assessAll } from '../../src/core/assess';
import { defaultRubricRows, DEFAULT_RUBRIC_IDS } from '../../src/core/default-rubrics';
import { CRITERIA_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { tableGrid } from '../../src/core/table';
import type { CriterionRow } from '../../src/core/types';

export interface MeasureOptions {
  /** Units of the smaller run (default 4); the larger run has twice as many. */
  units?: number;
  /** 1 = the default commune rubric; 2 = a rubric twice as long (every criterion duplicated). */
  criteriaFactor?: number;
}

export interface Cost {
  /** Calls of the smaller run, of the larger run. */
  small: number;
  large: number;
  /** Marginal calls per unit: (large − small) / (units added). */
  perUnit: number;
  /** What does not depend on the number of units: small − units × perUnit. */
  fixed: number;
  /** Marginal calls per unit, by 'Class.method'. */
  perUnitByMethod: Record<string, number>;
}

export interface CallMeasure {
  units: number;
  criteria: number;
  /** Creating the unit files (first run: includes the master spreadsheet and the folders). */
  generate: Cost;
  /** Reading every unit file (the 'progress' step: collect + write `Trạng thái`). */
  collect: Cost;
  /** Writing `Kết quả` (formatted, chart) and `Kiểm tra`: small run, large run. */
  rankWrite: { small: number; large: number };
  /** Writing the report document (default template already created): small run, large run. */
  report: { small: number; large: number; insertTable: number };
}

const RUBRIC = DEFAULT_RUBRIC_IDS.commune;

/** The commune rubric, optionally with every criterion duplicated (codes suffixed "b"). */
export function rubricRows(factor = 1): CriterionRow[] {
  const base = defaultRubricRows().filter((r) => r.rubricId === RUBRIC);
  const out = [...base];
  for (let k = 2; k <= factor; k++) {
    const suffix = String.fromCharCode(96 + k); // b, c…
    for (const r of base) {
      out.push({ ...r, code: `${String(r.code)}${suffix}`, parent: r.parent ? `${String(r.parent)}${suffix}` : '' });
    }
  }
  return out;
}

interface Run {
  fake: GasFake;
  env: Env;
}

export function world(units: number, factor: number): Run {
  const fake = createGasFake({ user: 'do@example.gov.vn', now: () => new Date(2024, 11, 10, 9, 0) });
  const ss = fake.createSpreadsheet('Bảng điều khiển (đo)', { active: true });
  const env = makeEnv(fake, { clock: () => new Date(2024, 11, 10, 9, 0).getTime() });
  setupControl(env);
  const view = fake.spreadsheetById(ss.id)!;
  const criteria = tableGrid(CRITERIA_COLUMNS, rubricRows(factor));
  view.sheet(SHEETS.criteria).set('A1', criteria);
  const rows = Array.from({ length: units }, (_, i) => ({
    code: `U${String(i + 1).padStart(3, '0')}`,
    name: `Xã Thử ${i + 1}`,
    type: 'xã',
    group: i % 2 ? 'Cụm 2' : 'Cụm 1',
    rubricId: RUBRIC,
    email: `u${i + 1}@example.gov.vn`,
  }));
  view.sheet(SHEETS.units).set('A1', tableGrid(UNIT_COLUMNS, rows));
  fake.calls.reset();
  return { fake, env };
}

function measureRun(run: Run, fn: () => void): CallSnapshot {
  const before = run.fake.calls.snapshot();
  fn();
  return run.fake.calls.since(before);
}

function marginal(small: CallSnapshot, large: CallSnapshot, added: number, units: number): Cost {
  const perUnit = (large.total - small.total) / added;
  const perUnitByMethod: Record<string, number> = {};
  for (const k of new Set([...Object.keys(small.byMethod), ...Object.keys(large.byMethod)])) {
    const d = ((large.byMethod[k] ?? 0) - (small.byMethod[k] ?? 0)) / added;
    if (d) perUnitByMethod[k] = d;
  }
  return { small: small.total, large: large.total, perUnit, fixed: small.total - units * perUnit, perUnitByMethod };
}

function runJob(run: Run, job: (cursor: string | null) => { finished: boolean; cursor: string | null }): void {
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const c = job(cursor);
    if (c.finished) return;
    cursor = c.cursor;
  }
  throw new Error('job did not finish');
}

/** Measure the calls of generating, collecting, writing the ranking and the report. */
export function measureCalls(opts: MeasureOptions = {}): CallMeasure {
  const n = opts.units ?? 4;
  const factor = opts.criteriaFactor ?? 1;
  const small = world(n, factor);
  const large = world(2 * n, factor);

  const gen = [small, large].map((r) => measureRun(r, () => runJob(r, (c) => runTemplatesChunk(r.env, c))));
  const col = [small, large].map((r) => measureRun(r, () => runJob(r, (c) => runAssessChunk(r.env, 'progress', c))));

  const rankWrite = [small, large].map((r) => {
    const { ss, control } = readControlData(r.env);
    const a = assessAll(control, {});
    return measureRun(r, () => {
      writeResultsSheet(r.env.gas, ss, a.results, control.settings.scoring.levels);
      writeFindingsSheet(ss, a.findings, control.units);
    }).total;
  });

  // The report: a first run creates the default template; the second run is measured, and only
  // the document part of it (Drive and Docs calls), since the ranking before it is measured above.
  const report = [small, large].map((r) => {
    runJob(r, (c) => runAssessChunk(r.env, 'report', c));
    const s = measureRun(r, () => runJob(r, (c) => runAssessChunk(r.env, 'report', c)));
    const docCalls = Object.entries(s.byMethod)
      .filter(([k]) => /^(DocumentApp|Document|Body|Paragraph|Text|Table|TableRow|TableCell|RangeElement|Files|Permissions)\./.test(k))
      .reduce((a, [, v]) => a + v, 0);
    return { total: docCalls, insertTable: s.byMethod['Body.insertTable'] ?? 0 };
  });

  const criteria = rubricRows(factor).length;
  return {
    units: n,
    criteria,
    generate: marginal(gen[0], gen[1], n, n),
    collect: marginal(col[0], col[1], n, n),
    rankWrite: { small: rankWrite[0], large: rankWrite[1] },
    report: { small: report[0].total, large: report[1].total, insertTable: report[0].insertTable },
  };
}

/** One line per measure, for test output and the benchmark. */
export function describeMeasure(m: CallMeasure): string {
  const top = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}×${v}`)
      .join(', ');
  return [
    `${m.criteria} tiêu chí, ${m.units}/${2 * m.units} đơn vị:`,
    `  tạo biểu mẫu: ${m.generate.perUnit} lệnh/đơn vị (+ ${m.generate.fixed} cố định) — ${top(m.generate.perUnitByMethod)}`,
    `  thu thập điểm: ${m.collect.perUnit} lệnh/đơn vị (+ ${m.collect.fixed} cố định) — ${top(m.collect.perUnitByMethod)}`,
    `  ghi Kết quả + Kiểm tra: ${m.rankWrite.small} / ${m.rankWrite.large} lệnh`,
    `  ghi báo cáo: ${m.report.small} / ${m.report.large} lệnh (insertTable ×${m.report.insertTable})`,
  ].join('\n');
}
