// «Nộp kết quả» and «Mở lại» decided by the owner's side: a unit is accepted as submitted only when
// its file has no blocking error (checked as a submitted unit is: every score required).
import type { Control } from '../control';
import { Entries, Finding, STATUS, Unit } from '../types';
import { SHEETS } from '../schema';
import { assessUnit, UnitSource } from '../assess';
import { hasBlockingError } from '../validate';
import { canonicalStatus, isSubmitted, statusStepRefusal } from '../status';
import { formatNumber } from '../format';
import { UnitUpdate } from './plan';
import { acceptanceCells } from '../acceptance';
import { inputsFingerprint, keptInputs } from '../inputs-fingerprint';
import { changedAfterSubmission, unitEntries } from './assess';
import { changedWhileReturnedCells, lateExplanationFinding, returnCells } from '../round-flow';
import { formatDateShort } from '../format';
import { noExplanationFinding } from '../appraisal-view';

export interface SubmitOutcome {
  unit: Unit;
  /** The new status, when it changes. */
  update?: Omit<UnitUpdate, 'code'>;
  /** Refused (the unit keeps its status). */
  refused: boolean;
  /** What to tell the user (Vietnamese, one line). */
  message: string;
  /** The unit's findings as a submitted unit (the errors when refused, the warnings when accepted). */
  findings: Finding[];
}

const label = (u: Unit) => `${u.name} (${u.code})`;

/** The unit of `Đơn vị` with this code (case and spacing ignored). */
export const unitByCode = (control: Control, code: string) => control.units.find((u) => u.code.toLowerCase() === code.trim().toLowerCase());

export const unknownUnitMessage = (code: string) => `Không có đơn vị mã «${code}» trong sheet «${SHEETS.units}».`;

/** `now` and `by`: when and by whom, for the owner's record of the submission (acceptance.ts). */
export function submitUnit(control: Control, unit: Unit, source: UnitSource | undefined, now: Date, by: string): SubmitOutcome {
  const where = label(unit);
  if (isSubmitted(unit)) return { unit, refused: false, findings: [], message: `${where}: đã nộp kết quả từ trước.` };
  if (canonicalStatus(unit.status) === null) {
    const f = control.findings.find((x) => x.unitCode === unit.code && x.code === 'unknown-status');
    return { unit, refused: true, findings: f ? [f] : [], message: `Không nộp được ${where}: ${f?.message ?? 'trạng thái ghi sai.'}` };
  }
  if (!control.rubrics[unit.rubricId]) {
    return {
      unit,
      refused: true,
      findings: [],
      message: `Không nộp được ${where}: bộ tiêu chí «${unit.rubricId}» không tồn tại hoặc đang có lỗi (xem sheet «${SHEETS.criteria}»).`,
    };
  }
  const { findings, score } = assessUnit(control, { ...unit, status: STATUS.submitted }, source);
  if (hasBlockingError(findings)) {
    const errors = findings.filter((f) => f.severity === 'Lỗi');
    return { unit, refused: true, findings: errors, message: `Không nộp được ${where}: còn ${errors.length} lỗi cần sửa trước:` };
  }
  return {
    unit,
    refused: false,
    update: {
      status: STATUS.submitted,
      ...acceptanceCells({ at: now, by, check: inputsFingerprint(unitEntries(control, unit, source) ?? {}), locked: false }),
    },
    findings,
    message: `Đã nộp kết quả: ${where}${score ? `, tổng điểm ${formatNumber(score.total)}` : ''}.`,
  };
}

export function reopenUnit(unit: Unit): SubmitOutcome {
  return {
    unit,
    refused: false,
    // The record of the submission goes: the next «Nộp kết quả» is a new one.
    update: { status: STATUS.scoring, ...acceptanceCells(undefined) },
    findings: [],
    message: `Đã mở lại: ${label(unit)} — trạng thái «${STATUS.scoring}».`,
  };
}

/**
 * The owner moves a unit along the appraisal round (issue 13): only the steps of status.ts are
 * taken; an illegal one is refused naming the current status. «Đã nộp» goes through `submitUnit`
 * (its checks), «Đang chấm» through `reopenUnit` (the record goes).
 * `round.entries`: the unit file's inputs as read at a return (null: no readable file), recorded as
 * `Mã kiểm tra khi trả lại` so a change other than `Giải trình`/`Minh chứng` during the round is told.
 */
