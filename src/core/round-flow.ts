// The explanation round (issue 13 item 3): the owner returns a submitted unit («Trả lại để giải
// trình», with a deadline); its scorer writes `Giải trình` per criterion, may add evidence, and asks
// for «Đã giải trình» («Gửi giải trình»: a request in the file, like «Nộp kết quả»); the owner's side
// accepts it only while the unit is returned. Only the owner writes `Đơn vị`: the deadline
// (`Hạn giải trình`), the time the explanation was accepted (`Giải trình lúc`) and the status the
// tool last wrote (`Trạng thái đã ghi`), against which a status typed in `Đơn vị` is checked.
import type { Cell, Entries, Finding, Grid, Unit, UnitRound } from './types';
import { a1, findHeader } from './table';
import { STATUS } from './types';
import { SCORING_COLUMNS, SHEETS, UNIT_COLUMNS } from './schema';
import { keptChanges, KeptField } from './inputs-fingerprint';
import { asDate } from './config';
import { cellText } from './text';
import { displayDateTime } from './gas-support';
import { formatDateShort } from './format';
import { canonicalStatus, isAfterSubmission, statusStepRefusal } from './status';
import { daysLeft } from './deadlines';

const label = (u: Pick<Unit, 'name' | 'code'>) => `${u.name} (${u.code})`;

/** `Hạn giải trình` and `Giải trình lúc` of a row of `Đơn vị`; undefined when both are blank. */
export function readRound(r: { explainBy?: Cell; explainedAt?: Cell; returnedCheck?: Cell }): UnitRound | undefined {
  const by = asDate(r.explainBy ?? null);
  const at = r.explainedAt instanceof Date ? r.explainedAt : cellText(r.explainedAt ?? null);
  const kept = cellText(r.returnedCheck ?? null);
  if (!by && at === '' && !kept) return undefined;
  return { ...(by ? { explainBy: by } : {}), ...(at !== '' ? { explainedAt: at } : {}), ...(kept ? { returnedCheck: kept } : {}) };
}

/** The deadline of a unit's explanation: the one set when it was returned, else `Hạn giải trình` of `Cấu hình`. */
export const explanationDeadline = (unit: Pick<Unit, 'round'>, fallback: Date | null): Date | null => unit.round?.explainBy ?? fallback;

/** A date typed for `--han` (dd/mm/yyyy): the date, or a Vietnamese message naming what was typed. */
export function parseDeadline(text: string): Date | string {
  return asDate(text.trim()) ?? `hạn giải trình «${text}» không đúng dạng ngày/tháng/năm (ví dụ 20/12/2025).`;
}

const DEADLINE = 'hạn giải trình';
const REQUEST = 'đơn vị gửi lúc';

/** The file's status line while the unit is returned (the owner's copy). */
export function returnedLine(deadline: Date | null): string {
  return `Trạng thái: ${STATUS.returned}${deadline ? ` — ${DEADLINE} ${formatDateShort(deadline)}` : ''} — ghi giải trình ở cột «Giải trình», có thể bổ sung «Minh chứng», rồi bấm «Gửi giải trình».`;
}

/**
 * The deadline a returned file's status copy names («… — hạn giải trình 20/12/2026 — …», written by
 * the owner's collection or `dvcq status`): how the scorer's sidebar learns the unit's own deadline
 * without the control spreadsheet. Null when the line names none.
 */
