// Rule gaps of the unit file reader and the validator: a file copied over another unit's, swapped
// column headers, rows without a code, wording changes, ambiguous numbers, file names and links.
import { readUnitSheet, unitSheetLayout, isFormula, CellSpec, layoutFingerprint } from '../../src/core/unit-sheet';
import { newControlSheets } from '../../src/core/control-template';
import { readControl } from '../../src/core/control';
import { assessAll, UnitSource } from '../../src/core/assess';
import { resultsGrid } from '../../src/core/output-tables';
import { findHeader } from '../../src/core/table';
import { META_COLUMNS, SCORING_COLUMNS, SHEETS } from '../../src/core/schema';
import { validateEntries, hasBlockingError } from '../../src/core/validate';
import { parseScore } from '../../src/core/text';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import { unitFileStem } from '../../src/core/file-names';
import { checkWorkspaceLink } from '../../src/core/links';
import { unitKey } from '../../src/core/control';
import type { Cell, Grid, Unit } from '../../src/core/types';
import { entry, ktRows, rubricOf, unit } from './helpers';

const rubric = rubricOf(ktRows());
const opts = { year: 2024, step: 0.25, bonusCap: rubric.bonusMax, deadline: new Date(2024, 10, 15) };
const x08 = unit('BS-X08', 'Xã Bình Chánh', 'Cụm 1');
const x09 = unit('BS-X09', 'Xã Bình Thạnh', 'Cụm 1');

/** The grid as the offline reader sees a file: formulas as their "=…" text. */
const asGrid = (cells: CellSpec[][]): Grid => cells.map((r) => r.map((c) => (isFormula(c) ? `=${c.formula}` : c)));
const layoutOf = (u: Unit, r = rubric) => unitSheetLayout(u, r, opts);
const gridOf = (u: Unit, r = rubric) => asGrid(layoutOf(u, r).cells);
const metaOf = (u: Unit, r = rubric): Grid => [
  [META_COLUMNS.key, META_COLUMNS.value],
  ...layoutOf(u, r).meta.map(([k, v]) => [k, v] as Cell[]),
];
const rowOf = (grid: Grid, code: string) => {
  const loc = findHeader(grid, SCORING_COLUMNS)!;
  return grid.findIndex((r, i) => i > loc.headerRow && r[loc.cols.code!] === code);
};
const withoutColumnH = (g: Grid): Grid => g.map((r) => r.slice(0, 7));
const clearColumnH = (g: Grid): Grid => g.map((r) => r.map((c, i) => (i === 7 ? null : c)));
const scored = (g: Grid) => {
  g[rowOf(g, '1.1')][3] = 15;
  g[rowOf(g, '1.2')][3] = 20;
  g[rowOf(g, '2')][3] = 50;
  g[rowOf(g, '2')][4] = 45;
  return g;
};
const codes = (fs: Array<{ code: string; severity: string }>) => fs.map((f) => `${f.severity} ${f.code}`);

