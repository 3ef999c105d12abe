import { applyGates, levelFor } from '../../src/core/classify';
import { DEFAULT_LEVELS, defaultScoringConfig } from '../../src/core/default-rubrics';
import type { Level } from '../../src/core/types';

const cfg = defaultScoringConfig();
const L = (code: string): Level => DEFAULT_LEVELS.find((l) => l.code === code)!;

describe('levelFor', () => {
  it.each([
    [100, 'HTXS'],
    [90, 'HTXS'],
    [90.0, 'HTXS'],
    [89.99, 'HTT'],
    [70, 'HTT'],
    [69.99, 'HT'],
    [50, 'HT'],
    [49.99, 'KHT'],
    [0, 'KHT'],
  ])('%p → %s', (total, code) => {
    expect(levelFor(total, DEFAULT_LEVELS).code).toBe(code);
  });
  it('uses the rounded total (89.995 counts as 90)', () => {
    expect(levelFor(89.995, DEFAULT_LEVELS).code).toBe('HTXS');
    expect(levelFor(89.994, DEFAULT_LEVELS).code).toBe('HTT');
  });
  it('accepts levels in any order', () => {
    const shuffled = [DEFAULT_LEVELS[2], DEFAULT_LEVELS[0], DEFAULT_LEVELS[3], DEFAULT_LEVELS[1]];
    expect(levelFor(75, shuffled).code).toBe('HTT');
    expect(levelFor(95, shuffled).code).toBe('HTXS');
    expect(levelFor(10, shuffled).code).toBe('KHT');
  });
  it('falls back to the lowest level below every minimum', () => {
    const levels: Level[] = [
      { code: 'TOT', name: 'Tốt', min: 80 },
      { code: 'KHA', name: 'Khá', min: 60 },
    ];
    expect(levelFor(78, levels).code).toBe('KHA');
    expect(levelFor(30, levels).code).toBe('KHA');
  });
  it('refuses an empty list of levels with a Vietnamese message', () => {
    expect(() => levelFor(50, [])).toThrow('Chưa cấu hình mức xếp loại');
  });
});

describe('applyGates', () => {
  it('leaves the level alone without gates', () => {
    expect(applyGates(L('HTXS'), [], cfg)).toEqual({ level: L('HTXS'), reasons: [] });
  });
  it('caps the level at the gate maximum', () => {
    const r = applyGates(L('HTXS'), ['G2'], cfg);
    expect(r.level!.code).toBe('HTT');
    expect(r.reasons).toEqual([
      'Điều kiện khống chế: Có khiếu kiện đông người, vượt cấp, điểm nóng có nguyên nhân chủ quan — tối đa Hoàn thành tốt nhiệm vụ',
    ]);
  });
  it('never raises a level', () => {
    const r = applyGates(L('HT'), ['G2'], cfg);
    expect(r.level!.code).toBe('HT');
    expect(r.reasons).toHaveLength(1);
  });
  it('keeps the lowest of several caps, whatever their order', () => {
    expect(applyGates(L('HTXS'), ['G3a', 'G2'], cfg).level!.code).toBe('HT');
    expect(applyGates(L('HTXS'), ['G2', 'G3a'], cfg).level!.code).toBe('HT');
    expect(applyGates(L('HTXS'), ['G2', 'G3a'], cfg).reasons).toHaveLength(2);
  });
  it('excludes the unit for a KXL gate', () => {
    const r = applyGates(L('HTXS'), ['G1'], cfg);
    expect(r.level).toBeNull();
    expect(r.reasons[0]).toContain('Không nộp hồ sơ tự đánh giá đúng hạn');
    expect(applyGates(L('HTT'), ['G2', 'G1'], cfg).level).toBeNull();
  });
  it('reports unknown gates without effect', () => {
    const r = applyGates(L('HTXS'), ['G9'], cfg);
    expect(r.level!.code).toBe('HTXS');
    expect(r.reasons).toEqual(['Không rõ điều kiện khống chế «G9»']);
  });
  it('matches gate codes loosely and ignores blanks and repeats', () => {
    const r = applyGates(L('HTXS'), [' g2 ', '', 'G2'], cfg);
    expect(r.level!.code).toBe('HTT');
    expect(r.reasons).toHaveLength(1);
  });
  it('reports a gate pointing to a level that does not exist', () => {
    const r = applyGates(L('HTXS'), ['GX'], { ...cfg, gates: [{ code: 'GX', name: 'Thử', maxLevel: 'TOT' }] });
    expect(r.level!.code).toBe('HTXS');
    expect(r.reasons[0]).toContain('«TOT»');
  });
});
