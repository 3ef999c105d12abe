// What the menu items do: run a step (one chunk, resuming a stored cursor) and tell the result in
// a Vietnamese alert; long jobs left unfinished are resumed by running the item again.
//
// Ui.alert blocks the execution until the user closes it, and that time counts in Apps Script's
// 6 minutes: a menu chunk therefore stops early (MENU_BUDGET_MS), and everything is written
// (SpreadsheetApp.flush) before the alert, so an execution killed while the alert is open loses
// nothing — the job's cursor and records are already saved.
import type { SampleName } from '../core/samples';
import type { JobChunk, JobStepKey } from './api';
import { parseCursor } from '../core/gas-support';
import type { Env } from './env';
import { userMessage } from './errors';
import { KEYS, Store } from './store';
import { adminRun, adminState } from './admin';
import { ASKS_FIRST } from '../core/steps/year-plan';
import { STEP_LABELS } from '../core/steps/plan';
import { setupControl } from './setup';
import { buildMenu } from './menu';

/** A stored cursor older than this is ignored (the data may have changed since). */
const CURSOR_MAX_AGE_MS = 30 * 60 * 1000;
const MAX_LISTED_ERRORS = 10;
/**
 * A menu chunk's budget: 2.5 minutes (the sidebar's chunks take 4.5), so that at least 3 of Apps
 * Script's 6 minutes are left for the user to read and close the alert. A user slower than that
 * loses only the alert: the work is saved before it.
 */
export const MENU_BUDGET_MS = 150_000;

function storedCursor(env: Env, step: JobStepKey): string | null {
  const c = parseCursor<{ at?: number } & Record<string, unknown>>(new Store(env).get(KEYS.cursor(step)));
  if (!c || typeof c.at !== 'number' || env.clock() - c.at > CURSOR_MAX_AGE_MS) return null;
  const { at: _at, ...rest } = c;
  void _at;
  return JSON.stringify(rest);
}

export function chunkText(chunk: JobChunk): string {
  const lines = [chunk.failed !== undefined ? `Không thực hiện được: ${chunk.failed}` : chunk.message];
  if (!chunk.finished) lines.push('Công việc chưa xong: chạy lại mục này trên menu (hoặc dùng «Mở bảng điều khiển») để làm tiếp.');
  const errors = chunk.errors.filter((e) => e.message !== chunk.message);
  if (errors.length) {
    lines.push('', ...errors.slice(0, MAX_LISTED_ERRORS).map((e) => `• ${e.message}`));
    if (errors.length > MAX_LISTED_ERRORS) lines.push(`… và ${errors.length - MAX_LISTED_ERRORS} việc khác.`);
  }
  for (const l of chunk.links) lines.push(`${l.label}: ${l.url}`);
  return lines.join('\n');
}

function alert(env: Env, title: string, text: string): void {
  const ui = env.gas.SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}

export function runStepFromMenu(env: Env, step: JobStepKey): JobChunk {
  const menuEnv: Env = { ...env, budgetMs: Math.min(env.budgetMs, MENU_BUDGET_MS) };
  const cursor = step === 'setup' ? null : storedCursor(env, step);
  // Asked as in the sidebar, before a new run: a decision while anything is open is a draft.
  const question = cursor || !ASKS_FIRST.has(step) ? null : (adminState(env).steps.find((s) => s.key === step)?.confirm ?? null);
  if (question) {
    const ui = env.gas.SpreadsheetApp.getUi();
    // Ui.alert(title, prompt, buttons) returns the Button the user clicked (Apps Script, Class Ui).
    if (ui.alert(STEP_LABELS[step], question, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
      return { step, done: 0, total: 0, finished: true, cursor: null, message: 'Đã hủy; chưa tạo gì.', errors: [], links: [] };
    }
  }
  const chunk = adminRun(menuEnv, step, cursor);
  env.gas.SpreadsheetApp.flush();
  alert(env, STEP_LABELS[step], chunkText(chunk));
  return chunk;
}

export function setupFromMenu(env: Env, sample?: SampleName): void {
  const title = sample ? 'Thiết lập kèm dữ liệu mẫu' : STEP_LABELS.setup;
  try {
    const r = setupControl(env, { sample });
    buildMenu(env);
    alert(env, title, r.message);
  } catch (e) {
    alert(env, title, userMessage(e, title, env.gas.Logger));
  }
}
