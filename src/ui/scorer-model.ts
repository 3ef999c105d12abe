// The scorer sidebar's view of the rules: the same core functions as the server, run on what is
// typed before it is saved, so messages and totals change at once. The server's answer replaces
// this as soon as it arrives.
import type { EntryField, ScorerState } from '../gas/api';
import type { Cell, Entries, Finding, Rubric, ScoringConfig, UnitScore } from '../core/types';
import { parseRubrics, rubricRows } from '../core/rubric';
import { parseScore } from '../core/text';
import { scorerView } from '../core/scorer-view';

export const INPUT_FIELDS: readonly EntryField[] = ['self', 'appraised', 'evidence', 'note'];

/** Key of one input: criterion code and field. */
export const fieldKey = (code: string, field: EntryField) => `${field}\u0000${code}`;

/** Values typed in the sidebar and not yet confirmed by the server. */
export type Overrides = Map<string, string>;

/** Rubric of the state, built by the core's own parser (children, maxima, bonus cap). */
export function rubricOf(state: Pick<ScorerState, 'rubricId' | 'criteria'>): Rubric {
  const rows = rubricRows(state.rubricId, state.criteria);
  const rubric = parseRubrics(rows).rubrics[state.rubricId];
  if (!rubric) throw new Error('Bộ tiêu chí trong biểu mẫu bị hỏng; hãy báo cơ quan quản lý.');
  return rubric;
}

export function configOf(state: Pick<ScorerState, 'step' | 'bonusCap' | 'levels'>): ScoringConfig {
  return { step: state.step, bonusCap: state.bonusCap, levels: state.levels, gates: [] };
}

/** Current raw value of an input: what is typed if unsaved, else the server's value. */
export function currentValue(state: ScorerState, overrides: Overrides, code: string, field: EntryField): string {
  const typed = overrides.get(fieldKey(code, field));
  if (typed !== undefined) return typed;
  return state.entries[code]?.[field] ?? '';
}

/**
 * Entries as the core reads them. Each cell "address" is the field name, so a finding tells
 * which input it belongs to. A score that reads as a number is given as a number: that is how the
 * server stores it (typed here or in the sheet), so the core must not take it for text.
 */
export function entriesOf(state: ScorerState, overrides: Overrides): Entries {
  const out: Entries = {};
  const codes = new Set<string>([...state.criteria.filter((c) => c.leaf).map((c) => c.code), ...Object.keys(state.entries)]);
  const score = (code: string, field: 'self' | 'appraised'): Cell => {
    const raw = currentValue(state, overrides, code, field);
    const p = parseScore(raw);
    return p.kind === 'number' ? p.value : raw;
  };
  for (const code of codes) {
    out[code] = {
      self: score(code, 'self'),
      appraised: score(code, 'appraised'),
      evidence: currentValue(state, overrides, code, 'evidence'),
      note: currentValue(state, overrides, code, 'note'),
      cells: { self: 'self', appraised: 'appraised', evidence: 'evidence', note: 'note' },
    };
  }
  return out;
}

/** One message shown in the sidebar. */
export interface ShownFinding {
  finding: Finding;
  /** The sentence without the place prefix (the place is where it is shown). */
  text: string;
  blocking: boolean;
}

export interface Evaluation {
  /** Messages per input (fieldKey). */
  byField: Map<string, ShownFinding[]>;
  /** Messages per parent criterion (children above the parent). */
  byCriterion: Map<string, ShownFinding[]>;
  /** Messages that belong to no input (bonus cap, structure of the file…), full sentences. */
  general: ShownFinding[];
  score: UnitScore;
  level: string | null;
  errors: number;
  warnings: number;
  /** Leaves of kind «điểm» with no score at all. */
  blank: number;
  /** Effective points per criterion (parents: sum of children), for subtotals. */
  points: Map<string, number>;
  /** Criteria whose invalid value is left out of the total («chưa tính ô lỗi»). */
  excluded: string[];
  /** Leaves of kind «điểm» with no counted score: no level until there are none. */
  unscored: string[];
}

const upperFirst = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);

/** The sentence of a finding without its "Unit (code), tiêu chí X, ô D12: " prefix. */
export function findingText(f: Finding, unit: { code: string; name: string }): string {
  let place = `${unit.name} (${unit.code})`;
  if (f.criterion) place += `, tiêu chí ${f.criterion}`;
  if (f.cell) place += `, ô ${f.cell}`;
  place += ': ';
  if (f.message.startsWith(place)) return upperFirst(f.message.slice(place.length));
  return f.message;
}

const FIELD_CELLS = new Set<string>(INPUT_FIELDS);
const same = (a: Finding, b: Finding) => a.code === b.code && (a.criterion ?? '') === (b.criterion ?? '');

/**
 * Validate and score what is on screen. Server findings that the local rules do not reproduce
 * (a stale template, an unknown criterion…) are kept as general messages, unless the criterion
 * has unsaved typing that may already have fixed them.
 */
export function evaluate(state: ScorerState, overrides: Overrides): Evaluation {
  const rubric = rubricOf(state);
  const cfg = configOf(state);
  const entries = entriesOf(state, overrides);
  const view = scorerView(state.unit, rubric, entries, cfg);
  const local = view.findings;

  const byField = new Map<string, ShownFinding[]>();
  const byCriterion = new Map<string, ShownFinding[]>();
  const general: ShownFinding[] = [];
  const push = (map: Map<string, ShownFinding[]>, key: string, s: ShownFinding) => {
    const list = map.get(key);
    if (list) list.push(s);
    else map.set(key, [s]);
  };

  let errors = 0;
  let warnings = 0;
  let blank = 0;
  for (const f of local) {
    const blocking = f.severity === 'Lỗi';
    if (blocking) errors++;
    else warnings++;
    if (f.code === 'blank-score') blank++;
    const shown: ShownFinding = { finding: f, text: findingText(f, state.unit), blocking };
    if (f.criterion && f.cell && FIELD_CELLS.has(f.cell) && rubric.byCode[f.criterion]) {
      push(byField, fieldKey(f.criterion, f.cell as EntryField), shown);
    } else if (f.criterion && rubric.byCode[f.criterion]) {
      push(byCriterion, f.criterion, shown);
    } else {
      general.push({ ...shown, text: f.cell && FIELD_CELLS.has(f.cell) ? shown.text : f.message });
    }
  }

  const dirtyCodes = new Set<string>();
  for (const key of overrides.keys()) dirtyCodes.add(key.slice(key.indexOf('\u0000') + 1));
  for (const f of state.findings) {
    if (local.some((l) => same(l, f))) continue;
    if (f.criterion && dirtyCodes.has(f.criterion)) continue;
    const blocking = f.severity === 'Lỗi';
    if (blocking) errors++;
    else warnings++;
    general.push({ finding: f, text: f.message, blocking });
  }

  // Without unsaved typing the server's numbers are the truth; with it, the same core computes them.
  let score: UnitScore;
  let level: string | null;
  if (overrides.size === 0) {
    score = state.score;
    level = state.level;
  } else {
    score = view.score;
    level = view.level;
  }
  return {
    byField,
    byCriterion,
    general,
    score,
    level,
    errors,
    warnings,
    blank,
    points: view.points,
    excluded: view.excluded,
    unscored: view.unscored,
  };
}
