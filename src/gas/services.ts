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
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  MimeType: GoogleAppsScript.Base.MimeType;
  Charts: GoogleAppsScript.Charts.Charts;
};

// ---------------------------------------------------------------------------------------------
// Enums (values are opaque objects in Apps Script; compare them with ===, never by number)

export type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
export type GBorderStyle = GoogleAppsScript.Spreadsheet.BorderStyle;
export type GWrapStrategy = GoogleAppsScript.Spreadsheet.WrapStrategy;
export type GDataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
export type GChartType = GoogleAppsScript.Charts.ChartType;
export type GButton = GoogleAppsScript.Base.Button;
export type GButtonSet = GoogleAppsScript.Base.ButtonSet;
export type GParagraphHeading = GoogleAppsScript.Document.ParagraphHeading;
export type GHorizontalAlignment = GoogleAppsScript.Document.HorizontalAlignment;
export type GVerticalAlignment = GoogleAppsScript.Document.VerticalAlignment;
export type GAttribute = GoogleAppsScript.Document.Attribute;
export type GElementType = GoogleAppsScript.Document.ElementType;
export type GSandboxMode = GoogleAppsScript.HTML.SandboxMode;
export type GXFrameOptionsMode = GoogleAppsScript.HTML.XFrameOptionsMode;
/** Apps Script's own Date interface (a JS Date satisfies it). */
export type GDate = GoogleAppsScript.Base.Date;

// ---------------------------------------------------------------------------------------------
// Spreadsheet

export interface GSpreadsheetApp extends Pick<Real['SpreadsheetApp'], 'flush'> {
  ProtectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  BorderStyle: typeof GoogleAppsScript.Spreadsheet.BorderStyle;
  WrapStrategy: typeof GoogleAppsScript.Spreadsheet.WrapStrategy;
  DataValidationCriteria: typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  /** null in Apps Script when the script is not bound to a spreadsheet. */
  getActiveSpreadsheet(): GSpreadsheet;
  getActive(): GSpreadsheet;
  getActiveSheet(): GSheet;
  openById(id: string): GSpreadsheet;
  openByUrl(url: string): GSpreadsheet;
  create(name: string): GSpreadsheet;
  create(name: string, rows: number, columns: number): GSpreadsheet;
  getUi(): GUi;
  newDataValidation(): GDataValidationBuilder;
  newConditionalFormatRule(): GConditionalFormatRuleBuilder;
}

export interface GSpreadsheet extends Pick<
  Real['Spreadsheet'],
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'rename'
  | 'toast'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
> {
  getSheetByName(name: string): GSheet | null;
  getSheetById(id: number): GSheet | null;
  getSheets(): GSheet[];
  insertSheet(): GSheet;
  insertSheet(sheetIndex: number): GSheet;
  insertSheet(sheetName: string): GSheet;
  insertSheet(sheetName: string, sheetIndex: number): GSheet;
  deleteSheet(sheet: GSheet): void;
  setActiveSheet(sheet: GSheet): GSheet;
  getActiveSheet(): GSheet;
  /** A1 notation with a sheet name: "'Chấm điểm'!D12". */
  getRange(a1Notation: string): GRange;
  getProtections(type: GProtectionType): GProtection[];
  addEditor(emailAddress: string): GSpreadsheet;
  addEditors(emailAddresses: string[]): GSpreadsheet;
  removeEditor(emailAddress: string): GSpreadsheet;
  getEditors(): GUser[];
  getOwner(): GUser | null;
}

export interface GSheet extends Pick<
  Real['Sheet'],
  | 'getName'
  | 'getSheetName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'isSheetHidden'
  | 'getFrozenRows'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'deleteRows'
  | 'deleteColumns'
  | 'getColumnWidth'
  | 'hideColumns'
  | 'showColumns'
