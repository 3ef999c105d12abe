/** The data behind the Document fakes: a body of paragraphs and tables. */
import { fail } from './errors';

export type Attrs = Record<string, unknown>;

export interface Run {
  start: number;
  /** inclusive */
  end: number;
  attrs: Attrs;
}

export interface ParaModel {
  kind: 'PARAGRAPH';
  text: string;
  attrs: Attrs;
  runs: Run[];
  pageBreak: boolean;
  parent: BodyModel | CellModel | null;
}
export interface TableModel {
  kind: 'TABLE';
  rows: RowModel[];
  attrs: Attrs;
  colWidths: Record<number, number>;
  parent: BodyModel | CellModel | null;
}
export interface RowModel {
  kind: 'TABLE_ROW';
  cells: CellModel[];
  attrs: Attrs;
  parent: TableModel | null;
}
export interface CellModel {
  kind: 'TABLE_CELL';
  children: ParaModel[];
  attrs: Attrs;
  parent: RowModel | null;
}
export interface BodyModel {
  kind: 'BODY';
  children: (ParaModel | TableModel)[];
  attrs: Attrs;
  parent: null;
}
export type NodeModel = BodyModel | ParaModel | TableModel | RowModel | CellModel;

export interface DocModel {
  id: string;
  body: BodyModel;
}

export function newPara(text: string, parent: ParaModel['parent']): ParaModel {
  return { kind: 'PARAGRAPH', text, attrs: {}, runs: [], pageBreak: false, parent };
}

export function newCell(text: string, parent: RowModel | null): CellModel {
  const cell: CellModel = { kind: 'TABLE_CELL', children: [], attrs: {}, parent };
  cell.children.push(newPara(text, cell));
  return cell;
}

export function newTable(cells: string[][] | null | undefined, parent: TableModel['parent']): TableModel {
  const t: TableModel = { kind: 'TABLE', rows: [], attrs: {}, colWidths: {}, parent };
  for (const rowCells of cells ?? []) {
    if (!Array.isArray(rowCells)) fail('Invalid argument: cells');
    const row: RowModel = { kind: 'TABLE_ROW', cells: [], attrs: {}, parent: t };
    for (const c of rowCells) row.cells.push(newCell(c === null || c === undefined ? '' : String(c), row));
    t.rows.push(row);
  }
  return t;
}

export function newDoc(id: string): DocModel {
  const body: BodyModel = { kind: 'BODY', children: [], attrs: {}, parent: null };
  body.children.push(newPara('', body));
  return { id, body };
}

/** All paragraphs under a node, in document order (including those inside table cells). */
export function paragraphsIn(n: NodeModel): ParaModel[] {
  switch (n.kind) {
    case 'PARAGRAPH':
      return [n];
    case 'BODY':
      return n.children.flatMap(paragraphsIn);
    case 'TABLE':
      return n.rows.flatMap(paragraphsIn);
    case 'TABLE_ROW':
      return n.cells.flatMap(paragraphsIn);
    case 'TABLE_CELL':
      return n.children.flatMap(paragraphsIn);
  }
}

export function textOf(n: NodeModel): string {
  switch (n.kind) {
    case 'PARAGRAPH':
      return n.text;
    case 'BODY':
      return n.children.map(textOf).join('\n');
    case 'TABLE':
      return n.rows.map(textOf).join('\n');
    case 'TABLE_ROW':
      return n.cells.map(textOf).join('\t');
    case 'TABLE_CELL':
      return n.children.map(textOf).join('\n');
  }
}

export function childrenOf(n: NodeModel): NodeModel[] {
  switch (n.kind) {
    case 'BODY':
      return n.children;
    case 'TABLE':
      return n.rows;
    case 'TABLE_ROW':
      return n.cells;
    case 'TABLE_CELL':
      return n.children;
    case 'PARAGRAPH':
      return [];
  }
}

export function cloneDoc(src: DocModel, id: string): DocModel {
  const body: BodyModel = { kind: 'BODY', children: [], attrs: { ...src.body.attrs }, parent: null };
  const clonePara = (p: ParaModel, parent: ParaModel['parent']): ParaModel => ({
    ...p,
    attrs: { ...p.attrs },
    runs: p.runs.map((r) => ({ ...r, attrs: { ...r.attrs } })),
    parent,
  });
  const cloneTable = (t: TableModel, parent: TableModel['parent']): TableModel => {
    const nt: TableModel = { kind: 'TABLE', rows: [], attrs: { ...t.attrs }, colWidths: { ...t.colWidths }, parent };
    for (const r of t.rows) {
      const nr: RowModel = { kind: 'TABLE_ROW', cells: [], attrs: { ...r.attrs }, parent: nt };
      for (const c of r.cells) {
        const nc: CellModel = { kind: 'TABLE_CELL', children: [], attrs: { ...c.attrs }, parent: nr };
        nc.children = c.children.map((p) => clonePara(p, nc));
        nr.cells.push(nc);
      }
      nt.rows.push(nr);
    }
    return nt;
  };
  body.children = src.body.children.map((c) => (c.kind === 'PARAGRAPH' ? clonePara(c, body) : cloneTable(c, body)));
  return { id, body };
}

// ---------------------------------------------------------------------------------------------
// Regular expressions as Body.replaceText / findText use them

/**
 * Build the JS RegExp Apps Script would use for a search pattern (RE2 syntax). Constructs RE2
 * does not support (look-around, back-references) throw, as they do in Apps Script.
 */
export function re2(pattern: string, flags = 'g'): RegExp {
  if (typeof pattern !== 'string') fail('Invalid argument: searchPattern');
  if (/\(\?<?[=!]/.test(pattern) || /(^|[^\\])\\[1-9]/.test(pattern))
    fail(`Invalid argument: searchPattern (RE2 does not support this construct: ${pattern})`);
  try {
    return new RegExp(pattern, flags);
  } catch {
    fail(`Invalid argument: searchPattern (${pattern})`);
  }
}

/**
 * Apps Script applies the replacement with Java-style substitution, where '$' and '\' are
 * special. The fake refuses them so that the add-on never depends on that behaviour.
 */
export function checkReplacement(replacement: string): string {
  const s = String(replacement);
  if (/[$\\]/.test(s))
    fail(
      `replaceText: the replacement contains '$' or '\\', which Apps Script interprets (group references/escapes); ` +
        `insert such text with setText/appendText instead. Replacement: ${s}`,
    );
  return s;
}

export function replaceInParagraphs(paras: ParaModel[], pattern: string, replacement: string): number {
  const re = re2(pattern);
  const repl = checkReplacement(replacement);
  let n = 0;
  for (const p of paras) {
    const next = p.text.replace(re, () => {
      n++;
      return repl;
    });
    if (next !== p.text) p.text = next;
  }
  return n;
}
