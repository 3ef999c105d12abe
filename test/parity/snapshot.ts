// What each back-end's run of the story leaves behind, in a shape both can fill.
import type { DocModel } from '../../src/core/report-model';

/** The control sheets compared cell by cell. */
export const COMPARED_SHEETS = ['Kết quả', 'Kiểm tra', 'Đơn vị'] as const;
export type ComparedSheet = (typeof COMPARED_SHEETS)[number];

/** A cell as read: a value, or an .xlsx hyperlink (shown text and target). */
export type RawCell = string | number | boolean | Date | { link: string; target: string };

/** What a step printed or returned: not compared, shown with a failure to help read it. */
export interface StepLog {
  step: string;
  outcome: string;
  output: string;
}

/**
 * The unit files a link may point at, by link key: a workspace-relative path offline, a Drive id
 * online; each with the unit and the year it was made for (from its name, not from the link).
 */
export type FileIndex = Record<string, { unit: string; year: number }>;

export interface Snapshot {
  backEnd: 'CLI' | 'add-on';
  /** After step 6 (rank, report, decision). */
  afterRanking: Record<string, RawCell[][]>;
  /** After step 7 (new year, templates, validate). */
  afterNewYear: Record<string, RawCell[][]>;
  /** The models the back-end handed to its document writer (undefined: none was built). */
  report: DocModel | undefined;
  decision: DocModel | undefined;
  steps: StepLog[];
  files: FileIndex;
}

/** What each back-end's run of the appraisal round (round.test.ts) leaves behind. */
export interface RoundSnapshot {
  backEnd: 'CLI' | 'add-on';
  /** After the illegal step typed in `Đơn vị` and the collection (step 4). */
  afterIllegal: Record<string, RawCell[][]>;
  /** After rank, report and decision (step 8). */
  final: Record<string, RawCell[][]>;
  report: DocModel | undefined;
  decision: DocModel | undefined;
  /** `Đơn vị`/`Trạng thái` of the returned unit after its explanation was sent and collected (step 5). */
  statusAfterExplanation: string;
  /** `Chi tiết` of every «Thay đổi dữ liệu chấm điểm» row of `Nhật ký` at the end. */
  changes: string[];
  steps: StepLog[];
  files: FileIndex;
}
