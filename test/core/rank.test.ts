import { classifyAndRank, summarize, type RankInput } from '../../src/core/rank';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import type { UnitScore } from '../../src/core/types';
import { unit } from './helpers';

const cfg = defaultScoringConfig();
const score = (total: number, extra: Partial<UnitScore> = {}): UnitScore => ({
  base: total,
  bonus: 0,
  penalty: 0,
  total,
  selfTotal: total,
  appraised: false,
  ...extra,
});
const item = (code: string, name: string, total: number | null, group = 'A', gates: string[] = [], reasons: string[] = []): RankInput => ({
  unit: unit(code, name, group, gates),
  score: total === null ? null : score(total),
  notClassifiedReasons: reasons,
});

describe('classifyAndRank', () => {
  it('returns nothing for no units', () => {
    expect(classifyAndRank([], cfg)).toEqual([]);
  });

  it('uses standard competition ranking on ties (1, 2, 2, 4)', () => {
    const res = classifyAndRank(
      [item('U1', 'Xã Một', 80), item('U2', 'Xã Hai', 90), item('U3', 'Xã Ba', 80), item('U4', 'Xã Bốn', 70)],
      cfg,
    );
    expect(res.map((r) => [r.code, r.rank])).toEqual([
      ['U2', 1],
      ['U3', 2], // "Xã Ba" before "Xã Một" (same total, by name)
      ['U1', 2],
      ['U4', 4],
    ]);
  });

  it('gives rank 1 to every unit when all totals are equal', () => {
    const res = classifyAndRank([item('C', 'Xã Cê', 75), item('A', 'Xã A', 75), item('B', 'Xã Bê', 75)], cfg);
    expect(res.map((r) => r.rank)).toEqual([1, 1, 1]);
    expect(res.map((r) => r.code)).toEqual(['A', 'B', 'C']);
  });

  it('sorts ties by Vietnamese collation of the name', () => {
    const res = classifyAndRank(
      [item('3', 'Xã Đông Sơn', 80), item('2', 'Xã Dương Sơn', 80), item('1', 'Xã Ân Phong', 80), item('4', 'Xã An Phú', 80)],
      cfg,
    );
    expect(res.map((r) => r.name)).toEqual(['Xã An Phú', 'Xã Ân Phong', 'Xã Dương Sơn', 'Xã Đông Sơn']);
  });

  it('classifies by level at the boundaries', () => {
    const res = classifyAndRank(
      [item('a', 'a', 90), item('b', 'b', 89.99), item('c', 'c', 70), item('d', 'd', 69.99), item('e', 'e', 50), item('f', 'f', 49.99)],
      cfg,
    );
    expect(res.map((r) => r.levelCode)).toEqual(['HTXS', 'HTT', 'HTT', 'HT', 'HT', 'KHT']);
    expect(res[0].level).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(res.every((r) => r.classified)).toBe(true);
  });

  it('lists units that are not classified after the classified ones, by group then name', () => {
    const res = classifyAndRank(
      [
        item('N1', 'Xã Chưa Nộp', null, 'Nhóm B', [], ['Chưa nộp kết quả']),
        item('K1', 'Xã Một', 60, 'Nhóm B'),
        item('N2', 'Xã Lỗi', 95, 'Nhóm A', [], ['Có lỗi dữ liệu chặn xếp loại']),
        item('N3', 'Xã Ân', null, 'Nhóm B'),
        item('K2', 'Xã Hai', 40, 'Nhóm A'),
      ],
      cfg,
    );
    expect(res.map((r) => r.code)).toEqual(['K1', 'K2', 'N2', 'N3', 'N1']);
    const n2 = res[2];
    expect(n2).toMatchObject({
      classified: false,
      level: null,
      levelCode: null,
      rank: null,
      groupRank: null,
      reasons: ['Có lỗi dữ liệu chặn xếp loại'],
      total: 95,
      scored: true,
    });
    expect(res[3]).toMatchObject({ classified: false, scored: false, total: 0, reasons: ['Chưa có kết quả chấm điểm'] });
    expect(res[4].reasons).toEqual(['Chưa nộp kết quả']);
    // The excluded 95 does not push the others down.
    expect(res[0].rank).toBe(1);
    expect(res[1].rank).toBe(2);
  });

  it('ranks within each group', () => {
    const res = classifyAndRank(
      [
        item('A1', 'a1', 80, 'Nhóm A'),
        item('B1', 'b1', 85, 'Nhóm B'),
        item('A2', 'a2', 90, 'Nhóm A'),
        item('B2', 'b2', 85, 'Nhóm B'),
        item('A3', 'a3', 70, 'Nhóm A'),
      ],
      cfg,
    );
    const by = Object.fromEntries(res.map((r) => [r.code, [r.rank, r.groupRank]]));
    expect(by).toEqual({ A2: [1, 1], B1: [2, 1], B2: [2, 1], A1: [4, 2], A3: [5, 3] });
  });

  it('applies gates: a cap lowers the level, KXL excludes', () => {
    const res = classifyAndRank(
      [item('G2', 'Xã Khiếu Kiện', 95, 'A', ['G2']), item('G1', 'Xã Trễ Hạn', 99, 'A', ['G1']), item('OK', 'Xã Ổn', 92)],
      cfg,
    );
    const g2 = res.find((r) => r.code === 'G2')!;
    expect(g2).toMatchObject({ classified: true, levelCode: 'HTT', level: 'Hoàn thành tốt nhiệm vụ', rank: 1 });
    expect(g2.reasons[0]).toContain('tối đa Hoàn thành tốt nhiệm vụ');
    const g1 = res.find((r) => r.code === 'G1')!;
    expect(g1).toMatchObject({ classified: false, rank: null, level: null, total: 99 });
    expect(g1.reasons[0]).toContain('Không nộp hồ sơ');
    expect(res.map((r) => r.code)).toEqual(['G2', 'OK', 'G1']);
  });

  it('copies name, group, code, rubric and the score parts', () => {
    const [r] = classifyAndRank(
      [
        {
          unit: unit('KT01', 'Xã Thử', 'Nhóm A'),
          score: score(87, { base: 85, bonus: 2, selfTotal: 88, appraised: true }),
          notClassifiedReasons: [],
        },
      ],
      cfg,
    );
    expect(r).toEqual({
      code: 'KT01',
      name: 'Xã Thử',
      group: 'Nhóm A',
      rubricId: 'KT',
      base: 85,
      bonus: 2,
      penalty: 0,
      total: 87,
      selfTotal: 88,
      appraised: true,
      classified: true,
      level: 'Hoàn thành tốt nhiệm vụ',
      levelCode: 'HTT',
      rank: 1,
      groupRank: 1,
      reasons: [],
      scored: true,
    });
  });
});

