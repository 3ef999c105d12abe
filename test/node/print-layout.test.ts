// The control workbook prints and guides (issue 12 item 8): A4 fit to the page width, header
// repeated, wrapped rows tall enough, `Nhật ký` in Vietnam's clock, dropdowns for the lists.
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli';
import { controlPath } from '../../src/node/workspace';
import { capture, header, openBook, removeTmpDirs, text, tmpDir } from './helpers';

afterAll(removeTmpDirs);

describe('control workbook on paper and on screen', () => {
  let book: ExcelJS.Workbook;
  // 02:30 UTC is 09:30 in Hà Nội, whatever the machine's zone.
  const now = new Date(Date.UTC(2024, 10, 20, 2, 30));
  beforeAll(async () => {
    const ws = tmpDir();
    expect(await main(['demo', ws, '--sample', 'binh-son-2024'], capture(now))).toBe(0);
    book = await openBook(controlPath(ws));
  });

  test('every sheet prints on A4, fit to the page width, header row repeated; wide sheets in landscape', () => {
    for (const s of book.worksheets) {
      if (s.state !== 'visible' || s.actualRowCount === 0) continue;
      expect([s.name, s.pageSetup.paperSize, s.pageSetup.fitToPage, s.pageSetup.fitToWidth, s.pageSetup.fitToHeight]).toEqual([
        s.name,
        9,
        true,
        1,
        0,
      ]);
      expect([s.name, s.pageSetup.printTitlesRow]).toEqual([s.name, '1:1']);
    }
    const results = book.getWorksheet('Kết quả')!;
    expect(results.pageSetup.orientation).toBe('landscape');
    // The ranking prints, not the chart's data block right of it (which would shrink the page to nothing).
    const last = header(results, ['Ghi chú']).col('Ghi chú');
    // (exceljs reads "$A$1:$L$34" back without the "$".)
    expect(results.pageSetup.printArea).toBe(`A1:${results.getColumn(last).letter}${results.actualRowCount}`);
    expect(book.getWorksheet('Đơn vị')!.pageSetup.orientation).toBe('landscape');
  });

  test('wrapped `Cấu hình` text grows its row instead of overlapping the next rows', () => {
    const s = book.getWorksheet('Cấu hình')!;
    const h = header(s, ['Mô tả']);
    const width = s.getColumn(h.col('Mô tả')).width!;
    let checked = 0;
    for (let r = h.row + 1; r <= s.actualRowCount; r++) {
      const cell = s.getCell(r, h.col('Mô tả'));
      const len = text(cell.value).length;
      if (len <= width) continue;
      expect(cell.alignment?.wrapText).toBe(true);
      // One line of 15 points per column width of text, at least.
      expect(s.getRow(r).height).toBeGreaterThanOrEqual(15 * Math.ceil(len / width));
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  test('`Nhật ký` shows the Vietnamese clock as a date, in a column wide enough', () => {
    const s = book.getWorksheet('Nhật ký')!;
    const h = header(s, ['Thời gian']);
    const cell = s.getCell(h.row + 1, h.col('Thời gian'));
    expect(cell.value).toBeInstanceOf(Date);
    // xlsx stores a wall clock; exceljs reads it as UTC fields.
    const d = cell.value as Date;
    expect([d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCHours(), d.getUTCMinutes()]).toEqual([20, 11, 9, 30]);
    expect(cell.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(s.getColumn(h.col('Thời gian')).width).toBeGreaterThanOrEqual('20/11/2024 09:30'.length + 2);
  });

  test('`Đơn vị` offers its lists: Trạng thái refuses other words, the others warn', () => {
    const s = book.getWorksheet('Đơn vị')!;
    const h = header(s, ['Trạng thái', 'Nhóm', 'Bộ tiêu chí', 'Điều kiện khống chế']);
    // The same rule on the first and the last row it covers, none on the header.
    const ruleOf = (name: string) => {
      const col = h.col(name);
      expect(s.getCell(h.row, col).dataValidation).toBeUndefined();
      const first = s.getCell(h.row + 1, col).dataValidation as ExcelJS.DataValidation & { errorStyle?: string };
      expect([name, s.getCell(2000, col).dataValidation]).toEqual([name, first]);
      return first;
    };
    expect(ruleOf('Trạng thái')).toMatchObject({
      type: 'list',
      formulae: ['"Đã tạo biểu mẫu,Đang chấm,Đã nộp,Trả lại để giải trình,Đã giải trình,Đã thẩm định,Đã công nhận,Tạo lại"'],
    });
    expect(ruleOf('Trạng thái').errorStyle ?? 'stop').toBe('stop');
    // The sample's groups hold commas («Khối xã, thị trấn»), which an inline Excel list would split.
    expect(s.getCell(h.row + 1, h.col('Nhóm')).dataValidation).toBeUndefined();
    expect(ruleOf('Bộ tiêu chí')).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(ruleOf('Điều kiện khống chế')).toMatchObject({ type: 'list', formulae: ['"G1,G2,G3a,G3b,G4"'], errorStyle: 'warning' });
  });
});
