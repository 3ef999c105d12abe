// Keeps the benchmark (bench/, `npm run bench`) from rotting: its pure parts and one small
// measurement on the fake, at tiny sizes. The budgets themselves are checked by `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chunkPlan, creations, kindOf, LATENCY_MS, LIMITS, projectMs } from '../../bench/latency-model';
import { formatInt, formatMs, formatPerUnit, formatRatio, formatTable, median, replaceReadmeSection, writeJson } from '../../bench/output';
import { rubricIdFor, scoredGrid, syntheticEntries, syntheticRubric, syntheticRubricRows, syntheticUnits } from '../../bench/synthetic';
import { coreThroughput } from '../../bench/core-throughput';
import { runAddon, runConfig, SimClock } from '../../bench/gas-bench';
import {
  addonFit,
  callsTable,
  checks,
  fit,
  fitTable,
  GasSweep,
  naiveFit,
  projections,
  projectionTable,
  quotaTable,
  quotaUse,
  writesTable,
} from '../../bench/summary';
import { readmeSection } from '../../bench/readme';
import { LINEAR_TOLERANCE, PEAK_BUDGET_MB, SCALE_COMMANDS, ScaleResult, scaleChecks, scaleTable } from '../../bench/scale';
import { createGasFake } from '../fakes/gas';
import { measureState, stateChecks, stateTable } from '../../bench/state-size';

describe('latency model', () => {
  it('classifies the calls the add-on and the naive versions make', () => {
    expect(kindOf('SpreadsheetApp.create')).toBe('spreadsheet.create');
    expect(kindOf('DocumentApp.create')).toBe('doc.create');
    expect(kindOf('SpreadsheetApp.openById')).toBe('spreadsheet.open');
    expect(kindOf('DocumentApp.openById')).toBe('doc.open');
    expect(kindOf('File.makeCopy')).toBe('drive.copy');
    expect(kindOf('File.addEditor')).toBe('share');
    expect(kindOf('Protection.addEditor')).toBe('protect');
    expect(kindOf('Range.getValues')).toBe('range.read');
    expect(kindOf('Range.getValue')).toBe('cell.read');
    expect(kindOf('Range.setValues')).toBe('range.write');
    expect(kindOf('Range.setValue')).toBe('cell.write');
    expect(kindOf('Sheet.appendRow')).toBe('row.append');
    expect(kindOf('Range.setBackground')).toBe('format');
    expect(kindOf('DataValidationBuilder.requireNumberBetween')).toBe('local');
    expect(kindOf('ConditionalFormatRuleBuilder.setBackground')).toBe('local');
    expect(kindOf('Body.insertTable')).toBe('doc.edit');
    expect(kindOf('Properties.setProperty')).toBe('properties');
    expect(kindOf('Lock.waitLock')).toBe('lock');
    expect(kindOf('File.getId')).toBe('metadata');
    expect(kindOf('Folder.createFolder')).toBe('drive');
    expect(kindOf('Nothing.weird')).toBe('other');
  });

  it('projects milliseconds from counted calls', () => {
    const p = projectMs({ 'File.makeCopy': 2, 'Range.setValues': 3, 'Nothing.weird': 1 });
    expect(p.ms).toBe(2 * LATENCY_MS['drive.copy'] + 3 * LATENCY_MS['range.write'] + LATENCY_MS.other);
    expect(p.byKind).toEqual({ 'drive.copy': 2, 'range.write': 3, other: 1 });
    expect(p.unclassified).toEqual(['Nothing.weird']);
    expect(creations({ 'SpreadsheetApp.create': 2, 'DocumentApp.create': 1, 'Properties.setProperty': 4 })).toEqual({
      spreadsheets: 2,
      documents: 1,
      properties: 4,
    });
  });

  it('plans resumable chunks that stop at the chunk budget', () => {
    const plan = chunkPlan(1000, 0, 270_000, { district: 31, province: 1000 });
    const start = LIMITS.chunkOverheadMs;
    expect(plan.unitsPerExecution).toBe(Math.ceil((270_000 - start) / 1000));
    expect(plan.districtChunks).toBe(1);
    expect(plan.provinceChunks).toBe(Math.ceil(1000 / plan.unitsPerExecution));
    expect(plan.worstExecutionMs).toBeLessThan(LIMITS.executionMs);
    // A unit longer than the budget still gets one unit per execution.
    expect(chunkPlan(400_000, 0, 270_000).unitsPerExecution).toBe(1);
  });

  it('a simulated clock advances by the latency of each recorded call', () => {
    const fake = createGasFake();
    const clock = new SimClock(fake.calls, 0);
    fake.createSpreadsheet('x', { active: true });
    clock.sync();
    expect(clock.now()).toBe(0);
    fake.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue(1);
    expect(clock.now()).toBe(LATENCY_MS.metadata * 3 + LATENCY_MS['cell.write']);
    clock.advance(1000);
    expect(clock.now()).toBe(LATENCY_MS.metadata * 3 + LATENCY_MS['cell.write'] + 1000);
  });
});

