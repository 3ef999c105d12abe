import { newWorld, rowsOf, control, unitsRows, asAdmin } from './helpers';
import { fillSampleScores, generate, runAll, sampleControl, unitFiles, preparedSample } from './flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { SHEETS } from '../../src/core/schema';
import { readControl } from '../../src/core/control';
import { assessAll, UnitSource } from '../../src/core/assess';
import { chartGrid, resultsGrid } from '../../src/core/output-tables';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import type { Grid } from '../../src/core/types';
import type { World } from './helpers';

/** What the core says for the same data, read straight from the fake (not through the adapter). */
function expectedAssessment(w: World) {
  const ss = control(w);
  const grid = (n: string) => (ss.hasSheet(n) ? (ss.sheet(n).values() as Grid) : undefined);
  const c = readControl({
    config: grid(SHEETS.config),
    units: grid(SHEETS.units),
    criteria: grid(SHEETS.criteria),
    levels: grid(SHEETS.levels),
  });
  const files = unitFiles(w);
  const sources: Record<string, UnitSource> = {};
  for (const u of c.units) {
    const f = files[u.code];
    sources[u.code] = { grid: w.fake.spreadsheetById(f.id)!.sheet(SHEETS.scoring).values() as Grid, link: f.url };
  }
  return assessAll(c, sources);
}

