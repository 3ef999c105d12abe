import { newControlSheets } from '../../src/core/control-template';
import { ControlGrids, readControl } from '../../src/core/control';
import { assessAll, UnitSource } from '../../src/core/assess';
import { stepBlockers } from '../../src/core/steps/plan';
import { isFormula, unitSheetLayout } from '../../src/core/unit-sheet';
import { sampleEntries } from '../../src/core/sample';
import { findHeader } from '../../src/core/table';
import { SCORING_COLUMNS, SHEETS } from '../../src/core/schema';
import { resultsGrid, findingsGrid } from '../../src/core/output-tables';
import type { Grid } from '../../src/core/types';

function controlGrids(sample: boolean): ControlGrids {
  const sheets = Object.fromEntries(
    newControlSheets({ year: 2024, sample: sample ? 'binh-son-2024' : undefined }).map((s) => [s.name, s.grid]),
  );
  return {
    config: sheets[SHEETS.config],
    units: sheets[SHEETS.units],
    criteria: sheets[SHEETS.criteria],
    levels: sheets[SHEETS.levels],
    narrative: sheets[SHEETS.narrative],
    previous: sheets[SHEETS.previous],
  };
}

describe('readControl', () => {
  it('reads the sample district without any finding', () => {
    const c = readControl(controlGrids(true));
    expect(c.findings).toEqual([]);
    expect(c.units).toHaveLength(33);
    expect(Object.keys(c.rubrics).sort()).toEqual(['Cơ quan chuyên môn', 'UBND cấp xã']);
    expect(c.settings.year).toBe(2024);
    expect(c.settings.issuingBody).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN BÌNH SƠN']);
    expect(c.settings.deadline?.getDate()).toBe(15);
    expect(c.settings.scoring.levels.map((l) => l.min)).toEqual([90, 70, 50, 0]);
    // `Nội dung báo cáo` is the outline of seed 002, filled with the sample's texts.
    expect(c.outline?.find((r) => r.heading === 'Tình hình chung')?.text).toContain('Dữ liệu mẫu');
  });

  it('reads a workbook made before the outline: the key/text table («Mục», «Nội dung») as before', () => {
    const grids = controlGrids(true);
    grids.narrative = [
      ['Mục', 'Nội dung'],
      ['Tình hình chung', '(Dữ liệu mẫu) Cũ.'],
      ['Dân vận khéo', 'Mười hai mô hình.'],
    ];
    const c = readControl(grids);
    expect(c.findings).toEqual([]);
    expect(c.outline).toBeUndefined();
    expect(c.narrative).toEqual({ 'Tình hình chung': '(Dữ liệu mẫu) Cũ.', 'Dân vận khéo': 'Mười hai mô hình.' });
  });

  it('reads the outline of a new workbook without finding, and a bad row with one naming it', () => {
    const fresh = readControl(controlGrids(false));
    expect(fresh.outline?.map((r) => r.level)).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 1, 1]);
    expect(fresh.findings.filter((f) => f.sheet === SHEETS.narrative)).toEqual([]);
    const grids = controlGrids(true);
    grids.narrative = [...grids.narrative!, [4, '', 'Cấp bốn', 'x']];
    const bad = readControl(grids).findings.filter((f) => f.sheet === SHEETS.narrative);
    expect(bad.map((f) => f.code)).toEqual(['outline-level']);
    expect(bad[0].message).toContain(`dòng ${grids.narrative.length}:`);
  });

  it('reports a duplicate code, an unknown rubric and an invalid e-mail with their rows', () => {
    const g = controlGrids(true);
    const units = g.units!.map((r) => [...r]);
    units[2][0] = units[1][0]; // duplicate code on sheet row 3
    units[4][4] = 'Bộ không có'; // unknown rubric on row 5
    units[5][5] = 'khong-phai-email'; // invalid e-mail on row 6
    const c = readControl({ ...g, units });
    const byCode = Object.fromEntries(c.findings.map((f) => [f.code, f.message]));
    expect(byCode['duplicate-unit']).toMatch(/dòng 3: mã đơn vị «BS-X01» bị trùng với dòng 2/);
    expect(byCode['unknown-rubric']).toMatch(/dòng 5: .*«Bộ không có»/);
    expect(byCode['invalid-email']).toMatch(/dòng 6: email người chấm «khong-phai-email»/);
    expect(c.units).toHaveLength(32);
  });

  it('names the missing column from the header row even below a title row', () => {
    const g = controlGrids(true);
    const units = [['DANH SÁCH ĐƠN VỊ'], ...g.units!.map((r) => [...r])];
    units[1][4] = 'Bộ tiêu chí áp dụng';
    const c = readControl({ ...g, units });
    const m = c.findings.find((f) => f.code === 'missing-column')!.message;
    expect(m).toContain('sheet «Đơn vị» thiếu cột «Bộ tiêu chí»');
    expect(m).not.toContain('«Mã đơn vị»');
  });

  it('reports a missing sheet and a renamed column, and keeps going', () => {
    const g = controlGrids(false);
    const criteria = g.criteria!.map((r) => [...r]);
    criteria[0][4] = 'Điểm tối đa (sửa)';
    const c = readControl({ ...g, units: undefined, criteria });
    const messages = c.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('không tìm thấy sheet «Đơn vị»');
    expect(messages).toContain('sheet «Tiêu chí» thiếu cột «Điểm tối đa»');
    expect(c.units).toEqual([]);
  });
});

