// A small handmade case (the contract's rubric): a tie for rank 2 (1, 2, 2, 4), an appraisal that
// lowers a score, bonus and deduction, and a unit that has not submitted (listed last).
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { init } from '../../src/node/commands/init';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, setRows } from './helpers';

export const CRITERIA = [
  { 'Bộ tiêu chí': 'KT', Mã: '1', 'Mã cha': null, 'Nội dung': 'Lãnh đạo, chỉ đạo', 'Điểm tối đa': 40, Loại: 'điểm' },
  {
    'Bộ tiêu chí': 'KT',
    Mã: '1.1',
    'Mã cha': '1',
    'Nội dung': 'Ban hành kế hoạch',
    'Điểm tối đa': 15,
    Loại: 'điểm',
    'Hướng dẫn': 'Kế hoạch năm của đơn vị',
  },
  { 'Bộ tiêu chí': 'KT', Mã: '1.2', 'Mã cha': '1', 'Nội dung': 'Tổ chức thực hiện', 'Điểm tối đa': 25, Loại: 'điểm' },
  { 'Bộ tiêu chí': 'KT', Mã: '2', 'Mã cha': null, 'Nội dung': 'Cải cách hành chính', 'Điểm tối đa': 60, Loại: 'điểm' },
  { 'Bộ tiêu chí': 'KT', Mã: '3', 'Mã cha': null, 'Nội dung': 'Điểm thưởng', 'Điểm tối đa': 5, Loại: 'thưởng' },
  { 'Bộ tiêu chí': 'KT', Mã: '4', 'Mã cha': null, 'Nội dung': 'Điểm trừ', 'Điểm tối đa': 10, Loại: 'trừ' },
];

export interface CaseUnit {
  code: string;
  name: string;
  group: string;
  rubric?: string;
  email?: string;
  self: Record<string, number>;
  appraised?: Record<string, number>;
  /** The appraiser's reason of each appraised score that differs (`Lý do thẩm định`). */
  reasons?: Record<string, string>;
}

export const UNITS: CaseUnit[] = [
  { code: 'A01', name: 'Xã An Hòa', group: 'Cụm 1', self: { '1.1': 15, '1.2': 25, '2': 55 } }, // 95
  {
    code: 'A02',
    name: 'Xã Bình Minh',
    group: 'Cụm 1',
    self: { '1.1': 15, '1.2': 20, '2': 55 },
    appraised: { '2': 50 },
    reasons: { '2': 'Thiếu hồ sơ cải cách hành chính quý IV' },
  }, // 85
  { code: 'A03', name: 'Xã Cẩm Thành', group: 'Cụm 2', self: { '1.1': 10, '1.2': 25, '2': 50 } }, // 85
  { code: 'A04', name: 'Xã Đức Phổ', group: 'Cụm 2', self: { '1.1': 10, '1.2': 20, '2': 40, '3': 2, '4': 3 } }, // 69
  { code: 'A05', name: 'Xã Ea Súp', group: 'Cụm 1', self: { '1.1': 12 } }, // not submitted
];

export const CRITERIA_HEADERS = ['Bộ tiêu chí', 'Mã', 'Mã cha', 'Nội dung', 'Điểm tối đa', 'Loại'];
export const UNIT_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Nhóm', 'Bộ tiêu chí', 'Email người chấm'];

/** init, then the case's rubric and units typed into `Tiêu chí` and `Đơn vị` by header text. */
export async function setupWorkspace(
  ws: string,
  units: CaseUnit[] = UNITS,
  extraUnitRows: Array<Record<string, ExcelJS.CellValue>> = [],
): Promise<void> {
  expect(await init(ws, {}, capture())).toBe(0);
  await editBook(controlPath(ws), (wb) => {
    setRows(wb.getWorksheet('Tiêu chí')!, CRITERIA_HEADERS, CRITERIA);
    setRows(wb.getWorksheet('Đơn vị')!, UNIT_HEADERS, [
      ...units.map((u) => ({
        'Mã đơn vị': u.code,
        'Tên đơn vị': u.name,
        Loại: 'xã',
        Nhóm: u.group,
        'Bộ tiêu chí': u.rubric ?? 'KT',
        'Email người chấm': u.email ?? `${u.code.toLowerCase()}@example.gov.vn`,
      })),
      ...extraUnitRows,
    ]);
  });
}

export const scoresOf = (u: CaseUnit) => {
  const out: Record<string, { 'Tự chấm'?: number; 'Thẩm định'?: number; 'Minh chứng'?: string; 'Lý do thẩm định'?: string }> = {};
  for (const [code, v] of Object.entries(u.self)) out[code] = { 'Tự chấm': v, 'Minh chứng': `Hồ sơ ${code}` };
  for (const [code, v] of Object.entries(u.appraised ?? {})) out[code] = { ...out[code], 'Thẩm định': v };
  for (const [code, v] of Object.entries(u.reasons ?? {})) out[code] = { ...out[code], 'Lý do thẩm định': v };
  return out;
};

export const unitFile = (ws: string, year: number, u: CaseUnit) =>
  path.join(ws, `Dân vận chính quyền ${year}`, u.group, `${u.code} - ${u.name}.xlsx`);
