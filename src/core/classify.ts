// Level of a unit from its total, then the conditions that cap it (Điều kiện khống chế).
import type { Level, ScoringConfig } from './types';
import { EXCLUDE_LEVEL } from './schema';
import { roundHalfUp } from './round';

function byMinDesc(levels: Level[]): Level[] {
  return [...levels].sort((a, b) => b.min - a.min);
}

/** Highest level whose minimum the (rounded) total reaches; the lowest level when none does. */
export function levelFor(total: number, levels: Level[]): Level {
  if (levels.length === 0) throw new Error('Chưa cấu hình mức xếp loại nào (sheet «Xếp loại»).');
  const sorted = byMinDesc(levels);
  const t = roundHalfUp(total, 2);
  return sorted.find((l) => l.min <= t) ?? sorted[sorted.length - 1];
}

const keyOf = (code: string) => code.trim().toUpperCase();

/**
 * Apply the gates marked on a unit. Each known gate is listed in `reasons` (also when the unit
 * is already at or below its cap, so the decision's appendix shows why the unit was marked).
 */
export function applyGates(level: Level, gateCodes: string[], cfg: ScoringConfig): { level: Level | null; reasons: string[] } {
  const reasons: string[] = [];
  let current: Level = level;
  let excluded = false;
  const seen = new Set<string>();
  for (const raw of gateCodes) {
    const code = raw.trim();
    if (code === '' || seen.has(keyOf(code))) continue;
    seen.add(keyOf(code));
    const gate = cfg.gates.find((g) => keyOf(g.code) === keyOf(code));
    if (!gate) {
      reasons.push(`Không rõ điều kiện khống chế «${code}»`);
      continue;
    }
    if (keyOf(gate.maxLevel) === EXCLUDE_LEVEL) {
      excluded = true;
      reasons.push(`Điều kiện khống chế: ${gate.name} — không xếp loại`);
      continue;
    }
    const cap = cfg.levels.find((l) => keyOf(l.code) === keyOf(gate.maxLevel));
    if (!cap) {
      reasons.push(`Điều kiện khống chế «${gate.code}» ghi mức tối đa «${gate.maxLevel}» không có trong danh sách mức xếp loại`);
      continue;
    }
    if (cap.min < current.min) current = cap;
    reasons.push(`Điều kiện khống chế: ${gate.name} — tối đa ${cap.name}`);
  }
  return { level: excluded ? null : current, reasons };
}
