// The submission as recorded in a unit file: the hidden status cell (STATUS_CELLS.meta) holds
// 'Đã nộp' / 'Đang chấm'; the visible line (STATUS_CELLS.text) says when, by whom, the fingerprint
// of the inputs at that moment ("mã kiểm tra"), and whether the owner has locked the inputs. A
// scorer cannot lock a protection he does not own, so the lock is applied by the owner: at once
// when the owner submits, else at the admin's next collection. The collection reads this line with
// the scores (no extra call), and warns when the inputs no longer match the fingerprint.
import { STATUS } from './types';
import { displayDateTime } from './gas-support';

const LOCKED = 'đã khóa ô nhập';
const CHECK = 'mã kiểm tra';

const REOPENED = 'mở lại lúc';

export function scoringLine(reopenedAt?: Date): string {
  return `Trạng thái: ${STATUS.scoring}${reopenedAt ? ` (${REOPENED} ${displayDateTime(reopenedAt)})` : ''}`;
}

/** The line says the file was reopened (by its owner, in the scorer sidebar). */
export const isReopenedLine = (text: string) => text.includes(REOPENED);

export function submittedLine(at: Date, by: string, locked: boolean, fingerprint = ''): string {
  return (
    `Trạng thái: ${STATUS.submitted} lúc ${displayDateTime(at)}${by ? ` — người nộp: ${by}` : ''}` +
    `${fingerprint ? ` — ${CHECK}: ${fingerprint}` : ''}${locked ? ` — ${LOCKED}` : ''}`
  );
}

export const isLockedLine = (text: string) => text.includes(LOCKED);

/** The same line with the lock mark added. */
export const lockedLine = (text: string) => (isLockedLine(text) ? text : `${text} — ${LOCKED}`);

/** The fingerprint recorded in a submitted line, '' when there is none (an older file, a line typed by hand). */
export function fingerprintIn(text: string): string {
  return new RegExp(`${CHECK}: ([0-9a-f]{12})\\b`).exec(text)?.[1] ?? '';
}
