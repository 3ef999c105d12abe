// Fills a copied template with a DocModel: fields with Body.replaceText (the pattern is a regular
// expression, so placeholders are escaped; a value holding "$" or "\", which replaceText would
// read as group references, is spliced in literally instead), each list as the lines of its
// placeholder's paragraph, each table with ONE insertTable call.
import type { DocModel, DocTable } from '../../core/report-model';
import type { OutlineLine } from '../../core/outline';
import { escapeRegExp, isPlainReplacement, placeholdersIn } from '../../core/gas-support';
import type { GasServices, GBody, GContainerElement, GElement } from '../services';
import { UserError } from '../errors';
import { fontAttributes, TABLE_SIZE, TEXT_WIDTH } from './styles';

export interface FillResult {
  /** Placeholders of the template the model does not know (left as they are). */
  unknown: string[];
}

const token = (name: string) => `{{${name}}}`;
const pattern = (name: string) => escapeRegExp(token(name));

/** Replace every `{{name}}` inside `where` by `value`, literally. */
function replaceLiteral(where: GContainerElement, name: string, value: string): void {
  if (isPlainReplacement(value)) {
    where.replaceText(pattern(name), value);
    return;
  }
  // "$" and "\" mean something in a replacement: splice the text in instead (a few calls per occurrence).
  for (let guard = 0; guard < 1000; guard++) {
    const found = where.findText(pattern(name));
    if (!found) return;
    const text = found.getElement().asText();
    const start = found.getStartOffset();
    text.deleteText(start, found.getEndOffsetInclusive());
    if (value) text.insertText(start, value);
  }
}

/** The paragraph holding the first occurrence of a placeholder, or null. */
function paragraphOf(body: GBody, name: string): GContainerElement | null {
  const found = body.findText(pattern(name));
  return found ? found.getElement().getParent() : null;
}

function isAlone(par: GContainerElement, name: string): boolean {
  return par.getText().trim() === token(name);
}

/** Remove a paragraph (Docs refuses to remove the last one of a section: it is emptied instead). */
function removeParagraph(par: GElement): void {
  try {
    par.removeFromParent();
  } catch {
    par.asParagraph().setText('');
  }
}

const misplacedTable = (name: string) =>
  `chỗ đánh dấu ${token(name)} của bảng phải là một đoạn riêng trong thân văn bản (không đặt trong bảng, đầu trang hay chân trang)`;

/**
 * What in a template would stop its tables from being inserted (read on the TEMPLATE, before it is
 * copied): each table placeholder present must be in a paragraph of the body itself. A few calls
 * per table placeholder present, whatever the data.
 */
export function templateProblems(gas: GasServices, body: GBody, model: Pick<DocModel, 'tables'>, present: string[]): string[] {
  const problems: string[] = [];
  for (const name of present) {
    if (!model.tables[name]) continue;
    const par = paragraphOf(body, name);
    if (par && par.getParent().getType() !== gas.DocumentApp.ElementType.BODY_SECTION) problems.push(misplacedTable(name));
  }
  return problems;
}

function insertTable(gas: GasServices, body: GBody, name: string, t: DocTable): void {
  const par = paragraphOf(body, name);
  if (!par) return;
  // An optional table without rows prints nothing (report-model.ts TableSpec.optional).
  if (t.optional && t.rows.length === 0) {
    if (isAlone(par, name)) removeParagraph(par);
    else par.replaceText(pattern(name), '');
    return;
  }
  if (par.getParent().getType() !== gas.DocumentApp.ElementType.BODY_SECTION) {
    throw new UserError(`Mẫu văn bản: ${misplacedTable(name)}.`);
  }
  const table = body.insertTable(body.getChildIndex(par), [t.header, ...t.rows]);
  table.setAttributes(fontAttributes(gas, TABLE_SIZE));
  table.getRow(0).setAttributes(fontAttributes(gas, TABLE_SIZE, true));
  const sum = t.widths.reduce((a, w) => a + w, 0) || 1;
  t.widths.forEach((w, i) => table.setColumnWidth(i, (w * TEXT_WIDTH) / sum));
  if (isAlone(par, name)) removeParagraph(par);
  else par.replaceText(pattern(name), '');
}

/**
 * A list fills its placeholder's paragraph, one line per item. One call whatever the number of
 * items: some lists grow with the data (one line per group), and calls must not.
 */
function expandList(body: GBody, name: string, items: string[]): void {
  const par = paragraphOf(body, name);
  if (!par) return;
  if (!items.length && isAlone(par, name)) removeParagraph(par);
  else replaceLiteral(par, name, items.join('\n'));
}

/**
 * An outline fills its placeholder's paragraph like a list (one replace, one line per paragraph
 * of the outline), then each heading line is made bold (levels 1, 2) or italic (level 3): one
 * call per heading, never per character or per body paragraph. The headings are the sections the
 * user typed in `Nội dung báo cáo`, so the calls grow with the outline, not with the units.
 * Assumes, as expandList does, that "\n" in a replacement starts a new line of the paragraph
 * (one character): the offsets of the heading lines count it as one.
 */
function expandOutline(body: GBody, name: string, lines: OutlineLine[]): void {
  const found = body.findText(pattern(name));
  if (!found) return;
  const par = found.getElement().getParent();
  if (!lines.length && isAlone(par, name)) return removeParagraph(par);
  const start = found.getStartOffset();
  replaceLiteral(par, name, lines.map((l) => l.text).join('\n'));
  const text = par.editAsText();
  let at = start;
  for (const l of lines) {
    const end = at + l.text.length - 1;
    if (l.level && end >= at) {
      if (l.level === 3) text.setItalic(at, end, true);
      else text.setBold(at, end, true);
    }
    at += l.text.length + 1;
  }
}

function fillField(body: GBody, name: string, value: string): void {
  if (value === '') {
    const par = paragraphOf(body, name);
    if (par && isAlone(par, name)) removeParagraph(par);
  }
  replaceLiteral(body, name, value);
}

/** Fill every placeholder present in the body (read once) from the model. */
export function fillDocument(gas: GasServices, body: GBody, model: DocModel): FillResult {
  const present = placeholdersIn(body.getText());
  const unknown: string[] = [];
  for (const name of present) if (model.tables[name]) insertTable(gas, body, name, model.tables[name]);
  for (const name of present) if (model.lists[name]) expandList(body, name, model.lists[name]);
  const outlines = model.outlines ?? {};
  for (const name of present) if (outlines[name]) expandOutline(body, name, outlines[name]);
  for (const name of present) {
    if (name in model.fields) fillField(body, name, model.fields[name]);
    else if (!model.tables[name] && !model.lists[name] && !outlines[name]) unknown.push(name);
  }
  return { unknown };
}
