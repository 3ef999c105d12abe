// Scorer sidebar (unit spreadsheet): enter Tự chấm / Thẩm định / Minh chứng per criterion, see
// errors and the provisional total at once, submit.
import type { EntryField, ScorerCriterion, ScorerState } from '../gas/api';
import { call, CallQueue } from './rpc';
import { append, externalLink, h, keepFocusClearOf, replace, setText, uid } from './dom';
import { urlsIn } from './escape';
import { displayScore, formatNumber, normalizeScoreInput, sameScore } from './number';
import { evaluate, fieldKey, INPUT_FIELDS, type Evaluation, type Overrides, type ShownFinding } from './scorer-model';
import { T, count } from './labels';
import { appraisalBox, deadlinesBox, renderAppraisals, renderDeadlines } from './scorer-appraisal';
import { evidenceAttach, type EvidenceAttach } from './evidence-upload';
import { explainButton, EXPLANATION_SENT, explanationField, explanationText, fieldEditable, showsExplanation } from './explanation';

type ScoreField = 'self' | 'appraised';
const isScoreField = (f: EntryField): f is ScoreField => f === 'self' || f === 'appraised';

interface InputRef {
  code: string;
  field: EntryField;
  input: HTMLInputElement;
  msg: HTMLElement;
  wrap: HTMLElement;
  links?: HTMLElement;
  attach?: EvidenceAttach;
}

interface LeafRef {
  criterion: ScorerCriterion;
  el: HTMLElement;
  inputs: InputRef[];
  appraisedText: HTMLElement | null;
  /** Messages about cells with no input here (Thẩm định for a scorer, Ghi chú). */
  msgs: HTMLElement;
}

interface SectionRef {
  key: string;
  todo: HTMLElement;
  kind: 'score' | 'bonus' | 'penalty';
  codes: string[]; // top-level criteria in the section
  max: number;
  el: HTMLElement;
  toggle: HTMLButtonElement;
  body: HTMLElement;
  sub: HTMLElement;
  badge: HTMLElement;
  msgs: HTMLElement;
}

interface ParentRef {
  code: string;
  sub: HTMLElement;
  msgs: HTMLElement;
}

// ---------------------------------------------------------------------------------------------
// State

let state: ScorerState | null = null;
let structureKey = '';
const overrides: Overrides = new Map();
/** Values on their way to the server, per input. */
const sending = new Map<string, string>();
/** Messages of a save that failed, per input. */
const saveErrors = new Map<string, string>();
let evaluation: Evaluation | null = null;
let confirming = false;
let submitting = false;
/** Evidence inputs the scorer has left: a missing evidence there is an error, before it a to-do. */
const leftFields = new Set<string>();
/** The scorer tried to submit: every missing evidence shows as an error. */
let submitTried = false;
/** «Chỉ hiện tiêu chí còn thiếu». */
let onlyMissing = false;
/** The «Còn thiếu» list shows every item (else the first few). */
let allMissingShown = false;

const leaves = new Map<string, LeafRef>();
const inputs = new Map<string, InputRef>();
const sections: SectionRef[] = [];
const parents = new Map<string, ParentRef>();

const queue = new CallQueue();
/** Saves sent and not answered yet (drives the «Đang lưu…» indicator). */
let savesInFlight = 0;

// ---------------------------------------------------------------------------------------------
// Static page parts

const app = document.getElementById('app') as HTMLElement;

const saveStatus = h('span', { class: 'save-status', 'aria-live': 'polite' });
const refreshButton = h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => void refresh() }, T.refresh);
const eyebrow = h('p', { class: 'eyebrow' }, 'Biểu chấm điểm công tác dân vận chính quyền');
const unitName = h('h1', { class: 'unit-name' });
const unitMeta = h('p', { class: 'unit-meta' });
const statusChip = h('span', { class: 'chip' });
const deadlineText = h('span', { class: 'deadline' });
const header = h(
  'header',
  { class: 'head' },
  h('div', { class: 'head-row' }, eyebrow, refreshButton),
  unitName,
  unitMeta,
  deadlinesBox,
  h('div', { class: 'head-row head-status' }, h('span', { class: 'chips' }, statusChip, deadlineText), saveStatus),
);

const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
const alertBox = h('div', { class: 'alert', role: 'alert', hidden: true });
const summary = h('section', { class: 'summary', 'aria-label': 'Còn thiếu', tabindex: '-1' });
const tree = h('main', { class: 'tree', 'aria-label': 'Danh sách tiêu chí' });

// Tools: the filter and the jump to a code.
const filterBox = h('input', { type: 'checkbox', id: 'only-missing', class: 'check' });
filterBox.addEventListener('change', () => {
  onlyMissing = filterBox.checked;
  update();
});
const jumpInput = h('input', {
  id: 'jump-code',
  type: 'text',
  class: 'input input-jump',
  autocomplete: 'off',
  list: 'jump-codes',
  placeholder: 'ví dụ X4.2',
  'aria-describedby': 'jump-msg',
});
const jumpCodes = h('datalist', { id: 'jump-codes' });
const jumpMsg = h('p', { class: 'm m-hint', id: 'jump-msg', 'aria-live': 'polite' });
const jumpForm = h(
  'form',
  { class: 'jump', role: 'search', 'aria-label': 'Đến tiêu chí theo mã' },
  h(
    'div',
    { class: 'jump-row' },
    h('label', { for: 'jump-code' }, 'Đến tiêu chí'),
    jumpInput,
    h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Đến'),
  ),
  jumpCodes,
  jumpMsg,
);
jumpForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  jumpTo(jumpInput.value);
});
const tools = h(
  'div',
  { class: 'tools' },
  h('div', { class: 'filter' }, filterBox, h('label', { for: 'only-missing' }, 'Chỉ hiện tiêu chí còn thiếu')),
  jumpForm,
);

