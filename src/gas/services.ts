/**
 * The narrow, typed surface of the Apps Script services that the add-on may use.
 *
 * Every interface here is a subset of the matching `GoogleAppsScript.*` interface:
 * - methods that return only plain data are `Pick`ed from the real type;
 * - methods that return (or take) another service object are re-declared with the narrowed
 *   type, so that the in-memory fake (test/fakes/gas.ts) can implement the whole surface.
 *
 * Two compile-time checks keep this honest:
 * - `NoExtraKeys` below fails if a narrowed interface names a method the real one lacks
 *   (a misspelt method name fails to compile here, in the add-on and in the fake);
 * - `gasServices()` returns the real globals typed as the narrowed types, so every
 *   re-declared signature must be compatible with the real one.
 *
 * Add a method here (with its real signature) before the add-on uses it, then implement it
 * in the fake.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

import { UserError } from './errors';

type Real = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  Sheet: GoogleAppsScript.Spreadsheet.Sheet;
  Range: GoogleAppsScript.Spreadsheet.Range;
  RangeList: GoogleAppsScript.Spreadsheet.RangeList;
  Protection: GoogleAppsScript.Spreadsheet.Protection;
  DataValidation: GoogleAppsScript.Spreadsheet.DataValidation;
  DataValidationBuilder: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  ConditionalFormatRule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  ConditionalFormatRuleBuilder: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  EmbeddedChart: GoogleAppsScript.Spreadsheet.EmbeddedChart;
  EmbeddedChartBuilder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  Ui: GoogleAppsScript.Base.Ui;
  Menu: GoogleAppsScript.Base.Menu;
  User: GoogleAppsScript.Base.User;
  Drive: GoogleAppsScript.Drive;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Document: GoogleAppsScript.Document.Document;
  Element: GoogleAppsScript.Document.Element;
  ContainerElement: GoogleAppsScript.Document.ContainerElement;
  Body: GoogleAppsScript.Document.Body;
  Paragraph: GoogleAppsScript.Document.Paragraph;
  Text: GoogleAppsScript.Document.Text;
  Table: GoogleAppsScript.Document.Table;
  TableRow: GoogleAppsScript.Document.TableRow;
  TableCell: GoogleAppsScript.Document.TableCell;
  PageBreak: GoogleAppsScript.Document.PageBreak;
  RangeElement: GoogleAppsScript.Document.RangeElement;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Properties: GoogleAppsScript.Properties.Properties;
  LockService: GoogleAppsScript.Lock.LockService;
  Lock: GoogleAppsScript.Lock.Lock;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  HtmlOutput: GoogleAppsScript.HTML.HtmlOutput;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  Charts: GoogleAppsScript.Charts.Charts;
};

// ---------------------------------------------------------------------------------------------
// Enums (values are opaque objects in Apps Script; compare them with ===, never by number)

export type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
export type GChartType = GoogleAppsScript.Charts.ChartType;
export type GButton = GoogleAppsScript.Base.Button;
export type GButtonSet = GoogleAppsScript.Base.ButtonSet;
export type GElementType = GoogleAppsScript.Document.ElementType;
/** Apps Script's own Date interface (a JS Date satisfies it). */
export type GDate = GoogleAppsScript.Base.Date;

// ---------------------------------------------------------------------------------------------
// Spreadsheet

export interface GSpreadsheetApp {
  ProtectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  /** null in Apps Script when the script is not bound to a spreadsheet. */
  getActiveSpreadsheet(): GSpreadsheet;
  openById(id: string): GSpreadsheet;
  openByUrl(url: string): GSpreadsheet;
  create(name: string): GSpreadsheet;
  getUi(): GUi;
  newDataValidation(): GDataValidationBuilder;
  newConditionalFormatRule(): GConditionalFormatRuleBuilder;
  flush(): void;
}

export interface GSpreadsheet extends Pick<
  Real['Spreadsheet'],
  'getId' | 'getUrl' | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'setSpreadsheetLocale'
