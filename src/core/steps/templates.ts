// «Tạo biểu mẫu chấm điểm» as decisions: for each unit, create its file, keep it, report it stale,
// upgrade it, or skip it and say why. The back-ends find out what exists (a file on disk, a Drive
// record) and do what this returns; the status and link they write come from `templatesWrites`.
import type { Control } from '../control';
import { Finding, Grid, STATUS, Unit } from '../types';
import { SHEETS, UNIT_COLUMNS } from '../schema';
import { FOREIGN_FILE_FINDINGS, layoutOptions, readUnitSheet, STALE_FINDINGS } from '../unit-sheet';
import { wantsRecreate } from '../status';
import { linkUpdate, statusWithFile, UnitUpdate, UnitWrites, unitWrites } from './plan';

/** What a back-end knows of a unit's file for the control's year. */
export type FileState =
  | { state: 'none' }
  /**
   * The file exists; `grid` is its `Chấm điểm` when the back-end read it (offline), else undefined;
   * `meta` its hidden sheet `Thông tin biểu mẫu` when read.
   */
  | { state: 'ok'; link: string; grid?: Grid | null; meta?: Grid }
  | { state: 'trashed' | 'gone'; link: string };

export type TemplateAction =
  | { kind: 'create' }
  | { kind: 'keep' }
  | { kind: 'upgrade'; message: string }
  | { kind: 'stale'; message: string }
  | { kind: 'skip'; message: string };

/** Control findings of a unit that make it unsafe to give it a file (it would be the wrong one). */
const UNSAFE = new Set(['unknown-rubric', 'missing-unit-code', 'duplicate-unit', 'missing-unit-name']);
/** Told with the unit it stops (the skip message), not again on its own. */
export const stopsUnit = (f: Finding) => !!f.unitCode && UNSAFE.has(f.code);

const label = (u: Unit) => `${u.name} (${u.code})`;

export function planTemplateUnit(control: Control, unit: Unit, file: FileState, opts: { upgrade?: boolean } = {}): TemplateAction {
  const where = label(unit);
  const unsafe = control.findings.filter((f) => f.unitCode === unit.code && UNSAFE.has(f.code));
  if (unsafe.length) return { kind: 'skip', message: `${where}: chưa tạo biểu mẫu — ${unsafe.map((f) => f.message).join(' ')}` };
  const rubric = control.rubrics[unit.rubricId];
  if (!rubric) {
    return {
      kind: 'skip',
      message: `${where}: chưa tạo biểu mẫu — bộ tiêu chí «${unit.rubricId}» đang có lỗi (xem sheet «${SHEETS.criteria}»).`,
    };
  }
  if (file.state === 'none') return { kind: 'create' };
  if (file.state !== 'ok') {
    if (wantsRecreate(unit)) return { kind: 'create' };
    const why =
      file.state === 'trashed'
        ? `tệp biểu mẫu «${file.link}» đang nằm trong Thùng rác`
        : `không tìm thấy tệp biểu mẫu «${file.link}» (đã bị xóa, di chuyển hoặc không còn quyền truy cập)`;
    return {
      kind: 'skip',
      message:
        `${where}: ${why}; công cụ không tạo lại để tránh mất điểm đã nhập. Hãy khôi phục tệp về đúng chỗ, ` +
        `hoặc ghi «${STATUS.recreate}» vào cột «${UNIT_COLUMNS.status}» của đơn vị này rồi chạy lại để tạo biểu mẫu mới.`,
    };
  }
  if (file.grid === undefined) return { kind: 'keep' };
  if (file.grid === null) {
    return {
      kind: 'skip',
      message: `${where}: tệp «${file.link}» không còn sheet «${SHEETS.scoring}» (bị đổi tên hoặc xóa?); tệp được giữ nguyên, hãy đặt lại tên sheet.`,
    };
  }
  const read = readUnitSheet(file.grid, unit, rubric, layoutOptions(control.settings, rubric), file.meta);
  const wrong = read.findings.find((f) => FOREIGN_FILE_FINDINGS.has(f.code));
  if (wrong) {
    return {
      kind: 'skip',
      message: `${wrong.message} Tệp «${file.link}» được giữ nguyên; muốn tạo biểu mẫu mới cho đơn vị, ghi «${STATUS.recreate}» vào cột «${UNIT_COLUMNS.status}» sau khi đã lưu lại điểm cần giữ.`,
    };
  }
  const stale = read.findings.find((f) => STALE_FINDINGS.has(f.code));
  if (!stale) return { kind: 'keep' };
  return opts.upgrade ? { kind: 'upgrade', message: stale.message } : { kind: 'stale', message: stale.message };
}

/** What a back-end did for a unit: the link of its file (created or kept). */
export type TemplateDone = Map<string, { link: string }>;

/** Status and link of every unit that has a file now, plus the move to the control's year. */
export function templatesWrites(control: Control, done: TemplateDone): UnitWrites & { findings: Finding[] } {
  const own = new Map<string, Omit<UnitUpdate, 'code'>>();
  const findings: Finding[] = [];
  for (const u of control.units) {
    const d = done.get(u.code);
    if (!d) continue;
    // «Tạo lại» asks for a new file in place of a lost one: its link replaces the old one.
    const { link, finding } = wantsRecreate(u) ? { link: d.link, finding: undefined } : linkUpdate(u, d.link);
    if (finding) findings.push(finding);
    const status = statusWithFile(u.status);
    if (status !== undefined || link !== undefined) own.set(u.code, { status, link });
  }
  return { ...unitWrites(control, own), findings };
}

export interface TemplatesCounts {
  total: number;
  created: number;
  kept: number;
  upgraded: number;
  stale: number;
  skipped: number;
}

/**
 * "32/33 đơn vị đã có biểu mẫu; 1 đơn vị có biểu mẫu nhưng chưa chia sẻ được cho người chấm": a
 * file counts once its scorer was given it (`unshared`: Google files not shared yet).
 */
export function readyLine(ready: number, total: number, unshared = 0): string {
  return (
    `${ready - unshared}/${total} đơn vị đã có biểu mẫu` +
    (unshared > 0 ? `; ${unshared} đơn vị có biểu mẫu nhưng chưa chia sẻ được cho người chấm` : '')
  );
}

/** The closing line of the command line's run (and its `Nhật ký` row). */
export function templatesSummary(c: TemplatesCounts): string {
  const parts = [readyLine(c.created + c.kept + c.upgraded + c.stale, c.total), `tạo mới ${c.created}`, `giữ nguyên ${c.kept + c.stale}`];
  if (c.upgraded) parts.push(`nâng cấp ${c.upgraded}`);
  if (c.stale) parts.push(`${c.stale} biểu mẫu theo bộ tiêu chí cũ`);
  parts.push(`bỏ qua ${c.skipped} đơn vị`);
  return `${parts.join('; ')}.`;
}