const totalLine = h('p', { class: 'total-line', 'aria-live': 'polite' });
const breakdown = h('p', { class: 'breakdown' });
const reason = h('p', { class: 'reason', id: 'submit-reason' });
const more = h('div', { class: 'bar-more', id: 'bar-more', hidden: true }, breakdown);
const moreButton = h(
  'button',
  { type: 'button', class: 'btn btn-link bar-toggle', 'aria-expanded': 'false', 'aria-controls': 'bar-more' },
  'Chi tiết',
);
moreButton.addEventListener('click', () => showMore(more.hidden));
// Never `disabled`: a disabled button cannot be reached by Tab, and its reason could not be read.
const submitButton = h(
  'button',
  { type: 'button', class: 'btn btn-primary', 'aria-describedby': 'submit-reason', onclick: () => askSubmit() },
  T.submit,
);
const reopenButton = h('button', { type: 'button', class: 'btn btn-secondary', hidden: true, onclick: () => void reopen() }, T.reopen);
const confirmText = h(
  'p',
  { id: 'confirm-text', class: 'confirm-text' },
  'Nộp kết quả tự chấm? Sau khi nộp, không sửa được điểm, minh chứng và ghi chú nữa (các ô nhập sẽ bị khóa); muốn sửa phải đề nghị cơ quan quản lý mở lại.',
);
const confirmYes = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => void submit() }, T.confirmSubmit);
const confirmNo = h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => closeConfirm(true) }, T.cancel);
const confirmBox = h(
  'div',
  { class: 'confirm', role: 'alertdialog', 'aria-modal': 'false', 'aria-labelledby': 'confirm-text', hidden: true },
  confirmText,
  h('div', { class: 'actions' }, confirmYes, confirmNo),
);
confirmBox.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') closeConfirm(true);
});
const explainBtn = explainButton(() => void explain());
const actions = h('div', { class: 'actions' }, submitButton, explainBtn, reopenButton, moreButton);
const bar = h('footer', { class: 'bar' }, totalLine, reason, more, actions, confirmBox);

replace(app, header, alertBox, notice, summary, tools, tree, bar);
keepFocusVisible();
app.setAttribute('aria-busy', 'true');
replace(tree, h('p', { class: 'loading' }, T.loading));

// ---------------------------------------------------------------------------------------------
// Server calls

async function load(): Promise<void> {
  try {
    applyState(await queue.push(() => call('scorerState')));
  } catch (e) {
    showAlert(e);
    replace(tree, h('p', { class: 'loading' }, 'Không tải được biểu chấm điểm.'));
  } finally {
    app.setAttribute('aria-busy', 'false');
  }
}

async function refresh(): Promise<void> {
  // Unsaved typing is saved first: "Làm mới" must never lose what someone typed.
  await flushAll();
  try {
    const s = await queue.push(() => call('scorerState'));
    saveErrors.clear();
    applyState(s);
    showNotice('Đã tải lại dữ liệu từ trang tính.');
  } catch (e) {
    showAlert(e);
  }
}

/** Save one input if its value differs from the server's. */
function commit(ref: InputRef): Promise<void> {
  if (!state) return Promise.resolve();
  const key = fieldKey(ref.code, ref.field);
  const typed = overrides.get(key);
  if (typed === undefined) return Promise.resolve();
  const server = state.entries[ref.code]?.[ref.field] ?? '';
  const value = isScoreField(ref.field) ? normalizeScoreInput(typed) : typed.trim();
  if (isScoreField(ref.field) ? sameScore(value, server) : value === server.trim()) {
    overrides.delete(key);
    saveErrors.delete(key);
    update();
    return Promise.resolve();
  }
  if (sending.get(key) === value) return Promise.resolve(); // Enter then blur: one save
  sending.set(key, value);
  savesInFlight++;
  setSaving('busy');
  const done = () => {
    if (sending.get(key) === value) sending.delete(key);
  };
  return queue
    .push(() => call('scorerSave', ref.code, ref.field, value))
    .then((s) => {
      done();
      savesInFlight--;
      const now = overrides.get(key);
      if (now !== undefined && (isScoreField(ref.field) ? normalizeScoreInput(now) : now.trim()) === value) overrides.delete(key);
      saveErrors.delete(key);
      if (savesInFlight === 0) setSaving(saveErrors.size > 0 ? 'failed' : 'idle');
      applyState(s);
    })
    .catch((e: unknown) => {
      done();
      savesInFlight--;
      saveErrors.set(key, `${T.saveFailed}: ${e instanceof Error ? e.message : String(e)}`);
      setSaving('failed');
      update();
    });
}

async function flushAll(): Promise<void> {
  const refs = [...overrides.keys()].map((k) => inputs.get(k)).filter((r): r is InputRef => !!r);
  await Promise.all(refs.map((r) => commit(r)));
}

function askSubmit(): void {
  if (!state || state.locked || submitting) return;
  if (submitButton.getAttribute('aria-disabled') === 'true') {
    // Say why, and show what is missing: every missing evidence is an error from now on.
    submitTried = true;
    update();
    showMore(true);
    const first = summary.querySelector<HTMLElement>('.missing-list button');
    (first ?? summary).focus();
    return;
  }
  confirming = true;
  update();
  confirmYes.focus();
}

