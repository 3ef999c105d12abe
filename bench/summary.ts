// From measurements to the printed tables, the projections and the budget checks. Pure: no fake,
// no clock, no I/O, so the test can feed it small measurements.
import type { CallSnapshot } from '../test/fakes/gas';
import { ACTIONS, Action, ConfigResult, JobRun, Measured, Write, WRITES } from './gas-bench';
import {
  CallCounts,
  chunkPlan,
  creations,
  DAILY_QUOTAS,
  DISTRICT_UNITS,
  LATENCY_MS,
  LIMITS,
  projectMs,
  PROVINCE_UNITS,
} from './latency-model';
import { check, Check, formatInt, formatMs, formatPercent, formatPerUnit, formatRatio, formatTable } from './output';
import type { CoreResult } from './core-throughput';
import { UNITS_PER_GROUP } from './synthetic';
import { layoutPlaceholders, reportLayout } from '../src/core/doc-layout';
import type { DemoResult, TemplatesResult } from './offline';

export const BUDGETS = {
  /** DESIGN §6 said 12; + 3 for each unit file's two protections set and checked explicitly (issue 10, item 5). */
  generatePerUnit: 15,
  collectPerUnit: 3,
  /** "Constant": calls may differ by this much between sizes (first-run effects such as a chart to remove). */
  constantSlack: 2,
  /** Calls per unit that count as "the same" across rubric sizes. */
  perUnitSlack: 0.25,
  coreMs: 2000,
  demoMs: 15000,
  minRatioAt40: 20,
} as const;

export const ACTION_LABEL: Record<Action, string> = {
  generate: 'generate templates',
  collect: 'collect + validate',
  rank: 'rank',
  report: 'report',
};
export const WRITE_LABEL: Record<Write, string> = {
  results: 'write Kết quả (ranking)',
  findings: 'write Kiểm tra (findings)',
  document: 'write the report document',
};

export interface GasSweep {
  unitSizes: number[];
  criteriaSizes: number[];
  configs: ConfigResult[];
  /** The add-on's jobs for a district (31 units), by number of criteria. */
  districts: Record<number, Record<Action, JobRun>>;
}

type NaiveMeasured = ConfigResult['naive'][Action];

/** Units an action was measured on (a sampled naive generation covers fewer units). */
export function measuredUnits(m: Measured & { sampled?: { units: number } }, units: number): number {
  return m.sampled?.units ?? units;
}

/** Measured calls divided by the units they were measured on. */
export function perUnit(m: Measured & { sampled?: { units: number } }, units: number): number {
  return m.calls.total / measuredUnits(m, units);
}

/**
 * Calls of an action as fixed + perUnit × units + perGroup × group folders + perChunk × resumed
 * executions (chunks after the first), a least-squares fit through the runs that finished (exact
 * when there are as many runs as terms). A term the runs cannot tell apart from the others (e.g.
 * one chunk everywhere) is left out (reported as 0) and its calls land in the remaining terms.
 */
export interface Fit {
  fixed: number;
  perUnit: number;
  perGroup: number;
  perChunk: number;
  fixedByMethod: CallCounts;
  perUnitByMethod: CallCounts;
  perGroupByMethod: CallCounts;
  perChunkByMethod: CallCounts;
  /** The terms actually fitted. */
  terms: Term[];
}

export type Term = 'fixed' | 'unit' | 'group' | 'chunk';
export interface Point {
  units: number;
  groups: number;
  chunks: number;
  calls: CallSnapshot;
}

const termValue = (p: Point, t: Term) => (t === 'fixed' ? 1 : t === 'unit' ? p.units : t === 'group' ? p.groups : p.chunks - 1);

/** Solves A x = b (Gaussian elimination, partial pivoting); null when singular. */
function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    const scale = Math.max(1, ...m.map((row) => Math.abs(row[c])));
    if (Math.abs(m[pivot][c]) < 1e-9 * scale) return null;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** Least squares over `terms`; null when the runs cannot separate them. */
