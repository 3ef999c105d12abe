// Server functions of the admin sidebar, run in the control spreadsheet: the state of each step,
// and one chunk of a step's job at a time.
import { STATUS } from '../core/types';
import { isSubmitted } from '../core/status';
import { CONTROL_SHEET_NAMES } from '../core/control-template';
import { SHEETS } from '../core/schema';
import type { AdminState, JobChunk, JobStepKey } from './api';
import type { Env } from './env';
import { nowOf } from './env';
import { deadlineLines, roundDeadlines } from '../core/appraisal-view';
import { UserError, userMessage } from './errors';
import { KEYS, Store } from './store';
import { controlSpreadsheet, readControlData } from './control-io';
import { fileRecord } from './files';
import { setupControl } from './setup';
import { runTemplatesChunk } from './jobs/templates';
import { isShared } from '../core/sharing';
import { AssessOptions, isAssessStep, runAssessChunk } from './jobs/assess';
import { runRemindChunk } from './jobs/remind';
import { LastRun, YearFacts, yearPlan } from '../core/steps/year-plan';
import { STEP_LABELS } from '../core/steps/plan';
import { findRootFolder } from './folders';
import { defaultTemplateName, documentUrl } from './docs/documents';

/**
 * One chunk of `step`; never throws: a failure of the whole step comes back as `failed` (and the
 * message), in Vietnamese — not as an error of some unit.
 */
export function adminRun(env: Env, step: JobStepKey, cursor: string | null, options: AssessOptions = {}): JobChunk {
  try {
    if (step === 'setup') {
      const r = setupControl(env);
      // Not a count of units: the sidebar shows no «1/1».
      return { step, done: 0, total: 0, finished: true, cursor: null, message: r.message, errors: [], links: [], outcome: 'done' };
    }
    if (step === 'templates') return runTemplatesChunk(env, cursor);
    if (step === 'remind') return runRemindChunk(env, cursor);
    if (isAssessStep(step)) return runAssessChunk(env, step, cursor, options);
    throw new UserError(`Bước «${String(step)}» không tồn tại.`);
  } catch (e) {
    const message = userMessage(e, STEP_LABELS[step] ?? 'Bảng điều khiển', env.gas.Logger);
    return { step, done: 0, total: 0, finished: true, cursor: null, message, errors: [], links: [], failed: message };
  }
}

/**
 * Show a sheet of the control spreadsheet (the sidebar's «Mở sheet «Kiểm tra»»). Sheet.activate()
 * only changes which sheet is shown, in the spreadsheet the sidebar belongs to
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#activate).
 */
export function adminShowSheet(env: Env, name: string): void {
  const sheet = controlSpreadsheet(env).getSheetByName(name);
  if (!sheet) throw new UserError(`Chưa có sheet «${name}»: hãy chạy «${STEP_LABELS.validate}» trước.`);
  sheet.activate();
}

export function adminState(env: Env): AdminState {
  const ss = controlSpreadsheet(env);
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  const missingSheets = CONTROL_SHEET_NAMES.filter((n) => !names.has(n));
  if (!names.has(SHEETS.units) || !names.has(SHEETS.config)) {
    const plan = yearPlan({ year: null, missingSheets, controlErrors: 0, units: [], last: {} });
    return {
      year: null,
      steps: plan.steps,
      next: plan.next,
      progress: { units: 0, created: 0, entered: 0, submitted: 0, notSubmitted: [] },
      links: [],
    };
  }
  const { control } = readControlData(env);
  const store = new Store(env);
  const { settings, units } = control;
  const facts: YearFacts = {
    year: settings.year || null,
    missingSheets,
    controlErrors: control.findings.filter((f) => f.severity === 'Lỗi').length,
    units: units.map((u) => {
      const r = fileRecord(store, settings.year, u);
      const hasFile = r?.state === 'ok';
      // A file its scorer could not be given is not counted as created (and is said in the detail).
      return { name: u.name || u.code, submitted: isSubmitted(u), hasFile, shared: hasFile && isShared(r.sharedWith, u) };
    }),
    last: {},
  };
  for (const k of ['progress', 'validate', 'rank', 'report', 'decision'] as const) {
    const l = store.getJson<LastRun>(KEYS.last(k));
    if (l) facts.last[k] = l;
  }
  const plan = yearPlan(facts);
  const links: AdminState['links'] = [];
  const folder = findRootFolder(env, store, settings);
  if (folder) links.push({ label: `Thư mục «${folder.name}»`, url: folder.url });
  for (const k of ['report', 'decision'] as const) {
    const l = facts.last[k];
    if (l?.url) links.push({ label: l.detail, url: l.url });
  }
  // The default templates (made by the add-on, so it may copy them): edit them to change the layout.
  for (const k of ['report', 'decision'] as const) {
    const id = store.get(KEYS.template(k));
    if (id) links.push({ label: `${defaultTemplateName(k)} (sửa để đổi mẫu)`, url: documentUrl(id) });
  }
  const progress = {
    units: units.length,
    created: facts.units.filter((u) => u.shared).length,
    entered: units.filter((u) => u.status === STATUS.scoring || isSubmitted(u)).length,
    submitted: facts.units.filter((u) => u.submitted).length,
    notSubmitted: facts.units.filter((u) => !u.submitted).map((u) => u.name),
  };
  const list = units.map((u) => ({ code: u.code, name: u.name || u.code }));
  const deadlines = deadlineLines(roundDeadlines(settings), nowOf(env));
  return { year: facts.year, steps: plan.steps, next: plan.next, progress, links, units: list, deadlines };
}
