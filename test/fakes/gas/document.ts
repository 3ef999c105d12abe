/** DocumentApp, Document, Body, Paragraph, Text, Table… fakes. */
import type {
  GBody,
  GContainerElement,
  GDocument,
  GDocumentApp,
  GElement,
  GElementArg,
  GElementType,
  GPageBreak,
  GParagraph,
  GRangeElement,
  GTable,
  GTableCell,
  GTableRow,
  GText,
} from '../../../src/gas/services';
import { FakeContext, unwrap } from './context';
import {
  Attrs,
  BodyModel,
  CellModel,
  DocModel,
  NodeModel,
  ParaModel,
  RowModel,
  TableModel,
  childrenOf,
  newCell,
  newDoc,
  newPara,
  newTable,
  paragraphsIn,
  re2,
  replaceInParagraphs,
  textOf,
} from './document-model';
import { Attribute, ElementType, HorizontalAlignment } from './enums';
import { MIME } from './enums';
import { MSG, fail } from './errors';

/** One opened copy of a document (saveAndClose closes it). */
interface Handle {
  doc: DocModel;
  closed: boolean;
}

const CLASS: Record<NodeModel['kind'], string> = {
  BODY: 'Body',
  PARAGRAPH: 'Paragraph',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
};

function makeNode(ctx: FakeContext, h: Handle, m: NodeModel): GElement {
  switch (m.kind) {
    case 'BODY':
      return ctx.wrap('Body', new BodyFake(ctx, h, m));
    case 'PARAGRAPH':
      return ctx.wrap('Paragraph', new ParagraphFake(ctx, h, m));
    case 'TABLE':
      return ctx.wrap('Table', new TableFake(ctx, h, m));
    case 'TABLE_ROW':
      return ctx.wrap('TableRow', new TableRowFake(ctx, h, m));
    case 'TABLE_CELL':
      return ctx.wrap('TableCell', new TableCellFake(ctx, h, m));
  }
}

function makeText(ctx: FakeContext, h: Handle, paras: ParaModel[], seg: [number, number] | null = null): GText {
  return ctx.wrap('Text', new TextFake(ctx, h, paras, seg));
}

function nodeOf(x: GElementArg): NodeModel | null {
  const raw = unwrap(x) as unknown as { _m?: NodeModel };
  return raw && raw._m ? raw._m : null;
}

function setAttrs(target: Attrs, attributes: unknown): void {
  if (!attributes || typeof attributes !== 'object') fail('Invalid argument: attributes');
  for (const [k, v] of Object.entries(attributes as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    target[String(k)] = v;
  }
}

function childIndexError(i: number, n: number): never {
  fail(`Child index (${i}) must be less than the number of child elements (${n}).`);
}

// ---------------------------------------------------------------------------------------------
// Base element

abstract class ElementFake {
  declare readonly _self: GElement;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly h: Handle,
  ) {}

  abstract readonly _m: NodeModel | ParaModel;

  _guard(): void {
    if (this.h.closed) fail(MSG.docClosed);
    if (this.ctx.documents.get(this.h.doc.id) !== this.h.doc) fail(MSG.missingDoc(this.h.doc.id));
  }

  protected node(m: NodeModel): GElement {
    return makeNode(this.ctx, this.h, m);
  }

  getType(): GElementType {
    return this._m.kind === 'BODY' ? ('BODY_SECTION' as unknown as GElementType) : (this._m.kind as unknown as GElementType);
  }
  private as<T>(kind: NodeModel['kind']): T {
    if (this._m.kind !== kind) fail(`Cannot convert ${CLASS[this._m.kind]} to ${CLASS[kind]}.`);
    return this._self as unknown as T;
  }
  asParagraph(): GParagraph {
    return this.as<GParagraph>('PARAGRAPH');
  }
  asText(): GText {
    return makeText(this.ctx, this.h, paragraphsIn(this._m));
  }
  getParent(): GContainerElement {
    const p = this._m.parent;
    return (p ? this.node(p) : null) as GContainerElement;
  }
  removeFromParent(): GElement {
    const m = this._m;
    if (m.kind === 'BODY') fail('Cannot remove the body.');
    if (m.parent) detach(m);
    return this._self;
  }

  // ---- container part (used by Body, Paragraph, Table, TableRow, TableCell)

  getNumChildren(): number {
    return childrenOf(this._m).length;
  }
  getChild(childIndex: number): GElement {
    const kids = childrenOf(this._m);
    if (!(childIndex >= 0 && childIndex < kids.length)) childIndexError(childIndex, kids.length);
    return this.node(kids[childIndex]);
  }
  getChildIndex(child: GElementArg): number {
    const m = nodeOf(child);
    const i = m ? childrenOf(this._m).indexOf(m) : -1;
    if (i < 0) fail('Element does not contain the specified child element.');
    return i;
  }
  getText(): string {
    return textOf(this._m);
  }
  editAsText(): GText {
    return makeText(this.ctx, this.h, paragraphsIn(this._m));
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    replaceInParagraphs(paragraphsIn(this._m), searchPattern, replacement);
    return this._self;
  }
  findText(searchPattern: string): GRangeElement | null {
    return findIn(this.ctx, this.h, paragraphsIn(this._m), searchPattern);
  }
}

