/** Shared state of one fake Apps Script world: clock, user, Drive, files, call counting. */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { Calls } from './calls';
import { GasException, MSG, fail } from './errors';
import { MIME } from './enums';
import { SpreadsheetModel } from './sheet-model';
import type { DocModel } from './document-model';

export interface FakeOptions {
  /** E-mail of the user running the script (Session.getActiveUser()). Default 'admin@example.gov.vn'. */
  user?: string;
  /** Clock used for Drive timestamps (default: the real clock). */
  now?: () => Date;
  /** Script time zone and default spreadsheet time zone. Default 'Asia/Ho_Chi_Minh'. */
  timeZone?: string;
  /** HTML files for HtmlService.createHtmlOutputFromFile, by name without '.html'. */
  htmlFiles?: Record<string, string>;
  /** A folder (e.g. 'build') to read '<name>.html' from when not in htmlFiles. */
  htmlDir?: string;
  /**
   * What a copied spreadsheet's protections list as editors — not documented by Google: 'keep'
   * (default) the source's list; 'mirror' none of their own, so they follow the copy's editors
   * until changed (as a new protection does).
   */
  protectionsOnCopy?: 'keep' | 'mirror';
}

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  isFolder: boolean;
  parents: string[];
  owner: string;
  editors: Set<string>;
  viewers: Set<string>;
  trashed: boolean;
  created: Date;
  updated: Date;
  description: string | null;
  /** Drive API `appProperties` (private to the app), when any were set. */
  appProperties?: Record<string, string>;
  /** Root folder ("My Drive") of this user. */
  rootOf?: string;
  /**
   * The container-bound script of a spreadsheet (a label: the fake runs no code). Copying the file
   * copies it, as Google copies a bound script with its container (Apps Script guide
   * "Container-bound scripts"; for Files.copy an assumption listed in docs/TRIEN-KHAI.md).
   */
  boundScript?: string;
  /** The content of a file uploaded with Files.create (media): its bytes, as Drive keeps them. */
  content?: Uint8Array;
}

export interface ShareEvent {
  itemId: string;
  email: string;
  role: 'editor' | 'viewer';
  by: string;
  at: Date;
  /** The call that shared the item ('File.addEditor', 'Spreadsheet.addEditors', 'Permissions.create'…). */
  via: string;
  /** Whether Google e-mails the user (DriveApp and Spreadsheet sharing always do; Permissions.create unless sendNotificationEmail is false). */
  notify: boolean;
  /** The text added to that e-mail (Permissions.create's emailMessage); null when none. */
  message: string | null;
}

export interface MenuItemLog {
  caption?: string;
  functionName?: string;
  separator?: boolean;
  submenu?: MenuLog;
}
export interface MenuLog {
  kind: 'addon' | 'menu';
  title: string;
  items: MenuItemLog[];
}
export interface UiLog {
  menus: MenuLog[];
  sidebars: { title: string; html: string; width: number; user: string }[];
  alerts: { title: string; prompt: string; buttons: string; response: string }[];
  /** Buttons the user will click in the next alerts. */
  responses: string[];
}

export const RAW = Symbol('raw');

/** Unwrap a counted proxy to the fake object behind it. */
export function unwrap<T>(x: T): T {
  const raw = x && typeof x === 'object' ? (x as unknown as Record<symbol, unknown>)[RAW] : undefined;
  return (raw ?? x) as T;
}

interface Guarded {
  _guard?: () => void;
}

export class FakeContext {
  readonly calls = new Calls();
  user: string;
  effectiveUser: string | null = null;
  readonly now: () => Date;
  timeZone: string;
  readonly items = new Map<string, DriveItem>();
  readonly deleted = new Set<string>();
  readonly shares: ShareEvent[] = [];
  readonly spreadsheets = new Map<string, SpreadsheetModel>();
  readonly documents = new Map<string, DocModel>();
  activeSpreadsheetId: string | null = null;
  readonly ui: UiLog = { menus: [], sidebars: [], alerts: [], responses: [] };
  readonly documentProps = new Map<string, Map<string, string>>();
  readonly locks = new Map<string, { holder: object | 'other' | null; acquisitions: number }>();
  readonly htmlFiles = new Map<string, string>();
  readonly htmlDir: string | null;
  /** See FakeOptions.protectionsOnCopy; may be changed by a test. */
  protectionsOnCopy: 'keep' | 'mirror';
  readonly logs: string[] = [];
  sleptMs = 0;
  /** The global object the services were installed on (see installGlobals). */
  realm: object | null = null;
  private realmDateCtor: DateConstructor | null = null;
  private seq = 0;

