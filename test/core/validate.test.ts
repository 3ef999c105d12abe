import { hasBlockingError, validateEntries } from '../../src/core/validate';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import type { Cell, Entries, Finding } from '../../src/core/types';
import { row, rubricOf } from './helpers';

const cfg = defaultScoringConfig();
const unit = { code: 'BS08', name: 'Xã Bình Hải' };
const rubric = rubricOf([
  row('V', '1', '', 10, 'điểm'),
  row('V', '1.1', '1', 4, 'điểm', { evidenceRequired: 'Có' }),
  row('V', '1.2', '1', 6, 'điểm'),
  row('V', '2', '', 90, 'điểm', { evidenceRequired: 'Có' }),
  row('V', 'B1', '', 3, 'thưởng'),
  row('V', 'B2', '', 2, 'thưởng'),
  row('V', 'P1', '', 15, 'trừ'),
]);
// Sheet rows of each code in `Chấm điểm`; columns D..G = Tự chấm, Thẩm định, Minh chứng, Ghi chú.
const ROW: Record<string, number> = { '1': 11, '1.1': 12, '1.2': 13, '2': 14, B1: 15, B2: 16, P1: 17, Z9: 18 };

type Values = { self?: Cell; appraised?: Cell; evidence?: Cell; note?: Cell };
function entries(values: Record<string, Values>): Entries {
  const out: Entries = {};
  for (const [code, v] of Object.entries(values)) {
    const r = ROW[code];
    out[code] = {
      self: v.self ?? null,
      appraised: v.appraised ?? null,
      evidence: v.evidence ?? null,
      note: v.note ?? null,
      cells: { self: `D${r}`, appraised: `E${r}`, evidence: `F${r}`, note: `G${r}` },
    };
  }
  return out;
}
/** A complete, valid sheet; tests change one thing at a time. */
const valid = (): Record<string, Values> => ({
  '1': { self: 8 },
  '1.1': { self: 3.5, evidence: 'Kế hoạch 01/KH-UBND' },
  '1.2': { self: 4.5 },
  '2': { self: 80, evidence: 'https://drive.google.com/x' },
  B1: {},
  B2: {},
  P1: {},
});
function check(patch: Record<string, Values>, opts?: { sheet?: string }, config = cfg): Finding[] {
  return validateEntries(unit, rubric, entries({ ...valid(), ...patch }), config, opts);
}
const codes = (fs: Finding[]) => fs.map((f) => f.code);

