// Rule gaps in the add-on (in-memory Apps Script): a unit file holding another unit's sheet,
// swapped headers, a row without a code, wording changes, ambiguous numbers, unit file names.
import { asAdmin, control, newWorld, rowsOf } from './helpers';
import { generate, preparedSample, runAll, sampleControl, unitFiles } from './flow';
import type { World } from './helpers';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { SCORING_COLUMNS, SHEETS } from '../../src/core/schema';
import { scorerSave, scorerState } from '../../src/gas/scorer';

type Row = Record<string, unknown>;

function scoringSheet(w: World, code: string) {
  return w.fake.spreadsheetById(unitFiles(w)[code].id)!.sheet(SHEETS.scoring);
}
const ownerOf = (w: World, code: string) => w.fake.drive.item(unitFiles(w)[code].id)!.owner;

/** 1-based row of a criterion (or of the header with `code` = null) and the letter of a header. */
function place(w: World, unit: string, code: string | null, header: string): string {
  const grid = scoringSheet(w, unit).values();
  const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
  const col = grid[h].indexOf(header);
  const r = code === null ? h : grid.findIndex((row, i) => i > h && row[0] === code);
  return `${String.fromCharCode(65 + col)}${r + 1}`;
}

function findings(w: World, step: 'validate' | 'rank'): Row[] {
  asAdmin(w);
  runAll((c) => runAssessChunk(w.env, step, c));
  return rowsOf(w, SHEETS.findings);
}
const of = (rows: Row[], code: string) =>
  rows.filter((x) => x['Mã đơn vị'] === code).map((x) => `${String(x['Mức độ'])}: ${String(x['Nội dung'])}`);
const levelOf = (w: World, code: string) => rowsOf(w, SHEETS.results).find((x) => x['Mã đơn vị'] === code)!['Xếp loại'];

/** Every cell of one unit's `Chấm điểm` typed over another's (formulas as formulas), as the owner. */
function copySheetOver(w: World, from: string, to: string, opts: { clearH?: boolean } = {}) {
  const src = scoringSheet(w, from);
  const values = src.values();
  const formulas = src.formulas();
  const grid = values.map((row, i) =>
    row.map((v, j) => {
      if (opts.clearH && j === 7) return '';
      if (formulas[i][j]) return formulas[i][j];
      return typeof v === 'string' && v !== '' ? `'${v}` : v;
    }),
  );
  scoringSheet(w, to).set('A1', grid, { as: ownerOf(w, to) });
}