function leastSquares(points: Point[], terms: Term[], value: (p: Point) => number): number[] | null {
  if (points.length < terms.length) return null;
  const ata = terms.map((t) => terms.map((u) => points.reduce((s, p) => s + termValue(p, t) * termValue(p, u), 0)));
  const atb = terms.map((t) => points.reduce((s, p) => s + termValue(p, t) * value(p), 0));
  return solveLinear(ata, atb);
}

const TERM_SETS: Term[][] = [
  ['fixed', 'unit', 'group', 'chunk'],
  ['fixed', 'unit', 'group'],
  ['fixed', 'unit', 'chunk'],
  ['fixed', 'unit'],
];

export function fit(points: Point[], allowed: Term[] = ['fixed', 'unit', 'group', 'chunk']): Fit {
  const total = (p: Point) => p.calls.total;
  let terms: Term[] = ['fixed', 'unit'];
  let x: number[] | null = null;
  for (const set of TERM_SETS) {
    if (!set.every((t) => allowed.includes(t))) continue;
    x = leastSquares(points, set, total);
    if (x) {
      terms = set;
      break;
    }
  }
  const coef = (xs: number[] | null, t: Term) => {
    const i = terms.indexOf(t);
    return xs && i >= 0 ? xs[i] : 0;
  };
  const out: Fit = {
    fixed: coef(x, 'fixed'),
    perUnit: coef(x, 'unit'),
    perGroup: coef(x, 'group'),
    perChunk: coef(x, 'chunk'),
    fixedByMethod: {},
    perUnitByMethod: {},
    perGroupByMethod: {},
    perChunkByMethod: {},
    terms,
  };
  const names = new Set(points.flatMap((p) => Object.keys(p.calls.byMethod)));
  for (const k of names) {
    const xs = leastSquares(points, terms, (p) => p.calls.byMethod[k] ?? 0);
    const put = (o: CallCounts, t: Term) => {
      const v = coef(xs, t);
      if (Math.abs(v) > 1e-6) o[k] = v;
    };
    put(out.fixedByMethod, 'fixed');
    put(out.perUnitByMethod, 'unit');
    put(out.perGroupByMethod, 'group');
    put(out.perChunkByMethod, 'chunk');
  }
  return out;
}

/** Only the positive counts (a projection cannot price negative calls). */
const positive = (c: CallCounts): CallCounts => Object.fromEntries(Object.entries(c).filter(([, v]) => v > 0));

export function config(s: GasSweep, units: number, criteria: number): ConfigResult {
  const c = s.configs.find((x) => x.units === units && x.criteria === criteria);
  if (!c) throw new Error(`no measurement for ${units} units × ${criteria} criteria`);
  return c;
}

const largest = (s: GasSweep) => Math.max(...s.unitSizes);

const groupsOf = (units: number) => Math.ceil(units / UNITS_PER_GROUP);

/** The add-on's runs of an action: every measured size, and the district run when there is one. */
export function addonPoints(s: GasSweep, action: Action, criteria: number): Point[] {
  const points: Point[] = [];
  for (const u of s.unitSizes) {
    const run = config(s, u, criteria).addon[action];
    if (!run.error) points.push({ units: u, groups: groupsOf(u), chunks: run.chunks, calls: run.calls });
  }
  const d = s.districts[criteria]?.[action];
  if (d && !d.error && !s.unitSizes.includes(DISTRICT_UNITS))
    points.push({ units: DISTRICT_UNITS, groups: groupsOf(DISTRICT_UNITS), chunks: d.chunks, calls: d.calls });
  return points;
}

export function addonFit(s: GasSweep, action: Action, criteria: number): Fit {
  return fit(addonPoints(s, action, criteria));
}

/** The naive versions run in one go, with a folder lookup per unit: fixed + per unit. */
export function naiveFit(s: GasSweep, action: Action, criteria: number): Fit {
  return fit(
    s.unitSizes.map((u) => {
      const m: NaiveMeasured = config(s, u, criteria).naive[action];
      const n = measuredUnits(m, u);
      return { units: n, groups: groupsOf(n), chunks: 1, calls: m.calls };
    }),
    ['fixed', 'unit'],
  );
}

