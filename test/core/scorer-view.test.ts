import { scorerView } from '../../src/core/scorer-view';
import { scoreUnit } from '../../src/core/score';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import { entriesOf, ktRows, rubricOf } from './helpers';

const cfg = defaultScoringConfig();
const kt = rubricOf(ktRows());
const unit = { code: 'X01', name: 'Xã Thử' };

describe('scorerView: what a scorer sees, by the owner`s rules', () => {
  it('points per criterion count as the total does: appraisal wins, a negative bonus is 0, a deduction by its size, parents sum', () => {
    const entries = entriesOf({ '1.1': 10, '1.2': 20, '2': 50, '3': -2, '4': -3 }, { '1.2': 18 });
    const v = scorerView(unit, kt, entries, cfg);
    expect(Object.fromEntries(v.points)).toEqual({ '1': 28, '1.1': 10, '1.2': 18, '2': 50, '3': 0, '4': 3 });
    expect(v.score).toEqual(scoreUnit(kt, entries, cfg));
    expect(v.score.total).toBe(75);
    expect(v.level).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('puts what reading the file found before the entries` findings, and gives no level without levels', () => {
    const fileFinding = { severity: 'Lỗi' as const, unitCode: 'X01', code: 'missing-column', message: 'Xã Thử (X01): thiếu cột.' };
    const v = scorerView(unit, kt, entriesOf({ '1.1': 99 }), { ...cfg, levels: [] }, [fileFinding]);
    expect(v.findings[0]).toBe(fileFinding);
    expect(v.findings.map((f) => f.code)).toContain('above-max');
    expect(v.level).toBeNull();
  });
});
