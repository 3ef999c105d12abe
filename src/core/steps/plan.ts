// What every step function shares: the step names users read, the findings that stop a step before
// it does anything, and the writes to `Đơn vị` (status, link, their year) and `Trạng thái các năm`.
import type { Control } from '../control';
import { Finding, STATUS } from '../types';
import { SHEETS } from '../schema';
import { archiveOtherYears, HistoryRow } from '../years';
import { AcceptanceCells, acceptanceCells } from '../acceptance';

export type StepName =
  'setup' | 'templates' | 'progress' | 'validate' | 'rank' | 'report' | 'decision' | 'submit' | 'reopen' | 'remind' | 'status' | 'explain';

/** The steps as users read them: menu, sidebar, `Nhật ký`, command line. */
export const STEP_LABELS: Record<StepName, string> = {
  setup: 'Thiết lập bảng điều khiển',
  templates: 'Tạo biểu mẫu chấm điểm',
  progress: 'Theo dõi tiến độ',
  validate: 'Kiểm tra dữ liệu',
  rank: 'Tổng hợp & xếp hạng',
  report: 'Tạo báo cáo',
  decision: 'Tạo quyết định xếp loại',
  submit: 'Nộp kết quả',
  reopen: 'Mở lại',
  remind: 'Nhắc đơn vị chưa nộp',
  status: 'Chuyển trạng thái',
  explain: 'Gửi giải trình',
};

/** Control findings meaning a rule could not be read: a ranking or a document would be silently wrong. */
const RULE_ERRORS = new Set(['missing-sheet', 'missing-column', 'rubric', 'levels', 'settings', 'year']);
const NEEDS_RULES = new Set<StepName>(['rank', 'report', 'decision']);

/**
 * The control workbook's errors that stop `step` before it reads or writes anything: without a
 * valid `Năm` no step knows which year's files and statuses it works on; without readable rules
 * (`Cấu hình`, `Tiêu chí`, `Xếp loại`) no ranking and no document.
 */
export function stepBlockers(control: Control, step: StepName): Finding[] {
  if (step === 'setup') return [];
  const controlErrors = control.findings.filter((f) => f.severity === 'Lỗi' && !f.unitCode);
  if (NEEDS_RULES.has(step)) return controlErrors.filter((f) => RULE_ERRORS.has(f.code));
  if (control.settings.year) return [];
  return controlErrors.filter((f) => f.code === 'year' || f.sheet === SHEETS.config);
}

/** The sentence that says why a step did not run. */
export function blockedMessage(step: StepName, blockers: Finding[]): string {
  return `Chưa thực hiện «${STEP_LABELS[step]}» vì bảng điều khiển có lỗi cần sửa trước:\n${blockers.map((f) => `  - ${f.message}`).join('\n')}`;
}

/** New values for a unit's tool-written columns in `Đơn vị` (absent: left as it is). */
export interface UnitUpdate extends Partial<AcceptanceCells> {
  code: string;
  status?: string;
  link?: string;
  /** The year `Trạng thái` and `Liên kết` now belong to (`Năm của trạng thái`). */
  statusYear?: number;
  /** The explanation round (`Hạn giải trình`, `Giải trình lúc`; '' clears). */
  explainBy?: Date | string;
  explainedAt?: Date | string;
  /** `Mã kiểm tra khi trả lại` ('' clears). */
  returnedCheck?: string;
  /** `Trạng thái đã ghi`: the status written (the tool's own record, for checking a status typed over it). */
  recordedStatus?: string;
}

/** The columns of `Đơn vị` a step writes (both back-ends, each found by header and added when missing). */
export const UNIT_WRITE_KEYS = [
  'status',
  'link',
  'statusYear',
  'acceptedAt',
  'acceptedBy',
  'acceptedCheck',
  'locked',
  'explainBy',
  'explainedAt',
  'returnedCheck',
  'recordedStatus',
] as const;

export interface UnitWrites {
  updates: UnitUpdate[];
  /** The whole `Trạng thái các năm` table to write, or null when it does not change. */
  history: HistoryRow[] | null;
}

/**
 * A step's own changes plus the move to the control's year: a row still holding another year's
 * status and link gets this year's (blank, or what `Trạng thái các năm` remembers), and the
 * other year's go to that sheet. Every written row says which year its values belong to.
 */
export function unitWrites(control: Control, own: Map<string, Omit<UnitUpdate, 'code'>> = new Map()): UnitWrites {
  const year = control.settings.year;
  const updates: UnitUpdate[] = [];
  for (const u of control.units) {
    const given = own.get(u.code);
    // Keys left undefined change nothing (they must not hide the move to the control's year).
    const mine = given && (Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Omit<UnitUpdate, 'code'>);
    if (!mine && !u.otherYear) continue;
    // Another year's row: this year's values, the round's record cleared (it was the other year's).
    const cleared = u.otherYear?.roundRecord ? { explainBy: '', explainedAt: '', returnedCheck: '', recordedStatus: '' } : {};
    const switched = u.otherYear ? { status: u.status, link: u.link, ...acceptanceCells(u.accepted), ...cleared } : {};
    const recorded = mine?.status !== undefined && mine.recordedStatus === undefined ? { recordedStatus: mine.status } : {};
    updates.push({ code: u.code, ...switched, ...mine, ...recorded, statusYear: year });
  }
  return { updates, history: archiveOtherYears(control.history, control.units) };
}

/** `Liên kết` of a unit whose file the back-end knows: filled when blank, never overwritten. */
export function linkUpdate(unit: Control['units'][number], known: string): { link?: string; finding?: Finding } {
  if (!known || unit.link === known) return {};
  if (!unit.link) return { link: known };
  return {
    finding: {
      severity: 'Cảnh báo',
      unitCode: unit.code,
      sheet: SHEETS.units,
      cell: unit.row ? `dòng ${unit.row}` : undefined,
      code: 'link-changed',
      link: known,
      message:
        `${unit.name} (${unit.code}): ô «Liên kết» ghi «${unit.link}», khác tệp biểu mẫu công cụ đã tạo cho đơn vị (${known}). ` +
        'Công cụ vẫn đọc tệp đã tạo và không ghi đè ô này; nếu ô bị sửa nhầm, hãy chép lại đường liên kết đúng.',
    },
  };
}

/** The status a unit gets once its file exists: only a blank or «Tạo lại» becomes «Đã tạo biểu mẫu». */
export function statusWithFile(status: string): string | undefined {
  return !status || status === STATUS.recreate ? STATUS.created : undefined;
}
