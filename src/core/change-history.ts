// A change history per score (issue 13 item 6): each collection compares what it read of every
// criterion with what the previous collection read, kept owner-side in one table (one row per
// unit and criterion), and says each change in `Nhật ký`. Pure: a back-end reads the table once,
// writes it back once, and appends the log rows it gets here.
import type { Cell, Entries, Grid } from './types';
import { SCORING_COLUMNS } from './schema';
import { cellText } from './text';
import { readTable } from './table';
import { Control, unitKey } from './control';
import type { UnitSource } from './assess';
import { unitEntries } from './steps/assess';
import { formatNumberMax } from './format';

/** A value as `Nhật ký` shows it: numbers Vietnamese style («3,5»). */
const valueText = (c: Cell) => (typeof c === 'number' ? formatNumberMax(c, 4) : cellText(c));

/** The owner's table of the values last collected (a hidden, tool-written sheet of the control). */
export const COLLECTED_SHEET = 'Dữ liệu đã thu';
export const COLLECTED_COLUMNS = {
  unitCode: 'Mã đơn vị',
  criterion: 'Mã tiêu chí',
  self: SCORING_COLUMNS.self,
  appraised: SCORING_COLUMNS.appraised,
  reason: SCORING_COLUMNS.reason,
  evidence: SCORING_COLUMNS.evidence,
  note: SCORING_COLUMNS.note,
} as const;
const FIELDS = ['self', 'appraised', 'reason', 'evidence', 'note'] as const;
type Field = (typeof FIELDS)[number];
/** The action written in `Nhật ký` for a change. */
export const CHANGE_ACTION = 'Thay đổi dữ liệu chấm điểm';

export type Collected = Map<string, Record<Field, string>>;
const keyOf = (unitCode: string, criterion: string) => `${unitKey(unitCode)}\u0000${criterion}`;

/** The table as read (a missing or blank sheet: nothing collected yet). */
export function readCollected(grid: Grid | undefined): Collected {
  const out: Collected = new Map();
  if (!grid?.length) return out;
  for (const r of readTable(grid, COLLECTED_COLUMNS).rows) {
    const unit = cellText(r.unitCode);
    const criterion = cellText(r.criterion);
    if (!unit || !criterion) continue;
    out.set(keyOf(unit, criterion), Object.fromEntries(FIELDS.map((f) => [f, cellText(r[f] ?? null)])) as Record<Field, string>);
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
  const out: ChangeLine[] = [];
  const known = [...previous.keys()].some((k) => k.startsWith(`${unitKey(unitCode)}\u0000`));
  if (!known) return out;
  for (const [criterion, e] of Object.entries(entries)) {
    const before = previous.get(keyOf(unitCode, criterion));
    for (const f of FIELDS) {
      const now = valueText((e as Record<Field, Cell | undefined>)[f] ?? null);
      const was = before?.[f] ?? '';
      if (now !== was) out.push({ unitCode, criterion, field: COLLECTED_COLUMNS[f], before: was, after: now });
    }
  }
  return out;
}

/** The `Nhật ký` detail of a change: «BS-X01, tiêu chí 1.1, Tự chấm: 3 → 4». */
export const changeDetail = (c: ChangeLine) => `${c.unitCode}, tiêu chí ${c.criterion}, ${c.field}: ${shown(c.before)} → ${shown(c.after)}`;

/** The whole table to write back: the units read this time replace their rows, the others stay. */
export function collectedGrid(previous: Collected, read: Record<string, Entries>): Grid {
  const rows = new Map(previous);
  for (const unitCode of Object.keys(read)) {
    for (const k of [...rows.keys()]) if (k.startsWith(`${unitKey(unitCode)}\u0000`)) rows.delete(k);
    for (const [criterion, e] of Object.entries(read[unitCode])) {
      rows.set(
        keyOf(unitCode, criterion),
        Object.fromEntries(FIELDS.map((f) => [f, valueText((e as Record<Field, Cell | undefined>)[f] ?? null)])) as Record<Field, string>,
      );
    }
  }
  const units = new Map<string, string>();
  for (const code of Object.keys(read)) units.set(unitKey(code), code);
  const grid: Grid = [Object.values(COLLECTED_COLUMNS)];
  for (const [k, v] of rows) {
    const [unit, criterion] = k.split('\u0000');
    grid.push([units.get(unit) ?? unit, criterion, ...FIELDS.map((f) => v[f])]);
  }
  return grid;
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
  const details: string[] = [];
  for (const unit of control.units) {
    const entries = entriesByUnit[unit.code];
    if (!entries || !Object.keys(entries).length) continue;
    read[unit.code] = entries;
    details.push(...unitChanges(previous, unit.code, entries).map(changeDetail));
  }
  return { details, grid: collectedGrid(previous, read) };
}
