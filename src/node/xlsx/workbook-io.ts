// Opening and saving .xlsx files with Vietnamese messages that name the file.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describeFsError, UserError } from '../errors';
import { writeFileSafely } from '../files';

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) throw new UserError(`không tìm thấy tệp «${file}».`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code) throw new UserError(describeFsError(e, 'đọc', file));
    // The library's own words (English, about zip internals) would not help a user.
    throw new UserError(
      `không đọc được «${file}»: tệp không phải bảng tính .xlsx hợp lệ hoặc đã bị hỏng. Hãy mở tệp bằng Excel/LibreOffice và lưu lại dưới dạng .xlsx.`,
    );
  }
  return wb;
}

/** Save through a temporary file; with `keepOld`, an existing file is kept as "… (cũ <date-time>).xlsx". */
export function saveWorkbook(wb: ExcelJS.Workbook, file: string, keepOld?: { now: Date }): Promise<string | null> {
  return writeFileSafely(file, (tmp) => wb.xlsx.writeFile(tmp), keepOld);
}
