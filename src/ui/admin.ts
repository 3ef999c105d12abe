// Admin sidebar (control spreadsheet): the steps of the year in order, progress of the units,
// long jobs run chunk by chunk with a progress bar that can be stopped and resumed.
import type { AdminState, AdminStep, AdminStepKey, JobChunk } from '../gas/api';
import { call } from './rpc';
import { externalLink, h, keepFocusClearOf, replace, setText } from './dom';
import { T, count } from './labels';
import { blockersLine, nameList, submittedLine } from '../core/steps/year-plan';
import { appraisalCard, deadlineLines, renderAppraisalPicker } from './admin-appraisal';

/** Words of each step's button (the step's own label comes from the server). */
const ACTION: Record<AdminStepKey, string> = {
  setup: 'Thiết lập',
  templates: 'Tạo biểu mẫu',
  progress: 'Cập nhật tiến độ',
  validate: 'Kiểm tra dữ liệu',
  rank: 'Tổng hợp & xếp hạng',
  report: 'Tạo báo cáo',
  decision: 'Tạo quyết định',
};
/** Words of the button once the step has run (a natural phrase, not "<action> lại"). */
const AGAIN: Record<AdminStepKey, string> = {
  setup: 'Thiết lập lại',
  templates: 'Tạo biểu mẫu cho đơn vị mới',
  progress: 'Cập nhật tiến độ',
  validate: 'Kiểm tra lại',
  rank: 'Xếp hạng lại',
  report: 'Tạo lại báo cáo',
  decision: 'Tạo lại quyết định',
};
/** The button that confirms running a step while something is open. */
const CONFIRM: Partial<Record<AdminStepKey, string>> = { decision: 'Vẫn tạo quyết định (dự thảo)' };
const ORDER: AdminStepKey[] = ['setup', 'templates', 'progress', 'validate', 'rank', 'report', 'decision'];
const STATE_TEXT: Record<AdminStep['state'], string> = { todo: 'Chưa thực hiện', done: 'Đã xong', warning: 'Cần xem lại' };
const STATE_CHIP: Record<AdminStep['state'], string> = { todo: 'chip-neutral', done: 'chip-done', warning: 'chip-warning' };

interface Job {
  step: AdminStepKey;
  label: string;
  done: number;
  total: number;
  cursor: string | null;
  finished: boolean;
  running: boolean;
  stopRequested: boolean;
  /** The last call failed (the job can be continued from `cursor`). */
  failure: string | null;
  /** The server could not do the step at all (not a problem of some unit). */
  failed: string | null;
  message: string;
  /** How the finished run ended (from the server's plan): «warning» is never shown as success. */
  outcome: JobChunk['outcome'] | null;
  errors: Map<string, string>;
  links: Array<{ label: string; url: string }>;
}

/** How a step the server could not do at all is introduced (distinct from per-unit errors). */
const FAILED = 'Không thực hiện được';

let state: AdminState | null = null;
let job: Job | null = null;
/** The step whose question (run while something is open?) is on screen. */
let asking: AdminStepKey | null = null;

// ---------------------------------------------------------------------------------------------
// Static page parts

const app = document.getElementById('app') as HTMLElement;
const title = h('h1', { class: 'unit-name' }, 'Dân vận chính quyền');
const refreshButton = h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => void load(true) }, T.refresh);
const header = h(
  'header',
  { class: 'head' },
  h('div', { class: 'head-row' }, h('p', { class: 'eyebrow' }, 'Bảng điều khiển'), refreshButton),
  title,
  h('p', { class: 'unit-meta' }, 'Đánh giá, phân loại công tác dân vận chính quyền'),
);
const alertBox = h('div', { class: 'alert', role: 'alert', hidden: true });
const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
const progressBox = h('section', { class: 'card progress-card', 'aria-labelledby': 'progress-title' });
const stepsList = h('ol', { class: 'steps', 'aria-label': 'Các bước trong năm' });
const linksBox = h('section', { class: 'card links-card', 'aria-labelledby': 'links-title', hidden: true });
const main = h(
  'main',
  { class: 'content' },
  progressBox,
  h('h2', { class: 'block-title' }, 'Các bước'),
  stepsList,
  appraisalCard,
  linksBox,
);

const barTitle = h('p', { class: 'bar-title' });
const meterFill = h('div', { class: 'meter-fill' });
const meter = h(
  'div',
  { class: 'meter', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '0', 'aria-valuenow': '0', 'aria-labelledby': 'job-count' },
  meterFill,
);
const jobCount = h('p', { class: 'job-count', id: 'job-count', 'aria-live': 'polite' });
const jobMessage = h('p', { class: 'job-message' });
const stopButton = h('button', { type: 'button', class: 'btn btn-danger', onclick: () => stopJob() }, T.stop);
const resumeButton = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => void runJob() }, T.resume);
const nextButton = h('button', { type: 'button', class: 'btn btn-primary' });
const barActions = h('div', { class: 'actions' }, stopButton, resumeButton, nextButton);
const bar = h('footer', { class: 'bar' }, barTitle, h('div', { class: 'meter-row' }, meter, jobCount), jobMessage, barActions);

