// Server functions of the admin sidebar, run in the control spreadsheet: the state of each step,
// and one chunk of a step's job at a time.
import { STATUS } from '../core/types';
import { isSubmitted } from '../core/status';
import { CONTROL_SHEET_NAMES } from '../core/control-template';
import { SHEETS } from '../core/schema';
import type { AdminState, AdminStep, AdminStepKey, JobChunk } from './api';
import type { Env } from './env';
import { UserError, userMessage } from './errors';
import { KEYS, Store } from './store';
import { controlSpreadsheet, readControlData } from './control-io';
import { fileRecord } from './files';
import { setupControl } from './setup';
import { runTemplatesChunk } from './jobs/templates';
import { isShared } from '../core/sharing';
import { readyLine } from '../core/steps/templates';
import { AssessOptions, isAssessStep, LastRun, runAssessChunk } from './jobs/assess';
import { STEP_LABELS } from '../core/steps/plan';
import { findRootFolder } from './folders';
import { defaultTemplateName, documentUrl } from './docs/documents';

/**
 * One chunk of `step`; never throws: a failure of the whole step comes back as `failed` (and the
 * message), in Vietnamese — not as an error of some unit.
 */
export function adminRun(env: Env, step: AdminStepKey, cursor: string | null, options: AssessOptions = {}): JobChunk {
  try {
    if (step === 'setup') {
      const r = setupControl(env);
      return { step, done: 1, total: 1, finished: true, cursor: null, message: r.message, errors: [], links: [] };
    }
    if (step === 'templates') return runTemplatesChunk(env, cursor);
    if (isAssessStep(step)) return runAssessChunk(env, step, cursor, options);
    throw new UserError(`Bước «${String(step)}» không tồn tại.`);
  } catch (e) {
    const message = userMessage(e, STEP_LABELS[step] ?? 'Bảng điều khiển', env.gas.Logger);
    return { step, done: 0, total: 0, finished: true, cursor: null, message, errors: [], links: [], failed: message };
  }
}

export function adminState(env: Env): AdminState {
  const ss = controlSpreadsheet(env);
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  const missingSheets = CONTROL_SHEET_NAMES.filter((n) => !names.has(n));
  if (!names.has(SHEETS.units) || !names.has(SHEETS.config)) {
    return {
      year: null,
      steps: [
        { key: 'setup', label: STEP_LABELS.setup, state: 'todo', detail: `Chưa có sheet: ${missingSheets.join(', ')}.` },
        ...(['templates', 'progress', 'validate', 'rank', 'report', 'decision'] as const).map((key): AdminStep => ({
          key,
          label: STEP_LABELS[key],
          state: 'todo',
          detail: 'Cần thiết lập bảng điều khiển trước.',
        })),
      ],
      progress: { units: 0, created: 0, entered: 0, submitted: 0 },
      links: [],
    };
  }
  const { control } = readControlData(env);
  const store = new Store(env);
  const { settings, units } = control;
  const total = units.length;
  const made = units.filter((u) => fileRecord(store, settings.year, u)?.state === 'ok');
  // A file its scorer could not be given is not counted as created (and is said in the detail).
  const created = made.filter((u) => isShared(fileRecord(store, settings.year, u)!.sharedWith, u)).length;
  const submitted = units.filter(isSubmitted).length;
  const entered = units.filter((u) => u.status === STATUS.scoring || isSubmitted(u)).length;
  const last = (k: AdminStepKey) => store.getJson<LastRun>(KEYS.last(k));
  const lastStep = (key: AdminStepKey, todo: string): AdminStep => {
    const l = last(key);
    return { key, label: STEP_LABELS[key], state: l ? 'done' : 'todo', detail: l ? `${l.detail} (lúc ${l.at})` : todo };
  };
  const controlErrors = control.findings.filter((f) => f.severity === 'Lỗi').length;
  const validate = lastStep('validate', 'Chưa kiểm tra.');
  if (validate.state === 'done' && last('validate')?.errors) validate.state = 'warning';
  const steps: AdminStep[] = [
    {
      key: 'setup',
      label: STEP_LABELS.setup,
      state: missingSheets.length || controlErrors ? 'warning' : 'done',
      detail: missingSheets.length
        ? `Thiếu sheet: ${missingSheets.join(', ')}.`
        : controlErrors
          ? `Bảng điều khiển có ${controlErrors} lỗi (chạy «Kiểm tra dữ liệu» để xem).`
          : `${total} đơn vị, năm ${settings.year}.`,
    },
    {
      key: 'templates',
      label: STEP_LABELS.templates,
      state: total && created === total ? 'done' : made.length ? 'warning' : 'todo',
      detail: readyLine(made.length, total, made.length - created),
    },
    {
      key: 'progress',
      label: STEP_LABELS.progress,
      state: total && submitted === total ? 'done' : 'todo',
      detail: `${submitted}/${total} đã nộp`,
    },
    validate,
    lastStep('rank', 'Chưa xếp hạng.'),
    lastStep('report', 'Chưa tạo báo cáo.'),
    lastStep('decision', 'Chưa tạo quyết định.'),
  ];
  const links: AdminState['links'] = [];
  const folder = findRootFolder(env, store, settings);
  if (folder) links.push({ label: `Thư mục «${folder.name}»`, url: folder.url });
  for (const k of ['report', 'decision'] as const) {
    const l = last(k);
    if (l?.url) links.push({ label: l.detail, url: l.url });
  }
  // The default templates (made by the add-on, so it may copy them): edit them to change the layout.
  for (const k of ['report', 'decision'] as const) {
    const id = store.get(KEYS.template(k));
    if (id) links.push({ label: `${defaultTemplateName(k)} (sửa để đổi mẫu)`, url: documentUrl(id) });
  }
  return { year: settings.year || null, steps, progress: { units: total, created, entered, submitted }, links };
}