export function changeStatus(unit: Unit, next: string, round: { deadline?: Date | null; entries?: Entries | null } = {}): SubmitOutcome {
  const refusal = statusStepRefusal(unit.status, next);
  const refuse = (why: string): SubmitOutcome => ({
    unit,
    refused: true,
    findings: [],
    message: `Không chuyển trạng thái của ${label(unit)}: ${why}`,
  });
  if (refusal) return refuse(refusal);
  const to = canonicalStatus(next)!;
  if (to === canonicalStatus(unit.status))
    return { unit, refused: false, findings: [], message: `${label(unit)} đã ở trạng thái «${to}».` };
  if (to === STATUS.submitted)
    return refuse(`đơn vị nộp bằng «Nộp kết quả» (bản dòng lệnh: dvcq submit), để biểu mẫu được kiểm tra trước.`);
  if (to === STATUS.scoring) return reopenUnit(unit);
  if (to === STATUS.explained)
    return refuse(`đơn vị gửi giải trình bằng «Gửi giải trình» (bản dòng lệnh: dvcq explain), để thời điểm gửi được ghi nhận.`);
  if (to === STATUS.returned) {
    const deadline = round.deadline ?? null;
    const entries = round.entries;
    // A change made before the return is still the «changed after submission» one: say it now, as
    // the record of the return starts from the file as it is.
    const changed = entries && unit.accepted?.check ? changedAfterSubmission(unit, unit.accepted.check, inputsFingerprint(entries)) : null;
    return {
      unit,
      refused: false,
      update: returnCells(deadline, entries === undefined ? undefined : entries ? keptInputs(entries) : ''),
      findings: changed ? [changed] : [],
      message:
        `${label(unit)}: «${canonicalStatus(unit.status)}» → «${to}»` +
        (deadline
          ? `, hạn giải trình ${formatDateShort(deadline)}.`
          : ` (chưa có hạn giải trình: ghi «Hạn giải trình» ở sheet «${SHEETS.config}» hoặc dùng --han).`),
    };
  }
  return {
    unit,
    refused: false,
    update: { status: to },
    findings: [],
    message: `${label(unit)}: «${canonicalStatus(unit.status) || STATUS.created}» → «${to}».`,
  };
}

/**
 * «Gửi giải trình» recorded by the owner's side (offline: `dvcq explain`): only a unit returned for
 * explanation; the inputs as they are now (the evidence added) become the record of the submission.
 */
export function explainUnit(control: Control, unit: Unit, source: UnitSource | undefined, now: Date): SubmitOutcome {
  const refusal = statusStepRefusal(unit.status, STATUS.explained);
  if (refusal) return { unit, refused: true, findings: [], message: `Không ghi nhận giải trình của ${label(unit)}: ${refusal}` };
  const round = { ...unit.round, explainedAt: now };
  const late = lateExplanationFinding({ ...unit, status: STATUS.explained, round }, control.settings.explanationDeadline);
  const entries = unitEntries(control, unit, source);
  const rubric = control.rubrics[unit.rubricId];
  // The round opens only Giải trình and Minh chứng: another input changed is not taken silently.
  const changed = entries && source && 'grid' in source ? changedWhileReturnedCells(unit, entries, source.grid) : '';
  if (changed)
    return {
      unit,
      refused: true,
      findings: [],
      message:
        `Không ghi nhận giải trình của ${label(unit)}: ô nhập ${changed} đã bị sửa trong lúc trả lại để giải trình ` +
        `(chỉ được sửa «Giải trình» và «Minh chứng»). Ghi lại giá trị lúc nộp rồi chạy lại, hoặc chuyển đơn vị về «${STATUS.scoring}» để chấm và nộp lại.`,
    };
  return {
    unit,
    refused: false,
    update: { status: STATUS.explained, explainedAt: now, ...(entries ? { acceptedCheck: inputsFingerprint(entries) } : {}) },
    findings: [late, rubric && entries ? noExplanationFinding(unit, rubric, entries) : null].filter((f): f is Finding => !!f),
    message: `Đã ghi nhận giải trình: ${label(unit)} — trạng thái «${STATUS.explained}».`,
  };
}
