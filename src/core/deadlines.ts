// Deadlines of the round (issue 13 item 4): a submission accepted after `Hạn nộp` is late; the
// gate «NC» (nộp chậm), when the administrator lists it in `Xếp loại`, caps a late unit's level.
import type { Finding, ScoringConfig, Unit } from './types';
import { formatDateShort } from './format';
import { isSubmitted } from './status';
import { normalizeHeader } from './text';

/** The code of the computed gate «nộp chậm»: applied only when a row of `Xếp loại` defines it. */
export const LATE_GATE = 'NC';

const dayStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());

/** Whole days from `today` to the deadline day (negative once past it). */
export function daysLeft(deadline: Date, today: Date): number {
  return Math.round((dayStart(deadline).getTime() - dayStart(today).getTime()) / 86_400_000);
}

/** Days a submitted unit was accepted after the deadline day (0: on time, or nothing to tell). */
export function daysLate(unit: Pick<Unit, 'status' | 'accepted'>, deadline: Date | null): number {
  const at = unit.accepted?.at;
  if (!deadline || !(at instanceof Date) || !isSubmitted(unit)) return 0;
  return Math.max(0, -daysLeft(deadline, at));
}

/** The Cảnh báo of a late submission, or null. */
export function lateFinding(unit: Unit, deadline: Date | null): Finding | null {
  const late = daysLate(unit, deadline);
  if (!late || !deadline) return null;
  return {
    severity: 'Cảnh báo',
    unitCode: unit.code,
    code: 'late-submission',
    message: `${unit.name} (${unit.code}): nộp kết quả ngày ${formatDateShort(unit.accepted!.at as Date)}, sau hạn nộp ${formatDateShort(deadline)} (chậm ${late} ngày).`,
  };
}

/** The unit's gates, with «NC» added when it is late and `Xếp loại` defines the gate. */
export function gatesWithLate(unit: Unit, deadline: Date | null, cfg: ScoringConfig): string[] {
  const has = (list: string[]) => list.some((g) => normalizeHeader(g) === normalizeHeader(LATE_GATE));
  if (!daysLate(unit, deadline) || !has(cfg.gates.map((g) => g.code)) || has(unit.gates)) return unit.gates;
  return [...unit.gates, LATE_GATE];
}

/** What a sidebar says of a deadline: «còn 3 ngày», «hôm nay là hạn cuối», «đã quá hạn 2 ngày». */
export function daysLeftText(deadline: Date, today: Date): string {
  const n = daysLeft(deadline, today);
  if (n > 0) return `còn ${n} ngày (hạn ${formatDateShort(deadline)})`;
  if (n === 0) return `hôm nay là hạn cuối (${formatDateShort(deadline)})`;
  return `đã quá hạn ${-n} ngày (hạn ${formatDateShort(deadline)})`;
}
