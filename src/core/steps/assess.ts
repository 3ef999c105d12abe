// The steps that read every unit file — «Theo dõi tiến độ», «Kiểm tra dữ liệu», «Tổng hợp & xếp
// hạng», «Tạo báo cáo», «Tạo quyết định xếp loại» — as one function of what the back-end read. The
// owner's collection decides each unit's status here: a scorer's «Nộp kết quả» recorded in the file
// is a request, accepted only when the unit has no blocking error.
import type { Control } from '../control';
import { Entries, Finding, Grid, RankingSummary, STATUS, Unit, UnitResult } from '../types';
import { SHEETS, UNIT_COLUMNS } from '../schema';
import { assessUnit, rankAssessed, UnitAssessment, UnitSource } from '../assess';
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

/** What a step keeps of one unit once its file has been read: small, so the file itself can go. */
export interface UnitStepOutcome {
  /** The unit as the collection leaves it (its new status applied). */
  unit: Unit;
  /** Its own changes to `Đơn vị` (status, link), when any. */
  update?: Omit<UnitUpdate, 'code'>;
  /** A file was read for it. */
  withFile: boolean;
  /** What the collection says of it (submission, a changed `Liên kết`). */
  collected: Finding[];
  /** Its findings and score (every step but progress). */
  assessment: UnitAssessment | null;
}

/**
 * One unit's part of a step: the collection's decision, then (after progress) its findings and
 * score. A back-end calls it for each unit in the order of `control.units` as it reads the unit's
 * file, keeps the outcome and lets the file go; `finishAssessStep` does the rest.
 */
export function assessUnitStep(
  control: Control,
  step: AssessStepName,
  unit: Unit,
  source: UnitSource | undefined,
  known = '',
): UnitStepOutcome {
  const c = decideUnit(control, unit, source);
  const { link, finding } = linkUpdate(unit, known);
  const now = c.status ? { ...unit, status: c.status } : unit;
  return {
    unit: now,
    update: c.status || link ? { status: c.status, link } : undefined,
    withFile: !!source && !('missing' in source),
    collected: finding ? [...c.findings, finding] : c.findings,
    assessment: step === 'progress' ? null : assessUnit(control, now, source),
  };
}

/**
 * A step from every unit's outcome (`assessUnitStep`, one per unit of `control.units`, in order):
 * the writes to `Đơn vị`, findings, ranking, the documents' input and the closing message. A step
 * the control workbook blocks needs no outcome (back-ends read no file then: see `stepBlockers`).
 */
export function finishAssessStep(control: Control, step: AssessStepName, outcomes: readonly UnitStepOutcome[], today: Date): AssessOutput {
  const total = control.units.length;
  const counts = { total, submitted: 0, entered: 0, withFile: 0, errors: 0, warnings: 0, classified: 0 };
  const blockers = stepBlockers(control, step);
  const empty = { step, results: [], summary: null, report: null, counts, writes: { updates: [], history: null } };
  if (blockers.length) return { ...empty, blockers, findings: control.findings, message: blockedMessage(step, blockers) };
  if (outcomes.length !== total || outcomes.some((o, i) => o.unit.code !== control.units[i].code)) {
    throw new Error(`finishAssessStep: ${outcomes.length} outcomes for ${total} units, not in the order of control.units`);
  }

  const own = new Map<string, Omit<UnitUpdate, 'code'>>();
  const collected: Finding[] = [];
  for (const o of outcomes) {
    collected.push(...o.collected);
    if (o.update) own.set(o.unit.code, o.update);
    if (o.withFile) counts.withFile++;
    if (isSubmitted(o.unit)) counts.submitted++;
    if (hasEntries(o.unit)) counts.entered++;
  }
  const writes = unitWrites(control, own);
  if (step === 'progress') {
    const message = `${counts.submitted}/${total} đơn vị đã nộp; ${counts.entered}/${total} đã nhập điểm; ${counts.withFile}/${total} đã có biểu mẫu.`;
    return { ...empty, blockers, findings: collected, writes, message };
  }

  const now = { ...control, units: outcomes.map((o) => o.unit) };
  const a = rankAssessed(
    now,
    outcomes.map((o) => o.assessment!),
  );
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
          today,
          submitted: counts.submitted,
        }
      : null;
  return { step, blockers, findings, results: a.results, summary: a.summary, writes, report, message, counts };
}

/** A step from everything the back-end read at once (the add-on, which reads in chunks): the same two functions. */
export function assessStep(control: Control, step: AssessStepName, input: AssessInput): AssessOutput {
  const outcomes = stepBlockers(control, step).length
    ? []
    : control.units.map((u) => assessUnitStep(control, step, u, input.sources[u.code], input.known?.[u.code] ?? ''));
  return finishAssessStep(control, step, outcomes, input.today);
}
