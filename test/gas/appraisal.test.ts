// The appraisal round in the add-on (issue 13): the appraiser's reason beside each appraised score.
import { ADMIN, asAdmin, control, rowsOf, unitsRows, World } from './helpers';
import { preparedSample, runAll, unitFiles } from './flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { SHEETS, UNIT_COLUMNS } from '../../src/core/schema';

const scorerOf = (w: World, code: string) => String(unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === code)![UNIT_COLUMNS.email]);

describe('Lý do thẩm định (add-on)', () => {
  it('only the owner types it; a differing appraisal without it is a warning in `Kiểm tra`, gone once written', () => {
    const w = preparedSample();
    const file = unitFiles(w)['BS-X01'];
    const sheet = w.fake.spreadsheetById(file.id)!.sheet(SHEETS.scoring);
    const grid = sheet.values();
    const header = grid.findIndex((r) => r[0] === 'Mã');
    expect(grid[header][8]).toBe('Lý do thẩm định');
    const row = grid.findIndex((r) => r[0] === 'X1.1') + 1;
    const owner = w.fake.drive.item(file.id)!.owner;
    expect(() => sheet.set(`I${row}`, 'tự ghi', { as: scorerOf(w, 'BS-X01') })).toThrow(/protected cell/);
    sheet.set(`D${row}`, 2, { as: scorerOf(w, 'BS-X01') });
    sheet.set(`E${row}`, 1, { as: owner });
    sheet.set(`I${row}`, '', { as: owner }); // the sample's reason removed
    asAdmin(w);
    const warned = () =>
      rowsOf(w, SHEETS.findings).filter((x) => x['Mã đơn vị'] === 'BS-X01' && String(x['Nội dung']).includes('chưa ghi lý do'));
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    expect(warned().map((x) => [x['Mức độ'], x['Ô']])).toEqual([['Cảnh báo', `Chấm điểm!I${row}`]]);
    expect(String(warned()[0]['Nội dung'])).toContain('tiêu chí X1.1');
    sheet.set(`I${row}`, 'Kế hoạch chưa có chữ ký', { as: owner });
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    expect(warned()).toEqual([]);
  });
});

describe('the round statuses in the add-on', () => {
  it('a unit returned for explanation in `Đơn vị` keeps its status through the collection and stays ranked, its file locked', () => {
    const w = preparedSample();
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    const header = control(w).sheet(SHEETS.units).values()[0];
    const r = unitsRows(w).findIndex((x) => x[UNIT_COLUMNS.code] === 'BS-X07') + 2;
    const col = String.fromCharCode(65 + header.indexOf(UNIT_COLUMNS.status));
    expect(unitsRows(w)[r - 2][UNIT_COLUMNS.status]).toBe('Đã nộp');
    control(w).sheet(SHEETS.units).set(`${col}${r}`, 'Trả lại để giải trình', { as: ADMIN });
    runAll((c) => runAssessChunk(w.env, 'rank', c));
    expect(unitsRows(w)[r - 2][UNIT_COLUMNS.status]).toBe('Trả lại để giải trình');
    const result = rowsOf(w, SHEETS.results).find((x) => x['Mã đơn vị'] === 'BS-X07')!;
    expect(result['Xếp loại']).not.toBe('Không xếp loại');
    // Still the owner's accepted submission: the self-scores stay closed to the scorer.
    const file = unitFiles(w)['BS-X07'];
    const sheet = w.fake.spreadsheetById(file.id)!.sheet(SHEETS.scoring);
    const row = sheet.values().findIndex((x) => x[0] === 'X1.1') + 1;
    expect(() => sheet.set(`D${row}`, 1, { as: scorerOf(w, 'BS-X07') })).toThrow(/protected cell/);
  });
});

describe('change history per score (add-on)', () => {
  it('logs each change since the last collection in `Nhật ký`, in one write; the table is hidden', () => {
    const w = preparedSample();
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    const logged = () => rowsOf(w, SHEETS.log).filter((x) => x['Thao tác'] === 'Thay đổi dữ liệu chấm điểm');
    expect(logged()).toEqual([]); // the first collection: nothing to compare with
    expect(control(w).sheet('Dữ liệu đã thu').hidden).toBe(true);
    const file = unitFiles(w)['BS-X01'];
    const sheet = w.fake.spreadsheetById(file.id)!.sheet(SHEETS.scoring);
    const row = sheet.values().findIndex((r) => r[0] === 'X1.1') + 1;
    sheet.set(`I${row}`, 'Thiếu chữ ký', { as: w.fake.drive.item(file.id)!.owner });
    asAdmin(w);
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    expect(logged().map((x) => [x['Người thực hiện'], x['Chi tiết']])).toEqual([
      [ADMIN, 'BS-X01, tiêu chí X1.1, Lý do thẩm định: Minh chứng chưa đủ so với yêu cầu (giả lập) → Thiếu chữ ký'],
    ]);
  });
});
