// Plain data shared by the core, the ports and the adapters. No behaviour here.

/** A cell value as both exceljs and Apps Script `getValues()` hand it over. */
export type Cell = string | number | boolean | Date | null;
export type Grid = Cell[][];

export type CriterionKind = 'score' | 'bonus' | 'penalty';

/** One row of the `Tiêu chí` sheet, already mapped by header text (see schema.ts). */
export interface CriterionRow {
  rubricId: Cell;
  code: Cell;
  parent: Cell;
  title: Cell;
  max: Cell;
  kind: Cell; // 'điểm' | 'thưởng' | 'trừ' (Vietnamese, as typed)
  guidance?: Cell;
  evidenceRequired?: Cell; // 'Có' / 'x' / true …
  /** 1-based row in the sheet, for messages. */
  row?: number;
}

export interface Criterion {
  code: string;
  parent: string | null;
  title: string;
  max: number;
  kind: CriterionKind;
  guidance: string;
  evidenceRequired: boolean;
  /** Child codes, in sheet order. */
  children: string[];
  /** 0 for a top-level criterion. */
  depth: number;
}

export interface Rubric {
  id: string;
  /** Criteria in display order (pre-order: parent before its children). */
  criteria: Criterion[];
  byCode: Record<string, Criterion>;
  /** Sum of the maxima of the top-level score criteria. */
  maxScore: number;
  /** Sum of the maxima of the bonus criteria (the default bonus cap). */
  bonusMax: number;
  /** Stable hash of everything that matters for scoring (codes, parents, maxima, kinds, evidence flags). */
  fingerprint: string;
}

export type Severity = 'Lỗi' | 'Cảnh báo';

/** A validation or structure finding, written to the `Kiểm tra` sheet. */
export interface Finding {
  severity: Severity;
  unitCode: string;
  /** Criterion code, when the finding concerns one. */
  criterion?: string;
  /** Sheet name and A1 address, when known ("Chấm điểm!D12"). */
  sheet?: string;
  cell?: string;
  /** Full Vietnamese sentence naming the unit, the criterion and the cell where known. */
  message: string;
  /** Stable machine code for tests and filtering (e.g. 'above-max'). */
  code: string;
  /** Link to the file (and cell) where known; filled by adapters. */
  link?: string;
}

/** What a unit typed for one criterion, with the cell each value came from. */
export interface Entry {
  self: Cell;
  appraised: Cell;
  evidence: Cell;
  note?: Cell;
  /** The appraiser's reason (`Lý do thẩm định`), absent in files made before the column. */
  reason?: Cell;
  /** The unit's explanation (`Giải trình`), absent in files made before the column. */
  explanation?: Cell;
  /** A1 addresses of the cells, for messages ("D12"). */
  cells?: { self?: string; appraised?: string; evidence?: string; note?: string; reason?: string; explanation?: string };
}
export type Entries = Record<string, Entry>;

export interface Level {
  code: string; // 'HTXS'
  name: string; // 'Hoàn thành xuất sắc nhiệm vụ'
  min: number; // minimum total (0..100) to reach the level
}

/** A condition that caps the level of a unit ("Điều kiện khống chế mức xếp loại"). */
export interface Gate {
  code: string; // 'G2'
  name: string; // 'Có khiếu kiện đông người, vượt cấp …'
  /** Level code the unit is capped at, or 'KXL' to exclude the unit from classification. */
  maxLevel: string;
}

export const NOT_CLASSIFIED = 'Không xếp loại';

export interface ScoringConfig {
  /** Scores must be multiples of this (0.25 by default). */
  step: number;
  /** Bonus cap; null = the rubric's bonusMax. */
  bonusCap: number | null;
  /** Levels, any order; classification picks the highest min ≤ total. */
  levels: Level[];
  gates: Gate[];
}

