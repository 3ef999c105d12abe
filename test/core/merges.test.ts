// Comparisons across the 2025 reform: last year's result of a merged unit is the mean of its old
// units', classified on this year's levels, and the report states the rule.
import { readControl } from '../../src/core/control';
import { newControlSheets } from '../../src/core/control-template';
import { comparablePrevious, mergeRuleSentence, readMerges } from '../../src/core/merges';
import { MERGE_COLUMNS, PREVIOUS_COLUMNS, SHEETS } from '../../src/core/schema';
import { tableGrid } from '../../src/core/table';
import { DEFAULT_LEVELS } from '../../src/core/default-rubrics';
import type { Finding } from '../../src/core/types';

const merges = (rows: Array<[string, string, string?]>) =>
  tableGrid(
    MERGE_COLUMNS,
    rows.map(([code, oldCode, oldName]) => ({ code, oldCode, oldName: oldName ?? null })),
  );

describe('comparablePrevious', () => {
  const previous = [
    { code: 'A', name: 'Xã A', total: 91, level: 'Hoàn thành xuất sắc nhiệm vụ' },
    { code: 'B', name: 'Xã B', total: 80.5, level: 'Hoàn thành tốt nhiệm vụ' },
    { code: 'C', name: 'Xã C', total: 77, level: 'Hoàn thành tốt nhiệm vụ' },
    { code: 'K', name: 'Phường K', total: 88, level: 'Hoàn thành tốt nhiệm vụ' },
  ];

  it('gives a merged unit the mean of its old units, on this year’s levels, and keeps unmerged units', () => {
    const findings: Finding[] = [];
    const out = comparablePrevious(
      previous,
      readMerges(
        merges([
          ['N1', 'A'],
          ['N1', 'B'],
          ['N2', 'C'],
        ]),
        findings,
      ),
      DEFAULT_LEVELS,
      findings,
    );
    expect(findings).toEqual([]);
    const n1 = out.find((p) => p.code === 'N1')!;
    expect(n1.total).toBe(85.75);
    expect(n1.mergedFrom).toEqual(['A', 'B']);
    expect(n1.level).toBe('Hoàn thành tốt nhiệm vụ');
    expect(out.find((p) => p.code === 'N2')!.total).toBe(77);
    // The old units are not compared as themselves; an unmerged unit keeps its own row.
    expect(out.map((p) => p.code).sort()).toEqual(['K', 'N1', 'N2']);
    expect(mergeRuleSentence(out, 2024)).toMatch(/kết quả năm 2024 được tính bằng bình quân tổng điểm của các đơn vị cũ hợp thành/);
    expect(mergeRuleSentence(previous, 2024)).toBe('');
  });

  it('names an old unit without a result, and leaves a unit none of whose old units has one out', () => {
    const findings: Finding[] = [];
    const out = comparablePrevious(
      previous,
      readMerges(
        merges([
          ['N1', 'A'],
          ['N1', 'Z', 'Xã Z'],
          ['N3', 'Y', 'Xã Y'],
        ]),
        findings,
      ),
      DEFAULT_LEVELS,
      findings,
    );
    expect(out.find((p) => p.code === 'N1')!.total).toBe(91);
    expect(out.find((p) => p.code === 'N3')).toBeUndefined();
    expect(findings.map((f) => [f.severity, f.unitCode, f.sheet])).toEqual([
      ['Cảnh báo', 'N1', SHEETS.merges],
      ['Cảnh báo', 'N3', SHEETS.merges],
    ]);
    expect(findings[0].message).toContain('Xã Z');
    expect(findings[0].message).toContain(`sheet «${SHEETS.previous}»`);
    expect(findings[1].message).toContain('không được so sánh với năm trước');
  });

  it('reports a row with a new code but no old code, with its row number', () => {
    const findings: Finding[] = [];
    expect(readMerges(merges([['N1', '']]), findings)).toEqual([]);
    expect(findings[0]).toMatchObject({ severity: 'Lỗi', sheet: SHEETS.merges, cell: 'dòng 2', code: 'merge-row' });
  });
});

describe('readControl with «Sắp xếp đơn vị»', () => {
  it('reads a workbook without the sheet (older workbooks) and resolves it when present', () => {
    const sheets = Object.fromEntries(newControlSheets({ year: 2025 }).map((s) => [s.name, s.grid]));
    const base = {
      config: sheets[SHEETS.config],
      units: sheets[SHEETS.units],
      criteria: sheets[SHEETS.criteria],
      levels: sheets[SHEETS.levels],
      previous: tableGrid(PREVIOUS_COLUMNS, [
        { code: 'A', name: 'Xã A', total: 90, level: null },
        { code: 'B', name: 'Xã B', total: 80, level: null },
      ]),
    };
    expect(readControl(base).previous.map((p) => p.code)).toEqual(['A', 'B']);
    const merged = readControl({
      ...base,
      merges: merges([
        ['N', 'A'],
        ['N', 'B'],
      ]),
    });
    expect(merged.previous).toEqual([{ code: 'N', name: '', total: 85, level: 'Hoàn thành tốt nhiệm vụ', mergedFrom: ['A', 'B'] }]);
  });
});
