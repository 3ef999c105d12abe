// The explanation round in core (issue 13 item 3): what the owner's collection decides for a
// returned unit, the scorer's request, a late explanation, a status typed over the recorded one.
import { newControlSheets } from '../../src/core/control-template';
import { Control, readControl } from '../../src/core/control';
import { isFormula, STATUS_CELLS, unitSheetLayout } from '../../src/core/unit-sheet';
import { findHeader } from '../../src/core/table';
import { SCORING_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { parseA1 } from '../../src/core/gas-support';
import { assessStep, decideUnit, unitEntries } from '../../src/core/steps/assess';
import { changeStatus, explainUnit } from '../../src/core/steps/submit';
import { fileStatusCopy } from '../../src/core/acceptance';
import { lateExplanationFinding, typedStatusCheck } from '../../src/core/round-flow';
import type { Grid, Unit } from '../../src/core/types';

const NOW = new Date(2024, 11, 12, 9, 0);
const CODE = 'BS-X02';

function controlWith(
  status: string,
  record: Partial<Record<keyof typeof UNIT_COLUMNS, Grid[number][number]>> = {},
  explainBy = '',
): Control {
  const sheets = Object.fromEntries(newControlSheets({ year: 2024, sample: 'binh-son-2024' }).map((s) => [s.name, s.grid]));
  const units = sheets[SHEETS.units].map((r) => [...r]);
  const col = (k: keyof typeof UNIT_COLUMNS) => units[0].indexOf(UNIT_COLUMNS[k]);
  const row = units.findIndex((r) => r[col('code')] === CODE);
  units[row][col('status')] = status;
  for (const [k, v] of Object.entries(record)) units[row][col(k as keyof typeof UNIT_COLUMNS)] = v;
  const config = sheets[SHEETS.config].map((r) => (r[0] === 'Hạn giải trình' ? [r[0], explainBy, r[2]] : r));
  return readControl({ config, units, criteria: sheets[SHEETS.criteria], levels: sheets[SHEETS.levels] });
}

const unitOf = (c: Control): Unit => c.units.find((x) => x.code === CODE)!;

/** The unit's file, blank, with the status cells and one explanation as typed. */
function fileOf(control: Control, h6 = '', a6 = '', explanation = ''): Grid {
  const u = unitOf(control);
  const layout = unitSheetLayout(u, control.rubrics[u.rubricId], { year: 2024, step: 0.25, bonusCap: 5 });
  const grid: Grid = layout.cells.map((r) => r.map((c) => (isFormula(c) ? `=${c.formula}` : c)));
  const loc = findHeader(grid, SCORING_COLUMNS)!;
  const leaf = layout.explanationInputs[0];
  if (explanation) grid[parseA1(leaf)![0]][loc.cols.explanation!] = explanation;
  const put = (a1: string, v: string) => (grid[parseA1(a1)![0]][parseA1(a1)![1]] = v);
  if (h6) put(STATUS_CELLS.meta, h6);
  if (a6) put(STATUS_CELLS.text, a6);
  return grid;
}

describe('the unit sheet: Giải trình right of Lý do thẩm định, read optionally', () => {
  it('lays out the column and its cells (with Minh chứng) as the explanation inputs', () => {
    const c = controlWith('Đã nộp');
    const layout = unitSheetLayout(unitOf(c), c.rubrics[unitOf(c).rubricId], { year: 2024, step: 0.25, bonusCap: 5 });
    expect(layout.cells[layout.headerRow][layout.cols.explanation]).toBe('Giải trình');
    expect(layout.cols.explanation).toBe(layout.cols.reason + 1);
    expect(layout.explanationInputs[0]).toMatch(/^J\d+$/);
    expect(layout.explanationInputs[1]).toMatch(/^F\d+$/);
    expect(layout.scorerInputs.some((a) => a.startsWith('J'))).toBe(false);
  });
});

describe('return → request → acceptance', () => {
  it('a returned unit: the file gets the status copy with the deadline and its explanation cells open', () => {
    const c = controlWith('Trả lại để giải trình', { explainBy: '20/12/2024' });
    const d = decideUnit(c, unitOf(c), { grid: fileOf(c, 'Đã nộp') }, NOW);
    expect(d.status).toBeUndefined();
    expect(d.openExplanation).toBe(true);
    expect(d.lock).toBe(false);
    const copy = d.copy(false)!;
    expect(copy.status).toBe('Trả lại để giải trình');
    expect(copy.line).toContain('hạn giải trình 20/12/2024');
    // Shown already: nothing to open or write again.
    const again = decideUnit(c, unitOf(c), { grid: fileOf(c, copy.status, copy.line) }, NOW);
    expect(again.openExplanation).toBe(false);
    expect(again.copy(false)).toBeNull();
  });

  it('the scorer’s request while returned is accepted: Đã giải trình, locked again, the inputs renewed', () => {
    const c = controlWith('Trả lại để giải trình', { acceptedCheck: 'abcdef012345' });
    const d = decideUnit(c, unitOf(c), { grid: fileOf(c, 'Đã giải trình', 'anything', 'Đã bổ sung') }, NOW);
    expect(d).toMatchObject({ status: 'Đã giải trình', lock: true, round: { explainedAt: NOW }, record: 'new' });
    expect(d.accepted!.check).not.toBe('abcdef012345');
    expect(d.copy(true)!.line).toBe('Trạng thái: Đã giải trình lúc 12/12/2024 09:00 — đã khóa ô nhập');
    const out = assessStep(c, 'progress', { sources: { [CODE]: { grid: fileOf(c, 'Đã giải trình') } }, today: NOW });
    expect(out.writes.updates.find((u) => u.code === CODE)).toMatchObject({
      status: 'Đã giải trình',
      explainedAt: NOW,
      recordedStatus: 'Đã giải trình',
    });
  });

  it('returned again: the owner’s copy of the earlier explanation is no new request', () => {
    const at = new Date(2024, 11, 5, 8, 0);
    const c = controlWith('Trả lại để giải trình', { explainedAt: at, acceptedCheck: 'abcdef012345', locked: 'Có' });
    const old = decideUnit(
      c,
      unitOf(c),
      { grid: fileOf(c, 'Đã giải trình', 'Trạng thái: Đã giải trình lúc 05/12/2024 08:00 — đã khóa ô nhập') },
      NOW,
    );
    expect(old.status).toBeUndefined();
    expect(old).toMatchObject({ openExplanation: true, round: { explainedAt: '' } });
    // The scorer's new request (another line) is one.
    const again = decideUnit(c, unitOf(c), { grid: fileOf(c, 'Đã giải trình', 'Trạng thái: Đã giải trình (đơn vị gửi lúc …)') }, NOW);
    expect(again.status).toBe('Đã giải trình');
  });

  it('the request in any other status changes nothing and says why, naming the current status', () => {
    for (const status of ['Đã nộp', 'Đã thẩm định', 'Đang chấm']) {
      const c = controlWith(status);
      const d = decideUnit(c, unitOf(c), { grid: fileOf(c, 'Đã giải trình', 'Trạng thái: Đã giải trình', 'x') }, NOW);
      expect(d.status === undefined || d.status !== 'Đã giải trình').toBe(true);
      const f = d.findings.find((x) => x.code === 'explain-refused')!;
      expect(f.message).toContain(`vì trạng thái hiện tại là «${status}»`);
    }
  });

  it('the owner returns with a deadline; offline explain is refused unless returned', () => {
    const c = controlWith('Đã nộp');
    const back = changeStatus(unitOf(c), 'Trả lại để giải trình', { deadline: new Date(2024, 11, 20) });
    expect(back.update).toEqual({ status: 'Trả lại để giải trình', explainBy: new Date(2024, 11, 20), explainedAt: '' });
    expect(fileStatusCopy(back.update!)!.line).toContain('hạn giải trình 20/12/2024');
    expect(changeStatus(unitOf(c), 'Đã giải trình').refused).toBe(true);
    expect(explainUnit(c, unitOf(c), undefined, NOW).message).toContain('vì trạng thái hiện tại là «Đã nộp»');
    const r = controlWith('Trả lại để giải trình', {}, '10/12/2024');
    const ok = explainUnit(r, unitOf(r), undefined, NOW);
    expect(ok.update).toMatchObject({ status: 'Đã giải trình', explainedAt: NOW });
    expect(ok.findings.map((f) => f.message)).toEqual([
      'Xã Bình An (BS-X02): gửi giải trình ngày 12/12/2024, sau hạn giải trình 10/12/2024 (chậm 2 ngày).',
    ]);
  });
});

describe('Hạn giải trình in Cấu hình', () => {
  it('a date (blank allowed); anything else is reported naming the row', () => {
    expect(controlWith('Đã nộp', {}, '20/12/2024').settings.explanationDeadline).toEqual(new Date(2024, 11, 20));
    const blank = controlWith('Đã nộp');
    expect(blank.settings.explanationDeadline).toBeNull();
    expect(blank.findings.filter((f) => f.message.includes('Hạn giải trình'))).toEqual([]);
    const bad = controlWith('Đã nộp', {}, 'cuối tháng');
    expect(bad.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('«Hạn giải trình» (dòng'));
    expect(bad.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('ghi «cuối tháng»; cần ngày dạng ngày/tháng/năm'));
  });
});

describe('late explanation and typed statuses', () => {
  it('late only after the deadline set at the return (else the one of Cấu hình)', () => {
    const u = { ...unitOf(controlWith('Đã giải trình')), round: { explainBy: new Date(2024, 11, 12), explainedAt: NOW } };
    expect(lateExplanationFinding(u, new Date(2024, 11, 1))).toBeNull();
    expect(lateExplanationFinding({ ...u, round: { explainedAt: NOW } }, new Date(2024, 11, 1))?.message).toContain('chậm 11 ngày');
  });

  it('a status typed over the recorded one: a legal step kept, an illegal one refused and the recorded one written back', () => {
    const u = unitOf(controlWith('Đã công nhận', { recordedStatus: 'Đã nộp' }));
    const refused = typedStatusCheck(u);
    expect(refused.status).toBe('Đã nộp');
    expect(refused.finding!.message).toContain('vì trạng thái hiện tại là «Đã nộp»');
    expect(typedStatusCheck({ ...u, status: 'Đã thẩm định' })).toEqual({ status: 'Đã thẩm định' });
    expect(typedStatusCheck({ ...u, recordedStatus: undefined })).toEqual({ status: 'Đã công nhận' });
    // Before the round the owner may still type «Đã nộp» over «Đã tạo biểu mẫu» (its record starts then).
    expect(typedStatusCheck({ ...u, status: 'Đã nộp', recordedStatus: 'Đã tạo biểu mẫu' })).toEqual({ status: 'Đã nộp' });
    expect(typedStatusCheck({ ...u, status: 'Trả lại để giải trình', recordedStatus: 'Đang chấm' }).finding?.message).toContain(
      'vì trạng thái hiện tại là «Đang chấm»',
    );
    const c = controlWith('Đã công nhận', { recordedStatus: 'Đã nộp', acceptedCheck: 'abcdef012345' });
    const out = assessStep(c, 'progress', { sources: {}, today: NOW });
    expect(out.writes.updates.find((x) => x.code === CODE)).toMatchObject({ status: 'Đã nộp' });
    expect(out.findings.map((f) => f.code)).toContain('illegal-status-step');
  });
});

describe('a change other than Giải trình / Minh chứng while returned', () => {
  /** The file with values typed in the first two leaves: [Tự chấm, Minh chứng, Ghi chú, Giải trình]. */
  function typed(
    control: Control,
    values: Record<number, Partial<Record<'self' | 'evidence' | 'note' | 'explanation', string | number>>>,
    h6 = '',
    a6 = '',
  ) {
    const grid = fileOf(control, h6, a6);
    const loc = findHeader(grid, SCORING_COLUMNS)!;
    const u = unitOf(control);
    const leaves = control.rubrics[u.rubricId].criteria.filter((x) => !x.children.length);
    for (const [i, v] of Object.entries(values)) {
      const r = grid.findIndex((row, k) => k > loc.headerRow && row[loc.cols.code!] === leaves[Number(i)].code);
      for (const [k, x] of Object.entries(v)) grid[r][loc.cols[k as 'self']!] = x;
    }
    return { grid, leaves: leaves.map((l) => l.code) };
  }
  const atSubmission = { 0: { self: 3, note: 'đủ' }, 1: { self: 2 } };

  it('offline: the return records the inputs kept as submitted; a change of Tự chấm is reported, naming the criterion', () => {
    const c = controlWith('Đã nộp');
    const { grid, leaves } = typed(c, atSubmission);
    const src = { grid };
    const back = changeStatus(unitOf(c), 'Trả lại để giải trình', {
      deadline: new Date(2024, 11, 20),
      entries: unitEntries(c, unitOf(c), src),
    });
    expect(back.update!.returnedCheck).toMatch(/^\{.*\}$/);
    const r = controlWith('Trả lại để giải trình', { explainBy: '20/12/2024', returnedCheck: back.update!.returnedCheck as string });
    const copy = fileStatusCopy(back.update!)!;
    // Giải trình and Minh chứng written: nothing to report.
    const explained = typed(
      r,
      { 0: { self: 3, note: 'đủ', evidence: 'bien-ban.pdf', explanation: 'Đã bổ sung' }, 1: { self: 2 } },
      copy.status,
      copy.line,
    );
    expect(decideUnit(r, unitOf(r), { grid: explained.grid }, NOW).findings).toEqual([]);
    // Tự chấm of the second leaf changed: the Cảnh báo names it.
    const changed = typed(r, { 0: { self: 3, note: 'đủ' }, 1: { self: 4 } }, copy.status, copy.line);
    const d = decideUnit(r, unitOf(r), { grid: changed.grid }, NOW);
    expect(d.findings.map((f) => [f.severity, f.code])).toEqual([['Cảnh báo', 'changed-while-returned']]);
    expect(d.findings[0].message).toMatch(new RegExp(`«Tự chấm» của tiêu chí ${leaves[1].replace('.', '\\.')} \\(ô D\\d+\\) đã bị sửa`));
    expect(d.findings[0].message).not.toContain(leaves[0]);
    // `dvcq explain` refuses it, naming the criterion; the file as returned is accepted.
    const refused = explainUnit(r, unitOf(r), { grid: changed.grid }, NOW);
    expect(refused.refused).toBe(true);
    expect(refused.message).toContain(`«Tự chấm» của tiêu chí ${leaves[1]}`);
    expect(explainUnit(r, unitOf(r), { grid: explained.grid }, NOW).refused).toBe(false);
  });

  it('offline: a change made before the return is said at the return (the record starts from the file as it is)', () => {
    const c = controlWith('Đã nộp', { acceptedCheck: 'abcdef012345' });
    const { grid } = typed(c, atSubmission);
    const back = changeStatus(unitOf(c), 'Trả lại để giải trình', { entries: unitEntries(c, unitOf(c), { grid }) });
    expect(back.refused).toBe(false);
    expect(back.findings.map((f) => [f.severity, f.code])).toEqual([['Cảnh báo', 'changed-after-submit']]);
    // No readable file: the record of an earlier return is cleared.
    expect(changeStatus(unitOf(c), 'Trả lại để giải trình', { entries: null }).update!.returnedCheck).toBe('');
  });

  it('add-on: the collection that first sees the return records the kept inputs; the request with a changed note is not accepted', () => {
    const c = controlWith('Trả lại để giải trình', { acceptedCheck: 'abcdef012345' });
    const first = decideUnit(c, unitOf(c), { grid: typed(c, atSubmission, 'Đã nộp').grid }, NOW);
    expect(first.round?.returnedCheck).toMatch(/^\{.*\}$/);
    const out = assessStep(c, 'progress', { sources: { [CODE]: { grid: typed(c, atSubmission, 'Đã nộp').grid } }, today: NOW });
    expect(out.writes.updates.find((u) => u.code === CODE)?.returnedCheck).toBe(first.round!.returnedCheck);
    const r = controlWith('Trả lại để giải trình', { acceptedCheck: 'abcdef012345', returnedCheck: first.round!.returnedCheck! });
    const { grid, leaves } = typed(
      r,
      { 0: { self: 3, note: 'thiếu' }, 1: { self: 2 } },
      'Đã giải trình',
      'Trạng thái: Đã giải trình (đơn vị gửi lúc …)',
    );
    const d = decideUnit(r, unitOf(r), { grid }, NOW);
    expect(d.status).toBeUndefined();
    expect(d.findings.map((f) => f.code)).toEqual(['changed-while-returned']);
    expect(d.findings[0].message).toContain(`«Ghi chú» của tiêu chí ${leaves[0]}`);
    expect(d.findings[0].message).toContain('chưa được ghi nhận');
  });
});

describe('an explanation with no Giải trình for any criterion appraised differently', () => {
  it('is accepted with a Cảnh báo naming the criteria, offline and by the collection alike', () => {
    const r = controlWith('Trả lại để giải trình', { explainBy: '20/12/2024' });
    const u = unitOf(r);
    const leaves = r.rubrics[u.rubricId].criteria.filter((x) => !x.children.length).map((x) => x.code);
    const loc = (g: Grid) => findHeader(g, SCORING_COLUMNS)!;
    const put = (g: Grid, code: string, field: 'self' | 'appraised' | 'explanation' | 'evidence', v: string | number) => {
      const l = loc(g);
      g[g.findIndex((row, k) => k > l.headerRow && row[l.cols.code!] === code)][l.cols[field]!] = v;
    };
    const file = (explanation: string, h6 = '', a6 = '') => {
      const g = fileOf(r, h6, a6);
      put(g, leaves[0], 'self', 3);
      put(g, leaves[0], 'appraised', 2);
      put(g, leaves[1], 'self', 2);
      put(g, leaves[1], 'appraised', 2);
      put(g, leaves[1], 'evidence', 'x.pdf');
      if (explanation) put(g, leaves[0], 'explanation', explanation);
      return g;
    };
    const offline = explainUnit(r, u, { grid: file('') }, new Date(2024, 11, 12));
    expect(offline.refused).toBe(false);
    const w = offline.findings.filter((f) => f.code === 'no-explanation');
    expect(w.map((f) => f.severity)).toEqual(['Cảnh báo']);
    expect(w[0].message).toBe(
      `Xã Bình An (BS-X02): đã gửi giải trình nhưng chưa ghi «Giải trình» cho tiêu chí nào có điểm thẩm định khác điểm tự chấm (${leaves[0]}).`,
    );
    expect(explainUnit(r, u, { grid: file('Đã bổ sung') }, new Date(2024, 11, 12)).findings.map((f) => f.code)).not.toContain(
      'no-explanation',
    );
    const request = 'Trạng thái: Đã giải trình (đơn vị gửi lúc …)';
    const d = decideUnit(r, u, { grid: file('', 'Đã giải trình', request) }, NOW);
    expect(d.status).toBe('Đã giải trình');
    expect(d.findings.map((f) => [f.severity, f.code])).toEqual([['Cảnh báo', 'no-explanation']]);
    expect(decideUnit(r, u, { grid: file('Có', 'Đã giải trình', request) }, NOW).findings).toEqual([]);
  });
});
