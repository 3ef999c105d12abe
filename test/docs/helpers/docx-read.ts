// Read back a produced .docx: its XML parts, their text and their tables.
import PizZip from 'pizzip';

export function partXml(docx: Buffer, part = 'word/document.xml'): string {
  const file = new PizZip(docx).file(part);
  if (!file) throw new Error(`missing part ${part}`);
  return file.asText();
}

export function partNames(docx: Buffer): string[] {
  return Object.keys(new PizZip(docx).files);
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** Text of an XML fragment: one line per paragraph, <w:br/> as a line break. */
export function xmlText(xml: string): string {
  return decode(
    xml
      .replace(/<w:br\/>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Non-empty paragraphs of the document body, in order. */
export function paragraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => xmlText(p).trim()).filter(Boolean);
}

/** Every table as rows of cell texts (tables are not nested in our documents). */
export function tables(xml: string): string[][][] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((t) =>
    (t.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) => xmlText(tc).trim())),
  );
}

/** The table whose first row is exactly `header`. */
export function tableWithHeader(xml: string, header: string[]): string[][] {
  const found = tables(xml).find((t) => t.length > 0 && JSON.stringify(t[0]) === JSON.stringify(header));
  if (!found) throw new Error(`no table with header ${header.join(' | ')}`);
  return found;
}

/** The XML of the run (<w:r>) whose text is exactly `text`. */
export function runWithText(xml: string, text: string): string {
  const runs = xml.match(/<w:r>(?:(?!<w:r>)[\s\S])*?<\/w:r>/g) ?? [];
  const found = runs.find((r) => xmlText(r) === text);
  if (!found) throw new Error(`no run with text ${text}`);
  return found;
}
