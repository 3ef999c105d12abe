// The steps of the year as the admin sidebar shows them: the state of each step (run by itself, and
// what it produced), the next step, what stands in its way, and the question to ask before a
// decision while anything is open. The add-on gathers the facts and shows what this returns.
import { SHEETS } from '../schema';
import { STEP_LABELS } from './plan';
import { readyLine } from './templates';

export type PlanStep = 'setup' | 'templates' | 'progress' | 'validate' | 'rank' | 'report' | 'decision';
export const PLAN_ORDER: readonly PlanStep[] = ['setup', 'templates', 'progress', 'validate', 'rank', 'report', 'decision'];
export type StepState = 'todo' | 'done' | 'warning';

/** What a finished run of a step recorded: by itself, never as a side effect of another step. */
export interface LastRun {
  at: string;
  detail: string;
  /** Validation, ranking and documents: errors and warnings found. */
  errors?: number;
  warnings?: number;
  /** Ranking and documents: units classified. */
  classified?: number;
  /** Progress: units that had not submitted, by name. */
  notSubmitted?: string[];
  /** The outcome when the run ended (a run with errors or that produced nothing is not «done»). */
  state?: StepState;
  url?: string;
}

/** What the add-on read: the control workbook, the files it made, the last runs. */
export interface YearFacts {
  year: number | null;
  missingSheets: string[];
  controlErrors: number;
  units: Array<{ name: string; submitted: boolean; hasFile: boolean; shared: boolean }>;
  last: Partial<Record<PlanStep, LastRun>>;
}

/** Something open before a step: a sentence, and the sheet that shows it when there is one. */
export interface Blocker {
  text: string;
  sheet?: string;
}

export interface PlannedStep {
  key: PlanStep;
  label: string;
  state: StepState;
  detail: string;
  /** What is open before running this step (it may still run; a decision asks first). */
  blockers: Blocker[];
  /** Asked before running the step while blockers remain; null: run at once. */
  confirm: string | null;
}

export interface YearPlan {
  steps: PlannedStep[];
  /** The first step not run yet (in the order of the year), or null when every step ran. */
  next: PlanStep | null;
}

const NAMES_SHOWN = 5;

