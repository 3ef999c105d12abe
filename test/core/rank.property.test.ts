import fc from 'fast-check';
import { classifyAndRank, type RankInput } from '../../src/core/rank';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import { unit } from './helpers';

const cfg = defaultScoringConfig();

// Totals on a quarter-point grid make ties frequent, which is where ranking goes wrong.
const arbItem = fc.record({
  quarters: fc.integer({ min: 0, max: 400 }),
  group: fc.constantFrom('Nhóm A', 'Nhóm B', 'Cụm 3', ''),
  name: fc.constantFrom('Xã An', 'Xã Ân', 'Xã Bình Hải', 'Phường Đông', 'Xã Dương', 'Thị trấn Châu Ổ'),
  kind: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'excluded', 'missing', 'gate'),
});
const arbItems = fc.array(arbItem, { maxLength: 40 }).map((xs) =>
  xs.map((x, i): RankInput => {
    const total = x.quarters / 4;
    const gates = x.kind === 'gate' ? ['G1'] : [];
    return {
      unit: unit(`U${i}`, x.name, x.group, gates),
      score: x.kind === 'missing' ? null : { base: total, bonus: 0, penalty: 0, total, selfTotal: total, appraised: false },
      notClassifiedReasons: x.kind === 'excluded' ? ['Có lỗi dữ liệu chặn xếp loại'] : [],
    };
  }),
);

const ranksOf = (items: RankInput[]) =>
  Object.fromEntries(classifyAndRank(items, cfg).map((r) => [r.code, [r.rank, r.groupRank, r.levelCode]]));

describe('ranking properties', () => {
  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        arbItems.chain((items) =>
          fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length })),
        ),
        ([items, shuffled]) => {
          expect(ranksOf(shuffled)).toEqual(ranksOf(items));
          const codes = (xs: RankInput[]) => classifyAndRank(xs, cfg).map((r) => r.code);
          // Same totals and names may tie completely; the order is then by code, still stable.
          expect(codes(shuffled)).toEqual(codes(items));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives 1-based ranks, non-decreasing along the list, classified units first', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const res = classifyAndRank(items, cfg);
        expect(res).toHaveLength(items.length);
        const classified = res.filter((r) => r.classified);
        expect(res.slice(0, classified.length).every((r) => r.classified)).toBe(true);
        if (classified.length) expect(classified[0].rank).toBe(1);
        for (let i = 0; i < classified.length; i++) {
          expect(classified[i].rank).toBeGreaterThanOrEqual(1);
          if (i > 0) {
            expect(classified[i].rank!).toBeGreaterThanOrEqual(classified[i - 1].rank!);
            expect(classified[i].total).toBeLessThanOrEqual(classified[i - 1].total);
          }
        }
        for (const r of res.slice(classified.length)) {
          expect(r.rank).toBeNull();
          expect(r.groupRank).toBeNull();
          expect(r.levelCode).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ranks a unit 1 + the number of classified units with a strictly higher total, overall and in its group', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const res = classifyAndRank(items, cfg);
        const classified = res.filter((r) => r.classified);
        for (const r of classified) {
          expect(r.rank).toBe(1 + classified.filter((o) => o.total > r.total).length);
          expect(r.groupRank).toBe(1 + classified.filter((o) => o.group === r.group && o.total > r.total).length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('classifies exactly the units with a score, no reason and no excluding gate', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const res = classifyAndRank(items, cfg);
        const expected = items
          .filter((it) => it.score !== null && it.notClassifiedReasons.length === 0 && it.unit.gates.length === 0)
          .map((it) => it.unit.code)
          .sort();
        expect(
          res
            .filter((r) => r.classified)
            .map((r) => r.code)
            .sort(),
        ).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
