// The default Word template drawn from a layout (core/doc-layout.ts): A4, NĐ 30 margins and
// fonts, page numbers centred in the top margin from page 2 of each section. Placeholders stay as
// literal `{{name}}` text; render.ts fills them.
import { AlignmentType, Document, FileChild, Header, Packer, PageBreak, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { Block } from '../../core/doc-layout';
import { blockParagraphs, conditional, outlineParagraphs } from './paragraphs';
import { columnsTable, dataTable } from './tables';
import { BODY_SIZE, FONT, MARGIN, PAGE, TEXT_WIDTH, halfPt } from './page';

function blockChildren(block: Block): FileChild[] {
  switch (block.t) {
    case 'table':
      // An optional table sits in a section of its condition field, dropped when that is empty.
      return block.ifField ? conditional<FileChild>(block.ifField, [dataTable(block)]) : [dataTable(block)];
    case 'columns':
      return [columnsTable(block)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'outline':
      return outlineParagraphs(block);
    default:
      return blockParagraphs(block, TEXT_WIDTH);
  }
}

/** Layout split at the `pageBreak` blocks that start a new section. */
function sectionsOf(layout: Block[]): Block[][] {
  const sections: Block[][] = [[]];
  for (const b of layout) {
    if (b.t === 'pageBreak' && b.newSection) sections.push([]);
    else sections[sections.length - 1].push(b);
  }
  return sections;
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPt(BODY_SIZE) })],
      }),
    ],
  });

/** A .docx template whose text holds the layout's `{{placeholders}}`. */
export async function buildDefaultTemplate(layout: Block[], title = ''): Promise<Buffer> {
  const doc = new Document({
    creator: 'DVCQ',
    title,
    styles: {
      default: {
        document: { run: { font: FONT, size: halfPt(BODY_SIZE), language: { value: 'vi-VN' } } },
      },
    },
    sections: sectionsOf(layout).map((blocks, i) => ({
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
          margin: MARGIN,
          pageNumbers: i > 0 ? { start: 1 } : undefined,
        },
      },
      headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
      children: blocks.flatMap(blockChildren),
    })),
  });
  return Packer.toBuffer(doc);
}
