// A short fingerprint of what a scorer entered (Tự chấm, Minh chứng, Ghi chú of every criterion),
// recorded when the unit submits, so the collection can tell whether the inputs changed after the
// submission (a scorer's inputs stay editable in the sheet until the owner locks them).
// The appraisal (Thẩm định) is not part of it: the council enters it after the submission.
import type { Cell, Entries } from './types';
import { cellText } from './text';
import { cyrb53Hex } from './hash';

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
