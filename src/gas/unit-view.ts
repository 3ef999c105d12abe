// A unit file as the scorer's sidebar sees it (the active spreadsheet): one read of `Chấm điểm`,
// one read of the hidden meta sheet, the embedded rubric, the state computed by the core.
import { scorerFields } from '../core/round-flow';
import type { Cell, Criterion, Grid, Rubric, ScoringConfig, Unit } from '../core/types';
import { STATUS } from '../core/types';
import { SCORING_COLUMNS, SHEETS, META_KEYS } from '../core/schema';
import { EMBEDDED_RUBRIC_KEY, embeddedRubric, readUnitSheet, UnitSheetRead } from '../core/unit-sheet';
import { findHeader, TableLocation } from '../core/table';
import { scorerView } from '../core/scorer-view';
import { defaultScoringConfig } from '../core/default-rubrics';
import { formatDateShort } from '../core/format';
import { cellText, normalizeHeader } from '../core/text';
import type { EntryField, ScorerCriterion, ScorerState } from './api';
import type { GProtection, GSheet, GSpreadsheet } from './services';
import { activeUser, Env, nowOf } from './env';
import { UserError } from './errors';
import { activeSpreadsheet } from './control-io';
import { EmbeddedScoring, EXTRA_META, metaText, metaValues } from './unit-meta';
import { isLockedLine } from '../core/submission-line';
import { parseA1 } from '../core/gas-support';
import { STATUS_CELLS } from '../core/unit-sheet';
import { appraisalNotes, deadlineLines, fileDeadlines } from '../core/appraisal-view';

export interface UnitView {
  ss: GSpreadsheet;
  sheet: GSheet;
  grid: Grid;
  metaSheet: GSheet;
  metaGrid: Grid;
  rubric: Rubric;
  unit: Unit;
  scoring: EmbeddedScoring;
  header: TableLocation<keyof typeof SCORING_COLUMNS>;
  year: number | null;
  /** The env's clock when the file was opened: the days left are counted from it. */
  today: Date;
}

export const NOT_A_UNIT_FILE = `Bảng tính này không phải biểu chấm điểm DVCQ (thiếu sheet ẩn «${SHEETS.meta}»). Hãy mở tệp biểu chấm điểm được chia sẻ cho đơn vị.`;

/** Scoring settings embedded at generation; a damaged cell falls back to the defaults (and the rubric's bonus cap). */
function scoringOf(text: string, rubricBonusMax: number): EmbeddedScoring {
  const d = defaultScoringConfig();
  try {
    const v = JSON.parse(text) as Partial<EmbeddedScoring>;
    return {
      step: typeof v.step === 'number' ? v.step : d.step,
      bonusCap: typeof v.bonusCap === 'number' ? v.bonusCap : rubricBonusMax,
      levels: Array.isArray(v.levels) && v.levels.length ? v.levels : d.levels,
    };
  } catch {
    return { step: d.step, bonusCap: rubricBonusMax, levels: d.levels };
  }
}

/** A criterion as the sidebar shows it. */
export const scorerCriterion = (c: Criterion): ScorerCriterion => ({
  code: c.code,
  parent: c.parent,
  title: c.title,
  max: c.max,
  kind: c.kind,
  guidance: c.guidance,
  evidenceRequired: c.evidenceRequired,
  depth: c.depth,
  leaf: c.children.length === 0,
});

export function openUnitView(env: Env): UnitView {
  const ss = activeSpreadsheet(env);
  const metaSheet = ss.getSheetByName(SHEETS.meta);
  if (!metaSheet) throw new UserError(NOT_A_UNIT_FILE);
  const sheet = ss.getSheetByName(SHEETS.scoring);
  if (!sheet) throw new UserError(`Không tìm thấy sheet «${SHEETS.scoring}» (có thể đã bị đổi tên hoặc xóa). Hãy đổi lại đúng tên sheet.`);
  const metaGrid = metaSheet.getDataRange().getValues() as Grid;
  const grid = sheet.getDataRange().getValues() as Grid;
  const meta = metaValues(metaGrid);
  const rubric = embeddedRubric(metaText(meta, EMBEDDED_RUBRIC_KEY));
  if (!rubric)
    throw new UserError(
      `Không đọc được bộ tiêu chí lưu trong sheet «${SHEETS.meta}»; biểu mẫu có thể đã bị sửa. Liên hệ cơ quan quản lý để được cấp lại biểu mẫu.`,
    );
  const header = findHeader(grid, SCORING_COLUMNS, ['code', 'self', 'appraised', 'evidence']);
  if (!header)
    throw new UserError(`Sheet «${SHEETS.scoring}» thiếu tiêu đề cột (Mã, Tự chấm, Thẩm định, Minh chứng); không đọc được biểu mẫu.`);
  const unit: Unit = {
    code: metaText(meta, META_KEYS.unitCode),
    name: metaText(meta, META_KEYS.unitName),
    group: metaText(meta, EXTRA_META.group),
    rubricId: rubric.id,
    type: '',
    email: '',
    gates: [],
    status: '',
    link: '',
  };
  const year = Number(metaText(meta, META_KEYS.year));
  return {
    ss,
    sheet,
    grid,
    metaSheet,
    metaGrid,
    rubric,
    unit,
    header,
    scoring: scoringOf(metaText(meta, EXTRA_META.scoring), rubric.bonusMax),
    year: Number.isFinite(year) && year > 0 ? year : null,
    today: nowOf(env),
  };
}

