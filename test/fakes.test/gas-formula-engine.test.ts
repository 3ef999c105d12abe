import { createGasFake } from '../fakes/gas';

function world() {
  const fake = createGasFake();
  const view = fake.createSpreadsheet('S', {
    active: true,
    sheets: {
      'Chấm điểm': [
        ['Mã', 'Tối đa', 'Tự chấm', 'Thẩm định'],
        ['1', 10, 8, ''],
        ['1.1', 5, 4.5, 4],
        ['1.2', 5, 3.5, ''],
      ],
      'Tổng hợp': [],
    },
  });
  const ss = fake.SpreadsheetApp.getActiveSpreadsheet();
  return { fake, view, ss };
}

describe('formula engine details', () => {
  it('SUM ignores text in a referenced cell but not a text literal', () => {
    const { ss, view } = world();
    ss.getSheetByName('Chấm điểm')!.getRange('C3').setValue('đạt');
    const t = ss.getSheetByName('Tổng hợp')!;
    t.getRange('A1:A3').setValues([["=SUM('Chấm điểm'!C3,'Chấm điểm'!C4)"], ["=SUM('Chấm điểm'!C3:C4)"], ['=SUM("đạt",1)']]);
    expect(view.sheet('Tổng hợp').values('A1:A3')).toEqual([[3.5], [3.5], ['#VALUE!']]);
  });

  it('absolute and cross-sheet ranges, appraised-wins pattern, HYPERLINK, & and %', () => {
    const { ss, view } = world();
    const t = ss.getSheetByName('Tổng hợp')!;
    t.getRange('A1:A5').setValues([
      ["=SUM('Chấm điểm'!$C$3:$C$4)"],
      ["=IF(ISNUMBER('Chấm điểm'!D3),'Chấm điểm'!D3,'Chấm điểm'!C3)+IF(ISNUMBER('Chấm điểm'!D4),'Chấm điểm'!D4,'Chấm điểm'!C4)"],
      ['=HYPERLINK("https://docs.google.com/spreadsheets/d/x/edit#gid=0&range=D12","D12")'],
      ['="Tổng: "&A1'],
      ['=50%*A1'],
    ]);
    expect(view.sheet('Tổng hợp').values('A1:A5')).toEqual([[8], [7.5], ['D12'], ['Tổng: 8'], [4]]);
  });

  it('COLUMN of a reference follows its column when columns are inserted', () => {
    const { ss, view } = world();
    const sheet = ss.getSheetByName('Chấm điểm')!;
    sheet.getRange('F1').setFormula('="cột;self="&COLUMN(C1)&";appraised="&COLUMN(D1)');
    expect(view.sheet('Chấm điểm').cell('F1').value).toBe('cột;self=3;appraised=4');
    sheet.insertColumnsAfter(1, 1);
    expect(view.sheet('Chấm điểm').cell('G1').value).toBe('cột;self=4;appraised=5');
  });

  it('deleting a referenced sheet gives #REF!; getRange("C:C") spans the column', () => {
    const { ss, view } = world();
    const t = ss.getSheetByName('Tổng hợp')!;
    t.getRange('A1').setFormula("=SUM('Chấm điểm'!C:C)");
    expect(t.getRange('A1').getValue()).toBe(16);
    expect(ss.getSheetByName('Chấm điểm')!.getRange('C:C').getValues()).toHaveLength(1000);
    ss.deleteSheet(ss.getSheetByName('Chấm điểm')!);
    expect(view.sheet('Tổng hợp').cell('A1').formula).toBe('=SUM(#REF!)');
    expect(view.sheet('Tổng hợp').cell('A1').value).toBe('#REF!');
  });

  it('dates display with their number format and appendRow extends the sheet', () => {
    const fake = createGasFake();
    const view = fake.createSpreadsheet('D', { active: true, rows: 2, columns: 2 });
    const sh = fake.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sh.getRange('A1')
      .setValue(new Date(Date.UTC(2024, 10, 14, 20, 0)))
      .setNumberFormat('dd/mm/yyyy hh:mm');
    expect(view.sheet(sh.getName()).cell('A1').display).toBe('15/11/2024 03:00');
    sh.appendRow(['a', 'b', 'c']);
    expect(sh.getMaxColumns()).toBe(3);
    expect(sh.getLastRow()).toBe(2);
    sh.appendRow(['x']);
    expect(sh.getMaxRows()).toBe(3);
  });
});
