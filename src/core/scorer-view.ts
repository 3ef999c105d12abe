// What a scorer sees of their own unit file — in the sidebar, from the server and while typing:
// the findings, the provisional score and level, and the points of each criterion. One function for
// both, so the live view follows the same rules as the owner's assessment.
import type { Entries, Finding, Rubric, ScoringConfig, Unit, UnitScore } from './types';
import { validateEntries } from './validate';
import { criterionPoints, scoreUnit } from './score';
import { levelFor } from './classify';

export interface ScorerView {
  findings: Finding[];
  score: UnitScore;
  /** Provisional level from the total (gates are the owner's); null without levels. */
  level: string | null;
  points: Map<string, number>;
}

/** `fileFindings`: what reading the file found (structure, identity, a stale template). */
export function scorerView(
  unit: Pick<Unit, 'code' | 'name'>,
  rubric: Rubric,
  entries: Entries,
  cfg: ScoringConfig,
  fileFindings: Finding[] = [],
): ScorerView {
  const score = scoreUnit(rubric, entries, cfg);
  return {
    findings: [...fileFindings, ...validateEntries(unit, rubric, entries, cfg)],
    score,
    level: cfg.levels.length ? levelFor(score.total, cfg.levels).name : null,
    points: criterionPoints(rubric, entries),
  };
}
