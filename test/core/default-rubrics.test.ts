import {
  DEFAULT_GATES,
  DEFAULT_LEVELS,
  DEFAULT_RUBRIC_IDS,
  DEFAULT_STEP,
  defaultRubricRows,
  defaultScoringConfig,
} from '../../src/core/default-rubrics';
import { leaves, parseRubrics } from '../../src/core/rubric';

describe('default rubrics', () => {
  const { rubrics, errors } = parseRubrics(defaultRubricRows());

  it('parse without errors, both with 100 points and a bonus of 5', () => {
    expect(errors).toEqual([]);
    expect(Object.keys(rubrics).sort()).toEqual(['Cơ quan chuyên môn', 'UBND cấp xã']);
    for (const id of [DEFAULT_RUBRIC_IDS.commune, DEFAULT_RUBRIC_IDS.agency]) {
      expect(rubrics[id].maxScore).toBe(100);
      expect(rubrics[id].bonusMax).toBe(5);
    }
  });

  it('hold the criteria of rubric.json', () => {
    const xa = rubrics['UBND cấp xã'];
    expect(xa.criteria.filter((c) => c.depth === 0 && c.kind === 'score').map((c) => c.code)).toEqual([
      'X1',
      'X2',
      'X3',
      'X4',
      'X5',
      'X6',
      'X7',
      'X8',
      'X9',
    ]);
    expect(xa.byCode.X1.children).toEqual(['X1.1', 'X1.2', 'X1.3']);
    expect(xa.byCode['X3.1'].max).toBe(6);
    expect(leaves(xa, 'score')).toHaveLength(22); // 3+2+3+3+3+3+2+2+1
    const cq = rubrics['Cơ quan chuyên môn'];
    expect(cq.byCode.C2.max).toBe(15);
    expect(cq.byCode.C4.children).toEqual(['C4.1', 'C4.2']);
    expect(leaves(cq, 'bonus').map((c) => c.code)).toEqual(['B1', 'B2']);
    expect(leaves(cq, 'penalty').map((c) => [c.code, c.max])).toEqual([
      ['P1', 15],
      ['P2', 10],
      ['P3', 5],
      ['P4', 10],
    ]);
  });

  it('require evidence on leaf score criteria only', () => {
    for (const r of Object.values(rubrics)) {
      for (const c of r.criteria) {
        expect(c.evidenceRequired).toBe(c.kind === 'score' && c.children.length === 0);
      }
    }
  });

  it('write kinds in Vietnamese and guidance with evidence hints and the per-case deduction', () => {
    const rows = defaultRubricRows();
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['điểm', 'thưởng', 'trừ']));
    const x11 = rows.find((r) => r.rubricId === 'UBND cấp xã' && r.code === 'X1.1')!;
    expect(x11).toMatchObject({ parent: 'X1', max: 4, kind: 'điểm', guidance: 'Minh chứng: Kế hoạch; Quyết định phân công' });
    const p1 = rows.find((r) => r.rubricId === 'UBND cấp xã' && r.code === 'P1')!;
    expect(p1.guidance).toContain('Trừ 5 điểm/vụ việc, tối đa 15 điểm');
    expect(p1.kind).toBe('trừ');
    const b1 = rows.find((r) => r.code === 'B1')!;
    expect(b1).toMatchObject({ kind: 'thưởng', max: 3 });
  });

  it('returns a fresh copy on each call', () => {
    const a = defaultRubricRows();
    a[0].max = 999;
    expect(defaultRubricRows()[0].max).toBe(10);
  });
});

describe('default scoring settings', () => {
  it('has the four levels of the 2022 wording', () => {
    expect(DEFAULT_LEVELS.map((l) => [l.code, l.min])).toEqual([
      ['HTXS', 90],
      ['HTT', 70],
      ['HT', 50],
      ['KHT', 0],
    ]);
    expect(DEFAULT_LEVELS[0].name).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(DEFAULT_LEVELS[3].name).toBe('Không hoàn thành nhiệm vụ');
  });
  it('has the gates G1..G4 with their caps', () => {
    expect(DEFAULT_GATES.map((g) => [g.code, g.maxLevel])).toEqual([
      ['G1', 'KXL'],
      ['G2', 'HTT'],
      ['G3a', 'HT'],
      ['G3b', 'HTT'],
      ['G4', 'HTT'],
    ]);
    expect(DEFAULT_GATES.every((g) => g.name.length > 10)).toBe(true);
  });
  it('builds an independent config', () => {
    const cfg = defaultScoringConfig();
    expect(cfg).toEqual({ step: DEFAULT_STEP, bonusCap: null, levels: DEFAULT_LEVELS, gates: DEFAULT_GATES });
    expect(DEFAULT_STEP).toBe(0.25);
    cfg.levels[0].min = 95;
    expect(DEFAULT_LEVELS[0].min).toBe(90);
  });
});
