import { leaves, parseKind, parseRubrics, rubricFingerprint } from '../../src/core/rubric';
import type { CriterionRow } from '../../src/core/types';
import { ktRows, row, rubricOf } from './helpers';

describe('parseKind', () => {
  it.each([
    ['điểm', 'score'],
    ['Điểm', 'score'],
    ['diem', 'score'],
    [' ĐIỂM ', 'score'],
    ['thưởng', 'bonus'],
    ['Điểm thưởng', 'bonus'],
    ['diem thuong', 'bonus'],
    ['trừ', 'penalty'],
    ['Điểm trừ', 'penalty'],
    ['TRU', 'penalty'],
  ])('%s → %s', (text, kind) => {
    expect(parseKind(text)).toBe(kind);
  });
  it('returns null for anything else', () => {
    expect(parseKind('')).toBeNull();
    expect(parseKind(null)).toBeNull();
    expect(parseKind('cộng trừ')).toBeNull();
    expect(parseKind(5)).toBeNull();
  });
});

describe('parseRubrics: a valid rubric', () => {
  const rows: CriterionRow[] = [
    row('A', 'I', '', 30, 'điểm', { row: 2 }),
    row('A', 'II', '', 70, 'điểm', { row: 3 }),
    // Children listed after both parents: display order must still be parent then children.
    row('A', 'I.1', 'I', 10, 'điểm', { row: 4, evidenceRequired: 'Có' }),
    row('A', 'II.1', 'II', 70, 'điểm', { row: 5, evidenceRequired: 'x' }),
    row('A', 'I.2', 'I', 20, 'điểm', { row: 6, evidenceRequired: 'không' }),
    row('A', 'I.2.a', 'I.2', 5, 'điểm', { row: 7, evidenceRequired: true }),
    row('A', 'I.2.b', 'I.2', 15, 'điểm', { row: 8, evidenceRequired: 1 }),
    { rubricId: '', code: '', parent: '', title: '', max: '', kind: '', row: 9 },
    row('A', 'B', '', 3, 'Điểm thưởng', { row: 10 }),
    row('A', 'B2', '', 2, 'thưởng', { row: 11, evidenceRequired: 'yes' }),
    row('A', 'P', '', 10, 'trừ', { row: 12 }),
    row('Other', 'X', '', '100', 'điểm', { row: 13 }),
  ];
  const { rubrics, errors } = parseRubrics(rows);
  const a = rubrics.A;

  it('has no errors and groups rows by rubric id', () => {
    expect(errors).toEqual([]);
    expect(Object.keys(rubrics).sort()).toEqual(['A', 'Other']);
    expect(rubrics.Other.maxScore).toBe(100);
  });
  it('orders criteria parent before children (pre-order, sheet order)', () => {
    expect(a.criteria.map((c) => c.code)).toEqual(['I', 'I.1', 'I.2', 'I.2.a', 'I.2.b', 'II', 'II.1', 'B', 'B2', 'P']);
    expect(a.criteria.map((c) => c.depth)).toEqual([0, 1, 1, 2, 2, 0, 1, 0, 0, 0]);
    expect(a.byCode.I.children).toEqual(['I.1', 'I.2']);
    expect(a.byCode['I.2'].children).toEqual(['I.2.a', 'I.2.b']);
    expect(a.byCode['I.2'].parent).toBe('I');
    expect(a.byCode.I.parent).toBeNull();
  });
  it('sums top-level maxima per kind', () => {
    expect(a.maxScore).toBe(100);
    expect(a.bonusMax).toBe(5);
    expect(a.byCode.B.kind).toBe('bonus');
    expect(a.byCode.P.kind).toBe('penalty');
  });
  it('reads the evidence flag', () => {
    const flags = Object.fromEntries(a.criteria.map((c) => [c.code, c.evidenceRequired]));
    expect(flags).toMatchObject({ 'I.1': true, 'II.1': true, 'I.2': false, 'I.2.a': true, 'I.2.b': true, B: false, B2: true, P: false });
  });
  it('lists leaves, optionally by kind', () => {
    expect(leaves(a).map((c) => c.code)).toEqual(['I.1', 'I.2.a', 'I.2.b', 'II.1', 'B', 'B2', 'P']);
    expect(leaves(a, 'score').map((c) => c.code)).toEqual(['I.1', 'I.2.a', 'I.2.b', 'II.1']);
    expect(leaves(a, 'bonus').map((c) => c.code)).toEqual(['B', 'B2']);
    expect(leaves(a, 'penalty').map((c) => c.code)).toEqual(['P']);
  });
  it('accepts children summing exactly to the parent maximum, or below', () => {
    const r = rubricOf([row('A', '1', '', 10, 'điểm'), row('A', '1.1', '1', 4, 'điểm'), row('A', '1.2', '1', 5, 'điểm')]);
    expect(r.maxScore).toBe(10);
    const fractional = rubricOf([row('A', '1', '', 0.3, 'điểm'), row('A', '1.1', '1', 0.1, 'điểm'), row('A', '1.2', '1', 0.2, 'điểm')]);
    expect(fractional.maxScore).toBe(0.3);
  });
});

