// Total score of one unit from what it typed (and what the appraisers typed).
import type { Entries, Entry, Rubric, ScoringConfig, UnitScore } from './types';
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

function compute(rubric: Rubric, entries: Entries, cfg: ScoringConfig, value: (e?: Entry) => number | null): Parts {
  let base = 0;
  let bonusSum = 0;
  let penalty = 0;
  for (const c of leaves(rubric)) {
    const v = value(entries[c.code]) ?? 0;
    if (c.kind === 'score') base += v;
    // A negative bonus is an input error (flagged by validation); it must not eat other bonuses.
    else if (c.kind === 'bonus') bonusSum += Math.max(0, v);
    // Deductions are typed as positive numbers; "-5" is read as a deduction of 5 (and flagged).
    else penalty += Math.abs(v);
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