/** «Phòng Y tế, Xã Bình An» — the first few names, and how many more. */
export function nameList(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} và ${names.length - NAMES_SHOWN} đơn vị khác` : shown;
}

/** «32/33 đã nộp; chưa nộp: Phòng Y tế». */
export function submittedLine(submitted: number, total: number, notSubmitted: string[]): string {
  const head = `${submitted}/${total} đã nộp`;
  return notSubmitted.length ? `${head}; chưa nộp: ${nameList(notSubmitted)}` : head;
}

/**
 * The outcome of a finished run of `step`, from its counts: a run that found errors, that left units
 * unsubmitted or that classified nobody is «Cần xem lại», never «Đã xong».
 */
export function runOutcome(
  step: Exclude<PlanStep, 'setup' | 'templates'>,
  counts: { total: number; submitted: number; errors: number; warnings: number; classified: number },
  notSubmitted: string[],
  at: string,
): LastRun {
  const { total } = counts;
  if (step === 'progress') {
    return {
      at,
      detail: submittedLine(counts.submitted, total, notSubmitted),
      notSubmitted,
      state: total > 0 && counts.submitted === total ? 'done' : 'warning',
    };
  }
  const checked = `${counts.errors} lỗi, ${counts.warnings} cảnh báo`;
  const base = { at, errors: counts.errors, warnings: counts.warnings, notSubmitted };
  if (step === 'validate') return { ...base, detail: checked, state: counts.errors ? 'warning' : 'done' };
  const classified = `${counts.classified}/${total} đơn vị được xếp loại`;
  if (step === 'rank') {
    const detail = counts.classified === 0 ? `${classified}: chưa đơn vị nào được xếp loại; ${checked}` : `${classified}; ${checked}`;
    return { ...base, classified: counts.classified, detail, state: counts.classified === 0 || counts.errors ? 'warning' : 'done' };
  }
  return {
    ...base,
    classified: counts.classified,
    detail: classified,
    state: counts.classified === 0 || counts.errors ? 'warning' : 'done',
  };
}

/** The sentence of the finished job, for the sidebar's bar: says plainly when the run left something open. */
export function outcomeMessage(step: PlanStep, run: LastRun): string {
  if (run.state !== 'warning') return `Hoàn tất: ${run.detail}.`;
  return `Đã chạy xong «${STEP_LABELS[step]}» nhưng cần xem lại: ${run.detail}.`;
}

function stepState(key: PlanStep, f: YearFacts): { state: StepState; detail: string } {
  const total = f.units.length;
  if (key === 'setup') {
    if (f.missingSheets.length)
      return { state: f.year === null ? 'todo' : 'warning', detail: `Thiếu sheet: ${f.missingSheets.join(', ')}.` };
    if (f.controlErrors) return { state: 'warning', detail: `Bảng điều khiển có ${f.controlErrors} lỗi (chạy «Kiểm tra dữ liệu» để xem).` };
    return { state: 'done', detail: `${total} đơn vị, năm ${f.year ?? '—'}.` };
  }
  if (key === 'templates') {
    const made = f.units.filter((u) => u.hasFile);
    const shared = made.filter((u) => u.shared).length;
    const missing = f.units.filter((u) => !u.hasFile).map((u) => u.name);
    let detail = readyLine(made.length, total, made.length - shared);
    if (made.length && missing.length) detail += `; chưa có: ${nameList(missing)}`;
    return { state: total && shared === total ? 'done' : made.length ? 'warning' : 'todo', detail };
  }
  const run = f.last[key];
  if (!run) {
    const todo: Record<string, string> = {
      progress: 'Chưa cập nhật tiến độ.',
      validate: 'Chưa kiểm tra.',
      rank: 'Chưa xếp hạng.',
      report: 'Chưa tạo báo cáo.',
      decision: 'Chưa tạo quyết định.',
    };
    return { state: 'todo', detail: todo[key] };
  }
  // A record from before outcomes were kept: validation with errors is to review, the rest ran.
  const state = run.state ?? (key === 'validate' && run.errors ? 'warning' : 'done');
  return { state, detail: `${run.detail} (lúc ${run.at})` };
}

/** What is open before running `key`. */
function blockersOf(key: PlanStep, f: YearFacts, states: Map<PlanStep, StepState>): Blocker[] {
  const out: Blocker[] = [];
  const total = f.units.length;
  if (key === 'setup') return out;
  if (states.get('setup') !== 'done') {
    out.push({
      text: f.missingSheets.length
        ? `bảng điều khiển thiếu sheet ${f.missingSheets.join(', ')}`
        : `bảng điều khiển có ${f.controlErrors} lỗi`,
    });
  }
  if (key === 'templates') return out;
  const noFile = f.units.filter((u) => !u.hasFile).map((u) => u.name);
  if (noFile.length === total && total > 0) out.push({ text: 'chưa tạo biểu mẫu cho đơn vị nào' });
  else if (noFile.length) out.push({ text: `chưa có biểu mẫu: ${nameList(noFile)}` });
  if (key === 'progress') return out;
  const notSubmitted = f.units.filter((u) => !u.submitted).map((u) => u.name);
  if (notSubmitted.length && notSubmitted.length < total) out.push({ text: `chưa nộp: ${nameList(notSubmitted)}` });
  else if (notSubmitted.length) out.push({ text: 'chưa đơn vị nào nộp kết quả' });
  if (key === 'validate') return out;
  const validate = f.last.validate;
  if (!validate) out.push({ text: 'chưa chạy «Kiểm tra dữ liệu»' });
  else if (validate.errors) out.push({ text: `${validate.errors} lỗi (mở sheet «${SHEETS.findings}»)`, sheet: SHEETS.findings });
  if (key === 'rank') return out;
  const rank = f.last.rank;
  if (!rank) out.push({ text: 'chưa chạy «Tổng hợp & xếp hạng»' });
  else if (rank.classified === 0) out.push({ text: 'chưa đơn vị nào được xếp loại' });
  if (key === 'decision' && !f.last.report) out.push({ text: 'chưa tạo báo cáo' });
  return out;
}

/** «Trước khi xếp hạng: 2 lỗi (mở sheet «Kiểm tra») · chưa nộp: Phòng Y tế». */
export function blockersLine(key: PlanStep, blockers: Blocker[]): string {
  if (!blockers.length) return '';
  return `Trước khi ${BEFORE[key]}: ${blockers.map((b) => b.text).join(' · ')}`;
}

const BEFORE: Record<PlanStep, string> = {
  setup: 'thiết lập',
  templates: 'tạo biểu mẫu',
  progress: 'theo dõi tiến độ',
  validate: 'kiểm tra dữ liệu',
  rank: 'xếp hạng',
  report: 'tạo báo cáo',
  decision: 'tạo quyết định',
};

/** The steps that may ask before they run (sidebar and menu alike). */
export const ASKS_FIRST: ReadonlySet<string> = new Set<PlanStep>(['decision']);

/**
 * The question asked before a step while something is open: a decision made with errors or units
 * missing is a draft (the documents mark it «DỰ THẢO»); the other steps may be re-run at will.
 */
function confirmOf(key: PlanStep, blockers: Blocker[]): string | null {
  if (!ASKS_FIRST.has(key) || !blockers.length) return null;
  return (
    `Còn việc chưa xong: ${blockers.map((b) => b.text).join(' · ')}. ` +
    'Quyết định tạo lúc này chỉ là bản dự thảo (ghi «DỰ THẢO») và phải tạo lại sau khi xử lý xong. Vẫn tạo quyết định?'
  );
}

export function yearPlan(f: YearFacts): YearPlan {
  const states = new Map<PlanStep, StepState>();
  const raw = PLAN_ORDER.map((key) => {
    const s = stepState(key, f);
    states.set(key, s.state);
    return { key, ...s };
  });
  const steps = raw.map((s): PlannedStep => {
    const blockers = blockersOf(s.key, f, states);
    return { key: s.key, label: STEP_LABELS[s.key], state: s.state, detail: s.detail, blockers, confirm: confirmOf(s.key, blockers) };
  });
  return { steps, next: steps.find((s) => s.state === 'todo')?.key ?? null };
}

/**
 * Why `step` must not start at all (nothing is read or written): the documents go into the year's
 * folder, made with the templates. Null when it may start.
 */
export function refusal(step: PlanStep, f: { hasFolder: boolean; folderName: string }): string | null {
  if ((step === 'report' || step === 'decision') && !f.hasFolder) {
    return `Chưa thực hiện «${STEP_LABELS[step]}»: chưa có thư mục «${f.folderName}» trên Drive; hãy chạy «${STEP_LABELS.templates}» trước. Chưa có gì được kiểm tra hay xếp hạng.`;
  }
  return null;
}
