// «Đính kèm tệp» under a criterion's `Minh chứng` in the scorer sidebar: the file's type and size
// are checked here first (the same words as the server, which checks again), then it is read as
// base64 and sent to scorerAttachEvidence; the server answers with the new state (the link is in
// `Minh chứng`). One upload at a time per criterion; the control is disabled while the field is.
import type { EvidenceUpload, ScorerState } from '../gas/api';
import { EVIDENCE_ACCEPT, evidenceFileRefusal } from '../core/evidence-upload';
import { h, setText, uid } from './dom';
import { ServerError } from './rpc';

export interface EvidenceAttachHooks {
  /** Send the file through the sidebar's call queue. */
  send(upload: EvidenceUpload): Promise<ScorerState>;
  /** Show the server's new state. */
  apply(state: ScorerState): void;
  /** Text typed in `Minh chứng` and not saved yet: attaching would overwrite it. */
  unsaved(): boolean;
}

export interface EvidenceAttach {
  el: HTMLElement;
  /** Enabled only while the scorer may edit `Minh chứng`. */
  setEnabled(enabled: boolean): void;
}

/** Base64 of a file's bytes (FileReader's data URL without its «data:…;base64,» head). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(new Error(`Không đọc được tệp «${file.name}» trên máy; hãy chọn lại tệp.`));
    reader.readAsDataURL(file);
  });
}

export function evidenceAttach(code: string, hooks: EvidenceAttachHooks): EvidenceAttach {
  const id = uid('file');
  const msgId = uid('msg');
  const input = h('input', {
    id,
    type: 'file',
    class: 'sr-only ev-file',
    accept: EVIDENCE_ACCEPT,
    'aria-describedby': msgId,
  });
  const label = h(
    'label',
    { for: id, class: 'btn btn-small ev-attach' },
    'Đính kèm tệp',
    h('span', { class: 'sr-only' }, ` cho tiêu chí ${code}`),
  );
  const msg = h('div', { class: 'msg ev-attach-msg', id: msgId, 'aria-live': 'polite' });
  const el = h('div', { class: 'ev-attach-row' }, input, label, msg);
  let busy = false;
  let enabled = true;
  const sync = () => {
    // Not offered at all where `Minh chứng` is read-only (submitted, locked); disabled while sending.
    el.hidden = !enabled;
    input.disabled = busy || !enabled;
    input.readOnly = input.disabled;
    label.classList.toggle('is-disabled', input.disabled);
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again
    if (!file || busy) return;
    msg.classList.remove('msg-error');
    const refusal = hooks.unsaved()
      ? 'Ô «Minh chứng» đang có nội dung chưa lưu; hãy lưu (nhấn Enter) trước khi đính kèm tệp.'
      : evidenceFileRefusal(file.name, file.size);
    if (refusal) {
      msg.classList.add('msg-error');
      setText(msg, refusal);
      return;
    }
    busy = true;
    sync();
    setText(msg, `Đang tải lên «${file.name}»…`);
    readBase64(file)
      .then((base64) => hooks.send({ code, name: file.name, base64 }))
      .then((s) => {
        setText(msg, `Đã đính kèm «${file.name}»; liên kết đã ghi vào ô Minh chứng.`);
        hooks.apply(s);
      })
      .catch((e: unknown) => {
        msg.classList.add('msg-error');
        setText(msg, e instanceof ServerError || e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        busy = false;
        sync();
      });
  });

  return {
    el,
    setEnabled(on: boolean) {
      enabled = on;
      sync();
    },
  };
}