> {
  setName(name: string): GSheet;
  getParent(): GSpreadsheet;
  activate(): GSheet;
  getRange(row: number, column: number): GRange;
  getRange(row: number, column: number, numRows: number): GRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GRange;
  getRange(a1Notation: string): GRange;
  getDataRange(): GRange;
  /** Many A1 ranges of this sheet in one call (e.g. the unprotected inputs of a protection). */
  getRangeList(a1Notations: string[]): GRangeList;
  /** One service call per row: do not use in loops. */
  appendRow(rowContents: any[]): GSheet;
  insertRowsAfter(afterPosition: number, howMany: number): GSheet;
  insertRowsBefore(beforePosition: number, howMany: number): GSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet;
  deleteRow(rowPosition: number): GSheet;
  clear(): GSheet;
  clear(options: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet;
  clearContents(): GSheet;
  clearFormats(): GSheet;
  setColumnWidth(columnPosition: number, width: number): GSheet;
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet;
  setRowHeight(rowPosition: number, height: number): GSheet;
  setRowHeights(startRow: number, numRows: number, height: number): GSheet;
  autoResizeColumns(startColumn: number, numColumns: number): GSheet;
  hideSheet(): GSheet;
  showSheet(): GSheet;
  setTabColor(color: string | null): GSheet;
  protect(): GProtection;
  getProtections(type: GProtectionType): GProtection[];
  newChart(): GEmbeddedChartBuilder;
  insertChart(chart: GEmbeddedChart): void;
  updateChart(chart: GEmbeddedChart): void;
  getCharts(): GEmbeddedChart[];
  removeChart(chart: GEmbeddedChart): void;
  getConditionalFormatRules(): GConditionalFormatRule[];
  setConditionalFormatRules(rules: GConditionalFormatRule[]): void;
}

export interface GRange extends Pick<
  Real['Range'],
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getNote'
  | 'getNotes'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getFontWeights'
  | 'getHorizontalAlignments'
  | 'getWraps'
  | 'isBlank'
> {
  getSheet(): GSheet;
  /** Dimensions must match the range exactly. A string starting with '=' becomes a formula. */
  setValues(values: any[][]): GRange;
  /** One service call per cell: never use in loops (see DESIGN §4). */
  setValue(value: any): GRange;
  setFormulas(formulas: string[][]): GRange;
  setFormula(formula: string): GRange;
  setNumberFormat(numberFormat: string): GRange;
  setNumberFormats(numberFormats: string[][]): GRange;
  setBackground(color: string | null): GRange;
  setBackgrounds(color: Array<Array<string | null>>): GRange;
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange;
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GRange;
  setFontColor(color: string | null): GRange;
  setFontColors(colors: any[][]): GRange;
  setFontSize(size: number): GRange;
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GRange;
  setWrap(isWrapEnabled: boolean): GRange;
  setWrapStrategy(strategy: GWrapStrategy): GRange;
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GRange;
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange;
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): GRange;
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color: string | null,
    style: GBorderStyle | null,
  ): GRange;
  merge(): GRange;
  breakApart(): GRange;
  setDataValidation(rule: GDataValidation | null): GRange;
  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange;
  getDataValidation(): GDataValidation | null;
  getDataValidations(): Array<Array<GDataValidation | null>>;
  clearDataValidations(): GRange;
  protect(): GProtection;
  setNote(note: string | null): GRange;
  setNotes(notes: Array<Array<string | null>>): GRange;
  clearContent(): GRange;
  clear(): GRange;
  clear(options: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange;
  offset(rowOffset: number, columnOffset: number): GRange;
  offset(rowOffset: number, columnOffset: number, numRows: number): GRange;
  offset(rowOffset: number, columnOffset: number, numRows: number, numColumns: number): GRange;
  activate(): GRange;
}

export interface GRangeList {
  getRanges(): GRange[];
}

export interface GProtection extends Pick<
  Real['Protection'],
  'getDescription' | 'canDomainEdit' | 'canEdit' | 'isWarningOnly' | 'remove' | 'getProtectionType'