replace(app, header, alertBox, notice, main, bar);
keepFocusClearOf(bar);
replace(stepsList, h('li', { class: 'loading' }, T.loading));

// ---------------------------------------------------------------------------------------------
// Server calls

async function load(announce = false): Promise<void> {
  try {
    state = await call('adminState');
    alertBox.hidden = true;
    if (announce) showNotice('Đã cập nhật tình hình từ bảng điều khiển.');
  } catch (e) {
    showAlert(e);
  } finally {
    app.setAttribute('aria-busy', 'false');
    render();
  }
}

/** Run `step`, after asking when the plan says something is still open before it. */
function requestStep(step: AdminStep): void {
  if (job?.running) return;
  if (step.confirm && asking !== step.key) {
    asking = step.key;
    render();
    document.getElementById('confirm-yes')?.focus();
    return;
  }
  asking = null;
  startJob(step);
}

function cancelAsk(): void {
  const key = asking;
  asking = null;
  render();
  if (key) document.querySelector<HTMLElement>(`li.step[data-step="${key}"] .step-actions button`)?.focus();
}

function startJob(step: AdminStep): void {
  if (job?.running) return;
  notice.hidden = true;
  alertBox.hidden = true;
  job = {
    step: step.key,
    label: step.label,
    done: 0,
    total: 0,
    cursor: null,
    finished: false,
    running: false,
    stopRequested: false,
    failure: null,
    failed: null,
    message: 'Đang bắt đầu…',
    outcome: null,
    errors: new Map(),
    links: [],
  };
  void runJob();
}

/** Call adminRun chunk after chunk from the cursor until finished, stopped or failed. */
async function runJob(): Promise<void> {
  const j = job;
  if (!j || j.running || j.finished) return;
  j.running = true;
  j.stopRequested = false;
  j.failure = null;
  render();
  stopButton.focus();
  try {
    while (!j.finished && !j.stopRequested) {
      const chunk: JobChunk = await call('adminRun', j.step, j.cursor);
      absorb(j, chunk);
      render();
    }
  } catch (e) {
    j.failure = e instanceof Error ? e.message : String(e);
  } finally {
    j.running = false;
  }
  // Counts and step states changed even when the job stopped half-way.
  await load();
  if (!j.finished) resumeButton.focus();
  else nextButton.focus();
}

function absorb(j: Job, c: JobChunk): void {
  j.done = c.done;
  j.total = c.total;
  j.cursor = c.cursor;
  j.finished = c.finished;
  j.message = c.message;
  j.failed = c.failed ?? null;
  j.outcome = c.outcome ?? null;
  for (const e of c.errors) j.errors.set(e.unit, e.message);
  for (const l of c.links) if (!j.links.some((x) => x.url === l.url)) j.links.push(l);
}

function stopJob(): void {
  if (!job?.running) return;
  job.stopRequested = true;
  render();
}

// ---------------------------------------------------------------------------------------------
// Rendering

function showAlert(e: unknown): void {
  replace(alertBox, h('strong', {}, 'Có lỗi: '), e instanceof Error ? e.message : String(e));
  alertBox.hidden = false;
}

function showNotice(text: string): void {
  replace(notice, text);
  notice.hidden = false;
}

function render(): void {
  const s = state;
  if (s) setText(title, s.year ? `Dân vận chính quyền năm ${s.year}` : 'Dân vận chính quyền');
  renderProgress(s);
  renderSteps(s);
  renderLinks(s);
  renderAppraisalPicker(s);
  renderBar(s);
}

function renderProgress(s: AdminState | null): void {
  const p = s?.progress;
  const rows: Array<[string, number]> = p
    ? [
        ['Đã có biểu mẫu', p.created],
        ['Đã nhập điểm', p.entered],
        ['Đã nộp kết quả', p.submitted],
      ]
    : [];
  replace(
    progressBox,
    h('h2', { class: 'block-title', id: 'progress-title' }, 'Theo dõi tiến độ'),
    p
      ? h('p', { class: 'progress-units' }, h('strong', {}, String(p.units)), ' đơn vị trong danh sách')
      : h('p', { class: 'progress-units' }, T.loading),
    ...deadlineLines(s),
    ...rows.map(([label, n]) => {
      const pct = p && p.units > 0 ? Math.round((n / p.units) * 100) : 0;
      return h(
        'div',
        { class: 'stat' },
        h('div', { class: 'stat-row' }, h('span', {}, label), h('span', { class: 'stat-num' }, `${n}/${p ? p.units : 0}`)),
        h('div', { class: 'mini', 'aria-hidden': 'true' }, h('div', { class: 'mini-fill', style: `width:${pct}%` })),
      );
    }),
    p && p.notSubmitted.length && p.notSubmitted.length < p.units
      ? h('p', { class: 'not-submitted' }, `Chưa nộp: ${nameList(p.notSubmitted)}`)
      : null,
  );
}