> {
  getSheetByName(name: string): GSheet | null;
  /** Every protection of this type in the spreadsheet, all sheets. */
  getProtections(type: GProtectionType): GProtection[];
  getSheets(): GSheet[];
  insertSheet(sheetName: string): GSheet;
  insertSheet(sheetName: string, sheetIndex: number): GSheet;
  deleteSheet(sheet: GSheet): void;
  /** A1 notation with a sheet name: "'Chấm điểm'!D12". */
  getRange(a1Notation: string): GRange;
  addEditor(emailAddress: string): GSpreadsheet;
  getOwner(): GUser | null;
}

export interface GSheet extends Pick<
  Real['Sheet'],
  'getName' | 'getSheetId' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'setFrozenRows' | 'hideColumns'
> {
  setName(name: string): GSheet;
  /** Makes this sheet the one shown (Sheet.activate: "only the parent's notion of the active sheet"). */
  activate(): GSheet;
  getRange(row: number, column: number): GRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GRange;
  getRange(a1Notation: string): GRange;
  getDataRange(): GRange;
  /** Many A1 ranges of this sheet in one call (e.g. the unprotected inputs of a protection). */
  getRangeList(a1Notations: string[]): GRangeList;
  /** One service call per row: do not use in loops. */
  appendRow(rowContents: any[]): GSheet;
  insertRowsAfter(afterPosition: number, howMany: number): GSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet;
  clear(): GSheet;
  clearContents(): GSheet;
  setColumnWidth(columnPosition: number, width: number): GSheet;
  hideSheet(): GSheet;
  protect(): GProtection;
  getProtections(type: GProtectionType): GProtection[];
  newChart(): GEmbeddedChartBuilder;
  insertChart(chart: GEmbeddedChart): void;
  getCharts(): GEmbeddedChart[];
  removeChart(chart: GEmbeddedChart): void;
  getConditionalFormatRules(): GConditionalFormatRule[];
  setConditionalFormatRules(rules: GConditionalFormatRule[]): void;
}

export interface GRange extends Pick<Real['Range'], 'getValues' | 'getValue' | 'getFormulas'> {
  /** Dimensions must match the range exactly. A string starting with '=' becomes a formula. */
  setValues(values: any[][]): GRange;
  /** One service call per cell: never use in loops (see DESIGN §4). */
  setValue(value: any): GRange;
  setFormula(formula: string): GRange;
  setNumberFormat(numberFormat: string): GRange;
  setBackground(color: string | null): GRange;
  setBackgrounds(color: Array<Array<string | null>>): GRange;
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange;
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GRange;
  setWrap(isWrapEnabled: boolean): GRange;
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange;
  setDataValidation(rule: GDataValidation | null): GRange;
  protect(): GProtection;
  setNote(note: string | null): GRange;
  setNotes(notes: Array<Array<string | null>>): GRange;
}

export interface GRangeList {
  getRanges(): GRange[];
}

export interface GProtection extends Pick<Real['Protection'], 'canDomainEdit' | 'canEdit'> {
  addEditor(user: GUser): GProtection;
  setDescription(description: string): GProtection;
  setUnprotectedRanges(ranges: GRange[]): GProtection;
  getUnprotectedRanges(): GRange[];
  removeEditors(users: GUser[]): GProtection;
  getEditors(): GUser[];
  setDomainEdit(editable: boolean): GProtection;
}

// Opaque handles: the add-on gets them from a builder or a sheet and only hands them back.
export type GDataValidation = object;
export type GConditionalFormatRule = object;
export type GEmbeddedChart = object;

export interface GDataValidationBuilder {
  build(): GDataValidation;
  requireNumberBetween(start: number, end: number): GDataValidationBuilder;
  requireFormulaSatisfied(formula: string): GDataValidationBuilder;
  requireValueInList(values: string[], showDropdown: boolean): GDataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder;
  setHelpText(helpText: string): GDataValidationBuilder;
}

export interface GConditionalFormatRuleBuilder {
  build(): GConditionalFormatRule;
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder;
  setBackground(color: string | null): GConditionalFormatRuleBuilder;
  setFontColor(color: string | null): GConditionalFormatRuleBuilder;
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder;
}

export interface GEmbeddedChartBuilder {
  addRange(range: GRange): GEmbeddedChartBuilder;
  setChartType(type: GChartType): GEmbeddedChartBuilder;
  setOption(option: string, value: any): GEmbeddedChartBuilder;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GEmbeddedChartBuilder;
  setNumHeaders(headers: number): GEmbeddedChartBuilder;
  build(): GEmbeddedChart;
}

