// `Số liệu` figures through placeholders in the narrative, bad figures as findings, and the
// results table over the years from `Kết quả năm trước`.
import { indicatorFields, readIndicators } from '../../src/core/indicators';
import { readControl } from '../../src/core/control';
import { newControlSheets } from '../../src/core/control-template';
import { SHEETS } from '../../src/core/schema';
import { buildReportModel, TABLE_SPECS } from '../../src/core/report-model';
import { writeReportDocx } from '../../src/node/docx';
import { paragraphs, partXml, tableWithHeader } from './helpers/docx-read';
import { sampleInput } from './helpers/sample';

const HEAD = ['Mã', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Đơn vị tính'];

describe('Số liệu', () => {
  it('prints figures and shares the Vietnamese way', () => {
    const { indicators, findings } = readIndicators([
      HEAD,
      ['KNTC', 'Khiếu nại, tố cáo đã giải quyết', 59, 63, 'vụ việc'],
      ['TCD', 'Tiếp công dân', '1.234', null, 'lượt'],
      ['TTHC', 'Hồ sơ đúng hạn', null, null, 'hồ sơ'],
    ]);
    expect(findings).toEqual([]);
    const f = indicatorFields(indicators);
    expect(f.so_lieu_kntc).toBe('59/63 vụ việc, chiếm tỷ lệ 93,65%');
    expect(f.so_lieu_kntc_ty_le).toBe('93,65%');
    expect(f.so_lieu_kntc_tu_so).toBe('59');
    expect(f.so_lieu_tcd).toBe('1.234 lượt');
    expect(f.so_lieu_tthc).toBe('[Chưa nhập số liệu «Hồ sơ đúng hạn» tại sheet «Số liệu»]');
  });

  it('reports a bad figure (denominator 0, numerator above the denominator, text) and prints a marker, not a number', () => {
    const { indicators, findings } = readIndicators([
      HEAD,
      ['A', 'Chỉ tiêu A', 5, 0, 'hồ sơ'],
      ['B', 'Chỉ tiêu B', 70, 63, 'vụ việc'],
      ['C', 'Chỉ tiêu C', 'khoảng 40', 50, 'đơn'],
    ]);
    expect(findings.map((x) => [x.severity, x.code, x.cell])).toEqual([
      ['Lỗi', 'indicator', 'dòng 2'],
      ['Lỗi', 'indicator', 'dòng 3'],
      ['Lỗi', 'indicator', 'dòng 4'],
    ]);
    expect(findings[0].message).toContain('«Chỉ tiêu A» (A) có mẫu số bằng 0');
    expect(findings[1].message).toContain('tử số 70 lớn hơn mẫu số 63');
    expect(findings[2].message).toContain('tử số «khoảng 40» không phải là số');
    expect(indicatorFields(indicators).so_lieu_b).toMatch(/^\[Số liệu «Chỉ tiêu B» chưa hợp lệ/);
  });

  it('renders the placeholders inside the narrative text of the report', async () => {
    const input = sampleInput();
    input.indicators = readIndicators([HEAD, ['KNTC', 'Khiếu nại', 59, 63, 'vụ việc']]).indicators;
    input.narrative['Kết quả đạt được'] = 'Đã giải quyết {{so_lieu_kntc}} thuộc thẩm quyền trong năm {{nam}}.';
    expect(buildReportModel(input).fields.ket_qua_dat_duoc).toBe(
      'Đã giải quyết 59/63 vụ việc, chiếm tỷ lệ 93,65% thuộc thẩm quyền trong năm 2024.',
    );
    const paras = paragraphs(partXml(await writeReportDocx(input)));
    expect(paras).toContain('Đã giải quyết 59/63 vụ việc, chiếm tỷ lệ 93,65% thuộc thẩm quyền trong năm 2024.');
  });

  it('is a sheet of new workbooks; an old workbook without it still reads, with no figures', () => {
    const sheets = newControlSheets({ year: 2025 });
    const grid = sheets.find((s) => s.name === SHEETS.indicators)!.grid;
    expect(grid[0]).toEqual(HEAD);
    expect(grid.slice(1).map((r) => r[0])).toEqual(['TCD', 'DON', 'KNTC', 'TTHC']);
    const g = Object.fromEntries(sheets.map((s) => [s.name, s.grid]));
    const withIt = readControl({
      config: g[SHEETS.config],
      units: g[SHEETS.units],
      criteria: g[SHEETS.criteria],
      levels: g[SHEETS.levels],
      indicators: grid,
    });
    expect(withIt.indicators).toHaveLength(4);
    const old = readControl({ config: g[SHEETS.config], units: g[SHEETS.units], criteria: g[SHEETS.criteria], levels: g[SHEETS.levels] });
    expect(old.indicators).toEqual([]);
    expect(old.findings.filter((f) => f.sheet === SHEETS.indicators)).toEqual([]);
  });
});

describe('results over the years', () => {
  it('lists each earlier year of «Kết quả năm trước», then this year, with shares of that year', async () => {
    const input = sampleInput();
    const old = (input.previous ?? []).map((p) => ({ ...p, year: 2022, level: 'Hoàn thành tốt nhiệm vụ' }));
    input.previous = [...old, ...(input.previous ?? [])];
    const rows = buildReportModel(input).tables.ket_qua_cac_nam.rows;
    expect(rows[0]).toEqual(['2022', 'Hoàn thành tốt nhiệm vụ', String(old.length), '100%']);
    expect(rows.filter((r) => r[0] !== '').map((r) => r[0])).toEqual(['2022', '2023', '2024']);
    const y2024 = rows.findIndex((r) => r[0] === '2024');
    expect(rows[y2024]).toEqual(['2024', 'Hoàn thành xuất sắc nhiệm vụ', '3', '33,33%']);
    // The comparison sentence still compares with the year before only.
    expect(buildReportModel(input).fields.so_sanh_nam_truoc).toContain('So với năm 2023');
    const table = tableWithHeader(partXml(await writeReportDocx(input)), TABLE_SPECS.ket_qua_cac_nam.header);
    expect(table.length - 1).toBe(rows.length);
  });
});
