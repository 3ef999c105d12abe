// The steps that read every unit file — «Theo dõi tiến độ», «Kiểm tra dữ liệu», «Tổng hợp & xếp
// hạng», «Tạo báo cáo», «Tạo quyết định xếp loại» — as one function of what the back-end read. The
// owner's collection decides each unit's status here: a scorer's «Nộp kết quả» recorded in the file
// is a request, accepted only when the unit has no blocking error.
import type { Control } from '../control';
import { Entries, Finding, Grid, RankingSummary, STATUS, Unit, UnitResult } from '../types';
import { SHEETS, UNIT_COLUMNS } from '../schema';
import { assessAll, assessUnit, UnitSource } from '../assess';
import { FOREIGN_FILE_FINDINGS, layoutOptions, readUnitSheet } from '../unit-sheet';
import { hasBlockingError } from '../validate';
import { canonicalStatus, hasEntries, isSubmitted } from '../status';
import { cellText } from '../text';
import { parseA1 } from '../gas-support';
import { STATUS_CELLS } from '../unit-sheet';
import { fingerprintIn, isReopenedLine } from '../submission-line';
import { inputsFingerprint } from '../inputs-fingerprint';
import type { ReportInput } from '../report-model';
import { blockedMessage, linkUpdate, statusWithFile, stepBlockers, UnitUpdate, UnitWrites, unitWrites } from './plan';

export type AssessStepName = 'progress' | 'validate' | 'rank' | 'report' | 'decision';

/** What the owner's collection makes of one unit's file: its new status, and what to say. */
export interface UnitDecision {
  status?: string;
  findings: Finding[];
  /** The file holds something typed (a score, evidence, a note or an appraisal). */
  entered: boolean;
  /** The owner locks the file's inputs: the unit is submitted and its file says so (not reopened there). */
  lock: boolean;
}

const label = (u: Unit) => `${u.name} (${u.code})`;

export function decideUnit(control: Control, unit: Unit, source: UnitSource | undefined): UnitDecision {
  const rubric = control.rubrics[unit.rubricId];
  if (!rubric || !source || 'missing' in source) return { findings: [], entered: false, lock: false };
  const current = canonicalStatus(unit.status);
  const read = readUnitSheet(source.grid, unit, rubric, layoutOptions(control.settings, rubric), source.meta);
  // Another unit's file (or one that no longer says whose it is): its status and inputs are not
  // this unit's; the assessment reports it.
  if (read.findings.some((f) => FOREIGN_FILE_FINDINGS.has(f.code))) return { findings: [], entered: false, lock: false };
  const entered = Object.values(read.entries).some((e) =>
    [e.self, e.evidence, e.appraised, e.note].some((v) => cellText(v ?? null) !== ''),
  );
  // A status typed wrong is reported by readControl and never overwritten.
  if (current === null) return { findings: [], entered, lock: false };
  const findings: Finding[] = [];
  const claimed = read.meta.status === STATUS.submitted;
  if (current === STATUS.submitted) {
    const changed = changedAfterSubmission(unit, source.grid, read.entries, source.link);
    if (changed) findings.push(changed);
    // Reopened in the file: `Đơn vị` decides (the file's cells can be typed by its scorer), so say
    // how to confirm it rather than take it.
    if (read.meta.status === STATUS.scoring && isReopenedLine(statusLine(source.grid))) {
      findings.push({
        severity: 'Cảnh báo',
        unitCode: unit.code,
        sheet: SHEETS.scoring,
        cell: STATUS_CELLS.text,
        code: 'reopened-in-file',
        link: source.link,
        message:
          `${label(unit)}: biểu mẫu ghi đã mở lại cho đơn vị sửa, nhưng sheet «${SHEETS.units}» vẫn ghi «${STATUS.submitted}» nên điểm vẫn được tính như đã nộp. ` +
          `Nếu đúng là mở lại, ghi «${STATUS.scoring}» vào cột «${UNIT_COLUMNS.status}» của đơn vị.`,
      });
    }
    return { findings, entered, lock: claimed };
  }
  if (claimed) {
    const asSubmitted = assessUnit(control, { ...unit, status: STATUS.submitted }, source);
    const errors = asSubmitted.findings.filter((f) => f.severity === 'Lỗi').length;
    if (!hasBlockingError(asSubmitted.findings)) return { status: STATUS.submitted, findings, entered, lock: true };
    findings.push({
      severity: 'Cảnh báo',
      unitCode: unit.code,
      sheet: SHEETS.scoring,
      code: 'submit-refused',
      link: source.link,
      message: `${label(unit)}: đơn vị đã bấm «Nộp kết quả» nhưng biểu mẫu còn ${errors} lỗi nên chưa được ghi nhận là đã nộp; đơn vị cần sửa rồi nộp lại.`,
    });
  }
  if (entered && !hasEntries(unit)) return { status: STATUS.scoring, findings, entered, lock: false };
  return { status: statusWithFile(unit.status), findings, entered, lock: false };
}

/** The visible status line of a unit sheet (where a submission is described). */
function statusLine(grid: Grid): string {
  const [r, c] = parseA1(STATUS_CELLS.text)!;
  return cellText(grid[r]?.[c] ?? null);
}

