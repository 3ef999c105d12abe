// Scorer sidebar (unit spreadsheet): enter Tự chấm / Thẩm định / Minh chứng per criterion, see
// errors and the provisional total at once, submit.
import type { EntryField, ScorerCriterion, ScorerState } from '../gas/api';
import { call, CallQueue } from './rpc';
import { append, externalLink, h, replace, setText, uid } from './dom';
import { urlsIn } from './escape';
import { displayScore, formatNumber, normalizeScoreInput, sameScore } from './number';
import { evaluate, fieldKey, type Evaluation, type Overrides, type ShownFinding } from './scorer-model';
import { T, count } from './labels';

type ScoreField = 'self' | 'appraised';
const isScoreField = (f: EntryField): f is ScoreField => f === 'self' || f === 'appraised';

interface InputRef {
  code: string;
  field: EntryField;
  input: HTMLInputElement;
  msg: HTMLElement;
  wrap: HTMLElement;
  links?: HTMLElement;
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
  h('div', { class: 'head-row head-status' }, h('span', { class: 'chips' }, statusChip, deadlineText), saveStatus),
);

const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
const alertBox = h('div', { class: 'alert', role: 'alert', hidden: true });
const summary = h('section', { class: 'summary', 'aria-label': 'Tình trạng kiểm tra dữ liệu', 'aria-live': 'polite', tabindex: '-1' });
const tree = h('main', { class: 'tree', 'aria-label': 'Danh sách tiêu chí' });

const totalLine = h('p', { class: 'total-line', 'aria-live': 'polite' });
const breakdown = h('p', { class: 'breakdown' });
const reason = h('p', { class: 'reason', id: 'submit-reason' });
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
const actions = h('div', { class: 'actions' }, submitButton, reopenButton);
const bar = h('footer', { class: 'bar' }, totalLine, breakdown, reason, actions, confirmBox);

replace(app, header, alertBox, notice, summary, tree, bar);
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
  if (submitButton.disabled || !state || state.locked) return;
  confirming = true;
  update();
  confirmYes.focus();
}

function closeConfirm(restoreFocus: boolean): void {
  confirming = false;
  update();
  if (restoreFocus && !submitButton.disabled) submitButton.focus();
}

