// Builders shared by the core tests.
import type { Cell, CriterionRow, Entries, Entry, Rubric, Unit } from '../../src/core/types';
import { parseRubrics } from '../../src/core/rubric';

export function row(rubricId: Cell, code: Cell, parent: Cell, max: Cell, kind: Cell, extra: Partial<CriterionRow> = {}): CriterionRow {
  return { rubricId, code, parent, title: `Tiêu chí ${String(code)}`, max, kind, guidance: '', evidenceRequired: '', ...extra };
}

/** Parse rows that must be valid; fails the test with the messages otherwise. */
export function rubricOf(rows: CriterionRow[], id?: string): Rubric {
  const { rubrics, errors } = parseRubrics(rows);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  const key = id ?? Object.keys(rubrics)[0];
  return rubrics[key];
}

/** The rubric of shared/checks/contract-case.json, typed inline. */
export function ktRows(): CriterionRow[] {
  return [
    row('KT', '1', '', 40, 'điểm', { title: 'Lãnh đạo, chỉ đạo' }),
    row('KT', '1.1', '1', 15, 'điểm', { title: 'Ban hành kế hoạch' }),
    row('KT', '1.2', '1', 25, 'điểm', { title: 'Tổ chức thực hiện' }),
    row('KT', '2', '', 60, 'điểm', { title: 'Cải cách hành chính' }),
    row('KT', '3', '', 5, 'thưởng', { title: 'Điểm thưởng' }),
    row('KT', '4', '', 10, 'trừ', { title: 'Điểm trừ' }),
  ];
}

/** Entries from code → self and code → appraised maps. */
export function entriesOf(self: Record<string, Cell>, appraised: Record<string, Cell> = {}): Entries {
  const out: Entries = {};
  for (const code of new Set([...Object.keys(self), ...Object.keys(appraised)])) {
    out[code] = { self: self[code] ?? null, appraised: appraised[code] ?? null, evidence: null };
  }
  return out;
}

export function entry(self: Cell, extra: Partial<Entry> = {}): Entry {
  return { self, appraised: null, evidence: null, ...extra };
}

export function unit(code: string, name: string, group = '', gates: string[] = []): Unit {
  return { code, name, type: 'xã', group, rubricId: 'KT', email: '', gates, status: 'Đã nộp', link: '' };
}