> {
  setDescription(description: string): GProtection;
  getRange(): GRange;
  setRange(range: GRange): GProtection;
  setUnprotectedRanges(ranges: GRange[]): GProtection;
  getUnprotectedRanges(): GRange[];
  addEditor(emailAddress: string): GProtection;
  addEditor(user: GUser): GProtection;
  addEditors(emailAddresses: string[]): GProtection;
  removeEditor(emailAddress: string): GProtection;
  removeEditors(emailAddresses: string[]): GProtection;
  removeEditors(users: GUser[]): GProtection;
  getEditors(): GUser[];
  setWarningOnly(warningOnly: boolean): GProtection;
  setDomainEdit(editable: boolean): GProtection;
}

export interface GDataValidation extends Pick<
  Real['DataValidation'],
  'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  copy(): GDataValidationBuilder;
}

export interface GDataValidationBuilder extends Pick<
  Real['DataValidationBuilder'],
  'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  build(): GDataValidation;
  copy(): GDataValidationBuilder;
  requireNumberBetween(start: number, end: number): GDataValidationBuilder;
  requireNumberGreaterThan(number: number): GDataValidationBuilder;
  requireNumberGreaterThanOrEqualTo(number: number): GDataValidationBuilder;
  requireNumberLessThan(number: number): GDataValidationBuilder;
  requireNumberLessThanOrEqualTo(number: number): GDataValidationBuilder;
  requireValueInList(values: string[]): GDataValidationBuilder;
  requireValueInList(values: string[], showDropdown: boolean): GDataValidationBuilder;
  requireTextIsEmail(): GDataValidationBuilder;
  requireTextIsUrl(): GDataValidationBuilder;
  requireFormulaSatisfied(formula: string): GDataValidationBuilder;
  requireCheckbox(): GDataValidationBuilder;
  withCriteria(criteria: GDataValidationCriteria, args: any[]): GDataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder;
  setHelpText(helpText: string): GDataValidationBuilder;
}

export interface GConditionalFormatRule {
  getRanges(): GRange[];
  copy(): GConditionalFormatRuleBuilder;
}

export interface GConditionalFormatRuleBuilder {
  build(): GConditionalFormatRule;
  getRanges(): GRange[];
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder;
  setBackground(color: string | null): GConditionalFormatRuleBuilder;
  setFontColor(color: string | null): GConditionalFormatRuleBuilder;
  setBold(bold: boolean | null): GConditionalFormatRuleBuilder;
  setItalic(italic: boolean | null): GConditionalFormatRuleBuilder;
  whenCellEmpty(): GConditionalFormatRuleBuilder;
  whenCellNotEmpty(): GConditionalFormatRuleBuilder;
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder;
  whenNumberBetween(start: number, end: number): GConditionalFormatRuleBuilder;
  whenNumberEqualTo(number: number): GConditionalFormatRuleBuilder;
  whenNumberGreaterThan(number: number): GConditionalFormatRuleBuilder;
  whenNumberGreaterThanOrEqualTo(number: number): GConditionalFormatRuleBuilder;
  whenNumberLessThan(number: number): GConditionalFormatRuleBuilder;
  whenNumberLessThanOrEqualTo(number: number): GConditionalFormatRuleBuilder;
  whenTextEqualTo(text: string): GConditionalFormatRuleBuilder;
  whenTextContains(text: string): GConditionalFormatRuleBuilder;
}

export interface GEmbeddedChart extends Pick<Real['EmbeddedChart'], 'getChartId' | 'getNumHeaders' | 'getOptions' | 'getContainerInfo'> {
  getRanges(): GRange[];
  modify(): GEmbeddedChartBuilder;
}

export interface GEmbeddedChartBuilder {
  addRange(range: GRange): GEmbeddedChartBuilder;
  clearRanges(): GEmbeddedChartBuilder;
  getRanges(): GRange[];
  setChartType(type: GChartType): GEmbeddedChartBuilder;
  getChartType(): GChartType;
  setOption(option: string, value: any): GEmbeddedChartBuilder;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GEmbeddedChartBuilder;
  setNumHeaders(headers: number): GEmbeddedChartBuilder;
  setTransposeRowsAndColumns(transpose: boolean): GEmbeddedChartBuilder;
  build(): GEmbeddedChart;
}