// ---------------------------------------------------------------------------------------------
// Ui (SpreadsheetApp.getUi())

export interface GUi {
  ButtonSet: typeof GoogleAppsScript.Base.ButtonSet;
  Button: typeof GoogleAppsScript.Base.Button;
  alert(title: string, prompt: string, buttons: GButtonSet): GButton;
  createAddonMenu(): GMenu;
  /** A menu of its own (a bound script's; an add-on uses createAddonMenu). */
  createMenu(caption: string): GMenu;
  showSidebar(userInterface: GHtmlOutput): void;
}

export interface GMenu extends Pick<Real['Menu'], 'addToUi'> {
  addItem(caption: string, functionName: string): GMenu;
  addSeparator(): GMenu;
}

export type GUser = Pick<Real['User'], 'getEmail'>;

// ---------------------------------------------------------------------------------------------
// Drive: the Advanced Drive Service (Drive API v3, global `Drive`, enabled in appsscript.json).
// DriveApp is deliberately absent: its modifying methods (createFolder, makeCopy, addEditor,
// moveTo, setName…) need the full `drive` scope, which the add-on does not ask for; the Drive API
// works under `drive.file` (the files the add-on created). All calls go through src/gas/drive.ts.

export type GDriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
export type GDriveFileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
export type GDrivePermission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
export type GDrivePermissionList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList;
export type GDriveFiles = Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection,
  'create' | 'get' | 'copy' | 'update' | 'list'
>;
export type GDrivePermissions = Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection, 'create' | 'list'>;

export interface GDrive {
  Files: GDriveFiles;
  Permissions: GDrivePermissions;
}

// ---------------------------------------------------------------------------------------------
// Document

export interface GDocumentApp {
  Attribute: typeof GoogleAppsScript.Document.Attribute;
  ElementType: typeof GoogleAppsScript.Document.ElementType;
  HorizontalAlignment: typeof GoogleAppsScript.Document.HorizontalAlignment;
  create(name: string): GDocument;
  openById(id: string): GDocument;
}

export interface GDocument extends Pick<Real['Document'], 'getId' | 'saveAndClose'> {
  getBody(): GBody;
}

/** Any document element (paragraph, table, text, page break…). */
export interface GElement extends Pick<Real['Element'], 'getType'> {
  asParagraph(): GParagraph;
  asText(): GText;
  getParent(): GContainerElement;
  removeFromParent(): GElement;
}

/**
 * What a method taking an element accepts (any element obtained from this surface). Typed loosely
 * on purpose: a parameter of the full GElement type makes the real-to-narrow check recurse forever.
 */
export type GElementArg = Pick<GElement, 'getType'>;

export interface GContainerElement extends GElement {
  getNumChildren(): number;
  getChild(childIndex: number): GElement;
  getChildIndex(child: GElementArg): number;
  getText(): string;
  editAsText(): GText;
  /** searchPattern is a regular expression (RE2), not a literal: escape placeholders. */
  replaceText(searchPattern: string, replacement: string): GElement;
  /** First match (RE2 pattern); the `from` argument of Apps Script is not part of this surface. */
  findText(searchPattern: string): GRangeElement | null;
}

export interface GBody extends GContainerElement {
  appendParagraph(text: string): GParagraph;
  appendTable(): GTable;
  appendTable(cells: string[][]): GTable;
  /** Builds a whole table in one call. */
  insertTable(childIndex: number, cells?: string[][] | null): GTable;
  appendPageBreak(): GPageBreak;
  setAttributes(attributes: any): GBody;
  setMarginTop(marginTop: number): GBody;
  setMarginBottom(marginBottom: number): GBody;
  setMarginLeft(marginLeft: number): GBody;
  setMarginRight(marginRight: number): GBody;
  setPageWidth(pageWidth: number): GBody;
  setPageHeight(pageHeight: number): GBody;
}

export interface GParagraph extends GContainerElement {
  setText(text: string): void;
  setAttributes(attributes: any): GParagraph;
}