/** A Cảnh báo when the scorer's inputs differ from the fingerprint recorded at submission. */
function changedAfterSubmission(unit: Unit, grid: Grid, entries: Entries, link?: string): Finding | null {
  const recorded = fingerprintIn(statusLine(grid));
  if (!recorded) return null;
  const now = inputsFingerprint(entries);
  if (now === recorded) return null;
  return {
    severity: 'Cảnh báo',
    unitCode: unit.code,
    sheet: SHEETS.scoring,
    cell: STATUS_CELLS.text,
    code: 'changed-after-submit',
    link,
    message:
      `${label(unit)}: ô nhập (Tự chấm, Minh chứng hoặc Ghi chú) đã bị sửa sau khi đơn vị nộp kết quả ` +
      `(mã kiểm tra lúc nộp ${recorded}, hiện nay ${now}). Hãy xem lại biểu mẫu rồi quyết định: giữ điểm hiện tại, ` +
      `hoặc ghi «${STATUS.scoring}» vào cột «${UNIT_COLUMNS.status}» của đơn vị ở sheet «${SHEETS.units}» để đơn vị kiểm tra và nộp lại.`,
  };
}

export interface AssessInput {
  /** What the back-end read of each unit's file (undefined: the unit has no file this year). */
  sources: Record<string, UnitSource | undefined>;
  /** The file each unit has for the control's year, as the back-end knows it ('' or absent: none). */
  known?: Record<string, string>;
  today: Date;
}

export interface AssessOutput {
  step: AssessStepName;
  /** Non-empty: the step did not run; `message` says why. */
  blockers: Finding[];
  /** Every finding, for `Kiểm tra` (validate, rank and the documents write it). */
  findings: Finding[];
  results: UnitResult[];
  summary: RankingSummary | null;
  writes: UnitWrites;
  /** The documents' input (report, decision). */
  report: ReportInput | null;
  /** Closing line, for the user and `Nhật ký`. */
  message: string;
  counts: { total: number; submitted: number; entered: number; withFile: number; errors: number; warnings: number; classified: number };
}

/** The errors that keep the documents drafts: per unit (with the criteria they concern), and the control's own. */
function draftInputs(findings: Finding[]): Pick<ReportInput, 'blocking' | 'controlErrors'> {
  const blocking: Record<string, string[]> = {};
  const controlErrors: string[] = [];
  for (const f of findings) {
    if (f.severity !== 'Lỗi') continue;
    if (f.unitCode) (blocking[f.unitCode] ??= []).push(f.criterion ?? '');
    else controlErrors.push(f.message);
  }
  return { blocking, controlErrors };
}

export function assessStep(control: Control, step: AssessStepName, input: AssessInput): AssessOutput {
  const total = control.units.length;
  const counts = { total, submitted: 0, entered: 0, withFile: 0, errors: 0, warnings: 0, classified: 0 };
  const blockers = stepBlockers(control, step);
  const empty = { step, results: [], summary: null, report: null, counts, writes: { updates: [], history: null } };
  if (blockers.length) return { ...empty, blockers, findings: control.findings, message: blockedMessage(step, blockers) };

  const own = new Map<string, Omit<UnitUpdate, 'code'>>();
  const collected: Finding[] = [];
  const units = control.units.map((u) => {
    const c = decideUnit(control, u, input.sources[u.code]);
    const { link, finding } = linkUpdate(u, input.known?.[u.code] ?? '');
    collected.push(...c.findings, ...(finding ? [finding] : []));
    if (c.status || link) own.set(u.code, { status: c.status, link });
    const source = input.sources[u.code];
    if (source && !('missing' in source)) counts.withFile++;
    return c.status ? { ...u, status: c.status } : u;
  });
  counts.submitted = units.filter(isSubmitted).length;
  counts.entered = units.filter(hasEntries).length;
  const writes = unitWrites(control, own);
  if (step === 'progress') {
    const message = `${counts.submitted}/${total} đơn vị đã nộp; ${counts.entered}/${total} đã nhập điểm; ${counts.withFile}/${total} đã có biểu mẫu.`;
    return { ...empty, blockers, findings: collected, writes, message };
  }

  const now = { ...control, units };
  const a = assessAll(now, input.sources);
  const findings = [...a.findings, ...collected];
  counts.errors = findings.filter((f) => f.severity === 'Lỗi').length;
  counts.warnings = findings.length - counts.errors;
  counts.classified = a.summary.classified;
  const checked = `${counts.errors} lỗi, ${counts.warnings} cảnh báo`;
  const message =
    step === 'validate'
      ? `Kiểm tra xong ${total} đơn vị: ${checked} (xem sheet «${SHEETS.findings}»).`
      : `Đã xếp hạng: ${counts.classified}/${total} đơn vị được xếp loại; ${checked} (xem sheet «${SHEETS.results}» và «${SHEETS.findings}»).`;
  const report: ReportInput | null =
    step === 'report' || step === 'decision'
      ? {
          settings: control.settings,
          results: a.results,
          summary: a.summary,
          narrative: control.narrative,
          previous: control.previous,
          indicators: control.indicators,
          today: input.today,
          submitted: counts.submitted,
          ...draftInputs(findings),
        }
      : null;
  return { step, blockers, findings, results: a.results, summary: a.summary, writes, report, message, counts };
}