describe('summarize', () => {
  it('counts levels overall and per group, in level order, with 0-count levels', () => {
    const res = classifyAndRank(
      [
        item('1', 'a', 95, 'Nhóm A'),
        item('2', 'b', 75, 'Nhóm A'),
        item('3', 'c', 72, 'Nhóm B'),
        item('4', 'd', null, 'Nhóm B', [], ['Chưa nộp kết quả']),
      ],
      cfg,
    );
    const s = summarize(res, cfg);
    expect(s.total).toBe(4);
    expect(s.classified).toBe(3);
    expect(s.notClassified).toBe(1);
    expect(s.byLevel.map((l) => [l.levelCode, l.count])).toEqual([
      ['HTXS', 1],
      ['HTT', 2],
      ['HT', 0],
      ['KHT', 0],
    ]);
    expect(s.byLevel[0].percent).toBeCloseTo(100 / 3, 10);
    expect(s.byLevel[1].percent).toBeCloseTo(200 / 3, 10);
    expect(s.byLevel[1].level).toBe('Hoàn thành tốt nhiệm vụ');
    expect(Object.keys(s.byGroup)).toEqual(['Nhóm A', 'Nhóm B']);
    expect(s.byGroup['Nhóm A']).toMatchObject({ total: 2, classified: 2 });
    expect(s.byGroup['Nhóm A'].byLevel.map((l) => l.percent)).toEqual([50, 50, 0, 0]);
    expect(s.byGroup['Nhóm B']).toMatchObject({ total: 2, classified: 1 });
    expect(s.byGroup['Nhóm B'].byLevel.map((l) => l.count)).toEqual([0, 1, 0, 0]);
  });

  it('uses the order of the levels by minimum even when configured in another order', () => {
    const levels = [...cfg.levels].reverse();
    const s = summarize(classifyAndRank([item('1', 'a', 55)], { ...cfg, levels }), { ...cfg, levels });
    expect(s.byLevel.map((l) => l.levelCode)).toEqual(['HTXS', 'HTT', 'HT', 'KHT']);
    expect(s.byLevel[2]).toMatchObject({ count: 1, percent: 100 });
  });

  it('gives 0 % when nothing is classified, and handles an empty list', () => {
    const s = summarize(classifyAndRank([item('1', 'a', null)], cfg), cfg);
    expect(s).toMatchObject({ total: 1, classified: 0, notClassified: 1 });
    expect(s.byLevel.every((l) => l.count === 0 && l.percent === 0)).toBe(true);
    const empty = summarize([], cfg);
    expect(empty).toEqual({
      total: 0,
      classified: 0,
      notClassified: 0,
      byLevel: cfg.levels.map((l) => ({ levelCode: l.code, level: l.name, count: 0, percent: 0 })),
      byGroup: {},
    });
  });
});