describe('1. a unit file copied over another unit’s', () => {
  it('column H removed: the hidden meta sheet names the other unit — a blocking error, no score read', () => {
    const read = readUnitSheet(withoutColumnH(scored(gridOf(x09))), x08, rubric, opts, metaOf(x09));
    expect(codes(read.findings)).toEqual(['Lỗi wrong-unit']);
    expect(read.findings[0].message).toMatch(
      /^Xã Bình Chánh \(BS-X08\): biểu mẫu này là của đơn vị Xã Bình Thạnh \(BS-X09\), không phải của Xã Bình Chánh \(BS-X08\); có thể tệp đã bị chép đè/,
    );
    expect(read.findings[0].message).toContain('Cách sửa:');
    expect(read.entries).toEqual({});
  });

  it('column H cleared: the same', () => {
    const read = readUnitSheet(clearColumnH(scored(gridOf(x09))), x08, rubric, opts, metaOf(x09));
    expect(codes(read.findings)).toEqual(['Lỗi wrong-unit']);
    expect(read.entries).toEqual({});
  });

  it('column H intact: the other unit is named from column H and the header line', () => {
    const read = readUnitSheet(scored(gridOf(x09)), x08, rubric, opts);
    expect(codes(read.findings)).toEqual(['Lỗi wrong-unit']);
    expect(read.findings[0].message).toContain('biểu mẫu này là của đơn vị Xã Bình Thạnh (BS-X09), không phải của Xã Bình Chánh (BS-X08)');
  });

  it('the identity missing from both places is a blocking error', () => {
    const read = readUnitSheet(clearColumnH(scored(gridOf(x08))), x08, rubric, opts, metaOf(x08).slice(0, 1));
    expect(codes(read.findings)).toEqual(['Lỗi missing-unit-identity']);
    expect(read.findings[0].message).toContain('không còn ghi mã đơn vị');
    expect(read.entries).toEqual({});
    // Online the meta sheet is not read: column H alone decides.
    expect(codes(readUnitSheet(clearColumnH(gridOf(x08)), x08, rubric, opts).findings)).toEqual(['Lỗi missing-unit-identity']);
  });

  it('the unit’s own file without column H still reads, with its metadata from the meta sheet', () => {
    const read = readUnitSheet(withoutColumnH(scored(gridOf(x08))), x08, rubric, opts, metaOf(x08));
    expect(read.findings).toEqual([]);
    expect(read.meta).toMatchObject({ unitCode: 'BS-X08', year: '2024', rubricId: 'KT', fingerprint: layoutFingerprint(rubric, opts) });
    expect(read.entries['2']).toMatchObject({ self: 50, appraised: 45 });
  });

  it('a code typed in another case is the same unit', () => {
    expect(readUnitSheet(gridOf(x08), { ...x08, code: 'bs-x08' }, rubric, opts).findings).toEqual([]);
  });

  it('the unit is «Không xếp loại», the other units are still classified', () => {
    const sheets = Object.fromEntries(newControlSheets({ year: 2024, sample: 'binh-son-2024' }).map((s) => [s.name, s.grid]));
    const control = readControl({
      config: sheets[SHEETS.config],
      units: sheets[SHEETS.units],
      criteria: sheets[SHEETS.criteria],
      levels: sheets[SHEETS.levels],
    });
    const sources: Record<string, UnitSource> = {};
    for (const u of control.units) {
      const r = control.rubrics[u.rubricId];
      const layout = unitSheetLayout(u, r, { year: 2024, step: 0.25, bonusCap: r.bonusMax });
      const g = asGrid(layout.cells);
      const loc = findHeader(g, SCORING_COLUMNS)!;
      for (const c of r.criteria) {
        if (c.children.length || c.kind !== 'score') continue;
        g[rowOf(g, c.code)][loc.cols.self!] = c.max;
        g[rowOf(g, c.code)][loc.cols.evidence!] = `Hồ sơ ${c.code}`;
      }
      sources[u.code] = { grid: g, meta: [[META_COLUMNS.key, META_COLUMNS.value], ...layout.meta.map(([k, v]) => [k, v] as Cell[])] };
    }
    const x09Source = sources['BS-X09'] as { grid: Grid; meta: Grid };
    sources['BS-X08'] = { grid: withoutColumnH(x09Source.grid), meta: x09Source.meta };
    const a = assessAll(control, sources);
    const x = a.results.find((r) => r.code === 'BS-X08')!;
    expect(x.classified).toBe(false);
    expect(resultsGrid(a.results).find((row) => row[1] === 'BS-X08')).toContain('Không xếp loại');
    expect(a.findings.filter((f) => f.unitCode === 'BS-X08').map((f) => `${f.severity} ${f.code}`)).toEqual(['Lỗi wrong-unit']);
    expect(a.results.find((r) => r.code === 'BS-X09')!.classified).toBe(true);
  });
});

describe('2. column headers swapped or moved', () => {
  it('swapped «Tự chấm» and «Thẩm định» labels: a blocking error naming both columns, nothing read', () => {
    const g = scored(gridOf(x08));
    const h = layoutOf(x08).headerRow;
    [g[h][3], g[h][4]] = [g[h][4], g[h][3]];
    const read = readUnitSheet(g, x08, rubric, opts);
    expect(codes(read.findings)).toEqual(['Lỗi moved-column']);
    expect(read.findings[0].message).toContain('cột D có tiêu đề «Thẩm định» nhưng biểu mẫu ghi cột này là «Tự chấm»');
    expect(read.findings[0].message).toContain('cột E có tiêu đề «Tự chấm» nhưng biểu mẫu ghi cột này là «Thẩm định»');
    expect(read.entries).toEqual({});
    expect(hasBlockingError(read.findings)).toBe(true);
  });

  it('a label moved to an empty column: a blocking error', () => {
    const g = scored(gridOf(x08)).map((r) => [...r, null]);
    const h = layoutOf(x08).headerRow;
    g[h][8] = g[h][6];
    g[h][6] = 'Ghi chú cũ';
    expect(codes(readUnitSheet(g, x08, rubric, opts).findings)).toEqual(['Lỗi moved-column']);
  });

  it('a file without a recorded layout (older version) reads as before in the standard order, refuses another order', () => {
    const legacy = (g: Grid) => g.map((r) => r.map((c) => (typeof c === 'string' && c.includes('dvcq-cot') ? null : c)));
    const g = legacy(scored(gridOf(x08)));
    const read = readUnitSheet(g, x08, rubric, opts);
    expect(read.findings).toEqual([]);
    expect(read.entries['2']).toMatchObject({ self: 50, appraised: 45 });
    const h = layoutOf(x08).headerRow;
    [g[h][3], g[h][4]] = [g[h][4], g[h][3]];
    const swapped = readUnitSheet(g, x08, rubric, opts);
    expect(codes(swapped.findings)).toEqual(['Lỗi moved-column']);
    expect(swapped.findings[0].message).toContain('«Thẩm định» (cột D) đứng trước «Tự chấm» (cột E)');
  });
});

