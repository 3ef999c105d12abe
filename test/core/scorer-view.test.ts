import { scorerView } from '../../src/core/scorer-view';
import { scoreUnit } from '../../src/core/score';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import { entriesOf, ktRows, rubricOf } from './helpers';

const cfg = defaultScoringConfig();
const kt = rubricOf(ktRows());
const unit = { code: 'X01', name: 'Xã Thử' };

describe('scorerView: what a scorer sees, by the owner`s rules', () => {
  it('points per criterion count as the total does: appraisal wins, a deduction by its size, parents sum', () => {
    const entries = entriesOf({ '1.1': 10, '1.2': 20, '2': 50, '3': 2, '4': 3 }, { '1.2': 18 });
    const v = scorerView(unit, kt, entries, cfg);
    expect(Object.fromEntries(v.points)).toEqual({ '1': 28, '1.1': 10, '1.2': 18, '2': 50, '3': 2, '4': 3 });
    expect(v.score).toEqual(scoreUnit(kt, entries, cfg));
    expect(v.score.total).toBe(77);
    expect(v.level).toBe('Hoàn thành tốt nhiệm vụ');
    expect(v.excluded).toEqual([]);
    expect(v.unscored).toEqual([]);
  });

  it('leaves an invalid value out of the total and the points: above the maximum, negative, a wrong sign, off the step, text', () => {
    const valid = entriesOf({ '1.1': 10, '1.2': 20, '2': 50 });
    const before = scorerView(unit, kt, valid, cfg);
    // 1.1 is worth less than 99; a negative bonus; a deduction typed negative; 2 off the 0,25 step.
    for (const [code, bad] of [
      ['1.1', 99],
      ['3', -2],
      ['4', -3],
      ['2', 49.1],
      ['1.2', '3 điểm'],
    ] as const) {
      const v = scorerView(unit, kt, { ...valid, [code]: { self: bad, appraised: null, evidence: null } }, cfg);
      const without = scorerView(unit, kt, { ...valid, [code]: { self: null, appraised: null, evidence: null } }, cfg);
      expect([code, v.score.total]).toEqual([code, without.score.total]);
      expect(v.points.get(code)).toBe(0);
      expect(v.excluded).toEqual([code]);
      expect(v.findings.some((f) => f.criterion === code && f.severity === 'Lỗi')).toBe(true);
      expect(v.level).toBeNull();
    }
    // An invalid appraisal falls back to the valid self-score.
    const appraisedBad = scorerView(unit, kt, entriesOf({ '1.1': 10, '1.2': 20, '2': 50 }, { '1.1': 99 }), cfg);
    expect(appraisedBad.score.total).toBe(before.score.total);
    expect(appraisedBad.excluded).toEqual(['1.1']);
    expect(appraisedBad.level).toBeNull();
  });

  it('gives no level until every criterion is scored (a blank unit at 0 is not «Không hoàn thành nhiệm vụ»)', () => {
    const blank = scorerView(unit, kt, {}, cfg);
    expect(blank.score.total).toBe(0);
    expect(blank.level).toBeNull();
    expect(blank.unscored).toEqual(['1.1', '1.2', '2']);
    const half = scorerView(unit, kt, entriesOf({ '1.1': 10, '2': 50 }), cfg);
    expect(half.level).toBeNull();
    expect(half.unscored).toEqual(['1.2']);
    // A blank bonus or deduction is 0, not a missing score.
    const full = scorerView(unit, kt, entriesOf({ '1.1': 10, '1.2': 20, '2': 50 }), cfg);
    expect(full.unscored).toEqual([]);
    expect(full.level).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('puts what reading the file found before the entries` findings, and gives no level without levels', () => {
    const fileFinding = { severity: 'Lỗi' as const, unitCode: 'X01', code: 'missing-column', message: 'Xã Thử (X01): thiếu cột.' };
    const v = scorerView(unit, kt, entriesOf({ '1.1': 99 }), { ...cfg, levels: [] }, [fileFinding]);
    expect(v.findings[0]).toBe(fileFinding);
    expect(v.findings.map((f) => f.code)).toContain('above-max');
    expect(v.level).toBeNull();
  });
});
