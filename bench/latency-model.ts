// THE latency model of the benchmark: how long one Apps Script service call is assumed to take,
// by kind of call, and the platform limits and daily quotas the projections use.
//
// Everything here is an ESTIMATE, not a measurement. The defaults come from public material and
// common experience, as noted beside each value:
//  - Google's "Best practices" page for Apps Script (developers.google.com/apps-script/guides/
//    support/best-practices): a loop of 10,000 per-cell formatting calls takes about 70 s, the same
//    work in one batched call about 1 s — i.e. ≈ 7 ms per cell call even with Apps Script's write
//    cache, and well under a second for one batched call;
//  - execution logs and forum reports commonly show SpreadsheetApp.create / File.makeCopy (and the
//    Drive API's Files.create / Files.copy, which the add-on uses) at 1–3 s, openById at 0.3–1 s,
//    sharing (addEditor or Drive API Permissions.create, which send a notification e-mail) at 1–3 s,
//    getValues/setValues on a sheet of a few thousand cells at 50–300 ms, appendRow at 50–100 ms.
// When real measurements arrive (Apps Script execution log, `console.time` around each action on
// a test province), change the numbers in LATENCY_MS below — nothing else needs to change.
//
// Limits and quotas: Apps Script "Quotas for Google Services" page
// (developers.google.com/apps-script/guides/services/quotas), as read when this file was written
// (November 2026). They are per user and "subject to change at any time without notice".

/** Kinds of service call, each with one latency. */
export type CallKind =
  | 'spreadsheet.create'
  | 'spreadsheet.open'
  | 'drive.copy'
  | 'drive.create'
  | 'drive'
  | 'share'
  | 'range.read'
  | 'range.write'
  | 'cell.read'
  | 'cell.write'
  | 'row.append'
  | 'format'
  | 'protect'
  | 'sheet.structure'
  | 'flush'
  | 'metadata'
  | 'doc.create'
  | 'doc.open'
  | 'doc.edit'
  | 'properties'
  | 'lock'
  | 'ui'
  | 'local'
  | 'other';

/** Milliseconds per call, by kind (estimates; see the header of this file). */
export const LATENCY_MS: Record<CallKind, number> = {
  /** SpreadsheetApp.create: a new file in Drive, 1–3 s in execution logs. */
  'spreadsheet.create': 1500,
  /** SpreadsheetApp.openById/openByUrl: 0.3–1 s. */
  'spreadsheet.open': 500,
  /** File.makeCopy / Drive API Files.copy (a unit template or the report template): like create, 1–3 s. */
  'drive.copy': 1500,
  /** Drive API Files.create: a new spreadsheet, document (like SpreadsheetApp.create, 1–3 s) or folder (less; few per run). */
  'drive.create': 1500,
  /** Other Drive calls: DriveApp folders by id/name, createFolder, moveTo, iterators, setName, setTrashed; Drive API Files.get/list/update. */
  drive: 300,
  /** addEditor/addEditors/addViewer on a file, spreadsheet or folder, Drive API Permissions.create: sharing e-mails the user, 1–3 s. */
  share: 1500,
  /** One batched read (getValues, getFormulas, getDisplayValues, getNotes…) of a whole table. */
  'range.read': 150,
  /** One batched write (setValues, setFormulas, setNotes, setBackgrounds, setDataValidations…). */
  'range.write': 200,
  /** One single-cell read (getValue, getFormula, getDisplayValue…) or a small settings read (getConditionalFormatRules): the look-ahead cache helps a little. */
  'cell.read': 30,
  /** One single-cell write (setValue, setFormula, setNote): ≈ 7 ms per cell in Google's example, rounded up. */
  'cell.write': 10,
  /** Sheet.appendRow: a locked insert, 50–100 ms. */
  'row.append': 70,
  /** One formatting call on a range (setBackground, setFontWeight, setBorder, merge, setColumnWidth, setDataValidation…). */
  format: 10,
  /** Range/Sheet.protect and Protection setters (editors, unprotected ranges): each a server round trip. */
  protect: 150,
  /** insertSheet, deleteSheet, hideSheet, Sheet.setName, clear, insert/delete rows, charts. */
  'sheet.structure': 150,
  /** SpreadsheetApp.flush: forces the pending writes. */
  flush: 100,
  /** Cheap reads of structure: getSheetByName, getRange, getDataRange, getLastRow, getId, getUrl, getBody, getChild… */
  metadata: 5,
  /** DocumentApp.create: 1–3 s. */
  'doc.create': 1500,
  /** DocumentApp.openById: 0.5–1 s. */
  'doc.open': 700,
  /** One Docs edit: appendParagraph, insertTable, appendTableRow, appendTableCell, replaceText, setAttributes… */
  'doc.edit': 30,
  /** PropertiesService get/set: 10–50 ms. */
  properties: 30,
  /** LockService waitLock/tryLock/releaseLock (uncontended). */
  lock: 50,
  /** UI and HTML: toast, getUi, alerts, createHtmlOutput. */
  ui: 50,
  /** Builders and in-process helpers (newDataValidation…build, Utilities, Session, Logger): no round trip. */
  local: 1,
  /** Anything not classified below (listed in the output so it can be classified). */
  other: 100,
};