async function submit(): Promise<void> {
  if (submitting) return;
  submitting = true;
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
function setSaving(s: 'busy' | 'idle' | 'failed'): void {
  window.clearTimeout(savedTimer);
  saveStatus.className = `save-status save-${s}`;
  if (s === 'busy') setText(saveStatus, T.saving);
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
  const when = s.submittedAt ? ` lúc ${s.submittedAt}` : '';
  const who = s.submittedBy ? ` (${s.submittedBy})` : '';
  const head = `Đã nộp kết quả${when}${who}.`;
  if (s.sheetLocked) return `${head} Các ô nhập đã khóa.`;
  if (!s.canAppraise) return `${head} Ô nhập sẽ được khóa khi cơ quan quản lý cập nhật tiến độ; mọi sửa đổi sau khi nộp sẽ bị phát hiện.`;
  return `${head} Thanh bên không nhận sửa điểm tự chấm, minh chứng, ghi chú.`;
}

// ---------------------------------------------------------------------------------------------
// Building the tree (once per rubric)

function applyState(s: ScorerState): void {
  state = s;
  const key = JSON.stringify([
    s.canAppraise,
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
    const toggle = h(
      'button',
      { type: 'button', class: 'section-toggle', 'aria-expanded': 'true', 'aria-controls': bodyId },
      h('span', { class: 'chevron', 'aria-hidden': 'true' }),
      g.code ? h('span', { class: 'code' }, g.code) : null,
      h('span', { class: 'section-title' }, g.title),
      h('span', { class: 'section-side' }, sub, badge),
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
    sections.push({ key: g.key, kind: g.kind, codes: g.items.map((c) => c.code), max, el, toggle, body, sub, badge, msgs });
    nodes.push(el);
  }
  replace(tree, ...nodes);
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
      h('label', { for: id }, label),
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
    h('label', { for: evId }, T.evidence, c.evidenceRequired ? h('span', { class: 'req' }, ' (bắt buộc)') : null),
    evInput,
    links,
    evMsg,
  );
  refs.push({ code: c.code, field: 'evidence', input: evInput, msg: evMsg, wrap: evWrap, links });

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
    evWrap,
    leafMsgs,
  );

  for (const ref of refs) {
    const key = fieldKey(ref.code, ref.field);
    inputs.set(key, ref);
    ref.input.addEventListener('input', () => onType(ref));
    ref.input.addEventListener('change', () => void commit(ref));
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
  if (field === 'appraised') return s.canAppraise;
  return !s.locked;
}

function renderMessages(box: HTMLElement, list: ShownFinding[], extra?: string): void {
  const items = list.map((f) =>
    h(
      'p',
      { class: f.finding.code === 'blank-score' ? 'm m-hint' : f.blocking ? 'm m-error' : 'm m-warning' },
      f.blocking && f.finding.code !== 'blank-score' ? h('span', { class: 'sr-only' }, `${T.error}: `) : null,
      !f.blocking ? h('span', { class: 'sr-only' }, `${T.warning}: `) : null,
      f.text,
    ),
  );
  if (extra) items.push(h('p', { class: 'm m-error' }, extra));
  const text = items.map((i) => i.textContent).join('\n');
  if (box.dataset.text === text) return;
  box.dataset.text = text;
  replace(box, ...items);
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
  setText(deadlineText, s.deadline ? `${T.deadline}: ${s.deadline}` : '');
  app.classList.toggle('is-locked', s.locked);

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
    if (canEdit) ref.input.removeAttribute('aria-readonly');
    else ref.input.setAttribute('aria-readonly', 'true');
    ref.input.placeholder = canEdit && ref.field === 'evidence' ? 'Dán liên kết hoặc ghi số, tên văn bản' : '';
    const list = ev.byField.get(key) ?? [];
    const invalid = list.some((f) => f.blocking && f.finding.code !== 'blank-score') || saveErrors.has(key);
    ref.input.setAttribute('aria-invalid', String(invalid));
    ref.wrap.classList.toggle('has-error', invalid);
    ref.wrap.classList.toggle('is-dirty', typed !== undefined);
    renderMessages(ref.msg, s.locked && !canEdit ? list.filter((f) => f.finding.code !== 'blank-score') : list, saveErrors.get(key));
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
      errs += list.filter((f) => f.blocking && f.finding.code !== 'blank-score').length;
    }
    for (const [code, list] of ev.byCriterion) if (isInSection(s, sec, code)) errs += list.filter((f) => f.blocking).length;
    sec.badge.hidden = errs === 0;
    setText(sec.badge, errs ? count(errs, 'lỗi') : '');
    sec.el.classList.toggle('section-error', errs > 0);
    if (sec.kind !== 'score') renderMessages(sec.msgs, []);
  }

  // Summary of findings.
  renderSummary(s, ev);

  // Bottom bar.
  const levelName = ev.level ?? T.notClassified;
  replace(
    totalLine,
    `${T.total}: `,
    h('strong', { class: 'total-number' }, out(ev.score.total)),
    '/100 — ',
    h('span', { class: 'level' }, levelName),
  );
  const parts = [
    `Điểm tiêu chí ${out(ev.score.base)}`,
    `thưởng +${out(ev.score.bonus)}`,
    ev.score.penalty > 0 ? `trừ −${out(ev.score.penalty)}` : 'trừ 0',
  ];
  if (ev.score.appraised) parts.push(`tự chấm ${out(ev.score.selfTotal)}`);
  setText(breakdown, `${parts.join(' · ')}${s.locked ? '' : ' (tạm tính)'}`);

  const otherErrors = ev.errors - ev.blank;
  let why = '';
  if (s.locked) {
    why = s.canAppraise
      ? 'Đã nộp — cột «Thẩm định» vẫn nhập được.'
      : s.sheetLocked
        ? 'Đã nộp — biểu chấm điểm đã khóa.'
        : 'Đã nộp — thanh bên không nhận sửa đổi.';
  } else if (submitting) why = 'Đang nộp kết quả…';
  else if (ev.blank > 0 && otherErrors > 0)
    why = `Chưa nộp được: còn ${ev.blank} tiêu chí chưa chấm và ${count(otherErrors, 'lỗi')} cần sửa.`;
  else if (ev.blank > 0) why = `Chưa nộp được: còn ${ev.blank} tiêu chí chưa chấm điểm.`;
  else if (otherErrors > 0) why = `Chưa nộp được: còn ${count(otherErrors, 'lỗi')} cần sửa.`;
  else if (saveErrors.size > 0) why = 'Chưa nộp được: có ô chưa lưu được, hãy thử lại.';
  else if (ev.warnings > 0) why = `Có ${count(ev.warnings, 'cảnh báo')}; vẫn nộp được.`;
  else why = 'Dữ liệu hợp lệ, có thể nộp kết quả.';
  setText(reason, why);
  reason.className = `reason ${s.locked ? 'reason-done' : ev.errors > 0 || saveErrors.size > 0 ? 'reason-block' : 'reason-ok'}`;

  const blocked = s.locked || submitting || ev.errors > 0 || saveErrors.size > 0;
  submitButton.disabled = blocked;
  submitButton.hidden = s.locked;
  reopenButton.hidden = !(s.locked && s.canAppraise);
  confirmBox.hidden = !(confirming && !blocked);
  actions.hidden = !confirmBox.hidden;
}