function closeConfirm(restoreFocus: boolean): void {
  confirming = false;
  update();
  if (restoreFocus) submitButton.focus();
}

async function submit(): Promise<void> {
  if (submitting) return;
  submitting = true;
  submitTried = true;
  confirming = false;
  update();
  try {
    await flushAll();
    if (overrides.size > 0 || (evaluation && evaluation.errors > 0)) {
      showAlert(new Error('Chưa nộp: còn ô chưa lưu được hoặc còn lỗi cần sửa.'));
      return;
    }
    const s = await queue.push(() => call('scorerSubmit'));
    applyState(s);
    if (s.locked) {
      saveErrors.clear();
      setSaving('clear');
      notice.hidden = true;
      alertBox.hidden = true;
      summary.focus();
    } else {
      showAlert(new Error('Máy chủ chưa nhận nộp vì dữ liệu còn lỗi; xem các thông báo bên dưới.'));
    }
  } catch (e) {
    showAlert(e);
  } finally {
    submitting = false;
    update();
  }
}

async function explain(): Promise<void> {
  await flushAll(); // what was typed is sent with it
  try {
    applyState(await queue.push(() => call('scorerExplain')));
    showNotice(EXPLANATION_SENT);
  } catch (e) {
    showAlert(e);
  }
}

async function reopen(): Promise<void> {
  try {
    const s = await queue.push(() => call('scorerReopen'));
    applyState(s);
    if (!s.locked) showNotice('Đã mở lại biểu chấm điểm; đơn vị có thể sửa và nộp lại.');
  } catch (e) {
    showAlert(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function showAlert(e: unknown): void {
  replace(alertBox, h('strong', {}, 'Có lỗi: '), errorText(e));
  alertBox.hidden = false;
}

let noticeTimer: number | undefined;
function showNotice(text: string): void {
  alertBox.hidden = true;
  replace(notice, text);
  notice.hidden = false;
  window.clearTimeout(noticeTimer);
  noticeTimer = window.setTimeout(() => (notice.hidden = true), 8000);
}

let savedTimer: number | undefined;
function setSaving(s: 'busy' | 'idle' | 'failed' | 'clear'): void {
  window.clearTimeout(savedTimer);
  saveStatus.className = `save-status save-${s}`;
  if (s === 'clear') setText(saveStatus, '');
  else if (s === 'busy') setText(saveStatus, T.saving);
  else if (s === 'failed') setText(saveStatus, T.saveFailed);
  else {
    setText(saveStatus, T.saved);
    savedTimer = window.setTimeout(() => setText(saveStatus, ''), 2500);
  }
}

/**
 * What the submission means now. A scorer's submission is locked in the sheet only when the owner
 * side runs next (a scorer cannot change the protection): until then, say so — and that a change
 * made meanwhile is detected (the collection compares with the fingerprint taken at submission).
 */
function submittedText(s: ScorerState): string {
  const round = explanationText(s);
  if (round) return round;
  const when = s.submittedAt ? ` lúc ${s.submittedAt}` : '';
  const who = s.submittedBy ? ` (${s.submittedBy})` : '';
  const head = `Đã nộp kết quả${when}${who}.`;
  if (s.sheetLocked) return `${head} Các ô nhập đã khóa.`;
  if (!s.canAppraise) {
    return `${head} Ô nhập sẽ được khóa khi cơ quan quản lý cập nhật tiến độ. Nếu cần sửa gì, hãy đề nghị cơ quan quản lý mở lại.`;
  }
  return `${head} Thanh bên không nhận sửa điểm tự chấm, minh chứng, ghi chú.`;
}

// ---------------------------------------------------------------------------------------------
// Building the tree (once per rubric)

function applyState(s: ScorerState): void {
  state = s;
  const key = JSON.stringify([
    s.canAppraise,
    s.explanationOpen,
    s.criteria.map((c) => [c.code, c.parent, c.title, c.max, c.kind, c.guidance, c.evidenceRequired]),
  ]);
  if (key !== structureKey) {
    structureKey = key;
    build(s);
  }
  update();
}

function build(s: ScorerState): void {
  leaves.clear();
  inputs.clear();
  parents.clear();
  sections.length = 0;

  const top = s.criteria.filter((c) => c.parent === null);
  const children = new Map<string, ScorerCriterion[]>();
  for (const c of s.criteria) {
    if (c.parent === null) continue;
    const list = children.get(c.parent);
    if (list) list.push(c);
    else children.set(c.parent, [c]);
  }

  const groups: Array<{ key: string; kind: SectionRef['kind']; code: string | null; title: string; items: ScorerCriterion[] }> = [];
  for (const c of top) {
    if (c.kind === 'score') groups.push({ key: `c:${c.code}`, kind: 'score', code: c.code, title: c.title, items: [c] });
  }
  const bonus = top.filter((c) => c.kind === 'bonus');
  if (bonus.length) groups.push({ key: 'bonus', kind: 'bonus', code: null, title: T.bonus, items: bonus });
  const penalty = top.filter((c) => c.kind === 'penalty');
  if (penalty.length) groups.push({ key: 'penalty', kind: 'penalty', code: null, title: T.penalty, items: penalty });

  const nodes: HTMLElement[] = [];
  for (const g of groups) {
    const bodyId = uid('section');
    const sub = h('span', { class: 'sub' });
    const badge = h('span', { class: 'badge-count', hidden: true });
    const todo = h('span', { class: 'badge-todo', hidden: true });
    const toggle = h(
      'button',
      { type: 'button', class: 'section-toggle', 'aria-expanded': 'true', 'aria-controls': bodyId },
      h('span', { class: 'chevron', 'aria-hidden': 'true' }),
      g.code ? h('span', { class: 'code' }, g.code) : null,
      h('span', { class: 'section-title' }, g.title),
      h('span', { class: 'section-side' }, sub, badge, todo),
    );
    const msgs = h('div', { class: 'msgs', 'aria-live': 'polite' });
    const body = h('div', { class: 'section-body', id: bodyId });
    const max = g.kind === 'bonus' ? s.bonusCap : g.items.reduce((a, c) => a + c.max, 0);
    const el = h('section', { class: `section section-${g.kind}` }, h('h2', { class: 'section-head' }, toggle), msgs, body);
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      body.hidden = !open;
      el.classList.toggle('collapsed', !open);
    });
    if (g.kind === 'bonus' && s.bonusCap >= 0) {
      append(body, h('p', { class: 'section-note' }, `Tổng điểm thưởng được cộng tối đa ${formatNumber(s.bonusCap)} điểm.`));
    }
    if (g.kind === 'penalty') {
      append(body, h('p', { class: 'section-note' }, 'Nhập số điểm bị trừ là số dương (ví dụ 2), để trống nếu không bị trừ.'));
    }
    for (const c of g.items) {
      if (g.code && c.code === g.code) {
        // The section is this criterion: its children (or the criterion itself when it is a leaf).
        const kids = children.get(c.code) ?? [];
        if (kids.length === 0) append(body, buildLeaf(s, c));
        else for (const k of kids) append(body, buildNode(s, k, children));
        parents.set(c.code, { code: c.code, sub, msgs });
      } else {
        append(body, buildNode(s, c, children));
      }
    }
    sections.push({ key: g.key, todo, kind: g.kind, codes: g.items.map((c) => c.code), max, el, toggle, body, sub, badge, msgs });
    nodes.push(el);
  }
  replace(tree, ...nodes);
  replace(jumpCodes, ...[...leaves.keys()].map((code) => h('option', { value: code })));
}

function buildNode(s: ScorerState, c: ScorerCriterion, children: Map<string, ScorerCriterion[]>): HTMLElement {
  const kids = children.get(c.code) ?? [];
  if (kids.length === 0) return buildLeaf(s, c);
  const sub = h('span', { class: 'sub' });
  const msgs = h('div', { class: 'msgs', 'aria-live': 'polite' });
  parents.set(c.code, { code: c.code, sub, msgs });
  return h(
    'div',
    { class: 'parent', role: 'group', 'aria-label': `Tiêu chí ${c.code}` },
    h('h3', { class: 'parent-head' }, h('span', { class: 'code' }, c.code), h('span', { class: 'parent-title' }, c.title), sub),
    msgs,
    ...kids.map((k) => buildNode(s, k, children)),
  );
}

function buildLeaf(s: ScorerState, c: ScorerCriterion): HTMLElement {
  const titleId = uid('title');
  const refs: InputRef[] = [];
  const maxText = c.kind === 'penalty' ? `Trừ tối đa ${formatNumber(c.max)} điểm` : `Tối đa ${formatNumber(c.max)} điểm`;

  const scoreInput = (field: ScoreField, label: string): HTMLElement => {
    const id = uid('in');
    const msgId = uid('msg');
    const input = h('input', {
      id,
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      class: 'input input-score',
      'aria-describedby': `${msgId} ${titleId}`,
    });
    const msg = h('div', { class: 'msg', id: msgId, 'aria-live': 'polite' });
    const wrap = h(
      'div',
      { class: `field field-${field}` },
      h('label', { for: id }, label, h('span', { class: 'sr-only' }, ` ${c.code}`)),
      h('div', { class: 'score-box' }, input, h('span', { class: 'of', 'aria-hidden': 'true' }, `/${formatNumber(c.max)}`)),
      msg,
    );
    refs.push({ code: c.code, field, input, msg, wrap });
    return wrap;
  };

  const scoreRow = h('div', { class: 'score-row' }, scoreInput('self', T.self));
  let appraisedText: HTMLElement | null = null;
  if (s.canAppraise) append(scoreRow, scoreInput('appraised', T.appraised));
  else {
    appraisedText = h('p', { class: 'appraised-text', hidden: true });
    append(scoreRow, appraisedText);
  }

  const evId = uid('in');
  const evMsgId = uid('msg');
  const evInput = h('input', {
    id: evId,
    type: 'text',
    autocomplete: 'off',
    class: 'input input-evidence',
    placeholder: 'Dán liên kết hoặc ghi số, tên văn bản',
    'aria-describedby': `${evMsgId} ${titleId}`,
  });
  const evMsg = h('div', { class: 'msg', id: evMsgId, 'aria-live': 'polite' });
  const links = h('div', { class: 'ev-links' });
  const evWrap = h(
    'div',
    { class: 'field field-evidence' },
    h(
      'label',
      { for: evId },
      T.evidence,
      h('span', { class: 'sr-only' }, ` ${c.code}`),
      c.evidenceRequired ? h('span', { class: 'req' }, ' (bắt buộc)') : null,
    ),
    evInput,
    links,
    evMsg,
  );
  const attach = evidenceAttach(c.code, {
    send: (upload) => queue.push(() => call('scorerAttachEvidence', upload)),
    apply: applyState,
    unsaved: () => overrides.has(fieldKey(c.code, 'evidence')),
  });
  evWrap.insertBefore(attach.el, evMsg);
  refs.push({ code: c.code, field: 'evidence', input: evInput, msg: evMsg, wrap: evWrap, links, attach });

  const exp = showsExplanation(s, c.code) ? explanationField(c.code, titleId) : null;
  if (exp) refs.push({ code: c.code, field: 'explanation', ...exp });
  const leafMsgs = h('div', { class: 'msgs', 'aria-live': 'polite' });
  const el = h(
    'article',
    { class: `leaf leaf-${c.kind}`, 'aria-labelledby': titleId },
    h('h4', { class: 'leaf-head', id: titleId }, h('span', { class: 'code' }, c.code), ' ', h('span', { class: 'leaf-title' }, c.title)),
    h(
      'p',
      { class: 'leaf-meta' },
      h('span', { class: 'max' }, maxText),
      c.evidenceRequired ? h('span', { class: 'tag' }, T.evidenceRequired) : null,
    ),
    c.guidance ? h('p', { class: 'guidance' }, c.guidance) : null,
    scoreRow,
    appraisalBox(c.code),
    evWrap,
    exp?.wrap ?? null,
    leafMsgs,
  );

  for (const ref of refs) {
    const key = fieldKey(ref.code, ref.field);
    inputs.set(key, ref);
    ref.input.addEventListener('input', () => onType(ref));
    ref.input.addEventListener('change', () => void commit(ref));
    ref.input.addEventListener('blur', () => {
      if (ref.field !== 'evidence' || leftFields.has(key)) return;
      leftFields.add(key);
      update();
    });
    ref.input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        void commit(ref);
      } else if (ev.key === 'Escape' && overrides.has(key)) {
        // Escape puts back the saved value.
        overrides.delete(key);
        update(true);
      }
    });
  }
  leaves.set(c.code, { criterion: c, el, inputs: refs, appraisedText, msgs: leafMsgs });
  return el;
}