/** Apps Script limits (quotas page, "Current limitations"). */
export const LIMITS = {
  /** Script runtime per execution, both account types. */
  executionMs: 6 * 60 * 1000,
  /** Fallback when src/gas does not export its own chunk stop (the design stops chunks at 4.5 min). */
  defaultChunkStopMs: 4.5 * 60 * 1000,
  /** Round trip of one google.script.run call from the sidebar (chunk start), an estimate: ≈ 1 s. */
  chunkOverheadMs: 1000,
} as const;

/** Daily quotas per user, consumer (gmail.com) vs Google Workspace (quotas page, November 2026). */
export const DAILY_QUOTAS = {
  spreadsheetsCreated: { consumer: 250, workspace: 3200 },
  documentsCreated: { consumer: 250, workspace: 1500 },
  propertiesReadWrite: { consumer: 50000, workspace: 500000 },
} as const;

export const DISTRICT_UNITS = 31;
export const PROVINCE_UNITS = 1000;

// ---------------------------------------------------------------------------------------------
// Classification of a counted call ("Class.method" or "method") into a kind.

const CREATES_SPREADSHEET = /^SpreadsheetApp\.create$/;
const CREATES_DOCUMENT = /^DocumentApp\.create$/;

const BY_METHOD: Array<[CallKind, RegExp]> = [
  ['spreadsheet.open', /^(openById|openByUrl)$/],
  ['drive.copy', /^makeCopy$/],
  [
    'range.read',
    /^(getValues|getDisplayValues|getFormulas|getNotes|getBackgrounds|getNumberFormats|getFontWeights|getHorizontalAlignments|getWraps|getDataValidations)$/,
  ],
  [
    'range.write',
    /^(setValues|setFormulas|setNotes|setBackgrounds|setFontWeights|setFontColors|setNumberFormats|setDataValidations|setConditionalFormatRules)$/,
  ],
  // Single cells, and small reads of a sheet's settings (its conditional-format rules, its charts).
  [
    'cell.read',
    /^(getValue|getDisplayValue|getFormula|getNote|getBackground|getNumberFormat|getDataValidation|isBlank|getColumnWidth|getConditionalFormatRules|getCharts)$/,
  ],
  ['cell.write', /^(setValue|setFormula|setNote)$/],
  ['row.append', /^appendRow$/],
  [
    'format',
    /^(setBackground|setFontWeight|setFontColor|setFontSize|setFontStyle|setWrap|setWrapStrategy|setHorizontalAlignment|setVerticalAlignment|setBorder|merge|breakApart|setNumberFormat|setColumnWidth|setColumnWidths|setRowHeight|setRowHeights|setFrozenRows|setFrozenColumns|hideColumns|showColumns|setTabColor|autoResizeColumns|setDataValidation|clearDataValidations|clearFormats)$/,
  ],
  [
    'protect',
    /^(protect|setUnprotectedRanges|getUnprotectedRanges|getProtections|setWarningOnly|setDomainEdit|removeEditors|canEdit|canDomainEdit|isWarningOnly|getProtectionType)$/,
  ],
  [
    'sheet.structure',
    /^(insertSheet|deleteSheet|hideSheet|showSheet|insertRowsAfter|insertRowsBefore|insertColumnsAfter|deleteRow|deleteRows|deleteColumns|clear|clearContents|clearContent|insertChart|updateChart|removeChart|copyTo)$/,
  ],
  ['flush', /^flush$/],
  [
    'properties',
    /^(getDocumentProperties|getScriptProperties|getUserProperties|getProperty|setProperty|getProperties|setProperties|deleteProperty|deleteAllProperties|getKeys)$/,
  ],
  ['lock', /^(getDocumentLock|getScriptLock|getUserLock|waitLock|tryLock|releaseLock|hasLock)$/],
  [
    'ui',
    /^(getUi|toast|alert|prompt|showSidebar|showModalDialog|showModelessDialog|createAddonMenu|createMenu|addItem|addSeparator|addSubMenu|addToUi|createHtmlOutput|createHtmlOutputFromFile|createTemplateFromFile|setTitle|setWidth|setHeight|setSandboxMode|setXFrameOptionsMode|addMetaTag|append|setContent|getContent)$/,
  ],
  [
    'local',
    /^(newDataValidation|newConditionalFormatRule|newChart|require[A-Za-z]*|withCriteria|setAllowInvalid|setHelpText|build|copy|when[A-Za-z]*|setBold|setItalic|setRanges|addRange|clearRanges|setChartType|setOption|setPosition|setNumHeaders|setTransposeRowsAndColumns|modify|formatDate|sleep|getUuid|log|getActiveUser|getEffectiveUser|getEmail|getScriptTimeZone|getActiveUserLocale|getCriteriaType|getCriteriaValues|getHelpText|getAllowInvalid)$/,
  ],
];

