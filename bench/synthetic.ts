// Deterministic synthetic data for the benchmark: a rubric of N criteria, N units, their scores,
// the control workbook's sheets and the `Chấm điểm` grids a unit file would return.
// Same input → same output on every machine (no Math.random, no clock).
import type { Cell, CriterionRow, Grid, Rubric, Unit } from '../src/core/types';
import { parseRubrics } from '../src/core/rubric';
import { seededRandom } from '../src/core/random';
import { CRITERIA_COLUMNS, PREVIOUS_COLUMNS, SHEETS, UNIT_COLUMNS } from '../src/core/schema';
import { tableGrid } from '../src/core/table';
import { Control, readControl } from '../src/core/control';
import { newControlSheets, SheetGrid } from '../src/core/control-template';
import { isFormula, unitSheetLayout, LayoutOptions } from '../src/core/unit-sheet';

export const rubricIdFor = (criteria: number) => `Bench ${criteria} tiêu chí`;

/** Integers summing to `total`, as equal as possible (the first ones get the remainder). */
function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}

/**
 * Rows of a rubric with exactly `n` criteria (rows of `Tiêu chí`): one bonus, one penalty, and
 * n − 2 score rows made of parents with 3 children each (plus up to 3 stand-alone leaves), the
 * top-level score maxima summing to 100.
 */
export function syntheticRubricRows(n: number): CriterionRow[] {
  if (n < 6) throw new Error('a synthetic rubric needs at least 6 criteria');
  const id = rubricIdFor(n);
  const scoreRows = n - 2;
  const groups = Math.floor(scoreRows / 4);
  const singles = scoreRows - groups * 4;
  const tops = split(100, groups + singles);
  const rows: CriterionRow[] = [];
  const row = (code: string, parent: string, max: number, kind: string, evidence: boolean): CriterionRow => ({
    rubricId: id,
    code,
    parent,
    max,
    kind,
    title: `Tiêu chí ${code}: nội dung đánh giá công tác dân vận chính quyền (dữ liệu giả lập)`,
    guidance: `Hướng dẫn chấm tiêu chí ${code}; minh chứng: văn bản, báo cáo liên quan.`,
    evidenceRequired: evidence ? 'Có' : '',
  });
  tops.forEach((max, i) => {
    const code = `T${i + 1}`;
    if (i < groups) {
      rows.push(row(code, '', max, 'điểm', false));
      split(max, 3).forEach((m, j) => rows.push(row(`${code}.${j + 1}`, code, m, 'điểm', (i + j) % 2 === 0)));
    } else {
      rows.push(row(code, '', max, 'điểm', true));
    }
  });
  rows.push(row('B1', '', 5, 'thưởng', false));
  rows.push(row('P1', '', 10, 'trừ', false));
  if (rows.length !== n) throw new Error(`synthetic rubric: ${rows.length} rows for ${n}`);
  return rows;
}

export function syntheticRubric(n: number): Rubric {
  const { rubrics, errors } = parseRubrics(syntheticRubricRows(n));
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return rubrics[rubricIdFor(n)];
}

/** Units per group: a district-sized emulation cluster. */
export const UNITS_PER_GROUP = 31;

/** A row of `Đơn vị` as typed (gate codes as one text). */
export type SyntheticUnit = Omit<Unit, 'gates' | 'link' | 'row'> & { gates: string };

/** `count` units in groups of 31, all submitted, all on the rubric of `criteria` criteria. */
export function syntheticUnits(count: number, criteria: number): SyntheticUnit[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const g = Math.floor(i / UNITS_PER_GROUP) + 1;
    return {
      code: `DV${n}`,
      name: `${i % 5 === 4 ? 'Phường' : 'Xã'} Thử Nghiệm ${n}`,
      type: i % 5 === 4 ? 'phường' : 'xã',
      group: `Cụm thi đua số ${g}`,
      rubricId: rubricIdFor(criteria),
      email: `donvi${n}@example.com`,
      gates: i % 97 === 13 ? 'G2' : '',
      status: 'Đã nộp',
    };
  });
}

/** The core's Unit for a synthetic unit. */
export function toUnit(u: SyntheticUnit, row?: number): Unit {
  return {
    code: u.code,
    name: u.name,
    type: u.type,
    group: u.group,
    rubricId: u.rubricId,
    email: u.email,
    gates: u.gates ? [u.gates] : [],
    status: u.status,
    link: '',
    row,
  };
}