describe('parseRubrics: errors', () => {
  function errorsOf(rows: CriterionRow[]) {
    const { rubrics, errors } = parseRubrics(rows);
    return { rubrics, errors, text: errors.map((e) => e.message).join('\n') };
  }
  const base = () => [row('R', '1', '', 100, 'điểm', { row: 2 })];

  it('rejects an empty code, naming the rubric and the row', () => {
    const { rubrics, errors } = errorsOf([...base(), row('R', '', '', 5, 'điểm', { row: 7 })]);
    expect(rubrics.R).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rubricId: 'R', row: 7 });
    expect(errors[0].message).toBe('Bộ tiêu chí «R», dòng 7: thiếu mã tiêu chí (cột «Mã»).');
  });
  it('rejects a duplicate code', () => {
    const { errors } = errorsOf([...base(), row('R', '1', '', 5, 'điểm', { row: 9 })]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rubricId: 'R', code: '1', row: 9 });
    expect(errors[0].message).toContain('tiêu chí 1, dòng 9');
    expect(errors[0].message).toContain('trùng với dòng 2');
  });
  it('allows the same code in two different rubrics', () => {
    const { errors, rubrics } = errorsOf([...base(), row('S', '1', '', 100, 'điểm')]);
    expect(errors).toEqual([]);
    expect(Object.keys(rubrics).sort()).toEqual(['R', 'S']);
  });
  it('rejects an unknown parent', () => {
    const { errors, rubrics } = errorsOf([...base(), row('R', '1.1', '9', 5, 'điểm', { row: 3 })]);
    expect(rubrics.R).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Bộ tiêu chí «R», tiêu chí 1.1, dòng 3: mã cha «9» không có trong bộ tiêu chí.');
  });
  it('rejects a cycle, once, naming the codes on it', () => {
    const { errors } = errorsOf([...base(), row('R', 'A', 'B', 5, 'điểm', { row: 3 }), row('R', 'B', 'A', 5, 'điểm', { row: 4 })]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('vòng lặp (A → B → A)');
    expect(errors[0].message).toContain('Bộ tiêu chí «R»');
  });
  it('rejects a criterion that is its own parent', () => {
    const { errors } = errorsOf([...base(), row('R', 'A', 'A', 5, 'điểm', { row: 3 })]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('vòng lặp (A → A)');
  });
  it('rejects a non-numeric, blank or negative maximum', () => {
    const { errors } = errorsOf([
      ...base(),
      row('R', 'B', '', 'mười', 'điểm', { row: 3 }),
      row('R', 'C', '', '', 'điểm', { row: 4 }),
      row('R', 'D', '', -2, 'điểm', { row: 5 }),
    ]);
    expect(errors.map((e) => e.code)).toEqual(['B', 'C', 'D']);
    expect(errors[0].message).toBe('Bộ tiêu chí «R», tiêu chí B, dòng 3: điểm tối đa «mười» không phải là số.');
    expect(errors[1].message).toContain('điểm tối đa để trống');
    expect(errors[2].message).toContain('điểm tối đa -2 là số âm');
  });
  it('accepts a maximum typed as text with a decimal comma', () => {
    const { errors, rubrics } = errorsOf([row('R', '1', '', '99,5', 'điểm'), row('R', '2', '', '0,5', 'điểm')]);
    expect(errors).toEqual([]);
    expect(rubrics.R.maxScore).toBe(100);
  });
  it('rejects an unknown or missing kind', () => {
    const { errors } = errorsOf([...base(), row('R', 'B', '', 5, 'cộng', { row: 3 }), row('R', 'C', '', 5, '', { row: 4 })]);
    expect(errors).toHaveLength(2);
    expect(errors[0].message).toBe('Bộ tiêu chí «R», tiêu chí B, dòng 3: loại «cộng» không hợp lệ; chỉ dùng «điểm», «thưởng» hoặc «trừ».');
    expect(errors[1].message).toContain('chưa ghi loại');
  });
  it('rejects a child whose kind differs from its parent', () => {
    const { errors } = errorsOf([row('R', '1', '', 100, 'điểm', { row: 2 }), row('R', '1.1', '1', 5, 'thưởng', { row: 3 })]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Bộ tiêu chí «R», tiêu chí 1.1, dòng 3: loại «thưởng» khác loại «điểm» của tiêu chí cha 1.');
  });
  it('rejects children summing above the parent maximum', () => {
    const { errors } = errorsOf([
      row('R', '1', '', 10, 'điểm', { row: 2 }),
      row('R', '1.1', '1', 6, 'điểm', { row: 3 }),
      row('R', '1.2', '1', 4.25, 'điểm', { row: 4 }),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: '1', row: 2 });
    expect(errors[0].message).toBe(
      'Bộ tiêu chí «R», tiêu chí 1, dòng 2: tổng điểm tối đa của các tiêu chí thành phần (10,25) vượt điểm tối đa 10 của tiêu chí.',
    );
  });
  it('rejects a rubric without a score criterion', () => {
    const { errors, rubrics } = errorsOf([row('R', 'B', '', 5, 'thưởng'), row('R', 'P', '', 5, 'trừ')]);
    expect(rubrics.R).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Bộ tiêu chí «R»: không có tiêu chí loại «điểm» nào.');
  });
  it('rejects a row with a code but no rubric id', () => {
    const { errors } = errorsOf([...base(), row('', 'Z', '', 5, 'điểm', { row: 8 })]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Dòng 8, tiêu chí Z: chưa ghi tên bộ tiêu chí (cột «Bộ tiêu chí»).');
  });
  it('keeps valid rubrics when another one has errors', () => {
    const { rubrics, errors } = errorsOf([...base(), row('S', '1', '', 'x', 'điểm')]);
    expect(rubrics.R).toBeDefined();
    expect(rubrics.S).toBeUndefined();
    expect(errors.every((e) => e.rubricId === 'S')).toBe(true);
  });
  it('reports several errors of one rubric together', () => {
    const { errors } = errorsOf([
      row('R', '1', '', 10, 'điểm', { row: 2 }),
      row('R', '1', '', 10, 'điểm', { row: 3 }),
      row('R', '2', '7', 10, 'điểm', { row: 4 }),
    ]);
    expect(errors.map((e) => e.row)).toEqual([3, 4]);
  });
});

describe('rubricFingerprint', () => {
  const fp = (rows: CriterionRow[]) => rubricOf(rows).fingerprint;
  it('is a short hex string stored on the rubric', () => {
    const r = rubricOf(ktRows());
    expect(r.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(rubricFingerprint(r)).toBe(r.fingerprint);
    expect(fp(ktRows())).toBe(r.fingerprint);
  });
  it('does not change when titles or guidance change', () => {
    const changed = ktRows().map((r) => ({ ...r, title: `${String(r.title)} (sửa)`, guidance: 'Hướng dẫn mới' }));
    expect(fp(changed)).toBe(fp(ktRows()));
  });
  it('changes when a maximum changes', () => {
    const changed = ktRows();
    changed[1] = { ...changed[1], max: 14 };
    changed[0] = { ...changed[0], max: 39 };
    changed[3] = { ...changed[3], max: 61 };
    expect(fp(changed)).not.toBe(fp(ktRows()));
  });
  it('changes with the code, the parent, the kind or the evidence flag', () => {
    const original = fp(ktRows());
    const edit = (i: number, patch: Partial<CriterionRow>) => {
      const rows = ktRows();
      rows[i] = { ...rows[i], ...patch };
      return fp(rows);
    };
    expect(edit(3, { code: '2b' })).not.toBe(original);
    expect(edit(5, { kind: 'thưởng' })).not.toBe(original);
    expect(edit(1, { evidenceRequired: 'Có' })).not.toBe(original);
    const reparented = [...ktRows(), row('KT', '5', '', 0, 'điểm'), row('KT', '5.1', '5', 0, 'điểm')];
    const moved = [...ktRows(), row('KT', '5', '', 0, 'điểm'), row('KT', '5.1', '', 0, 'điểm')];
    expect(fp(reparented)).not.toBe(fp(moved));
  });
});