/** naive ÷ add-on calls per unit, for one configuration. */
export function ratio(c: ConfigResult, action: Action): number {
  return perUnit(c.naive[action], c.units) / perUnit(c.addon[action], c.units);
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Section 1: calls per unit, add-on / naive (ratio), for every action, rubric and province size. */
export function callsTable(s: GasSweep): string {
  const rows: string[][] = [];
  for (const action of ACTIONS) {
    for (const criteria of s.criteriaSizes) {
      const cells = s.unitSizes.map((u) => {
        const c = config(s, u, criteria);
        const err = c.addon[action].error ? ' (error)' : '';
        const sampled = c.naive[action].sampled ? '*' : '';
        return `${formatPerUnit(perUnit(c.addon[action], u))}${err} / ${formatPerUnit(perUnit(c.naive[action], u))}${sampled} (${formatRatio(ratio(c, action))})`;
      });
      rows.push([ACTION_LABEL[action], String(criteria), ...cells]);
    }
  }
  return formatTable(
    [
      { title: 'action' },
      { title: 'criteria', align: 'right' },
      ...s.unitSizes.map((u) => ({ title: `${formatInt(u)} units: add-on / naive (×)`, align: 'right' as const })),
    ],
    rows,
  );
}

/** Section 2: the fit — fixed calls, calls per execution (chunk) and per unit — and the totals. */
export function fitTable(s: GasSweep): string {
  const rows: Array<Array<string | number>> = [];
  const big = largest(s);
  for (const action of ACTIONS) {
    for (const criteria of s.criteriaSizes) {
      const a = addonFit(s, action, criteria);
      const n = naiveFit(s, action, criteria);
      const c = config(s, big, criteria);
      const term = (v: number, t: Term) => (a.terms.includes(t) ? v.toFixed(1) : '—');
      rows.push([
        ACTION_LABEL[action],
        String(criteria),
        formatInt(a.fixed),
        term(a.perChunk, 'chunk'),
        term(a.perGroup, 'group'),
        a.perUnit.toFixed(2),
        formatPerUnit(n.perUnit),
        formatInt(c.addon[action].calls.total),
        String(c.addon[action].chunks),
        formatInt(c.naive[action].calls.total) + (c.naive[action].sampled ? '*' : ''),
        formatRatio(ratio(c, action)),
      ]);
    }
  }
  return formatTable(
    [
      { title: 'action' },
      { title: 'criteria', align: 'right' },
      { title: 'add-on fixed', align: 'right' },
      { title: 'per extra chunk', align: 'right' },
      { title: 'per group', align: 'right' },
      { title: 'per unit', align: 'right' },
      { title: 'naive per unit', align: 'right' },
      { title: `add-on total (${formatInt(big)} u.)`, align: 'right' },
      { title: 'chunks', align: 'right' },
      { title: `naive total (${formatInt(big)} u.)`, align: 'right' },
      { title: 'ratio', align: 'right' },
    ],
    rows,
  );
}

/** Section 3: the writes alone (same data, written by the add-on's writer and the naive one). */
export function writesTable(s: GasSweep): string {
  const rows: string[][] = [];
  for (const write of WRITES) {
    for (const criteria of s.criteriaSizes) {
      rows.push([
        WRITE_LABEL[write],
        String(criteria),
        ...s.unitSizes.map((u) => {
          const c = config(s, u, criteria);
          return `${formatInt(c.writes.addon[write].calls.total)} / ${formatInt(c.writes.naive[write].calls.total)}`;
        }),
      ]);
    }
  }
  return formatTable(
    [
      { title: 'write' },
      { title: 'criteria', align: 'right' },
      ...s.unitSizes.map((u) => ({ title: `${formatInt(u)} units: add-on / naive`, align: 'right' as const })),
    ],
    rows,
  );
}

export interface Projection {
  action: Action;
  criteria: number;
  addonPerUnitMs: number;
  addonFixedMs: number;
  /** Measured by running the job on the fake with the simulated clock. */
  unitsPerExecution: number;
  districtChunks: number;
  provinceChunks: number;
  longestExecutionMs: number;
  provinceMs: number;
  districtMs: number;
  /** The same from the formula (latency-model.ts chunkPlan), as a cross-check. */
  plannedUnitsPerExecution: number;
  naivePerUnitMs: number;
  naiveFixedMs: number;
  /** Units a naive script handles before Apps Script kills it at 6 minutes (it cannot resume). */
  naiveUnitsBeforeKill: number;
  naiveProvinceMs: number;
  errors: string[];
}

function unitsPerExecution(run: JobRun): number {
  let best = 0;
  run.doneAfter.forEach((d, i) => (best = Math.max(best, d - (i ? run.doneAfter[i - 1] : 0))));
  return best;
}

export function projections(s: GasSweep, stopMs: number): Projection[] {
  const out: Projection[] = [];
  const big = largest(s);
  for (const criteria of s.criteriaSizes) {
    for (const action of ACTIONS) {
      const a = addonFit(s, action, criteria);
      const n = naiveFit(s, action, criteria);
      const province = config(s, big, criteria).addon[action];
      const district = s.districts[criteria]?.[action];
      // A group folder's own calls, spread over the units of a group.
      const perMs = projectMs(positive(a.perUnitByMethod)).ms + projectMs(positive(a.perGroupByMethod)).ms / UNITS_PER_GROUP;
      // What every execution pays before its units (control read, cursor, scratch): the cost of a resumed chunk.
      const fixedMs = a.terms.includes('chunk') ? projectMs(positive(a.perChunkByMethod)).ms : projectMs(positive(a.fixedByMethod)).ms;
      const naivePer = projectMs(positive(n.perUnitByMethod)).ms;
      const naiveFixed = projectMs(positive(n.fixedByMethod)).ms;
      const errors = [province.error, district?.error].filter((e): e is string => !!e);
      out.push({
        action,
        criteria,
        addonPerUnitMs: perMs,
        addonFixedMs: fixedMs,
        unitsPerExecution: unitsPerExecution(province),
        districtChunks: district?.chunks ?? NaN,
        provinceChunks: province.chunks,
        longestExecutionMs: Math.max(...province.chunkMs, ...(district?.chunkMs ?? [])),
        provinceMs: province.simulatedMs,
        districtMs: district?.simulatedMs ?? NaN,
        plannedUnitsPerExecution: chunkPlan(perMs, fixedMs, stopMs).unitsPerExecution,
        naivePerUnitMs: naivePer,
        naiveFixedMs: naiveFixed,
        naiveUnitsBeforeKill: Math.max(0, Math.floor((LIMITS.executionMs - naiveFixed) / Math.max(naivePer, 1e-6))),
        naiveProvinceMs: naiveFixed + naivePer * PROVINCE_UNITS,
        errors,
      });
    }
  }
  return out;
}

/** `provinceUnits`: the size the "province" columns were measured at (1,000 in a full run). */
export function projectionTable(ps: Projection[], criteria: number, provinceUnits = PROVINCE_UNITS): string {
  const province = provinceUnits === PROVINCE_UNITS ? `province (${formatInt(PROVINCE_UNITS)})` : `${formatInt(provinceUnits)} units`;
  return formatTable(
    [
      { title: 'action' },
      { title: 'add-on/unit', align: 'right' },
      { title: 'units/exec.', align: 'right' },
      { title: `district (${DISTRICT_UNITS})`, align: 'right' },
      { title: province, align: 'right' },
      { title: 'longest exec.', align: 'right' },
      { title: `${province} time`, align: 'right' },
      { title: 'naive/unit', align: 'right' },
      { title: 'naive units/6 min', align: 'right' },
      { title: `naive ${formatInt(PROVINCE_UNITS)} units`, align: 'right' },
    ],
    ps
      .filter((p) => p.criteria === criteria)
      .map((p) => [
        ACTION_LABEL[p.action] + (p.errors.length ? ' (error)' : ''),
        formatMs(p.addonPerUnitMs),
        formatInt(p.unitsPerExecution),
        `${p.districtChunks} chunk${p.districtChunks === 1 ? '' : 's'}`,
        `${p.provinceChunks} chunk${p.provinceChunks === 1 ? '' : 's'}`,
        formatMs(p.longestExecutionMs),
        formatMs(p.provinceMs),
        formatMs(p.naivePerUnitMs),
        formatInt(p.naiveUnitsBeforeKill),
        formatMs(p.naiveProvinceMs),
      ]),
  );
}

export interface QuotaUse {
  name: string;
  used: number;
  consumer: number;
  workspace: number;
}

/** Daily quotas a province's whole cycle (generate, validate, rank, report) uses. */
export function quotaUse(s: GasSweep, criteria: number): QuotaUse[] {
  const c = config(s, largest(s), criteria);
  const made = (a: Action) => creations(c.addon[a].calls.byMethod);
  const copies = (a: Action) => (c.addon[a].calls.byMethod['Files.copy'] ?? 0) + (c.addon[a].calls.byMethod['File.makeCopy'] ?? 0);
  const props = ACTIONS.reduce((n, a) => n + made(a).properties, 0);
  return [
    {
      name: 'spreadsheets created (generate; a copy counts as one)',
      used: made('generate').spreadsheets + copies('generate'),
      ...DAILY_QUOTAS.spreadsheetsCreated,
    },
    {
      name: 'documents created (report; a copy counts as one)',
      used: made('report').documents + copies('report'),
      ...DAILY_QUOTAS.documentsCreated,
    },
    { name: 'properties read/write (all four actions)', used: props, ...DAILY_QUOTAS.propertiesReadWrite },
  ];
}

export function quotaTable(q: QuotaUse[], units = PROVINCE_UNITS): string {
  const share = (used: number, limit: number) => {
    const days = Math.ceil(used / limit);
    return `${formatPercent((100 * used) / limit)}${days > 1 ? ` (${days} days)` : ''}`;
  };
  return formatTable(
    [
      { title: 'daily quota' },
      { title: `used by ${formatInt(units)} units`, align: 'right' },
      { title: 'consumer/day', align: 'right' },
      { title: 'share', align: 'right' },
      { title: 'Workspace/day', align: 'right' },
      { title: 'share', align: 'right' },
    ],
    q.map((x) => [
      x.name,
      formatInt(x.used),
      formatInt(x.consumer),
      share(x.used, x.consumer),
      formatInt(x.workspace),
      share(x.used, x.workspace),
    ]),
  );
}

/** The latency model as printed (one line). */
export function latencyLine(): string {
  const pick = [
    'spreadsheet.create',
    'drive.create',
    'drive.copy',
    'spreadsheet.open',
    'share',
    'drive',
    'range.read',
    'range.write',
    'cell.read',
    'cell.write',
    'row.append',
    'format',
    'protect',
    'doc.create',
    'doc.edit',
    'properties',
    'lock',
  ] as const;
  return pick.map((k) => `${k} ${LATENCY_MS[k]}`).join(', ') + ' (ms per call; estimates, see bench/latency-model.ts)';
}

/** Calls per unit the first read after submission adds (locking the files), at the largest size. */
export function lockNote(s: GasSweep): string {
  const big = largest(s);
  const parts = s.criteriaSizes.map((c) => {
    const x = config(s, big, c);
    const extra = (x.firstRead.calls.total - x.reRead.calls.total) / big;
    return `${c} criteria: +${extra.toFixed(2)} calls/unit`;
  });
  return `Locking: the first job that reads a submitted file (here 'progress' right after submission, ${formatInt(big)} units) also locks its inputs, once: ${parts.join(', ')} (first run minus a re-run). The figures above are for files already locked.`;
}

// ---------------------------------------------------------------------------------------------
// Checks

const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

export interface Results {
  sweep: GasSweep;
  projections: Projection[];
  core?: CoreResult;
  demo?: DemoResult;
  templates?: TemplatesResult;
  stopMs: number;
}

export function checks(r: Results): Check[] {
  const s = r.sweep;
  const out: Check[] = [];
  const cs = s.criteriaSizes;
  const big = largest(s);

  // Jobs that stopped with an error: one line per action and message, naming the sizes.
  const errors = new Map<string, string[]>();
  for (const c of s.configs) {
    for (const action of ACTIONS) {
      const e = c.addon[action].error;
      if (!e) continue;
      const key = `${action}\u0000${e}`;
      errors.set(key, [...(errors.get(key) ?? []), `${formatInt(c.units)} units × ${c.criteria} criteria`]);
    }
    // The rankings can only be compared when the add-on's ranking finished.
    if (!c.addon.rank.error && !c.sameResults) {
      out.push(
        check(
          `add-on and naive rankings agree (${formatInt(c.units)} units × ${c.criteria} criteria)`,
          false,
          "the add-on's «Kết quả» differs from the naive ranking",
        ),
      );
    }
  }
  for (const [key, where] of errors) {
    const [action, message] = key.split('\u0000');
    out.push(check(`${ACTION_LABEL[action as Action]} runs to the end`, false, `${where.join(', ')}: ${message}`));
  }
  const compared = s.configs.filter((c) => !c.addon.rank.error);
  if (compared.length && compared.every((c) => c.sameResults)) {
    out.push(
      check(
        'add-on and naive rankings agree',
        true,
        `same total and level for every unit in ${compared.length} of ${s.configs.length} runs`,
      ),
    );
  }

  const fitDetail = (f: Fit) =>
    `${f.perUnit.toFixed(2)}${f.terms.includes('group') ? ` (+${f.perGroup.toFixed(1)}/group folder` : ''}${f.terms.includes('chunk') ? `${f.terms.includes('group') ? ', ' : ' (+'}${f.perChunk.toFixed(1)}/extra chunk` : ''}${f.terms.length > 2 ? ')' : ''}`;
  const genFits = cs.map((c) => addonFit(s, 'generate', c));
  const gen = genFits.map((f) => f.perUnit);
  out.push(
    check(
      `generate ≤ ${BUDGETS.generatePerUnit} calls/unit`,
      gen.every((x) => x <= BUDGETS.generatePerUnit + 1e-6),
      cs.map((c, i) => `${c} criteria: ${fitDetail(genFits[i])}`).join('; '),
    ),
  );
  out.push(
    check(
      'generate calls/unit constant in the number of criteria',
      spread(gen) <= BUDGETS.perUnitSlack,
      `spread ${spread(gen).toFixed(2)} calls/unit over ${cs.join('/')} criteria`,
    ),
  );

  const colFits = cs.map((c) => addonFit(s, 'collect', c));
  const col = colFits.map((f) => f.perUnit);
  out.push(
    check(
      `collect ≤ ${BUDGETS.collectPerUnit} calls/unit`,
      col.every((x) => x <= BUDGETS.collectPerUnit + 1e-6),
      cs.map((c, i) => `${c} criteria: ${fitDetail(colFits[i])}`).join('; '),
    ),
  );
  out.push(
    check(
      'collect calls/unit constant in the number of criteria',
      spread(col) <= BUDGETS.perUnitSlack,
      `spread ${spread(col).toFixed(2)} calls/unit over ${cs.join('/')} criteria`,
    ),
  );

  const tables = layoutPlaceholders(reportLayout()).tables.length;
  for (const write of WRITES) {
    // Constant = does not grow with the number of units (criteria do not enter these writes). The
    // document may even need a few calls less with more data: an empty field's paragraph is removed.
    const perCriteria = cs.map((c) => s.unitSizes.map((u) => config(s, u, c).writes.addon[write].calls.total));
    const growth = (xs: number[]) => Math.max(...xs) - xs[0];
    let ok = perCriteria.every((xs) => (write === 'document' ? growth(xs) : spread(xs)) <= BUDGETS.constantSlack);
    const mid = cs[Math.floor(cs.length / 2)];
    const shown = perCriteria[Math.floor(cs.length / 2)];
    let detail = `${s.unitSizes.map((u, i) => `${formatInt(u)} units: ${formatInt(shown[i])}`).join(', ')} calls (${mid} criteria)`;
    const a = config(s, Math.min(...s.unitSizes), mid).writes.addon[write].calls.byMethod;
    const b = config(s, big, mid).writes.addon[write].calls.byMethod;
    if (write === 'document') {
      // One call per table: the whole table in one insertTable/appendTable, never row by row.
      const perRow = s.configs.some((c) =>
        ['Table.appendTableRow', 'TableRow.appendTableCell', 'Table.insertTableRow'].some((k) => c.writes.addon.document.calls.byMethod[k]),
      );
      const inserted = (b['Body.insertTable'] ?? 0) + (b['Body.appendTable'] ?? 0);
      ok = ok && !perRow && inserted <= tables;
      detail += `; ${inserted} table call(s) for ${tables} tables${perRow ? ', and row-by-row table calls' : ''}`;
    }
    if (!ok) {
      const dg = Math.ceil(big / UNITS_PER_GROUP) - Math.ceil(Math.min(...s.unitSizes) / UNITS_PER_GROUP);
      const grow = Object.keys(b)
        .map((k) => [k, b[k] - (a[k] ?? 0)] as const)
        .filter(([, d]) => d > 1)
        .sort((x, y) => y[1] - x[1])
        .map(([k, d]) => `${k} +${d}`);
      if (grow.length) detail += `; growing: ${grow.join(', ')}${dg > 0 ? ` (${formatInt(big)} units have ${dg} more groups)` : ''}`;
    }
    out.push(
      check(`${WRITE_LABEL[write]}: ${write === 'document' ? 'constant + one call per table' : 'constant calls per sheet'}`, ok, detail),
    );
  }

  if (cs.includes(40)) {
    for (const action of ['generate', 'collect'] as const) {
      const x = ratio(config(s, big, 40), action);
      out.push(
        check(
          `${ACTION_LABEL[action]}: ≥ ${BUDGETS.minRatioAt40}× fewer calls than the naive way at 40 criteria`,
          x >= BUDGETS.minRatioAt40,
          `${formatRatio(x)} at ${formatInt(big)} units`,
        ),
      );
    }
  }
  for (const action of ['generate', 'collect'] as const) {
    const xs = cs.map((c) => ratio(config(s, big, c), action));
    out.push(
      check(
        `${ACTION_LABEL[action]}: ratio widens as criteria grow`,
        xs.every((x, i) => i === 0 || x > xs[i - 1]),
        cs.map((c, i) => `${c}: ${formatRatio(xs[i])}`).join(', '),
      ),
    );
  }

  const longest = Math.max(...r.projections.map((p) => p.longestExecutionMs));
  out.push(
    check(
      `every execution ends before Apps Script's ${LIMITS.executionMs / 60000}-minute limit`,
      longest < LIMITS.executionMs,
      `longest simulated execution ${formatMs(longest)} (chunks stop at ${formatMs(r.stopMs)})`,
    ),
  );

  if (r.core) {
    out.push(
      check(
        `core: validate + score + rank ${formatInt(r.core.units)} × ${r.core.criteria} < ${BUDGETS.coreMs / 1000} s`,
        r.core.medianMs < BUDGETS.coreMs,
        `median ${formatMs(r.core.medianMs)} of ${r.core.runs}`,
      ),
    );
  }
  if (r.demo) {
    out.push(
      check(
        `offline demo end to end < ${BUDGETS.demoMs / 1000} s`,
        r.demo.ok && r.demo.medianMs < BUDGETS.demoMs,
        r.demo.ok ? `median ${formatMs(r.demo.medianMs)} of ${r.demo.runs}` : `failed: ${r.demo.error}`,
      ),
    );
  }
  if (r.templates) {
    out.push(
      check(
        `offline templates for ${formatInt(r.templates.units)} units`,
        r.templates.ok,
        r.templates.ok ? `${formatMs(r.templates.ms)}, ${formatInt(r.templates.files)} files` : `failed: ${r.templates.error}`,
      ),
    );
  }
  return out;
}

/** Calls measured anywhere that the latency model does not classify (priced as `other`). */
export function unclassifiedCalls(s: GasSweep): string[] {
  const names = new Set<string>();
  const add = (m: Measured) => projectMs(m.calls.byMethod).unclassified.forEach((n) => names.add(n));
  for (const c of s.configs) {
    for (const a of ACTIONS) {
      add(c.addon[a]);
      add(c.naive[a]);
    }
    for (const w of WRITES) {
      add(c.writes.addon[w]);
      add(c.writes.naive[w]);
    }
  }
  return [...names].sort();
}
