// Where things live in a workspace folder (and nowhere else: a `Liên kết` never leads out of it):
//   <ws>/dieu-khien.xlsx                                   the control workbook (Bảng điều khiển)
//   <ws>/Dân vận chính quyền <year>/<group>/<code> - <name>.xlsx   one unit workbook per unit
//   <ws>/Dân vận chính quyền <year>/Báo cáo … .docx, Quyết định … .docx
import fs from 'node:fs';
import path from 'node:path';
import { draftFileName } from '../core/report-model';
import type { Unit } from '../core/types';
import { UNIT_COLUMNS } from '../core/schema';
import { sanitizeFileName, unitFileStem } from '../core/file-names';
import { checkWorkspaceLink, refusedLinkMessage } from '../core/links';
import { UserError } from './errors';

export { sanitizeFileName };

export const CONTROL_FILE = 'dieu-khien.xlsx';
const NO_GROUP = 'Chưa phân nhóm';

export const controlPath = (ws: string) => path.join(ws, CONTROL_FILE);
export const yearDir = (ws: string, year: number) => path.join(ws, `Dân vận chính quyền ${year}`);

/** The path a unit's workbook gets when it is created: unique per unit code (see core/file-names). */
export function unitFilePath(ws: string, year: number, unit: Pick<Unit, 'code' | 'name' | 'group'>): string {
  const group = sanitizeFileName(unit.group || NO_GROUP);
  return path.join(yearDir(ws, year), group, `${unitFileStem(unit)}.xlsx`);
}

/** `Liên kết` text for a file: relative to the workspace, with "/" on every system. */
export const linkOf = (ws: string, file: string) => path.relative(ws, file).split(path.sep).join('/');

/** True when `file` (or its nearest existing folder) really lies outside `root` once symbolic links are followed. */
function leavesByLink(root: string, file: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return null;
    }
  };
  let existing = file;
  while (real(existing) === null && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const target = real(existing);
  if (target === null) return false;
  const rel = path.relative(real(root) ?? root, path.join(target, path.relative(existing, file)));
  return rel.split(path.sep)[0] === '..' || path.isAbsolute(rel);
}

/**
 * The file a `Liên kết` cell points at — only inside the workspace (relative to it, or absolute
 * below it). Anything else is a UserError naming the link: nothing outside is read or written.
 */
export function resolveLink(ws: string, link: string): string {
  const root = path.resolve(ws);
  const check = checkWorkspaceLink(link, root);
  if (!check.ok) throw new UserError(refusedLinkMessage(link, check.reason, UNIT_COLUMNS.link));
  const file = path.join(root, ...check.segments);
  if (leavesByLink(root, file)) {
    throw new UserError(
      refusedLinkMessage(link, 'đi qua một lối tắt (liên kết tượng trưng) dẫn ra ngoài thư mục làm việc', UNIT_COLUMNS.link),
    );
  }
  return file;
}

/** The documents of a year; a draft's names end with « - DỰ THẢO» (core's draftFileName). */
export function documentPaths(ws: string, year: number, draft = false): { report: string; decision: string } {
  const dir = yearDir(ws, year);
  return {
    report: path.join(dir, `${draftFileName(`Báo cáo dân vận chính quyền ${year}`, draft)}.docx`),
    decision: path.join(dir, `${draftFileName(`Quyết định xếp loại dân vận chính quyền ${year}`, draft)}.docx`),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "2024-11-15-0930" */
export const stamp = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;

/** "<name> (cũ 2024-11-15-0930).<ext>" beside `file`. */
export function backupName(file: string, now: Date, n = 1): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  return `${base} (cũ ${stamp(now)}${n > 1 ? ` ${n}` : ''})${ext}`;
}

/**
 * Where a unit's workbook is: the `Liên kết` cell when filled, else where `templates` puts it.
 * Throws a UserError when the link leads outside the workspace (see resolveLink).
 */
export function unitLocation(ws: string, year: number, unit: Unit): { file: string; link: string; recorded: boolean } {
  // A link into another year's folder is last year's file: this year gets its own.
  const linkedYear = /^Dân vận chính quyền (\d{4})[\\/]/.exec(unit.link.normalize('NFC'))?.[1];
  if (unit.link && (!linkedYear || Number(linkedYear) === year))
    return { file: resolveLink(ws, unit.link), link: unit.link, recorded: true };
  const file = unitFilePath(ws, year, unit);
  return { file, link: linkOf(ws, file), recorded: false };
}
