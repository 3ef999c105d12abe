// The one-way flow shared by every back-end: control data + unit grids → findings, results.
import { AppraisalRow, appraisalRows, differingRows } from './appraisal-view';
import {
  BLOCKING_ERROR_REASON,
  Finding,
  Grid,
  Rubric,
  NOT_SUBMITTED_REASON,
  UNREADABLE_REASON,
  RankingSummary,
  Unit,
  UnitResult,
  UnitScore,
} from './types';
import { Control } from './control';
import { layoutOptions, readUnitSheet, UNREADABLE_FINDINGS } from './unit-sheet';
import { hasBlockingError, validateEntries } from './validate';
import { scoreUnit } from './score';
import { classifyAndRank, RankInput, summarize } from './rank';
import { SHEETS } from './schema';
import { isSubmitted } from './status';
import { gatesWithLate, lateFinding } from './deadlines';
import type { EvidenceFound } from './evidence';
import { lateExplanationFinding } from './round-flow';

/**
 * What an adapter found for one unit: its `Chấm điểm` grid (and the hidden sheet `Thông tin biểu
 * mẫu` when it read it), or why there is none.
 */
export type UnitSource =
  /** `evidence`: which `Minh chứng` paths exist beside the file (offline; see `evidence.ts`). */
  | { grid: Grid; meta?: Grid; link?: string; evidence?: EvidenceFound }
  /** No file to read; `transient`: the file exists but could not be read this time (run again). */
  | { missing: string; link?: string; transient?: boolean };

type ReadSheet = ReturnType<typeof readUnitSheet>;
const readCache = new WeakMap<Grid, { unit: Unit; rubric: Rubric; step: number; bonusCap: number; meta?: Grid; read: ReadSheet }>();

/**
 * A unit file's sheet as read for the control's rules. A step reads the same file for the owner's
 * decision, the assessment and the change history: it is parsed once per grid (held weakly, so it
 * goes with the file's grid). The sheet reads the unit's code, name and group only (a status
 * decided in between does not change it). The result is shared: callers never change it.
 */
export function readSource(control: Control, unit: Unit, rubric: Rubric, source: { grid: Grid; meta?: Grid }): ReadSheet {
  const opts = layoutOptions(control.settings, rubric);
  const hit = readCache.get(source.grid);
  if (
    hit &&
    hit.unit.code === unit.code &&
    hit.unit.name === unit.name &&
    hit.unit.group === unit.group &&
    hit.rubric === rubric &&
    hit.step === opts.step &&
    hit.bonusCap === opts.bonusCap &&
    hit.meta === source.meta
  ) {
    return hit.read;
  }
  const read = readUnitSheet(source.grid, unit, rubric, opts, source.meta);
  readCache.set(source.grid, { unit, rubric, step: opts.step, bonusCap: opts.bonusCap, meta: source.meta, read });
  return read;
}

export interface UnitAssessment {
  unit: Unit;
  findings: Finding[];
  score: UnitScore | null;
  /** The criteria appraised differently from the self-score (small: kept for the documents). */
  appraisals?: AppraisalRow[];
}

