// The explanation round in the scorer sidebar (issue 13 item 3): while the owner has returned the
// unit («Trả lại để giải trình»), each criterion shows a `Giải trình` box, `Minh chứng` stays
// editable, and «Gửi giải trình» sends the request (the owner's next collection decides). Kept
// apart from scorer.ts, which calls these few functions.
import type { EntryField, ScorerState } from '../gas/api';
import { h, uid } from './dom';

/** What the server accepts from this user now (core round-flow.ts scorerEditRefusal decides there). */
export function fieldEditable(s: ScorerState, field: EntryField): boolean {
  if (field === 'appraised') return s.canAppraise;
  if (field === 'explanation') return s.explanationOpen;
  if (field === 'evidence') return !s.locked || s.explanationOpen;
  return !s.locked;
}

/** A criterion shows the box while the round is open, or when an explanation was written. */
export const showsExplanation = (s: ScorerState, code: string) => s.explanationOpen || (s.entries[code]?.explanation ?? '') !== '';

/** The `Giải trình` box of one criterion (scorer.ts saves it like the other inputs). */
export function explanationField(code: string, titleId: string): { input: HTMLInputElement; msg: HTMLElement; wrap: HTMLElement } {
  const id = uid('in');
  const msgId = uid('msg');
  const input = h('input', {
    id,
    type: 'text',
    autocomplete: 'off',
    class: 'input input-explanation',
    'aria-describedby': `${msgId} ${titleId}`,
  });
  const msg = h('div', { class: 'msg', id: msgId, 'aria-live': 'polite' });
  const wrap = h(
    'div',
    { class: 'field field-explanation' },
    h('label', { for: id }, 'Giải trình', h('span', { class: 'sr-only' }, ` ${code}`)),
    input,
    msg,
  );
  return { input, msg, wrap };
}

/** The «Gửi giải trình» button (shown only while the round is open). */
export const explainButton = (onclick: () => void) =>
  h('button', { type: 'button', class: 'btn btn-primary', hidden: true, onclick }, 'Gửi giải trình');

/** The banner and reason line while returned, or after sending. */
export function explanationText(s: ScorerState): string | null {
  if (s.explanationOpen)
    return 'Cơ quan quản lý đã trả lại để giải trình: ghi «Giải trình» ở các tiêu chí cần giải trình (có thể bổ sung minh chứng), rồi bấm «Gửi giải trình».';
  if (s.status === 'Đã giải trình') return 'Đã gửi giải trình; cơ quan quản lý sẽ xem xét. Các ô nhập đã đóng.';
  return null;
}

export const EXPLANATION_SENT = 'Đã gửi giải trình. Cơ quan quản lý sẽ ghi nhận ở lần cập nhật tiếp theo.';
