// The submission as shown in a unit file: the hidden status cell (STATUS_CELLS.meta) holds
// 'Đã nộp' / 'Đang chấm'; the visible line (STATUS_CELLS.text) says when, by whom, the fingerprint
// of the inputs at that moment ("mã kiểm tra"), and whether the owner has locked the inputs. Both
// cells are editable by the scorer until the lock: what the scorer's «Nộp kết quả» writes there is
// a request; the owner's collection decides, keeps the record in `Đơn vị` (acceptance.ts), locks
// the inputs and writes this line again as a copy of that record. Nothing here is trusted.
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

export function submittedLine(at: Date | string, by: string, locked: boolean, fingerprint = ''): string {
  const when = at instanceof Date ? displayDateTime(at) : at;
  return (
    `Trạng thái: ${STATUS.submitted}${when ? ` lúc ${when}` : ''}${by ? ` — người nộp: ${by}` : ''}` +
    `${fingerprint ? ` — ${CHECK}: ${fingerprint}` : ''}${locked ? ` — ${LOCKED}` : ''}`
  );
}

export const isLockedLine = (text: string) => text.includes(LOCKED);

/** The same line with the lock mark added. */
export const lockedLine = (text: string) => (isLockedLine(text) ? text : `${text} — ${LOCKED}`);

/** The fingerprint a submitted line names, '' when there is none (an older file, a line typed by hand). */
export function fingerprintIn(text: string): string {
  return new RegExp(`${CHECK}: ([0-9a-f]{12})\\b`).exec(text)?.[1] ?? '';
}

/** Who a request line says submitted ('' when it does not say); data typed by the scorer, shown as such. */
export function submitterIn(text: string): string {
  return (/người nộp: (.+?)(?: — |$)/.exec(text)?.[1] ?? '').trim().slice(0, 200);
}
