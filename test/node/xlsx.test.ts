// The xlsx adapter: a unit workbook drawn exactly from the core's layout, and cells read back as the
// core expects them (formulas as "=…" text, rich text and links as plain text, errors as "#REF!").
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseRubrics, wordingFingerprint } from '../../src/core/rubric';
import { readUnitSheet, unitSheetLayout } from '../../src/core/unit-sheet';
import type { CriterionRow, Unit } from '../../src/core/types';
import type { Control } from '../../src/core/control';
import { cellValue, worksheetToGrid } from '../../src/node/xlsx/grid';
import { drawUnitWorkbook, readInputs, writeInputs } from '../../src/node/xlsx/unit-workbook';
import { readUnitSource } from '../../src/node/unit-sources';
import { sanitizeFileName, unitFilePath } from '../../src/node/workspace';
import { CRITERIA } from './case';
import { openBook, removeTmpDirs, text, tmpDir } from './helpers';

afterAll(removeTmpDirs);

const rows: CriterionRow[] = CRITERIA.map((c, i) => ({
  rubricId: c['Bộ tiêu chí'],
  code: c['Mã'],
  parent: c['Mã cha'],
  title: c['Nội dung'],
  max: c['Điểm tối đa'],
  kind: c['Loại'],
  guidance: c['Hướng dẫn'] ?? '',
  evidenceRequired: c['Mã'] === '2' ? 'Có' : '',
  row: i + 2,
}));
const rubric = parseRubrics(rows).rubrics.KT;
const unit: Unit = {
  code: 'A01',
  name: 'Xã An Hòa',
  type: 'xã',
  group: 'Cụm 1',
  rubricId: 'KT',
  email: '',
  gates: [],
  status: '',
  link: '',
};
const layout = unitSheetLayout(unit, rubric, {
  year: 2024,
  step: 0.25,
  bonusCap: 5,
  deadline: new Date(2024, 10, 15),
  createdAt: new Date(2024, 10, 1, 8, 0),
});

/** Read back by exceljs but missing from its type declarations. */
const internals = (ws: ExcelJS.Worksheet) =>
  ws as unknown as { sheetProtection: Record<string, unknown>; conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };

