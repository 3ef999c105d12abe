// What the scorer sidebar shows of the appraisal round, read-only: the deadlines with the days
// left (computed by the server), and under each criterion the appraisers' reason. Kept apart from
// scorer.ts, which hooks it in with a few lines. Text only (dom.ts `h`): never markup.
import type { ScorerState } from '../gas/api';
import { h, replace } from './dom';

/** The deadline lines, under the unit's name. */
export const deadlinesBox = h('ul', { class: 'deadlines', 'aria-label': 'Thời hạn', hidden: true });

/** The appraisal box of each leaf, by code (rebuilt with the tree). */
const boxes = new Map<string, HTMLElement>();

/** An empty box under a criterion's scores, filled by `renderAppraisals`. */
export function appraisalBox(code: string): HTMLElement {
  const box = h('div', { class: 'appraisal-note', role: 'note', hidden: true });
  boxes.set(code, box);
  return box;
}

export function renderDeadlines(lines: ScorerState['deadlines']): void {
  const sig = lines.map((l) => `${l.overdue}|${l.text}`).join('\n');
  if (deadlinesBox.dataset.sig === sig) return;
  deadlinesBox.dataset.sig = sig;
  replace(deadlinesBox, ...lines.map((l) => h('li', { class: `deadline-line${l.overdue ? ' deadline-overdue' : ''}` }, l.text)));
  deadlinesBox.hidden = lines.length === 0;
}

/** Under each appraised criterion: the appraised score when it differs, and the reason. */
export function renderAppraisals(s: Pick<ScorerState, 'appraisals' | 'entries'>): void {
  for (const [code, box] of boxes) {
    if (!box.isConnected) {
      boxes.delete(code);
      continue;
    }
    const a = s.appraisals[code];
    const lines: HTMLElement[] = [];
    if (a?.differs) {
      const self = (s.entries[code]?.self ?? '').trim();
      lines.push(
        h(
          'p',
          { class: 'appraisal-score' },
          'Điểm thẩm định ',
          h('strong', {}, a.appraised),
          self ? ` khác điểm tự chấm ${self.replace('.', ',')}.` : ' (đơn vị chưa tự chấm).',
        ),
      );
    }
    if (a?.reason)
      lines.push(h('p', { class: 'appraisal-reason' }, h('span', { class: 'appraisal-label' }, 'Lý do thẩm định: '), a.reason));
    else if (a?.differs) lines.push(h('p', { class: 'appraisal-reason appraisal-missing' }, 'Chưa có lý do thẩm định.'));
    const sig = lines.map((l) => l.textContent).join('\n');
    if (box.dataset.sig === sig) continue;
    box.dataset.sig = sig;
    replace(box, ...lines);
    box.hidden = lines.length === 0;
  }
}