function renderSteps(s: AdminState | null): void {
  if (!s) return;
  const steps = [...s.steps].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  const busy = !!job?.running;
  const items = steps.map((step, i) => {
    const isJob = job?.step === step.key;
    const again = step.state !== 'todo';
    const text = (again ? AGAIN[step.key] : ACTION[step.key]) ?? 'Thực hiện';
    const button = h(
      'button',
      {
        type: 'button',
        class: `btn ${!again && isNext(s, step) ? 'btn-primary' : 'btn-secondary'}`,
        'data-step': step.key,
        disabled: busy,
        onclick: () => requestStep(step),
      },
      text,
    );
    const showBlockers = step.blockers.length > 0 && (s.next === step.key || asking === step.key || (isJob && !!job?.finished));
    const li = h(
      'li',
      { class: `step step-${step.state}${isJob ? ' step-active' : ''}`, 'data-step': step.key },
      h('span', { class: 'step-num', 'aria-hidden': 'true' }, step.state === 'done' ? '✓' : String(i + 1)),
      h(
        'div',
        { class: 'step-main' },
        h(
          'div',
          { class: 'step-head' },
          h('h3', { class: 'step-label' }, step.label),
          h('span', { class: `chip ${STATE_CHIP[step.state]}` }, STATE_TEXT[step.state]),
        ),
        step.detail ? h('p', { class: 'step-detail' }, step.detail) : null,
        showBlockers ? h('p', { class: 'step-blockers' }, blockersText(step)) : null,
        ...(showBlockers ? sheetButtons(step) : []),
        h('div', { class: 'step-actions' }, button),
        asking === step.key && step.confirm ? confirmBox(step) : null,
        isJob && job ? jobDetails(job) : null,
      ),
    );
    return li;
  });
  replace(stepsList, ...items);
}

/** «Trước khi xếp hạng: 2 lỗi (mở sheet «Kiểm tra») · chưa nộp: Phòng Y tế». */
function blockersText(step: AdminStep): string {
  return blockersLine(step.key, step.blockers);
}

/** «Mở sheet «Kiểm tra»» for each blocker that a sheet shows. */
function sheetButtons(step: AdminStep): HTMLElement[] {
  const sheets = [...new Set(step.blockers.map((b) => b.sheet).filter((x): x is string => !!x))];
  return sheets.map((name) =>
    h('button', { type: 'button', class: 'btn btn-link sheet-link', onclick: () => void showSheet(name) }, `Mở sheet «${name}»`),
  );
}

async function showSheet(name: string): Promise<void> {
  try {
    await call('adminShowSheet', name);
  } catch (e) {
    showAlert(e);
  }
}

/** The question before a step run while something is open (a decision then is a draft). */
function confirmBox(step: AdminStep): HTMLElement {
  const box = h(
    'div',
    { class: 'confirm', role: 'alertdialog', 'aria-modal': 'false', 'aria-labelledby': 'confirm-q' },
    h('p', { class: 'confirm-text', id: 'confirm-q' }, step.confirm ?? ''),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', id: 'confirm-yes', onclick: () => requestStep(step) },
        CONFIRM[step.key] ?? 'Vẫn thực hiện',
      ),
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => cancelAsk() }, T.cancel),
    ),
  );
  box.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') cancelAsk();
  });
  return box;
}

function jobDetails(j: Job): HTMLElement | null {
  const parts: HTMLElement[] = [];
  if (j.failed) {
    parts.push(h('div', { class: 'job-failed-step', role: 'alert' }, h('p', { class: 'm m-error' }, `${FAILED}: ${j.failed}`)));
  }
  if (j.errors.size > 0) {
    parts.push(
      h(
        'div',
        { class: 'job-errors', role: 'group', 'aria-label': 'Đơn vị bị lỗi' },
        h('p', { class: 'm m-error' }, `Không thực hiện được ở ${j.errors.size} đơn vị (các đơn vị khác vẫn tiếp tục):`),
        h(
          'ul',
          {},
          ...[...j.errors].map(([unit, msg]) =>
            // The server's message usually starts with the unit's name and code already.
            !unit || msg.startsWith(unit) ? h('li', {}, msg) : h('li', {}, h('strong', {}, unit), ` — ${msg}`),
          ),
        ),
      ),
    );
  }
  if (j.links.length > 0) {
    parts.push(
      h(
        'div',
        { class: 'job-links' },
        h('p', { class: 'job-links-title' }, 'Kết quả:'),
        h('ul', { class: 'link-list' }, ...j.links.map((l) => h('li', {}, externalLink(l.url, l.label)))),
      ),
    );
  }
  return parts.length ? h('div', { class: 'job-details' }, ...parts) : null;
}

