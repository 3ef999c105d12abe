// Reading one unit's scores from its file: SpreadsheetApp.openById, one range of `Chấm điểm`,
// one getValues (three calls, whatever the number of criteria). Only "not found" and "no
// permission" mean the file is gone; any other failure is retried once, then reported as a file
// that could not be read this time (a Lỗi asking to run again), never taken for a missing file.
import type { Finding, Grid, Rubric, Unit } from '../core/types';
import type { UnitSource } from '../core/assess';
import { STATUS } from '../core/types';
import { SHEETS } from '../core/schema';
import { layoutOptions, readUnitSheet, unitSheetLayout } from '../core/unit-sheet';
import { cellLink, parseA1, sheetA1 } from '../core/gas-support';
import { STATUS_CELLS } from '../core/unit-sheet';
import { cellText } from '../core/text';
import type { Settings } from '../core/config';
import type { Env } from './env';
import type { GSpreadsheet } from './services';
import { fingerprintIn, isLockedLine, lockedLine } from '../core/submission-line';
import type { FileRecord } from './store';
import { isNotFound, RETRY_AFTER_MS } from './drive';
import { rawMessage } from './errors';
import { inputsFingerprint } from '../core/inputs-fingerprint';
import { anyUnit } from './unit-files';

/** Rows read beyond the layout, so rows inserted by the owner are still seen. */
const MARGIN_ROWS = 30;

/** Why a unit file that could not be read this time is not scored (a Lỗi finding, then «Không xếp loại»). */
export const UNREADABLE =
  'không đọc được tệp biểu mẫu lúc này (dịch vụ của Google tạm thời không phản hồi); điểm của đơn vị chưa được tính, hãy chạy lại';

export interface Collected {
  source: UnitSource | undefined;
  /** Status recorded in the file ('Đã nộp' / 'Đang chấm'), null when the file could not be read. */
  fileStatus: string | null;
  /** Something was typed in the file. */
  entered: boolean;
  /** The file exists but could not be read this time: reported as a Lỗi asking to run again. */
  unreadable?: boolean;
  /** What the adapter found itself (inputs changed after the submission). */
  findings?: Finding[];
}

/** Number of rows to read for a rubric (layout rows + margin); computed once per rubric. */
export function rowsToRead(settings: Settings, rubric: Rubric): number {
  return unitSheetLayout(anyUnit(rubric), rubric, layoutOptions(settings, rubric)).cells.length + MARGIN_ROWS;
}

/** The file is deleted, or this user may not open it (Apps Script's messages for both). */
export function isGoneOrDenied(e: unknown): boolean {
  if (isNotFound(e)) return true;
  return /is missing \(perhaps it was deleted|do not have permission to access|don't have (read )?access|no item with the given id|requested entity was not found/i.test(
    rawMessage(e),
  );
}

/** The range names a sheet that is not there (renamed, deleted) or rows that were deleted. */
const isSheetProblem = (e: unknown) => /range not found|outside the dimensions of the sheet/i.test(rawMessage(e));

type Read = { ss: GSpreadsheet; grid: Grid } | { gone: true } | { noSheet: true } | { failed: true };

function readOnce(env: Env, id: string, rows: number): Read {
  let ss: GSpreadsheet;
  try {
    ss = env.gas.SpreadsheetApp.openById(id);
  } catch (e) {
    if (isGoneOrDenied(e)) return { gone: true };
    throw e;
  }
  try {
    return { ss, grid: ss.getRange(sheetA1(SHEETS.scoring, `A1:H${rows}`)).getValues() as Grid };
  } catch (e) {
    if (isSheetProblem(e)) return { noSheet: true };
    throw e;
  }
}

/** One read, and one more after a pause when it failed for another reason than a gone file or sheet. */
function readWithRetry(env: Env, id: string, rows: number): Read {
  try {
    return readOnce(env, id, rows);
  } catch (first) {
    env.gas.Logger.log(`Đọc tệp ${id}: ${rawMessage(first)}`);
    env.gas.Utilities.sleep(RETRY_AFTER_MS);
    try {
      return readOnce(env, id, rows);
    } catch (second) {
      env.gas.Logger.log(`Đọc lại tệp ${id}: ${rawMessage(second)}`);
      return { failed: true };
    }
  }
}

/** Read a unit's `Chấm điểm` grid; a missing, trashed file or a missing sheet becomes a `missing` source. */
export function collectUnit(
  env: Env,
  unit: Unit,
  rubric: Rubric | undefined,
  record: FileRecord | null,
  rows: number,
  trashed: ReadonlySet<string> = new Set(),
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
  const read = readWithRetry(env, record.id, rows);
  if ('gone' in read) {
    return {
      source: {
        missing: 'không mở được tệp biểu mẫu (tệp đã bị xóa, nằm trong Thùng rác hoặc không còn quyền truy cập)',
        link: record.url,
      },
      fileStatus: null,
      entered: false,
    };
  }
  if ('noSheet' in read) {
    return {
      source: {
        missing: `không tìm thấy sheet «${SHEETS.scoring}» trong tệp biểu mẫu hoặc sheet bị xóa bớt dòng (có thể đã bị đổi tên hoặc xóa); chưa đọc được điểm`,
        link,
      },
      fileStatus: null,
      entered: false,
    };
  }
  if ('failed' in read) {
    return { source: { missing: UNREADABLE, link: record.url }, fileStatus: null, entered: false, unreadable: true };
  }
  const { ss, grid } = read;
  let entered = false;
  let fileStatus: string | null = null;
  const findings: Finding[] = [];
  if (rubric) {
    const sheet = readUnitSheet(grid, unit, rubric);
    fileStatus = sheet.meta.status || null;
    if (fileStatus === STATUS.submitted) {
      lockIfNeeded(env, ss, grid);
      const changed = changedAfterSubmit(unit, grid, sheet.entries, link);
      if (changed) findings.push(changed);
    }
    entered = Object.values(sheet.entries).some(
      (e) => cellText(e.self) !== '' || cellText(e.evidence) !== '' || cellText(e.appraised) !== '',
    );
  }
  return { source: { grid, link }, fileStatus, entered, ...(findings.length ? { findings } : {}) };
}

/** A Cảnh báo when the scorer's inputs differ from the fingerprint recorded at submission. */
function changedAfterSubmit(unit: Unit, grid: Grid, entries: Parameters<typeof inputsFingerprint>[0], link: string): Finding | null {
  const [r, c] = parseA1(STATUS_CELLS.text)!;
  const recorded = fingerprintIn(cellText(grid[r]?.[c] ?? null));
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
      `${unit.name} (${unit.code}): ô nhập (Tự chấm, Minh chứng hoặc Ghi chú) đã bị sửa sau khi đơn vị nộp kết quả ` +
      `(mã kiểm tra lúc nộp ${recorded}, hiện nay ${now}). Hãy xem lại biểu mẫu rồi quyết định: giữ điểm hiện tại, ` +
      'hoặc «Mở lại» để đơn vị kiểm tra và nộp lại.',
  };
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
