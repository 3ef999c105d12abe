// A change history per score (issue 13 item 6): each collection compares what it read of every
// criterion with what the previous collection read, kept owner-side in one table (one row per
// unit and criterion), and says each change in `Nhật ký`. Pure: a back-end reads the table once,
// writes it back once, and appends the log rows it gets here.
import type { Cell, Entries, Grid } from './types';
import { SCORING_COLUMNS } from './schema';
import { cellText } from './text';
import { Control, unitKey } from './control';
import type { UnitSource } from './assess';
import { unitEntries } from './steps/assess';
import { formatNumberMax } from './format';

/** A value as `Nhật ký` shows it: numbers Vietnamese style («3,5»). */
const valueText = (c: Cell) => (typeof c === 'number' ? formatNumberMax(c, 4) : cellText(c));

/**
 * The owner's table of the values last collected (a hidden, tool-written sheet of the control): one
 * row per unit, its values compact in JSON, so the table grows by one row per unit (not one per
 * criterion) and a unit's row is found by its code. Google Sheets holds at most 50,000 characters in
 * a cell (support.google.com/docs/answer/37603): a longer text continues in the next columns.
 */
export const COLLECTED_SHEET = 'Dữ liệu đã thu';
export const COLLECTED_HEADER = ['Mã đơn vị', 'Dữ liệu đã thu (JSON, tiếp sang các cột sau khi dài)'] as const;
const CELL_CHARS = 40_000;
// Appended only: a row written before a field existed has fewer values (read as blank).
const FIELDS = ['self', 'appraised', 'reason', 'evidence', 'note', 'explanation'] as const;
type Field = (typeof FIELDS)[number];
/** The action written in `Nhật ký` for a change. */
export const CHANGE_ACTION = 'Thay đổi dữ liệu chấm điểm';

/** A unit's values as last collected: criterion → the fields' texts in the order of FIELDS. */
type UnitValues = Record<string, string[]>;
export interface Collected {
  units: Map<string, { code: string; values: UnitValues }>;
  /** Units whose row could not be read (a hand edit): their next collection starts afresh, and says so. */
  unreadable: string[];
}

const valuesOf = (entries: Entries): UnitValues =>
  Object.fromEntries(
    Object.entries(entries).map(([criterion, e]) => [
      criterion,
      FIELDS.map((f) => valueText((e as Record<Field, Cell | undefined>)[f] ?? null)),
    ]),
  );

function parseValues(text: string): UnitValues | null {
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    for (const x of Object.values(v)) if (!Array.isArray(x) || x.some((t) => typeof t !== 'string')) return null;
    return v as UnitValues;
  } catch {
    return null;
  }
}

/** The table as read (a missing or blank sheet: nothing collected yet). */
export function readCollected(grid: Grid | undefined): Collected {
  const out: Collected = { units: new Map(), unreadable: [] };
  for (const row of (grid ?? []).slice(1)) {
    const code = cellText(row[0] ?? null);
    if (!code) continue;
    // Raw text: a part may begin or end with a space that cellText would trim.
    const values = parseValues(
      row
        .slice(1)
        .map((c) => (typeof c === 'string' ? c : ''))
        .join(''),
    );
    if (values) out.units.set(unitKey(code), { code, values });
    else out.unreadable.push(code);
  }
  return out;
}

export interface ChangeLine {
  unitCode: string;
  criterion: string;
  field: string;
  before: string;
  after: string;
}

const shown = (v: string) => (v === '' ? '(trống)' : v);

/**
 * The changes of one unit since the last collection. A unit collected for the first time has no
 * changes (everything is new, and a first log of every cell would drown the rest).
 */
export function unitChanges(previous: Collected, unitCode: string, entries: Entries): ChangeLine[] {
  const before = previous.units.get(unitKey(unitCode))?.values;
  if (!before) return [];
  const out: ChangeLine[] = [];
  for (const [criterion, now] of Object.entries(valuesOf(entries))) {
    FIELDS.forEach((f, i) => {
      const was = before[criterion]?.[i] ?? '';
      if (now[i] !== was) out.push({ unitCode, criterion, field: SCORING_COLUMNS[f], before: was, after: now[i] });
    });
  }
  return out;
}

/** The `Nhật ký` detail of a change: «BS-X01, tiêu chí 1.1, Tự chấm: 3 → 4». */
export const changeDetail = (c: ChangeLine) => `${c.unitCode}, tiêu chí ${c.criterion}, ${c.field}: ${shown(c.before)} → ${shown(c.after)}`;

/** The whole table to write back: the units read this time replace their rows, the others stay. */
export function collectedGrid(previous: Collected, read: Record<string, Entries>): Grid {
  const rows = new Map(previous.units);
  for (const [code, entries] of Object.entries(read)) rows.set(unitKey(code), { code, values: valuesOf(entries) });
  const body = [...rows.values()].map(({ code, values }) => {
    const json = JSON.stringify(values);
    const parts: string[] = [];
    for (let i = 0; i < json.length; i += CELL_CHARS) parts.push(json.slice(i, i + CELL_CHARS));
    return [code, ...parts];
  });
  const width = Math.max(COLLECTED_HEADER.length, ...body.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  return [pad([...COLLECTED_HEADER]), ...body.map(pad)];
}

/**
 * One collection's history: the `Nhật ký` details of every change, and the table to write back.
 * Units whose file was not read (missing, unreadable, another unit's) keep their rows untouched.
 */
export function changeHistory(
  control: Control,
  sources: Record<string, UnitSource | undefined>,
  previousGrid: Grid | undefined,
): { details: string[]; grid: Grid } {
  const read: Record<string, Entries | null> = {};
  for (const unit of control.units) read[unit.code] = unitEntries(control, unit, sources[unit.code]);
  return historyOf(control, read, previousGrid);
}

/** The same from each unit's entries as read (`unitEntries`), for a back-end that reads one file at a time. */
export function historyOf(
  control: Control,
  entriesByUnit: Record<string, Entries | null>,
  previousGrid: Grid | undefined,
): { details: string[]; grid: Grid } {
  const previous = readCollected(previousGrid);
  const read: Record<string, Entries> = {};
  const details: string[] = previous.unreadable.map(
    (code) =>
      `${code}: không đọc được dữ liệu thu lần trước trong sheet «${COLLECTED_SHEET}» (sheet ẩn); lần này ghi lại từ đầu nên chưa so sánh được các thay đổi.`,
  );
  for (const unit of control.units) {
    const entries = entriesByUnit[unit.code];
    if (!entries || !Object.keys(entries).length) continue;
    read[unit.code] = entries;
    details.push(...unitChanges(previous, unit.code, entries).map(changeDetail));
  }
  return { details, grid: collectedGrid(previous, read) };
}
