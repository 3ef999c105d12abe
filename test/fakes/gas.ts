/**
 * An in-memory Apps Script for tests: SpreadsheetApp, Drive (the Advanced Drive Service, Drive API
 * v3), DocumentApp, PropertiesService, LockService, HtmlService, Session, Utilities, Logger,
 * Charts — typed as the narrowed surface of src/gas/services.ts, counting every service
 * call — plus DriveApp, which is not part of that surface (the add-on must not use it: it needs the
 * full drive scope) but stays for tests and the naive benchmark code.
 *
 *   const fake = createGasFake({ user: 'lan@example.gov.vn' });
 *   const ss = fake.createSpreadsheet('Bảng điều khiển', { active: true });
 *   runAddonAction(fake);                       // fake satisfies GasServices
 *   expect(fake.calls.count('Range.setValues')).toBe(1);
 *   fake.spreadsheetById(ss.id)!.sheet('Kết quả').values();
 *
 * Behaviour worth knowing (all as in Apps Script unless marked "fake"):
 * - getValues returns '' for empty cells; formulas are evaluated by a tiny engine
 *   (see gas/formula.ts for the functions it knows; anything else gives '#NAME?' — fake);
 * - setValues/setFormulas need exact dimensions; '=…' becomes a formula, "'…" literal text,
 *   "12" becomes the number 12 (unless the number format is '@'), "TRUE" a boolean, and in a
 *   spreadsheet whose locale is vi_VN "15/11/2024" a date (other locale rules are not modelled);
 *   a new spreadsheet is en_US, in the context's time zone; a copy keeps both;
 * - writes check protections for the current user and data-validation rules that reject
 *   invalid input (CUSTOM_FORMULA rules are not checked — fake);
 * - Drive API (`Drive.Files`, `Drive.Permissions`, counted as 'Files.copy'…): an unknown or
 *   invisible id throws "… File not found: <id>." (404); get and list return trashed files
 *   (`trashed: true`); `fields` is ignored (see gas/drive-api.ts for the queries it knows);
 * - DriveApp searches and folder listings include trashed items; getFileById returns trashed
 *   files and throws for deleted ones; sharing (either way) is recorded in `drive.shares`;
 * - Body.replaceText takes a regular expression; the fake refuses '$' and '\' in the
 *   replacement (Apps Script gives them a special meaning — fake-specific strictness);
 * - Document.saveAndClose closes that handle: later calls through it throw.
 */
import type { GasServices } from '../../src/gas/services';
import type { CallCounter } from './gas/calls';
import { FakeContext, FakeOptions, UiLog } from './gas/context';
import { DocumentAppFake } from './gas/document';
import { newDoc, newPara, newTable } from './gas/document-model';
import { DriveAppFake } from './gas/drive';
import { DriveFilesFake, DrivePermissionsFake } from './gas/drive-api';
import type { GDriveApp } from './gas/driveapp-types';
import { AuthMode, ChartType, MIME } from './gas/enums';
import { DocumentView, DriveInspector, SpreadsheetView, documentView, driveInspector, spreadsheetView } from './gas/inspect';
import { LockServiceFake, LoggerFake, PropertiesServiceFake, SessionFake, UtilitiesFake, lockKey, lockState } from './gas/misc';
import { SpreadsheetAppFake } from './gas/spreadsheet';
import { MailAppFake, MailState, SentMail } from './gas/mail';
import { HtmlServiceFake } from './gas/ui';
import { coerceInput } from './gas/values';

export type { CallCounter, CallSnapshot } from './gas/calls';
export type { SentMail } from './gas/mail';
export { OVER_QUOTA } from './gas/mail';
export type { FakeOptions, UiLog, MenuLog, MenuItemLog, ShareEvent } from './gas/context';
export type {
  CellView,
  ChartView,
  ConditionalRuleView,
  DocumentView,
  DriveInspector,
  DriveItemView,
  ParagraphView,
  ProtectionView,
  SheetView,
  SpreadsheetView,
  TableView,
  ValidationView,
} from './gas/inspect';
export type { GDriveApp, GFile, GFolder, GFileIterator, GFolderIterator, GasServicesWithDriveApp } from './gas/driveapp-types';
export { GasException, GoogleJsonResponseException } from './gas/errors';
export { ExecutionKilled } from './gas/calls';
export { MIME } from './gas/enums';

export type LockScope = 'document';

