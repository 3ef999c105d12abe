import { effectiveValue, roundHalfUp, scoreUnit } from '../../src/core/score';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import type { ScoringConfig } from '../../src/core/types';
import { entriesOf, entry, ktRows, row, rubricOf } from './helpers';

const cfg: ScoringConfig = defaultScoringConfig();
const kt = rubricOf(ktRows());

describe('roundHalfUp', () => {
  it('rounds half up despite float noise', () => {
    expect(roundHalfUp(89.995)).toBe(90);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(0.285)).toBe(0.29);
    expect(roundHalfUp(1.255)).toBe(1.26);
    expect(roundHalfUp(2.675)).toBe(2.68);
  });
  it('rounds below half down', () => {
    expect(roundHalfUp(89.994)).toBe(89.99);
    expect(roundHalfUp(89.9949999)).toBe(89.99);
    expect(roundHalfUp(0.1 + 0.2)).toBe(0.3);
  });
  it('supports other precisions and negatives', () => {
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(-1.005)).toBe(-1.01);
    expect(roundHalfUp(12.3456, 3)).toBe(12.346);
    expect(Object.is(roundHalfUp(-0.001), 0)).toBe(true);
  });
});

describe('effectiveValue', () => {
  it('prefers the appraised value, then the self-score', () => {
    expect(effectiveValue(entry(8, { appraised: 6 }))).toBe(6);
    expect(effectiveValue(entry(8, { appraised: 0 }))).toBe(0);
    expect(effectiveValue(entry(8))).toBe(8);
    expect(effectiveValue(entry('7,5', { appraised: '' }))).toBe(7.5);
    expect(effectiveValue(entry(8, { appraised: 'chưa chấm' }))).toBe(8);
  });
  it('is null when nothing usable was typed', () => {
    expect(effectiveValue(undefined)).toBeNull();
    expect(effectiveValue(entry(null))).toBeNull();
    expect(effectiveValue(entry('abc'))).toBeNull();
  });
});

describe('scoreUnit on the contract case', () => {
  it('KT01: 15 + 20 + 50 + bonus 2 = 87', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 15, '1.2': 20, '2': 50, '3': 2 }), cfg);
    expect(s).toEqual({ base: 85, bonus: 2, penalty: 0, total: 87, selfTotal: 87, appraised: false });
  });
  it('KT02: appraisal 55 replaces the self-score 60', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 10, '1.2': 20, '2': 60 }, { '2': 55 }), cfg);
    expect(s).toEqual({ base: 85, bonus: 0, penalty: 0, total: 85, selfTotal: 90, appraised: true });
  });
  it('KT03: 100 − penalty 3 = 97', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 15, '1.2': 25, '2': 60, '4': 3 }), cfg);
    expect(s).toEqual({ base: 100, bonus: 0, penalty: 3, total: 97, selfTotal: 97, appraised: false });
  });
});

