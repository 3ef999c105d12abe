// The scorer sidebar's local rules: the same core functions as the server, on what is typed.
import type { ScorerState } from '../../src/gas/api';
import { parseRubrics } from '../../src/core/rubric';
import { defaultRubricRows, defaultScoringConfig, DEFAULT_RUBRIC_IDS } from '../../src/core/default-rubrics';
import { validateEntries } from '../../src/core/validate';
import { scoreUnit } from '../../src/core/score';
import { levelFor } from '../../src/core/classify';
import type { Entries } from '../../src/core/types';
import { entriesOf, evaluate, fieldKey, findingText, rubricOf } from '../../src/ui/scorer-model';
import { displayScore, normalizeScoreInput, sameScore } from '../../src/ui/number';
import { safeUrl, urlsIn } from '../../src/ui/escape';
import { scorerCriterion } from '../../src/gas/unit-view';

const { rubrics } = parseRubrics(defaultRubricRows());
const rubric = rubrics[DEFAULT_RUBRIC_IDS.commune];
const cfg = defaultScoringConfig();
const unit = { code: 'BS-X08', name: 'Xã Bình Hải', group: 'Khối xã, thị trấn' };

/** A state as the server builds it, from the same core (the browser tests use the real server). */
function stateWith(values: Record<string, string>): ScorerState {
  const entries: ScorerState['entries'] = {};
  const coreEntries: Entries = {};
  for (const c of rubric.criteria) {
    if (c.children.length) continue;
    entries[c.code] = { self: values[c.code] ?? '', appraised: '', evidence: 'Kế hoạch số 01/KH-UBND', note: '', explanation: '' };
    coreEntries[c.code] = { ...entries[c.code] };
  }
  const score = scoreUnit(rubric, coreEntries, cfg);
  return {
    unit,
    rubricId: rubric.id,
    year: 2024,
    deadline: '15/11/2024',
    deadlines: [],
    appraisals: {},
    status: 'Đang chấm',
    submittedAt: null,
    submittedBy: null,
    canAppraise: false,
    locked: false,
    sheetLocked: false,
    explanationOpen: false,
    step: cfg.step,
    bonusCap: rubric.bonusMax,
    criteria: rubric.criteria.map(scorerCriterion),
    entries,
    findings: validateEntries(unit, rubric, coreEntries, cfg),
    score,
    level: levelFor(score.total, cfg.levels).name,
    levels: cfg.levels,
  };
}

describe('scorer model', () => {
  test('rebuilds the rubric of the state exactly (maxima, children, bonus cap)', () => {
    const r = rubricOf(stateWith({}));
    expect(r.maxScore).toBe(rubric.maxScore);
    expect(r.bonusMax).toBe(rubric.bonusMax);
    expect(r.byCode['X1'].children).toEqual(rubric.byCode['X1'].children);
  });

  test('accepts "8,5" as 8.5 and shows numbers the Vietnamese way', () => {
    expect(normalizeScoreInput(' 8,5 ')).toBe('8.5');
    expect(normalizeScoreInput('abc')).toBe('abc');
    expect(displayScore('8.5')).toBe('8,5');
    expect(displayScore('Kế hoạch')).toBe('Kế hoạch');
    expect(sameScore('8,50', '8.5')).toBe(true);
  });

  test('an ambiguous number («1.000», «1.5.0») is kept as typed and shown at once as a blocking error', () => {
    for (const typed of ['1.000', '1,000', '1.5.0', '1.000,5']) {
      expect(normalizeScoreInput(typed)).toBe(typed);
      expect(displayScore(typed)).toBe(typed);
      expect(sameScore(typed, '1')).toBe(false);
      const e = evaluate(stateWith({}), new Map([[fieldKey('X1.1', 'self'), typed]]));
      const shown = e.byField.get(fieldKey('X1.1', 'self'))!;
      expect(shown).toMatchObject([{ blocking: true, finding: { code: 'ambiguous-number' } }]);
      expect(shown).toHaveLength(1);
      expect(shown[0].text).toContain('ghi 1 hoặc 1,5 — dùng dấu phẩy cho phần thập phân');
    }
    expect(normalizeScoreInput('7,5')).toBe('7.5');
    expect(normalizeScoreInput('7.5')).toBe('7.5');
  });

  test('scores that read as numbers reach the core as numbers (the server stores them so), text stays text', () => {
    const s = stateWith({ 'X1.1': '1,5' });
    s.entries['X1.2'] = { ...s.entries['X1.2'], appraised: '2' };
    const entries = entriesOf(
      s,
      new Map([
        [fieldKey('X1.3', 'self'), ' 0,75 '],
        [fieldKey('X2.1', 'self'), 'abc'],
      ]),
    );
    expect(entries['X1.1'].self).toBe(1.5);
    expect(entries['X1.2'].appraised).toBe(2);
    expect(entries['X1.3'].self).toBe(0.75);
    expect(entries['X2.1'].self).toBe('abc');
    expect(entries['X1.1'].evidence).toBe('Kế hoạch số 01/KH-UBND');
    const ev = evaluate(s, new Map());
    expect([...ev.byField.values()].flat().filter((f) => f.finding.code === 'number-as-text')).toEqual([]);
  });

  test('a typed value above the maximum gives the core message next to the field, without the place', () => {
    const s = stateWith({});
    const ev = evaluate(s, new Map([[fieldKey('X1.1', 'self'), '12']]));
    const list = ev.byField.get(fieldKey('X1.1', 'self')) ?? [];
    const above = list.find((f) => f.finding.code === 'above-max');
    expect(above?.text).toBe('Điểm tự chấm 12 vượt điểm tối đa 4.');
    expect(above?.blocking).toBe(true);
  });

  test('the same messages as the server, once the place prefix is taken off', () => {
    const s = stateWith({ 'X1.1': '12' });
    const server = s.findings.find((f) => f.code === 'above-max' && f.criterion === 'X1.1')!;
    const local = evaluate(s, new Map())
      .byField.get(fieldKey('X1.1', 'self'))!
      .find((f) => f.finding.code === 'above-max')!;
    expect(server.message.endsWith(local.text.charAt(0).toLowerCase() + local.text.slice(1))).toBe(true);
    expect(findingText(server, unit)).toBe(local.text);
  });

  test('totals and level follow the typing; without typing the server numbers are used', () => {
    const full: Record<string, string> = {};
    for (const c of rubric.criteria) if (!c.children.length && c.kind === 'score') full[c.code] = String(c.max);
    const s = stateWith(full);
    expect(evaluate(s, new Map()).score).toEqual(s.score);
    const ev = evaluate(s, new Map([[fieldKey('X1.1', 'self'), '2,5']]));
    expect(ev.score.total).toBeCloseTo(s.score.total - 1.5, 6);
    expect(ev.level).toBe(levelFor(ev.score.total, cfg.levels).name);
    expect(ev.points.get('X1')).toBeCloseTo(8.5, 6);
  });

  test('only http(s) links become links', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://drive.google.com/x')).toBe('https://drive.google.com/x');
    expect(urlsIn('Kế hoạch 01, xem https://a.example/x; và http://b.example/y.')).toEqual(['https://a.example/x', 'http://b.example/y']);
  });
});
