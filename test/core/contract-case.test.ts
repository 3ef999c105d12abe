// shared/checks/contract-case.json, typed inline: the totals, levels and ranks must come out of
// the core exactly as the public contract check expects them from the CLI.
import { parseRubrics } from '../../src/core/rubric';
import { scoreUnit } from '../../src/core/score';
import { hasBlockingError, validateEntries } from '../../src/core/validate';
import { classifyAndRank, type RankInput } from '../../src/core/rank';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import type { Cell } from '../../src/core/types';
import { entriesOf, ktRows, unit } from './helpers';

interface CaseUnit {
  code: string;
  name: string;
  group: string;
  status?: string;
  self: Record<string, Cell>;
  appraised?: Record<string, Cell>;
}
const UNITS: CaseUnit[] = [
  { code: 'KT01', name: 'Xã Thử Nghiệm Một', group: 'Nhóm A', self: { '1.1': 15, '1.2': 20, '2': 50, '3': 2 } },
  { code: 'KT02', name: 'Xã Thử Nghiệm Hai', group: 'Nhóm A', self: { '1.1': 10, '1.2': 20, '2': 60 }, appraised: { '2': 55 } },
  { code: 'KT03', name: 'Phường Thử Nghiệm', group: 'Nhóm B', self: { '1.1': 15, '1.2': 25, '2': 60, '4': 3 } },
  { code: 'KT04', name: 'Xã Chưa Nộp', group: 'Nhóm B', status: 'Đang chấm', self: { '1.1': 15 } },
];

describe('contract case', () => {
  const cfg = defaultScoringConfig();
  const { rubrics, errors } = parseRubrics(ktRows());
  const kt = rubrics.KT;

  const inputs: RankInput[] = UNITS.map((u) => {
    const entries = entriesOf(u.self, u.appraised);
    const findings = validateEntries(u, kt, entries, cfg);
    const reasons: string[] = [];
    if ((u.status ?? 'Đã nộp') !== 'Đã nộp') reasons.push('Chưa nộp kết quả');
    else if (hasBlockingError(findings)) reasons.push('Có lỗi dữ liệu chặn xếp loại');
    return { unit: unit(u.code, u.name, u.group), score: scoreUnit(kt, entries, cfg), notClassifiedReasons: reasons };
  });
  const results = classifyAndRank(inputs, cfg);
  const by = Object.fromEntries(results.map((r) => [r.code, r]));

  it('parses the KT rubric', () => {
    expect(errors).toEqual([]);
    expect(kt.maxScore).toBe(100);
    expect(kt.bonusMax).toBe(5);
  });

  it('finds no blocking error in the submitted units', () => {
    for (const u of UNITS.slice(0, 3)) {
      expect(hasBlockingError(validateEntries(u, kt, entriesOf(u.self, u.appraised), cfg))).toBe(false);
    }
  });

  it('gives the expected totals, levels and ranks', () => {
    expect(by.KT01).toMatchObject({ total: 87, level: 'Hoàn thành tốt nhiệm vụ', rank: 2, groupRank: 1, classified: true });
    expect(by.KT02).toMatchObject({ total: 85, level: 'Hoàn thành tốt nhiệm vụ', rank: 3, groupRank: 2, classified: true });
    expect(by.KT03).toMatchObject({ total: 97, level: 'Hoàn thành xuất sắc nhiệm vụ', rank: 1, groupRank: 1, classified: true });
    expect(by.KT04).toMatchObject({ classified: false, rank: null, reasons: ['Chưa nộp kết quả'] });
  });

  it('orders classified units first, as expected', () => {
    expect(results.map((r) => r.code)).toEqual(['KT03', 'KT01', 'KT02', 'KT04']);
  });

  it('keeps the self total of the appraised unit', () => {
    expect(by.KT02).toMatchObject({ selfTotal: 90, appraised: true });
  });
});