describe('quy tắc biểu mẫu đơn vị (bản Google)', () => {
  let w: World;
  let rows: Row[] = [];

  beforeAll(() => {
    w = preparedSample();
    // 1. BS-X09's sheet typed over BS-X08's file; over BS-X10's with the hidden column H cleared.
    copySheetOver(w, 'BS-X09', 'BS-X08');
    copySheetOver(w, 'BS-X09', 'BS-X10', { clearH: true });
    // 2. BS-X11: the owner swaps the labels «Tự chấm» and «Thẩm định».
    const owner = ownerOf(w, 'BS-X11');
    const self = place(w, 'BS-X11', null, SCORING_COLUMNS.self);
    const appraised = place(w, 'BS-X11', null, SCORING_COLUMNS.appraised);
    scoringSheet(w, 'BS-X11').set(self, SCORING_COLUMNS.appraised, { as: owner });
    scoringSheet(w, 'BS-X11').set(appraised, SCORING_COLUMNS.self, { as: owner });
    // 3. BS-X12: a row inserted by the owner under the first criterion, a score typed in it.
    const sheet = w.env.gas.SpreadsheetApp.openById(unitFiles(w)['BS-X12'].id).getSheetByName(SHEETS.scoring)!;
    const first = Number(place(w, 'BS-X12', null, SCORING_COLUMNS.code).slice(1)) + 1;
    sheet.insertRowsAfter(first, 1);
    scoringSheet(w, 'BS-X12').set(`B${first + 1}`, 'Nội dung tự thêm', { as: ownerOf(w, 'BS-X12') });
    scoringSheet(w, 'BS-X12').set(`D${first + 1}`, 5, { as: ownerOf(w, 'BS-X12') });
    // 5. BS-X13: «1.000» typed as text.
    const leaf = scoringSheet(w, 'BS-X13')
      .values()
      .find((r) => r[0] === 'X1.1');
    expect(leaf).toBeDefined();
    scoringSheet(w, 'BS-X13').set(place(w, 'BS-X13', 'X1.1', SCORING_COLUMNS.self), "'1.000", { as: ownerOf(w, 'BS-X13') });
    rows = findings(w, 'rank');
  });

  it('1. another unit’s sheet in a unit’s file: a blocking error naming both units; «Không xếp loại»', () => {
    expect(of(rows, 'BS-X08')).toEqual([
      expect.stringMatching(
        /^Lỗi: Xã Bình Hải \(BS-X08\): biểu mẫu này là của đơn vị Xã Bình Hiệp \(BS-X09\), không phải của Xã Bình Hải \(BS-X08\); có thể tệp đã bị chép đè/,
      ),
    ]);
    expect(levelOf(w, 'BS-X08')).toBe('Không xếp loại');
    expect(levelOf(w, 'BS-X09')).not.toBe('Không xếp loại');
  });

  it('1. another unit’s sheet with the hidden column H cleared: the visible header line still names it — a blocking error', () => {
    // The meta sheet (read because column H lost the code) still says BS-X10; the sheet's own
    // header line says BS-X09.
    expect(of(rows, 'BS-X10')).toEqual([
      expect.stringMatching(/^Lỗi: Xã Bình Hòa \(BS-X10\): biểu mẫu này là của đơn vị Xã Bình Hiệp \(BS-X09\), không phải của Xã Bình Hòa/),
    ]);
    expect(levelOf(w, 'BS-X10')).toBe('Không xếp loại');
  });

  it('2. swapped headers: a blocking error naming the columns; the layout is recorded and computed in the file', () => {
    expect(of(rows, 'BS-X11')).toEqual([expect.stringMatching(/^Lỗi: Xã Bình Khương \(BS-X11\): tiêu đề cột .* đã bị đổi chỗ/)]);
    expect(of(rows, 'BS-X11')[0]).toContain('cột D có tiêu đề «Thẩm định» nhưng biểu mẫu ghi cột này là «Tự chấm»');
    expect(of(rows, 'BS-X11')[0]).toContain('cột E có tiêu đề «Tự chấm» nhưng biểu mẫu ghi cột này là «Thẩm định»');
    expect(levelOf(w, 'BS-X11')).toBe('Không xếp loại');
    expect(scoringSheet(w, 'BS-X07').values().flat()).toContain(
      'dvcq-cot;code=1;title=2;max=3;self=4;appraised=5;evidence=6;note=7;reason=9;explanation=10',
    );
  });

  it('3. a score in a row without a code: Lỗi with its cell', () => {
    const f = rowsOf(w, SHEETS.findings).filter((x) => x['Mã đơn vị'] === 'BS-X12');
    expect(f).toHaveLength(1);
    expect(f[0]['Mức độ']).toBe('Lỗi');
    expect(f[0]['Ô']).toMatch(/^Chấm điểm!D\d+$/);
    const r = String(f[0]['Ô']).split('!D')[1];
    expect(f[0]['Nội dung']).toContain(`dòng ${r} không có mã tiêu chí nhưng có điểm tự chấm «5» (ô D${r})`);
    expect(levelOf(w, 'BS-X12')).toBe('Không xếp loại');
  });

  it('5. «1.000» typed in a score cell: a blocking error showing how to type a decimal', () => {
    expect(of(rows, 'BS-X13')).toEqual([expect.stringContaining('«1.000» không rõ là số nào')]);
    expect(of(rows, 'BS-X13')[0]).toContain('ghi 1 hoặc 1,5 — dùng dấu phẩy cho phần thập phân');
    expect(levelOf(w, 'BS-X13')).toBe('Không xếp loại');
  });
});

