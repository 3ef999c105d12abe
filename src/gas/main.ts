// Global entry points of the Apps Script bundle: every export here becomes a top-level function
// of build/Code.js (see scripts/build.mjs): the menu, its items, and the sidebars' server functions.
import { DEFAULT_SAMPLE } from '../core/samples';
import type { AdminRunOptions, AdminState, AdminUnitView, AdminStepKey, EntryField, EvidenceUpload, JobChunk, ScorerState } from './api';
import { gasServices } from './services';
import { makeEnv } from './env';
import { userMessage } from './errors';
import { buildMenu, MENU_ITEMS, openForFile, showSidebar } from './menu';
import { createScorerMaster } from './scorer-master';
import { runStepFromMenu, setupFromMenu } from './menu-actions';
import { createServerApi } from './server-api';

const env = () => makeEnv(gasServices());
const api = () => createServerApi(gasServices());

export function onOpen(e?: { authMode?: unknown }): void {
  try {
    buildMenu(env(), e);
  } catch (err) {
    gasServices().Logger.log(userMessage(err, 'Tạo menu', gasServices().Logger));
  }
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

function safely(action: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    const ui = gasServices().SpreadsheetApp.getUi();
    ui.alert(action, userMessage(err, action, gasServices().Logger), ui.ButtonSet.OK);
  }
}

/** The one menu item shown before authorisation: the scorer's sidebar in a unit file, else the admin's. */
export function openDvcq(): void {
  safely('Mở DVCQ', () => openForFile(env()));
}

export function openAdminSidebar(): void {
  safely('Mở bảng điều khiển', () => showSidebar(env(), 'admin'));
}

export function openScorerSidebar(): void {
  safely('Mở biểu chấm điểm', () => showSidebar(env(), 'scorer'));
}

export function setupControl(): void {
  setupFromMenu(env());
}

export function setupControlWithSample(): void {
  setupFromMenu(env(), DEFAULT_SAMPLE);
}

export function setupControlWithDistrictSample(): void {
  setupFromMenu(env(), 'binh-son-2024');
}

/** «Tạo bản gốc biểu chấm điểm»: the master for the scorer's bound script, and what to do next. */
export function createScorerMasterFile(): void {
  const title = MENU_ITEMS.scorerMaster[0];
  safely(title, () => {
    const text = createScorerMaster(env());
    const ui = gasServices().SpreadsheetApp.getUi();
    ui.alert(title, text, ui.ButtonSet.OK);
  });
}

export function generateTemplates(): JobChunk {
  return runStepFromMenu(env(), 'templates');
}

export function validateData(): JobChunk {
  return runStepFromMenu(env(), 'validate');
}

export function rankResults(): JobChunk {
  return runStepFromMenu(env(), 'rank');
}

export function createReport(): JobChunk {
  return runStepFromMenu(env(), 'report');
}

export function createDecision(): JobChunk {
  return runStepFromMenu(env(), 'decision');
}

/** «Nhắc đơn vị chưa nộp»: one e-mail to each late unit's scorer, within today's mail quota. */
export function remindLateUnits(): JobChunk {
  return runStepFromMenu(env(), 'remind');
}

// Server functions of the sidebars (ServerApi in api.ts).

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

export function adminState(): AdminState {
  return api().adminState();
}

export function adminRun(step: AdminStepKey, cursor: string | null, options?: AdminRunOptions): JobChunk {
  return api().adminRun(step, cursor, options);
}

export function adminShowSheet(name: string): void {
  api().adminShowSheet(name);
}

export function adminUnitView(code: string): AdminUnitView {
  return api().adminUnitView(code);
}
