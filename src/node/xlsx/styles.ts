// Colours and styles shared by the workbooks the CLI writes (presentation only).
import ExcelJS from 'exceljs';

export const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const COLORS = {
  header: 'FFD9E1F2',
  locked: 'FFF2F2F2',
  input: 'FFFFFFFF',
  aboveMax: 'FFFFC7CE',
  aboveMaxText: 'FF9C0006',
  border: 'FFBFBFBF',
} as const;

export const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: COLORS.border } },
  left: { style: 'thin', color: { argb: COLORS.border } },
  bottom: { style: 'thin', color: { argb: COLORS.border } },
  right: { style: 'thin', color: { argb: COLORS.border } },
};

export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const DATE_FORMAT = 'dd/mm/yyyy';