function onType(ref: InputRef): void {
  if (!state || ref.input.readOnly) return;
  const key = fieldKey(ref.code, ref.field);
  const server = state.entries[ref.code]?.[ref.field] ?? '';
  const typed = ref.input.value;
  const unchanged = isScoreField(ref.field)
    ? typed.trim() === displayScore(server) || (typed.trim() !== '' && sameScore(typed, server))
    : typed === server;
  if (unchanged) overrides.delete(key);
  else overrides.set(key, typed);
  saveErrors.delete(key);
  update();
}

// ---------------------------------------------------------------------------------------------
// Updating (on every keystroke and every server answer)

/**
 * The server refuses the scorer's fields once the unit has submitted; appraisals need canAppraise
 * and go on after the submission (the council appraises submitted results).
 */
function editable(s: ScorerState, field: EntryField): boolean {
  return fieldEditable(s, field);
}

/**
 * A required evidence not given yet is a to-do («Cần minh chứng»), not an error, until the scorer
 * has left that field or tried to submit: typing a score must not turn the next box red.
 */
function isTodo(f: ShownFinding, key: string): boolean {
  if (f.finding.code === 'blank-score') return true;
  return f.finding.code === 'missing-evidence' && !submitTried && !leftFields.has(key);
}

function renderMessages(box: HTMLElement, list: ShownFinding[], extra?: string, key = ''): void {
  const items = list.map((f) => {
    const todo = isTodo(f, key);
    return h(
      'p',
      { class: todo ? 'm m-hint' : f.blocking ? 'm m-error' : 'm m-warning' },
      f.blocking && !todo ? h('span', { class: 'sr-only' }, `${T.error}: `) : null,
      !f.blocking ? h('span', { class: 'sr-only' }, `${T.warning}: `) : null,
      todo && f.finding.code === 'missing-evidence' ? 'Cần minh chứng (bắt buộc khi có điểm).' : f.text,
    );
  });
  if (extra) items.push(h('p', { class: 'm m-error' }, extra));
  const text = items.map((i) => `${i.className}|${i.textContent}`).join('\n');
  if (box.dataset.text === text) return;
  box.dataset.text = text;
  replace(box, ...items);
}