// ---------------------------------------------------------------------------------------------
// Ui (SpreadsheetApp.getUi())

export interface GUi {
  Button: typeof GoogleAppsScript.Base.Button;
  ButtonSet: typeof GoogleAppsScript.Base.ButtonSet;
  alert(prompt: string): GButton;
  alert(prompt: string, buttons: GButtonSet): GButton;
  alert(title: string, prompt: string, buttons: GButtonSet): GButton;
  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GButtonSet): GoogleAppsScript.Base.PromptResponse;
  createAddonMenu(): GMenu;
  createMenu(caption: string): GMenu;
  showSidebar(userInterface: GHtmlOutput): void;
  showModalDialog(userInterface: GHtmlOutput, title: string): void;
  showModelessDialog(userInterface: GHtmlOutput, title: string): void;
}

export interface GMenu extends Pick<Real['Menu'], 'addToUi'> {
  addItem(caption: string, functionName: string): GMenu;
  addSeparator(): GMenu;
  addSubMenu(menu: GMenu): GMenu;
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
export type GDriveFiles = Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection,
  'create' | 'get' | 'copy' | 'update' | 'list'
>;
export type GDrivePermissions = Pick<GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection, 'create'>;

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
  VerticalAlignment: typeof GoogleAppsScript.Document.VerticalAlignment;
  ParagraphHeading: typeof GoogleAppsScript.Document.ParagraphHeading;
  create(name: string): GDocument;
  openById(id: string): GDocument;
  openByUrl(url: string): GDocument;
}

export interface GDocument extends Pick<Real['Document'], 'getId' | 'getUrl' | 'getName' | 'saveAndClose'> {
  setName(name: string): GDocument;
  getBody(): GBody;
}

/** Any document element (paragraph, table, text, page break…). */
export interface GElement extends Pick<Real['Element'], 'getType' | 'getAttributes' | 'isAtDocumentEnd'> {
  asParagraph(): GParagraph;
  asTable(): GTable;
  asTableRow(): GTableRow;
  asTableCell(): GTableCell;
  asText(): GText;
  asBody(): GBody;
  getParent(): GContainerElement;
  getNextSibling(): GElement;
  getPreviousSibling(): GElement;
  removeFromParent(): GElement;
  setAttributes(attributes: any): GElement;
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
  clear(): GContainerElement;
  setAttributes(attributes: any): GContainerElement;
}

export interface GBody
  extends
    GContainerElement,
    Pick<Real['Body'], 'getMarginTop' | 'getMarginBottom' | 'getMarginLeft' | 'getMarginRight' | 'getPageWidth' | 'getPageHeight'> {
  appendParagraph(text: string): GParagraph;
  insertParagraph(childIndex: number, text: string): GParagraph;
  appendTable(): GTable;
  appendTable(cells: string[][]): GTable;
  /** Builds a whole table in one call. */
  insertTable(childIndex: number, cells?: string[][] | null): GTable;
  appendPageBreak(): GPageBreak;
  insertPageBreak(childIndex: number): GPageBreak;
  removeChild(child: GElementArg): GBody;
  getParagraphs(): GParagraph[];
  getTables(): GTable[];
  clear(): GBody;
  setText(text: string): GBody;
  setAttributes(attributes: any): GBody;
  setMarginTop(marginTop: number): GBody;
  setMarginBottom(marginBottom: number): GBody;
  setMarginLeft(marginLeft: number): GBody;
  setMarginRight(marginRight: number): GBody;
  setPageWidth(pageWidth: number): GBody;
  setPageHeight(pageHeight: number): GBody;
}

