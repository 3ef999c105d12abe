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
