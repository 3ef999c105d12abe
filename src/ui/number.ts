// Scores as people type and read them in Vietnamese: "8,5" is 8.5, and 8.5 shows as "8,5". The
// core's parser decides, as on the server: an ambiguous number ("1.000", "1.5.0") is not a number,
// so it is sent as typed and the core reports it (never silently read as 1).
import { parseScore } from '../core/text';
import { formatNumber, formatNumberMax } from '../core/format';

export { formatNumber };

/** What to send to the server for a typed score: numbers in canonical form ("8,5" → "8.5"). */
export function normalizeScoreInput(typed: string): string {
  const text = typed.trim();
  const p = parseScore(text);
  if (p.kind !== 'number') return text;
  return String(p.value);
}

/** How a stored score is shown in an input: "8.5" → "8,5"; text that is not a number stays as is. */
export function displayScore(raw: string): string {
  const p = parseScore(raw);
  if (p.kind !== 'number') return raw;
  return formatNumberMax(p.value, 4);
}

/** Two typed values mean the same score ("8,5" and "8.50"), or the same text. */
export function sameScore(a: string, b: string): boolean {
  return normalizeScoreInput(a) === normalizeScoreInput(b);
}