  constructor(opts: FakeOptions = {}) {
    this.user = opts.user ?? 'admin@example.gov.vn';
    this.now = opts.now ?? (() => new Date());
    this.timeZone = opts.timeZone ?? 'Asia/Ho_Chi_Minh';
    for (const [k, v] of Object.entries(opts.htmlFiles ?? {})) this.htmlFiles.set(k.replace(/\.html$/, ''), v);
    this.htmlDir = opts.htmlDir ?? null;
    this.protectionsOnCopy = opts.protectionsOnCopy ?? 'keep';
  }

  // ---- Counting

  /** Wrap a fake service object so that every method call is counted as `cls.method`. */
  wrap<T extends object>(cls: string, raw: T): T {
    const proxy = new Proxy(raw, {
      get: (target, prop) => {
        if (prop === RAW) return target;
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof prop !== 'string' || typeof v !== 'function' || prop === 'constructor' || prop.startsWith('_')) return v;
        return (...args: unknown[]) => {
          this.calls.record(`${cls}.${prop}`, (m) => new GasException(m));
          (target as Guarded)._guard?.();
          const out = (v as (...a: unknown[]) => unknown).apply(target, args);
          this.calls.completed(`${cls}.${prop}`, (m) => new GasException(m));
          return out;
        };
      },
    });
    // Methods return `this._self` (the counted proxy), never the raw object.
    Object.defineProperty(raw, '_self', { value: proxy, configurable: true, enumerable: false });
    return proxy;
  }

  // ---- Ids and time

  /**
   * A Date to hand to the script: when the services live in a vm context, a Date of that
   * context, so that `value instanceof Date` holds in the script as it does in Apps Script.
   */
  outDate(ms: number): Date {
    if (this.realm && !this.realmDateCtor && vm.isContext(this.realm))
      this.realmDateCtor = vm.runInContext('Date', this.realm) as DateConstructor;
    return new (this.realmDateCtor ?? Date)(ms);
  }

  newId(kind: 'S' | 'D' | 'F' | 'X' | 'R'): string {
    const n = ++this.seq;
    const prefix = `1${kind}fake`;
    return prefix + String(n).padStart(44 - prefix.length, '0');
  }

  nextSeq(): number {
    return ++this.seq;
  }

  // ---- Drive

  rootFor(email: string): DriveItem {
    for (const it of this.items.values()) if (it.rootOf === email) return it;
    const root = this.newItem('My Drive', MIME.FOLDER, null, email, 'R');
    root.rootOf = email;
    return root;
  }

  newItem(name: string, mimeType: string, parentId: string | null, owner: string, kind?: 'S' | 'D' | 'F' | 'X' | 'R'): DriveItem {
    const k = kind ?? (mimeType === MIME.FOLDER ? 'F' : mimeType === MIME.GOOGLE_SHEETS ? 'S' : mimeType === MIME.GOOGLE_DOCS ? 'D' : 'X');
    const now = this.now();
    const it: DriveItem = {
      id: this.newId(k),
      name,
      mimeType,
      isFolder: mimeType === MIME.FOLDER,
      parents: parentId ? [parentId] : [],
      owner,
      editors: new Set(),
      viewers: new Set(),
      trashed: false,
      created: new Date(now.getTime()),
      updated: new Date(now.getTime()),
      description: null,
    };
    this.items.set(it.id, it);
    return it;
  }

  item(id: string): DriveItem | undefined {
    return this.items.get(id);
  }

  /** The item, if it exists and the current user can see it; else the Drive "No item" error. */
  visibleItem(id: string): DriveItem {
    const it = this.items.get(String(id));
    if (!it || !this.canRead(it, this.user)) fail(MSG.noItem);
    return it;
  }

  ancestors(it: DriveItem): DriveItem[] {
    const out: DriveItem[] = [];
    const seen = new Set<string>();
    const walk = (x: DriveItem) => {
      for (const p of x.parents) {
        const pi = this.items.get(p);
        if (pi && !seen.has(p)) {
          seen.add(p);
          out.push(pi);
          walk(pi);
        }
      }
    };
    walk(it);
    return out;
  }

  canWrite(it: DriveItem, email: string): boolean {
    return [it, ...this.ancestors(it)].some((x) => x.owner === email || x.editors.has(email));
  }

  canRead(it: DriveItem, email: string): boolean {
    return this.canWrite(it, email) || [it, ...this.ancestors(it)].some((x) => x.viewers.has(email));
  }

  /** Editors with access through the item or a parent folder (owner excluded). */
  effectiveEditors(it: DriveItem): string[] {
    const s = new Set<string>();
    for (const x of [it, ...this.ancestors(it)]) for (const e of x.editors) s.add(e);
    s.delete(it.owner);
    return [...s];
  }

  touch(id: string): void {
    const it = this.items.get(id);
    if (it) it.updated = new Date(this.now().getTime());
  }

  /** Permanent deletion (as after emptying the trash). Folders take their contents along. */
  deleteItem(id: string): void {
    const it = this.items.get(id);
    if (!it) return;
    if (it.isFolder) for (const child of [...this.items.values()]) if (child.parents.includes(id)) this.deleteItem(child.id);
    this.items.delete(id);
    this.deleted.add(id);
    this.spreadsheets.delete(id);
    this.documents.delete(id);
  }

  createSpreadsheetModel(name: string, owner: string, rows = 1000, cols = 26, parentId?: string): SpreadsheetModel {
    const it = this.newItem(name, MIME.GOOGLE_SHEETS, parentId ?? this.rootFor(owner).id, owner);
    const m = new SpreadsheetModel(it.id, this.timeZone);
    const s = m.addSheet('Sheet1', 0, rows, cols);
    m.activeSheetId = s.id;
    this.spreadsheets.set(it.id, m);
    return m;
  }

  /** Check that the current user may write the given cells of a spreadsheet. */
  assertCanEdit(ss: SpreadsheetModel, sheetId: number, rect: { row: number; col: number; numRows: number; numCols: number } | null): void {
    const it = this.items.get(ss.id);
    if (!it || !this.canWrite(it, this.user)) fail(MSG.noAccess);
    const sheet = ss.sheetById(sheetId);
    if (!sheet || ss.protections.length === 0) return;
    const r = rect ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    const relevant = ss.protections.filter((p) => p.sheetId === sheetId && !p.warningOnly && !this.protectionAllows(ss, p, this.user));
    if (relevant.length === 0) return;
    for (let row = r.row; row < r.row + r.numRows; row++)
      for (let col = r.col; col < r.col + r.numCols; col++)
        if (ss.protectionsAt(sheet, row, col).some((p) => relevant.includes(p))) fail(MSG.protectedCell);
  }

  protectionAllows(ss: SpreadsheetModel, p: { editors: Set<string> | null; domainEdit: boolean }, email: string): boolean {
    const it = this.items.get(ss.id);
    if (!it) return false;
    if (email === it.owner) return true;
    if (p.editors === null) return this.canWrite(it, email);
    if (p.editors.has(email)) return this.canWrite(it, email);
    if (p.domainEdit && sameDomain(email, it.owner)) return this.canWrite(it, email);
    return false;
  }

  /** The editors a protection's getEditors() lists. */
  protectionEditors(ss: SpreadsheetModel, p: { editors: Set<string> | null }): string[] {
    const it = this.items.get(ss.id);
    if (!it) return [];
    const base = p.editors ? [...p.editors] : this.effectiveEditors(it);
    return [it.owner, ...base.filter((e) => e !== it.owner)];
  }

  // ---- Html files

  htmlFile(name: string): string {
    const key = name.replace(/\.html$/, '');
    const inline = this.htmlFiles.get(key);
    if (inline !== undefined) return inline;
    if (this.htmlDir) {
      const p = path.join(this.htmlDir, `${key}.html`);
      if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
    }
    fail(`No HTML file named ${key} was found.`);
  }
}

const CONSUMER = new Set(['gmail.com', 'googlemail.com']);

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function sameDomain(a: string, b: string): boolean {
  const d = domainOf(a);
  return d === domainOf(b) && !CONSUMER.has(d);
}

export function isConsumer(email: string): boolean {
  return CONSUMER.has(domainOf(email));
}
