// The words of `Đơn vị`/`Trạng thái`: a closed list. A word outside it (a typo such as «Da nop») is
// reported and never overwritten, rather than silently read as «not submitted».
import { STATUS, Unit } from './types';
import { normalizeHeader } from './text';

/** Every status a user may read or type, in the order of the year (the sheet's dropdown). */
export const STATUS_WORDS: readonly string[] = [
  STATUS.created,
  STATUS.scoring,
  STATUS.submitted,
  STATUS.returned,
  STATUS.explained,
  STATUS.appraisedDone,
  STATUS.recognized,
  STATUS.recreate,
];

/** The appraisal round's statuses: the unit has submitted (its scores count for the ranking). */
const AFTER_SUBMISSION: readonly string[] = [STATUS.returned, STATUS.explained, STATUS.appraisedDone, STATUS.recognized];

/** The canonical word for `text` (case and spacing ignored); '' for a blank cell; null when unknown. */
export function canonicalStatus(text: string): string | null {
  const t = normalizeHeader(text);
  if (!t) return '';
  return STATUS_WORDS.find((w) => normalizeHeader(w) === t) ?? null;
}

export const allowedStatusesText = () => STATUS_WORDS.map((w) => `«${w}»`).join(', ');

/** Submission is recorded in `Đơn vị`/`Trạng thái`. */
export const isSubmitted = (u: Pick<Unit, 'status'>) => {
  const s = canonicalStatus(u.status);
  return s === STATUS.submitted || (s !== null && AFTER_SUBMISSION.includes(s));
};

/** A status of the appraisal round after «Đã nộp» (the owner's decision; the file stays accepted). */
export const isAfterSubmission = (status: string) => AFTER_SUBMISSION.includes(canonicalStatus(status) ?? '');

/**
 * The documented flow of the round: Đang chấm → Đã nộp → Trả lại để giải trình → Đã giải trình →
 * Đã thẩm định → Đã công nhận. Besides the next step: a submitted unit may be appraised without an
 * explanation round, an explained one returned again, and a submitted one reopened (Đang chấm).
 */
const NEXT: Record<string, readonly string[]> = {
  [STATUS.created]: [STATUS.scoring],
  [STATUS.scoring]: [STATUS.submitted],
  [STATUS.submitted]: [STATUS.returned, STATUS.appraisedDone, STATUS.scoring],
  [STATUS.returned]: [STATUS.explained],
  [STATUS.explained]: [STATUS.appraisedDone, STATUS.returned],
  [STATUS.appraisedDone]: [STATUS.recognized],
  [STATUS.recognized]: [],
};

/**
 * Why the step from `current` to `next` is refused ('' when allowed). `current`/`next` are as typed;
 * the message names the current status and what may follow it.
 */
export function statusStepRefusal(current: string, next: string): string {
  const to = canonicalStatus(next);
  if (to === null || to === '') return `trạng thái «${next}» không có trong danh sách; chỉ dùng: ${allowedStatusesText()}.`;
  const was = canonicalStatus(current);
  if (was === null) return `trạng thái hiện tại «${current}» không có trong danh sách; sửa lại trước khi chuyển sang «${to}».`;
  const from = was || STATUS.created;
  // «Tạo lại» is the owner's repair of a lost file, from any status, and leads back to a new file.
  if (from === to || to === STATUS.recreate) return '';
  const allowed = from === STATUS.recreate ? [STATUS.created, STATUS.scoring] : (NEXT[from] ?? []);
  if (allowed.includes(to)) return '';
  const then = allowed.length
    ? `từ trạng thái này chỉ chuyển được sang ${allowed.map((w) => `«${w}»`).join(', ')}`
    : 'đây là bước cuối của năm';
  return `không chuyển được sang «${to}» vì trạng thái hiện tại là «${from}»; ${then}.`;
}

/** Someone typed in the unit's file (or it was submitted). */
export function hasEntries(u: Pick<Unit, 'status'>): boolean {
  const s = canonicalStatus(u.status);
  return s === STATUS.scoring || isSubmitted(u);
}

/** The admin asked for a new file in place of a lost one. */
export const wantsRecreate = (u: Pick<Unit, 'status'>) => canonicalStatus(u.status) === STATUS.recreate;
