// Unit names and file names (issue 10, item 12): what a person reads is what the file is called,
// the same rule offline and in Drive; a blank name is refused; a path too long for Windows is told.
import {
  cleanName,
  isBlankName,
  MAX_FILE_PATH,
  MAX_PATH_LENGTH,
  pathTooLongMessage,
  sanitizeFileName,
  unitFileStem,
} from '../../src/core/file-names';
import { safeFileName } from '../../src/core/gas-support';
import { newControlSheets } from '../../src/core/control-template';
import { readControl } from '../../src/core/control';
import { SHEETS } from '../../src/core/schema';
import { planTemplateUnit } from '../../src/core/steps/templates';

const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

describe('names without control or bidirectional characters', () => {
  const hostile = ['Xã \u202Exslx.exe', 'Xã\u0000An\u0007Hòa', 'Phường\u200f \u2066Một\u2069', '\ufeffXã Hai\u200b', 'Xã\u0085Ba\u009b'];

  test('cleanName drops them (a control character between words becomes a space)', () => {
    expect(hostile.map(cleanName)).toEqual(['Xã xslx.exe', 'Xã An Hòa', 'Phường Một', 'Xã Hai', 'Xã Ba']);
  });

  test('file names offline and in Drive never hold them', () => {
    for (const name of hostile) {
      expect(sanitizeFileName(name)).not.toMatch(HIDDEN);
      expect(safeFileName(name)).not.toMatch(HIDDEN);
      expect(unitFileStem({ code: 'X01', name })).not.toMatch(HIDDEN);
    }
    expect(unitFileStem({ code: 'X01', name: 'Xã \u202Exslx.exe' })).toBe('X01 - Xã xslx.exe');
    expect(safeFileName('Mẫu \u202Egốc\u0000')).toBe('Mẫu gốc');
  });

  test('a name of only spaces, controls and marks is blank', () => {
    expect([' ', '\u202E\u0000', ' - . ', '', 'Xã 1', 'Ấp'].map(isBlankName)).toEqual([true, true, true, true, false, false]);
  });
});

describe('path length', () => {
  test(`a file path over ${MAX_FILE_PATH} characters gets a message with its length and what to do`, () => {
    expect(pathTooLongMessage('C:\\' + 'a'.repeat(MAX_FILE_PATH - 3))).toBeNull();
    const long = 'C:\\' + 'a'.repeat(MAX_FILE_PATH);
    const m = pathTooLongMessage(long)!;
    expect(m).toContain(`dài ${MAX_FILE_PATH + 3} ký tự, quá giới hạn ${MAX_FILE_PATH}`);
    expect(m).toContain('Hãy rút ngắn tên đơn vị hoặc tên nhóm');
  });

  test(`what may be made beside a file of the longest path stays within ${MAX_PATH_LENGTH}`, () => {
    const longest = `/${'a'.repeat(MAX_FILE_PATH - 6)}.xlsx`;
    expect(longest).toHaveLength(MAX_FILE_PATH);
    const kept = `${longest.slice(0, -5)} (cũ 2024-11-21-1405 12).xlsx`;
    const tmp = `/.${longest.slice(1)}.4194304.tmp`;
    expect(kept.length).toBeLessThanOrEqual(MAX_PATH_LENGTH);
    expect(tmp.length).toBeLessThanOrEqual(MAX_PATH_LENGTH);
  });
});

describe('the control workbook', () => {
  const grids = () => {
    const sheets = Object.fromEntries(newControlSheets({ year: 2024, sample: 'binh-son-2024' }).map((s) => [s.name, s.grid]));
    return {
      config: sheets[SHEETS.config],
      units: sheets[SHEETS.units].map((r) => [...r]),
      criteria: sheets[SHEETS.criteria],
      levels: sheets[SHEETS.levels],
    };
  };

  test('a unit name is read without control or bidirectional characters', () => {
    const g = grids();
    g.units[1][1] = 'Xã \u202EBình\u0000 Sơn';
    const c = readControl(g);
    expect(c.units[0].name).toBe('Xã Bình Sơn');
    expect(c.findings).toEqual([]);
  });

  test('a blank name is refused: a finding naming the row and the code, and no file is made for it', () => {
    const g = grids();
    g.units[2][1] = ' \u202E\u0000 ';
    const c = readControl(g);
    const f = c.findings.find((x) => x.code === 'missing-unit-name')!;
    expect(f.severity).toBe('Lỗi');
    expect(f.message).toContain('dòng 3: đơn vị BS-X02 chưa có tên');
    const unit = c.units.find((u) => u.code === 'BS-X02')!;
    expect(planTemplateUnit(c, unit, { state: 'none' }).kind).toBe('skip');
  });
});
