import { createGasFake, GasFake } from '../fakes/gas';
import type { GasServices, GRange, GSheet, GSpreadsheet } from '../../src/gas/services';

function setup(): { fake: GasFake; ss: GSpreadsheet; sheet: GSheet; id: string } {
  const fake = createGasFake({ user: 'lan@example.gov.vn' });
  const view = fake.createSpreadsheet('Bảng điều khiển', { active: true });
  const ss = fake.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  fake.calls.reset();
  return { fake, ss, sheet, id: view.id };
}

describe('typing', () => {
  it('a fake is a GasServices', () => {
    const s: GasServices = createGasFake();
    expect(typeof s.SpreadsheetApp.create).toBe('function');
  });
});

describe('call counting', () => {
  it('counts every call per Class.method, automatically', () => {
    const { fake, sheet } = setup();
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    sheet.getRange(1, 1).getValue();
    expect(fake.calls.byMethod['Sheet.getRange']).toBe(2);
    expect(fake.calls.byMethod['Range.getValues']).toBe(2);
    expect(fake.calls.byMethod['Range.setValues']).toBe(1);
    expect(fake.calls.byMethod['Range.getValue']).toBe(1);
    expect(fake.calls.total).toBe(6);
    expect(fake.calls.count('Range.*')).toBe(4);
    expect(fake.calls.count('Range.setFormulas')).toBe(0);
    expect(fake.calls.log.slice(0, 2)).toEqual(['Sheet.getRange', 'Range.setValues']);
  });

  it('counts chained calls and calls on returned objects (builders, protections)', () => {
    const { fake, sheet } = setup();
    const rule = fake.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build();
    sheet.getRange('D2:D5').setDataValidation(rule);
    expect(fake.calls.snapshot().byMethod).toEqual({
      'SpreadsheetApp.newDataValidation': 1,
      'DataValidationBuilder.requireNumberBetween': 1,
      'DataValidationBuilder.setAllowInvalid': 1,
      'DataValidationBuilder.build': 1,
      'Sheet.getRange': 1,
      'Range.setDataValidation': 1,
    });
  });

  it('reset, snapshot and since', () => {
    const { fake, sheet } = setup();
    sheet.getName();
    const before = fake.calls.snapshot();
    sheet.getName();
    sheet.getMaxRows();
    expect(fake.calls.since(before)).toEqual({ total: 2, byMethod: { 'Sheet.getName': 1, 'Sheet.getMaxRows': 1 } });
    fake.calls.reset();
    expect(fake.calls.total).toBe(0);
    expect(fake.calls.byMethod).toEqual({});
  });

  it('inspection helpers do not count', () => {
    const { fake, sheet, id } = setup();
    sheet.getRange('A1').setValue('x');
    fake.calls.reset();
    const v = fake.spreadsheetById(id)!.sheet('Sheet1');
    expect(v.values()).toEqual([['x']]);
    v.set('B1', 5);
    expect(v.cell('B1').value).toBe(5);
    expect(fake.calls.total).toBe(0);
  });

  it('failAfter throws on the (n+1)-th call, once', () => {
    const { fake, sheet } = setup();
    const h = fake.failAfter('Range.setValues', 2, 'Service Spreadsheets timed out');
    const r = sheet.getRange('A1');
    r.setValues([[1]]);
    r.setValues([[2]]);
    expect(() => r.setValues([[3]])).toThrow('Service Spreadsheets timed out');
    expect(fake.spreadsheetById(fake.activeSpreadsheetId!)!.sheet('Sheet1').cell('A1').value).toBe(2);
    r.setValues([[4]]); // disarmed after firing
    expect(fake.calls.count('Range.setValues')).toBe(4);
    h.cancel();
    const e = new Error('custom');
    fake.failAfter('Sheet.getName', 0, e);
    expect(() => sheet.getName()).toThrow(e);
    const c = fake.failAfter('Sheet.getName', 0);
    c.cancel();
    expect(sheet.getName()).toBe('Sheet1');
  });
});