describe('validateEntries', () => {
  it('finds nothing in a valid sheet (blank bonus and deduction are 0)', () => {
    expect(check({})).toEqual([]);
  });

  it('names unit, criterion and cell in the message (above-max)', () => {
    const fs = check({ '1.1': { self: 12, evidence: 'x' } });
    const f = fs.find((x) => x.code === 'above-max')!;
    expect(f).toEqual({
      severity: 'Lỗi',
      unitCode: 'BS08',
      criterion: '1.1',
      sheet: 'Chấm điểm',
      cell: 'D12',
      code: 'above-max',
      message: 'Xã Bình Hải (BS08), tiêu chí 1.1, ô D12: điểm tự chấm 12 vượt điểm tối đa 4.',
    });
  });

  it('accepts exactly the maximum', () => {
    expect(check({ '1.1': { self: 4, evidence: 'x' }, '1.2': { self: 6 } })).toEqual([]);
  });

  it('flags a non-numeric self-score and appraisal', () => {
    const fs = check({ '1.2': { self: 'năm', appraised: '4 điểm' } });
    expect(codes(fs)).toEqual(['not-a-number', 'not-a-number']);
    expect(fs[0].message).toBe(
      'Xã Bình Hải (BS08), tiêu chí 1.2, ô D13: điểm tự chấm «năm» không phải là số. Chỉ nhập số, ví dụ 3 hoặc 3,5 — mỗi bậc 0,25.',
    );
    expect(fs[1].message).toBe('Xã Bình Hải (BS08), tiêu chí 1.2, ô E13: điểm thẩm định «4 điểm» có kèm chữ; chỉ nhập số, tức là 4.');
    expect(fs.every((f) => f.severity === 'Lỗi')).toBe(true);
  });

  it('reads numbers typed as text with a decimal comma, warning that the sheet does not add them', () => {
    const fs = check({ '1.2': { self: '4,5' } });
    expect(fs.map((f) => [f.severity, f.code])).toEqual([['Cảnh báo', 'number-as-text']]);
    expect(fs[0].message).toContain('điểm tự chấm «4,5» được lưu dạng văn bản; công cụ tính là 4,5');
    expect(check({ '1.2': { self: 4.5 } })).toEqual([]);
  });

  it('flags a negative score, self and appraised', () => {
    const fs = check({ '1.2': { self: -1, appraised: -2 } });
    expect(codes(fs)).toEqual(['negative', 'negative']);
    expect(fs[0].message).toBe('Xã Bình Hải (BS08), tiêu chí 1.2, ô D13: điểm tự chấm -1 là số âm; điểm không được âm.');
    expect(fs[1].cell).toBe('E13');
  });

  it('flags a negative bonus', () => {
    const fs = check({ B1: { self: -1 } });
    expect(codes(fs)).toEqual(['negative']);
    expect(fs[0].message).toContain('tiêu chí B1, ô D15');
  });

  it('flags an appraisal above the maximum', () => {
    const fs = check({ '1.2': { self: 6, appraised: 6.5 } });
    expect(codes(fs)).toEqual(['above-max']);
    expect(fs[0].message).toBe('Xã Bình Hải (BS08), tiêu chí 1.2, ô E13: điểm thẩm định 6,5 vượt điểm tối đa 6.');
  });

  it('flags scores that are not multiples of the step', () => {
    const fs = check({ '1.2': { self: 4.3, appraised: 4.1 } });
    expect(codes(fs)).toEqual(['step', 'step']);
    expect(fs[0].message).toBe(
      'Xã Bình Hải (BS08), tiêu chí 1.2, ô D13: điểm tự chấm 4,3 không đúng bậc điểm. Chỉ nhập số, ví dụ 3 hoặc 3,5 — mỗi bậc 0,25 (gần nhất: 4,25 hoặc 4,5).',
    );
    expect(fs[1].cell).toBe('E13');
    expect(check({ '1.2': { self: 4.75 } })).toEqual([]);
    expect(codes(check({ '1.2': { self: 4.3 } }, undefined, { ...cfg, step: 0.1 }))).toEqual([]);
  });

  it('flags children summing above the parent maximum', () => {
    const fs = check({ '1.1': { self: 4, appraised: 5, evidence: 'x' }, '1.2': { self: 6 } });
    expect(codes(fs)).toEqual(['children-above-parent', 'above-max']);
    expect(fs[0]).toMatchObject({ criterion: '1', cell: 'D11', severity: 'Lỗi' });
    expect(fs[0].message).toBe(
      'Xã Bình Hải (BS08), tiêu chí 1, ô D11: tổng điểm các tiêu chí thành phần 11 vượt điểm tối đa 10 của tiêu chí 1.',
    );
  });

  it('flags a number typed over the parent total above its maximum', () => {
    const fs = check({ '1': { self: 12 } });
    expect(codes(fs)).toEqual(['children-above-parent']);
    expect(fs[0].message).toContain('Xã Bình Hải (BS08), tiêu chí 1, ô D11');
    expect(fs[0].message).toContain('vượt điểm tối đa 10');
  });

  it('ignores other content of parent rows', () => {
    expect(check({ '1': { self: 'tổng', appraised: 3 } })).toEqual([]);
  });

  it('warns when the bonus sum exceeds the cap', () => {
    const fs = check({ B1: { self: 3 }, B2: { self: 2 } }, undefined, { ...cfg, bonusCap: 4 });
    expect(codes(fs)).toEqual(['bonus-cap']);
    expect(fs[0].severity).toBe('Cảnh báo');
    expect(fs[0].message).toBe(
      'Xã Bình Hải (BS08): tổng điểm thưởng 5 (B1 (ô D15): 3; B2 (ô D16): 2) vượt mức tối đa 4; khi tính điểm chỉ cộng 4.',
    );
    expect(check({ B1: { self: 3 }, B2: { self: 2 } })).toEqual([]);
  });

  it('flags a deduction typed as a negative number', () => {
    const fs = check({ P1: { self: -5 } });
    expect(codes(fs)).toEqual(['penalty-sign']);
    expect(fs[0].message).toBe('Xã Bình Hải (BS08), tiêu chí P1, ô D17: điểm trừ nhập số dương, ví dụ 5, không nhập -5.');
    expect(check({ P1: { self: 5 } })).toEqual([]);
  });

  it('flags a deduction above its maximum', () => {
    const fs = check({ P1: { appraised: 20 } });
    expect(codes(fs)).toEqual(['above-max']);
    expect(fs[0].message).toContain('tiêu chí P1, ô E17: điểm thẩm định 20 vượt điểm tối đa 15');
  });

  it('flags missing evidence when required and the score is above 0', () => {
    const fs = check({ '1.1': { self: 3 } });
    expect(codes(fs)).toEqual(['missing-evidence']);
    expect(fs[0]).toMatchObject({ criterion: '1.1', cell: 'F12', severity: 'Lỗi' });
    expect(fs[0].message).toMatch(/^Xã Bình Hải \(BS08\), tiêu chí 1\.1, ô F12: chưa có minh chứng/);
    expect(check({ '1.1': { self: 0 } })).toEqual([]);
    expect(check({ '1.1': { self: 3, appraised: 0 } })).toEqual([]);
    expect(check({ '1.1': { self: 3, evidence: '   ' } }).map((f) => f.code)).toEqual(['missing-evidence']);
    // 1.2 does not require evidence
    expect(check({ '1.2': { self: 5 } })).toEqual([]);
  });

  it('checks evidence on a bonus criterion when the rubric requires it', () => {
    const withEvidence = rubricOf([row('W', '1', '', 100, 'điểm'), row('W', 'B1', '', 5, 'thưởng', { evidenceRequired: 'Có' })]);
    const es = entries({ '1': { self: 90 }, B1: { self: 2 } });
    const fs = validateEntries(unit, withEvidence, es, cfg);
    expect(codes(fs)).toEqual(['missing-evidence']);
    expect(fs[0].message).toContain('tiêu chí B1, ô F15');
    expect(validateEntries(unit, withEvidence, entries({ '1': { self: 90 }, B1: {} }), cfg)).toEqual([]);
  });

  it('flags a blank score leaf with no appraisal either', () => {
    const fs = check({ '1.2': { self: '  ' } });
    expect(codes(fs)).toEqual(['blank-score']);
    expect(fs[0].message).toBe('Xã Bình Hải (BS08), tiêu chí 1.2, ô D13: chưa nhập điểm tự chấm.');
    const missing = validateEntries(unit, rubric, {}, cfg);
    expect(codes(missing)).toEqual(['blank-score', 'blank-score', 'blank-score']);
    expect(missing.map((f) => f.criterion)).toEqual(['1.1', '1.2', '2']);
    expect(missing[0].message).toBe('Xã Bình Hải (BS08), tiêu chí 1.1: chưa nhập điểm tự chấm.');
    expect(missing[0].cell).toBeUndefined();
  });

  it('warns about an appraisal without a self-score', () => {
    const fs = check({ '1.2': { appraised: 5 } });
    expect(codes(fs)).toEqual(['appraisal-without-self']);
    expect(fs[0]).toMatchObject({ severity: 'Cảnh báo', cell: 'E13', criterion: '1.2' });
    expect(fs[0].message).toContain('Xã Bình Hải (BS08), tiêu chí 1.2, ô E13');
    expect(hasBlockingError(fs)).toBe(false);
  });

  it('flags formula or script text in any entry cell and never reads it as a number', () => {
    const fs = check({
      '1.2': { self: '=IMPORTRANGE("abc","A1")', note: '=HYPERLINK("http://x","y")' },
      '2': { self: 80, evidence: '<script>alert(1)</script>' },
    });
    expect(codes(fs)).toEqual(['formula-text', 'formula-text', 'formula-text']);
    expect(fs.map((f) => f.cell)).toEqual(['D13', 'G13', 'F14']);
    expect(fs[0].message).toBe(
      'Xã Bình Hải (BS08), tiêu chí 1.2, ô D13: nội dung có dạng công thức hoặc mã lệnh («=IMPORTRANGE("abc","A1")»), không được tính và không được thực thi; chỉ nhập số/văn bản.',
    );
    expect(fs[2].message).toContain('tiêu chí 2, ô F14');
  });

  it('flags formula text on parent rows too', () => {
    const fs = check({ '1': { self: 8, evidence: '=IMPORTRANGE("a","b")' } });
    expect(codes(fs)).toEqual(['formula-text']);
    expect(fs[0].cell).toBe('F11');
  });

  it('does not take a negative number or a bulleted line for a formula', () => {
    expect(codes(check({ '1.2': { self: '-3' } }))).toEqual(['number-as-text', 'negative']);
    expect(check({ '2': { self: 80, evidence: '- Kế hoạch 01/KH-UBND' } })).toEqual([]);
  });

  it('warns about entries whose code is not in the rubric', () => {
    const fs = check({ Z9: { self: 5 } });
    expect(codes(fs)).toEqual(['unknown-criterion']);
    expect(fs[0]).toMatchObject({ severity: 'Cảnh báo', criterion: 'Z9', cell: 'D18' });
    expect(fs[0].message).toBe(
      'Xã Bình Hải (BS08), tiêu chí Z9, ô D18: mã tiêu chí «Z9» không có trong bộ tiêu chí «V»; nội dung dòng này không được tính điểm.',
    );
  });

  it('uses the given sheet name', () => {
    const fs = check({ '1.2': { self: 7 } }, { sheet: 'Biểu 2' });
    expect(fs[0].sheet).toBe('Biểu 2');
  });

  it('reports every problem of a messy sheet', () => {
    const fs = check({
      '1.1': { self: 'abc' },
      '1.2': { appraised: 7 },
      '2': { self: 80.1 },
      B1: { self: 3 },
      B2: { self: 3 },
      P1: { self: -1 },
      Z9: { self: 1 },
    });
    expect(codes(fs).sort()).toEqual(
      [
        'not-a-number',
        'appraisal-without-self',
        'above-max',
        'step',
        'missing-evidence',
        'above-max',
        'bonus-cap',
        'penalty-sign',
        'unknown-criterion',
      ].sort(),
    );
    for (const f of fs) {
      expect(f.message).toContain('Xã Bình Hải (BS08)');
      expect(f.unitCode).toBe('BS08');
    }
  });
});

describe('hasBlockingError', () => {
  it('is true only when an error (Lỗi) is present', () => {
    expect(hasBlockingError([])).toBe(false);
    expect(hasBlockingError(check({ Z9: { self: 1 } }))).toBe(false);
    expect(hasBlockingError(check({ '1.2': { self: 7 } }))).toBe(true);
  });
});
