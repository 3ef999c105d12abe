// Classification and ranking of all units, overall and within each group (Nhóm).
import type { LevelCount, RankingSummary, ScoringConfig, Unit, UnitResult, UnitScore } from './types';
import { applyGates, levelFor } from './classify';
import { compareVi } from './format';
import { roundHalfUp } from './round';

export interface RankInput {
  unit: Unit;
  score: UnitScore | null;
  /** Reasons decided upstream ("Chưa nộp kết quả", "Có lỗi dữ liệu chặn xếp loại"). */
  notClassifiedReasons: string[];
}

const NO_SCORE: UnitScore = { base: 0, bonus: 0, penalty: 0, total: 0, selfTotal: 0, appraised: false };

function classifyOne(item: RankInput, cfg: ScoringConfig): UnitResult {
  const { unit, score } = item;
  const reasons = [...item.notClassifiedReasons];
  if (score === null && reasons.length === 0) reasons.push('Chưa có kết quả chấm điểm');
  const result: UnitResult = {
    ...(score ?? NO_SCORE),
    code: unit.code,
    name: unit.name,
    group: unit.group,
    rubricId: unit.rubricId,
    classified: false,
    level: null,
    levelCode: null,
    rank: null,
    groupRank: null,
    reasons,
    scored: score !== null,
  };
  if (score === null || reasons.length > 0) return result;

  const gated = applyGates(levelFor(score.total, cfg.levels), unit.gates ?? [], cfg);
  result.reasons = gated.reasons;
  if (gated.level) {
    result.classified = true;
    result.level = gated.level.name;
    result.levelCode = gated.level.code;
  }
  return result;
}

// Totals are compared at the 2 decimals that are printed, so 89.999999 and 90 tie like on paper.
const key = (r: UnitResult) => roundHalfUp(r.total, 2);

/** Standard competition ranking (1, 2, 2, 4) of a list already sorted by total, descending. */
function assignRanks(sorted: UnitResult[], set: (r: UnitResult, rank: number) => void): void {
  let rank = 0;
  sorted.forEach((r, i) => {
    if (i === 0 || key(r) !== key(sorted[i - 1])) rank = i + 1;
    set(r, rank);
  });
}

/**
 * Classify every unit and rank the classified ones. Order: classified units by total (desc),
 * then name; then the units not classified, by group and name.
 */
export function classifyAndRank(items: RankInput[], cfg: ScoringConfig): UnitResult[] {
  const results = items.map((it) => classifyOne(it, cfg));
  const byName = (a: UnitResult, b: UnitResult) => compareVi(a.name, b.name) || compareVi(a.code, b.code);

  const classified = results.filter((r) => r.classified).sort((a, b) => key(b) - key(a) || byName(a, b));
  assignRanks(classified, (r, rank) => (r.rank = rank));

  const groups = new Map<string, UnitResult[]>();
  for (const r of classified) {
    const list = groups.get(r.group);
    if (list) list.push(r);
    else groups.set(r.group, [r]);
  }
  for (const list of groups.values()) assignRanks(list, (r, rank) => (r.groupRank = rank));

  const others = results.filter((r) => !r.classified).sort((a, b) => compareVi(a.group, b.group) || byName(a, b));
  return [...classified, ...others];
}

function countLevels(results: UnitResult[], cfg: ScoringConfig): LevelCount[] {
  const classified = results.filter((r) => r.classified);
  return [...cfg.levels]
    .sort((a, b) => b.min - a.min)
    .map((l) => {
      const count = classified.filter((r) => r.levelCode === l.code).length;
      return {
        levelCode: l.code,
        level: l.name,
        count,
        percent: classified.length ? (count * 100) / classified.length : 0,
      };
    });
}

/** Counts and shares per level (highest level first), overall and per group. */
export function summarize(results: UnitResult[], cfg: ScoringConfig): RankingSummary {
  const classified = results.filter((r) => r.classified).length;
  const members = new Map<string, UnitResult[]>();
  for (const r of results) {
    const list = members.get(r.group);
    if (list) list.push(r);
    else members.set(r.group, [r]);
  }
  const byGroup: RankingSummary['byGroup'] = {};
  for (const g of [...members.keys()].sort(compareVi)) {
    const list = members.get(g)!;
    byGroup[g] = {
      total: list.length,
      classified: list.filter((r) => r.classified).length,
      byLevel: countLevels(list, cfg),
    };
  }
  return {
    total: results.length,
    classified,
    notClassified: results.length - classified,
    byLevel: countLevels(results, cfg),
    byGroup,
  };
}