describe('output', () => {
  it('formats tables and numbers', () => {
    const t = formatTable(
      [{ title: 'action' }, { title: 'calls' }],
      [
        ['generate', 1234],
        ['rank', 5],
      ],
    ).split('\n');
    expect(t[0]).toBe('action    calls');
    expect(t[1]).toBe('--------  -----');
    expect(t[2]).toBe('generate  1,234');
    expect(t[3]).toBe('rank          5');
    expect(formatInt(4337005)).toBe('4,337,005');
    expect(formatPerUnit(11.04)).toBe('11.0');
    expect(formatPerUnit(4337)).toBe('4,337');
    expect(formatRatio(27.43)).toBe('27.4×');
    expect(formatRatio(366.2)).toBe('366×');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatMs(250_000)).toBe('4.2 min');
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('writes JSON and replaces only its own README section', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvcq-bench-test-'));
    try {
      const file = writeJson(path.join(dir, 'sub', 'results.json'), { a: 1, b: [2] });
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ a: 1, b: [2] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const readme = '# Title\n\nText.\n';
    const once = replaceReadmeSection(readme, 'first');
    expect(once).toBe('# Title\n\nText.\n\n<!-- bench:start -->\nfirst\n<!-- bench:end -->\n');
    const twice = replaceReadmeSection(`${once}\n## After\n`, 'second');
    expect(twice).toBe('# Title\n\nText.\n\n<!-- bench:start -->\nsecond\n<!-- bench:end -->\n\n## After\n');
    expect(readmeSection('TABLE')).toContain('```text\nTABLE\n```');
  });
});

describe('synthetic data', () => {
  it.each([10, 40, 80])('a rubric of %i criteria: parents with children, a bonus, a penalty, 100 points', (n) => {
    const rows = syntheticRubricRows(n);
    expect(rows).toHaveLength(n);
    const r = syntheticRubric(n);
    expect(r.id).toBe(rubricIdFor(n));
    expect(r.criteria).toHaveLength(n);
    expect(r.maxScore).toBe(100);
    expect(r.criteria.filter((c) => c.kind === 'bonus')).toHaveLength(1);
    expect(r.criteria.filter((c) => c.kind === 'penalty')).toHaveLength(1);
    expect(r.criteria.some((c) => c.children.length > 0)).toBe(true);
  });

  it('is deterministic', () => {
    expect(syntheticUnits(40, 10)).toEqual(syntheticUnits(40, 10));
    expect(new Set(syntheticUnits(40, 10).map((u) => u.group)).size).toBe(2);
    const r = syntheticRubric(10);
    expect(syntheticEntries(r, 3)).toEqual(syntheticEntries(r, 3));
    const [u] = syntheticUnits(1, 10);
    expect(scoredGrid(u, 0, r)).toEqual(scoredGrid(u, 0, r));
  });
});

describe('fit', () => {
  it('recovers fixed, per-unit, per-group and per-chunk calls exactly', () => {
    const calls = (u: number, g: number, k: number) => ({
      total: 50 + 3 * u + 7 * g + 20 * (k - 1),
      byMethod: { 'A.b': 3 * u, 'C.d': 50 + 7 * g + 20 * (k - 1) },
    });
    const points = [
      { units: 10, groups: 1, chunks: 1 },
      { units: 31, groups: 1, chunks: 1 },
      { units: 100, groups: 4, chunks: 2 },
      { units: 1000, groups: 33, chunks: 9 },
    ].map((p) => ({ ...p, calls: calls(p.units, p.groups, p.chunks) }));
    const f = fit(points);
    expect(f.terms).toEqual(['fixed', 'unit', 'group', 'chunk']);
    expect(f.fixed).toBeCloseTo(50, 6);
    expect(f.perUnit).toBeCloseTo(3, 6);
    expect(f.perGroup).toBeCloseTo(7, 6);
    expect(f.perChunk).toBeCloseTo(20, 6);
    expect(f.perUnitByMethod['A.b']).toBeCloseTo(3, 6);
    // Two runs cannot separate four terms: fixed + per unit.
    const two = fit([points[0], points[3]]);
    expect(two.terms).toEqual(['fixed', 'unit']);
  });
});

describe('one small measurement on the fake', () => {
  const sizes = [3, 6];
  const criteria = [10, 14];
  const configs = criteria.flatMap((c) => sizes.map((u) => runConfig(u, c)));
  const districts = Object.fromEntries(criteria.map((c) => [c, runAddon(5, c).runs]));
  const sweep: GasSweep = { unitSizes: sizes, criteriaSizes: criteria, configs, districts };

  it('runs every action to the end, both ways, with the same ranking', () => {
    for (const c of configs) {
      for (const a of ['generate', 'collect', 'rank', 'report'] as const) {
        expect(c.addon[a].error).toBeNull();
        expect(c.addon[a].calls.total).toBeGreaterThan(0);
        expect(c.naive[a].calls.total).toBeGreaterThan(0);
      }
      expect(c.sameResults).toBe(true);
    }
  });

  it('counts the naive way cell by cell', () => {
    const c = configs.find((x) => x.units === 6 && x.criteria === 10)!;
    const leaves = syntheticRubric(10).criteria.filter((k) => !k.children.length).length;
    // Five metadata cells and four input cells per leaf, for every unit.
    expect(c.naive.collect.calls.byMethod['Range.getValue']).toBe(6 * (5 + 4 * leaves));
    expect(c.naive.rank.calls.byMethod['Sheet.appendRow']).toBe(6 + 1);
    expect(c.naive.generate.calls.total).toBeGreaterThan(c.addon.generate.calls.total);
    expect(naiveFit(sweep, 'generate', 14).perUnit).toBeGreaterThan(naiveFit(sweep, 'generate', 10).perUnit);
    expect(addonFit(sweep, 'generate', 10).perUnit).toBeGreaterThan(0);
  });

  it('prints every table and evaluates every check', () => {
    const proj = projections(sweep, 270_000);
    expect(proj).toHaveLength(criteria.length * 4);
    for (const text of [
      callsTable(sweep),
      fitTable(sweep),
      writesTable(sweep),
      projectionTable(proj, 10, 6),
      quotaTable(quotaUse(sweep, 10), 6),
    ]) {
      expect(text.split('\n').length).toBeGreaterThan(2);
    }
    expect(callsTable(sweep)).toContain('generate templates');
    const list = checks({ sweep, projections: proj, stopMs: 270_000, core: coreThroughput(20, 10, 1) });
    expect(list.length).toBeGreaterThan(8);
    for (const c of list) expect(c.detail).not.toBe('');
  });
});

describe('state kept by the add-on (bench/state-size.ts)', () => {
  it('measures the DocumentProperties after three years of templates, old years pruned', () => {
    const s = measureState(12);
    expect(s.years.map((y) => y.year)).toHaveLength(3);
    expect(s.years.every((y) => y.errors === 0)).toBe(true);
    expect(s.years[0].bytesPerUnit).toBeGreaterThan(40);
    expect(s.years[0].bytesPerUnit).toBeLessThan(125);
    expect(stateChecks(s).map((c) => [c.name, c.ok])).toEqual(stateChecks(s).map((c) => [c.name, true]));
    expect(stateTable(s)).toMatch(/1,000 units × 3 years: [\d,]+ bytes/);
  });
});

describe('offline at scale (pure parts)', () => {
  const run = (cpuMs: number, peakMb: number) => ({ ms: 2 * cpuMs, cpuMs, peakMb, code: 0 });
  const at = (units: number, perUnitMs: number, peakMb: number): ScaleResult => ({
    units,
    criteria: 40,
    fillMs: 0,
    ok: true,
    runs: Object.fromEntries(SCALE_COMMANDS.map((c) => [c, run(units * perUnitMs, peakMb)])),
  });

  it('tabulates time, time per unit and peak memory, and how they grow', () => {
    const lines = scaleTable([at(5000, 12, 340), at(1000, 10, 220)]).split('\n');
    expect(lines[0]).toContain('1,000 units');
    expect(lines[0].indexOf('1,000 units')).toBeLessThan(lines[0].indexOf('5,000 units'));
    const validate = lines.find((l) => l.startsWith('validate'))!;
    expect(validate).toContain('20.0 s, 10.0 s, 10.0 ms, 220 MB');
    expect(validate).toContain('120.0 s, 60.0 s, 12.0 ms, 340 MB');
    expect(validate).toContain('30 MB'); // (340 − 220) / 4 per 1,000 units
    expect(validate).toContain('1.20×');
  });

  it('fails a peak above the budget, a failed run, and time per unit that grows', () => {
    expect(scaleChecks([at(1000, 10, 220), at(5000, 12, 340)]).every((c) => c.ok)).toBe(true);
    const heavy = at(5000, 12, PEAK_BUDGET_MB + 1);
    expect(scaleChecks([at(1000, 10, 220), heavy]).map((c) => c.ok)).toEqual([false, true]);
    expect(scaleChecks([at(1000, 10, 220), at(5000, 10 * LINEAR_TOLERANCE + 1, 340)]).map((c) => c.ok)).toEqual([true, false]);
    const broken = { ...at(5000, 12, 340), ok: false, error: 'validate: exit 134' };
    expect(
      scaleChecks([at(1000, 10, 220), broken])
        .filter((c) => !c.ok)
        .map((c) => c.detail),
    ).toContain('validate: exit 134');
  });
});
