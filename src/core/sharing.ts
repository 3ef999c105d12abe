// Who gets a unit's file: the scorer's e-mail in `Đơn vị`, when it is a valid address; a file
// shared with another (older) address is shared again when the e-mail is corrected.
import type { Unit } from './types';
import { isValidEmail } from './text';
import { UNIT_COLUMNS } from './schema';
import { cyrb53Hex } from './hash';

const NOT_SHARED = 'biểu mẫu đã được tạo nhưng chưa chia sẻ cho người chấm';

/** The address to share the unit's file with, or why it cannot be shared (a sentence without the unit). */
export function shareTarget(unit: Pick<Unit, 'email'>): { email: string } | { problem: string } {
  const email = unit.email.trim();
  if (!email) return { problem: `chưa có email người chấm; ${NOT_SHARED}. Ghi email vào cột «${UNIT_COLUMNS.email}» rồi chạy lại.` };
  if (!isValidEmail(email)) return { problem: `email người chấm «${email}» không hợp lệ; ${NOT_SHARED}. Sửa email rồi chạy lại.` };
  return { email };
}

/** Why sharing failed this time (Google's reason in Vietnamese); it is tried again on the next run. */
export const shareFailed = (email: string, reason: string) =>
  `biểu mẫu đã được tạo nhưng chưa chia sẻ được cho «${email}» (${reason}). Công cụ sẽ thử chia sẻ lại ở lần chạy sau.`;

/** The e-mail Google sends the scorer with the link to the unit's file. */
export function shareMessage(unit: Pick<Unit, 'name'>, year: number): string {
  return (
    `Anh/chị được chia sẻ biểu mẫu chấm điểm công tác dân vận chính quyền năm ${year} của đơn vị ${unit.name}. ` +
    'Mở tệp theo đường liên kết, tự chấm điểm ở các ô nền trắng (Tự chấm, Minh chứng, Ghi chú) rồi nộp trước hạn.'
  );
}

/**
 * Whether the file is shared with the unit's current e-mail (`sharedWith`: the address it was
 * shared with, '' when it could not be). Unknown (a record from before the add-on remembered it, or
 * a link typed in `Liên kết`): taken as shared.
 */
export function isShared(sharedWith: string | undefined, unit: Pick<Unit, 'email'>): boolean {
  if (sharedWith === undefined) return true;
  if (sharedWith.startsWith('#')) return sharedWith === emailTag(unit.email);
  return sharedWith !== '' && sharedWith.trim().toLowerCase() === unit.email.trim().toLowerCase();
}

/**
 * A short tag of an address ("#" and 12 hex digits), what the add-on remembers of who got a file:
 * enough to notice a changed e-mail, at a fraction of the address's bytes in the limited store.
 */
export function emailTag(email: string): string {
  return `#${cyrb53Hex(email.trim().toLowerCase())}`;
}