describe('values', () => {
  it('getValues returns "" for empty cells and keeps types', () => {
    const { sheet } = setup();
    const d = new Date(Date.UTC(2024, 10, 15));
    sheet.getRange('A1:D1').setValues([[1.5, 'text', true, d]]);
    const got = sheet.getRange('A1:E2').getValues();
    expect(got[0].slice(0, 3)).toEqual([1.5, 'text', true]);
    expect(got[0][3]).toBeInstanceOf(Date);
    expect((got[0][3] as Date).getTime()).toBe(d.getTime());
    expect(got[0][4]).toBe('');
    expect(got[1]).toEqual(['', '', '', '', '']);
  });

  it('setValues checks the dimensions exactly', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues('x' as unknown as unknown[][])).toThrow("don't match the method signature");
    try {
      r.setValues([[1]]);
    } catch (e) {
      expect(String(e)).toMatch(/^Exception: The number of rows/);
    }
  });

  it("'=' makes a formula, \"'\" escapes it, numbers in text become numbers", () => {
    const { sheet, fake, id } = setup();
    sheet.getRange('A1:A6').setValues([['=1+2'], ["'=1+2"], ['12'], ["'007"], ['1.1'], ['TRUE']]);
    expect(sheet.getRange('A1:A6').getFormulas()).toEqual([['=1+2'], [''], [''], [''], [''], ['']]);
    expect(sheet.getRange('A1:A6').getValues()).toEqual([[3], ['=1+2'], [12], ['007'], [1.1], [true]]);
    // Plain-text format keeps text as text.
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange('B1').setValues([['1.1']]);
    expect(fake.spreadsheetById(id)!.sheet('Sheet1').cell('B1').value).toBe('1.1');
  });

  it('locale: en_US by default; setSpreadsheetLocale; a vi_VN spreadsheet reads "d/m/yyyy" text as a date', () => {
    const { sheet, fake, id } = setup();
    const ss = fake.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    sheet.getRange('A1').setValues([['15/11/2024']]);
    expect(sheet.getRange('A1').getValues()[0][0]).toBe('15/11/2024');
    ss.setSpreadsheetLocale('vi_VN');
    expect(fake.spreadsheetById(id)!.locale).toBe('vi_VN');
    expect(fake.calls.count('Spreadsheet.setSpreadsheetLocale')).toBe(1);
    sheet.getRange('A1:A4').setValues([['15/11/2024'], ["'15/11/2024"], ['31/02/2024'], ['1/2/2024']]);
    const [[a], [b], [c], [d]] = sheet.getRange('A1:A4').getValues();
    expect(a).toEqual(new Date(2024, 10, 15));
    expect(b).toBe('15/11/2024');
    expect(c).toBe('31/02/2024'); // not a date
    expect(d).toEqual(new Date(2024, 1, 1)); // day first
    // A copy keeps locale and time zone.
    ss.setSpreadsheetTimeZone('Asia/Bangkok');
    const copy = fake.Drive.Files.copy({ name: 'Bản sao' }, id);
    expect(fake.spreadsheetById(String(copy.id))).toMatchObject({ locale: 'vi_VN', timeZone: 'Asia/Bangkok' });
  });

  it('setValues stores "=…" as formulas; getFormulas is "" for plain cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[4], [6]]);
    sheet.getRange('A3:B3').setValues([['=SUM(A1:A2)', 'plain']]);
    expect(sheet.getRange('A3:B3').getFormulas()).toEqual([['=SUM(A1:A2)', '']]);
    expect(sheet.getRange('A3:B3').getValues()).toEqual([[10, 'plain']]);
  });

  it('getLastRow/getLastColumn ignore empty cells; getDataRange follows them', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A7').setNote('a note only');
    sheet.getRange('B2').setValue('');
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    const data = sheet.getDataRange().getValues();
    expect([data.length, data[0].length]).toEqual([5, 3]);
  });

  it('getRange outside the sheet throws', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    const block = sheet.getRange(2, 3, 4, 5).getValues();
    expect([block.length, block[0].length]).toEqual([4, 5]);
  });

  it('display values follow number formats', () => {
    const { fake, sheet, id } = setup();
    sheet.getRange('A1:C1').setValues([[24.75, 0.5, 1234567.891]]);
    sheet.getRange('A1').setNumberFormat('0.00');
    sheet.getRange('B1').setNumberFormat('0%');
    sheet.getRange('C1').setNumberFormat('#,##0.0');
    expect(fake.spreadsheetById(id)!.sheet('Sheet1').displayValues('A1:C1')).toEqual([['24.75', '50%', '1,234,567.9']]);
  });
});

