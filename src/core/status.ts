// The words of `Đơn vị`/`Trạng thái`: a closed list. A word outside it (a typo such as «Da nop») is
// reported and never overwritten, rather than silently read as «not submitted».
import { STATUS, Unit } from './types';
import { normalizeHeader } from './text';

/** Every status a user may read or type, in the order of the year (the sheet's dropdown). */
export const STATUS_WORDS: readonly string[] = [STATUS.created, STATUS.scoring, STATUS.submitted, STATUS.recreate];

/** The canonical word for `text` (case and spacing ignored); '' for a blank cell; null when unknown. */
export function canonicalStatus(text: string): string | null {
  const t = normalizeHeader(text);
  if (!t) return '';
  return STATUS_WORDS.find((w) => normalizeHeader(w) === t) ?? null;
}

export const allowedStatusesText = () => STATUS_WORDS.map((w) => `«${w}»`).join(', ');

/** Submission is recorded in `Đơn vị`/`Trạng thái`. */
export const isSubmitted = (u: Pick<Unit, 'status'>) => canonicalStatus(u.status) === STATUS.submitted;

/** Someone typed in the unit's file (or it was submitted). */
export function hasEntries(u: Pick<Unit, 'status'>): boolean {
  const s = canonicalStatus(u.status);
  return s === STATUS.scoring || s === STATUS.submitted;
}

/** The admin asked for a new file in place of a lost one. */
export const wantsRecreate = (u: Pick<Unit, 'status'>) => canonicalStatus(u.status) === STATUS.recreate;
