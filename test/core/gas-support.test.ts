import {
  cellLink,
  displayDateTime,
  driveIdOf,
  escapeRegExp,
  isPlainReplacement,
  oldVersionName,
  parseA1,
  parseCursor,
  placeholdersIn,
  safeFileName,
  sheetA1,
  sheetText,
  sheetValue,
  splitText,
  stampDateTime,
} from '../../src/core/gas-support';

describe('escapeRegExp', () => {
  it('makes a placeholder with regex characters match literally', () => {
    const p = '{{ty_le (%)}} a.b*c+d?e^f$g|h[i]\\j';
    const re = new RegExp(escapeRegExp(p));
    expect(re.test(`x ${p} y`)).toBe(true);
    expect(re.test('{{ty_le %}} a.b*c+d?e^f$g|h[i]\\j')).toBe(false);
  });
  it('leaves letters, digits and Vietnamese alone', () => {
    expect(escapeRegExp('{{nam}} Đơn vị 2024')).toBe('\\{\\{nam\\}\\} Đơn vị 2024');
  });
});

describe('isPlainReplacement', () => {
  it('flags "$" and "\\"', () => {
    expect(isPlainReplacement('93,65%')).toBe(true);
    expect(isPlainReplacement('giá $5')).toBe(false);
    expect(isPlainReplacement('a\\b')).toBe(false);
  });
});

describe('sheetText / sheetValue', () => {
  it('protects text that Sheets would run as a formula', () => {
    expect(sheetText('=IMPORTRANGE("x","A1")')).toBe(`'=IMPORTRANGE("x","A1")`);
    expect(sheetText('+SUM(A1)')).toBe(`'+SUM(A1)`);
    expect(sheetText('@abc')).toBe(`'@abc`);
    expect(sheetText('- Kế hoạch 01')).toBe(`'- Kế hoạch 01`);
    expect(sheetText("'quoted")).toBe(`''quoted`);
  });
  it('keeps codes that look like numbers as text unless asked to keep the type', () => {
    expect(sheetText('1.10')).toBe(`'1.10`);
    expect(sheetText('15/11/2024')).toBe(`'15/11/2024`);
    expect(sheetText('TRUE')).toBe(`'TRUE`);
    expect(sheetText('1.10', true)).toBe('1.10');
    expect(sheetText('-3', true)).toBe('-3');
    expect(sheetText('Xã Bình Hải')).toBe('Xã Bình Hải');
    expect(sheetText('')).toBe('');
  });
  it('writes formulas with "=" and leaves numbers, dates and null alone', () => {
    const d = new Date(2024, 10, 15);
    expect(sheetValue({ formula: 'SUM(D8:D9)' })).toBe('=SUM(D8:D9)');
    expect(sheetValue(12)).toBe(12);
    expect(sheetValue(d)).toBe(d);
    expect(sheetValue(null)).toBeNull();
    expect(sheetValue('=1+1')).toBe(`'=1+1`);
  });
});

describe('A1 and links', () => {
  it('quotes sheet names', () => {
    expect(sheetA1('Chấm điểm', 'A1:H80')).toBe(`'Chấm điểm'!A1:H80`);
    expect(sheetA1("O'Neil", 'B2')).toBe(`'O''Neil'!B2`);
  });
  it('parses a cell address', () => {
    expect(parseA1('D12')).toEqual([11, 3]);
    expect(parseA1('AA1')).toEqual([0, 26]);
    expect(parseA1('dòng 5')).toBeNull();
  });
  it('links to a cell only when the sheet id and a cell are known', () => {
    const url = 'https://docs.google.com/spreadsheets/d/abc/edit?usp=drivesdk';
    expect(cellLink(url, 0, 'D12')).toBe(`${url}#gid=0&range=D12`);
    expect(cellLink(url, 7, 'dòng 5')).toBe(`${url}#gid=7`);
    expect(cellLink(url, null, 'D12')).toBe(url);
    expect(cellLink(`${url}#gid=1`, 2, 'E9')).toBe(`${url}#gid=2&range=E9`);
  });
  it('finds a Drive id in a URL or takes an id as it is', () => {
    expect(driveIdOf('https://docs.google.com/spreadsheets/d/1Sfake0000000000000000000000000000000007/edit')).toBe(
      '1Sfake0000000000000000000000000000000007',
    );
    expect(driveIdOf('1Sfake0000000000000000000000000000000007')).toBe('1Sfake0000000000000000000000000000000007');
    expect(driveIdOf('')).toBeNull();
    expect(driveIdOf('không có')).toBeNull();
  });
});

describe('names, dates, cursors', () => {
  const d = new Date(2024, 11, 5, 9, 7);
  it('formats stamps', () => {
    expect(stampDateTime(d)).toBe('05-12-2024 09:07');
    expect(displayDateTime(d)).toBe('05/12/2024 09:07');
    expect(oldVersionName('Báo cáo năm 2024', d)).toBe('Báo cáo năm 2024 (bản cũ 05-12-2024 09:07)');
  });
  it('cleans file names', () => {
    expect(safeFileName(' Phòng Tài chính / Kế hoạch ')).toBe('Phòng Tài chính Kế hoạch');
    expect(safeFileName('///')).toBe('Không tên');
  });
  it('reads cursors defensively', () => {
    expect(parseCursor<{ i: number }>('{"i":3}')).toEqual({ i: 3 });
    expect(parseCursor('not json')).toBeNull();
    expect(parseCursor('[1]')).toBeNull();
    expect(parseCursor(null)).toBeNull();
  });
  it('splits long text and lists placeholders once each', () => {
    expect(splitText('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(splitText('ab', 3)).toEqual(['ab']);
    expect(placeholdersIn('{{nam}} và {{xep_hang}}, {{nam}} {{ty_le (%)}}')).toEqual(['nam', 'xep_hang', 'ty_le (%)']);
  });
});