export interface EntryValues {
  self: Cell;
  appraised: Cell;
  evidence: Cell;
  note: Cell;
  /** The appraiser's reason (only where the appraisal differs). */
  reason?: Cell;
  explanation?: Cell;
}

/**
 * What unit number `index` typed for each leaf: quarter-point self-scores, evidence text, some
 * appraisals, a bonus and a deduction now and then, and one bad entry in every tenth unit (so the
 * findings sheet is never empty).
 */
export function syntheticEntries(rubric: Rubric, index: number): Record<string, EntryValues> {
  const rnd = seededRandom(7919 + index);
  const quality = 0.5 + rnd() * 0.5;
  const out: Record<string, EntryValues> = {};
  const leaves = rubric.criteria.filter((c) => c.children.length === 0);
  for (const c of leaves) {
    const e: EntryValues = { self: null, appraised: null, evidence: null, note: null };
    if (c.kind === 'score') {
      e.self = Math.min(c.max, Math.round(c.max * (quality + (rnd() - 0.5) * 0.2) * 4) / 4);
      e.evidence = `Báo cáo số ${index + 1}/BC-UBND, mục ${c.code}`;
      if (index % 4 === 1 && rnd() < 0.3) {
        e.appraised = Math.max(0, e.self - 0.5);
        e.reason = 'Tài liệu kiểm chứng chưa đầy đủ';
      }
    } else if (c.kind === 'bonus' && index % 3 === 0) {
      e.self = 1;
      e.evidence = 'Quyết định khen thưởng';
    } else if (c.kind === 'penalty' && index % 7 === 0) {
      e.self = 1;
      e.evidence = 'Sổ theo dõi báo cáo';
    }
    out[c.code] = e;
  }
  if (index % 10 === 9) {
    const first = leaves.find((c) => c.kind === 'score');
    if (first) out[first.code].self = first.max + 1; // above the maximum
  }
  return out;
}

export const BENCH_YEAR = 2024;

export function layoutOptions(rubric: Rubric): LayoutOptions {
  return {
    year: BENCH_YEAR,
    deadline: new Date(BENCH_YEAR, 10, 15),
    step: 0.25,
    bonusCap: rubric.bonusMax,
    createdAt: new Date(BENCH_YEAR, 9, 1),
  };
}

/**
 * The sheets of a control workbook holding `units` and the synthetic rubric: the sample
 * district's settings and narrative (so reports are complete), our units and criteria.
 */
export function syntheticControlSheets(units: SyntheticUnit[], criteria: number): SheetGrid[] {
  const sheets = newControlSheets({ year: BENCH_YEAR, sample: 'binh-son-2024' });
  const replace = (name: string, grid: Grid) => {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    s.grid = grid;
  };
  replace(SHEETS.units, tableGrid(UNIT_COLUMNS, units));
  replace(SHEETS.criteria, tableGrid(CRITERIA_COLUMNS, syntheticRubricRows(criteria)));
  replace(SHEETS.previous, [Object.values(PREVIOUS_COLUMNS)]);
  return sheets;
}

/** The control the core reads from `syntheticControlSheets` (Cấu hình, Đơn vị, Tiêu chí, Xếp loại). */
export function syntheticControl(units: SyntheticUnit[], criteria: number): Control {
  const sheets = syntheticControlSheets(units, criteria);
  const grid = (name: string) => sheets.find((s) => s.name === name)!.grid;
  return readControl({
    config: grid(SHEETS.config),
    units: grid(SHEETS.units),
    criteria: grid(SHEETS.criteria),
    levels: grid(SHEETS.levels),
  });
}

/**
 * The `Chấm điểm` grid a spreadsheet returns for unit number `index` after scoring: the layout's
 * values, formulas replaced by what the spreadsheet would show (parents and totals left blank:
 * the core recomputes them; the hidden formula flags are empty), the inputs filled.
 */
export function scoredGrid(u: SyntheticUnit, index: number, rubric: Rubric): Grid {
  const layout = unitSheetLayout(toUnit(u), rubric, layoutOptions(rubric));
  const grid: Grid = layout.cells.map((r) => r.map((c, j) => (isFormula(c) ? (j === layout.metaCol ? '' : null) : c)));
  const entries = syntheticEntries(rubric, index);
  rubric.criteria.forEach((c, i) => {
    const e = entries[c.code];
    if (!e) return;
    const r = grid[layout.headerRow + 1 + i];
    r[layout.cols.self] = e.self;
    r[layout.cols.appraised] = e.appraised;
    r[layout.cols.evidence] = e.evidence;
    r[layout.cols.note] = e.note;
  });
  return grid;
}
