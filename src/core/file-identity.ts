// Which unit and year a generated file belongs to, written on the file itself (Drive
// `appProperties`, set in the same call that creates it), so that a run killed after the copy and
// before its id was remembered finds the file again instead of making a second one; and which
// permission means the scorer already has the file (no second sharing e-mail).
import type { Unit } from './types';
import { cyrb53Hex } from './hash';

/** Property keys on the add-on's files. Short: Drive allows 124 bytes per property, key and value together. */
export const IDENTITY_KEYS = {
  year: 'dvcqYear',
  unit: 'dvcqUnit',
  rubric: 'dvcqRubric',
  group: 'dvcqGroup',
  master: 'dvcqMaster',
} as const;

/** Drive's limit per property (key + value, UTF-8): https://developers.google.com/workspace/drive/api/guides/properties */
export const MAX_PROPERTY_BYTES = 124;

/** UTF-8 length without TextEncoder (not available to the core everywhere). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** A value that fits the property limit: itself, or (when too long) a stable hash of it. */
function fitted(key: string, value: string): string {
  return utf8Bytes(key) + utf8Bytes(value) <= MAX_PROPERTY_BYTES ? value : `#${cyrb53Hex(value)}`;
}

/** The identity written on a unit's file: year, unit code, rubric. */
export function unitFileIdentity(year: number, unit: Pick<Unit, 'code' | 'rubricId'>): Record<string, string> {
  return {
    [IDENTITY_KEYS.year]: String(year),
    [IDENTITY_KEYS.unit]: fitted(IDENTITY_KEYS.unit, unit.code.trim()),
    [IDENTITY_KEYS.rubric]: fitted(IDENTITY_KEYS.rubric, unit.rubricId.trim()),
  };
}

/** The identity of a group folder of the year. */
export function groupFolderIdentity(year: number, group: string): Record<string, string> {
  return { [IDENTITY_KEYS.year]: String(year), [IDENTITY_KEYS.group]: fitted(IDENTITY_KEYS.group, group.trim()) };
}

/** The identity of a master spreadsheet (one per year and layout fingerprint). */
export function masterIdentity(year: number, fingerprint: string): Record<string, string> {
  return { [IDENTITY_KEYS.year]: String(year), [IDENTITY_KEYS.master]: fitted(IDENTITY_KEYS.master, fingerprint) };
}

/** Whether `properties` carry every key and value of `identity`. */
export const hasIdentity = (properties: Record<string, string>, identity: Record<string, string>) =>
  Object.entries(identity).every(([k, v]) => properties[k] === v);

/** A file found on Drive with its identity. */
export interface IdentifiedFile {
  id: string;
  url: string;
  properties: Record<string, string>;
}

/**
 * The file of `unit` for `year` among `files` (found in its group folder), or null. Several (left
 * by an older version that made duplicates): the first one, i.e. the oldest when the list is in
 * creation order. A file made for another rubric is not the unit's file for this rubric.
 */
export function fileOfUnit(files: readonly IdentifiedFile[], year: number, unit: Pick<Unit, 'code' | 'rubricId'>): IdentifiedFile | null {
  const want = unitFileIdentity(year, unit);
  return files.find((f) => hasIdentity(f.properties, want)) ?? null;
}

/** A permission of a file, as Drive lists it. */
export interface FilePermission {
  emailAddress?: string;
  role?: string;
  type?: string;
}

/**
 * Whether `email` may already edit the file (owner, organizer or writer): then sharing it again
 * would only send the scorer a second e-mail.
 */
export function canAlreadyEdit(permissions: readonly FilePermission[], email: string): boolean {
  const want = email.trim().toLowerCase();
  return permissions.some(
    (p) =>
      (p.type ?? 'user') === 'user' &&
      String(p.emailAddress ?? '')
        .trim()
        .toLowerCase() === want &&
      ['owner', 'organizer', 'fileOrganizer', 'writer'].includes(String(p.role)),
  );
}