const DOC_CLASSES =
  /^(DocumentApp|Document|Body|Paragraph|Text|Table|TableRow|TableCell|ContainerElement|Element|PageBreak|RangeElement|ListItem)$/;
const DRIVE_CLASSES = /^(DriveApp|Folder|File|FolderIterator|FileIterator)$/;
/** The Advanced Drive Service (Drive API v3), as the fake counts it: 'Files.copy', 'Permissions.create'… */
const DRIVE_API: Record<string, CallKind> = {
  'Files.create': 'drive.create',
  'Files.copy': 'drive.copy',
  'Files.get': 'drive',
  'Files.list': 'drive',
  'Files.update': 'drive',
  'Permissions.create': 'share',
};
const SHARE_METHODS = /^(addEditor|addEditors|addViewer|addViewers|removeEditor|removeViewer)$/;

/** Kind of a counted call. `name` is "Class.method" (preferred) or a bare method name. */
export function kindOf(name: string): CallKind {
  const dot = name.lastIndexOf('.');
  const cls = dot >= 0 ? name.slice(0, dot).split('.').pop()! : '';
  const method = dot >= 0 ? name.slice(dot + 1) : name;
  // Builders (data validation, conditional format, chart) run in the script: no round trip.
  if (/Builder$/.test(cls)) return 'local';
  const api = DRIVE_API[`${cls}.${method}`];
  if (api) return api;
  if (CREATES_SPREADSHEET.test(`${cls}.${method}`)) return 'spreadsheet.create';
  if (CREATES_DOCUMENT.test(`${cls}.${method}`)) return 'doc.create';
  if (cls === 'DocumentApp' && /^(openById|openByUrl)$/.test(method)) return 'doc.open';
  if (SHARE_METHODS.test(method)) return cls === 'Protection' ? 'protect' : 'share';
  if (cls === 'Protection' && /^(setDescription|setRange|getEditors|getDescription|getRange|remove)$/.test(method)) return 'protect';
  if (cls === 'Sheet' && method === 'setName') return 'sheet.structure';
  if (DOC_CLASSES.test(cls)) {
    if (
      /^(getBody|getId|getUrl|getName|getType|getNumChildren|getChild|getChildIndex|getParent|getNumRows|getNumCells|getRow|getCell|getText|getTables|getParagraphs|getAttributes|as[A-Z][A-Za-z]*|editAsText|isAtDocumentEnd|getNextSibling|getPreviousSibling|getElement|getStartOffset|getEndOffsetInclusive)$/.test(
        method,
      )
    )
      return 'metadata';
    return 'doc.edit';
  }
  // A Drive item's id, URL and name come with the item: no extra round trip.
  if (DRIVE_CLASSES.test(cls) && /^(getId|getUrl|getName|getMimeType|getDescription)$/.test(method)) return 'metadata';
  for (const [kind, re] of BY_METHOD) if (re.test(method)) return kind;
  if (
    DRIVE_CLASSES.test(cls) ||
    /^(createFolder|getFolderById|getFileById|getFoldersByName|getFilesByName|getRootFolder|moveTo|setTrashed|getFolders|getFiles|getParents|hasNext|next)$/.test(
      method,
    )
  )
    return 'drive';
  if (
    /^(get[A-Z][A-Za-z]*|is[A-Z][A-Za-z]*|offset|activate|setActiveSheet|setName|rename|setSpreadsheetTimeZone|setDescription)$/.test(
      method,
    )
  )
    return 'metadata';
  return 'other';
}

