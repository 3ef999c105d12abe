// The hidden sheet `Thông tin biểu mẫu` of a unit file: key/value rows. The first rows come from
// the layout (unit code, rubric, fingerprint, embedded rubric…); the add-on adds what the scorer's
// sidebar needs without the control spreadsheet, and where a submission is recorded.
import type { Cell, Grid, Level, Unit } from '../core/types';
import type { Settings } from '../core/config';
import type { LayoutOptions, UnitSheetLayout } from '../core/unit-sheet';
import { META_COLUMNS } from '../core/schema';
import { formatDateShort } from '../core/format';
import { readTable } from '../core/table';
import { cellText, normalizeHeader } from '../core/text';

export const EXTRA_META = {
  group: 'Nhóm',
  deadline: 'Hạn nộp',
  scoring: 'Cấu hình chấm điểm (dữ liệu)',
  /**
   * Who may read the evidence a scorer attaches (e-mails, separated by «,»): the administrator (the
   * owner of every unit file) and the appraisal team of `Cấu hình` (`Email tổ thẩm định`). Written
   * with the unit's other values, so a change of the team reaches the files made after it; a file
   * made before this row has none.
   */
  evidenceReaders: 'Người xem minh chứng',
  submittedAt: 'Thời điểm nộp',
  submittedBy: 'Người nộp',
  /** Fingerprint of the inputs at submission (also in the status line the collection reads). */
  submittedCheck: 'Mã kiểm tra khi nộp',
} as const;

/** What the scorer's sidebar needs to score without the control spreadsheet. */
export interface EmbeddedScoring {
  step: number;
  bonusCap: number;
  levels: Level[];
}

/** Every row of the meta sheet, header first. Rows 2… up to `scoring` are written per unit. */
export function metaGrid(layout: UnitSheetLayout, unit: Unit, settings: Settings, opts: LayoutOptions, owner = ''): Grid {
  const scoring: EmbeddedScoring = { step: opts.step, bonusCap: opts.bonusCap, levels: settings.scoring.levels };
  return [
    [META_COLUMNS.key, META_COLUMNS.value],
    ...layout.meta.map(([k, v]) => [k, v] as Cell[]),
    [EXTRA_META.group, unit.group],
    [EXTRA_META.deadline, settings.deadline ? formatDateShort(settings.deadline) : ''],
    [EXTRA_META.scoring, JSON.stringify(scoring)],
    [EXTRA_META.evidenceReaders, [owner, ...settings.appraisers].filter(Boolean).join(', ')],
    [EXTRA_META.submittedAt, ''],
    [EXTRA_META.submittedBy, ''],
    [EXTRA_META.submittedCheck, ''],
  ];
}

/** The submission rows at the end of the meta sheet (writable by the scorer). */
export const SUBMISSION_META_ROWS = 3;

/** Number of meta rows (after the header) written for each unit: everything before the submission rows. */
export const perUnitMetaRows = (grid: Grid) => grid.length - 1 - SUBMISSION_META_ROWS;

/** Meta sheet values by key. */
export function metaValues(grid: Grid | undefined): Map<string, { value: Cell; row: number }> {
  const out = new Map<string, { value: Cell; row: number }>();
  if (!grid) return out;
  for (const r of readTable(grid, META_COLUMNS).rows) out.set(normalizeHeader(r.key), { value: r.value, row: r.row });
  return out;
}

export const metaText = (m: Map<string, { value: Cell; row: number }>, key: string) => cellText(m.get(normalizeHeader(key))?.value ?? null);
