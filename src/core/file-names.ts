// File names of unit workbooks, the same rule offline (.xlsx) and in Drive: readable, valid on
// Windows, macOS and Linux, and never the same for two different units — a clash would put one
// unit's scores in another unit's file, or skip a unit.
import { cyrb53Hex } from './hash';
import { normalizeHeader } from './text';

/** Longest unit code kept as it is in a file name. */
const MAX_PLAIN_CODE = 40;
const NO_NAME = 'Không tên';

export const MAX_FILE_NAME = 120;
/** Longest path the tool makes. Windows opens nothing longer than 260 characters. */
export const MAX_PATH_LENGTH = 240;
/**
 * Longest path of a file the tool writes: room is left for what may be made beside it, so that
 * those stay within MAX_PATH_LENGTH too — its temporary ".<name>.<pid>.tmp" (13 more characters)
 * and the name of its older version kept as "… (cũ 2024-11-21-1405 2).xlsx" (25 more).
 */
export const MAX_FILE_PATH = MAX_PATH_LENGTH - 25;

// Bidirectional controls (U+202E shows «Xã \u202Exslx.exe» reversed), zero-width and other
// invisible format characters: a name must read as it is.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A name as a person reads it: no control or bidirectional characters, single spaces. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** True when a name has nothing readable (blank, or only spaces, punctuation and control characters). */
export const isBlankName = (name: string) => !/[\p{L}\p{N}]/u.test(cleanName(name));

/** A message when `file` (an absolute path) is too long to be opened everywhere, else null. */
export function pathTooLongMessage(file: string): string | null {
  if (file.length <= MAX_FILE_PATH) return null;
  return (
    `đường dẫn «${file}» dài ${file.length} ký tự, quá giới hạn ${MAX_FILE_PATH} ` +
    `(để cả tệp tạm và bản cũ «… (cũ <ngày giờ>)» của nó đều dưới ${MAX_PATH_LENGTH} ký tự: Windows không mở được tệp có đường dẫn dài hơn 260 ký tự). ` +
    'Hãy rút ngắn tên đơn vị hoặc tên nhóm, hoặc chuyển thư mục làm việc đến chỗ có đường dẫn ngắn hơn, rồi chạy lại.'
  );
}

/** A name that is valid as a file or folder name on Windows, macOS and Linux. */
export function sanitizeFileName(name: string): string {
  const clean = cleanName(name)
    .replace(/[<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const short = clean.length > MAX_FILE_NAME ? clean.slice(0, MAX_FILE_NAME).trim() : clean;
  // Reserved device names on Windows.
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(short) ? `${short}_` : short || '_';
}

// Letters, digits, "_", "-" and inner dots, starting and ending with a letter or a digit ("BS-X08",
// "1.10"): such a code is its own file name. No space, so the code always ends at the first " - ".
const PLAIN_CODE = /^[\p{L}\p{N}](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_-])?$/u;

/**
 * The unit code as it appears in a file name. A plain code stays as typed; any other gets a
 * readable form ("A/B" → "A_B") followed by "~" and a hash of the code's identity (the same for
 * codes that are the same unit, see `unitKey`). A plain code has no "~", so it never looks like
 * a hashed one, and two codes get the same form only if they are the same unit — also on a file
 * system that ignores case, since the hash is lower-case hex and plain codes differ by more than case.
 */
export function unitCodeForFileName(code: string): string {
  const text = code.normalize('NFC').trim();
  if (PLAIN_CODE.test(text) && text.length <= MAX_PLAIN_CODE) return text;
  const readable =
    text
      .replace(/[^\p{L}\p{N}_.-]+/gu, '_')
      .replace(/^[._-]+|[._-]+$/g, '')
      .slice(0, MAX_PLAIN_CODE - 10) || '_';
  // Same identity as control.ts's unitKey (case, spacing and Unicode form do not make another unit).
  const identity = normalizeHeader(code).toUpperCase();
  return `${readable}~${cyrb53Hex(identity).slice(0, 10)}`;
}

/** "<code> - <name>": the name of a unit's workbook without its extension or suffix. */
export function unitFileStem(unit: { code: string; name: string }): string {
  const cleaned = sanitizeFileName(unit.name);
  const name = /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : NO_NAME;
  return sanitizeFileName(`${unitCodeForFileName(unit.code)} - ${name}`);
}