describe('Kiểm tra dữ liệu và Tổng hợp & xếp hạng', () => {
  it('validate writes `Kiểm tra` with links to the unit file and cell', () => {
    const w = preparedSample();
    const r = runAll((c) => runAssessChunk(w.env, 'validate', c)).at(-1)!;
    expect(r.finished).toBe(true);
    expect(r.message).toMatch(/^Kiểm tra xong 33 đơn vị: \d+ lỗi, \d+ cảnh báo/);
    const rows = rowsOf(w, SHEETS.findings);
    const files = unitFiles(w);
    const above = rows.find((x) => x['Mã đơn vị'] === 'BS-X15' && String(x['Nội dung']).includes('vượt điểm tối đa'))!;
    expect(above['Mức độ']).toBe('Lỗi');
    expect(above['Ô']).toMatch(/^Chấm điểm!D\d+$/);
    const cell = String(above['Ô']).split('!')[1];
    expect(above['Liên kết']).toBe(`${files['BS-X15'].url}#gid=${files['BS-X15'].gid}&range=${cell}`);
    expect(rows.some((x) => x['Mã đơn vị'] === 'BS-P04' && String(x['Nội dung']).includes('điểm trừ nhập số dương'))).toBe(true);
    expect(rows.some((x) => x['Mã đơn vị'] === 'BS-X20' && x['Mức độ'] === 'Cảnh báo')).toBe(true);
    // `Kết quả` is not written by the validation alone.
    expect(rowsOf(w, SHEETS.results)).toHaveLength(0);
    // The submission recorded in each file becomes `Trạng thái`.
    const status = Object.fromEntries(unitsRows(w).map((x) => [String(x['Mã đơn vị']), x['Trạng thái']] as const));
    expect(status['BS-P09']).toBe('Đang chấm');
    expect(status['BS-X01']).toBe('Đã nộp');
  });

  it('rank writes `Kết quả` exactly as the core computes it, coloured, with a chart', () => {
    const w = preparedSample();
    const r = runAll((c) => runAssessChunk(w.env, 'rank', c)).at(-1)!;
    expect(r.message).toMatch(/^Đã xếp hạng: \d+\/33 đơn vị được xếp loại/);
    const expected = expectedAssessment(w);
    const grid = resultsGrid(expected.results).map((row) => row.map((c) => (c === null ? '' : c)));
    const sheet = control(w).sheet(SHEETS.results);
    const width = grid[0].length;
    expect(sheet.values().map((row) => row.slice(0, width))).toEqual(grid);
    expect(expected.results.filter((x) => x.classified).length).toBeGreaterThan(25);
    expect(sheet.fontWeights('A1')[0][0]).toBe('bold');
    const levelCol = grid[0].indexOf('Xếp loại');
    const colours = sheet
      .backgrounds()
      .slice(1)
      .map((row) => row[levelCol]);
    expect(new Set(colours).size).toBeGreaterThan(2);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].type).toBe('COLUMN');
    // Bars coloured by level: the chart reads one column per level, right of the table.
    const chartData = chartGrid(expected.results, defaultScoringConfig().levels).map((row) => row.map((c) => (c === null ? '' : c)));
    const block = sheet
      .values()
      .slice(0, chartData.length)
      .map((row) => row.slice(width + 1, width + 1 + chartData[0].length));
    expect(block).toEqual(chartData);
    expect(sheet.charts[0].options).toMatchObject({ isStacked: true, colors: ['#34A853', '#4285F4', '#FBBC04', '#EA4335'] });
    // Re-running replaces the chart, never adds a second one.
    runAll((c) => runAssessChunk(w.env, 'rank', c));
    expect(control(w).sheet(SHEETS.results).charts).toHaveLength(1);
    // Logged.
    expect(rowsOf(w, SHEETS.log).filter((x) => x['Thao tác'] === 'Tổng hợp & xếp hạng')).toHaveLength(2);
  });

  it('a renamed sheet, a trashed and a deleted file are reported, never recreated', () => {
    const w = preparedSample();
    const files = unitFiles(w);
    w.fake.spreadsheetById(files['BS-X02'].id)!.sheet(SHEETS.scoring).model.name = 'Bảng điểm';
    w.fake.drive.trash(files['BS-X03'].id);
    w.fake.drive.delete(files['BS-X06'].id);
    const before = w.fake.drive.list().length;
    runAll((c) => runAssessChunk(w.env, 'rank', c));
    const rows = rowsOf(w, SHEETS.findings);
    const of = (code: string) =>
      rows
        .filter((x) => x['Mã đơn vị'] === code)
        .map((x) => `${String(x['Mức độ'])}: ${String(x['Nội dung'])}`)
        .join('\n');
    expect(of('BS-X02')).toMatch(/^Lỗi: Xã Bình An \(BS-X02\): không tìm thấy sheet «Chấm điểm»/);
    expect(of('BS-X03')).toMatch(/Thùng rác/);
    expect(of('BS-X06')).toMatch(/không mở được tệp biểu mẫu/);
    expect(w.fake.drive.list().length).toBe(before);
    const results = rowsOf(w, SHEETS.results);
    for (const code of ['BS-X02', 'BS-X03', 'BS-X06']) {
      expect(results.find((x) => x['Mã đơn vị'] === code)!['Xếp loại']).toBe('Không xếp loại');
    }
  });

  it('a file Google cannot open right now is retried once, then a Lỗi asking to run again — never a missing file', () => {
    const w = preparedSample();
    const timeout = 'Service Spreadsheets timed out while accessing document with id 1AbC.';
    // The first unit (BS-X01, submitted): two failures in a row — the read and its retry.
    w.fake.failAfter('SpreadsheetApp.openById', 0, timeout);
    w.fake.failAfter('SpreadsheetApp.openById', 0, 'Too many simultaneous invocations: Spreadsheets');
    // The second unit (BS-X02): one failure, then the retry works.
    w.fake.failAfter('SpreadsheetApp.openById', 1, timeout);
    const r = runAll((c) => runAssessChunk(w.env, 'rank', c)).at(-1)!;
    expect(w.fake.sleptMs).toBe(2000); // one pause before each retry
    const rows = rowsOf(w, SHEETS.findings);
    const x01 = rows.filter((x) => x['Mã đơn vị'] === 'BS-X01');
    expect(x01).toEqual([
      expect.objectContaining({
        'Mức độ': 'Lỗi',
        'Nội dung': expect.stringMatching(/không đọc được tệp biểu mẫu lúc này .*hãy chạy lại/) as unknown,
      }),
    ]);
    expect(String(x01[0]['Nội dung'])).not.toMatch(/xóa|Thùng rác|timed out/);
    expect(rows.some((x) => x['Mã đơn vị'] === 'BS-X02' && /không (đọc|mở) được tệp/.test(String(x['Nội dung'])))).toBe(false);
    // Not scored this time, and said why; its `Trạng thái` is kept.
    const result = rowsOf(w, SHEETS.results).find((x) => x['Mã đơn vị'] === 'BS-X01')!;
    expect(result['Xếp loại']).toBe('Không xếp loại');
    expect(unitsRows(w).find((x) => x['Mã đơn vị'] === 'BS-X01')!['Trạng thái']).toBe('Đã nộp');
    expect(r.errors).toEqual([
      {
        unit: 'Thị trấn Châu Ổ (BS-X01)',
        message: expect.stringMatching(/^Thị trấn Châu Ổ \(BS-X01\): không đọc được tệp biểu mẫu lúc này/) as unknown,
      },
    ]);
    expect(w.fake.logs.join('\n')).toContain('timed out');

    // Run again: read normally.
    runAll((c) => runAssessChunk(w.env, 'rank', c));
    expect(rowsOf(w, SHEETS.findings).some((x) => x['Mã đơn vị'] === 'BS-X01' && /không đọc được tệp/.test(String(x['Nội dung'])))).toBe(
      false,
    );
    expect(rowsOf(w, SHEETS.results).find((x) => x['Mã đơn vị'] === 'BS-X01')!['Xếp loại']).not.toBe('Không xếp loại');
  });

  it('a file that is not shared with the admin any more is a missing file (no retry)', () => {
    const w = preparedSample();
    // BS-X04 is the fourth file read; Apps Script's words for a file this user may not open.
    w.fake.failAfter('SpreadsheetApp.openById', 3, 'You do not have permission to access the requested document.');
    runAll((c) => runAssessChunk(w.env, 'validate', c));
    expect(w.fake.sleptMs).toBe(0);
    const rows = rowsOf(w, SHEETS.findings).filter((x) => x['Mã đơn vị'] === 'BS-X04');
    expect(rows.map((x) => x['Nội dung']).join('\n')).toMatch(
      /không mở được tệp biểu mẫu \(tệp đã bị xóa, nằm trong Thùng rác hoặc không còn quyền truy cập\)/,
    );
  });

  it('runs in chunks with a small time budget and gives the same result', () => {
    const w = preparedSample();
    const one = runAll((c) => runAssessChunk(w.env, 'rank', c));
    expect(one).toHaveLength(1);
    const expected = control(w).sheet(SHEETS.results).values();

    const slow = newWorld({ budgetMs: 100_000, tick: 1000 });
    sampleControl(slow);
    generate(slow);
    fillSampleScores(slow);
    asAdmin(slow);
    const chunks = runAll((c) => runAssessChunk(slow.env, 'rank', c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0].message).toMatch(/^Đã đọc \d+\/33 biểu mẫu…$/);
    expect(control(slow).sheet(SHEETS.results).values()).toEqual(expected);
    expect(control(slow).hasSheet('Dữ liệu tạm DVCQ')).toBe(false);
  });
});