function isInSection(s: ScorerState, sec: SectionRef, code: string): boolean {
  let c = s.criteria.find((x) => x.code === code);
  while (c && c.parent !== null) {
    const parent = c.parent;
    c = s.criteria.find((x) => x.code === parent);
  }
  return !!c && sec.codes.includes(c.code);
}

function renderSummary(s: ScorerState, ev: Evaluation): void {
  const items: HTMLElement[] = [];
  const other = ev.errors - ev.blank;
  const facts: string[] = [];
  if (other > 0) facts.push(count(other, 'lỗi'));
  if (ev.blank > 0) facts.push(`${ev.blank} tiêu chí chưa chấm`);
  if (ev.warnings > 0) facts.push(count(ev.warnings, 'cảnh báo'));
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
  } else if (facts.length === 0) {
    items.push(h('p', { class: 'summary-line summary-ok' }, 'Không có lỗi. Kiểm tra lại minh chứng trước khi nộp.'));
  } else {
    items.push(h('p', { class: `summary-line ${other > 0 ? 'summary-error' : 'summary-todo'}` }, `Kiểm tra dữ liệu: ${facts.join(' · ')}`));
    const first = firstProblem(ev);
    if (first) {
      items.push(
        h(
          'button',
          { type: 'button', class: 'btn btn-link', onclick: () => focusInput(first) },
          other > 0 ? 'Đến lỗi đầu tiên' : 'Đến tiêu chí chưa chấm',
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
  const sig = items.map((i) => i.textContent).join('\n');
  if (summary.dataset.sig === sig) return;
  summary.dataset.sig = sig;
  replace(summary, ...items);
}

/** The input of the first error (else of the first criterion not scored yet), in page order. */
function firstProblem(ev: Evaluation): InputRef | null {
  let blankRef: InputRef | null = null;
  for (const leaf of leaves.values()) {
    for (const field of ['self', 'appraised', 'evidence', 'note'] as const) {
      const key = fieldKey(leaf.criterion.code, field);
      const ref = inputs.get(key) ?? leaf.inputs[0];
      const list = ev.byField.get(key) ?? [];
      if (list.some((f) => f.blocking && f.finding.code !== 'blank-score')) return ref;
      if (!blankRef && list.some((f) => f.finding.code === 'blank-score')) blankRef = ref;
    }
  }
  return blankRef;
}

function focusInput(ref: InputRef): void {
  const sec = sections.find((x) => x.el.contains(ref.input));
  if (sec && sec.body.hidden) sec.toggle.click();
  ref.input.focus();
  ref.input.scrollIntoView({ block: 'center' });
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