describe('readControl: rules that would silently change a classification', () => {
  const edit = (sheet: 'levels' | 'config' | 'units' | 'criteria', change: (rows: Grid) => void) => {
    const g = controlGrids(true);
    const rows = g[sheet]!.map((r) => [...r]);
    change(rows);
    return readControl({ ...g, [sheet]: rows });
  };
  const codes = (c: ReturnType<typeof readControl>) => c.findings.map((f) => `${f.severity} ${f.code}`);

  it('reports a level minimum that is not a number and a misspelled kind, and blocks ranking', () => {
    const c = edit('levels', (rows) => {
      rows[1][3] = '≥ 90';
      rows[6][0] = 'Điều kiện khống chê';
    });
    const messages = c.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('sheet «Xếp loại», dòng 2: mức «HTXS» có điểm tối thiểu «≥ 90» không phải là số.');
    expect(messages).toMatch(/dòng 7: cột «Loại» ghi «Điều kiện khống chê»/);
    expect(stepBlockers(c, 'rank')).toHaveLength(2);
  });

  it('reports a gate pointing to a level that does not exist', () => {
    const c = edit('levels', (rows) => (rows[6][4] = 'TOT'));
    expect(c.findings.map((f) => f.message).join()).toMatch(/điều kiện «G2» ghi mức tối đa «TOT» không có trong các mức xếp loại/);
  });

  it('reports settings that would otherwise fall back to a default', () => {
    const c = edit('config', (rows) => {
      rows[1][1] = 'năm 2024';
      rows[7][1] = '2024-11-15';
      const step = rows.findIndex((r) => r[0] === 'Bước điểm');
      rows[step][1] = '0,3 điểm';
      const cap = rows.findIndex((r) => r[0] === 'Trần điểm thưởng');
      rows[cap][1] = -2;
    });
    expect(codes(c).filter((x) => x === 'Lỗi settings')).toHaveLength(3);
    expect(codes(c)).toContain('Lỗi year');
    // Never the clock's year: 0, and every step refuses.
    expect(c.settings.year).toBe(0);
    expect(c.settings.scoring.bonusCap).toBeNull();
    expect(c.settings.scoring.step).toBe(0.25);
  });

  it('keeps a unit with an unknown gate code out of the classification, with a finding', () => {
    const c = edit('units', (rows) => (rows[4][6] = 'G 9'));
    expect(c.findings.find((f) => f.code === 'unknown-gate')?.message).toMatch(/\(BS-X04\) ghi điều kiện khống chế «G 9»/);
    const a = assessAll(c, {});
    expect(a.results.find((r) => r.code === 'BS-X04')!.reasons.join()).toContain('Điều kiện khống chế ghi sai');
  });

  it('treats unit codes differing only in case as duplicates', () => {
    const c = edit('units', (rows) => (rows[2][0] = 'bs-x01'));
    expect(codes(c)).toContain('Lỗi duplicate-unit');
  });

  it('warns when children maxima do not add up to their parent', () => {
    const c = edit('criteria', (rows) => (rows[2][4] = 3)); // X1.1: 4 → 3, X1 stays 10
    expect(c.findings.find((f) => f.code === 'uneven-maxima')).toMatchObject({ severity: 'Cảnh báo', criterion: 'X1' });
  });
});

