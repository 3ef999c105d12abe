import {
  embeddedRubric,
  isFormula,
  layoutFingerprint,
  readUnitSheet,
  STATUS_CELLS,
  unitSheetLayout,
  CellSpec,
} from '../../src/core/unit-sheet';
import { findHeader } from '../../src/core/table';
import { SCORING_COLUMNS } from '../../src/core/schema';
import { validateEntries } from '../../src/core/validate';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import type { Cell, Grid } from '../../src/core/types';
import { ktRows, row, rubricOf, unit } from './helpers';

const rubric = rubricOf(ktRows());
const opts = { year: 2024, step: 0.25, bonusCap: rubric.bonusMax, deadline: new Date(2024, 10, 15) };
const u = unit('KT01', 'Xã Thử Nghiệm Một', 'Nhóm A');

/** The grid as the offline reader sees a fresh file: formulas come back as their "=…" text. */
const asGrid = (cells: CellSpec[][]): Grid => cells.map((r) => r.map((c) => (isFormula(c) ? `=${c.formula}` : c)));

function rowOf(grid: Grid, code: string): number {
  const loc = findHeader(grid, SCORING_COLUMNS)!;
  return grid.findIndex((r, i) => i > loc.headerRow && r[loc.cols.code!] === code);
}

describe('unitSheetLayout', () => {
  const layout = unitSheetLayout(u, rubric, opts);
  const grid = asGrid(layout.cells);

  it('has the public header and one row per criterion in rubric order', () => {
    const loc = findHeader(grid, SCORING_COLUMNS);
    expect(loc?.headerRow).toBe(layout.headerRow);
    const codes = grid.slice(layout.headerRow + 1, layout.headerRow + 1 + rubric.criteria.length).map((r) => r[0]);
    expect(codes).toEqual(['1', '1.1', '1.2', '2', '3', '4']);
    expect(grid.flat().join(' ')).toContain('KT01');
  });

  it('totals a parent by formula over its direct children and leaves inputs to the leaves', () => {
    const r = rowOf(grid, '1');
    expect(grid[r][3]).toBe(`=SUM(D${r + 2},D${r + 3})`);
    expect(layout.scorerInputs).toContain(`D${r + 2}`);
    expect(layout.scorerInputs).not.toContain(`D${r + 1}`);
    expect(layout.appraiserInputs).toContain(`E${r + 2}`);
    expect(layout.scorerInputs.some((a) => a.startsWith('E'))).toBe(false);
  });

  it('validates every leaf score cell between 0 and its maximum', () => {
    const r = rowOf(grid, '1.2');
    expect(layout.validations).toContainEqual(expect.objectContaining({ cell: `D${r + 1}`, min: 0, max: 25 }));
    expect(layout.validations).toHaveLength(2 * 5);
  });

  it('writes a grand total formula that clamps and rounds like the core', () => {
    const total = grid.find((r) => String(r[1]).startsWith('TỔNG ĐIỂM'))!;
    expect(String(total[3])).toMatch(/^=ROUND\(MAX\(0,MIN\(100,/);
  });

  it('embeds the rubric so it can be rebuilt without the control workbook', () => {
    const json = layout.meta.find(([k]) => k === 'Bộ tiêu chí (dữ liệu)')![1] as string;
    expect(embeddedRubric(json)?.fingerprint).toBe(rubric.fingerprint);
    expect(embeddedRubric('{broken')).toBeNull();
  });

  it('differs between two units only in the header block and the hidden metadata', () => {
    const other = asGrid(unitSheetLayout(unit('KT02', 'Xã Khác', 'Nhóm B'), rubric, opts).cells);
    const diffs: string[] = [];
    grid.forEach((r, i) =>
      r.forEach((c, j) => {
        if (other[i][j] !== c) diffs.push(`${i},${j}`);
      }),
    );
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.every((d) => Number(d.split(',')[0]) < layout.headerRow)).toBe(true);
  });

  it('shows the status in a visible cell and records it in the hidden column', () => {
    expect(STATUS_CELLS).toEqual({ text: 'A6', meta: 'H6' });
    expect(grid[5][0]).toBe('Trạng thái: Đang chấm');
    expect(grid[5][7]).toBe('Đang chấm');
  });
});

describe('readUnitSheet', () => {
  const layout = unitSheetLayout(u, rubric, opts);
  const fresh = () => asGrid(layout.cells).map((r) => [...r]);
  const put = (grid: Grid, code: string, col: number, v: string | number) => (grid[rowOf(grid, code)][col] = v);

  it('reads back what was typed, with the cell of each value', () => {
    const g = fresh();
    put(g, '1.1', 3, 15);
    put(g, '2', 3, 50);
    put(g, '2', 4, 45);
    put(g, '2', 5, 'https://drive.example/mc');
    const read = readUnitSheet(g, u, rubric);
    expect(read.findings).toEqual([]);
    expect(read.meta.fingerprint).toBe(layoutFingerprint(rubric, opts));
    expect(read.entries['1.1'].self).toBe(15);
    expect(read.entries['2']).toMatchObject({ self: 50, appraised: 45, evidence: 'https://drive.example/mc' });
    expect(read.entries['2'].cells?.self).toBe(`D${rowOf(g, '2') + 1}`);
    expect(read.entries['1']).toBeUndefined();
  });

  it('reports a deleted row as an error and an inserted row as a warning', () => {
    const g = fresh();
    g.splice(rowOf(g, '1.2'), 1);
    g.splice(rowOf(g, '2'), 0, ['9.9', 'Dòng chèn', 5, 3, null, null, null, null]);
    const codes = readUnitSheet(g, u, rubric).findings.map((f) => [f.code, f.severity]);
    expect(codes).toContainEqual(['missing-row', 'Lỗi']);
    expect(codes).toContainEqual(['unknown-row', 'Cảnh báo']);
  });

  it('warns about a tampered maximum and still uses the rubric', () => {
    const g = fresh();
    put(g, '2', 2, 80);
    const f = readUnitSheet(g, u, rubric).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'tampered-max', criterion: '2', cell: `C${rowOf(g, '2') + 1}` });
    expect(f[0].message).toContain('Xã Thử Nghiệm Một (KT01)');
  });

  it('cannot read a sheet whose score column was renamed', () => {
    const g = fresh();
    g[layout.headerRow][3] = 'Điểm tự đánh giá';
    const read = readUnitSheet(g, u, rubric);
    expect(read.entries).toEqual({});
    expect(read.findings[0]).toMatchObject({ code: 'missing-column', severity: 'Lỗi' });
    expect(read.findings[0].message).toContain('«Tự chấm»');
  });

  it('detects a template built with another step or bonus cap (written into its formulas)', () => {
    const g = fresh();
    expect(readUnitSheet(g, u, rubric, { step: 0.25, bonusCap: 5 }).findings).toEqual([]);
    const f = readUnitSheet(g, u, rubric, { step: 0.5, bonusCap: 3 }).findings;
    expect(f.map((x) => [x.code, x.severity])).toEqual([['stale-rubric', 'Cảnh báo']]);
    expect(f[0].message).toContain('bước điểm hoặc trần điểm thưởng cũ (nay là 0,5 và 3)');
  });

  it('detects a template built from an older rubric', () => {
    const older = rubricOf(
      ktRows()
        .map((r) => (r.code === '2' ? { ...r, max: 55 } : r))
        .concat(row('KT', '5', '', 5, 'điểm')),
    );
    const g = asGrid(unitSheetLayout(u, older, opts).cells);
    expect(readUnitSheet(g, u, rubric).findings.map((f) => f.code)).toContain('stale-rubric');
  });

  it('turns a value computed by a formula typed in an input (flagged online) into formula text', () => {
    const g = fresh();
    const r = rowOf(g, '2');
    g[r][5] = 'dữ liệu lấy từ tệp khác';
    g[r][7] = 'evidence;'; // the hidden column's computed flag: the evidence cell holds a formula
    const read = readUnitSheet(g, u, rubric);
    expect(read.entries['2'].evidence).toBe('=dữ liệu lấy từ tệp khác');
    const findings = validateEntries(u, rubric, read.entries, defaultScoringConfig());
    expect(findings.map((f) => f.code)).toContain('formula-text');
  });

  it('finds the metadata and the flags after a column and a row were inserted', () => {
    // As a spreadsheet does, references to the columns right of the insertion move with them
    // (the layout recorded under the criteria; the flags are recomputed below).
    const shift = (c: Cell) =>
      typeof c === 'string' && c.startsWith('="dvcq-cot')
        ? c.replace(/COLUMN\(([G-Z])(\d+)\)/g, (_, l: string, n: string) => `COLUMN(${String.fromCharCode(l.charCodeAt(0) + 1)}${n})`)
        : c;
    const g = fresh().map((row) => [...row.slice(0, 6), 'Giải trình', ...row.slice(6)].map(shift));
    g.unshift(['UBND XÃ THỬ NGHIỆM MỘT']);
    const r = rowOf(g, '2');
    g[r][3] = 40;
    g[r][7] = 'Theo KH Dân vận số 12';
    g[r][8] = ''; // computed flags: nothing typed as a formula
    const read = readUnitSheet(g, u, rubric);
    expect(read.meta.unitCode).toBe('KT01');
    expect(read.meta.fingerprint).toBe(layoutFingerprint(rubric, opts));
    expect(read.findings).toEqual([]);
    expect(read.entries['2']).toMatchObject({ self: 40, note: 'Theo KH Dân vận số 12' });
  });

  it('warns when a total formula was typed over (offline: a number; online: the flag)', () => {
    const g = fresh();
    put(g, '1', 3, 30);
    expect(readUnitSheet(g, u, rubric).findings.map((f) => [f.code, f.criterion])).toEqual([['total-overwritten', '1']]);
    const online = fresh().map((row) => row.map((c) => (typeof c === 'string' && c.startsWith('=') ? '' : c)));
    online[rowOf(online, '1')][7] = 'total';
    expect(readUnitSheet(online, u, rubric).findings.map((f) => f.code)).toEqual(['total-overwritten']);
  });

  it('refuses a file of another rubric with one error instead of row-by-row noise', () => {
    const other = rubricOf(ktRows().map((row) => ({ ...row, rubricId: 'KHAC' })));
    const g = asGrid(unitSheetLayout(u, other, opts).cells);
    const read = readUnitSheet(g, u, rubric);
    expect(read.findings.map((f) => f.code)).toEqual(['wrong-rubric']);
    expect(read.entries).toEqual({});
  });

  it('reports a renamed evidence column once, instead of a missing evidence per criterion', () => {
    const g = fresh();
    g[layout.headerRow][5] = 'Minh chứng (đường dẫn)';
    const read = readUnitSheet(g, u, rubric);
    expect(read.findings.map((f) => f.code)).toEqual(['missing-column']);
    expect(read.findings[0].message).toContain('«Minh chứng»');
  });

  it('ignores the hidden flag formulas themselves when read offline', () => {
    const g = fresh();
    put(g, '2', 3, 60);
    const read = readUnitSheet(g, u, rubric);
    expect(read.entries['2'].self).toBe(60);
  });
});