export function assessUnit(control: Control, unit: Unit, source: UnitSource | undefined): UnitAssessment {
  const rubric = control.rubrics[unit.rubricId];
  const link = source?.link;
  if (!rubric) return { unit, findings: [], score: null }; // reported once by readControl
  if (!source || 'missing' in source) {
    const why = source?.missing ?? 'chưa có biểu mẫu chấm điểm';
    // A file that could not be read this time is a Lỗi whatever the submission: its score is unknown.
    const transient = !!source && 'transient' in source && !!source.transient;
    const finding: Finding = {
      severity: isSubmitted(unit) || transient ? 'Lỗi' : 'Cảnh báo',
      unitCode: unit.code,
      code: transient ? 'file-unreadable' : 'missing-file',
      link,
      message: `${unit.name} (${unit.code}): ${why}.`,
    };
    return { unit, findings: [finding], score: null };
  }
  const read = readSource(control, unit, rubric, source);
  const year = String(control.settings.year);
  if (read.meta.year && read.meta.year !== year) {
    // Last year's file must not be ranked as this year's.
    const message =
      `${unit.name} (${unit.code}): biểu mẫu là của năm ${read.meta.year}, đang đánh giá năm ${year}; ` +
      `cần tạo biểu mẫu năm ${year} (xóa «Liên kết» cũ của đơn vị rồi tạo biểu mẫu).`;
    return {
      unit,
      score: null,
      findings: [{ severity: 'Lỗi', unitCode: unit.code, sheet: SHEETS.scoring, code: 'wrong-year', link, message }],
    };
  }
  // Without its sheet, columns, rubric or identity nothing was read: "blank score" findings would be false.
  const structural = read.findings.some((f) => UNREADABLE_FINDINGS.has(f.code));
  const findings = [
    ...read.findings,
    ...(structural
      ? []
      : validateEntries(unit, rubric, read.entries, control.settings.scoring, { sheet: SHEETS.scoring, evidence: source.evidence })),
  ]
    // An unfinished unit is not yet expected to have every score.
    .filter((f) => isSubmitted(unit) || f.code !== 'blank-score')
    .map((f) => (link ? { ...f, link } : f));
  if (structural) return { unit, findings, score: null };
  const appraisals = differingRows(appraisalRows(rubric, read.entries));
  return { unit, findings, score: scoreUnit(rubric, read.entries, control.settings.scoring), ...(appraisals.length ? { appraisals } : {}) };
}

export interface Assessment {
  findings: Finding[];
  results: UnitResult[];
  summary: RankingSummary;
}

/** Validate and rank every unit of the control workbook. */
export function assessAll(control: Control, sources: Record<string, UnitSource | undefined>): Assessment {
  return rankAssessed(
    control,
    control.units.map((u) => assessUnit(control, u, sources[u.code])),
  );
}

/**
 * Rank units already assessed one by one (`assessUnit`, in the order of `control.units`): what a
 * back-end keeps of each unit's file is its assessment, so it can read the files one at a time.
 */
export function rankAssessed(control: Control, assessed: UnitAssessment[]): Assessment {
  // Control findings by unit, looked up once per unit rather than scanned per unit.
  const controlCodes = new Map<string, Set<string>>();
  for (const f of control.findings) {
    const codes = controlCodes.get(f.unitCode) ?? new Set<string>();
    codes.add(f.code);
    controlCodes.set(f.unitCode, codes);
  }
  const items: RankInput[] = assessed.map(({ unit, findings, score }) => {
    const reasons: string[] = [];
    if (!control.rubrics[unit.rubricId]) reasons.push(`Bộ tiêu chí «${unit.rubricId}» không hợp lệ hoặc không tồn tại`);
    else if (!score) reasons.push(UNREADABLE_REASON);
    if (!isSubmitted(unit)) reasons.push(NOT_SUBMITTED_REASON);
    const own = controlCodes.get(unit.code);
    if (own?.has('unknown-gate')) reasons.push(`Điều kiện khống chế ghi sai (xem sheet «${SHEETS.findings}»)`);
    if (own?.has('unknown-status')) reasons.push(`Trạng thái ghi sai (xem sheet «${SHEETS.findings}»)`);
    if (hasBlockingError(findings)) reasons.push(`${BLOCKING_ERROR_REASON} (xem sheet «${SHEETS.findings}»)`);
    // A late submission: the gate «NC» caps the level only when `Xếp loại` defines it.
    const gates = gatesWithLate(unit, control.settings.deadline, control.settings.scoring);
    return { unit: gates === unit.gates ? unit : { ...unit, gates }, score, notClassifiedReasons: reasons };
  });
  const late = control.units
    .flatMap((u) => [lateFinding(u, control.settings.deadline), lateExplanationFinding(u, control.settings.explanationDeadline)])
    .filter((f): f is Finding => f !== null);
  const results = classifyAndRank(items, control.settings.scoring);
  return {
    findings: [...control.findings, ...assessed.flatMap((a) => a.findings), ...late],
    results,
    summary: summarize(results, control.settings.scoring),
  };
}