export type CallCounts = Record<string, number>;

/** Projected milliseconds of a set of counted calls, and the calls that fell into `other`. */
export function projectMs(counts: CallCounts): { ms: number; byKind: Partial<Record<CallKind, number>>; unclassified: string[] } {
  let ms = 0;
  const byKind: Partial<Record<CallKind, number>> = {};
  const unclassified: string[] = [];
  for (const [name, n] of Object.entries(counts)) {
    if (!n) continue;
    const kind = kindOf(name);
    if (kind === 'other') unclassified.push(name);
    byKind[kind] = (byKind[kind] ?? 0) + n;
    ms += n * LATENCY_MS[kind];
  }
  return { ms, byKind, unclassified };
}

/** Spreadsheets and documents a set of counted calls creates (copies count as creations). */
export function creations(counts: CallCounts): { spreadsheets: number; documents: number; properties: number } {
  let spreadsheets = 0;
  let documents = 0;
  let properties = 0;
  for (const [name, n] of Object.entries(counts)) {
    const kind = kindOf(name);
    if (kind === 'spreadsheet.create') spreadsheets += n;
    else if (kind === 'doc.create') documents += n;
    else if (kind === 'properties' && /(get|set|delete)Propert/.test(name)) properties += n;
  }
  return { spreadsheets, documents, properties };
}

export interface ChunkPlan {
  /** Units one execution completes before the chunk stop. */
  unitsPerExecution: number;
  /** Executions (sidebar round trips) for a district and for a province. */
  districtChunks: number;
  provinceChunks: number;
  /** Worst case length of one execution: the stop plus one more unit started just before it. */
  worstExecutionMs: number;
  /** Wall time for a province, all chunks. */
  provinceMs: number;
}

/**
 * How a job of `perUnitMs` per unit and `fixedMs` per execution splits into resumable chunks
 * that stop at `stopMs` (the add-on checks the clock before each unit).
 */
export function chunkPlan(
  perUnitMs: number,
  fixedMs: number,
  stopMs: number,
  units = { district: DISTRICT_UNITS, province: PROVINCE_UNITS },
): ChunkPlan {
  const start = fixedMs + LIMITS.chunkOverheadMs;
  const perUnit = Math.max(perUnitMs, 1e-6);
  // A unit is started while the clock is below the stop: at least one unit per execution.
  const unitsPerExecution = Math.max(1, Math.ceil((stopMs - start) / perUnit));
  const chunks = (n: number) => Math.ceil(n / unitsPerExecution);
  const provinceChunks = chunks(units.province);
  return {
    unitsPerExecution,
    districtChunks: chunks(units.district),
    provinceChunks,
    worstExecutionMs: start + unitsPerExecution * perUnit,
    provinceMs: provinceChunks * start + units.province * perUnit,
  };
}
