// Block styles of doc-layout.ts as Google Docs attributes (NĐ 30/2020: Times New Roman, A4,
// margins top/bottom 20 mm, left 30 mm, right 15 mm).
import type { Align, TextStyle } from '../../core/doc-layout';
import type { GasServices } from '../services';

const MM = 72 / 25.4;
export const PAGE = {
  width: 210 * MM,
  height: 297 * MM,
  top: 20 * MM,
  bottom: 20 * MM,
  left: 30 * MM,
  right: 15 * MM,
} as const;
/** Width of the text column, in points. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const FONT = 'Times New Roman';
export const DEFAULT_SIZE = 14;
export const TABLE_SIZE = 13;
const INDENT_FIRST = 10 * MM;

export type Attributes = Record<string, unknown>;

export function alignment(gas: GasServices, align: Align | undefined) {
  const H = gas.DocumentApp.HorizontalAlignment;
  switch (align) {
    case 'center':
      return H.CENTER;
    case 'right':
      return H.RIGHT;
    case 'justify':
      return H.JUSTIFY;
    default:
      return H.LEFT;
  }
}

/**
 * Paragraph and text attributes of a block style, for one setAttributes call. `keepNext` has no
 * DocumentApp attribute (Enum Attribute lists none; only the Docs API's ParagraphStyle has
 * keepWithNext): in Google Docs a signature that falls alone on a page is moved by the signer, the
 * .docx keeps it with the last paragraph.
 */
export function paragraphAttributes(gas: GasServices, s: TextStyle): Attributes {
  const A = gas.DocumentApp.Attribute;
  const attrs: Attributes = {};
  attrs[A.FONT_FAMILY as unknown as string] = FONT;
  attrs[A.FONT_SIZE as unknown as string] = s.size ?? DEFAULT_SIZE;
  attrs[A.BOLD as unknown as string] = !!s.bold;
  attrs[A.ITALIC as unknown as string] = !!s.italic;
  attrs[A.HORIZONTAL_ALIGNMENT as unknown as string] = alignment(gas, s.align);
  attrs[A.INDENT_FIRST_LINE as unknown as string] = s.indentFirst ? INDENT_FIRST : 0;
  attrs[A.SPACING_BEFORE as unknown as string] = s.spaceBefore ?? 0;
  attrs[A.SPACING_AFTER as unknown as string] = s.spaceAfter ?? 0;
  attrs[A.LINE_SPACING as unknown as string] = 1;
  return attrs;
}

export function fontAttributes(gas: GasServices, size: number, bold?: boolean): Attributes {
  const A = gas.DocumentApp.Attribute;
  const attrs: Attributes = {};
  attrs[A.FONT_FAMILY as unknown as string] = FONT;
  attrs[A.FONT_SIZE as unknown as string] = size;
  if (bold !== undefined) attrs[A.BOLD as unknown as string] = bold;
  return attrs;
}

/** Literal text in capitals, `{{placeholders}}` untouched (their values are already cased). */
export function upperOutsidePlaceholders(text: string): string {
  return text.replace(/(\{\{[^{}]+\}\})|([^{]+|\{)/g, (m, ph: string | undefined) => (ph ? ph : m.normalize('NFC').toUpperCase()));
}

/** A short horizontal line as text (Apps Script cannot draw a paragraph border). */
export function ruleText(fraction: number, columnWidth: number): string {
  const chars = Math.max(3, Math.round((fraction * columnWidth) / 7));
  return '─'.repeat(chars);
}