/** A unit as listed in `Đơn vị`. */
export interface Unit {
  code: string;
  name: string;
  type: string;
  group: string;
  rubricId: string;
  email: string;
  /** Gate codes that apply to this unit (column `Điều kiện khống chế`). */
  gates: string[];
  /** `Trạng thái` and `Liên kết` of the control's year (blank when the row held another year's: see `history`). */
  status: string;
  link: string;
  /** 1-based row in `Đơn vị`. */
  row?: number;
  /** The owner's record of the accepted submission of the control's year (`Đơn vị`, acceptance.ts). */
  accepted?: Acceptance;
  /** The explanation round of the control's year (`Hạn giải trình`, `Giải trình lúc` of `Đơn vị`; round-flow.ts). */
  round?: UnitRound;
  /** `Trạng thái đã ghi`: the status the tool last wrote ('' or absent: none yet, an older workbook). */
  recordedStatus?: string;
  /** The row's `Trạng thái`/`Liên kết` as typed, when they belong to another year than the control's. */
  otherYear?: { year: number; status: string; link: string; accepted?: Acceptance; roundRecord?: boolean };
}

/** The owner's record of a unit's explanation round (tool-written in `Đơn vị`). */
export interface UnitRound {
  /** The deadline set when the unit was returned. */
  explainBy?: Date;
  /** When the owner's side accepted the explanation (text when someone typed one). */
  explainedAt?: Date | string;
  /** `Mã kiểm tra khi trả lại`: the inputs the round keeps as submitted, per criterion (inputs-fingerprint.ts keptInputs). */
  returnedCheck?: string;
}

/**
 * The owner's record of a unit's accepted submission, in `Đơn vị` where only the owner writes
 * (`Nộp lúc`, `Người nộp`, `Mã kiểm tra`, `Khóa ô nhập`); the unit file shows a copy.
 */
export interface Acceptance {
  /** When the owner's side accepted it (a date; text when someone typed one). */
  at: Date | string;
  by: string;
  /** Fingerprint of the scorer's inputs accepted ('' in a row written before this column existed). */
  check: string;
  /** The owner locked the file's inputs and read the protection back. */
  locked: boolean;
}

export const STATUS = {
  created: 'Đã tạo biểu mẫu',
  scoring: 'Đang chấm',
  submitted: 'Đã nộp',
  /** Written by the admin to ask for a new file in place of one that was trashed or deleted. */
  recreate: 'Tạo lại',
  /** The appraisal round after a submission (issue 13), in the order of status.ts STATUS_FLOW. */
  returned: 'Trả lại để giải trình',
  explained: 'Đã giải trình',
  appraisedDone: 'Đã thẩm định',
  recognized: 'Đã công nhận',
} as const;

/** Reason given to a unit that has not submitted (report-model counts submissions by it). */
export const NOT_SUBMITTED_REASON = 'Chưa nộp kết quả';
/** Reasons written by assessAll; the documents print them in plain words (report-model.ts). */
export const BLOCKING_ERROR_REASON = 'Có lỗi dữ liệu chặn xếp loại';
export const UNREADABLE_REASON = 'Không đọc được biểu mẫu chấm điểm';

/** Scores of one unit, before ranking. */
export interface UnitScore {
  base: number;
  bonus: number;
  penalty: number;
  /** Final total on the 0..100 scale, rounded to 2 decimals (half up). */
  total: number;
  /** Same computation with self-scores only (for the decision's appendix). */
  selfTotal: number;
  /** True when at least one appraised value was entered. */
  appraised: boolean;
}

export interface UnitResult extends UnitScore {
  code: string;
  name: string;
  group: string;
  rubricId: string;
  classified: boolean;
  /** Vietnamese level name, or null when not classified. */
  level: string | null;
  levelCode: string | null;
  rank: number | null;
  groupRank: number | null;
  /** Why the unit is not classified, or why its level was capped (Vietnamese). */
  reasons: string[];
  /** False when no score could be computed (the numbers above are then 0, not a real score). */
  scored?: boolean;
}

export interface LevelCount {
  levelCode: string;
  level: string;
  count: number;
  /** Share of the classified units, 0..100, not rounded. */
  percent: number;
}

export interface RankingSummary {
  total: number; // units listed
  classified: number;
  notClassified: number;
  byLevel: LevelCount[];
  byGroup: Record<string, { total: number; classified: number; byLevel: LevelCount[] }>;
}
