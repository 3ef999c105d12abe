// Reading one unit's scores from its file: SpreadsheetApp.openById, one range of `Chấm điểm`,
// one getValues (three calls, whatever the number of criteria). Only "not found" and "no
// permission" mean the file is gone; any other failure is retried once, then reported as a file
// that could not be read this time (a Lỗi asking to run again), never taken for a missing file.
import type { Grid, Rubric } from '../core/types';
import type { UnitSource } from '../core/assess';
import { SHEETS } from '../core/schema';
import { layoutOptions, needsMetaSheet, UNIT_SHEET_WIDTH, unitSheetLayout } from '../core/unit-sheet';
import { columnLetter } from '../core/table';
import { cellLink, sheetA1, sheetText } from '../core/gas-support';
import { STATUS_CELLS } from '../core/unit-sheet';
import type { Settings } from '../core/config';
import type { Env } from './env';
import type { GProtection, GSpreadsheet } from './services';
import type { UnitDecision } from '../core/steps/assess';
import type { FileRecord } from './store';
import { driveVerdict, isNotFound, RETRY_AFTER_MS } from './drive';
import { rawMessage } from './errors';
import { anyUnit } from './unit-files';

/** Rows read beyond the layout, so rows inserted by the owner are still seen. */
const MARGIN_ROWS = 30;

/** Why a unit file that could not be read this time is not scored (a Lỗi finding, then «Không xếp loại»). */
export const UNREADABLE =
  'không đọc được tệp biểu mẫu lúc này (dịch vụ của Google tạm thời không phản hồi); điểm của đơn vị chưa được tính, hãy chạy lại';

/** What was read of a unit's file: its source for the core (kept between chunks in the scratch sheet). */
export interface Collected {
  source: UnitSource | undefined;
  /** The owner made sure of the lock: whether the inputs are locked now (read back from the protection). */
  locked?: boolean;
}

/** What the collection does to a unit file for the owner, as the core decided it. */
export type OwnerActions = Pick<UnitDecision, 'lock' | 'unlock' | 'copy' | 'accepted' | 'openExplanation'>;

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
    return { ss, grid: ss.getRange(sheetA1(SHEETS.scoring, `A1:${columnLetter(UNIT_SHEET_WIDTH - 1)}${rows}`)).getValues() as Grid };
  } catch (e) {
    if (isSheetProblem(e)) return { noSheet: true };
    throw e;
  }
}

/** One read, and one more after a pause when it failed for another reason than a gone file or sheet. */
export function readWithRetry(env: Env, id: string, rows: number): Read {
  try {
    return readOnce(env, id, rows);
  } catch (first) {
    env.gas.Logger.log(`Đọc tệp ${id}: ${rawMessage(first)}`);
    // Gone or busy? Drive says (one call), not the error's text: a file deleted for good gives
    // "Unexpected error while getting the method or property openById…".
    if (driveVerdict(env, id) === 'gone') return { gone: true };
    env.gas.Utilities.sleep(RETRY_AFTER_MS);
    try {
      return readOnce(env, id, rows);
    } catch (second) {
      env.gas.Logger.log(`Đọc lại tệp ${id}: ${rawMessage(second)}`);
      return { failed: true };
    }
  }
}

/**
 * Read a unit's `Chấm điểm` grid; a missing, trashed file or a missing sheet becomes a `missing`
 * source. `decide(source)` asks the core what the owner does to the file: lock its inputs (a unit
 * submitted in `Đơn vị`), open them again (a reopening in `Đơn vị`; `scorerRanges` names them),
 * and show the owner's record in its status cells.
 */
export function collectUnit(
  env: Env,
  record: FileRecord | null,
  rows: number,
  trashed: ReadonlySet<string>,
  decide: (source: UnitSource) => OwnerActions,
  scorerRanges: () => string[] = () => [],
  explanationRanges: () => string[] = () => [],
): Collected {
  if (!record) return { source: undefined };
  const link = cellLink(record.url, record.gid);
  if (trashed.has(record.id)) {
    return {
      source: { missing: 'tệp biểu mẫu đang nằm trong Thùng rác của Google Drive (khôi phục tệp để điểm được tính)', link: record.url },
    };
  }
  const read = readWithRetry(env, record.id, rows);
  if ('gone' in read) {
    return {
      source: {
        missing: 'không mở được tệp biểu mẫu (tệp đã bị xóa, nằm trong Thùng rác hoặc không còn quyền truy cập)',
        link: record.url,
      },
    };
  }
  if ('noSheet' in read) {
    return {
      source: {
        missing: `không tìm thấy sheet «${SHEETS.scoring}» trong tệp biểu mẫu hoặc sheet bị xóa bớt dòng (có thể đã bị đổi tên hoặc xóa); chưa đọc được điểm`,
        link,
      },
    };
  }
  if ('failed' in read) return { source: { missing: UNREADABLE, link: record.url, transient: true } };
  // Column H lost the unit's identity (only the owner can edit it): the meta sheet says it, at two
  // more calls for this file only.
  const meta = needsMetaSheet(read.grid) ? metaSheetGrid(read.ss) : undefined;
  const source = meta ? { grid: read.grid, link, meta } : { grid: read.grid, link };
  const d = decide(source);
  // Returned for explanation: the inputs are not locked once the explanation cells are open (read back).
  const locked = d.lock ? ensureLocked(env, read.ss) : d.openExplanation ? !openExplanation(env, read.ss, explanationRanges()) : undefined;
  if (d.unlock) openInputs(env, read.ss, scorerRanges());
  const copy = d.copy(locked ?? d.accepted?.locked ?? false);
  // The grid stays as read: the core's findings describe the file the scorer left.
  if (copy) showCopy(env, read.ss, copy);
  return locked === undefined ? { source } : { source, locked };
}

