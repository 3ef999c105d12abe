// Table blocks (bordered data tables with a docxtemplater row loop) and columns blocks
// (borderless side-by-side layout: header, signature) → docx tables.
import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { ColumnsBlock, TableBlock } from '../../core/doc-layout';
import { alignment, blockParagraphs } from './paragraphs';
import { CELL_PADDING, FONT, TABLE_SIZE, TEXT_WIDTH, halfPt, pt, scaleWidths } from './page';

const margins = { left: CELL_PADDING, right: CELL_PADDING, top: pt(2), bottom: pt(2) };

function cell(text: string, width: number, block: TableBlock, col: number, bold: boolean): TableCell {
  const size = halfPt(block.size ?? TABLE_SIZE);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins,
    children: [
      new Paragraph({
        alignment: alignment(bold ? 'center' : block.align[col]),
        spacing: { before: pt(2), after: pt(2) },
        run: { font: FONT, size, bold },
        children: [new TextRun({ text, font: FONT, size, bold })],
      }),
    ],
  });
}

/**
 * Header row, then one row whose first cell opens the loop over the model's table and whose last
 * cell closes it (`{{#name}}{{c0}}` … `{{cN}}{{/name}}`): docxtemplater repeats the whole row.
 */
export function dataTable(block: TableBlock): Table {
  const n = block.header.length;
  if (n < 2) throw new Error(`Bảng «${block.name}» cần ít nhất 2 cột.`);
  const widths = scaleWidths(block.widths, TEXT_WIDTH);
  const tag = (i: number) => `${i === 0 ? `{{#${block.name}}}` : ''}{{c${i}}}${i === n - 1 ? `{{/${block.name}}}` : ''}`;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, widths[i], block, i, true)) }),
      new TableRow({ cantSplit: true, children: widths.map((w, i) => cell(tag(i), w, block, i, false)) }),
    ],
  });
}

/** Borderless grid over the text width; each cell holds paragraph-level blocks. */
export function columnsTable(block: ColumnsBlock): Table {
  const widths = scaleWidths(block.widths, TEXT_WIDTH);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: block.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map((content, c) => {
            const inner = widths[c] - 2 * CELL_PADDING;
            const children = content.flatMap((b) => blockParagraphs(b, inner));
            return new TableCell({
              width: { size: widths[c], type: WidthType.DXA },
              margins: { left: CELL_PADDING, right: CELL_PADDING },
              children: children.length ? children : [new Paragraph({})],
            });
          }),
        }),
    ),
  });
}
