// Total score of one unit from what it typed (and what the appraisers typed).
import type { Criterion, Entries, Entry, Rubric, ScoringConfig, UnitScore } from './types';
import { parseScore } from './text';
import { leaves } from './rubric';
import { roundHalfUp } from './round';

export { roundHalfUp };

function numberOf(c: Entry['self'] | undefined): number | null {
  const p = parseScore(c ?? null);
  return p.kind === 'number' ? p.value : null;
}

/** The score that counts: the appraised value when it is a number, else the self-score, else null. */
export function effectiveValue(entry?: Entry): number | null {
  if (!entry) return null;
  return numberOf(entry.appraised) ?? numberOf(entry.self);
}

function selfValue(entry?: Entry): number | null {
  return entry ? numberOf(entry.self) : null;
}

interface Parts {
  base: number;
  bonus: number;
  penalty: number;
  total: number;
}

/**
 * What a leaf criterion's value counts for in its kind's sum: a negative bonus is an input error
 * (flagged by validation) and must not eat other bonuses; deductions are typed as positive numbers,
 * "-5" is read as a deduction of 5 (and flagged).
 */
function leafPoints(kind: Criterion['kind'], v: number): number {
  return kind === 'bonus' ? Math.max(0, v) : kind === 'penalty' ? Math.abs(v) : v;
}

function compute(rubric: Rubric, entries: Entries, cfg: ScoringConfig, value: (e?: Entry) => number | null): Parts {
  let base = 0;
  let bonusSum = 0;
  let penalty = 0;
  for (const c of leaves(rubric)) {
    const v = leafPoints(c.kind, value(entries[c.code]) ?? 0);
    if (c.kind === 'score') base += v;
    else if (c.kind === 'bonus') bonusSum += v;
    else penalty += v;
  }
  const cap = cfg.bonusCap ?? rubric.bonusMax;
  const bonus = Math.min(bonusSum, cap);
  const clamped = Math.min(Math.max(base + bonus - penalty, 0), rubric.maxScore);
  const scaled = rubric.maxScore === 100 ? clamped : (clamped * 100) / rubric.maxScore;
  return {
    base: roundHalfUp(base, 2),
    bonus: roundHalfUp(bonus, 2),
    penalty: roundHalfUp(penalty, 2),
    total: roundHalfUp(scaled, 2),
  };
}

/** Score of one unit on the 0..100 scale; the appraised value of a criterion wins over the self-score. */
export function scoreUnit(rubric: Rubric, entries: Entries, cfg: ScoringConfig): UnitScore {
  const eff = compute(rubric, entries, cfg, effectiveValue);
  const self = compute(rubric, entries, cfg, selfValue);
  const appraised = leaves(rubric).some((c) => {
    const e = entries[c.code];
    return e !== undefined && numberOf(e.appraised) !== null;
  });
  return { ...eff, selfTotal: self.total, appraised };
}

/**
 * The points each criterion counts for, as `scoreUnit` counts them (appraised over self-score,
 * per kind); a parent holds the sum of its children. For subtotals on screen.
 */
export function criterionPoints(rubric: Rubric, entries: Entries): Map<string, number> {
  const points = new Map<string, number>();
  const of = (c: Criterion): number => {
    const v = c.children.length
      ? c.children.reduce((a, k) => a + of(rubric.byCode[k]), 0)
      : leafPoints(c.kind, effectiveValue(entries[c.code]) ?? 0);
    points.set(c.code, v);
    return v;
  };
  for (const c of rubric.criteria) if (c.parent === null) of(c);
  return points;
}
