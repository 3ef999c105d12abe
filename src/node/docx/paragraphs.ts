// Paragraph-level blocks (p, rule, list) → docx paragraphs whose text keeps the `{{…}}` markers,
// each marker inside a single run so docxtemplater sees it whole.
import { AlignmentType, BorderStyle, Paragraph, TextRun } from 'docx';
import type { Align, CellBlock, OutlineBlock, TextStyle } from '../../core/doc-layout';
import { outlineLineStyle } from '../../core/doc-layout';
import { OUTLINE_KEYS } from './data';
import { BODY_SIZE, FIRST_LINE_INDENT, FONT, halfPt, pt } from './page';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function runStyle(style: TextStyle) {
  return {
    font: FONT,
    size: halfPt(style.size ?? BODY_SIZE),
    bold: style.bold || undefined,
    italics: style.italic || undefined,
    allCaps: style.upper || undefined,
  };
}

function run(text: string, style: TextStyle): TextRun {
  return new TextRun({ text, ...runStyle(style) });
}

function paragraph(runs: TextRun[], style: TextStyle): Paragraph {
  return new Paragraph({
    children: runs,
    alignment: ALIGN[style.align ?? 'left'],
    indent: style.indentFirst ? { firstLine: FIRST_LINE_INDENT } : undefined,
    spacing: { before: pt(style.spaceBefore ?? 0), after: pt(style.spaceAfter ?? 0) },
    keepNext: style.keepNext || undefined,
    run: runStyle(style),
  });
}

/** A paragraph that holds only a loop tag; paragraphLoop removes it when rendering. */
const tagParagraph = (tag: string, style: TextStyle) => paragraph([run(tag, style)], style);

/** docxtemplater section around body-level elements (a table): kept once when `name` is a non-empty field, else dropped. */
export function conditional<T>(name: string, inner: T[], style: TextStyle = {}): Array<T | Paragraph> {
  return [tagParagraph(`{{#${name}}}`, style), ...inner, tagParagraph(`{{/${name}}}`, style)];
}

/** docxtemplater section around paragraphs: repeated per list item, or dropped when empty. */
function section(name: string, inner: Paragraph[], style: TextStyle): Paragraph[] {
  return [tagParagraph(`{{#${name}}}`, style), ...inner, tagParagraph(`{{/${name}}}`, style)];
}

/** A short centred line: an empty, tiny paragraph with a bottom border, indented to `width`. */
function ruleParagraph(width: number, containerWidth: number): Paragraph {
  const side = Math.max(0, Math.round(((1 - width) * containerWidth) / 2));
  return new Paragraph({
    children: [],
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0 },
    run: { font: FONT, size: 2 },
  });
}

/** Paragraphs of one block; `containerWidth` (twips) sizes the rules. */
export function blockParagraphs(block: CellBlock, containerWidth: number): Paragraph[] {
  switch (block.t) {
    case 'rule':
      return [ruleParagraph(block.width, containerWidth)];
    case 'list':
      return section(block.name, [paragraph([run('{{.}}', block)], block)], block);
    case 'p': {
      const runs = block.lead ? [run(block.lead, { ...block, bold: true }), run(block.text, block)] : [run(block.text, block)];
      const para = paragraph(runs, block);
      return block.ifField ? section(block.ifField, [para], block) : [para];
    }
  }
}

/**
 * An outline: a loop over its lines holding one conditional paragraph per kind of line (heading
 * of level 1, 2, 3, body text), each in its own style; paragraphLoop drops the tag paragraphs
 * and the paragraphs whose condition is false, so each line prints once, in its style.
 */
export function outlineParagraphs(block: OutlineBlock): Paragraph[] {
  const inner = OUTLINE_KEYS.levels.flatMap((key, level) => {
    const style = outlineLineStyle(block, level);
    return section(key, [paragraph([run(`{{${OUTLINE_KEYS.text}}}`, style)], style)], style);
  });
  return section(block.name, inner, block);
}

export const alignment = (a: Align | undefined) => ALIGN[a ?? 'left'];
