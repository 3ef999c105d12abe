// What users read of the appraisal round (issue 13 items 2 and 4): a unit's self and appraised
// scores side by side with the appraisers' reasons (admin sidebar, scorer sidebar, documents),
// and the deadlines with the days left. Pure: the back-ends read the file once and pass it here.
import type { Cell, Entries, Finding, Grid, Rubric } from './types';
import type { Control } from './control';
import { CONFIG_KEYS, Settings } from './config';
import { SCORING_COLUMNS, SHEETS } from './schema';
import { layoutOptions, readUnitSheet } from './unit-sheet';
import { parseScore, cellText } from './text';
import { formatNumberMax } from './format';
import { leaves } from './rubric';
import { daysLeft, daysLeftText } from './deadlines';
import { explanationDeadline, returnedDeadlineIn } from './round-flow';
import { canonicalStatus } from './status';
import { STATUS } from './types';
import type { Unit } from './types';

const EPS = 1e-9;

/** One leaf criterion as the admin reads it: «Tự chấm | Thẩm định | Lý do thẩm định». */
export interface AppraisalRow {
  code: string;
  title: string;
  /** Numbers as typed, Vietnamese style («3,5»); '' when blank; a non-number shown as typed. */
  self: string;
  appraised: string;
  reason: string;
  /** The unit's `Giải trình` (the explanation round), '' when none: the appraisers read it before keeping or changing their score. */
  explanation: string;
  /** The appraised score is a number other than the self-score (a blank self counts as 0). */
  differs: boolean;
  /** It differs and no reason is written (the finding `appraisal-without-reason`). */
  missingReason: boolean;
}

/** A score cell as text: a number in the Vietnamese format, up to 4 decimals as typed. */
export function scoreText(c: Cell | undefined): string {
  const p = parseScore(c ?? null);
  if (p.kind === 'number') return formatNumberMax(p.value, 4);
  return cellText(c ?? null).trim();
}

function numberOf(c: Cell | undefined): number | null {
  const p = parseScore(c ?? null);
  return p.kind === 'number' ? p.value : null;
}

/** Every leaf criterion of the rubric, in its order, with what was typed for it. */
export function appraisalRows(rubric: Rubric, entries: Entries): AppraisalRow[] {
  return leaves(rubric).map((c) => {
    const e = entries[c.code];
    const appraised = numberOf(e?.appraised);
    const differs = appraised !== null && Math.abs(appraised - (numberOf(e?.self) ?? 0)) > EPS;
    const reason = cellText(e?.reason ?? null).trim();
    return {
      code: c.code,
      title: c.title,
      self: scoreText(e?.self),
      appraised: scoreText(e?.appraised),
      reason,
      explanation: cellText(e?.explanation ?? null).trim(),
      differs,
      missingReason: differs && reason === '',
    };
  });
}

/** The rows whose appraised score differs from the self-score (what the documents list). */
export const differingRows = (rows: AppraisalRow[]) => rows.filter((r) => r.differs);

/** A unit's appraisal in counts: «Thẩm định 3 tiêu chí, 2 khác điểm tự chấm (1 chưa ghi lý do)». */
export function appraisalSummary(rows: AppraisalRow[]): string {
  const appraised = rows.filter((r) => r.appraised !== '').length;
  if (!appraised) return 'Chưa có điểm thẩm định.';
  const differ = rows.filter((r) => r.differs).length;
  const missing = rows.filter((r) => r.missingReason).length;
  const tail = differ
    ? `, ${differ} tiêu chí khác điểm tự chấm${missing ? ` (${missing} tiêu chí chưa ghi lý do)` : ''}`
    : ', đều bằng điểm tự chấm';
  return `Đã thẩm định ${appraised} tiêu chí${tail}.`;
}

/**
 * The Cảnh báo of an explanation sent with no `Giải trình` for any criterion appraised differently
 * (accepted all the same: the unit may answer with evidence only); null when one is written, or
 * when no appraised score differs.
 */
export function noExplanationFinding(unit: Pick<Unit, 'code' | 'name'>, rubric: Rubric, entries: Entries): Finding | null {
  const differ = appraisalRows(rubric, entries).filter((r) => r.differs);
  if (!differ.length || differ.some((r) => cellText(entries[r.code]?.explanation ?? null).trim() !== '')) return null;
  return {
    severity: 'Cảnh báo',
    unitCode: unit.code,
    sheet: SHEETS.scoring,
    code: 'no-explanation',
    message:
      `${unit.name} (${unit.code}): đã gửi giải trình nhưng chưa ghi «${SCORING_COLUMNS.explanation}» cho tiêu chí nào có điểm thẩm định ` +
      `khác điểm tự chấm (${differ.map((r) => r.code).join(', ')}).`,
  };
}

/** What the scorer sees under a criterion once the owner has appraised it; null when not appraised. */
export interface AppraisalNote {
  appraised: string;
  reason: string;
  differs: boolean;
}

