// The steps that read every unit file — «Theo dõi tiến độ», «Kiểm tra dữ liệu», «Tổng hợp & xếp
// hạng», «Tạo báo cáo», «Tạo quyết định xếp loại» — as one function of what the back-end read. The
// owner's collection decides each unit's status here: a scorer's «Nộp kết quả» recorded in the file
// is a request, accepted only when the unit has no blocking error.
import type { Control } from '../control';
import { Acceptance, Entries, Finding, Grid, RankingSummary, STATUS, Unit, UnitResult, UnitRound } from '../types';
import { changedWhileReturned, explanationRefused, roundCopy, typedStatusCheck } from '../round-flow';
import { SHEETS, UNIT_COLUMNS } from '../schema';
import { assessUnit, rankAssessed, readSource, UnitAssessment, UnitSource } from '../assess';
import { FOREIGN_FILE_FINDINGS } from '../unit-sheet';
import { hasBlockingError } from '../validate';
import { evidencePaths } from '../evidence';
import { noExplanationFinding } from '../appraisal-view';
import { canonicalStatus, hasEntries, isAfterSubmission, isSubmitted } from '../status';
import { cellText } from '../text';
import { parseA1 } from '../gas-support';
import { STATUS_CELLS } from '../unit-sheet';
import { fingerprintIn, isReopenedLine, scoringLine, submitterIn } from '../submission-line';
import { acceptanceCells, acceptedCopy, LOCKED_MARK } from '../acceptance';
import { inputsFingerprint, keptInputs } from '../inputs-fingerprint';
import type { ReportInput } from '../report-model';
import { blockedMessage, linkUpdate, statusWithFile, stepBlockers, UnitUpdate, UnitWrites, unitWrites } from './plan';

export type AssessStepName = 'progress' | 'validate' | 'rank' | 'report' | 'decision';

/** What the owner's collection makes of one unit's file: its new status, and what to say. */
export interface UnitDecision {
  status?: string;
  findings: Finding[];
  /** The file holds something typed (a score, evidence, a note or an appraisal). */
  entered: boolean;
  /**
   * The owner makes sure the file's inputs are locked (reading the protection back): the unit is
   * submitted in `Đơn vị`, and its record does not say locked or the file does not show it.
   */
  lock: boolean;
  /** The owner reopened in `Đơn vị` a unit it had accepted: the file's inputs are opened again. */
  unlock: boolean;
  /** The owner's record after this collection (acceptance.ts); undefined: none. */
  accepted?: Acceptance;
  /** Why the record is written now: a new acceptance, a submission without a record yet, a reopening. */
  record?: 'new' | 'first-record' | 'cleared';
  /** What the file's status cells must show, given whether its inputs are locked; null: they already do. */
  copy: (locked: boolean) => { status: string; line: string } | null;
  /**
   * The unit is «Trả lại để giải trình» and its file does not show it yet: the owner opens the
   * explanation cells (`Giải trình`, `Minh chứng`) to the scorer and reads the protection back.
   */
  openExplanation?: boolean;
  /** The round's record after this collection (an explanation accepted now). */
  round?: UnitRound;
}

const label = (u: Unit) => `${u.name} (${u.code})`;

/** The scorer's inputs of a unit file as the collection reads them (null: nothing readable). */
export function unitEntries(control: Control, unit: Unit, source: UnitSource | undefined): Entries | null {
  const rubric = control.rubrics[unit.rubricId];
  if (!rubric || !source || 'missing' in source) return null;
  return readSource(control, unit, rubric, source).entries;
}

/**
 * The `Minh chứng` paths a back-end with a folder should look for beside a unit's file (relative
 * to its folder, see `evidence.ts`); it passes back those it found as `UnitSource.evidence`.
 */
export function evidencePathsOf(control: Control, unit: Unit, source: UnitSource | undefined): string[] {
  const entries = unitEntries(control, unit, source);
  return entries ? evidencePaths(entries) : [];
}