export interface UiInspector extends Readonly<Omit<UiLog, 'responses'>> {
  /** Queue the button the user will click in the next alert. Default: OK/YES. */
  respondWith(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'): void;
  /** The last add-on menu added with addToUi(), if any. */
  addonMenu(): UiLog['menus'][number] | undefined;
}

export interface PropertiesInspector {
  /** Document properties of a spreadsheet (default: the active one). */
  document(spreadsheetId?: string): Map<string, string>;
}

export interface LocksInspector {
  /** Make another execution hold the lock: waitLock throws. */
  holdByOther(scope: LockScope, key?: string): void;
  release(scope: LockScope, key?: string): void;
  /** 'script' when held by this execution, 'other' via holdByOther, null when free. */
  heldBy(scope: LockScope, key?: string): 'script' | 'other' | null;
  /** How many times this execution acquired the lock. */
  acquisitions(scope: LockScope, key?: string): number;
}

export interface MailInspector {
  /** Every message sent (MailApp.sendEmail), oldest first. */
  readonly sent: readonly SentMail[];
  /** Recipients a day (default 100, a personal account's quota); today's sends count against it. */
  setDailyQuota(n: number): void;
}

export interface GasFake extends GasServices {
  /** DriveApp: for tests and the naive benchmark only; not part of GasServices (see above). */
  readonly DriveApp: GDriveApp;
  /** Counts of every service call ('Class.method'). */
  readonly calls: CallCounter;
  /** Throw on the (n+1)-th call of 'Class.method' from now on (once); cancel() disarms. */
  failAfter(method: string, n: number, error?: Error | string): { cancel(): void };
  /**
   * The (n+1)-th call of 'Class.method' from now on is made (its effect stays), then throws as if
   * its answer was lost on the way back (a timeout); once.
   */
  loseResponse(method: string, n: number, error?: Error | string): { cancel(): void };
  /**
   * Kill the execution at the (n+1)-th call of 'Class.method' from now on, 'before' the call is
   * made or right 'after' it succeeded: that call and every later one throw ExecutionKilled, so
   * nothing the script does afterwards (catch, finally) reaches Google. endExecution() ends it.
   */
  killAt(method: string, n: number, when: 'before' | 'after'): void;
  /** The call that killed the current execution, or null. */
  readonly killedAt: string | null;
  /**
   * Put the services on a global object (a vm context, or globalThis). For a vm context, Dates
   * handed to the script (getValues, getLastUpdated) are made with the context's Date.
   */
  installGlobals(target: object): void;

  /** The user running the script (Session.getActiveUser). */
  readonly user: string;
  setUser(email: string): void;
  /** The spreadsheet the script is bound to (null = standalone). */
  readonly activeSpreadsheetId: string | null;
  setActiveSpreadsheet(id: string | null): void;
  /** End of an execution: releases the locks this execution still holds. */
  endExecution(): void;

  // ---- setup (not counted)
  createSpreadsheet(
    name: string,
    opts?: { active?: boolean; owner?: string; folderId?: string; sheets?: Record<string, unknown[][]>; rows?: number; columns?: number },
  ): SpreadsheetView;
  createDocument(name: string, opts?: { owner?: string; folderId?: string; paragraphs?: string[]; table?: string[][] }): DocumentView;
  createFolder(name: string, opts?: { owner?: string; parentId?: string }): string;
  setHtmlFile(name: string, html: string): void;

