// What a scorer sees of their own unit file — in the sidebar, from the server and while typing:
// the findings, the provisional score and level, and the points of each criterion. One function for
// both, so the live view follows the same rules as the owner's assessment.
import type { Entries, Entry, Finding, Rubric, ScoringConfig, Unit, UnitScore } from './types';
import { validateEntries } from './validate';
import { criterionPoints, scoreUnit } from './score';
import { levelFor } from './classify';
import { parseScore } from './text';

export interface ScorerView {
  findings: Finding[];
  /** Provisional score of the valid values only: a value with an error is left out (see `excluded`). */
  score: UnitScore;
  /**
   * Provisional level from the total (gates are the owner's); null without levels, and null until
   * every criterion of kind «điểm» has a valid score: a half-scored total says nothing of the level.
   */
  level: string | null;
  points: Map<string, number>;
  /** Criteria whose score (self or appraised) has an error and is not counted, in rubric order. */
  excluded: string[];
  /** Leaf criteria of kind «điểm» with no counted score yet (blank, or only an invalid value). */
  unscored: string[];
}

/** Findings about a score that is not a valid number for its criterion: such a value is not counted. */
const INVALID_VALUE = new Set(['not-a-number', 'ambiguous-number', 'negative', 'penalty-sign', 'above-max', 'step', 'formula-text']);
const VALUE_FIELDS = ['self', 'appraised'] as const;

/**
 * The entries with every invalid score blanked. The same validation decides what is invalid: it runs
 * on a copy whose cells are named after their field, so each finding says which value it is about
 * (the real addresses may be absent, or the same for both fields).
 */
function validOnly(
  unit: Pick<Unit, 'code' | 'name'>,
  rubric: Rubric,
  entries: Entries,
  cfg: ScoringConfig,
): { entries: Entries; excluded: string[] } {
  const named: Entries = {};
  for (const [code, e] of Object.entries(entries)) named[code] = { ...e, cells: { self: 'self', appraised: 'appraised' } };
  const bad = new Set<string>();
  for (const f of validateEntries(unit, rubric, named, cfg)) {
    if (f.criterion && f.cell && INVALID_VALUE.has(f.code)) bad.add(`${f.criterion}\u0000${f.cell}`);
  }
  const out: Entries = {};
  const excluded = new Set<string>();
  for (const [code, e] of Object.entries(entries)) {
    const copy: Entry = { ...e };
    for (const field of VALUE_FIELDS) {
      if (!bad.has(`${code}\u0000${field}`)) continue;
      copy[field] = null;
      excluded.add(code);
    }
    out[code] = copy;
  }
  return { entries: out, excluded: rubric.criteria.map((c) => c.code).filter((c) => excluded.has(c)) };
}

const counted = (e: Entry | undefined) => !!e && VALUE_FIELDS.some((f) => parseScore(e[f] ?? null).kind === 'number');

/** `fileFindings`: what reading the file found (structure, identity, a stale template). */
export function scorerView(
  unit: Pick<Unit, 'code' | 'name'>,
  rubric: Rubric,
  entries: Entries,
  cfg: ScoringConfig,
  fileFindings: Finding[] = [],
): ScorerView {
  const valid = validOnly(unit, rubric, entries, cfg);
  const score = scoreUnit(rubric, valid.entries, cfg);
  const unscored = rubric.criteria
    .filter((c) => c.children.length === 0 && c.kind === 'score' && !counted(valid.entries[c.code]))
    .map((c) => c.code);
  const complete = unscored.length === 0 && valid.excluded.length === 0;
  return {
    findings: [...fileFindings, ...validateEntries(unit, rubric, entries, cfg)],
    score,
    level: cfg.levels.length && complete ? levelFor(score.total, cfg.levels).name : null,
    points: criterionPoints(rubric, valid.entries),
    excluded: valid.excluded,
    unscored,
  };
}
