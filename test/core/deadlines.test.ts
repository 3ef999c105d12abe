import { daysLate, daysLeftText, gatesWithLate, lateFinding } from '../../src/core/deadlines';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import { unit } from './helpers';

const deadline = new Date(2024, 10, 15);
const submittedAt = (at: Date | string) => ({
  ...unit('A01', 'Xã An Hòa', 'Cụm 1'),
  status: 'Đã nộp',
  accepted: { at, by: '', check: 'x', locked: false },
});

describe('deadlines', () => {
  it('counts a submission on the deadline day as on time, the next day as late', () => {
    expect(daysLate(submittedAt(new Date(2024, 10, 15, 23, 59)), deadline)).toBe(0);
    expect(daysLate(submittedAt(new Date(2024, 10, 16, 0, 1)), deadline)).toBe(1);
    expect(daysLate(submittedAt(new Date(2024, 10, 16)), null)).toBe(0);
    expect(daysLate({ ...submittedAt(new Date(2024, 10, 20)), status: 'Đang chấm' }, deadline)).toBe(0);
    expect(lateFinding(submittedAt(new Date(2024, 10, 20)), deadline)?.message).toBe(
      'Xã An Hòa (A01): nộp kết quả ngày 20/11/2024, sau hạn nộp 15/11/2024 (chậm 5 ngày).',
    );
  });

  it('adds the gate NC only when `Xếp loại` defines it', () => {
    const u = submittedAt(new Date(2024, 10, 20));
    const cfg = defaultScoringConfig();
    expect(gatesWithLate(u, deadline, cfg)).toEqual([]);
    const withNc = { ...cfg, gates: [...cfg.gates, { code: 'NC', name: 'Nộp chậm', maxLevel: 'HT' }] };
    expect(gatesWithLate(u, deadline, withNc)).toEqual(['NC']);
    expect(gatesWithLate(submittedAt(new Date(2024, 10, 14)), deadline, withNc)).toEqual([]);
  });

  it('says the days left in words', () => {
    expect(daysLeftText(deadline, new Date(2024, 10, 12, 18))).toBe('còn 3 ngày (hạn 15/11/2024)');
    expect(daysLeftText(deadline, new Date(2024, 10, 15, 8))).toBe('hôm nay là hạn cuối (15/11/2024)');
    expect(daysLeftText(deadline, new Date(2024, 10, 17))).toBe('đã quá hạn 2 ngày (hạn 15/11/2024)');
  });
});
