// What a `Minh chứng` cell lists: several items, one per line or separated by «;». An item is a
// link (a URL), a path to a file in the unit's folder (offline: `minh-chung/ke-hoach-12.pdf`), or
// free text («Kế hoạch số 12/KH-UBND»). Core decides which items are paths and whether a path may
// be used at all; a back-end only says which of the paths core asks about exist (`EvidenceFound`).
import type { Cell, Entries } from './types';
import { cellText } from './text';

export type EvidenceItem =
  | { kind: 'url' | 'text'; text: string }
  /** `path`: the relative path normalized with «/», no «.» or «..» left; `outside`: refused. */
  | { kind: 'path'; text: string; path: string; outside: false }
  | { kind: 'path'; text: string; outside: true };

/**
 * What a back-end found of the paths core asked about (`evidencePaths`), relative to the folder of
 * the unit's file. A back-end without a folder (Google Sheets) gives none: paths are not checked.
 */
export interface EvidenceFound {
  found: readonly string[];
}

/** Extensions of files offices keep as evidence: the sign that an item is a file name, not a sentence. */
const FILE_EXTENSIONS =
  /\.(pdf|docx?|xlsx?|xlsm|ods|odt|odp|pptx?|rtf|txt|csv|jpe?g|png|gif|bmp|tiff?|webp|heic|zip|rar|7z|mp3|mp4|mov|avi)$/iu;
/** A URL with a scheme (https://, file://, mailto:) or starting «www.»: a link, never a path. */
const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.)/iu;
/** An absolute path: «/x», «\x», «\\server\x», «C:\x» or «C:/x». */
const ABSOLUTE = /^(?:[\\/]|[a-z]:[\\/]?)/iu;
/** An explicit relative path: «./x», «../x», «.\x», «..\x». */
const RELATIVE_PREFIX = /^\.{1,2}[\\/]/u;

/** The items of a `Minh chứng` cell, in order, blanks left out. */
export function evidenceItems(cell: Cell | undefined): EvidenceItem[] {
  return cellText(cell)
    .split(/[\r\n;]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(classify);
}

function classify(text: string): EvidenceItem {
  if (URL.test(text)) return { kind: 'url', text };
  const looksLikePath = ABSOLUTE.test(text) || RELATIVE_PREFIX.test(text) || FILE_EXTENSIONS.test(text);
  if (!looksLikePath) return { kind: 'text', text };
  if (ABSOLUTE.test(text)) return { kind: 'path', text, outside: true };
  const parts: string[] = [];
  for (const seg of text.split(/[\\/]+/u)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      // A «..» that climbs above the unit's folder leads to other units' files: refused.
      if (parts.length === 0) return { kind: 'path', text, outside: true };
      parts.pop();
    } else parts.push(seg);
  }
  if (parts.length === 0) return { kind: 'path', text, outside: true };
  return { kind: 'path', text, path: parts.join('/'), outside: false };
}

/** The paths a back-end should look for, relative to the unit file's folder (each once, sorted). */
export function evidencePaths(entries: Entries): string[] {
  const out = new Set<string>();
  for (const e of Object.values(entries)) {
    for (const item of evidenceItems(e?.evidence ?? null)) if (item.kind === 'path' && !item.outside) out.add(item.path);
  }
  return [...out].sort();
}
