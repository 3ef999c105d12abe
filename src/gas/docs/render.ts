// Draws the default report/decision template (doc-layout.ts blocks) into a new Google Doc. The
// `{{placeholders}}` stay in the text; fill.ts replaces them in a copy for each run.
import type { Block, CellBlock, ColumnsBlock, ParaBlock } from '../../core/doc-layout';
import { decisionLayout, reportLayout } from '../../core/doc-layout';
import type { DocKind } from '../../core/report-model';
import type { GasServices, GBody, GDocument, GParagraph, GTableCell } from '../services';
import { DEFAULT_SIZE, fontAttributes, PAGE, paragraphAttributes, ruleText, TEXT_WIDTH, upperOutsidePlaceholders } from './styles';

export const layoutOf = (kind: DocKind): Block[] => (kind === 'report' ? reportLayout() : decisionLayout());

function paraText(b: ParaBlock): string {
  return `${b.lead ?? ''}${b.upper ? upperOutsidePlaceholders(b.text) : b.text}`;
}

function style(gas: GasServices, par: GParagraph, b: CellBlock): void {
  if (b.t === 'rule') {
    par.setAttributes(paragraphAttributes(gas, { align: 'center', size: 8 }));
    return;
  }
  par.setAttributes(paragraphAttributes(gas, b));
  if (b.t === 'p' && b.lead) par.editAsText().setBold(0, b.lead.length - 1, true);
}

function textOf(b: CellBlock, columnWidth: number): string {
  if (b.t === 'p') return paraText(b);
  if (b.t === 'rule') return ruleText(b.width, columnWidth);
  return `{{${b.name}}}`;
}

function drawColumns(gas: GasServices, body: GBody, b: ColumnsBlock): void {
  const table = body.appendTable(b.rows.map((row) => row.map(() => '')));
  table.setBorderWidth(0);
  const sum = b.widths.reduce((a, w) => a + w, 0);
  const widths = b.widths.map((w) => (w * TEXT_WIDTH) / sum);
  widths.forEach((w, i) => table.setColumnWidth(i, w));
  b.rows.forEach((row, r) =>
    row.forEach((blocks, c) => {
      const cell: GTableCell = table.getCell(r, c);
      blocks.forEach((block, k) => {
        const text = textOf(block, widths[c]);
        let par: GParagraph;
        if (k === 0) {
          par = cell.getChild(0).asParagraph();
          par.setText(text);
        } else {
          par = cell.appendParagraph(text);
        }
        style(gas, par, block);
      });
    }),
  );
}

/**
 * The next paragraph: a new one, or the empty paragraph Docs keeps after a table that ends the
 * body (reused, so no blank line appears after the header and signature tables).
 */
function nextParagraph(gas: GasServices, body: GBody, text: string, afterTable: boolean): GParagraph {
  if (afterTable) {
    const last = body.getChild(body.getNumChildren() - 1);
    if (last.getType() === gas.DocumentApp.ElementType.PARAGRAPH && last.asParagraph().getText() === '') {
      const par = last.asParagraph();
      par.setText(text);
      return par;
    }
  }
  return body.appendParagraph(text);
}

/** Draws one block; returns true when it ended with a table. */
function drawBlock(gas: GasServices, body: GBody, b: Block, afterTable: boolean): boolean {
  switch (b.t) {
    case 'p':
    case 'rule':
    case 'list':
      style(gas, nextParagraph(gas, body, textOf(b, TEXT_WIDTH), afterTable), b);
      return false;
    case 'table':
      nextParagraph(gas, body, `{{${b.name}}}`, afterTable).setAttributes(paragraphAttributes(gas, { size: b.size }));
      return false;
    case 'outline':
      // Body-text style; fill.ts makes the heading lines bold or italic.
      nextParagraph(gas, body, `{{${b.name}}}`, afterTable).setAttributes(paragraphAttributes(gas, b));
      return false;
    case 'columns':
      drawColumns(gas, body, b);
      return true;
    case 'pageBreak':
      body.appendPageBreak();
      return false;
  }
}

/**
 * Draw the default template of `kind` (A4, NĐ 30 margins, Times New Roman) into `doc`, a new,
 * empty Google Doc (made by the Drive adapter, so that the add-on may copy it under drive.file).
 */
export function renderDefaultTemplate(gas: GasServices, doc: GDocument, kind: DocKind): GDocument {
  const body = doc.getBody();
  body.setPageWidth(PAGE.width);
  body.setPageHeight(PAGE.height);
  body.setMarginTop(PAGE.top);
  body.setMarginBottom(PAGE.bottom);
  body.setMarginLeft(PAGE.left);
  body.setMarginRight(PAGE.right);
  body.setAttributes(fontAttributes(gas, DEFAULT_SIZE));
  let afterTable = false;
  for (const b of layoutOf(kind)) afterTable = drawBlock(gas, body, b, afterTable);
  // A new document starts with one empty paragraph: drop it once there is other content.
  if (body.getNumChildren() > 1) {
    const first = body.getChild(0);
    if (first.getType() === gas.DocumentApp.ElementType.PARAGRAPH && first.asParagraph().getText() === '') first.removeFromParent();
  }
  return doc;
}