describe('3. a row without a code holding a score or evidence', () => {
  const withRow = (cells: Cell[]) => {
    const g = scored(gridOf(x08));
    g.splice(rowOf(g, '2') + 1, 0, cells);
    return g;
  };

  it('a score: Lỗi with the row and the cell', () => {
    const g = withRow([null, 'Dòng tự thêm', null, 5, null, null, null, null]);
    const r = g.findIndex((row) => row[1] === 'Dòng tự thêm') + 1;
    const read = readUnitSheet(g, x08, rubric, opts);
    expect(read.findings).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'row-without-code', cell: `D${r}` })]);
    expect(read.findings[0].message).toContain(`dòng ${r} không có mã tiêu chí nhưng có điểm tự chấm «5» (ô D${r})`);
  });

  it('evidence only: a warning with the cell', () => {
    const g = withRow([null, null, null, null, null, 'Biên bản họp', null, null]);
    const r = g.findIndex((row) => row[5] === 'Biên bản họp') + 1;
    expect(readUnitSheet(g, x08, rubric, opts).findings).toEqual([
      expect.objectContaining({ severity: 'Cảnh báo', code: 'row-without-code', cell: `F${r}` }),
    ]);
  });

  it('the blank line and the totals below the table are not such rows', () => {
    expect(readUnitSheet(scored(gridOf(x08)), x08, rubric, opts).findings).toEqual([]);
    // Online the totals arrive computed, as numbers.
    const online = scored(gridOf(x08)).map((r) => r.map((c) => (typeof c === 'string' && c.startsWith('=') ? 7 : c)));
    expect(readUnitSheet(online, x08, rubric, opts).findings.filter((f) => f.code === 'row-without-code')).toEqual([]);
  });
});

describe('4. criterion wording changed in `Tiêu chí`', () => {
  const reworded = rubricOf(ktRows().map((r) => (r.code === '1.1' ? { ...r, title: 'Ban hành kế hoạch năm' } : r)));
  const reguided = rubricOf(ktRows().map((r) => (r.code === '2' ? { ...r, guidance: 'Theo Kế hoạch số 5' } : r)));

  it('is not part of the scoring fingerprint', () => {
    expect(reworded.fingerprint).toBe(rubric.fingerprint);
    expect(layoutFingerprint(reworded, opts)).not.toBe(layoutFingerprint(rubric, opts));
  });

  it('makes the file stale with its own warning, separate from stale-rubric', () => {
    for (const current of [reworded, reguided]) {
      const read = readUnitSheet(scored(gridOf(x08)), x08, current, opts, metaOf(x08));
      expect(codes(read.findings)).toEqual(['Cảnh báo stale-wording']);
      expect(read.findings[0].message).toContain('dvcq templates --upgrade');
      expect(read.findings[0].message).toContain('không thay đổi giá trị đã nhập');
      expect(read.entries['2']).toMatchObject({ self: 50, appraised: 45 });
    }
    const msg = readUnitSheet(gridOf(x08), x08, reworded, opts, metaOf(x08)).findings[0].message;
    expect(msg).toContain('tiêu chí 1.1');
  });

  it('a scoring change with a wording change is only stale-rubric', () => {
    const both = rubricOf(ktRows().map((r) => (r.code === '2' ? { ...r, title: 'Khác', max: 60 } : r.code === '4' ? { ...r, max: 5 } : r)));
    const found = codes(readUnitSheet(gridOf(x08), x08, both, opts).findings);
    expect(found).toContain('Cảnh báo stale-rubric');
    expect(found).not.toContain('Cảnh báo stale-wording');
  });

  it('files made before the wording was recorded: compared with the embedded rubric, or the titles shown', () => {
    const old = (g: Grid) =>
      g.map((r) => r.map((c) => (typeof c === 'string' && c.startsWith(`${rubric.fingerprint}/`) ? `${rubric.fingerprint}/0.25/5` : c)));
    const oldMeta = metaOf(x08).map((r) => (r[0] === 'Mã kiểm tra bộ tiêu chí' ? [r[0], `${rubric.fingerprint}/0.25/5`] : r));
    expect(readUnitSheet(old(gridOf(x08)), x08, rubric, opts, oldMeta).findings).toEqual([]);
    expect(codes(readUnitSheet(old(gridOf(x08)), x08, reguided, opts, oldMeta).findings)).toEqual(['Cảnh báo stale-wording']);
    expect(codes(readUnitSheet(old(gridOf(x08)), x08, reworded, opts).findings)).toEqual(['Cảnh báo stale-wording']);
    expect(readUnitSheet(old(gridOf(x08)), x08, rubric, opts).findings).toEqual([]);
  });
});