export interface GText extends GElement {
  insertText(offset: number, text: string): GText;
  deleteText(startOffset: number, endOffsetInclusive: number): GText;
  setBold(startOffset: number, endOffsetInclusive: number, bold: boolean): GText;
  setItalic(startOffset: number, endOffsetInclusive: number, italic: boolean): GText;
}

export interface GTable extends GContainerElement {
  getRow(rowIndex: number): GTableRow;
  getCell(rowIndex: number, cellIndex: number): GTableCell;
  appendTableRow(): GTableRow;
  setBorderWidth(width: number): GTable;
  setColumnWidth(columnIndex: number, width: number): GTable;
  setAttributes(attributes: any): GTable;
}

export interface GTableRow extends GContainerElement {
  appendTableCell(textContents?: string): GTableCell;
  setAttributes(attributes: any): GTableRow;
}

export interface GTableCell extends GContainerElement {
  appendParagraph(text: string): GParagraph;
}

export type GPageBreak = GElement;

export interface GRangeElement extends Pick<Real['RangeElement'], 'getStartOffset' | 'getEndOffsetInclusive'> {
  getElement(): GElement;
}

// ---------------------------------------------------------------------------------------------
// Properties, Lock, Html, Session, Utilities, Logger, Charts

export interface GProperties extends Pick<Real['Properties'], 'getProperties'> {
  setProperty(key: string, value: string): GProperties;
  deleteProperty(key: string): GProperties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties;
}
export interface GPropertiesService {
  /** null in Apps Script when the script is not bound to a document. */
  getDocumentProperties(): GProperties;
}

export type GLock = Pick<Real['Lock'], 'waitLock' | 'releaseLock'>;
export interface GLockService {
  /** null in Apps Script when the script is not bound to a document. */
  getDocumentLock(): GLock;
}

export interface GHtmlOutput {
  setTitle(title: string): GHtmlOutput;
}
export interface GHtmlService {
  /** filename without ".html", as pushed by clasp from build/. */
  createHtmlOutputFromFile(filename: string): GHtmlOutput;
}

export interface GSession {
  getActiveUser(): GUser;
  getEffectiveUser(): GUser;
}

export interface GUtilities extends Pick<Real['Utilities'], 'sleep' | 'base64Decode'> {
  /** A blob of bytes (an attached evidence file), for Drive.Files.create's media. */
  newBlob(data: GoogleAppsScript.Byte[], contentType: string, name: string): GoogleAppsScript.Base.Blob;
}

export interface GLogger {
  log(data: any): GLogger;
}

export type GCharts = Pick<Real['Charts'], 'ChartType'>;
/** Only the AuthMode enum: an event's authMode is compared with ScriptApp.AuthMode.NONE (never by its text). */
export type GScriptApp = Pick<Real['ScriptApp'], 'AuthMode'>;

/**
 * MailApp (scope script.send_mail): the reminders of «Nhắc đơn vị chưa nộp». The daily quota counts
 * recipients (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()).
 */
export interface GMailApp extends Pick<Real['MailApp'], 'getRemainingDailyQuota'> {
  sendEmail(message: { to: string; subject: string; body: string; name?: string }): void;
}

// ---------------------------------------------------------------------------------------------
// All services

export interface GasServices {
  SpreadsheetApp: GSpreadsheetApp;
  /** The Advanced Drive Service (Drive API v3); DriveApp is not available to the add-on. */
  Drive: GDrive;
  DocumentApp: GDocumentApp;
  PropertiesService: GPropertiesService;
  LockService: GLockService;
  HtmlService: GHtmlService;
  Session: GSession;
  Utilities: GUtilities;
  Logger: GLogger;
  Charts: GCharts;
  ScriptApp: GScriptApp;
  MailApp: GMailApp;
}

/**
 * The real Apps Script globals, read lazily (at property access), so the same bundle works in
 * Apps Script and in a `vm` context whose globals are the fake.
 */
