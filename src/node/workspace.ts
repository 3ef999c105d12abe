// Where things live in a workspace folder:
//   <ws>/dieu-khien.xlsx                                   the control workbook (Bảng điều khiển)
//   <ws>/Dân vận chính quyền <year>/<group>/<code> - <name>.xlsx   one unit workbook per unit
//   <ws>/Dân vận chính quyền <year>/Báo cáo … .docx, Quyết định … .docx
import path from 'node:path';
import type { Unit } from '../core/types';

export const CONTROL_FILE = 'dieu-khien.xlsx';
const NO_GROUP = 'Chưa phân nhóm';
const MAX_NAME = 120;

export const controlPath = (ws: string) => path.join(ws, CONTROL_FILE);
export const yearDir = (ws: string, year: number) => path.join(ws, `Dân vận chính quyền ${year}`);

/** A name that is valid as a file or folder name on Windows, macOS and Linux. */
export function sanitizeFileName(name: string): string {
  const clean = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const short = clean.length > MAX_NAME ? clean.slice(0, MAX_NAME).trim() : clean;
  // Reserved device names on Windows.
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(short) ? `${short}_` : short || '_';
}

/** The path a unit's workbook gets when it is created. */
export function unitFilePath(ws: string, year: number, unit: Pick<Unit, 'code' | 'name' | 'group'>): string {
  const group = sanitizeFileName(unit.group || NO_GROUP);
  return path.join(yearDir(ws, year), group, `${sanitizeFileName(`${unit.code} - ${unit.name}`)}.xlsx`);
}

/** `Liên kết` text for a file: relative to the workspace, with "/" on every system. */
export const linkOf = (ws: string, file: string) => path.relative(ws, file).split(path.sep).join('/');

/** The file a `Liên kết` cell points at (relative to the workspace, or absolute). */
export const resolveLink = (ws: string, link: string) => path.resolve(ws, link);

export function documentPaths(ws: string, year: number): { report: string; decision: string } {
  const dir = yearDir(ws, year);
  return {
    report: path.join(dir, `Báo cáo dân vận chính quyền ${year}.docx`),
    decision: path.join(dir, `Quyết định xếp loại dân vận chính quyền ${year}.docx`),
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

/** Where a unit's workbook is: the `Liên kết` cell when filled, else where `templates` puts it. */
export function unitLocation(ws: string, year: number, unit: Unit): { file: string; link: string; recorded: boolean } {
  // A link into another year's folder is last year's file: this year gets its own.
  const linkedYear = /^Dân vận chính quyền (\d{4})[\\/]/.exec(unit.link.normalize('NFC'))?.[1];
  if (unit.link && (!linkedYear || Number(linkedYear) === year))
    return { file: resolveLink(ws, unit.link), link: unit.link, recorded: true };
  const file = unitFilePath(ws, year, unit);
  return { file, link: linkOf(ws, file), recorded: false };
}