function renderLinks(s: AdminState | null): void {
  const links = s?.links ?? [];
  linksBox.hidden = links.length === 0;
  replace(
    linksBox,
    h('h2', { class: 'block-title', id: 'links-title' }, 'Thư mục và tài liệu'),
    h('ul', { class: 'link-list' }, ...links.map((l) => h('li', {}, externalLink(l.url, l.label)))),
  );
}

function isNext(s: AdminState, step: AdminStep): boolean {
  return nextStep(s)?.key === step.key;
}

/** The next step of the year, as the server's plan says (core/steps/year-plan). */
function nextStep(s: AdminState): AdminStep | null {
  return s.steps.find((x) => x.key === s.next) ?? null;
}

function renderBar(s: AdminState | null): void {
  const j = job;
  const showMeter = !!j;
  meter.parentElement!.hidden = !showMeter;
  stopButton.hidden = !(j && j.running);
  stopButton.disabled = !!j?.stopRequested;
  setText(stopButton, j?.stopRequested ? 'Đang dừng…' : T.stop);
  resumeButton.hidden = !(j && !j.running && !j.finished);
  const next = s ? nextStep(s) : null;
  nextButton.hidden = !(next && !(j && !j.finished));
  if (next) {
    const action = ACTION[next.key] ?? 'Thực hiện';
    setText(nextButton, j?.finished && j.step !== next.key ? `Tiếp theo: ${action}` : action);
    nextButton.onclick = () => requestStep(next);
    nextButton.disabled = !!j?.running;
  }
  if (!j) {
    setText(barTitle, next ? `Bước tiếp theo: ${next.label}` : s ? 'Đã hoàn thành các bước của năm.' : '');
    setText(jobMessage, next && next.blockers.length ? blockersText(next) : s ? summaryText(s) : '');
    jobMessage.className = next && next.blockers.length ? 'job-message job-warn' : 'job-message';
    return;
  }
  setText(barTitle, j.label);
  const total = Math.max(j.total, 0);
  const pct = total > 0 ? Math.min(100, Math.round((j.done / total) * 100)) : j.finished && !j.failed ? 100 : 0;
  meterFill.style.width = `${pct}%`;
  meter.setAttribute('aria-valuemax', String(total));
  meter.setAttribute('aria-valuenow', String(j.done));
  meter.setAttribute('aria-valuetext', `${j.done}/${total} đơn vị`);
  meter.classList.toggle('meter-running', j.running);
  // A step that is not a count of units (set-up) shows no «1/1».
  setText(jobCount, total > 0 ? `${j.done}/${total} đơn vị` : j.finished ? '' : 'Đang bắt đầu…');
  let msg: string;
  let cls = 'job-message';
  if (j.failure) {
    msg = `Bị gián đoạn ở ${j.done}/${total} đơn vị: ${j.failure} Bấm «${T.resume}» để chạy tiếp từ chỗ dừng.`;
    cls += ' job-failed';
  } else if (j.running && j.stopRequested) {
    msg = 'Đang dừng sau khi xong phần đang chạy…';
  } else if (j.running) {
    // The server's message adds what the count does not say ("Đang tạo biểu mẫu: Xã Bình An…").
    msg = j.message && !j.message.startsWith(`${j.done}/${total}`) ? j.message : 'Đang chạy, vui lòng không đóng thanh bên…';
  } else if (!j.finished) {
    msg = `Đã dừng ở ${j.done}/${total} đơn vị. Bấm «${T.resume}» để chạy tiếp từ chỗ dừng.`;
  } else if (j.failed) {
    msg = `${FAILED}: ${j.failed}`;
    cls += ' job-failed';
  } else if (j.errors.size > 0) {
    msg = `Đã chạy xong nhưng ${count(j.errors.size, 'đơn vị')} bị lỗi (xem chi tiết ở bước). ${j.message}`.trim();
    cls += ' job-warn';
  } else if (j.outcome === 'warning') {
    // Errors found, units missing, nobody classified: not a success.
    const then = next && next.key !== j.step && next.blockers.length ? ` ${blockersText(next)}.` : '';
    msg = `Đã chạy xong, cần xem lại: ${j.message}${then}`;
    cls += ' job-warn';
  } else {
    msg = `Hoàn tất. ${j.message}`.trim();
    cls += ' job-done';
  }
  setText(jobMessage, msg);
  jobMessage.className = cls;
}

function summaryText(s: AdminState): string {
  const p = s.progress;
  return `${submittedLine(p.submitted, p.units, p.notSubmitted)}.`;
}

void load();