/** Remove a node from its parent, keeping Docs' rule that a body ends with a paragraph. */
function detach(m: NodeModel): void {
  const p = m.parent;
  if (!p) return;
  if (p.kind === 'BODY') {
    const kids = p.children;
    if (m.kind === 'PARAGRAPH' && kids[kids.length - 1] === m) fail(MSG.lastParagraph);
    p.children = kids.filter((k) => k !== m);
  } else if (p.kind === 'TABLE') p.rows = p.rows.filter((k) => k !== m);
  else if (p.kind === 'TABLE_ROW') p.cells = p.cells.filter((k) => k !== m);
  else if (p.kind === 'TABLE_CELL') p.children = p.children.filter((k) => k !== m);
  (m as { parent: unknown }).parent = null;
}

function findIn(ctx: FakeContext, h: Handle, paras: ParaModel[], pattern: string): GRangeElement | null {
  const re = re2(pattern, '');
  for (const p of paras) {
    const m = re.exec(p.text);
    if (m && m[0].length > 0) {
      const start = m.index;
      const end = m.index + m[0].length - 1;
      return ctx.wrap('RangeElement', {
        getElement: () => makeText(ctx, h, [p]) as unknown as GElement,
        getStartOffset: () => start,
        getEndOffsetInclusive: () => end,
        isPartial: () => start > 0 || end < p.text.length - 1,
      });
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Body

class BodyFake extends ElementFake implements GBody {
  declare readonly _self: GBody;
  constructor(
    ctx: FakeContext,
    h: Handle,
    readonly _m: BodyModel,
  ) {
    super(ctx, h);
  }

  private insertAt(i: number, child: ParaModel | TableModel): void {
    const n = this._m.children.length;
    if (!(i >= 0 && i <= n)) fail(`Child index (${i}) must be less than or equal to the number of child elements (${n}).`);
    this._m.children.splice(i, 0, child);
    // A document body always ends with a paragraph.
    if (child.kind === 'TABLE' && i === n) this._m.children.push(newPara('', this._m));
  }

  appendParagraph(text: string): GParagraph {
    const p = newPara(String(text), this._m);
    this._m.children.push(p);
    return this.node(p) as GParagraph;
  }
  appendTable(cells?: string[][]): GTable {
    const t = newTable(cells, this._m);
    this.insertAt(this._m.children.length, t);
    return this.node(t) as GTable;
  }
  insertTable(childIndex: number, cells?: string[][] | null): GTable {
    const t = newTable(cells, this._m);
    this.insertAt(childIndex, t);
    return this.node(t) as GTable;
  }
  appendPageBreak(): GPageBreak {
    const p = newPara('', this._m);
    p.pageBreak = true;
    this._m.children.push(p);
    return makePageBreak(this.ctx, this.h, p);
  }
  setAttributes(attributes: unknown): GBody {
    setAttrs(this._m.attrs, attributes);
    return this._self;
  }
  private setNum(key: string, v: number): GBody {
    this._m.attrs[key] = v;
    return this._self;
  }
  setMarginTop(v: number): GBody {
    return this.setNum('MARGIN_TOP', v);
  }
  setMarginBottom(v: number): GBody {
    return this.setNum('MARGIN_BOTTOM', v);
  }
  setMarginLeft(v: number): GBody {
    return this.setNum('MARGIN_LEFT', v);
  }
  setMarginRight(v: number): GBody {
    return this.setNum('MARGIN_RIGHT', v);
  }
  setPageWidth(v: number): GBody {
    return this.setNum('PAGE_WIDTH', v);
  }
  setPageHeight(v: number): GBody {
    return this.setNum('PAGE_HEIGHT', v);
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraph

class ParagraphFake extends ElementFake implements GParagraph {
  declare readonly _self: GParagraph;
  constructor(
    ctx: FakeContext,
    h: Handle,
    readonly _m: ParaModel,
  ) {
    super(ctx, h);
  }

  getNumChildren(): number {
    return (this._m.text ? 1 : 0) + (this._m.pageBreak ? 1 : 0);
  }
  getChild(childIndex: number): GElement {
    const n = this.getNumChildren();
    if (!(childIndex >= 0 && childIndex < n)) childIndexError(childIndex, n);
    if (childIndex === 0 && this._m.text) return makeText(this.ctx, this.h, [this._m]);
    return makePageBreak(this.ctx, this.h, this._m);
  }
  getChildIndex(child: GElementArg): number {
    const raw = unwrap(child) as unknown as { _para?: ParaModel; _paras?: ParaModel[] };
    if (raw instanceof PageBreakFake && raw._para === this._m) return this._m.text ? 1 : 0;
    if (raw instanceof TextFake && raw._paras.length === 1 && raw._paras[0] === this._m) return 0;
    fail('Element does not contain the specified child element.');
  }
  setText(text: string): void {
    this._m.text = String(text);
    this._m.runs = [];
    this._m.pageBreak = false;
  }
  setAttributes(attributes: unknown): GParagraph {
    setAttrs(this._m.attrs, attributes);
    return this._self;
  }
  removeFromParent(): GParagraph {
    if (this._m.parent) detach(this._m);
    return this._self;
  }
}

// ---------------------------------------------------------------------------------------------
// Text

class TextFake extends ElementFake implements GText {
  declare readonly _self: GText;
  readonly _m: ParaModel;
  constructor(
    ctx: FakeContext,
    h: Handle,
    readonly _paras: ParaModel[],
    private readonly seg: [number, number] | null,
  ) {
    super(ctx, h);
    this._m = _paras[0] ?? newPara('', null);
  }

  getType(): GElementType {
    return 'TEXT' as unknown as GElementType;
  }
  getParent(): GContainerElement {
    return this.node(this._m) as unknown as GContainerElement;
  }
  asText(): GText {
    return this._self;
  }
  removeFromParent(): GText {
    for (const p of this._paras) p.text = '';
    return this._self;
  }
  private single(what: string): ParaModel {
    if (this._paras.length !== 1) fail(`The fake supports ${what} only on the text of a single paragraph.`);
    return this._m;
  }
  getText(): string {
    if (this.seg) return this._m.text.slice(this.seg[0], this.seg[1] + 1);
    return this._paras.map((p) => p.text).join('\n');
  }
  insertText(offset: number, text: string): GText {
    const p = this.single('insertText');
    if (!(offset >= 0 && offset <= p.text.length)) fail('Invalid argument: offset');
    p.text = p.text.slice(0, offset) + String(text) + p.text.slice(offset);
    return this._self;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    const p = this.single('deleteText');
    if (!(startOffset >= 0 && endOffsetInclusive >= startOffset && endOffsetInclusive < p.text.length)) fail('Invalid argument: offset');
    p.text = p.text.slice(0, startOffset) + p.text.slice(endOffsetInclusive + 1);
    return this._self;
  }

  /** Apply text attributes, to the whole text or to [start, end] (offsets within getText()). */
  private style(attrs: Attrs, start?: number, end?: number): GText {
    if (start === undefined) {
      if (this.seg) this._m.runs.push({ start: this.seg[0], end: this.seg[1], attrs });
      else for (const p of this._paras) Object.assign(p.attrs, attrs);
      return this._self;
    }
    if (!(start >= 0 && end !== undefined && end >= start && end < this.getText().length)) fail('Invalid argument: offset');
    let base = this.seg ? this.seg[0] : 0;
    for (const p of this._paras) {
      const lo = Math.max(start + base, 0);
      const hi = Math.min(end + base, p.text.length - 1);
      if (lo <= hi) p.runs.push({ start: lo, end: hi, attrs });
      base -= p.text.length + 1;
    }
    return this._self;
  }
  private styled(key: string, args: unknown[]): GText {
    if (args.length >= 3) return this.style({ [key]: args[2] }, args[0] as number, args[1] as number);
    return this.style({ [key]: args[0] });
  }
  setBold(...args: [boolean] | [number, number, boolean]): GText {
    return this.styled('BOLD', args);
  }
  setItalic(...args: [boolean] | [number, number, boolean]): GText {
    return this.styled('ITALIC', args);
  }
}

// ---------------------------------------------------------------------------------------------
// Page break

class PageBreakFake extends ElementFake implements GPageBreak {
  declare readonly _self: GPageBreak;
  readonly _m: ParaModel;
  constructor(
    ctx: FakeContext,
    h: Handle,
    readonly _para: ParaModel,
  ) {
    super(ctx, h);
    this._m = _para;
  }
  getType(): GElementType {
    return 'PAGE_BREAK' as unknown as GElementType;
  }
  getParent(): GContainerElement {
    return this.node(this._para) as unknown as GContainerElement;
  }
  removeFromParent(): GPageBreak {
    this._para.pageBreak = false;
    return this._self;
  }
}

function makePageBreak(ctx: FakeContext, h: Handle, p: ParaModel): GPageBreak {
  return ctx.wrap('PageBreak', new PageBreakFake(ctx, h, p));
}

// ---------------------------------------------------------------------------------------------
// Table, TableRow, TableCell

class TableFake extends ElementFake implements GTable {
  declare readonly _self: GTable;
  constructor(
    ctx: FakeContext,
    h: Handle,
    readonly _m: TableModel,
  ) {
    super(ctx, h);
  }
  getRow(rowIndex: number): GTableRow {
    const r = this._m.rows[rowIndex];
    if (!r) childIndexError(rowIndex, this._m.rows.length);
    return this.node(r) as GTableRow;
  }
  getCell(rowIndex: number, cellIndex: number): GTableCell {
    const r = this._m.rows[rowIndex];
    if (!r) childIndexError(rowIndex, this._m.rows.length);
    const c = r.cells[cellIndex];
    if (!c) childIndexError(cellIndex, r.cells.length);
    return this.node(c) as GTableCell;
  }
  appendTableRow(): GTableRow {
    const r: RowModel = { kind: 'TABLE_ROW', cells: [], attrs: {}, parent: this._m };
    this._m.rows.push(r);
    return this.node(r) as GTableRow;
  }
  setBorderWidth(width: number): GTable {
    this._m.attrs.BORDER_WIDTH = width;
    return this._self;
  }
  setColumnWidth(columnIndex: number, width: number): GTable {
    this._m.colWidths[columnIndex] = width;
    return this._self;
  }
  setAttributes(attributes: unknown): GTable {
    setAttrs(this._m.attrs, attributes);
    return this._self;
  }
  removeFromParent(): GTable {
    if (this._m.parent) detach(this._m);
    return this._self;
  }
}

class TableRowFake extends ElementFake implements GTableRow {
  declare readonly _self: GTableRow;
  constructor(
    ctx: FakeContext,
    h: Handle,
    readonly _m: RowModel,
  ) {
    super(ctx, h);
  }
  appendTableCell(textContents?: string): GTableCell {
    const c = newCell(textContents ?? '', this._m);
    this._m.cells.push(c);
    return this.node(c) as GTableCell;
  }
  setAttributes(attributes: unknown): GTableRow {
    setAttrs(this._m.attrs, attributes);
    return this._self;
  }
  removeFromParent(): GTableRow {
    if (this._m.parent) detach(this._m);
    return this._self;
  }
}

class TableCellFake extends ElementFake implements GTableCell {
  declare readonly _self: GTableCell;
  constructor(
    ctx: FakeContext,
    h: Handle,
    readonly _m: CellModel,
  ) {
    super(ctx, h);
  }
  appendParagraph(text: string): GParagraph {
    const p = newPara(String(text), this._m);
    this._m.children.push(p);
    return this.node(p) as GParagraph;
  }
  removeFromParent(): GTableCell {
    if (this._m.parent) detach(this._m);
    return this._self;
  }
}

// ---------------------------------------------------------------------------------------------
// Document / DocumentApp

class DocumentFake implements GDocument {
  declare readonly _self: GDocument;
  constructor(
    private readonly ctx: FakeContext,
    readonly _h: Handle,
  ) {}
  /** getId/getUrl/getName still work after saveAndClose; content access does not. */
  _guard(): void {
    if (this.ctx.documents.get(this._h.doc.id) !== this._h.doc) fail(MSG.missingDoc(this._h.doc.id));
  }
  getId(): string {
    return this._h.doc.id;
  }
  getBody(): GBody {
    if (this._h.closed) fail(MSG.docClosed);
    return makeNode(this.ctx, this._h, this._h.doc.body) as GBody;
  }
  saveAndClose(): void {
    this._h.closed = true;
    this.ctx.touch(this._h.doc.id);
  }
}

export class DocumentAppFake implements GDocumentApp {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly HorizontalAlignment = HorizontalAlignment;

  constructor(private readonly ctx: FakeContext) {}

  private open(doc: DocModel): GDocument {
    return this.ctx.wrap('Document', new DocumentFake(this.ctx, { doc, closed: false }));
  }
  create(name: string): GDocument {
    if (typeof name !== 'string' || name === '') fail('Invalid argument: name');
    const it = this.ctx.newItem(name, MIME.GOOGLE_DOCS, this.ctx.rootFor(this.ctx.user).id, this.ctx.user);
    const doc = newDoc(it.id);
    this.ctx.documents.set(it.id, doc);
    return this.open(doc);
  }
  openById(id: string): GDocument {
    const key = String(id);
    const doc = this.ctx.documents.get(key);
    const it = this.ctx.item(key);
    if (!doc || !it) fail(MSG.missingDoc(key));
    if (!this.ctx.canRead(it, this.ctx.user)) fail(MSG.noAccess);
    return this.open(doc);
  }
}