  // ---- inspection (not counted)
  readonly drive: DriveInspector;
  spreadsheetById(id: string): SpreadsheetView | undefined;
  documentById(id: string): DocumentView | undefined;
  readonly ui: UiInspector;
  readonly properties: PropertiesInspector;
  readonly locks: LocksInspector;
  readonly mail: MailInspector;
  /** Logger.log lines. */
  readonly logs: readonly string[];
  /** Total of Utilities.sleep (no real waiting). */
  readonly sleptMs: number;
  /** The shared state, for anything not covered above. */
  readonly context: FakeContext;
}

export function createGasFake(opts: FakeOptions = {}): GasFake {
  const ctx = new FakeContext(opts);
  ctx.rootFor(ctx.user);
  const mail = new MailState(ctx);

  const services: GasServices = {
    SpreadsheetApp: ctx.wrap('SpreadsheetApp', new SpreadsheetAppFake(ctx)),
    Drive: Object.freeze({
      Files: ctx.wrap('Files', new DriveFilesFake(ctx)),
      Permissions: ctx.wrap('Permissions', new DrivePermissionsFake(ctx)),
    }),
    DocumentApp: ctx.wrap('DocumentApp', new DocumentAppFake(ctx)),
    PropertiesService: ctx.wrap('PropertiesService', new PropertiesServiceFake(ctx)),
    LockService: ctx.wrap('LockService', new LockServiceFake(ctx)),
    HtmlService: ctx.wrap('HtmlService', new HtmlServiceFake(ctx)),
    Session: ctx.wrap('Session', new SessionFake(ctx)),
    Utilities: ctx.wrap('Utilities', new UtilitiesFake(ctx)),
    Logger: ctx.wrap('Logger', new LoggerFake(ctx)),
    Charts: Object.freeze({ ChartType }),
    ScriptApp: Object.freeze({ AuthMode }),
    MailApp: ctx.wrap('MailApp', new MailAppFake(ctx, mail)),
  };

  const driveApp = ctx.wrap('DriveApp', new DriveAppFake(ctx)) as GDriveApp;

  const ui: UiInspector = {
    get menus() {
      return ctx.ui.menus;
    },
    get sidebars() {
      return ctx.ui.sidebars;
    },
    get alerts() {
      return ctx.ui.alerts;
    },
    respondWith: (button) => {
      ctx.ui.responses.push(button);
    },
    addonMenu: () => [...ctx.ui.menus].reverse().find((m) => m.kind === 'addon'),
  };

  const store = (map: Map<string, Map<string, string>>, key: string) => {
    let s = map.get(key);
    if (!s) map.set(key, (s = new Map<string, string>()));
    return s;
  };

  const fake: GasFake = {
    ...services,
    DriveApp: driveApp,
    get calls() {
      return ctx.calls;
    },
    failAfter: (method, n, error) => ctx.calls.failAfter(method, n, error),
    loseResponse: (method, n, error) => ctx.calls.loseResponse(method, n, error),
    killAt: (method, n, when) => ctx.calls.killAt(method, n, when),
    get killedAt() {
      return ctx.calls.killedAt;
    },
    installGlobals: (target) => {
      Object.assign(target, services, { DriveApp: driveApp });
      ctx.realm = target;
    },
    get user() {
      return ctx.user;
    },
    setUser: (email) => {
      ctx.user = email;
      ctx.rootFor(email);
    },
    get activeSpreadsheetId() {
      return ctx.activeSpreadsheetId;
    },
    setActiveSpreadsheet: (id) => {
      if (id !== null && !ctx.spreadsheets.has(id)) throw new Error(`fake: no spreadsheet ${id}`);
      ctx.activeSpreadsheetId = id;
    },
    endExecution: () => {
      ctx.calls.revive();
      for (const s of ctx.locks.values()) if (s.holder !== null && s.holder !== 'other') s.holder = null;
    },

    createSpreadsheet: (name, o = {}) => {
      const owner = o.owner ?? ctx.user;
      const m = ctx.createSpreadsheetModel(name, owner, o.rows ?? 1000, o.columns ?? 26, o.folderId);
      if (o.sheets) {
        const entries = Object.entries(o.sheets);
        entries.forEach(([sheetName, rows], i) => {
          const s = i === 0 ? m.sheets[0] : m.addSheet(sheetName, i);
          if (i === 0) s.name = sheetName;
          rows.forEach((line, r) => line.forEach((v, c) => s.setContent(r + 1, c + 1, coerceInput(v, undefined))));
        });
      }
      if (o.active) ctx.activeSpreadsheetId = m.id;
      return spreadsheetView(ctx, m);
    },
    createDocument: (name, o = {}) => {
      const owner = o.owner ?? ctx.user;
      const it = ctx.newItem(name, MIME.GOOGLE_DOCS, o.folderId ?? ctx.rootFor(owner).id, owner);
      const doc = newDoc(it.id);
      if (o.paragraphs?.length) doc.body.children = o.paragraphs.map((t) => newPara(t, doc.body));
      if (o.table) doc.body.children.push(newTable(o.table, doc.body), newPara('', doc.body));
      ctx.documents.set(it.id, doc);
      return documentView(ctx, doc);
    },
    createFolder: (name, o = {}) => {
      const owner = o.owner ?? ctx.user;
      return ctx.newItem(name, MIME.FOLDER, o.parentId ?? ctx.rootFor(owner).id, owner).id;
    },
    setHtmlFile: (name, html) => {
      ctx.htmlFiles.set(name.replace(/\.html$/, ''), html);
    },

    drive: driveInspector(ctx),
    spreadsheetById: (id) => {
      const m = ctx.spreadsheets.get(id);
      return m ? spreadsheetView(ctx, m) : undefined;
    },
    documentById: (id) => {
      const d = ctx.documents.get(id);
      return d ? documentView(ctx, d) : undefined;
    },
    ui,
    properties: {
      document: (id) => {
        const key = id ?? ctx.activeSpreadsheetId;
        if (!key) throw new Error('fake: no active spreadsheet for document properties');
        return store(ctx.documentProps, key);
      },
    },
    locks: {
      holdByOther: (scope, key) => {
        const s = lockState(ctx, lockKey(scope, ctx, key));
        s.holder = 'other';
      },
      release: (scope, key) => {
        lockState(ctx, lockKey(scope, ctx, key)).holder = null;
      },
      heldBy: (scope, key) => {
        const h = lockState(ctx, lockKey(scope, ctx, key)).holder;
        return h === null ? null : h === 'other' ? 'other' : 'script';
      },
      acquisitions: (scope, key) => lockState(ctx, lockKey(scope, ctx, key)).acquisitions,
    },
    mail: {
      get sent() {
        return mail.sent;
      },
      setDailyQuota: (n: number) => {
        mail.dailyQuota = n;
      },
    },
    get logs() {
      return ctx.logs;
    },
    get sleptMs() {
      return ctx.sleptMs;
    },
    context: ctx,
  };
  return fake;
}
