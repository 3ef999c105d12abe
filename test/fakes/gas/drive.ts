/** DriveApp, Folder, File and iterator fakes. */
import type { GDate, GUser } from '../../../src/gas/services';
import type { GDriveApp, GFile, GFileIterator, GFolder, GFolderIterator } from './driveapp-types';
import { DriveItem, FakeContext, unwrap } from './context';
import { cloneDoc } from './document-model';
import { MIME } from './enums';
import { MSG, fail } from './errors';
import { cloneSpreadsheet } from './sheet-model';
import { makeUser } from './spreadsheet-extras';

/** The item's link, as File.getUrl() and the Drive API's webViewLink give it. */
export function urlOf(it: DriveItem): string {
  if (it.isFolder) return `https://drive.google.com/drive/folders/${it.id}`;
  if (it.mimeType === MIME.GOOGLE_SHEETS) return `https://docs.google.com/spreadsheets/d/${it.id}/edit?usp=drivesdk`;
  if (it.mimeType === MIME.GOOGLE_DOCS) return `https://docs.google.com/document/d/${it.id}/edit?usp=drivesdk`;
  return `https://drive.google.com/file/d/${it.id}/view?usp=drivesdk`;
}

function folderOf(ctx: FakeContext, f: GFolder): DriveItem {
  const raw = unwrap(f) as unknown as FolderFake;
  if (!(raw instanceof FolderFake)) fail('Invalid argument: destination');
  const it = ctx.item(raw._id);
  if (!it) fail(MSG.noItem);
  return it;
}

export const isEmail = (e: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e);

/** Record `email` as an editor or viewer of `it` (the caller checked the rights). */
export function shareItem(
  ctx: FakeContext,
  it: DriveItem,
  email: string,
  role: 'editor' | 'viewer',
  how: { via: string; notify: boolean; message: string | null },
): void {
  (role === 'editor' ? it.editors : it.viewers).add(email);
  if (role === 'editor') it.viewers.delete(email);
  ctx.shares.push({ itemId: it.id, email, role, by: ctx.user, at: ctx.now(), ...how });
}

/** A copy of `src` (content included) named `name` in `parent`, owned by the current user. */
export function copyItem(ctx: FakeContext, src: DriveItem, name: string, parent: DriveItem): DriveItem {
  const copy = ctx.newItem(name, src.mimeType, parent.id, ctx.user);
  copy.description = src.description;
  if (src.boundScript !== undefined) copy.boundScript = src.boundScript;
  if (src.appProperties) copy.appProperties = { ...src.appProperties };
  const ss = ctx.spreadsheets.get(src.id);
  if (ss) {
    const clone = cloneSpreadsheet(ss, copy.id);
    if (ctx.protectionsOnCopy === 'mirror') for (const p of clone.protections) p.editors = null;
    ctx.spreadsheets.set(copy.id, clone);
  }
  const doc = ctx.documents.get(src.id);
  if (doc) ctx.documents.set(copy.id, cloneDoc(doc, copy.id));
  return copy;
}

/** Common part of File and Folder. */
abstract class ItemFake {
  constructor(
    protected readonly ctx: FakeContext,
    readonly _id: string,
  ) {}

  _guard(): void {
    if (!this.ctx.item(this._id)) fail(MSG.noItem);
  }
  protected get it(): DriveItem {
    return this.ctx.item(this._id)!;
  }
  protected edit(): DriveItem {
    if (!this.ctx.canWrite(this.it, this.ctx.user)) fail('Access denied: DriveApp.');
    return this.it;
  }
  protected share(emails: string[], role: 'editor' | 'viewer'): void {
    const it = this.edit();
    const via = `${it.isFolder ? 'Folder' : 'File'}.add${role === 'editor' ? 'Editor' : 'Viewer'}${emails.length > 1 ? 's' : ''}`;
    for (const e of emails) {
      if (typeof e !== 'string' || !isEmail(e)) fail(`Invalid email: ${e}`);
      shareItem(this.ctx, it, e, role, { via, notify: true, message: null });
    }
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this.it.name;
  }
  getUrl(): string {
    return urlOf(this.it);
  }
  getDescription(): string | null {
    return this.it.description;
  }
  isTrashed(): boolean {
    return this.it.trashed;
  }
  getEditors(): GUser[] {
    return this.ctx.effectiveEditors(this.it).map((e) => makeUser(this.ctx, e));
  }
  getOwner(): GUser {
    return makeUser(this.ctx, this.it.owner);
  }
  getParents(): GFolderIterator {
    const parents = this.it.parents.map((p) => this.ctx.item(p)).filter((p): p is DriveItem => !!p && this.ctx.canRead(p, this.ctx.user));
    return makeFolderIterator(this.ctx, parents);
  }
  getDateCreated(): GDate {
    return this.ctx.outDate(this.it.created.getTime());
  }
  getLastUpdated(): GDate {
    return this.ctx.outDate(this.it.updated.getTime());
  }
}

