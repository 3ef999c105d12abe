// Reading one unit's scores from its file: SpreadsheetApp.openById, one range of `Chấm điểm`,
// one getValues (three calls, whatever the number of criteria).
import type { Grid, Rubric, Unit } from '../core/types';
import type { UnitSource } from '../core/assess';
import { STATUS } from '../core/types';
import { SHEETS } from '../core/schema';
import { readUnitSheet, unitSheetLayout } from '../core/unit-sheet';
import { cellLink, parseA1, sheetA1 } from '../core/gas-support';
import { STATUS_CELLS } from '../core/unit-sheet';
import { cellText } from '../core/text';
import type { Settings } from '../core/config';
import type { Env } from './env';
import type { GSpreadsheet } from './services';
import { isLockedLine, lockedLine } from './status-line';
import type { FileRecord } from './store';
import { layoutOptions } from './unit-meta';

/** Rows read beyond the layout, so rows inserted by the owner are still seen. */
const MARGIN_ROWS = 30;

export interface Collected {
  source: UnitSource | undefined;
  /** Status recorded in the file ('Đã nộp' / 'Đang chấm'), null when the file could not be read. */
  fileStatus: string | null;
  /** Something was typed in the file. */
  entered: boolean;
}

/** Number of rows to read for a rubric (layout rows + margin); computed once per rubric. */
export function rowsToRead(settings: Settings, rubric: Rubric): number {
  const unit: Unit = { code: '', name: '', type: '', group: '', rubricId: rubric.id, email: '', gates: [], status: '', link: '' };
  return unitSheetLayout(unit, rubric, layoutOptions(settings, rubric)).cells.length + MARGIN_ROWS;
}

/** Read a unit's `Chấm điểm` grid; a missing, trashed file or a missing sheet becomes a `missing` source. */
export function collectUnit(
  env: Env, unit: Unit, rubric: Rubric | undefined, record: FileRecord | null, rows: number, trashed: ReadonlySet<string> = new Set(),
): Collected {
  if (!record) return { source: undefined, fileStatus: null, entered: false };
  const link = cellLink(record.url, record.gid);
  if (trashed.has(record.id)) {
    return {
      source: { missing: 'tệp biểu mẫu đang nằm trong Thùng rác của Google Drive (khôi phục tệp để điểm được tính)', link: record.url },
      fileStatus: null,
      entered: false,
    };
  }
  let grid: Grid;
  let ss: GSpreadsheet;
  try {
    ss = env.gas.SpreadsheetApp.openById(record.id);
    try {
      grid = ss.getRange(sheetA1(SHEETS.scoring, `A1:H${rows}`)).getValues() as Grid;
    } catch {
      return {
        source: { missing: `không tìm thấy sheet «${SHEETS.scoring}» trong tệp biểu mẫu (có thể đã bị đổi tên hoặc xóa); chưa đọc được điểm`, link },
        fileStatus: null,
        entered: false,
      };
    }
  } catch {
    return {
      source: { missing: 'không mở được tệp biểu mẫu (tệp đã bị xóa, nằm trong Thùng rác hoặc không còn quyền truy cập)', link: record.url },
      fileStatus: null,
      entered: false,
    };
  }
  let entered = false;
  let fileStatus: string | null = null;
  if (rubric) {
    const read = readUnitSheet(grid, unit, rubric);
    fileStatus = read.meta.status || null;
    if (fileStatus === STATUS.submitted) lockIfNeeded(env, ss, grid);
    entered = Object.values(read.entries).some((e) => cellText(e.self) !== '' || cellText(e.evidence) !== '' || cellText(e.appraised) !== '');
  }
  return { source: { grid, link }, fileStatus, entered };
}

/**
 * A scorer cannot lock the protection of his own file; the owner does it here, once, when the
 * file says 'Đã nộp' and its status line does not say the inputs are locked (five calls, once).
 */
function lockIfNeeded(env: Env, ss: GSpreadsheet, grid: Grid): void {
  const [r, c] = parseA1(STATUS_CELLS.text)!;
  const line = cellText(grid[r]?.[c] ?? null);
  if (isLockedLine(line)) return;
  try {
    const sheet = ss.getSheetByName(SHEETS.scoring);
    const protection = sheet?.getProtections(env.gas.SpreadsheetApp.ProtectionType.SHEET)[0];
    if (!sheet || !protection || !protection.canEdit()) return;
    protection.setUnprotectedRanges([]);
    ss.getRange(sheetA1(SHEETS.scoring, STATUS_CELLS.text)).setValue(lockedLine(line));
    if (grid[r]) grid[r][c] = lockedLine(line);
  } catch {
    // Not the owner, or the file is read-only: the scores are still read; the lock waits.
  }
}

/** The `Trạng thái` a unit gets from what its file says. */
export function statusFrom(c: Collected, current: string): string {
  if (c.fileStatus === STATUS.submitted) return STATUS.submitted;
  if (c.fileStatus === null) return current;
  return c.entered ? STATUS.scoring : STATUS.created;
}