/** One line of «Còn thiếu»: what is missing at which criterion, and the input it leads to. */
interface MissingItem {
  code: string;
  text: string;
  ref: InputRef;
  error: boolean;
}

/** What is still missing, in page order: unscored, errors, missing evidence, unsaved values. */
function missingItems(s: ScorerState, ev: Evaluation): MissingItem[] {
  const out: MissingItem[] = [];
  for (const leaf of leaves.values()) {
    const code = leaf.criterion.code;
    const first = leaf.inputs[0];
    if (!first) continue;
    const at = (field: EntryField) => inputs.get(fieldKey(code, field)) ?? first;
    const list = (field: EntryField) => ev.byField.get(fieldKey(code, field)) ?? [];
    if (list('self').some((f) => f.finding.code === 'blank-score'))
      out.push({ code, text: `${code} chưa chấm`, ref: at('self'), error: false });
    for (const field of INPUT_FIELDS) {
      const bad = list(field).find((f) => f.blocking && f.finding.code !== 'blank-score' && f.finding.code !== 'missing-evidence');
      if (bad) {
        const what =
          field === 'self' ? 'điểm tự chấm' : field === 'appraised' ? 'điểm thẩm định' : field === 'evidence' ? 'minh chứng' : 'ghi chú';
        out.push({ code, text: `${code}: ${what} chưa hợp lệ`, ref: at(field), error: true });
      }
    }
    if (list('evidence').some((f) => f.finding.code === 'missing-evidence')) {
      out.push({ code, text: `${code} thiếu minh chứng`, ref: at('evidence'), error: false });
    }
    for (const field of INPUT_FIELDS) {
      if (saveErrors.has(fieldKey(code, field))) out.push({ code, text: `${code} chưa lưu được`, ref: at(field), error: true });
    }
  }
  // Errors of a parent (children above its maximum) lead to its first child.
  for (const [code, list] of ev.byCriterion) {
    if (!list.some((f) => f.blocking)) continue;
    const leaf = [...leaves.values()].find((l) => isUnder(s, l.criterion.code, code));
    if (leaf?.inputs[0])
      out.push({ code, text: `${code}: tổng các tiêu chí thành phần vượt điểm tối đa`, ref: leaf.inputs[0], error: true });
  }
  return out;
}