describe('assessAll on the sample district', () => {
  const control = readControl(controlGrids(true));
  const entries = sampleEntries(control.rubrics);
  const sources: Record<string, UnitSource> = {};
  for (const u of control.units) {
    const layout = unitSheetLayout(u, control.rubrics[u.rubricId], { year: 2024, step: 0.25, bonusCap: 5 });
    const grid: Grid = layout.cells.map((r) => r.map((c) => (isFormula(c) ? `=${c.formula}` : c)));
    const loc = findHeader(grid, SCORING_COLUMNS)!;
    for (const [code, e] of Object.entries(entries[u.code] ?? {})) {
      const r = grid.findIndex((row, i) => i > loc.headerRow && row[0] === code);
      if (e.self !== undefined) grid[r][loc.cols.self!] = e.self;
      if (e.appraised !== undefined) grid[r][loc.cols.appraised!] = e.appraised;
      if (e.evidence !== undefined) grid[r][loc.cols.evidence!] = e.evidence;
    }
    sources[u.code] = { grid };
  }
  const a = assessAll(control, sources);
  const byCode = Object.fromEntries(a.results.map((r) => [r.code, r]));

  it('leaves out the unit that has not submitted and the units with blocking errors', () => {
    expect(byCode['BS-P09']).toMatchObject({ classified: false, rank: null, reasons: ['Chưa nộp kết quả'] });
    expect(byCode['BS-X15'].classified).toBe(false);
    expect(byCode['BS-X15'].reasons.join()).toContain('lỗi dữ liệu');
    expect(byCode['BS-P04'].classified).toBe(false);
    const firstUnclassified = a.results.findIndex((r) => !r.classified);
    expect(a.results.slice(firstUnclassified).every((r) => !r.classified)).toBe(true);
  });

  it('finds the three bad entries, with the unit, the criterion and the cell', () => {
    const f = a.findings.map((x) => `${x.severity} ${x.code} ${x.unitCode} ${x.criterion} ${x.cell}`);
    expect(f).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Lỗi above-max BS-X15 X3\.1 D\d+$/),
        expect.stringMatching(/^Lỗi penalty-sign BS-P04 P3 D\d+$/),
        expect.stringMatching(/^Cảnh báo appraisal-without-self BS-X20 X9\.1 E\d+$/),
      ]),
    );
  });

  it('caps the gated commune and ties the twins', () => {
    expect(byCode['BS-X04'].total).toBeGreaterThanOrEqual(90);
    expect(byCode['BS-X04'].level).toBe('Hoàn thành tốt nhiệm vụ');
    expect(byCode['BS-X14'].total).toBe(byCode['BS-X06'].total);
    expect(byCode['BS-X14'].rank).toBe(byCode['BS-X06'].rank);
  });

  it('applies the appraisal: Bình Dương drops below its self-score', () => {
    const bd = byCode['BS-X07'];
    expect(bd.appraised).toBe(true);
    expect(bd.selfTotal - bd.total).toBe(9);
    expect(bd.level).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it("refuses to rank last year's file as this year's", () => {
    const next = { ...control, settings: { ...control.settings, year: 2025 } };
    const r = assessAll(next, sources);
    expect(r.findings.filter((f) => f.code === 'wrong-year')).toHaveLength(33);
    expect(r.findings.find((f) => f.unitCode === 'BS-X01')!.message).toContain('biểu mẫu là của năm 2024, đang đánh giá năm 2025');
    expect(r.summary.classified).toBe(0);
  });

  it('writes result and finding tables with the public headers', () => {
    const rg = resultsGrid(a.results);
    expect(rg[0]).toContain('Thứ hạng trong nhóm');
    expect(rg).toHaveLength(34);
    expect(rg[33][10]).toBe('Không xếp loại');
    const fg = findingsGrid(a.findings, control.units);
    expect(fg[1][0]).toBe('Lỗi');
    expect(fg.slice(1).some((r) => String(r[4]).startsWith('Chấm điểm!D'))).toBe(true);
  });
});