describe('scoreUnit rules', () => {
  it('ignores values typed on parent rows (the sheet totals them by formula)', () => {
    const s = scoreUnit(kt, entriesOf({ '1': 40, '1.1': 5, '1.2': 5, '2': 10 }), cfg);
    expect(s.base).toBe(20);
    expect(s.total).toBe(20);
  });
  it('caps the bonus at the rubric bonus maximum', () => {
    const r = rubricOf([row('B', '1', '', 100, 'điểm'), row('B', 'B1', '', 3, 'thưởng'), row('B', 'B2', '', 2, 'thưởng')]);
    const s = scoreUnit(r, entriesOf({ '1': 80, B1: 3, B2: 2.5 }), cfg);
    expect(s.bonus).toBe(5);
    expect(s.total).toBe(85);
  });
  it('caps the bonus at cfg.bonusCap when set', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 10, '1.2': 10, '2': 50, '3': 5 }), { ...cfg, bonusCap: 3 });
    expect(s.bonus).toBe(3);
    expect(s.total).toBe(73);
  });
  it('clamps the total to the maximum', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 15, '1.2': 25, '2': 60, '3': 5 }), cfg);
    expect(s).toMatchObject({ base: 100, bonus: 5, total: 100 });
  });
  it('clamps the total to 0 when deductions exceed the points', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 2, '1.2': 1, '2': 0, '4': 10 }), cfg);
    expect(s).toMatchObject({ base: 3, penalty: 10, total: 0 });
  });
  it('counts a negative deduction by its absolute value', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 15, '1.2': 25, '2': 60, '4': -5 }), cfg);
    expect(s).toMatchObject({ penalty: 5, total: 95 });
  });
  it('counts non-numeric and blank entries as 0', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 'mười lăm', '1.2': '', '2': '50' }), cfg);
    expect(s).toMatchObject({ base: 50, total: 50 });
    expect(scoreUnit(kt, {}, cfg)).toEqual({ base: 0, bonus: 0, penalty: 0, total: 0, selfTotal: 0, appraised: false });
  });
  it('reads Vietnamese decimal commas', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': '14,75', '1.2': '24,5', '2': 59.25 }), cfg);
    expect(s.total).toBe(98.5);
  });
  it('does not let a negative bonus cancel another bonus', () => {
    const r = rubricOf([row('B', '1', '', 100, 'điểm'), row('B', 'B1', '', 3, 'thưởng'), row('B', 'B2', '', 2, 'thưởng')]);
    expect(scoreUnit(r, entriesOf({ '1': 80, B1: 3, B2: -2 }), cfg).bonus).toBe(3);
  });
  it('scales to 100 when the rubric is worth 90 points', () => {
    const r = rubricOf([row('N', '1', '', 50, 'điểm'), row('N', '2', '', 40, 'điểm'), row('N', 'B', '', 5, 'thưởng')]);
    expect(r.maxScore).toBe(90);
    const s = scoreUnit(r, entriesOf({ '1': 45, '2': 36 }), cfg);
    expect(s).toMatchObject({ base: 81, total: 90 });
    // 80.5 / 90 × 100 = 89.444… → 89.44
    expect(scoreUnit(r, entriesOf({ '1': 45, '2': 35.5 }), cfg).total).toBe(89.44);
    // 80.75 / 90 × 100 = 89.7222… → 89.72; the bonus counts before clamping to 90
    expect(scoreUnit(r, entriesOf({ '1': 45, '2': 35.75 }), cfg).total).toBe(89.72);
    expect(scoreUnit(r, entriesOf({ '1': 50, '2': 40, B: 5 }), cfg).total).toBe(100);
  });
  it('rounds the total half up to 2 decimals', () => {
    // 2/3 of 100 = 66.666… → 66.67
    const r = rubricOf([row('T', '1', '', 3, 'điểm')]);
    expect(scoreUnit(r, entriesOf({ '1': 2 }), cfg).total).toBe(66.67);
    // 0.125 of 1 point over 8 → 1.5625 % → 1.56; 0.375/8 = 4.6875 → 4.69
    const r8 = rubricOf([row('T', '1', '', 8, 'điểm')]);
    expect(scoreUnit(r8, entriesOf({ '1': 0.375 }), cfg).total).toBe(4.69);
  });
  it('computes the self total from self-scores only', () => {
    const s = scoreUnit(kt, entriesOf({ '1.1': 15, '1.2': 25, '2': 60, '4': 0 }, { '1.2': 20, '4': 5 }), cfg);
    expect(s).toMatchObject({ base: 95, penalty: 5, total: 90, selfTotal: 100, appraised: true });
  });
  it('marks appraised only for a number typed in Thẩm định on a leaf', () => {
    expect(scoreUnit(kt, entriesOf({ '1.1': 15 }, { '1.1': '' }), cfg).appraised).toBe(false);
    expect(scoreUnit(kt, entriesOf({ '1.1': 15 }, { '1': 0 }), cfg).appraised).toBe(false);
    expect(scoreUnit(kt, entriesOf({ '1.1': 15 }, { '1.1': 0 }), cfg).appraised).toBe(true);
  });
});