describe('unit workbook drawn from the layout', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    // Through a file, as users get it.
    const file = path.join(tmpDir(), 'u.xlsx');
    await (await drawUnitWorkbook(layout)).xlsx.writeFile(file);
    wb = await openBook(file);
    ws = wb.getWorksheet('Chấm điểm')!;
  });

  test('every cell of the layout, formulas with the value they show (previews never compute)', () => {
    layout.cells.forEach((line, r) =>
      line.forEach((spec, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        if (cell.isMerged && cell.master.address !== cell.address) return; // shows its master's value
        if (spec !== null && typeof spec === 'object' && !(spec instanceof Date)) {
          expect(cell.formula).toEqual(spec.formula.replace(/ISFORMULA/g, '_xlfn.ISFORMULA'));
        } else {
          expect(cell.value ?? null).toEqual(spec);
        }
      }),
    );
  });

  test('title merged and bold, header bold with a fill and frozen below it, column H hidden', () => {
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('G1').master.address).toBe('A1');
    const h = layout.headerRow + 1;
    expect(ws.getCell(h, 1).font.bold).toBe(true);
    expect((ws.getCell(h, 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h });
    expect(ws.getColumn(layout.metaCol + 1).hidden).toBe(true);
    layout.widths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    const parent = layout.rowStyles.indexOf('parent') + 1;
    const total = layout.rowStyles.indexOf('grand-total') + 1;
    expect(ws.getCell(parent, 2).font.bold).toBe(true);
    expect(ws.getCell(total, 2).font.bold).toBe(true);
  });

  test('input cells unlocked and white, everything else locked and grey; sheet protected', () => {
    const inputs = new Set([...layout.scorerInputs, ...layout.appraiserInputs]);
    expect(inputs.size).toBeGreaterThan(0);
    for (let r = layout.headerRow + 2; r <= layout.cells.length; r++) {
      for (let c = 1; c <= layout.metaCol; c++) {
        const cell = ws.getCell(r, c);
        const fill = (cell.fill as ExcelJS.FillPattern).fgColor?.argb;
        if (inputs.has(cell.address)) {
          expect([cell.address, cell.protection?.locked]).toEqual([cell.address, false]);
          expect(fill).toBe('FFFFFFFF');
        } else {
          expect([cell.address, cell.protection?.locked ?? true]).toEqual([cell.address, true]);
          expect(fill).toBe('FFF2F2F2');
        }
      }
    }
    expect(internals(ws).sheetProtection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
  });

  test('validation, above-maximum flags and notes', () => {
    for (const v of layout.validations) {
      expect(ws.getCell(v.cell).dataValidation).toMatchObject({
        type: 'decimal',
        operator: 'between',
        formulae: [v.min, v.max],
        showErrorMessage: true,
        error: v.help,
      });
    }
    const cfs = internals(ws).conditionalFormattings;
    const refs = cfs.map((cf) => cf.ref);
    expect(refs).toEqual(layout.aboveMax.map((m) => m.cell));
    const rule = cfs[0].rules[0] as ExcelJS.ExpressionRuleType;
    expect(rule.formulae?.[0]).toBe(`AND(ISNUMBER(${layout.aboveMax[0].cell}),${layout.aboveMax[0].cell}>${layout.aboveMax[0].maxCell})`);
    for (const n of layout.notes) expect(ws.getCell(n.cell).note).toBe(n.text);
  });

  test('print setup: A4, fit to one page wide, header row repeated', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${layout.headerRow + 1}:${layout.headerRow + 1}`);
  });

  test('hidden metadata sheet', () => {
    const meta = wb.getWorksheet('Thông tin biểu mẫu')!;
    expect(meta.state).toBe('veryHidden');
    const kv = Object.fromEntries(layout.meta.map(([k], i) => [k, meta.getCell(i + 2, 2).value]));
    expect(text(kv['Mã kiểm tra bộ tiêu chí'])).toMatch(new RegExp(`^${rubric.fingerprint}/0\\.25/\\d+/${wordingFingerprint(rubric)}$`));
    expect(kv['Mã đơn vị']).toBe('A01');
  });

  test("read back: the hidden column's own formulas are not taken for typed formulas", () => {
    const read = readUnitSheet(worksheetToGrid(ws), unit, rubric);
    expect(read.findings).toEqual([]);
    expect(read.meta.fingerprint.startsWith(`${rubric.fingerprint}/`)).toBe(true);
  });

  test('typed inputs carried by criterion code; only input cells are written', () => {
    const inputs = new Set([...layout.scorerInputs, ...layout.appraiserInputs]);
    const res = writeInputs(
      wb,
      'u.xlsx',
      { '1.1': { self: 12, evidence: { text: 'Kế hoạch', hyperlink: 'https://example.gov.vn/kh' } }, '1': { self: 3 } },
      inputs,
    );
    expect(res).toEqual({ written: 2, notWritten: [{ code: '1', field: 'self' }] });
    expect(readInputs(wb, 'u.xlsx')).toEqual({
      '1.1': { self: 12, evidence: { text: 'Kế hoạch', hyperlink: 'https://example.gov.vn/kh' } },
    });
  });
});

describe('cells as the core reads them', () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  test.each([
    ['formula', { formula: 'IMPORTRANGE("x","y")' }, '=IMPORTRANGE("x","y")'],
    ['formula with a cached result', { formula: 'SUM(1,2)', result: 3 }, '=SUM(1,2)'],
    ['new function', { formula: '_xlfn.ISFORMULA(D9)' }, '=ISFORMULA(D9)'],
    ['rich text', { richText: [{ text: 'Hồ sơ ' }, { font: { bold: true }, text: 'số 5' }] }, 'Hồ sơ số 5'],
    ['hyperlink', { text: 'Kế hoạch 01', hyperlink: 'https://example.gov.vn' }, 'Kế hoạch 01'],
    ['error', { error: '#REF!' }, '#REF!'],
    ['number', 7.5, 7.5],
    ['text (NFD → NFC)', 'Thẩm định'.normalize('NFD'), 'Thẩm định'],
    ['date', new Date(Date.UTC(2024, 10, 15)), new Date(2024, 10, 15)],
  ] as Array<[string, ExcelJS.CellValue, unknown]>)('%s', (_name, value, expected) => {
    const cell = ws.getCell('B2');
    cell.value = value;
    expect(cellValue(cell)).toEqual(expected);
  });

  test('control workbook: a formula gives its saved result, or its text when there is none', () => {
    const cell = ws.getCell('C3');
    cell.value = { formula: 'SUM(5,10)', result: 15 };
    expect(cellValue(cell, 'result')).toBe(15);
    cell.value = { formula: 'SUM(5,10)' };
    expect(cellValue(cell, 'result')).toBe('=SUM(5,10)');
  });

  test('a merged range shows its value once', () => {
    ws.getCell('A5').value = 'Tiêu đề';
    ws.mergeCells('A5:C5');
    const grid = worksheetToGrid(ws);
    expect(grid[4].slice(0, 3)).toEqual(['Tiêu đề', null, null]);
  });
});

describe('workspace files', () => {
  test('file names are sanitized', () => {
    expect(sanitizeFileName('Phòng Tài chính / Kế hoạch: "2024"?. ')).toBe('Phòng Tài chính Kế hoạch 2024');
    expect(unitFilePath('/ws', 2024, { code: 'X1', name: 'Xã A|B', group: '' })).toBe(
      path.join('/ws', 'Dân vận chính quyền 2024', 'Chưa phân nhóm', 'X1 - Xã A B.xlsx'),
    );
  });

  test('a missing unit file becomes a «missing» source naming the file', async () => {
    // Only the year is read before the file is found missing.
    const control = { settings: { year: 2024 }, rubrics: {} } as unknown as Control;
    const src = await readUnitSource(tmpDir(), control, { ...unit, link: 'Dân vận chính quyền 2024/Cụm 1/A01 - Xã An Hòa.xlsx' });
    expect(src).toEqual({
      missing: 'không tìm thấy tệp «Dân vận chính quyền 2024/Cụm 1/A01 - Xã An Hòa.xlsx» (đã bị xóa hoặc di chuyển?)',
      link: 'Dân vận chính quyền 2024/Cụm 1/A01 - Xã An Hòa.xlsx',
    });
  });
});
