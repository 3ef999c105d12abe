// The owner's record of a submission (`Đơn vị`: Nộp lúc, Người nộp, Mã kiểm tra, Khóa ô nhập) and
// what the collection decides from it, whatever the unit file's status cells say (issue 10, item 1).
import { newControlSheets } from '../../src/core/control-template';
import { Control, readControl } from '../../src/core/control';
import { isFormula, STATUS_CELLS, unitSheetLayout } from '../../src/core/unit-sheet';
import { sampleEntries } from '../../src/core/sample';
import { findHeader } from '../../src/core/table';
import { SCORING_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { parseA1 } from '../../src/core/gas-support';
import { assessStep, decideUnit } from '../../src/core/steps/assess';
import { reopenUnit, submitUnit } from '../../src/core/steps/submit';
import { unitWrites } from '../../src/core/steps/plan';
import { readAcceptance } from '../../src/core/acceptance';
import { inputsFingerprint } from '../../src/core/inputs-fingerprint';
import type { Acceptance, Grid, Unit } from '../../src/core/types';

const NOW = new Date(2024, 11, 10, 9, 0);
const CODE = 'BS-X02';

function controlWith(
  status: string,
  record: Partial<Record<'acceptedAt' | 'acceptedBy' | 'acceptedCheck' | 'locked' | 'statusYear', unknown>> = {},
): Control {
  const sheets = Object.fromEntries(newControlSheets({ year: 2024, sample: 'binh-son-2024' }).map((s) => [s.name, s.grid]));
  const units = sheets[SHEETS.units].map((r) => [...r]);
  const col = (k: keyof typeof UNIT_COLUMNS) => units[0].indexOf(UNIT_COLUMNS[k]);
  const row = units.findIndex((r) => r[col('code')] === CODE);
  units[row][col('status')] = status;
  for (const [k, v] of Object.entries(record)) units[row][col(k as keyof typeof UNIT_COLUMNS)] = v as Grid[number][number];
  return readControl({
    config: sheets[SHEETS.config],
    units,
    criteria: sheets[SHEETS.criteria],
    levels: sheets[SHEETS.levels],
  });
}

/** The unit's file with the sample's entries, or every input blank; the status cells as typed. */
function fileOf(control: Control, opts: { blank?: boolean; h6?: string; a6?: string; raise?: boolean } = {}): Grid {
  const u = control.units.find((x) => x.code === CODE)!;
  const layout = unitSheetLayout(u, control.rubrics[u.rubricId], { year: 2024, step: 0.25, bonusCap: 5 });
  const grid: Grid = layout.cells.map((r) => r.map((c) => (isFormula(c) ? `=${c.formula}` : c)));
  const loc = findHeader(grid, SCORING_COLUMNS)!;
  if (!opts.blank) {
    for (const [code, e] of Object.entries(sampleEntries(control.rubrics)[CODE])) {
      const r = grid.findIndex((row, i) => i > loc.headerRow && row[0] === code);
      if (e.self !== undefined) grid[r][loc.cols.self!] = e.self;
      if (e.evidence !== undefined) grid[r][loc.cols.evidence!] = e.evidence;
    }
  }
  if (opts.raise) {
    const r = grid.findIndex((row, i) => i > loc.headerRow && typeof row[loc.cols.self!] === 'number');
    grid[r][loc.cols.self!] = (grid[r][loc.cols.self!] as number) - 0.25;
  }
  const put = (a1: string, v: string) => {
    const [r, c] = parseA1(a1)!;
    grid[r][c] = v;
  };
  if (opts.h6 !== undefined) put(STATUS_CELLS.meta, opts.h6);
  if (opts.a6 !== undefined) put(STATUS_CELLS.text, opts.a6);
  return grid;
}

const unitOf = (c: Control): Unit => c.units.find((x) => x.code === CODE)!;
const decide = (c: Control, grid: Grid) => decideUnit(c, unitOf(c), { grid }, NOW);
/** The fingerprint of a file's inputs, as a unit submitted without a record gets it. */
const submitted = controlWith('Đã nộp');
const checkOf = (grid: Grid) => decideUnit(submitted, unitOf(submitted), { grid }, NOW).accepted!.check;

describe('the record of a submission is read from `Đơn vị`', () => {
  it('reads the four cells; a row without them has no record', () => {
    expect(readAcceptance({ acceptedAt: NOW, acceptedBy: 'a@b.vn', acceptedCheck: 'abcdef012345', locked: 'có' })).toEqual({
      at: NOW,
      by: 'a@b.vn',
      check: 'abcdef012345',
      locked: true,
    } satisfies Acceptance);
    expect(readAcceptance({ acceptedAt: '', acceptedBy: null, acceptedCheck: '', locked: '' })).toBeUndefined();
    expect(unitOf(controlWith('Đã nộp')).accepted).toBeUndefined();
    expect(unitOf(controlWith('Đã nộp', { acceptedCheck: 'abcdef012345', locked: 'Có' })).accepted).toMatchObject({ locked: true });
  });
});

describe('decideUnit: the file’s status cells are a request or a copy', () => {
  it('«Đã nộp» typed into H6 of a file with every input blank is refused: no status, no record, no lock', () => {
    const c = controlWith('Đang chấm');
    const d = decide(c, fileOf(c, { blank: true, h6: 'Đã nộp', a6: 'Trạng thái: Đã nộp — mã kiểm tra: 000000000000 — đã khóa ô nhập' }));
    expect(d.status).toBeUndefined();
    expect(d.record).toBeUndefined();
    expect(d.lock).toBe(false);
    expect(d.findings.map((f) => f.code)).toEqual(['submit-refused']);
  });

  it('a valid request is accepted with the run’s time, the submitter and the fingerprint it names; the lock is the owner’s to apply', () => {
    const c = controlWith('Đang chấm');
    const grid = fileOf(c, { h6: 'Đã nộp', a6: 'Trạng thái: Đã nộp — người nộp: x@y.vn — đã khóa ô nhập' });
    const d = decide(c, grid);
    expect(d).toMatchObject({ status: 'Đã nộp', record: 'new', lock: true, accepted: { at: NOW, by: 'x@y.vn', locked: false } });
    expect(d.accepted!.check).toMatch(/^[0-9a-f]{12}$/);
    expect(d.copy(true)).toEqual({
      status: 'Đã nộp',
      line: `Trạng thái: Đã nộp lúc 10/12/2024 09:00 — người nộp: x@y.vn — mã kiểm tra: ${d.accepted!.check} — đã khóa ô nhập`,
    });
  });

  it('accepted and locked, shown so: nothing to do; any other text in the file: the owner checks the lock and rewrites it', () => {
    const c0 = controlWith('Đang chấm');
    const check = checkOf(fileOf(c0));
    const c = controlWith('Đã nộp', { acceptedAt: NOW, acceptedBy: '', acceptedCheck: check, locked: 'Có' });
    const shown = `Trạng thái: Đã nộp lúc 10/12/2024 09:00 — mã kiểm tra: ${check} — đã khóa ô nhập`;
    expect(decide(c, fileOf(c, { h6: 'Đã nộp', a6: shown }))).toMatchObject({ lock: false, findings: [] });
    const typed = decide(c, fileOf(c, { h6: 'Đang chấm', a6: 'Trạng thái: Đang chấm' }));
    expect(typed).toMatchObject({ lock: true, unlock: false });
    expect(typed.status).toBeUndefined();
    expect(typed.copy(true)).toEqual({ status: 'Đã nộp', line: shown });
  });

  it('«mã kiểm tra» deleted from the line and a score changed: reported against the record', () => {
    const c0 = controlWith('Đang chấm');
    const check = checkOf(fileOf(c0));
    const c = controlWith('Đã nộp', { acceptedAt: NOW, acceptedCheck: check, locked: 'Có' });
    const d = decide(c, fileOf(c, { raise: true, h6: 'Đã nộp', a6: 'Trạng thái: Đã nộp — đã khóa ô nhập' }));
    expect(d.findings.map((f) => f.code)).toEqual(['changed-after-submit']);
    expect(d.findings[0].message).toContain(`mã kiểm tra lúc nộp ${check}`);
    expect(d.accepted!.check).toBe(check);
  });

  it('submitted in `Đơn vị` without a record: the record starts now, from the request’s fingerprint when the file names one', () => {
    const c = controlWith('Đã nộp');
    const d = decide(c, fileOf(c, { raise: true, h6: 'Đã nộp', a6: 'Trạng thái: Đã nộp — mã kiểm tra: 0123456789ab' }));
    expect(d).toMatchObject({ record: 'first-record', accepted: { at: NOW, by: '', check: '0123456789ab' } });
    expect(d.findings.map((f) => f.code)).toEqual(['changed-after-submit']);
    const plain = decide(c, fileOf(c));
    expect(plain.accepted!.check).toBe(checkOf(fileOf(c)));
    expect(plain.findings).toEqual([]);
  });

  it('the owner reopened in `Đơn vị`: the record is cleared, the file opened, the old «Đã nộp» of the file not taken again', () => {
    const c = controlWith('Đang chấm', { acceptedAt: NOW, acceptedCheck: '0123456789ab', locked: 'Có' });
    const d = decide(c, fileOf(c, { h6: 'Đã nộp', a6: 'Trạng thái: Đã nộp — đã khóa ô nhập' }));
    expect(d).toMatchObject({ record: 'cleared', unlock: true, lock: false });
    expect(d.status).toBeUndefined();
    expect(d.copy(false)).toEqual({ status: 'Đang chấm', line: 'Trạng thái: Đang chấm (mở lại lúc 10/12/2024 09:00)' });
  });
});

describe('writes: the record in `Đơn vị` on both back-ends', () => {
  it('assessStep writes the record of a new acceptance, with the lock the back-end read back', () => {
    const c = controlWith('Đang chấm');
    const grid = fileOf(c, { h6: 'Đã nộp', a6: 'Trạng thái: Đã nộp' });
    const out = assessStep(c, 'progress', { sources: { [CODE]: { grid } }, locked: { [CODE]: true }, today: NOW });
    expect(out.writes.updates.find((u) => u.code === CODE)).toMatchObject({
      status: 'Đã nộp',
      acceptedAt: NOW,
      acceptedBy: '',
      acceptedCheck: checkOf(grid),
      locked: 'Có',
    });
    // Offline (no lock to read back): «Khóa ô nhập» stays blank.
    const offline = assessStep(c, 'progress', { sources: { [CODE]: { grid } }, today: NOW });
    expect(offline.writes.updates.find((u) => u.code === CODE)).toMatchObject({ locked: '' });
  });

  it('`submit` records who and when with the inputs’ fingerprint; `reopen` clears the record', () => {
    const c = controlWith('Đang chấm');
    const grid = fileOf(c);
    const o = submitUnit(c, unitOf(c), { grid }, NOW, 'kiem-thu');
    expect(o.update).toEqual({ status: 'Đã nộp', acceptedAt: NOW, acceptedBy: 'kiem-thu', acceptedCheck: checkOf(grid), locked: '' });
    expect(reopenUnit(unitOf(c)).update).toEqual({ status: 'Đang chấm', acceptedAt: '', acceptedBy: '', acceptedCheck: '', locked: '' });
  });

  it('a new year moves the record to `Trạng thái các năm` with the status, and brings it back with it', () => {
    const c = controlWith('Đã nộp', { acceptedAt: NOW, acceptedBy: 'x', acceptedCheck: '0123456789ab', locked: 'Có', statusYear: 2023 });
    const w = unitWrites(c);
    expect(w.updates.find((u) => u.code === CODE)).toMatchObject({
      status: '',
      acceptedAt: '',
      acceptedCheck: '',
      locked: '',
      statusYear: 2024,
    });
    expect(w.history!.find((h) => h.code === CODE)).toMatchObject({
      year: 2023,
      status: 'Đã nộp',
      acceptedAt: NOW,
      acceptedCheck: '0123456789ab',
      locked: 'Có',
    });
  });

  it('inputsFingerprint ignores the status cells: typing into A6 or H6 changes no fingerprint', () => {
    const c = controlWith('Đã nộp');
    expect(checkOf(fileOf(c, { h6: 'Đang chấm', a6: 'x' }))).toBe(checkOf(fileOf(c)));
    expect(inputsFingerprint({})).toMatch(/^[0-9a-f]{12}$/);
  });
});