export function protectionOf(env: Env, view: UnitView): GProtection | null {
  return view.sheet.getProtections(env.gas.SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
}

/** Whether the current user may enter appraisals (edits what the sheet protection covers: the owner). */
export function canAppraise(env: Env, view: UnitView, protection: GProtection | null): boolean {
  if (protection) return protection.canEdit();
  const owner = view.ss.getOwner();
  return !!owner && owner.getEmail() === activeUser(env);
}

/** The file read as the owner's assessment reads it: its own layout settings, and the meta sheet for its identity. */
export function readView(view: UnitView): UnitSheetRead {
  return readUnitSheet(view.grid, view.unit, view.rubric, { step: view.scoring.step, bonusCap: view.scoring.bonusCap }, view.metaGrid);
}

export function scoringConfig(view: UnitView): ScoringConfig {
  return { step: view.scoring.step, bonusCap: view.scoring.bonusCap, levels: view.scoring.levels, gates: [] };
}

function asText(c: Cell): string {
  if (typeof c === 'number') return String(c).replace('.', ',');
  if (c instanceof Date) return formatDateShort(c);
  return cellText(c);
}

export function statusOf(view: UnitView): string {
  return readView(view).meta.status || STATUS.scoring;
}

export function buildState(view: UnitView, appraise: boolean): ScorerState {
  const read = readView(view);
  const cfg = scoringConfig(view);
  const { findings, score, level } = scorerView(view.unit, view.rubric, read.entries, cfg, read.findings);
  const meta = metaValues(view.metaGrid);
  const status = read.meta.status || STATUS.scoring;
  const entries: ScorerState['entries'] = {};
  for (const c of view.rubric.criteria) {
    if (c.children.length) continue;
    const e = read.entries[c.code];
    const field = (k: EntryField) => asText(e?.[k] ?? null);
    entries[c.code] = {
      self: field('self'),
      appraised: field('appraised'),
      evidence: field('evidence'),
      note: field('note'),
      explanation: field('explanation'),
    };
  }
  const submittedAt = metaText(meta, EXTRA_META.submittedAt);
  const at = meta.get(normalizeHeader(EXTRA_META.submittedAt))?.value;
  return {
    unit: { code: view.unit.code, name: view.unit.name, group: view.unit.group },
    rubricId: view.rubric.id,
    year: view.year,
    deadline: metaText(meta, EXTRA_META.deadline) || null,
    // `Hạn nộp` of the meta sheet; while returned, the unit's `Hạn giải trình` named by the status
    // copy the owner wrote (no more read than the grid already read).
    deadlines: deadlineLines(
      fileDeadlines(meta.get(normalizeHeader(EXTRA_META.deadline))?.value ?? null, status, statusLineOf(view)),
      view.today,
    ),
    appraisals: appraisalNotes(view.rubric, read.entries),
    status,
    submittedAt: at instanceof Date ? formatSubmitted(at) : submittedAt || null,
    submittedBy: metaText(meta, EXTRA_META.submittedBy) || null,
    canAppraise: appraise,
    locked: scorerFields(status) !== 'scoring',
    sheetLocked: scorerFields(status) !== 'scoring' && isLockedLine(statusLineOf(view)),
    explanationOpen: scorerFields(status) === 'explanation',
    step: cfg.step,
    bonusCap: view.scoring.bonusCap,
    criteria: view.rubric.criteria.map(scorerCriterion),
    entries,
    findings,
    score,
    level,
    levels: cfg.levels.map((l) => ({ code: l.code, name: l.name, min: l.min })),
  };
}

function statusLineOf(view: UnitView): string {
  const [r, c] = parseA1(STATUS_CELLS.text)!;
  return cellText(view.grid[r]?.[c] ?? null);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
function formatSubmitted(d: Date): string {
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())} ${formatDateShort(d)}`;
}
