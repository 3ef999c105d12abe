// The contract between the sidebars (src/ui) and the Apps Script server functions (src/gas).
// Types only: the UI imports them with `import type`, so nothing of the server is bundled into it.
import type { Criterion, Finding, UnitScore } from '../core/types';
import type { PlannedStep, PlanStep, StepState } from '../core/steps/year-plan';
import type { AppraisalNote, AppraisalRow, DeadlineLine } from '../core/appraisal-view';

export type EntryField = 'self' | 'appraised' | 'evidence' | 'note' | 'explanation';

/** A criterion as the sidebar shows it: its children are implied by `parent`. */
export type ScorerCriterion = Omit<Criterion, 'children'> & { leaf: boolean };

/** Everything the scorer sidebar shows; returned by every scorer server function. */
export interface ScorerState {
  unit: { code: string; name: string; group: string };
  rubricId: string;
  year: number | null;
  deadline: string | null; // "15/11/2024"
  /** The round's deadlines with the days left, computed on the server («Hạn nộp: còn 3 ngày (hạn 15/12/2026)»). */
  deadlines: DeadlineLine[];
  /** Per leaf code, the appraisers' score and reason, for the criteria the owner has appraised. */
  appraisals: Record<string, AppraisalNote>;
  status: string; // 'Đang chấm' | 'Đã nộp'
  submittedAt: string | null;
  submittedBy: string | null;
  /** The current user may enter appraised scores (the file's owner / the appraisal council). */
  canAppraise: boolean;
  /**
   * Submitted: the sidebar accepts no change of Tự chấm / Minh chứng / Ghi chú (the owner may still
   * enter Thẩm định).
   */
  locked: boolean;
  /** The sheet's inputs are protected too (the owner locked them: at once, or at the next collection). */
  sheetLocked: boolean;
  /** Returned for explanation: `Giải trình` and `Minh chứng` may be written, and «Gửi giải trình» sent. */
  explanationOpen: boolean;
  step: number;
  bonusCap: number;
  criteria: ScorerCriterion[];
  /** Raw values of each leaf, as strings ('' when blank). */
  entries: Record<string, Record<EntryField, string>>;
  findings: Finding[];
  score: UnitScore;
  /** Provisional level name from the total (gates are applied by the admin). */
  level: string | null;
  levels: Array<{ code: string; name: string; min: number }>;
}

export type AdminStepKey = PlanStep;
/** What a job runs: a step of the year's plan, or «Nhắc đơn vị chưa nộp» (menu only). */
export type JobStepKey = AdminStepKey | 'remind';

/**
 * A step as core/steps/year-plan decides it: state, detail (Vietnamese, e.g. "33/33 đơn vị đã có
 * biểu mẫu"), what is open before it (`blockers`) and the question to ask before running it.
 */
export type AdminStep = PlannedStep;

export interface AdminState {
  year: number | null;
  steps: AdminStep[];
  /** The next step of the year (the first not run yet), or null. */
  next: AdminStepKey | null;
  /** `notSubmitted`: names of the units that have not submitted, as `Đơn vị` records it. */
  progress: { units: number; created: number; entered: number; submitted: number; notSubmitted: string[] };
  links: Array<{ label: string; url: string }>;
  /** The units of `Đơn vị` (code, name), for the unit picker of «Xem điểm thẩm định». */
  units?: Array<{ code: string; name: string }>;
  /** The round's deadlines of `Cấu hình` with the days left. */
  deadlines?: DeadlineLine[];
}

/** One unit's criteria side by side (admin sidebar): Tự chấm | Thẩm định | Lý do thẩm định, from one read of its file. */
export interface AdminUnitView {
  unit: { code: string; name: string };
  /** «Đã thẩm định 4 tiêu chí, 2 tiêu chí khác điểm tự chấm (1 tiêu chí chưa ghi lý do).» */
  summary: string;
  rows: AppraisalRow[];
  /** `Hạn nộp` (and any other deadline of the round) with the days left. */
  deadlines: DeadlineLine[];
  /** The unit's file, when it has one. */
  url: string | null;
  /** Why there are no rows (no file yet, the file could not be read), in Vietnamese; null when read. */
  problem: string | null;
}

/** One chunk of a long job; the sidebar calls again with `cursor` until `finished`. */
export interface JobChunk {
  step: JobStepKey;
  done: number;
  total: number;
  finished: boolean;
  cursor: string | null;
  message: string; // Vietnamese, e.g. "12/33 đơn vị…"
  /** Per-unit problems; the other units went on. */
  errors: Array<{ unit: string; message: string }>;
  links: Array<{ label: string; url: string }>;
  /** The whole step could not be done (Vietnamese reason); absent when it ran. */
  failed?: string;
  /** How the finished run ended: «warning» when it found errors or produced nothing (not a success). */
  outcome?: StepState;
}

/**
 * Server functions callable from the sidebars through google.script.run (names are the globals).
 * src/gas/server-api.ts implements them as `createServerApi(gas?: GasServices, opts?: EnvOptions):
 * ServerApi`, so tests (and the browser tests' google.script.run shim) can run them on the
 * in-memory fake; src/gas/main.ts exposes them as the global functions of the bundle.
 */
export interface ServerApi {
  scorerState(): ScorerState;
  scorerSave(code: string, field: EntryField, value: string): ScorerState;
  scorerSubmit(): ScorerState;
  scorerReopen(): ScorerState;
  /** Attach a file to a criterion's `Minh chứng` (evidence-upload.ts). */
  scorerAttachEvidence(upload: EvidenceUpload): ScorerState;
  /** «Gửi giải trình»: a request recorded in the file; the owner's next collection decides. */
  scorerExplain(): ScorerState;
  adminState(): AdminState;
  /** `options.final` (report, decision): the final version, refused while a unit is in the way; else a «DỰ THẢO» when one is. */
  adminRun(step: AdminStepKey, cursor: string | null, options?: AdminRunOptions): JobChunk;
  /** Show a sheet of the control spreadsheet (a blocker's «Mở sheet …»). */
  adminShowSheet(name: string): void;
  /** One unit's self and appraised scores with the reasons (one read of its file). */
  adminUnitView(code: string): AdminUnitView;
}

/** A file the scorer attaches to a criterion: its name and bytes (base64), as google.script.run sends them. */
export interface EvidenceUpload {
  code: string;
  name: string;
  base64: string;
}

/** Options of a job, given with its first chunk. */
export interface AdminRunOptions {
  final?: boolean;
}