function isUnder(s: ScorerState, code: string, ancestor: string): boolean {
  let c = s.criteria.find((x) => x.code === code);
  while (c && c.parent !== null) {
    if (c.parent === ancestor) return true;
    const parent = c.parent;
    c = s.criteria.find((x) => x.code === parent);
  }
  return false;
}

function update(forceValues = false): void {
  const s = state;
  if (!s) return;
  const ev = evaluate(s, overrides);
  evaluation = ev;
  const out = (n: number) => formatNumber(n);

  // Header.
  setText(eyebrow, s.year ? `Biểu chấm điểm · ${T.year} ${s.year}` : 'Biểu chấm điểm');
  setText(unitName, s.unit.name || s.unit.code);
  setText(unitMeta, [`${T.unitCode} ${s.unit.code}`, s.unit.group].filter(Boolean).join(' · '));
  document.title = `${T.self} — ${s.unit.name}`;
  setText(statusChip, s.status || (s.locked ? 'Đã nộp' : 'Đang chấm'));
  statusChip.className = `chip ${s.locked ? 'chip-done' : 'chip-open'}`;
  // The deadlines with the days left (scorer-appraisal.ts); the bare date only when none could be read.
  setText(deadlineText, s.deadline && !s.deadlines.length ? `${T.deadline}: ${s.deadline}` : '');
  renderDeadlines(s.deadlines);
  renderAppraisals(s);
  app.classList.toggle('is-locked', s.locked);
  // A «Chưa lưu được» with nothing left unsaved is stale (retyped, saved since, or submitted).
  if (saveErrors.size === 0 && saveStatus.classList.contains('save-failed')) setSaving('clear');

  // Inputs.
  for (const ref of inputs.values()) {
    const key = fieldKey(ref.code, ref.field);
    const server = s.entries[ref.code]?.[ref.field] ?? '';
    const typed = overrides.get(key);
    const shown = typed ?? (isScoreField(ref.field) ? displayScore(server) : server);
    const focused = document.activeElement === ref.input;
    if (ref.input.value !== shown && (forceValues || typed === undefined || !focused)) ref.input.value = shown;
    const canEdit = editable(s, ref.field);
    ref.input.readOnly = !canEdit;
    ref.attach?.setEnabled(canEdit);
    if (canEdit) ref.input.removeAttribute('aria-readonly');
    else ref.input.setAttribute('aria-readonly', 'true');
    ref.input.placeholder = canEdit && ref.field === 'evidence' ? 'Dán liên kết hoặc ghi số, tên văn bản' : '';
    const list = ev.byField.get(key) ?? [];
    const invalid = list.some((f) => f.blocking && !isTodo(f, key)) || saveErrors.has(key);
    ref.input.setAttribute('aria-invalid', String(invalid));
    ref.wrap.classList.toggle('has-error', invalid);
    ref.wrap.classList.toggle('is-dirty', typed !== undefined);
    renderMessages(ref.msg, s.locked && !canEdit ? list.filter((f) => f.finding.code !== 'blank-score') : list, saveErrors.get(key), key);
    if (ref.links) {
      const urls = urlsIn(typed ?? server);
      const sig = urls.join('\n');
      if (ref.links.dataset.sig !== sig) {
        ref.links.dataset.sig = sig;
        replace(
          ref.links,
          ...urls.map((u, i) =>
            externalLink(u, urls.length > 1 ? `Mở minh chứng ${i + 1}` : 'Mở minh chứng', { class: 'ev-link', title: u }),
          ),
        );
      }
    }
  }
  for (const leaf of leaves.values()) {
    const code = leaf.criterion.code;
    const orphan = (['self', 'appraised', 'evidence', 'note'] as const)
      .filter((f) => !inputs.has(fieldKey(code, f)))
      .flatMap((f) => ev.byField.get(fieldKey(code, f)) ?? []);
    renderMessages(leaf.msgs, orphan);
    if (!leaf.appraisedText) continue;
    const raw = s.entries[code]?.appraised ?? '';
    leaf.appraisedText.hidden = raw.trim() === '';
    setText(leaf.appraisedText, raw.trim() === '' ? '' : `${T.appraised}: ${displayScore(raw)}`);
  }

  const missing = s.locked ? [] : missingItems(s, ev);
  const missingCodes = new Set(missing.map((m) => m.code));

  // Subtotals and messages of parents and sections.
  for (const p of parents.values()) {
    const c = s.criteria.find((x) => x.code === p.code);
    if (!c) continue;
    setText(p.sub, `${out(ev.points.get(p.code) ?? 0)}/${out(c.max)}`);
    renderMessages(p.msgs, ev.byCriterion.get(p.code) ?? []);
  }
  for (const sec of sections) {
    const pts = sec.codes.reduce((a, code) => a + (ev.points.get(code) ?? 0), 0);
    if (sec.kind === 'score') setText(sec.sub, `${out(pts)}/${out(sec.max)}`);
    else if (sec.kind === 'bonus') setText(sec.sub, `+${out(Math.min(pts, sec.max))}/${out(sec.max)}`);
    else setText(sec.sub, pts > 0 ? `−${out(pts)}` : '0');
    let errs = 0;
    for (const [key, list] of ev.byField) {
      const code = key.slice(key.indexOf('\u0000') + 1);
      if (!isInSection(s, sec, code)) continue;
      errs += list.filter((f) => f.blocking && !isTodo(f, key)).length;
    }
    for (const [code, list] of ev.byCriterion) if (isInSection(s, sec, code)) errs += list.filter((f) => f.blocking).length;
    sec.badge.hidden = errs === 0;
    setText(sec.badge, errs ? count(errs, 'lỗi') : '');
    // What is left to do in the group, readable when the group is folded.
    const todo = missing.filter((m) => !m.error && isInSection(s, sec, m.code)).length;
    sec.todo.hidden = todo === 0;
    setText(sec.todo, todo ? `${todo} còn thiếu` : '');
    sec.el.classList.toggle('section-error', errs > 0);
    if (sec.kind !== 'score') renderMessages(sec.msgs, []);
  }

  // «Chỉ hiện tiêu chí còn thiếu».
  filterBox.disabled = s.locked;
  const filtering = onlyMissing && !s.locked;
  for (const leaf of leaves.values()) leaf.el.hidden = filtering && !missingCodes.has(leaf.criterion.code);
  for (const el of Array.from(tree.querySelectorAll<HTMLElement>('.parent, section.section'))) {
    el.hidden = filtering && !el.querySelector('article.leaf:not([hidden])');
  }

  renderSummary(s, ev, missing);

  // Bottom bar: one line and the button; the breakdown is folded under «Chi tiết».
  const levelName = ev.level ?? (ev.unscored.length || ev.excluded.length ? 'chưa xếp loại' : T.notClassified);
  replace(
    totalLine,
    `${T.total}: `,
    h('strong', { class: 'total-number' }, out(ev.score.total)),
    '/100 — ',
    h('span', { class: 'level' }, levelName),
    ev.excluded.length ? h('span', { class: 'excluded' }, ' (chưa tính ô lỗi)') : null,
  );
  const parts = [
    `Điểm tiêu chí ${out(ev.score.base)}`,
    `thưởng +${out(ev.score.bonus)}`,
    ev.score.penalty > 0 ? `trừ −${out(ev.score.penalty)}` : 'trừ 0',
  ];
  if (ev.score.appraised) parts.push(`tự chấm ${out(ev.score.selfTotal)}`);
  let detail = `${parts.join(' · ')}${s.locked ? '' : ' (tạm tính)'}.`;
  if (ev.excluded.length) detail += ` Chưa tính ô lỗi: ${ev.excluded.join(', ')}.`;
  if (!ev.level && ev.unscored.length) detail += ` Xếp loại khi đã chấm đủ ${ev.unscored.length} tiêu chí còn lại.`;
  setText(breakdown, detail);

  const open = missing.length;
  let why = '';
  if (s.locked) {
    why = s.canAppraise
      ? 'Đã nộp — cột «Thẩm định» vẫn nhập được.'
      : s.sheetLocked
        ? 'Đã nộp — biểu chấm điểm đã khóa.'
        : 'Đã nộp — thanh bên không nhận sửa đổi.';
  } else if (submitting) why = 'Đang nộp kết quả…';
  else if (ev.blank > 0 && open > ev.blank)
    why = `Chưa nộp được: còn ${ev.blank} tiêu chí chưa chấm và ${open - ev.blank} mục khác (xem «Còn thiếu»).`;
  else if (ev.blank > 0) why = `Chưa nộp được: còn ${ev.blank} tiêu chí chưa chấm điểm (xem «Còn thiếu»).`;
  else if (open > 0 || ev.errors > 0) why = `Chưa nộp được: còn ${Math.max(open, 1)} mục cần xử lý (xem «Còn thiếu»).`;
  else if (saveErrors.size > 0) why = 'Chưa nộp được: có ô chưa lưu được, hãy thử lại.';
  else if (ev.warnings > 0) why = `Có ${count(ev.warnings, 'cảnh báo')}; vẫn nộp được.`;
  else why = 'Dữ liệu hợp lệ, có thể nộp kết quả.';
  setText(reason, explanationText(s) ?? why);
  reason.className = `reason ${s.locked ? 'reason-done' : ev.errors > 0 || saveErrors.size > 0 ? 'reason-block' : 'reason-ok'}`;

  const blocked = s.locked || submitting || ev.errors > 0 || saveErrors.size > 0;
  // aria-disabled, not disabled: the button stays a Tab stop and reads its reason (aria-describedby).
  submitButton.setAttribute('aria-disabled', String(blocked));
  submitButton.hidden = s.locked;
  reopenButton.hidden = !(s.locked && s.canAppraise);
  explainBtn.hidden = !s.explanationOpen;
  confirmBox.hidden = !(confirming && !blocked);
  actions.hidden = !confirmBox.hidden;
  reasonShown();
}