describe('formulas', () => {
  function formulaSheet(): { ss: GSpreadsheet; sheet: GSheet; r: (a1: string) => GRange } {
    const { ss, sheet } = setup();
    return { ss, sheet, r: (a1: string) => sheet.getRange(a1) };
  }
  const formulaOf = (r: GRange) => r.getFormulas()[0][0];

  it('SUM over ranges and sheets, arithmetic, MIN/MAX', () => {
    const { ss, r } = formulaSheet();
    r('A1:A4').setValues([[2], [3.5], ['text'], ['']]);
    r('B1:B4').setValues([['=SUM(A1:A4)'], ['=A1*2+A2/7-1'], ['=MIN(A1:A2)+MAX(A1:A2)'], ['=SUM(A:A)']]);
    expect(r('B1:B4').getValues()).toEqual([[5.5], [3.5], [5.5], [5.5]]);
    const other = ss.insertSheet('Chấm điểm');
    other.getRange('A1').setValue(10);
    r('C1').setFormula("='Chấm điểm'!A1+1");
    expect(r('C1').getValue()).toBe(11);
  });

  it('IF with ISNUMBER/COUNT/COUNTA/ISBLANK, comparisons and "" strings', () => {
    const { r } = formulaSheet();
    r('A1:A3').setValues([[7], [''], ['x']]);
    r('B1:B6').setValues([
      ['=IF(ISNUMBER(A1),A1,"")'],
      ['=IF(ISNUMBER(A2),A2,"")'],
      ['=IF(COUNT(A1:A3)=0,"",COUNT(A1:A3))'],
      ['=COUNTA(A1:A3)'],
      ['=IF(ISBLANK(A2),"trống","có")'],
      ['=IF(A1>=5,"Đạt","Không đạt")'],
    ]);
    expect(r('B1:B6').getValues()).toEqual([[7], [''], [1], [2], ['trống'], ['Đạt']]);
    // A formula returning "" is not blank, and counts in COUNTA.
    r('C1').setFormula('=ISBLANK(B2)');
    r('C2').setFormula('=COUNTA(B1:B2)');
    expect(r('C1:C2').getValues()).toEqual([[false], [2]]);
  });

  it('ROUND, division by zero, unknown functions, parse errors, cycles', () => {
    const { r } = formulaSheet();
    r('A1:A2').setValues([[2.675], [0]]);
    r('B1:B6').setValues([['=ROUND(A1,2)'], ['=ROUND(-2.5)'], ['=1/A2'], ['=VLOOKUP(1,A1:A2,1)'], ['=SUM(('], ['=B6+1']]);
    expect(r('B1:B6').getValues()).toEqual([[2.68], [-3], ['#DIV/0!'], ['#NAME?'], ['#ERROR!'], ['#REF!']]);
    r('C1').setFormula('=0.1+0.2');
    expect(r('C1').getValue()).toBe(0.3);
  });

  it('formulas follow inserted rows', () => {
    const { sheet, r } = formulaSheet();
    r('A1:A3').setValues([[1], [2], [3]]);
    r('A4').setFormula('=SUM(A1:A3)');
    sheet.insertRowsAfter(2, 1);
    expect(formulaOf(r('A5'))).toBe('=SUM(A1:A4)');
    r('A3').setValue(10);
    expect(r('A5').getValue()).toBe(16);
  });
});