/** Per leaf code, the appraisal the scorer reads (only the criteria with an appraised score). */
export function appraisalNotes(rubric: Rubric, entries: Entries): Record<string, AppraisalNote> {
  const out: Record<string, AppraisalNote> = {};
  for (const r of appraisalRows(rubric, entries)) {
    if (r.appraised === '') continue;
    out[r.code] = { appraised: r.appraised, reason: r.reason, differs: r.differs };
  }
  return out;
}

/** One deadline line of a sidebar: «Hạn nộp: còn 3 ngày (hạn 15/12/2026)». */
export interface DeadlineLine {
  label: string;
  text: string;
  daysLeft: number;
  /** Past the deadline day. */
  overdue: boolean;
}

/**
 * The deadlines a sidebar shows, in the order given (`Hạn nộp`, then `Hạn giải trình`…); a deadline
 * not set (null) is left out.
 */
export function deadlineLines(deadlines: ReadonlyArray<{ label: string; date: Date | null }>, today: Date): DeadlineLine[] {
  return deadlines
    .filter((d): d is { label: string; date: Date } => d.date instanceof Date && !Number.isNaN(d.date.getTime()))
    .map((d) => {
      const n = daysLeft(d.date, today);
      return { label: d.label, text: `${d.label}: ${daysLeftText(d.date, today)}`, daysLeft: n, overdue: n < 0 };
    });
}

/** «15/12/2026» (as the unit file's meta sheet stores a deadline) → a Date; null when unreadable. */
export function parseShortDate(text: Cell): Date | null {
  if (text instanceof Date) return Number.isNaN(text.getTime()) ? null : text;
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(cellText(text));
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

/** The round's deadlines as `Cấu hình` sets them, in order (the explanation round adds its own). */
export function roundDeadlines(settings: Pick<Settings, 'deadline'>): Array<{ label: string; date: Date | null }> {
  return [{ label: CONFIG_KEYS.deadline[0], date: settings.deadline }];
}

const EXPLAIN_LABEL = CONFIG_KEYS.explanationDeadline[0];

/**
 * The deadlines the scorer's sidebar shows, from the unit file alone: `Hạn nộp` of its meta sheet,
 * and while the file shows «Trả lại để giải trình» the unit's own `Hạn giải trình`, as its status
 * copy names it (round-flow.ts returnedLine).
 */
export function fileDeadlines(submitBy: Cell, fileStatus: string, statusLine: string): Array<{ label: string; date: Date | null }> {
  const out: Array<{ label: string; date: Date | null }> = [{ label: CONFIG_KEYS.deadline[0], date: parseShortDate(submitBy) }];
  if (canonicalStatus(fileStatus) === STATUS.returned) out.push({ label: EXPLAIN_LABEL, date: returnedDeadlineIn(statusLine) });
  return out;
}

/**
 * The deadlines of one unit in the admin sidebar: the round's, and while the unit is returned its
 * `Hạn giải trình` (the one of `Đơn vị`, else `Cấu hình`'s).
 */
export function unitDeadlines(
  settings: Pick<Settings, 'deadline' | 'explanationDeadline'>,
  unit: Pick<Unit, 'status' | 'round'>,
): Array<{ label: string; date: Date | null }> {
  const out = roundDeadlines(settings);
  if (canonicalStatus(unit.status) === STATUS.returned)
    out.push({ label: EXPLAIN_LABEL, date: explanationDeadline(unit, settings.explanationDeadline) });
  return out;
}

/** One unit as the admin sidebar shows it, from one read of its file (`grid` null: no file read). */
export interface UnitAppraisalView {
  unit: { code: string; name: string };
  summary: string;
  rows: AppraisalRow[];
  deadlines: DeadlineLine[];
  problem: string | null;
}

/**
 * A unit's criteria side by side: what the back-end read of its file (`Chấm điểm`), or why nothing
 * was read (`problem`, Vietnamese). Unknown unit or rubric: a Vietnamese message too.
 */
export function unitAppraisalView(
  control: Control,
  code: string,
  grid: Grid | null,
  problem: string | null,
  today: Date,
): UnitAppraisalView {
  const unit = control.units.find((u) => u.code === code);
  const deadlines = deadlineLines(unit ? unitDeadlines(control.settings, unit) : roundDeadlines(control.settings), today);
  if (!unit) {
    return {
      unit: { code, name: '' },
      summary: '',
      rows: [],
      deadlines,
      problem: `Không có đơn vị mã «${code}» trong sheet «${SHEETS.units}».`,
    };
  }
  const head = { code: unit.code, name: unit.name };
  const rubric = control.rubrics[unit.rubricId];
  if (!rubric) {
    return {
      unit: head,
      summary: '',
      rows: [],
      deadlines,
      problem: `Chưa xác định được bộ tiêu chí «${unit.rubricId}» của đơn vị (sheet «${SHEETS.criteria}»).`,
    };
  }
  if (!grid) return { unit: head, summary: '', rows: [], deadlines, problem: problem ?? 'Đơn vị chưa có biểu mẫu chấm điểm.' };
  const read = readUnitSheet(grid, unit, rubric, layoutOptions(control.settings, rubric));
  const rows = appraisalRows(rubric, read.entries);
  return { unit: head, summary: appraisalSummary(rows), rows, deadlines, problem: null };
}
