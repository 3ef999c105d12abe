// A short fingerprint of what a scorer entered (Tự chấm, Minh chứng, Ghi chú of every criterion),
// recorded when the unit submits, so the collection can tell whether the inputs changed after the
// submission (a scorer's inputs stay editable in the sheet until the owner locks them).
// The appraisal (Thẩm định) is not part of it: the council enters it after the submission.
import type { Cell, Entries } from '../core/types';
import { cellText } from '../core/text';

/** cyrb53 (public-domain string hash) as 12 hex digits — the same function as the rubric fingerprint. */
function cyrb53Hex(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hi = ((h2 >>> 0) & 0xffff).toString(16).padStart(4, '0');
  const lo = (h1 >>> 0).toString(16).padStart(8, '0');
  return hi + lo;
}

const SCORER_FIELDS = ['self', 'evidence', 'note'] as const;

function canonical(c: Cell | undefined): string {
  if (typeof c === 'number') return `n:${c}`;
  if (c instanceof Date) return `d:${c.getTime()}`;
  return cellText(c ?? null);
}

/**
 * Fingerprint of the scorer's inputs: every non-blank value, by criterion code and field, in a
 * stable order (so a criterion the other rubric lacks but left blank changes nothing).
 */
export function inputsFingerprint(entries: Entries): string {
  const parts: string[] = [];
  for (const code of Object.keys(entries).sort()) {
    const e = entries[code];
    for (const f of SCORER_FIELDS) {
      const v = canonical(e[f]);
      if (v !== '') parts.push(`${code}\u0001${f}\u0001${v}`);
    }
  }
  return cyrb53Hex(parts.join('\u0002'));
}
