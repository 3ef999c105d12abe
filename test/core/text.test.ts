import { cellText, isValidEmail, looksLikeFormulaOrScript, normalizeHeader, parseScore } from '../../src/core/text';

describe('normalizeHeader', () => {
  it('trims, collapses whitespace and lower-cases', () => {
    expect(normalizeHeader('  Tự   chấm\n')).toBe('tự chấm');
    expect(normalizeHeader('ĐIỂM TỐI ĐA')).toBe('điểm tối đa');
    expect(normalizeHeader('Mã\u00a0đơn vị')).toBe('mã đơn vị');
  });
  it('makes decomposed and composed Vietnamese equal', () => {
    const decomposed = 'Tự chấm'.normalize('NFD');
    expect(decomposed).not.toBe('Tự chấm');
    expect(normalizeHeader(decomposed)).toBe(normalizeHeader('Tự chấm'));
  });
  it('handles null and numbers', () => {
    expect(normalizeHeader(null)).toBe('');
    expect(normalizeHeader(undefined)).toBe('');
    expect(normalizeHeader(2024)).toBe('2024');
  });
});

describe('cellText', () => {
  it('gives trimmed display text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('  X1.1 ')).toBe('X1.1');
    expect(cellText(8.5)).toBe('8.5');
    expect(cellText(0)).toBe('0');
    expect(cellText(true)).toBe('true');
  });
  it('gives a Date as its local calendar date', () => {
    expect(cellText(new Date(2022, 10, 2, 23, 59))).toBe('2022-11-02');
    expect(cellText(new Date(2024, 0, 5, 0, 0))).toBe('2024-01-05');
  });
});

describe('parseScore', () => {
  it('passes numbers through', () => {
    expect(parseScore(7)).toEqual({ kind: 'number', value: 7 });
    expect(parseScore(0)).toEqual({ kind: 'number', value: 0 });
    expect(parseScore(-2.5)).toEqual({ kind: 'number', value: -2.5 });
  });
  it('reads numeric strings, with a dot or a Vietnamese decimal comma', () => {
    expect(parseScore('8,5')).toEqual({ kind: 'number', value: 8.5 });
    expect(parseScore(' 8.25 ')).toEqual({ kind: 'number', value: 8.25 });
    expect(parseScore('10')).toEqual({ kind: 'number', value: 10 });
    expect(parseScore('-5')).toEqual({ kind: 'number', value: -5 });
    expect(parseScore(',5')).toEqual({ kind: 'number', value: 0.5 });
  });
  it('treats empty cells as blank', () => {
    expect(parseScore(null)).toEqual({ kind: 'blank' });
    expect(parseScore('')).toEqual({ kind: 'blank' });
    expect(parseScore('   ')).toEqual({ kind: 'blank' });
  });
  it('keeps anything else as text', () => {
    expect(parseScore('mười')).toEqual({ kind: 'text', text: 'mười' });
    expect(parseScore('8,5 điểm')).toEqual({ kind: 'text', text: '8,5 điểm' });
    expect(parseScore('1.234,5')).toEqual({ kind: 'text', text: '1.234,5', ambiguous: true });
    expect(parseScore('=A1+1')).toEqual({ kind: 'text', text: '=A1+1' });
    expect(parseScore(NaN).kind).toBe('text');
    expect(parseScore(true).kind).toBe('text');
  });
});

describe('looksLikeFormulaOrScript', () => {
  it.each([
    '=IMPORTRANGE("abc","A1:B2")',
    '=1+1',
    '= SUM(A1:A3)',
    '+SUM(A1)',
    '-HYPERLINK("http://x")',
    '@foo',
    '-(1)',
    '  =cmd|" /C calc"!A0',
    '<script>alert(1)</script>',
    '<SCRIPT src=x>',
    'xem <img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'JavaScript : void(0)',
    '<a href="#" onclick="x()">link</a>',
    '<iframe src="https://evil"></iframe>',
    '<svg/onload=alert(1)>',
    '<body onpageshow = "x()">',
    '" onmouseover="alert(1)',
    // Whatever the first character: a number first, then an operator and a name called or linked.
    "-2+3+cmd|' /C calc'!A0",
    "2+3+cmd|' /C calc'!A0",
    "+2+cmd|' /C calc'!A0",
    '1+HYPERLINK("http://x","bấm")',
    '0,5*IMPORTXML("http://x","//a")',
    "Xem cmd|' /C notepad'!A0",
    '-2 điểm',
  ])('flags %s', (s) => {
    expect(looksLikeFormulaOrScript(s)).toBe(true);
  });

  it.each([
    '-3',
    '+3',
    '-2,5',
    '8,5',
    '- Kế hoạch số 01/KH-UBND',
    'Kế hoạch 12/KH-UBND ngày 05/01/2024',
    'https://drive.google.com/file/d/abc/view',
    'Biên bản hội nghị (bản scan)',
    'bonus = 2',
    'Họp online = 3 buổi',
    'Tổ chức 2 lần; one = một',
    'Điểm trừ: -5',
    '- 2 văn bản',
    '+ Kế hoạch số 01',
    '12/KH-UBND (bản chính)',
    '3 + 2 = 5 hội nghị',
    '05/01/2024',
    '',
    '=',
  ])('does not flag %s', (s) => {
    expect(looksLikeFormulaOrScript(s)).toBe(false);
  });
});

describe('isValidEmail', () => {
  it.each(['vanphong.binhhai@quangngai.gov.vn', 'a.b-c_d+tag@gmail.com', ' nguoi.cham@binhson.gov.vn '])('accepts %s', (s) =>
    expect(isValidEmail(s)).toBe(true),
  );
  it.each(['', 'abc', 'a@b', 'a@@b.vn', 'a b@x.vn', '.a@x.vn', 'a..b@x.vn', 'a@-x.vn', 'a@x.v', 'a@x..vn', 'a@x.vn;b@y.vn'])(
    'rejects %s',
    (s) => expect(isValidEmail(s)).toBe(false),
  );
});
