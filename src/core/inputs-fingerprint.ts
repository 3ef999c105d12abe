// A short fingerprint of what a scorer entered (Tự chấm, Minh chứng, Ghi chú of every criterion),
// recorded when the unit submits, so the collection can tell whether the inputs changed after the
// submission (a scorer's inputs stay editable in the sheet until the owner locks them).
// The appraisal (Thẩm định) is not part of it: the council enters it after the submission.
// `keptInputs`: the same per criterion, for the explanation round (Tự chấm and Ghi chú only).
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

/** The inputs the explanation round leaves as submitted (it opens only `Giải trình` and `Minh chứng`). */
export const KEPT_FIELDS = ['self', 'note'] as const;
export type KeptField = (typeof KEPT_FIELDS)[number];

/**
 * Per criterion, a short fingerprint of each kept input (JSON; blank criteria left out), recorded in
 * `Đơn vị` when a unit is returned, so a change during the round can be told criterion by criterion
 * (one hash of everything, as `Mã kiểm tra`, cannot leave out the evidence the round opens).
 */
export function keptInputs(entries: Entries): string {
  const out: Record<string, string[]> = {};
  for (const code of Object.keys(entries).sort()) {
    const v = KEPT_FIELDS.map((f) => canonical(entries[code][f]));
    if (v.some((x) => x !== '')) out[code] = v.map((x) => (x === '' ? '' : cyrb53Hex(x).slice(0, 8)));
  }
  return JSON.stringify(out);
}

/** The kept inputs changed since `recorded` (`keptInputs` at the return); null when it is unreadable. */
export function keptChanges(recorded: string, entries: Entries): Array<{ code: string; field: KeptField }> | null {
  let before: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(recorded);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    before = v as Record<string, unknown>;
  } catch {
    return null;
  }
  const now = JSON.parse(keptInputs(entries)) as Record<string, string[]>;
  const codes = [...Object.keys(entries), ...Object.keys(before).filter((k) => !(k in entries))];
  const out: Array<{ code: string; field: KeptField }> = [];
  for (const code of codes) {
    const was = Array.isArray(before[code]) ? (before[code] as unknown[]) : [];
    KEPT_FIELDS.forEach((field, i) => {
      if ((now[code]?.[i] ?? '') !== (typeof was[i] === 'string' ? was[i] : '')) out.push({ code, field });
    });
  }
  return out;
}