function isInSection(s: ScorerState, sec: SectionRef, code: string): boolean {
  let c = s.criteria.find((x) => x.code === code);
  while (c && c.parent !== null) {
    const parent = c.parent;
    c = s.criteria.find((x) => x.code === parent);
  }
  return !!c && sec.codes.includes(c.code);
}

/** The first items of «Còn thiếu» shown before «Hiện cả …». */
const MISSING_SHOWN = 4;

function renderSummary(s: ScorerState, ev: Evaluation, missing: MissingItem[]): void {
  const items: HTMLElement[] = [];
  if (s.locked) {
    items.push(
      h(
        'div',
        { class: 'locked-banner' },
        h('span', { class: 'lock-icon', 'aria-hidden': 'true' }),
        h(
          'p',
          {},
          submittedText(s),
          s.canAppraise ? ' Cột «Thẩm định» vẫn nhập được. Chủ sở hữu biểu mẫu có thể bấm «Mở lại» để đơn vị sửa.' : '',
        ),
      ),
    );
  } else if (missing.length === 0 && ev.errors === 0) {
    items.push(h('p', { class: 'summary-line summary-ok' }, 'Không còn thiếu gì. Kiểm tra lại minh chứng trước khi nộp.'));
  } else if (missing.length > 0) {
    const errors = missing.filter((m) => m.error).length;
    items.push(
      h('h2', { class: `summary-line ${errors ? 'summary-error' : 'summary-todo'}`, id: 'missing-title' }, `Còn thiếu (${missing.length})`),
    );
    const shown = allMissingShown ? missing : missing.slice(0, MISSING_SHOWN);
    items.push(
      h(
        'ul',
        { class: 'missing-list', 'aria-labelledby': 'missing-title' },
        ...shown.map((m) =>
          h(
            'li',
            { class: m.error ? 'missing-error' : 'missing-todo' },
            h('button', { type: 'button', class: 'btn btn-link', onclick: () => focusInput(m.ref) }, m.text),
          ),
        ),
      ),
    );
    if (missing.length > MISSING_SHOWN) {
      items.push(
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-link missing-more',
            'aria-expanded': String(allMissingShown),
            onclick: () => {
              allMissingShown = !allMissingShown;
              update();
            },
          },
          allMissingShown ? 'Thu gọn danh sách' : `Hiện cả ${missing.length} mục`,
        ),
      );
    }
  }
  if (ev.general.length > 0) {
    items.push(
      h(
        'ul',
        { class: 'general', 'aria-label': 'Phát hiện khác' },
        ...ev.general.map((f) => h('li', { class: f.blocking ? 'm m-error' : 'm m-warning' }, f.text)),
      ),
    );
  }
  const sig = items.map((i) => `${i.className}|${i.textContent}`).join('\n');
  if (summary.dataset.sig === sig) return;
  // Keep the keyboard where it was when the list is rebuilt.
  const focusedText = summary.contains(document.activeElement) ? document.activeElement?.textContent : null;
  summary.dataset.sig = sig;
  replace(summary, ...items);
  if (focusedText) {
    const again = Array.from(summary.querySelectorAll<HTMLElement>('button')).find((b) => b.textContent === focusedText);
    (again ?? summary).focus();
  }
}