export function returnedDeadlineIn(line: string): Date | null {
  const m = new RegExp(`${DEADLINE} (\\d{1,2})/(\\d{1,2})/(\\d{4})`).exec(line);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

/** The scorer's request line («Gửi giải trình»): data typed by the scorer, decided by the owner. */
export const explanationRequestLine = (at: Date, by: string) =>
  `Trạng thái: ${STATUS.explained} (${REQUEST} ${displayDateTime(at)}${by ? ` — người gửi: ${by}` : ''}; chờ cơ quan quản lý ghi nhận)`;

/** The file's status line once the owner accepted the explanation. */
export function explainedLine(at: Date | string | undefined, locked: boolean): string {
  const when = at instanceof Date ? displayDateTime(at) : (at ?? '');
  return `Trạng thái: ${STATUS.explained}${when ? ` lúc ${when}` : ''}${locked ? ' — đã khóa ô nhập' : ''}`;
}

/** What the file's status cells show for a status of the round (null: the status has no copy of its own here). */
export function roundCopy(
  unit: Pick<Unit, 'round'>,
  status: string,
  fallback: Date | null,
  locked: boolean,
): { status: string; line: string } | null {
  if (status === STATUS.returned) return { status, line: returnedLine(explanationDeadline(unit, fallback)) };
  if (status === STATUS.explained) return { status, line: explainedLine(unit.round?.explainedAt, locked) };
  return null;
}

/** Days an explanation was accepted after its deadline (0: on time, or nothing to tell). */
export function daysLateExplained(unit: Pick<Unit, 'round' | 'status'>, fallback: Date | null): number {
  const deadline = explanationDeadline(unit, fallback);
  const at = unit.round?.explainedAt;
  const s = canonicalStatus(unit.status);
  if (!deadline || !(at instanceof Date) || !(s === STATUS.explained || s === STATUS.appraisedDone || s === STATUS.recognized)) return 0;
  return Math.max(0, -daysLeft(deadline, at));
}

/** The Cảnh báo of an explanation sent after its deadline, or null. */
export function lateExplanationFinding(unit: Unit, fallback: Date | null): Finding | null {
  const late = daysLateExplained(unit, fallback);
  if (!late) return null;
  return {
    severity: 'Cảnh báo',
    unitCode: unit.code,
    code: 'late-explanation',
    message: `${label(unit)}: gửi giải trình ngày ${formatDateShort(unit.round!.explainedAt as Date)}, sau hạn giải trình ${formatDateShort(explanationDeadline(unit, fallback)!)} (chậm ${late} ngày).`,
  };
}

/**
 * The inputs other than `Giải trình` and `Minh chứng` changed while the unit is returned, against
 * what `Mã kiểm tra khi trả lại` recorded at the return: ««Tự chấm» của tiêu chí 1.2, 3; «Ghi chú»
 * của tiêu chí 2» ('' when none, or nothing recorded: a return made before the column).
 */
export function changedWhileReturnedCells(unit: Pick<Unit, 'round'>, entries: Entries, grid?: Grid): string {
  const recorded = unit.round?.returnedCheck;
  const changes = recorded ? keptChanges(recorded, entries) : null;
  if (!changes?.length) return '';
  // The cell of each change, when the file's grid is given: «1.2 (ô D12)».
  const loc = grid ? findHeader(grid, SCORING_COLUMNS, ['code', 'self']) : null;
  const where = (code: string, field: KeptField) => {
    const col = loc?.cols[field];
    if (!loc || col === undefined) return code;
    const row = grid!.findIndex((r, i) => i > loc.headerRow && cellText(r[loc.cols.code!] ?? null) === code);
    return row < 0 ? code : `${code} (ô ${a1(row, col)})`;
  };
  const byField = new Map<KeptField, string[]>();
  for (const c of changes) byField.set(c.field, [...(byField.get(c.field) ?? []), where(c.code, c.field)]);
  return [...byField].map(([f, codes]) => `«${SCORING_COLUMNS[f]}» của tiêu chí ${codes.join(', ')}`).join('; ');
}

/**
 * The Cảnh báo of such a change (the round keeps what was submitted, as «changed after submission»
 * does outside it); `requested`: the scorer's «Gửi giải trình», which is not accepted then.
 */
export function changedWhileReturned(unit: Unit, entries: Entries, requested: boolean, grid?: Grid, link?: string): Finding | null {
  const cells = changedWhileReturnedCells(unit, entries, grid);
  if (!cells) return null;
  return {
    severity: 'Cảnh báo',
    unitCode: unit.code,
    sheet: SHEETS.scoring,
    code: 'changed-while-returned',
    link,
    message:
      `${label(unit)}: trong lúc trả lại để giải trình, ô nhập ${cells} đã bị sửa (chỉ được sửa «${SCORING_COLUMNS.explanation}» và «${SCORING_COLUMNS.evidence}»)` +
      `${requested ? '; giải trình chưa được ghi nhận' : ''}. Hãy xem lại biểu mẫu rồi quyết định: ghi lại giá trị lúc nộp, giữ giá trị hiện tại ` +
      `(xóa ô «${UNIT_COLUMNS.returnedCheck}» của đơn vị ở sheet «${SHEETS.units}», lần chạy sau ghi nhận giá trị mới), ` +
      `hoặc ghi «${STATUS.scoring}» vào cột «${UNIT_COLUMNS.status}» của đơn vị để đơn vị chấm và nộp lại.`,
  };
}

/** The cells of `Đơn vị` written when the owner returns a unit: the deadline, no explanation yet. */
export const returnCells = (deadline: Date | null, returnedCheck?: string) => ({
  status: STATUS.returned,
  explainBy: deadline ?? '',
  explainedAt: '',
  ...(returnedCheck !== undefined ? { returnedCheck } : {}),
});

/** The Cảnh báo when a file asks for «Đã giải trình» while `Đơn vị` does not allow it (the status stays). */
export function explanationRefused(unit: Unit, current: string, link?: string): Finding {
  return {
    severity: 'Cảnh báo',
    unitCode: unit.code,
    sheet: SHEETS.scoring,
    code: 'explain-refused',
    link,
    message: `${label(unit)}: biểu mẫu ghi «Gửi giải trình» nhưng chưa được ghi nhận: ${statusStepRefusal(current, STATUS.explained)}`,
  };
}

/**
 * A status typed in `Đơn vị` over the one the tool last wrote (`Trạng thái đã ghi`): a step of the
 * round (into, within or out of the statuses after «Đã nộp») is kept when allowed, else refused (a
 * Lỗi naming the current status) and the recorded one written back.
 * Nothing recorded yet (an older workbook) or nothing typed differently: kept.
 */
export function typedStatusCheck(unit: Unit): { status: string; finding?: Finding } {
  const recorded = unit.recordedStatus ?? '';
  const typed = canonicalStatus(unit.status);
  // Blank is no step (the tool fills it in again); an unknown word is reported by readControl.
  if (!recorded || !typed || typed === (canonicalStatus(recorded) ?? recorded)) return { status: unit.status };
  // Only the round is checked (a step into, within or out of the statuses after «Đã nộp»): before
  // it, the owner may still type «Đã nộp» (the record starts at the next collection) or «Đang chấm».
  if (!isAfterSubmission(typed) && !isAfterSubmission(recorded)) return { status: unit.status };
  const refusal = statusStepRefusal(recorded, unit.status);
  if (!refusal) return { status: unit.status };
  return {
    status: recorded,
    finding: {
      severity: 'Lỗi',
      unitCode: unit.code,
      sheet: SHEETS.units,
      cell: unit.row ? `dòng ${unit.row}` : undefined,
      code: 'illegal-status-step',
      message: `${label(unit)}: cột «${UNIT_COLUMNS.status}» ghi «${typed}» nhưng ${refusal} ` + `Công cụ đã ghi lại «${recorded}».`,
    },
  };
}

/** Fields of a unit file the scorer may change, by the status its status cell shows (the owner's copy). */
export type ScorerFields = 'scoring' | 'explanation' | 'none';

/**
 * Before the submission: the scores (Tự chấm, Minh chứng, Ghi chú); while returned for explanation:
 * `Giải trình` and `Minh chứng`; otherwise nothing (the owner's protection decides in the sheet; the
 * sidebar follows it).
 */
export function scorerFields(fileStatus: string): ScorerFields {
  const s = canonicalStatus(fileStatus);
  if (!s || s === STATUS.created || s === STATUS.scoring || s === STATUS.recreate) return 'scoring';
  return s === STATUS.returned ? 'explanation' : 'none';
}

/** Why the scorer may not change `field` now ('' when allowed). */
export function scorerEditRefusal(fileStatus: string, field: 'self' | 'evidence' | 'note' | 'explanation'): string {
  const open = scorerFields(fileStatus);
  if (open === 'scoring' && field !== 'explanation') return '';
  if (open === 'explanation' && (field === 'explanation' || field === 'evidence')) return '';
  if (field === 'explanation')
    return `Cột «Giải trình» chỉ nhập được khi cơ quan quản lý trả lại biểu mẫu để giải trình (trạng thái hiện tại: «${canonicalStatus(fileStatus) || STATUS.scoring}»).`;
  if (open === 'explanation')
    return `Đang giải trình: chỉ sửa được cột «Giải trình» và «Minh chứng»; điểm tự chấm và ghi chú giữ như lúc nộp.`;
  return 'Đơn vị đã nộp kết quả nên không sửa được điểm. Liên hệ cơ quan quản lý nếu cần mở lại biểu mẫu.';
}
