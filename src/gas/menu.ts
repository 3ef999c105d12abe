// The add-on menu and the two sidebars.
import { SHEETS } from '../core/schema';
import type { Env } from './env';
import { STEP_LABELS } from '../core/steps/plan';

/** Menu captions (Vietnamese) and the global functions they call. */
export const MENU_ITEMS = {
  /** Before authorisation nothing can be read: one neutral item, which opens the right sidebar. */
  start: ['Mở DVCQ', 'openDvcq'],
  admin: ['Mở bảng điều khiển', 'openAdminSidebar'],
  setup: [STEP_LABELS.setup, 'setupControl'],
  setupSample: ['Thiết lập kèm dữ liệu mẫu (tỉnh, sau sắp xếp)', 'setupControlWithSample'],
  setupDistrictSample: ['Thiết lập kèm dữ liệu mẫu huyện Bình Sơn 2024', 'setupControlWithDistrictSample'],
  /** Once per administrator: the master carrying the scorer's bound script (scorer-master.ts). */
  scorerMaster: ['Tạo bản gốc biểu chấm điểm', 'createScorerMasterFile'],
  templates: [STEP_LABELS.templates, 'generateTemplates'],
  validate: [STEP_LABELS.validate, 'validateData'],
  rank: [STEP_LABELS.rank, 'rankResults'],
  report: [STEP_LABELS.report, 'createReport'],
  decision: [STEP_LABELS.decision, 'createDecision'],
  /** E-mails each late unit's scorer (MailApp, scope script.send_mail); see jobs/remind.ts. */
  remind: [STEP_LABELS.remind, 'remindLateUnits'],
  scorer: ['Mở biểu chấm điểm', 'openScorerSidebar'],
} as const;

export const SIDEBARS = {
  admin: { file: 'admin', title: 'Bảng điều khiển DVCQ' },
  scorer: { file: 'scorer', title: 'Biểu chấm điểm DVCQ' },
} as const;

export type FileKind = 'unit' | 'control' | 'unknown';

/** A unit file has the hidden meta sheet; before authorisation (AuthMode.NONE) nothing can be read. */
export function fileKind(env: Env, e?: { authMode?: unknown }): FileKind {
  // Compared with the enum, as documented (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle):
  // the text of an enum value is not documented.
  if (e && e.authMode !== undefined && e.authMode === env.gas.ScriptApp.AuthMode.NONE) return 'unknown';
  try {
    const ss = env.gas.SpreadsheetApp.getActiveSpreadsheet();
    if (!ss) return 'unknown';
    return ss.getSheetByName(SHEETS.meta) ? 'unit' : 'control';
  } catch {
    return 'unknown';
  }
}

/**
 * The add-on menu: the scorer's item in a unit file, the admin's items elsewhere; when the kind
 * of file cannot be known yet (before authorisation), one neutral item that decides when run.
 */
export function buildMenu(env: Env, e?: { authMode?: unknown }): void {
  const kind = fileKind(env, e);
  const menu = env.gas.SpreadsheetApp.getUi().createAddonMenu();
  const add = (item: readonly [string, string]) => menu.addItem(item[0], item[1]);
  if (kind === 'unknown') add(MENU_ITEMS.start);
  else if (kind === 'unit') add(MENU_ITEMS.scorer);
  else {
    add(MENU_ITEMS.admin);
    menu.addSeparator();
    add(MENU_ITEMS.setup);
    add(MENU_ITEMS.setupSample);
    add(MENU_ITEMS.setupDistrictSample);
    add(MENU_ITEMS.scorerMaster);
    menu.addSeparator();
    add(MENU_ITEMS.templates);
    add(MENU_ITEMS.validate);
    add(MENU_ITEMS.rank);
    add(MENU_ITEMS.report);
    add(MENU_ITEMS.decision);
    menu.addSeparator();
    add(MENU_ITEMS.remind);
  }
  menu.addToUi();
}

/** The neutral item, run once authorised: the sidebar that fits this file, and the full menu. */
export function openForFile(env: Env): void {
  const kind = fileKind(env);
  showSidebar(env, kind === 'unit' ? 'scorer' : 'admin');
  buildMenu(env);
}

export function showSidebar(env: Env, which: keyof typeof SIDEBARS): void {
  const s = SIDEBARS[which];
  const html = env.gas.HtmlService.createHtmlOutputFromFile(s.file).setTitle(s.title);
  env.gas.SpreadsheetApp.getUi().showSidebar(html);
}