// ---------------------------------------------------------------------------------------------
// File

export class FileFake extends ItemFake implements GFile {
  declare readonly _self: GFile;

  getMimeType(): string {
    return this.it.mimeType;
  }
  setName(name: string): GFile {
    this.edit().name = String(name);
    this.ctx.touch(this._id);
    return this._self;
  }
  setDescription(description: string): GFile {
    this.edit().description = String(description);
    return this._self;
  }
  setTrashed(trashed: boolean): GFile {
    this.edit().trashed = !!trashed;
    return this._self;
  }
  moveTo(destination: GFolder): GFile {
    const dest = folderOf(this.ctx, destination);
    const it = this.edit();
    if (!this.ctx.canWrite(dest, this.ctx.user)) fail('Access denied: DriveApp.');
    it.parents = [dest.id];
    return this._self;
  }
  makeCopy(a?: string | GFolder, b?: GFolder): GFile {
    const src = this.it;
    const name = typeof a === 'string' ? a : `Copy of ${src.name}`;
    const destFolder = typeof a === 'object' && a !== null ? a : b;
    const parent = destFolder ? folderOf(this.ctx, destFolder) : (this.ctx.item(src.parents[0] ?? '') ?? this.ctx.rootFor(this.ctx.user));
    if (!this.ctx.canWrite(parent, this.ctx.user)) fail('Access denied: DriveApp.');
    return makeFile(this.ctx, copyItem(this.ctx, src, name, parent));
  }
  addEditor(emailAddress: string): GFile {
    this.share([emailAddress], 'editor');
    return this._self;
  }
  addEditors(emailAddresses: string[]): GFile {
    this.share(emailAddresses, 'editor');
    return this._self;
  }
  removeEditor(emailAddress: string): GFile {
    this.edit().editors.delete(emailAddress);
    return this._self;
  }
  addViewer(emailAddress: string): GFile {
    this.share([emailAddress], 'viewer');
    return this._self;
  }
  addViewers(emailAddresses: string[]): GFile {
    this.share(emailAddresses, 'viewer');
    return this._self;
  }
  getViewers(): GUser[] {
    return [...this.it.viewers].map((e) => makeUser(this.ctx, e));
  }
}

export function makeFile(ctx: FakeContext, it: DriveItem): GFile {
  return ctx.wrap('File', new FileFake(ctx, it.id));
}

// ---------------------------------------------------------------------------------------------
// Folder

export class FolderFake extends ItemFake implements GFolder {
  declare readonly _self: GFolder;

  private children(filter: (x: DriveItem) => boolean): DriveItem[] {
    return [...this.ctx.items.values()].filter((x) => x.parents.includes(this._id) && filter(x) && this.ctx.canRead(x, this.ctx.user));
  }