describe('4. wording changed in `Tiêu chí` (bản Google)', () => {
  it('is a warning on every file of the rubric; nothing is blocked', () => {
    const w = preparedSample();
    // A first collection records the acceptances; from then on they are flagged late (the sample's
    // deadline is past by the fake's clock), before and after the change alike.
    findings(w, 'rank');
    const before = findings(w, 'rank');
    const classified = rowsOf(w, SHEETS.results).filter((x) => x['Xếp loại'] !== 'Không xếp loại').length;
    const criteria = control(w).sheet(SHEETS.criteria);
    const at = criteria.find('X1.1')!;
    const row = Number(at.slice(1));
    const titleCol = criteria.values()[0].indexOf('Nội dung');
    criteria.set(`${String.fromCharCode(65 + titleCol)}${row}`, 'Ban hành kế hoạch công tác dân vận chính quyền năm');
    const after = findings(w, 'rank');
    const stale = after.filter((x) => String(x['Nội dung']).includes('đã được sửa sau khi tạo biểu mẫu'));
    expect(stale.length).toBeGreaterThan(15);
    expect(stale.every((x) => x['Mức độ'] === 'Cảnh báo')).toBe(true);
    expect(stale[0]['Nội dung']).toContain('dvcq templates --upgrade');
    expect(after.length - stale.length).toBe(before.length);
    expect(rowsOf(w, SHEETS.results).filter((x) => x['Xếp loại'] !== 'Không xếp loại').length).toBe(classified);
  });
});

describe('5. the scorer sidebar stores «1.000» as typed and says it is ambiguous', () => {
  it('never turns it into 1', () => {
    const w = preparedSample();
    const f = unitFiles(w)['BS-P09']; // not submitted yet
    w.fake.setUser(w.fake.drive.item(f.id)!.editors[0]);
    w.fake.setActiveSpreadsheet(f.id);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf && c.kind === 'score')!.code;
    const state = scorerSave(w.env, leaf, 'self', '1.000');
    expect(state.entries[leaf].self).toBe('1.000');
    const finding = state.findings.find((x) => x.criterion === leaf)!;
    expect(finding).toMatchObject({ severity: 'Lỗi', code: 'ambiguous-number' });
    expect(finding.message).toContain('ghi 1 hoặc 1,5');
  });
});

describe('6. unit codes that sanitize alike get different Drive file names', () => {
  it('«A/B» and «A:B»', () => {
    const w = newWorld();
    sampleControl(w);
    const units = control(w).sheet(SHEETS.units);
    const rowOf = (code: string) => Number(units.find(code)!.slice(1));
    for (const [old, code] of [
      ['BS-X02', 'A/B'],
      ['BS-X03', 'A:B'],
    ]) {
      const r = rowOf(old);
      units.set(`A${r}`, code);
      units.set(`B${r}`, 'Xã Thử');
    }
    generate(w);
    const files = unitFiles(w);
    const name = (code: string) => w.fake.drive.item(files[code].id)!.name;
    expect(name('A/B')).not.toBe(name('A:B'));
    expect(name('A/B')).toMatch(/^A_B~[0-9a-f]{10} - Xã Thử - Biểu chấm điểm DVCQ 2024$/);
    expect(name('BS-X04')).toMatch(/^BS-X04 - Xã .* - Biểu chấm điểm DVCQ 2024$/);
  });
});

describe('a unit code lost from the hidden column of the unit`s own file (add-on)', () => {
  it('is taken from the meta sheet, read for that file only: no error, the unit is classified', () => {
    const w = preparedSample();
    findings(w, 'rank'); // locks the submitted files, once
    const base = w.fake.calls.snapshot();
    findings(w, 'rank');
    const intact = w.fake.calls.since(base);
    const sheet = scoringSheet(w, 'BS-X07');
    const r = sheet.values().findIndex((row) => row[7] === 'BS-X07');
    expect(r).toBeGreaterThan(0);
    sheet.set(`H${r + 1}`, '', { as: ownerOf(w, 'BS-X07') });
    const before = w.fake.calls.snapshot();
    const rows = findings(w, 'rank');
    const calls = w.fake.calls.since(before);
    // Only the late flag (the sample's deadline is past by the fake's clock).
    expect(of(rows, 'BS-X07').filter((m) => !m.includes('sau hạn nộp'))).toEqual([]);
    expect(levelOf(w, 'BS-X07')).not.toBe('Không xếp loại');
    // One more read (the sheet, its range, its values) for the damaged file, none for the 32 others.
    expect(calls.byMethod['Range.getValues'] - intact.byMethod['Range.getValues']).toBe(1);
    expect(calls.total - intact.total).toBe(3);
  });
});