const noCopy = () => null;

/**
 * The owner's collection decides a unit's status and keeps the record of its submission in
 * `Đơn vị` (only the owner writes there). What the file says — its status cell, its status line,
 * a fingerprint or a lock mark — is a request or a copy, never the decision: a scorer typing there
 * cannot get a unit with errors accepted, avoid the lock, reopen an accepted unit, or hide a change
 * made after acceptance. `now` is the time a new acceptance is recorded with.
 */
export function decideUnit(control: Control, unit: Unit, source: UnitSource | undefined, now: Date): UnitDecision {
  const none = { findings: [], entered: false, lock: false, unlock: false, copy: noCopy };
  const rubric = control.rubrics[unit.rubricId];
  if (!rubric || !source || 'missing' in source) return none;
  const current = canonicalStatus(unit.status);
  const read = readSource(control, unit, rubric, source);
  // Another unit's file (or one that no longer says whose it is): its status and inputs are not
  // this unit's; the assessment reports it.
  if (read.findings.some((f) => FOREIGN_FILE_FINDINGS.has(f.code))) return none;
  const entered = Object.values(read.entries).some((e) =>
    [e.self, e.evidence, e.appraised, e.note, e.explanation].some((v) => cellText(v ?? null) !== ''),
  );
  // A status typed wrong is reported by readControl and never overwritten.
  if (current === null) return { ...none, entered };
  const findings: Finding[] = [];
  const line = statusLine(source.grid);
  const shows = (want: { status: string; line: string }) => read.meta.status === want.status && line === want.line;
  const keepCopy = (a: Acceptance) => (locked: boolean) => {
    const want = acceptedCopy(a, locked);
    return shows(want) ? null : want;
  };
  const inputs = inputsFingerprint(read.entries);
  // The appraisal round's statuses (Trả lại để giải trình … Đã công nhận, issue 13) are the owner's
  // decisions about an accepted submission: the file stays accepted and locked as for «Đã nộp»,
  // and the status is left as the owner set it (no `status` in the decision).
  if (current === STATUS.submitted || isAfterSubmission(current)) {
    // Submitted in `Đơn vị` without a record (a row from before these columns, or «Đã nộp» typed
    // there by the owner): the record starts now, with the fingerprint the file's request names
    // (a file submitted before this record existed), else the inputs as they are now.
    const first = !unit.accepted?.check;
    const accepted: Acceptance = first
      ? {
          at: unit.accepted?.at || now,
          by: unit.accepted?.by ?? '',
          check: fingerprintIn(line) || inputs,
          locked: unit.accepted?.locked ?? false,
        }
      : unit.accepted!;
    const changed = current === STATUS.returned ? null : changedAfterSubmission(unit, accepted.check, inputs, source.link);
    if (changed) findings.push(changed);
    // Reopened in the file: `Đơn vị` decides (the file's cells can be typed by its scorer), so say
    // how to confirm it rather than take it.
    if (read.meta.status === STATUS.scoring && isReopenedLine(line)) {
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
    const deadline = control.settings.explanationDeadline;
    // «Đã giải trình» in the file is a request unless it is the owner's copy of an earlier
    // explanation (a unit returned again still shows it until this collection rewrites it).
    const earlierCopy = [true, false].some((locked) => shows(roundCopy(unit, STATUS.explained, deadline, locked)!));
    const requested = read.meta.status === STATUS.explained && !(unit.round?.explainedAt && earlierCopy);
    if (current === STATUS.returned) {
      // Only Giải trình and Minh chứng are open now: another input changed since the return is
      // reported, and a request with it is not accepted.
      const kept = changedWhileReturned(unit, read.entries, requested, source.grid, source.link);
      if (requested && !kept) {
        // «Gửi giải trình»: accepted now; the inputs as they are (the evidence added) are the
        // record, and the file is locked again.
        const round: UnitRound = { ...unit.round, explainedAt: now };
        const renewed: Acceptance = { ...accepted, check: inputs };
        // A late one is said by the assessment (round-flow.ts lateExplanationFinding), as a late submission.
        const unexplained = noExplanationFinding(unit, rubric, read.entries);
        return {
          status: STATUS.explained,
          findings: unexplained ? [{ ...unexplained, link: source.link }] : [],
          entered,
          lock: true,
          unlock: false,
          accepted: renewed,
          record: 'new',
          round,
          copy: (locked) => roundCopy({ round }, STATUS.explained, deadline, locked),
        };
      }
      // Returned: the explanation and evidence cells are open to the scorer (a change of the
      // evidence is expected now, so it is not reported as a change after the submission).
      // A return seen for the first time (typed in `Đơn vị` in the add-on): its deadline is recorded
      // (the one typed in the row, else `Cấu hình`'s now), and an earlier explanation's time cleared.
      const again = unit.round?.explainedAt !== undefined && unit.round.explainedAt !== '';
      // What the round keeps as submitted is recorded once per return (or again once the owner cleared it).
      const returnedCheck = again || !unit.round?.returnedCheck ? keptInputs(read.entries) : unit.round.returnedCheck;
      const round: UnitRound = {
        explainBy: (again ? undefined : unit.round?.explainBy) ?? deadline ?? undefined,
        explainedAt: '',
        returnedCheck,
      };
      const want = roundCopy({ round }, STATUS.returned, null, false)!;
      const fresh = !shows(want);
      const rewrite = (fresh && (again || round.explainBy !== unit.round?.explainBy)) || returnedCheck !== unit.round?.returnedCheck;
      return {
        findings: kept ? [kept] : [],
        entered,
        lock: false,
        unlock: false,
        accepted,
        record: first ? 'first-record' : undefined,
        openExplanation: fresh,
        ...(rewrite ? { round } : {}),
        copy: () => (fresh ? want : null),
      };
    }
    if (requested && current !== STATUS.explained) findings.push(explanationRefused(unit, current, source.link));
    const copyOf = (locked: boolean) => roundCopy(unit, current, deadline, locked) ?? acceptedCopy(accepted, locked);
    // Locked and shown so: nothing to do (only the owner can lift a protection, and the owner's
    // reopening in the file rewrites its status cells). Anything else: the owner checks the lock.
    const lock = !(accepted.locked && shows(copyOf(true)));
    return {
      findings,
      entered,
      lock,
      unlock: false,
      accepted,
      record: first ? 'first-record' : undefined,
      copy: (locked) => (shows(copyOf(locked)) ? null : copyOf(locked)),
    };
  }
  if (unit.accepted) {
    // The owner wrote another status over an accepted submission: the reopening is the owner's.
    // The record is cleared and the file opened again; what the file still says of the old
    // submission is not a new request.
    const open = { status: STATUS.scoring, line: scoringLine(now) };
    return {
      findings,
      entered,
      lock: false,
      unlock: true,
      record: 'cleared',
      copy: () => (read.meta.status === STATUS.scoring ? null : open),
    };
  }
  if (read.meta.status === STATUS.submitted) {
    const asSubmitted = assessUnit(control, { ...unit, status: STATUS.submitted }, source);
    const errors = asSubmitted.findings.filter((f) => f.severity === 'Lỗi').length;
    if (!hasBlockingError(asSubmitted.findings)) {
      // The request's fingerprint, when it names one, is what the scorer says was submitted: a
      // change since then is reported (a scorer removing it gains nothing: the inputs as they are
      // now were validated and are the record).
      const requested = fingerprintIn(line);
      const accepted: Acceptance = { at: now, by: submitterIn(line), check: requested || inputs, locked: false };
      const changed = changedAfterSubmission(unit, accepted.check, inputs, source.link);
      if (changed) findings.push(changed);
      return { status: STATUS.submitted, findings, entered, lock: true, unlock: false, accepted, record: 'new', copy: keepCopy(accepted) };
    }
    findings.push({
      severity: 'Cảnh báo',
      unitCode: unit.code,
      sheet: SHEETS.scoring,
      code: 'submit-refused',
      link: source.link,
      message: `${label(unit)}: đơn vị đã bấm «Nộp kết quả» nhưng biểu mẫu còn ${errors} lỗi nên chưa được ghi nhận là đã nộp; đơn vị cần sửa rồi nộp lại.`,
    });
  }
  if (read.meta.status === STATUS.explained) findings.push(explanationRefused(unit, current, source.link));
  const status = entered && !hasEntries(unit) ? STATUS.scoring : statusWithFile(unit.status);
  return { status, findings, entered, lock: false, unlock: false, copy: noCopy };
}

/** The visible status line of a unit sheet (where a submission is described). */
function statusLine(grid: Grid): string {
  const [r, c] = parseA1(STATUS_CELLS.text)!;
  return cellText(grid[r]?.[c] ?? null);
}

/** A Cảnh báo when the scorer's inputs differ from the fingerprint the owner accepted. */
export function changedAfterSubmission(unit: Unit, recorded: string, now: string, link?: string): Finding | null {
  if (!recorded || now === recorded) return null;
  return {
    severity: 'Cảnh báo',
    unitCode: unit.code,
    sheet: SHEETS.scoring,
    cell: STATUS_CELLS.text,
    code: 'changed-after-submit',
    link,
    message:
      `${label(unit)}: ô nhập (Tự chấm, Minh chứng hoặc Ghi chú) đã bị sửa sau khi đơn vị nộp kết quả ` +
      `(mã kiểm tra lúc nộp ${recorded}, hiện nay ${now}). Hãy xem lại biểu mẫu rồi quyết định: giữ điểm hiện tại ` +
      `(xóa ô «${UNIT_COLUMNS.acceptedCheck}» của đơn vị ở sheet «${SHEETS.units}», lần chạy sau ghi nhận mã mới), ` +
      `hoặc ghi «${STATUS.scoring}» vào cột «${UNIT_COLUMNS.status}» của đơn vị để đơn vị kiểm tra và nộp lại.`,
  };
}

export interface AssessInput {
  /** What the back-end read of each unit's file (undefined: the unit has no file this year). */
  sources: Record<string, UnitSource | undefined>;
  /** The file each unit has for the control's year, as the back-end knows it ('' or absent: none). */
  known?: Record<string, string>;
  /**
   * Whether the owner found each unit file's inputs locked after making sure (the add-on reads the
   * protection back); absent: this back-end does not lock (an .xlsx on the scorer's own disk).
   */
  locked?: Record<string, boolean>;
  today: Date;
  /** The time a submission accepted now is recorded with (default `today`; the add-on: its run's start). */
  now?: Date;
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

/** What a step keeps of one unit once its file has been read: small, so the file itself can go. */
export interface UnitStepOutcome {
  /** The unit as the collection leaves it (its new status applied). */
  unit: Unit;
  /** Its own changes to `Đơn vị` (status, link, the record of its submission), when any. */
  update?: Omit<UnitUpdate, 'code'>;
  /** The record of its submission was written for the first time (an older workbook, or typed by the owner). */
  firstRecord: boolean;
  /** A file was read for it. */
  withFile: boolean;
  /** What the collection says of it (submission, a changed `Liên kết`). */
  collected: Finding[];
  /** Its findings and score (every step but progress). */
  assessment: UnitAssessment | null;
}

/** What the back-end knows of one unit besides its file. */
export interface UnitContext {
  /** The file the unit has for the control's year, as the back-end knows it ('' : none). */
  known?: string;
  /** Whether the owner found the file's inputs locked after making sure; absent: this back-end does not lock. */
  locked?: boolean;
  /** The time a submission accepted now is recorded with. */
  now: Date;
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
  ctx: UnitContext,
): UnitStepOutcome {
  // A status typed in `Đơn vị` that the round's steps do not allow is refused and written back.
  const typed = typedStatusCheck(unit);
  const checked = typed.finding ? { ...unit, status: typed.status } : unit;
  const c = decideUnit(control, checked, source, ctx.now);
  const { link, finding } = linkUpdate(unit, ctx.known ?? '');
  const update: Omit<UnitUpdate, 'code'> = { status: c.status ?? (typed.finding ? typed.status : undefined), link };
  if (c.round)
    Object.assign(update, {
      explainBy: c.round.explainBy ?? '',
      explainedAt: c.round.explainedAt ?? '',
      returnedCheck: c.round.returnedCheck ?? '',
    });
  const locked = ctx.locked;
  if (c.record) {
    Object.assign(update, acceptanceCells(c.accepted && locked !== undefined ? { ...c.accepted, locked } : c.accepted));
  } else if (c.accepted && locked !== undefined && locked !== c.accepted.locked) {
    update.locked = locked ? LOCKED_MARK : '';
  }
  const now = { ...checked, ...(c.status ? { status: c.status } : {}), ...(c.round ? { round: c.round } : {}) };
  // The tool's own record of the status, against which the next typed one is checked.
  const final = canonicalStatus(now.status);
  if (final && final !== now.recordedStatus) update.recordedStatus = final;
  const collected = [...(typed.finding ? [typed.finding] : []), ...c.findings, ...(finding ? [finding] : [])];
  return {
    unit: now,
    update: Object.values(update).some((v) => v !== undefined) ? update : undefined,
    firstRecord: c.record === 'first-record',
    withFile: !!source && !('missing' in source),
    collected,
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
  let firstRecords = 0;
  for (const o of outcomes) {
    collected.push(...o.collected);
    if (o.update) own.set(o.unit.code, o.update);
    if (o.firstRecord) firstRecords++;
    if (o.withFile) counts.withFile++;
    if (isSubmitted(o.unit)) counts.submitted++;
    if (hasEntries(o.unit)) counts.entered++;
  }
  const writes = unitWrites(control, own);
  // Said once, the first time: the record of these submissions starts now.
  const recorded = firstRecords
    ? ` Đã ghi bản ghi nộp (cột «${UNIT_COLUMNS.acceptedAt}», «${UNIT_COLUMNS.acceptedCheck}») cho ${firstRecords} đơn vị «${STATUS.submitted}» chưa có: ` +
      'mã kiểm tra lấy theo lần nộp ghi trong biểu mẫu (nếu không có: theo ô nhập hiện nay); từ nay mọi thay đổi ô nhập đều được báo.'
    : '';
  if (step === 'progress') {
    const message = `${counts.submitted}/${total} đơn vị đã nộp; ${counts.entered}/${total} đã nhập điểm; ${counts.withFile}/${total} đã có biểu mẫu.${recorded}`;
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
          ...(control.outline ? { outline: control.outline } : {}),
          previous: control.previous,
          indicators: control.indicators,
          today,
          submitted: counts.submitted,
          ...draftInputs(findings),
          appraisals: outcomes.flatMap((o) =>
            o.assessment?.appraisals?.length ? [{ code: o.unit.code, name: o.unit.name, rows: o.assessment.appraisals }] : [],
          ),
        }
      : null;
  return { step, blockers, findings, results: a.results, summary: a.summary, writes, report, message: message + recorded, counts };
}

/** A step from everything the back-end read at once (the add-on, which reads in chunks): the same two functions. */
export function assessStep(control: Control, step: AssessStepName, input: AssessInput): AssessOutput {
  const now = input.now ?? input.today;
  const outcomes = stepBlockers(control, step).length
    ? []
    : control.units.map((u) =>
        assessUnitStep(control, step, u, input.sources[u.code], {
          known: input.known?.[u.code] ?? '',
          locked: input.locked?.[u.code],
          now,
        }),
      );
  return finishAssessStep(control, step, outcomes, input.today);
}