/** Open the field of a criterion (its group unfolded, the filter off if it hides it) and put the caret in it. */
function focusInput(ref: InputRef): void {
  const sec = sections.find((x) => x.el.contains(ref.input));
  if (sec && sec.body.hidden) sec.toggle.click();
  if (ref.input.closest('[hidden]')) {
    onlyMissing = false;
    filterBox.checked = false;
    update();
  }
  ref.input.focus();
  ref.input.scrollIntoView({ block: 'center' });
}

/** «Đến tiêu chí»: the criterion of that code (a group's code leads to its first criterion). */
function jumpTo(text: string): void {
  const code = text.trim().toLocaleUpperCase('vi');
  if (!code || !state) return;
  const s = state;
  const leaf = [...leaves.values()].find((l) => l.criterion.code.toLocaleUpperCase('vi') === code);
  const target =
    leaf ??
    [...leaves.values()].find((l) =>
      isUnder(s, l.criterion.code, s.criteria.find((c) => c.code.toLocaleUpperCase('vi') === code)?.code ?? ''),
    );
  if (!target?.inputs[0]) {
    setText(jumpMsg, `Không có tiêu chí mã «${text.trim()}». Gõ mã như trong biểu mẫu, ví dụ ${leaves.keys().next().value ?? 'X1.1'}.`);
    return;
  }
  setText(jumpMsg, '');
  focusInput(target.inputs[0]);
}

function showMore(open: boolean): void {
  more.hidden = !open;
  moreButton.setAttribute('aria-expanded', String(open));
  setText(moreButton, open ? 'Thu gọn' : 'Chi tiết');
  reasonShown();
}

/** The reason is shown with the details, and while the blocked button has the keyboard focus. */
function reasonShown(): void {
  const blocked = submitButton.getAttribute('aria-disabled') === 'true' && !submitButton.hidden;
  reason.hidden = !(!more.hidden || (blocked && document.activeElement === submitButton));
}

/** The focused field is never under the sticky bar; the blocked button shows its reason while focused. */
function keepFocusVisible(): void {
  keepFocusClearOf(bar);
  submitButton.addEventListener('focus', reasonShown);
  submitButton.addEventListener('blur', reasonShown);
}

// Edits made in the sheet show up when the sidebar gets the focus back (and with "Làm mới").
let lastFocusLoad = Date.now();
window.addEventListener('focus', () => {
  if (!state || overrides.size > 0 || queue.busy || Date.now() - lastFocusLoad < 5000) return;
  lastFocusLoad = Date.now();
  queue
    .push(() => call('scorerState'))
    .then(applyState)
    .catch(() => undefined);
});

void load();
