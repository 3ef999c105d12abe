// A control workbook lives for years: `Đơn vị`/`Trạng thái` and `Liên kết` hold the current year's
// values, and the column `Năm của trạng thái` says which year that is. When `Năm` changes, the
// previous year's values move to the sheet `Trạng thái các năm` (never lost) and the new year starts
// blank — or with what that sheet remembers, when the admin goes back to an earlier year. The
// owner's record of the year's submission (acceptance.ts) moves with them.
import { Acceptance, Cell, Grid, Unit } from './types';
import { AcceptanceCells, acceptanceCells, readAcceptance } from './acceptance';
import { HISTORY_COLUMNS } from './schema';
import { readTable, tableGrid } from './table';
import { cellText, normalizeHeader } from './text';

/** The year's folder, offline and on Drive: "Dân vận chính quyền 2025". */
export const yearFolderName = (year: number) => `Dân vận chính quyền ${year}`;

/** The year of an offline link into a year folder ("Dân vận chính quyền 2024/…"), else null. */
export function linkYear(link: string): number | null {
  const m = /^Dân vận chính quyền (\d{4})[\\/]/.exec(link.normalize('NFC').trim());
  return m ? Number(m[1]) : null;
}

/** A unit's status, link and the owner's record of its submission (acceptance.ts) in one year. */
export interface HistoryRow extends AcceptanceCells {
  year: number;
  code: string;
  name: string;
  status: string;
  link: string;
}

const keyOf = (year: number, code: string) => `${year}|${normalizeHeader(code).toUpperCase()}`;

/** Rows of `Trạng thái các năm` (absent sheet: none). */
export function readHistory(grid: Grid | undefined): HistoryRow[] {
  if (!grid) return [];
  return readTable(grid, HISTORY_COLUMNS, ['year', 'code'])
    .rows.map((r) => ({
      year: Number(cellText(r.year)),
      code: cellText(r.code),
      name: cellText(r.name),
      status: cellText(r.status),
      link: cellText(r.link),
      ...acceptanceCells(readAcceptance(r)),
    }))
    .filter((r) => Number.isInteger(r.year) && r.code);
}

export const historyGrid = (rows: HistoryRow[]): Grid =>
  tableGrid(
    HISTORY_COLUMNS,
    rows.map((r) => ({ ...r })),
  );

/** The year a unit row's status and link belong to: the column, else the link's folder, else the current year. */
export function rowYear(statusYear: Cell, link: string, current: number): number {
  const y = Number(cellText(statusYear));
  if (cellText(statusYear) && Number.isInteger(y)) return y;
  return linkYear(link) ?? current;
}

/** `Trạng thái các năm` by year and code (the first row of a pair wins), built once per table: every unit looks itself up. */
const indexes = new WeakMap<HistoryRow[], Map<string, HistoryRow>>();
function historyIndex(history: HistoryRow[]): Map<string, HistoryRow> {
  let index = indexes.get(history);
  if (!index) {
    index = new Map();
    for (const h of history) if (!index.has(keyOf(h.year, h.code))) index.set(keyOf(h.year, h.code), h);
    indexes.set(history, index);
  }
  return index;
}

/**
 * The unit as seen in `year`: a row holding another year's status and link keeps them in
 * `otherYear`, and shows what `Trạng thái các năm` remembers of `year` (or nothing).
 */
export function unitInYear(unit: Unit, typedYear: number, year: number, history: HistoryRow[]): Unit {
  if (!year || typedYear === year) return unit;
  const remembered = historyIndex(history).get(keyOf(year, unit.code));
  const accepted: Acceptance | undefined = remembered ? readAcceptance(remembered) : undefined;
  // The round's record (explanation deadline and time, the status last written) is of the typed year.
  const { accepted: typedAccepted, round, recordedStatus, ...rest } = unit;
  return {
    ...rest,
    status: remembered?.status ?? '',
    link: remembered?.link ?? '',
    ...(accepted ? { accepted } : {}),
    otherYear: {
      year: typedYear,
      status: unit.status,
      link: unit.link,
      ...(typedAccepted ? { accepted: typedAccepted } : {}),
      ...(round || recordedStatus ? { roundRecord: true } : {}),
    },
  };
}

/**
 * `Trạng thái các năm` after moving the other years' values of `units` into it: one row per year
 * and unit (a newer value replaces an older one of the same year), null when nothing changes.
 */
export function archiveOtherYears(history: HistoryRow[], units: Unit[]): HistoryRow[] | null {
  const moving = units.filter((u) => u.otherYear && (u.otherYear.status || u.otherYear.link || u.otherYear.accepted));
  if (!moving.length) return null;
  const rows = new Map(history.map((h) => [keyOf(h.year, h.code), h]));
  for (const u of moving) {
    const o = u.otherYear!;
    rows.set(keyOf(o.year, u.code), {
      year: o.year,
      code: u.code,
      name: u.name,
      status: o.status,
      link: o.link,
      ...acceptanceCells(o.accepted),
    });
  }
  return [...rows.values()].sort((a, b) => a.year - b.year || a.code.localeCompare(b.code));
}
