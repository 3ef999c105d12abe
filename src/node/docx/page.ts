// Page geometry and typography of administrative documents (NĐ 30/2020/NĐ-CP, Phụ lục I).

export const FONT = 'Times New Roman';
/** Body text size in points (NĐ 30: 13–14). */
export const BODY_SIZE = 14;
/** Table text size in points when a table block does not say. */
export const TABLE_SIZE = 13;

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (n: number): number => Math.round(n * TWIPS_PER_MM);
/** Points → twips (paragraph spacing). */
export const pt = (n: number): number => Math.round(n * 20);
/** Points → half-points (run size). */
export const halfPt = (n: number): number => Math.round(n * 2);

/** A4 portrait, in twips (w:pgSz 11906 × 16838). */
export const PAGE = { width: 11906, height: 16838 } as const;
/** Margins: top and bottom 20 mm, left 30 mm, right 15 mm; page numbers 10 mm from the top edge. */
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) } as const;
/** Width available to text, in twips. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** First-line indent of body text: 1 cm. */
export const FIRST_LINE_INDENT = mm(10);
/** Left and right padding inside table cells. */
export const CELL_PADDING = mm(1.5);

/** Relative widths → twips summing exactly to `total`. */
export function scaleWidths(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const out = widths.map((w) => Math.floor((w * total) / sum));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}