/** The hidden meta sheet ([] when it is gone); a failure is not swallowed: it would read as a copied file. */
function metaSheetGrid(ss: GSpreadsheet): Grid {
  return (ss.getSheetByName(SHEETS.meta)?.getDataRange().getValues() as Grid | undefined) ?? [];
}

/** The sheet protection of `Chấm điểm`, null when there is none or it cannot be read. */
function protectionOf(env: Env, ss: GSpreadsheet): GProtection | null {
  const sheet = ss.getSheetByName(SHEETS.scoring);
  return sheet?.getProtections(env.gas.SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
}

/**
 * A scorer cannot lock the protection of his own file; the owner does it here: no unprotected
 * range left, then read back (Protection.getUnprotectedRanges), so `Khóa ô nhập` says what the
 * file is, not what its text claims. Four calls, five when it locks; only for a submitted unit
 * whose record is not yet locked, or whose file does not show it.
 */
function ensureLocked(env: Env, ss: GSpreadsheet): boolean {
  try {
    const protection = protectionOf(env, ss);
    if (!protection) return false;
    if (!protection.getUnprotectedRanges().length) return true;
    if (!protection.canEdit()) return false;
    protection.setUnprotectedRanges([]);
    return protection.getUnprotectedRanges().length === 0;
  } catch (e) {
    // Not the owner, or the file is read-only: the scores are still read; the lock waits.
    env.gas.Logger.log(`Khóa ô nhập: ${rawMessage(e)}`);
    return false;
  }
}

/** The owner reopened the unit in `Đơn vị`: its scorer's inputs (and status cells) open again. */
function openInputs(env: Env, ss: GSpreadsheet, ranges: string[]): void {
  try {
    const sheet = ss.getSheetByName(SHEETS.scoring);
    const protection = protectionOf(env, ss);
    if (!sheet || !protection || !ranges.length || !protection.canEdit()) return;
    protection.setUnprotectedRanges(sheet.getRangeList(ranges).getRanges());
  } catch (e) {
    env.gas.Logger.log(`Mở lại ô nhập: ${rawMessage(e)}`);
  }
}

/**
 * The owner returned the unit for explanation: exactly the explanation cells (`Giải trình`,
 * `Minh chứng`, the status cells) are left unprotected, then read back
 * (Protection.setUnprotectedRanges / getUnprotectedRanges,
 * https://developers.google.com/apps-script/reference/spreadsheet/protection). True when the read
 * back shows them all; false when the protection is missing, not the owner's, or differs.
 */
function openExplanation(env: Env, ss: GSpreadsheet, ranges: string[]): boolean {
  try {
    const sheet = ss.getSheetByName(SHEETS.scoring);
    const protection = protectionOf(env, ss);
    if (!sheet || !protection || !ranges.length || !protection.canEdit()) return false;
    protection.setUnprotectedRanges(sheet.getRangeList(ranges).getRanges());
    // Read back: as many unprotected ranges as set (none dropped; the test on the fake checks which).
    return protection.getUnprotectedRanges().length === ranges.length;
  } catch (e) {
    env.gas.Logger.log(`Mở ô giải trình: ${rawMessage(e)}`);
    return false;
  }
}

/** The file's status line and hidden status cell, written again as a copy of the owner's record. */
function showCopy(env: Env, ss: GSpreadsheet, copy: { status: string; line: string }): void {
  try {
    ss.getRange(sheetA1(SHEETS.scoring, STATUS_CELLS.text)).setValue(sheetText(copy.line));
    ss.getRange(sheetA1(SHEETS.scoring, STATUS_CELLS.meta)).setValue(copy.status);
  } catch (e) {
    // Read-only for this user: `Đơn vị` still holds the record; the copy waits.
    env.gas.Logger.log(`Ghi trạng thái vào biểu mẫu: ${rawMessage(e)}`);
  }
}