export interface GParagraph
  extends
    GContainerElement,
    Pick<
      Real['Paragraph'],
      | 'getHeading'
      | 'getAlignment'
      | 'getIndentFirstLine'
      | 'getIndentStart'
      | 'getIndentEnd'
      | 'getSpacingBefore'
      | 'getSpacingAfter'
      | 'getLineSpacing'
    > {
  setText(text: string): void;
  appendText(text: string): GText;
  appendPageBreak(): GPageBreak;
  setHeading(heading: GParagraphHeading): GParagraph;
  setAlignment(alignment: GHorizontalAlignment): GParagraph;
  setAttributes(attributes: any): GParagraph;
  setIndentFirstLine(indentFirstLine: number): GParagraph;
  setIndentStart(indentStart: number): GParagraph;
  setIndentEnd(indentEnd: number): GParagraph;
  setSpacingBefore(spacingBefore: number): GParagraph;
  setSpacingAfter(spacingAfter: number): GParagraph;
  setLineSpacing(multiplier: number): GParagraph;
  clear(): GParagraph;
  removeFromParent(): GParagraph;
}

export interface GText
  extends
    GElement,
    Pick<Real['Text'], 'getText' | 'isBold' | 'isItalic' | 'isUnderline' | 'getFontSize' | 'getFontFamily' | 'getForegroundColor'> {
  setText(text: string): GText;
  appendText(text: string): GText;
  insertText(offset: number, text: string): GText;
  deleteText(startOffset: number, endOffsetInclusive: number): GText;
  setBold(bold: boolean): GText;
  setBold(startOffset: number, endOffsetInclusive: number, bold: boolean): GText;
  setItalic(italic: boolean): GText;
  setItalic(startOffset: number, endOffsetInclusive: number, italic: boolean): GText;
  setUnderline(underline: boolean): GText;
  setUnderline(startOffset: number, endOffsetInclusive: number, underline: boolean): GText;
  setFontSize(size: number): GText;
  setFontSize(startOffset: number, endOffsetInclusive: number, size: number): GText;
  setFontFamily(fontFamilyName: string): GText;
  setFontFamily(startOffset: number, endOffsetInclusive: number, fontFamilyName: string): GText;
  setForegroundColor(color: string): GText;
  setForegroundColor(startOffset: number, endOffsetInclusive: number, color: string): GText;
  setLinkUrl(url: string): GText;
  setLinkUrl(startOffset: number, endOffsetInclusive: number, url: string): GText;
  setAttributes(attributes: any): GText;
  setAttributes(startOffset: number, endOffsetInclusive: number, attributes: any): GText;
  replaceText(searchPattern: string, replacement: string): GElement;
  /** First match (RE2 pattern); the `from` argument of Apps Script is not part of this surface. */
  findText(searchPattern: string): GRangeElement | null;
  removeFromParent(): GText;
}

export interface GTable extends GContainerElement, Pick<Real['Table'], 'getNumRows' | 'getBorderWidth' | 'getColumnWidth'> {
  getRow(rowIndex: number): GTableRow;
  getCell(rowIndex: number, cellIndex: number): GTableCell;
  appendTableRow(): GTableRow;
  insertTableRow(childIndex: number): GTableRow;
  removeRow(rowIndex: number): GTableRow;
  setBorderWidth(width: number): GTable;
  setBorderColor(color: string): GTable;
  setColumnWidth(columnIndex: number, width: number): GTable;
  setAttributes(attributes: any): GTable;
  clear(): GTable;
  removeFromParent(): GTable;
}

export interface GTableRow extends GContainerElement, Pick<Real['TableRow'], 'getNumCells' | 'getMinimumHeight'> {
  getCell(cellIndex: number): GTableCell;
  appendTableCell(textContents?: string): GTableCell;
  removeCell(cellIndex: number): GTableCell;
  getParentTable(): GTable;
  setMinimumHeight(minHeight: number): GTableRow;
  setAttributes(attributes: any): GTableRow;
  clear(): GTableRow;
  removeFromParent(): GTableRow;
}

