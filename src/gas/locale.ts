// Locale and time zone of the spreadsheets the add-on sets up: Vietnamese numbers ("1,5"), dates
// (dd/mm/yyyy) and the Vietnamese clock, whatever the Google account's defaults. A copy (Files.copy)
// inherits both, so unit files get them from their master.
import type { GSpreadsheet } from './services';

export const SPREADSHEET_LOCALE = 'vi_VN';
export const SPREADSHEET_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Set the Vietnamese locale and time zone where they differ (the control spreadsheet at set-up). */
export function useVietnameseSettings(ss: GSpreadsheet): void {
  if (ss.getSpreadsheetLocale() !== SPREADSHEET_LOCALE) ss.setSpreadsheetLocale(SPREADSHEET_LOCALE);
  if (ss.getSpreadsheetTimeZone() !== SPREADSHEET_TIME_ZONE) ss.setSpreadsheetTimeZone(SPREADSHEET_TIME_ZONE);
}

/** Set both on a spreadsheet just created (two calls, no reading). */
export function setVietnameseSettings(ss: GSpreadsheet): void {
  ss.setSpreadsheetLocale(SPREADSHEET_LOCALE);
  ss.setSpreadsheetTimeZone(SPREADSHEET_TIME_ZONE);
}