describe('Lý do thẩm định (the appraiser reason)', () => {
  const layout = unitSheetLayout(u, rubric, opts);
  const fresh = () => asGrid(layout.cells).map((r) => [...r]);
  const cfg = { ...defaultScoringConfig(), step: 0.25 };

  it('is a column of the owner, right of the hidden one, read back with its cell', () => {
    const header = layout.cells[layout.headerRow];
    expect(header[8]).toBe('Lý do thẩm định');
    const r = rowOf(fresh(), '2') + 1;
    expect(layout.appraiserInputs).toContain(`I${r}`);
    expect(layout.scorerInputs).not.toContain(`I${r}`);
    const g = fresh();
    g[r - 1][3] = 50;
    g[r - 1][4] = 45;
    g[r - 1][8] = 'Thiếu kế hoạch năm';
    const read = readUnitSheet(g, u, rubric);
    expect(read.findings).toEqual([]);
    expect(read.entries['2']).toMatchObject({ reason: 'Thiếu kế hoạch năm', cells: { reason: `I${r}` } });
  });

  it('is required when the appraised score differs from the self-score (a warning naming the cell)', () => {
    const g = fresh();
    const r = rowOf(g, '2');
    g[r][3] = 50;
    g[r][4] = 45;
    const fs = validateEntries(u, rubric, readUnitSheet(g, u, rubric).entries, cfg).filter((f) => f.code === 'appraisal-without-reason');
    expect(fs.map((f) => [f.severity, f.cell])).toEqual([['Cảnh báo', `I${r + 1}`]]);
    expect(fs[0].message).toContain('điểm thẩm định 45 khác điểm tự chấm (50) nhưng chưa ghi lý do');
    g[r][4] = 50; // same score: no reason needed
    expect(validateEntries(u, rubric, readUnitSheet(g, u, rubric).entries, cfg).map((f) => f.code)).not.toContain(
      'appraisal-without-reason',
    );
  });

  it('is optional in files made before the column existed', () => {
    const r = rowOf(fresh(), '2');
    const g = fresh().map((line) => line.slice(0, 8));
    g[r][3] = 50;
    g[r][4] = 45;
    const read = readUnitSheet(g, u, rubric);
    expect(read.findings).toEqual([]);
    expect(read.entries['2'].reason).toBeUndefined();
    expect(validateEntries(u, rubric, read.entries, cfg).map((f) => f.code)).not.toContain('appraisal-without-reason');
  });
});
