// Global entry points of the scorer bundle (build/scorer/Code.js): the script bound to the master
// unit spreadsheet, hence to every unit file copied from it (copying a spreadsheet copies its
// bound script — Apps Script guide "Container-bound scripts"). It holds the scorer's menu, sidebar
// and server functions only: no admin function, no other spreadsheet. Its manifest
// (appsscript.scorer.json) asks for `spreadsheets.currentonly`, `script.container.ui`,
// `userinfo.email` (who submitted) and `drive.file` with the Advanced Drive Service (the evidence
// a scorer attaches: a folder and files the script creates itself, evidence-upload.ts), so every
// spreadsheet call here goes to the active spreadsheet only (`getActiveSpreadsheet`, never
// `openById`, which `currentonly` does not allow).
import type { EntryField, EvidenceUpload, ScorerState } from './api';
import { gasServices } from './services';
import { makeEnv } from './env';
import { userMessage } from './errors';
import { MENU_ITEMS, showSidebar } from './menu';
import { createScorerApi } from './scorer-api';

/** The bound script's own menu, beside Google's menus: «DVCQ › Mở biểu chấm điểm». */
const SCORER_MENU = 'DVCQ';

const env = () => makeEnv(gasServices());
const api = () => createScorerApi(gasServices());

/**
 * Simple trigger: runs for every editor who opens the file, in AuthMode.LIMITED (a script bound
 * to the document, Enum AuthMode), before any authorisation — a menu needs none. The first click
 * on the item asks the user once for the manifest's scopes.
 */
export function onOpen(e?: { authMode?: unknown }): void {
  void e;
  try {
    const [caption, fn] = MENU_ITEMS.scorer;
    gasServices().SpreadsheetApp.getUi().createMenu(SCORER_MENU).addItem(caption, fn).addToUi();
  } catch (err) {
    gasServices().Logger.log(userMessage(err, 'Tạo menu', gasServices().Logger));
  }
}

export function openScorerSidebar(): void {
  try {
    showSidebar(env(), 'scorer');
  } catch (err) {
    const ui = gasServices().SpreadsheetApp.getUi();
    ui.alert('Mở biểu chấm điểm', userMessage(err, 'Mở biểu chấm điểm', gasServices().Logger), ui.ButtonSet.OK);
  }
}

// Server functions of the scorer's sidebar (the scorer's part of ServerApi in api.ts).

export function scorerState(): ScorerState {
  return api().scorerState();
}

export function scorerSave(code: string, field: EntryField, value: string): ScorerState {
  return api().scorerSave(code, field, value);
}

export function scorerSubmit(): ScorerState {
  return api().scorerSubmit();
}

export function scorerReopen(): ScorerState {
  return api().scorerReopen();
}

export function scorerAttachEvidence(upload: EvidenceUpload): ScorerState {
  return api().scorerAttachEvidence(upload);
}

export function scorerExplain(): ScorerState {
  return api().scorerExplain();
}