export function gasServices(): GasServices {
  return {
    get SpreadsheetApp(): GSpreadsheetApp {
      return SpreadsheetApp;
    },
    get Drive(): GDrive {
      // An advanced service is a global only when enabled (appsscript.json enables it).
      const drive = typeof Drive === 'undefined' ? undefined : Drive;
      if (!drive) throw new UserError('Chưa bật dịch vụ nâng cao Drive API (v3) cho dự án Apps Script.');
      return drive;
    },
    get DocumentApp(): GDocumentApp {
      return DocumentApp;
    },
    get PropertiesService(): GPropertiesService {
      return PropertiesService;
    },
    get LockService(): GLockService {
      return LockService;
    },
    get HtmlService(): GHtmlService {
      return HtmlService;
    },
    get Session(): GSession {
      return Session;
    },
    get Utilities(): GUtilities {
      return Utilities;
    },
    get Logger(): GLogger {
      return Logger;
    },
    get Charts(): GCharts {
      return Charts;
    },
    get ScriptApp(): GScriptApp {
      return ScriptApp;
    },
    get MailApp(): GMailApp {
      return MailApp;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Compile-time check: no narrowed interface names a method its real interface lacks.

type NoExtraKeys<N, R> = Exclude<keyof N, keyof R> extends never ? true : { extraKeys: Exclude<keyof N, keyof R> };
type Expect<T extends true> = T;
// prettier-ignore
export type _ServicesKeyCheck = [
  Expect<NoExtraKeys<GSpreadsheetApp, Real['SpreadsheetApp']>>,
  Expect<NoExtraKeys<GSpreadsheet, Real['Spreadsheet']>>,
  Expect<NoExtraKeys<GSheet, Real['Sheet']>>,
  Expect<NoExtraKeys<GRange, Real['Range']>>,
  Expect<NoExtraKeys<GRangeList, Real['RangeList']>>,
  Expect<NoExtraKeys<GProtection, Real['Protection']>>,
  Expect<NoExtraKeys<GDataValidation, Real['DataValidation']>>,
  Expect<NoExtraKeys<GDataValidationBuilder, Real['DataValidationBuilder']>>,
  Expect<NoExtraKeys<GConditionalFormatRule, Real['ConditionalFormatRule']>>,
  Expect<NoExtraKeys<GConditionalFormatRuleBuilder, Real['ConditionalFormatRuleBuilder']>>,
  Expect<NoExtraKeys<GEmbeddedChart, Real['EmbeddedChart']>>,
  Expect<NoExtraKeys<GEmbeddedChartBuilder, Real['EmbeddedChartBuilder']>>,
  Expect<NoExtraKeys<GUi, Real['Ui']>>,
  Expect<NoExtraKeys<GMenu, Real['Menu']>>,
  Expect<NoExtraKeys<GDrive, Real['Drive']>>,
  Expect<NoExtraKeys<GDriveFiles, Real['Drive']['Files']>>,
  Expect<NoExtraKeys<GDrivePermissions, Real['Drive']['Permissions']>>,
  Expect<NoExtraKeys<GDocumentApp, Real['DocumentApp']>>,
  Expect<NoExtraKeys<GDocument, Real['Document']>>,
  Expect<NoExtraKeys<GElement, Real['Element']>>,
  Expect<NoExtraKeys<GContainerElement, Real['ContainerElement']>>,
  Expect<NoExtraKeys<GBody, Real['Body']>>,
  Expect<NoExtraKeys<GParagraph, Real['Paragraph']>>,
  Expect<NoExtraKeys<GText, Real['Text']>>,
  Expect<NoExtraKeys<GTable, Real['Table']>>,
  Expect<NoExtraKeys<GTableRow, Real['TableRow']>>,
  Expect<NoExtraKeys<GTableCell, Real['TableCell']>>,
  Expect<NoExtraKeys<GPageBreak, Real['PageBreak']>>,
  Expect<NoExtraKeys<GRangeElement, Real['RangeElement']>>,
  Expect<NoExtraKeys<GPropertiesService, Real['PropertiesService']>>,
  Expect<NoExtraKeys<GProperties, Real['Properties']>>,
  Expect<NoExtraKeys<GLockService, Real['LockService']>>,
  Expect<NoExtraKeys<GHtmlOutput, Real['HtmlOutput']>>,
  Expect<NoExtraKeys<GHtmlService, Real['HtmlService']>>,
  Expect<NoExtraKeys<GSession, Real['Session']>>,
  Expect<NoExtraKeys<GLogger, Real['Logger']>>,
  Expect<NoExtraKeys<GMailApp, Real['MailApp']>>,
];