describe('sheets', () => {
  it('insertSheet with an existing name throws; rename updates references', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Kết quả');
    expect(() => ss.insertSheet('Kết quả')).toThrow('A sheet with the name "Kết quả" already exists. Please enter another name.');
    sheet.getRange('A1').setFormula("='Kết quả'!B2");
    ss.getSheetByName('Kết quả')!.setName('Xếp hạng');
    expect(sheet.getRange('A1').getFormulas()).toEqual([["='Xếp hạng'!B2"]]);
    expect(ss.getSheetByName('Kết quả')).toBeNull();
  });

  it('hidden sheets, frozen rows, widths, charts and conditional rules are recorded', () => {
    const { fake, ss, sheet, id } = setup();
    const meta = ss.insertSheet('_meta');
    meta.hideSheet();
    sheet.setFrozenRows(3);
    sheet.setColumnWidth(1, 150).setColumnWidth(2, 150);
    sheet.getRange('A1:B3').setValues([
      ['Đơn vị', 'Điểm'],
      ['A', 90],
      ['B', 80],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(fake.Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(1, 4, 0, 0)
      .setOption('title', 'Tổng điểm')
      .build();
    sheet.insertChart(chart);
    const rule = fake.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=B2>=85')
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('B2:B3')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const v = fake.spreadsheetById(id)!;
    expect(v.sheet('_meta').hidden).toBe(true);
    expect(v.sheet('Sheet1').frozenRows).toBe(3);
    expect(v.sheet('Sheet1').columnWidths).toEqual({ 1: 150, 2: 150 });
    expect(v.sheet('Sheet1').charts).toEqual([
      expect.objectContaining({ type: 'BAR', ranges: ['A1:B3'], options: { title: 'Tổng điểm' } }),
    ]);
    expect(sheet.getCharts()).toHaveLength(1);
    sheet.removeChart(sheet.getCharts()[0]);
    expect(v.sheet('Sheet1').charts).toHaveLength(0);
    expect(v.sheet('Sheet1').conditionalRules).toEqual([
      { ranges: ['B2:B3'], condition: { type: 'CUSTOM_FORMULA', values: ['=B2>=85'] }, format: { background: '#b7e1cd' } },
    ]);
    expect(() => ss.getSheets().forEach((s) => s.hideSheet())).toThrow("You can't hide all the sheets in a document.");
  });
});

describe('protections and validations', () => {
  it('records a sheet protection with unprotected ranges and its editors', () => {
    const { fake, ss, sheet, id } = setup();
    ss.addEditor('minh@binhhai.gov.vn');
    const p = sheet.protect().setDescription('Biểu chấm điểm');
    p.setUnprotectedRanges([sheet.getRange('D5:E20'), sheet.getRange('F5:F20')]);
    p.removeEditors(p.getEditors());
    if (p.canDomainEdit()) p.setDomainEdit(false);
    const v = fake.spreadsheetById(id)!;
    expect(v.protections).toEqual([
      {
        type: 'SHEET',
        sheet: 'Sheet1',
        range: 'A1:Z1000',
        description: 'Biểu chấm điểm',
        unprotected: ['D5:E20', 'F5:F20'],
        editors: ['lan@example.gov.vn'],
        warningOnly: false,
        domainEdit: false,
      },
    ]);
    sheet.protect(); // one sheet protection per sheet
    expect(v.protections.map((x) => x.description)).toEqual(['Biểu chấm điểm']);
    const s = v.sheet('Sheet1');
    expect(s.canEdit('D5', 'minh@binhhai.gov.vn')).toBe(true);
    expect(s.canEdit('C5', 'minh@binhhai.gov.vn')).toBe(false);
    expect(s.canEdit('C5', 'lan@example.gov.vn')).toBe(true);
    expect(s.canEdit('D5', 'stranger@example.com')).toBe(false);
    // The scorer's own writes are checked too.
    fake.setUser('minh@binhhai.gov.vn');
    sheet.getRange('D5').setValue(8);
    expect(() => sheet.getRange('C5').setValue(8)).toThrow('You are trying to edit a protected cell or object.');
    expect(() => s.set('C6', 1)).toThrow('protected cell');
  });

  it('a range protection is separate; protections mirror file editors until changed', () => {
    const { fake, ss, sheet, id } = setup();
    ss.addEditor('minh@binhhai.gov.vn');
    const p = sheet.getRange('D5:D9').protect().setDescription('Đã nộp');
    const s = fake.spreadsheetById(id)!.sheet('Sheet1');
    expect(s.canEdit('D5', 'minh@binhhai.gov.vn')).toBe(true); // still mirrors the file
    p.removeEditors(p.getEditors().filter((u) => u.getEmail() === 'minh@binhhai.gov.vn'));
    expect(s.canEdit('D5', 'minh@binhhai.gov.vn')).toBe(false);
    expect(sheet.getProtections(fake.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
    expect(sheet.getProtections(fake.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
  });

  it('records validations; rejecting rules refuse bad writes, warning rules accept them', () => {
    const { fake, sheet, id } = setup();
    const reject = fake.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('0–10').build();
    const warn = fake.SpreadsheetApp.newDataValidation().requireValueInList(['Có', 'Không'], true).build();
    sheet.getRange('D2:D3').setDataValidation(reject);
    sheet.getRange('E2').setDataValidation(warn);
    const s = fake.spreadsheetById(id)!.sheet('Sheet1');
    expect(s.validations('D2:E3')).toEqual([
      [
        { criteria: 'NUMBER_BETWEEN', values: [0, 10], allowInvalid: false, helpText: '0–10' },
        { criteria: 'VALUE_IN_LIST', values: [['Có', 'Không'], true], allowInvalid: true, helpText: null },
      ],
      [{ criteria: 'NUMBER_BETWEEN', values: [0, 10], allowInvalid: false, helpText: '0–10' }, null],
    ]);
    expect(() => sheet.getRange('D2').setValue(12)).toThrow(
      'The data you entered in cell D2 violates the data validation rules set on this cell.',
    );
    sheet.getRange('E2').setValue('Chưa');
    expect(s.cell('E2').value).toBe('Chưa');
    sheet.getRange('D2:D3').setDataValidation(null);
    expect(s.cell('D2').validation).toBeNull();
  });
});