describe('5. ambiguous numbers', () => {
  const cfg = defaultScoringConfig();
  // Step 0: only the reading of the number is checked here.
  const check = (self: Cell) => validateEntries(x08, rubric, { '1.1': entry(self, { cells: { self: 'D9' } }) }, { ...cfg, step: 0 });

  it.each(['1.000', '1,000', '1.5.0', '1.000,5', '1,000.5', '12.500', '1 000'])(
    '«%s» is a blocking error showing how to type a decimal',
    (typed) => {
      expect(parseScore(typed).kind).toBe('text');
      const f = check(typed).filter((x) => x.criterion === '1.1');
      expect(f).toEqual([expect.objectContaining({ severity: 'Lỗi', code: 'ambiguous-number', cell: 'D9' })]);
      expect(f[0].message).toContain(`«${typed}»`);
      expect(f[0].message).toContain('ghi 1 hoặc 1,5 — dùng dấu phẩy cho phần thập phân');
    },
  );

  it.each([
    ['7,5', 7.5],
    ['7.5', 7.5],
    ['0,125', 0.125],
    ['10', 10],
    ['7,50', 7.5],
  ])('«%s» stays the number %d', (typed, value) => {
    expect(parseScore(typed)).toEqual({ kind: 'number', value });
    expect(hasBlockingError(check(typed).filter((x) => x.criterion === '1.1'))).toBe(false);
  });
});

describe('6. unit file names', () => {
  const stem = (code: string, name = 'Xã A') => unitFileStem({ code, name });

  it('keeps a plain code as it is', () => {
    expect(stem('BS-X08', 'Xã Bình Chánh')).toBe('BS-X08 - Xã Bình Chánh');
    expect(stem('1.10')).toBe('1.10 - Xã A');
  });

  it('never gives two distinct codes the same name', () => {
    expect(stem('A/B')).not.toBe(stem('A:B'));
    expect(stem('A/B')).toMatch(/^A_B~[0-9a-f]{10} - Xã A$/);
    const list = [
      'A/B',
      'A:B',
      'A B',
      'A_B',
      'A?B',
      'A|B',
      'A*B',
      'A"B',
      'A<B',
      'A>B',
      'A\\B',
      'A - B',
      'A',
      'A.',
      'A..',
      'con',
      'CON_',
      'x'.repeat(200),
      'x'.repeat(201),
    ];
    const names = new Map<string, string>();
    for (const code of list) {
      const n = stem(code, 'B').toUpperCase(); // also on a case-insensitive file system
      expect(names.get(n) ?? unitKey(code)).toBe(unitKey(code));
      names.set(n, unitKey(code));
    }
    // A code with " - " cannot be confused with a name that has one.
    expect(stem('A', 'B - C')).not.toBe(stem('A - B', 'C'));
  });

  it('gives the same name to codes that are the same unit', () => {
    expect(stem('a/b').toUpperCase()).toBe(stem('A/B').toUpperCase());
  });
});

describe('7. `Liên kết` confined to the workspace', () => {
  it.each(['Dân vận chính quyền 2024/Cụm 1/BS-X08 - Xã A.xlsx', 'a\\b.xlsx', './a/../b.xlsx'])('accepts «%s»', (link) => {
    expect(checkWorkspaceLink(link)).toMatchObject({ ok: true });
  });

  it.each([
    ['../outside/x08.xlsx', 'ra ngoài thư mục làm việc'],
    ['a/../../x.xlsx', 'ra ngoài thư mục làm việc'],
    ['/tmp/x08.xlsx', 'đường dẫn tuyệt đối'],
    ['C:\\Users\\x08.xlsx', 'đường dẫn tuyệt đối'],
    ['\\\\server\\share\\x08.xlsx', 'đường dẫn tuyệt đối'],
    ['https://docs.google.com/spreadsheets/d/abc', 'địa chỉ web'],
  ])('refuses «%s»', (link, why) => {
    const r = checkWorkspaceLink(link);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(why);
  });

  it('accepts an absolute path inside the workspace, as a relative one', () => {
    expect(checkWorkspaceLink('/ws/a/b.xlsx', '/ws')).toEqual({ ok: true, segments: ['a', 'b.xlsx'] });
    expect(checkWorkspaceLink('/ws2/b.xlsx', '/ws').ok).toBe(false);
  });
});