export interface GTableCell extends GContainerElement, Pick<Real['TableCell'], 'getBackgroundColor' | 'getWidth' | 'getVerticalAlignment'> {
  setText(text: string): GTableCell;
  appendParagraph(text: string): GParagraph;
  insertParagraph(childIndex: number, text: string): GParagraph;
  getParentRow(): GTableRow;
  getParentTable(): GTable;
  setBackgroundColor(color: string): GTableCell;
  setVerticalAlignment(alignment: GVerticalAlignment): GTableCell;
  setWidth(width: number): GTableCell;
  setPaddingTop(paddingTop: number): GTableCell;
  setPaddingBottom(paddingBottom: number): GTableCell;
  setPaddingLeft(paddingLeft: number): GTableCell;
  setPaddingRight(paddingRight: number): GTableCell;
  setAttributes(attributes: any): GTableCell;
  clear(): GTableCell;
  removeFromParent(): GTableCell;
}

export interface GPageBreak extends GElement {
  removeFromParent(): GPageBreak;
}

export interface GRangeElement extends Pick<Real['RangeElement'], 'getStartOffset' | 'getEndOffsetInclusive' | 'isPartial'> {
  getElement(): GElement;
}

// ---------------------------------------------------------------------------------------------
// Properties, Lock, Html, Session, Utilities, Logger, MimeType, Charts

export type GProperties = Real['Properties'];
export interface GPropertiesService {
  /** null in Apps Script when the script is not bound to a document. */
  getDocumentProperties(): GProperties;
  getScriptProperties(): GProperties;
  getUserProperties(): GProperties;
}

export type GLock = Real['Lock'];
export interface GLockService {
  /** null in Apps Script when the script is not bound to a document. */
  getDocumentLock(): GLock;
  getScriptLock(): GLock;
  getUserLock(): GLock;
}

export interface GHtmlOutput extends Pick<Real['HtmlOutput'], 'getContent' | 'getTitle' | 'getWidth' | 'getHeight'> {
  setTitle(title: string): GHtmlOutput;
  setWidth(width: number): GHtmlOutput;
  setHeight(height: number): GHtmlOutput;
  setContent(content: string): GHtmlOutput;
  append(addedContent: string): GHtmlOutput;
  addMetaTag(name: string, content: string): GHtmlOutput;
  setSandboxMode(mode: GSandboxMode): GHtmlOutput;
  setXFrameOptionsMode(mode: GXFrameOptionsMode): GHtmlOutput;
}
export interface GHtmlService {
  SandboxMode: typeof GoogleAppsScript.HTML.SandboxMode;
  XFrameOptionsMode: typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  createHtmlOutput(): GHtmlOutput;
  createHtmlOutput(html: string): GHtmlOutput;
  /** filename without ".html", as pushed by clasp from build/. */
  createHtmlOutputFromFile(filename: string): GHtmlOutput;
}

export interface GSession extends Pick<Real['Session'], 'getScriptTimeZone' | 'getActiveUserLocale'> {
  getActiveUser(): GUser;
  getEffectiveUser(): GUser;
}

export type GUtilities = Pick<Real['Utilities'], 'formatDate' | 'sleep' | 'getUuid'>;

export interface GLogger {
  log(data: any): GLogger;
  log(format: string, ...values: any[]): GLogger;
}

export type GMimeType = Pick<
  Real['MimeType'],
  'GOOGLE_SHEETS' | 'GOOGLE_DOCS' | 'FOLDER' | 'PDF' | 'MICROSOFT_EXCEL' | 'MICROSOFT_WORD' | 'PLAIN_TEXT' | 'HTML' | 'CSV'
>;

export type GCharts = Pick<Real['Charts'], 'ChartType'>;

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
  MimeType: GMimeType;
  Charts: GCharts;
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
    get MimeType(): GMimeType {
      // The DOM lib also declares a global `MimeType`, so read Apps Script's one explicitly.
      return (globalThis as unknown as { MimeType: GoogleAppsScript.Base.MimeType }).MimeType;
    },
    get Charts(): GCharts {
      return Charts;
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
  Expect<NoExtraKeys<GLockService, Real['LockService']>>,
  Expect<NoExtraKeys<GHtmlOutput, Real['HtmlOutput']>>,
  Expect<NoExtraKeys<GHtmlService, Real['HtmlService']>>,
  Expect<NoExtraKeys<GSession, Real['Session']>>,
  Expect<NoExtraKeys<GLogger, Real['Logger']>>,
];