  setName(name: string): GFolder {
    this.edit().name = String(name);
    return this._self;
  }
  setDescription(description: string): GFolder {
    this.edit().description = String(description);
    return this._self;
  }
  setTrashed(trashed: boolean): GFolder {
    if (this.it.rootOf) fail('Access denied: DriveApp.');
    this.edit().trashed = !!trashed;
    return this._self;
  }
  createFolder(name: string): GFolder {
    this.edit();
    if (typeof name !== 'string' || name === '') fail('Invalid argument: name');
    return makeFolder(this.ctx, this.ctx.newItem(name, MIME.FOLDER, this._id, this.ctx.user));
  }
  getFolders(): GFolderIterator {
    return makeFolderIterator(
      this.ctx,
      this.children((x) => x.isFolder),
    );
  }
  getFoldersByName(name: string): GFolderIterator {
    return makeFolderIterator(
      this.ctx,
      this.children((x) => x.isFolder && x.name === name),
    );
  }
  getFiles(): GFileIterator {
    return makeFileIterator(
      this.ctx,
      this.children((x) => !x.isFolder),
    );
  }
  getFilesByName(name: string): GFileIterator {
    return makeFileIterator(
      this.ctx,
      this.children((x) => !x.isFolder && x.name === name),
    );
  }
  /** A subset of the Drive query language: clauses joined by "and" — trashed = true|false,
   *  title|name = '…', title|name contains '…', mimeType = '…'. Anything else fails. */
  searchFiles(params: string): GFileIterator {
    const tests: Array<(x: DriveItem) => boolean> = [];
    for (const clause of String(params).split(/\s+and\s+/i)) {
      const c = clause.trim();
      let m: RegExpExecArray | null;
      if ((m = /^trashed\s*=\s*(true|false)$/i.exec(c))) {
        const want = m[1].toLowerCase() === 'true';
        tests.push((x) => x.trashed === want);
      } else if ((m = /^(?:title|name)\s*(=|contains)\s*'((?:[^'\\]|\\.)*)'$/i.exec(c))) {
        const [op, text] = [m[1].toLowerCase(), m[2].replace(/\\(.)/g, '$1')];
        tests.push((x) => (op === '=' ? x.name === text : x.name.includes(text)));
      } else if ((m = /^mimeType\s*=\s*'([^']*)'$/i.exec(c))) {
        const mime = m[1];
        tests.push((x) => x.mimeType === mime);
      } else {
        fail(`Invalid argument: q (unsupported query "${c}")`);
      }
    }
    return makeFileIterator(
      this.ctx,
      this.children((x) => !x.isFolder && tests.every((t) => t(x))),
    );
  }
  moveTo(destination: GFolder): GFolder {
    const dest = folderOf(this.ctx, destination);
    const it = this.edit();
    if (dest.id === it.id || this.ctx.ancestors(dest).some((a) => a.id === it.id)) fail('Invalid argument: destination');
    it.parents = [dest.id];
    return this._self;
  }
  addEditor(emailAddress: string): GFolder {
    this.share([emailAddress], 'editor');
    return this._self;
  }
  addEditors(emailAddresses: string[]): GFolder {
    this.share(emailAddresses, 'editor');
    return this._self;
  }
  removeEditor(emailAddress: string): GFolder {
    this.edit().editors.delete(emailAddress);
    return this._self;
  }
}

export function makeFolder(ctx: FakeContext, it: DriveItem): GFolder {
  return ctx.wrap('Folder', new FolderFake(ctx, it.id));
}

// ---------------------------------------------------------------------------------------------
// Iterators

class IteratorFake<T> {
  private i = 0;
  constructor(
    private readonly items: DriveItem[],
    private readonly make: (it: DriveItem) => T,
  ) {}
  hasNext(): boolean {
    return this.i < this.items.length;
  }
  next(): T {
    if (this.i >= this.items.length) fail('Cannot retrieve the next object: iterator has reached the end.');
    return this.make(this.items[this.i++]);
  }
}

function makeFolderIterator(ctx: FakeContext, items: DriveItem[]): GFolderIterator {
  return ctx.wrap('FolderIterator', new IteratorFake(items, (it) => makeFolder(ctx, it)));
}

function makeFileIterator(ctx: FakeContext, items: DriveItem[]): GFileIterator {
  return ctx.wrap('FileIterator', new IteratorFake(items, (it) => makeFile(ctx, it)));
}

// ---------------------------------------------------------------------------------------------
// DriveApp

export class DriveAppFake implements GDriveApp {
  constructor(private readonly ctx: FakeContext) {}

  getRootFolder(): GFolder {
    return makeFolder(this.ctx, this.ctx.rootFor(this.ctx.user));
  }
  createFolder(name: string): GFolder {
    if (typeof name !== 'string' || name === '') fail('Invalid argument: name');
    return makeFolder(this.ctx, this.ctx.newItem(name, MIME.FOLDER, this.ctx.rootFor(this.ctx.user).id, this.ctx.user));
  }
  getFolderById(id: string): GFolder {
    const it = this.ctx.visibleItem(id);
    if (!it.isFolder) fail(MSG.noItem);
    return makeFolder(this.ctx, it);
  }
  getFileById(id: string): GFile {
    const it = this.ctx.visibleItem(id);
    if (it.isFolder) fail(MSG.noItem);
    return makeFile(this.ctx, it);
  }
  getFoldersByName(name: string): GFolderIterator {
    const all = [...this.ctx.items.values()].filter(
      (x) => x.isFolder && !x.rootOf && x.name === name && this.ctx.canRead(x, this.ctx.user),
    );
    return makeFolderIterator(this.ctx, all);
  }
  getFilesByName(name: string): GFileIterator {
    const all = [...this.ctx.items.values()].filter((x) => !x.isFolder && x.name === name && this.ctx.canRead(x, this.ctx.user));
    return makeFileIterator(this.ctx, all);
  }
}
