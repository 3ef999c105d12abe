import { compareVi, formatDateLong, formatDateShort, formatNumber, formatNumberMax, formatPercent } from '../../src/core/format';

describe('formatNumber', () => {
  it('uses a decimal comma and a thousands dot', () => {
    expect(formatNumber(93.65)).toBe('93,65');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(90)).toBe('90');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-5)).toBe('-5');
  });
  it('shows up to 2 decimals without trailing zeros when decimals is not given', () => {
    expect(formatNumber(8.5)).toBe('8,5');
    expect(formatNumber(8.25)).toBe('8,25');
    expect(formatNumber(89.995)).toBe('90');
    expect(formatNumber(1.005)).toBe('1,01');
    expect(formatNumber(2 / 3)).toBe('0,67');
    expect(formatNumber(-0.001)).toBe('0');
  });
  it('shows exactly the decimals asked for', () => {
    expect(formatNumber(90, 2)).toBe('90,00');
    expect(formatNumber(93.6, 2)).toBe('93,60');
    expect(formatNumber(1234.5, 0)).toBe('1.235');
    expect(formatNumber(0.125, 2)).toBe('0,13');
  });
  it('can show more decimals for typed values in messages', () => {
    expect(formatNumberMax(8.125, 4)).toBe('8,125');
    expect(formatNumberMax(8, 4)).toBe('8');
  });
});

describe('formatPercent', () => {
  it('formats shares as Vietnamese percentages', () => {
    expect(formatPercent(93.65)).toBe('93,65%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(100 / 3)).toBe('33,33%');
    expect(formatPercent(200 / 3)).toBe('66,67%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(100 / 3, 1)).toBe('33,3%');
  });
});

describe('dates', () => {
  it('writes the long form of NĐ 30/2020 with leading zeros for days < 10 and months 1–2', () => {
    expect(formatDateLong(new Date(2022, 10, 2))).toBe('ngày 02 tháng 11 năm 2022');
    expect(formatDateLong(new Date(2024, 1, 5))).toBe('ngày 05 tháng 02 năm 2024');
    expect(formatDateLong(new Date(2024, 0, 15))).toBe('ngày 15 tháng 01 năm 2024');
    expect(formatDateLong(new Date(2025, 2, 9))).toBe('ngày 09 tháng 3 năm 2025');
    expect(formatDateLong(new Date(2025, 11, 31))).toBe('ngày 31 tháng 12 năm 2025');
  });
  it('takes the local calendar date, late in the evening too', () => {
    expect(formatDateLong(new Date(2022, 10, 2, 23, 59, 59))).toBe('ngày 02 tháng 11 năm 2022');
    expect(formatDateShort(new Date(2022, 10, 2, 0, 0, 1))).toBe('02/11/2022');
  });
  it('writes the short form', () => {
    expect(formatDateShort(new Date(2022, 10, 2))).toBe('02/11/2022');
    expect(formatDateShort(new Date(2025, 6, 1))).toBe('01/07/2025');
  });
});

describe('compareVi', () => {
  it('sorts in Vietnamese alphabetical order', () => {
    const names = ['Đông', 'Dương', 'Ân', 'An', 'Ba', 'Bình Trung', 'Bình Châu', 'Châu Ổ'];
    expect([...names].sort(compareVi)).toEqual(['An', 'Ân', 'Ba', 'Bình Châu', 'Bình Trung', 'Châu Ổ', 'Dương', 'Đông']);
  });
  it('ignores case and compares numbers by value', () => {
    expect(compareVi('xã bình hải', 'Xã Bình Hải')).toBe(0);
    expect(compareVi('Cụm 2', 'Cụm 10')).toBeLessThan(0);
  });
});
