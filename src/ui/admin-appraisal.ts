// «Xem điểm thẩm định» of the admin sidebar: pick a unit, see its criteria side by side (Tự chấm |
// Thẩm định | Lý do thẩm định), the differences highlighted, and the days left before `Hạn nộp`.
// The rows come from the server (core/appraisal-view.ts), read from the unit file in one call;
// this module only renders them, as text (dom.ts `h`: never markup). admin.ts hooks it in.
import type { AdminState, AdminUnitView } from '../gas/api';
import { call } from './rpc';
import { externalLink, h, replace, setText } from './dom';
import { T } from './labels';

const select = h('select', { id: 'appraisal-unit', class: 'input' });
const showAll = h('input', { type: 'checkbox', id: 'appraisal-all', class: 'check' });
const status = h('p', { class: 'appraisal-status', 'aria-live': 'polite' });
const result = h('div', { class: 'appraisal-result' });
let view: AdminUnitView | null = null;
let unitsSig = '';

/** The card, placed by admin.ts in the page. */
export const appraisalCard = h(
  'section',
  { class: 'card appraisal-card', 'aria-labelledby': 'appraisal-title' },
  h('h2', { class: 'block-title', id: 'appraisal-title' }, 'Xem điểm thẩm định'),
  h('label', { for: 'appraisal-unit' }, 'Đơn vị'),
  select,
  h('div', { class: 'filter' }, showAll, h('label', { for: 'appraisal-all' }, 'Hiện cả tiêu chí chưa thẩm định')),
  status,
  result,
);

select.addEventListener('change', () => void show(select.value));
showAll.addEventListener('change', () => render());

/** The unit list from the sidebar's state (kept when it did not change, so the choice stays). */
export function renderAppraisalPicker(s: AdminState | null): void {
  const units = s?.units ?? [];
  appraisalCard.hidden = units.length === 0;
  const sig = units.map((u) => `${u.code}\u0000${u.name}`).join('\n');
  if (sig === unitsSig) return;
  unitsSig = sig;
  const chosen = select.value;
  replace(
    select,
    h('option', { value: '' }, '— Chọn đơn vị —'),
    ...units.map((u) => h('option', { value: u.code, selected: u.code === chosen }, `${u.name} (${u.code})`)),
  );
}

async function show(code: string): Promise<void> {
  view = null;
  render();
  if (!code) return;
  setText(status, T.loading);
  try {
    const v = await call('adminUnitView', code);
    if (select.value !== code) return; // another unit was picked meanwhile
    view = v;
    setText(status, '');
  } catch (e) {
    setText(status, `Có lỗi: ${e instanceof Error ? e.message : String(e)}`);
  }
  render();
}

function render(): void {
  const v = view;
  if (!v) {
    replace(result);
    return;
  }
  const parts: HTMLElement[] = [];
  for (const d of v.deadlines) parts.push(h('p', { class: `deadline-line${d.overdue ? ' deadline-overdue' : ''}` }, d.text));
  if (v.url) parts.push(h('p', {}, externalLink(v.url, `Mở biểu chấm điểm của ${v.unit.name}`)));
  if (v.problem) {
    parts.push(h('p', { class: 'm m-warning' }, v.problem));
    replace(result, ...parts);
    return;
  }
  parts.push(h('p', { class: 'appraisal-summary' }, v.summary));
  const rows = showAll.checked ? v.rows : v.rows.filter((r) => r.appraised !== '' || r.differs);
  if (rows.length) {
    parts.push(
      h(
        'table',
        { class: 'appraisal-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Tiêu chí'),
            h('th', { scope: 'col', class: 'num' }, 'Tự chấm'),
            h('th', { scope: 'col', class: 'num' }, 'Thẩm định'),
            h('th', { scope: 'col' }, 'Lý do thẩm định'),
          ),
        ),
        h(
          'tbody',
          {},
          ...rows.map((r) =>
            h(
              'tr',
              { class: r.differs ? 'row-differs' : '', 'data-code': r.code },
              h('th', { scope: 'row', title: r.title }, r.code),
              h('td', { class: 'num self' }, r.self || '—'),
              h(
                'td',
                { class: 'num appraised' },
                r.appraised || '—',
                r.differs ? h('span', { class: 'sr-only' }, ' (khác điểm tự chấm)') : null,
              ),
              h(
                'td',
                { class: 'reason' },
                r.reason || (r.missingReason ? h('span', { class: 'missing-reason' }, 'Chưa ghi lý do') : ''),
                r.explanation ? h('div', { class: 'unit-explanation' }, `Giải trình của đơn vị: ${r.explanation}`) : null,
              ),
            ),
          ),
        ),
      ),
    );
  }
  replace(result, ...parts);
}

/** «Hạn nộp: còn 3 ngày (hạn 15/12/2026)» for the progress card (admin.ts), one line per deadline. */
export function deadlineLines(s: AdminState | null): HTMLElement[] {
  return (s?.deadlines ?? []).map((d) => h('p', { class: `deadline-line${d.overdue ? ' deadline-overdue' : ''}` }, d.text));
}
