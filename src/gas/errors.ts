// Errors the user reads: always Vietnamese, never a stack trace, never raw English (the raw text
// goes to the execution log through the logger given to userMessage).

/** An expected problem, with a message written for the user. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A copy's protections could not be set to "owner only" (checked after setting them): the file is not shared. */
export const PROTECTION_NOT_SET =
  'không khóa được các ô chỉ chủ sở hữu được sửa (bảo vệ sheet của tệp biểu mẫu); tệp chưa được chia sẻ cho người chấm. Hãy chạy lại; nếu lỗi lặp lại, báo người quản trị.';

/** Where the raw English detail of an error is written (Apps Script's Logger, or the fake's). */
export interface ErrorLog {
  log(data: string): unknown;
}

/** Google is busy or slow for a moment: retrying later usually works. */
export const TRANSIENT =
  /timed out|timeout|too many simultaneous invocations|service (is )?(unavailable|error)|server error occurred|internal error|backend error|try again later|please wait a bit|rate limit|too many requests|address unavailable/i;

/** True when `e` looks like a passing failure of a Google service (see TRANSIENT). */
export function isTransient(e: unknown): boolean {
  // By message only: `e.details.code` is not documented by Apps Script.
  return TRANSIENT.test(rawMessage(e)) && !/lock timeout|another process was holding the lock/i.test(rawMessage(e));
}

/** Common Apps Script errors, said in Vietnamese (first match wins). */
const KNOWN: Array<[RegExp, string]> = [
  [/lock timeout|another process was holding the lock/i, 'một người khác đang cập nhật bảng điều khiển; vui lòng thử lại sau ít phút.'],
  // The store of the add-on's records is full (500 KB) or one value is too big (9 KB)
  // (https://developers.google.com/apps-script/guides/services/quotas): waiting does not help.
  [
    /property storage quota|argument too large/i,
    'bộ nhớ riêng của công cụ trong bảng điều khiển này đã đầy (Google cho tối đa 500 KB, mỗi mục 9 KB); chờ rồi chạy lại sẽ không giúp được. Các tệp đã tạo vẫn được giữ và sẽ được nhận lại, không tạo trùng. Hãy báo người quản trị công cụ (kèm nhật ký thực thi của Apps Script) để dọn dữ liệu cũ trong bảng điều khiển.',
  ],
  // A daily quota ("Service invoked too many times for one day: …"): over until the next day.
  [
    /too many times for one day/i,
    'Google đã dùng hết hạn mức trong ngày của tài khoản này cho dịch vụ cần thiết; chờ vài phút sẽ không đủ. Hãy chạy lại vào ngày mai (công việc sẽ làm tiếp từ chỗ dừng).',
  ],
  [
    /exceeded maximum execution time|too many times|quota|rate limit/i,
    'Google tạm giới hạn số lệnh hoặc thời gian chạy; vui lòng chờ ít phút rồi chạy lại (công việc sẽ làm tiếp từ chỗ dừng).',
  ],
  [TRANSIENT, 'dịch vụ của Google tạm thời không phản hồi; vui lòng chạy lại sau ít phút (công việc sẽ làm tiếp từ chỗ dừng).'],
  [/protected cell|protected range/i, 'ô cần ghi đang được bảo vệ; chỉ chủ sở hữu biểu mẫu mới sửa được.'],
  [
    /has not been used in project|access not configured|drive api.*(disabled|not enabled)/i,
    'Drive API chưa được bật trong dự án Google Cloud của Apps Script; hãy bật Drive API cho dự án đó rồi chạy lại.',
  ],
  // Sharing refused by the organisation's policy, or an address without a Google account.
  [
    /invalid sharing request|sharing (is )?(not allowed|restricted|disabled)|domain policy|(cannot|can't|not allowed to) share|outside (of )?(your |the )?(domain|organi[sz]ation)|shareOutNotPermitted|cannotShare|no google account|notify people/i,
    'Google từ chối chia sẻ tệp với địa chỉ này (chính sách chia sẻ của tổ chức không cho phép chia sẻ ra ngoài, hoặc địa chỉ không gắn với tài khoản Google). Kiểm tra lại email hoặc nhờ quản trị Google Workspace cho phép.',
  ],
  [/permission|access denied|not authorized/i, 'tài khoản đang dùng không có quyền truy cập tệp hoặc thư mục cần thiết.'],
  [
    /no item with the given id|file not found|is missing \(perhaps it was deleted/i,
    'không tìm thấy tệp (có thể đã bị xóa hoặc không còn quyền truy cập).',
  ],
];

/** The message of any thrown value, without Apps Script's prefixes, first line only. */
export function rawMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // Apps Script prefixes its own messages with "Exception: " (advanced services with
  // "GoogleJsonResponseException: API call to … failed with error: "); keep only the first line.
  return raw
    .replace(/^(Exception|GoogleJsonResponseException):\s*/, '')
    .replace(/^API call to [\w.]+ failed with error:\s*/, '')
    .split('\n')[0]
    .slice(0, 300);
}

/**
 * The Vietnamese message for any error thrown while doing `action` ("Tạo báo cáo"…). The raw
 * (English) detail is never part of it: it is written to `log` (the execution log) instead.
 */
export function userMessage(e: unknown, action: string, log?: ErrorLog): string {
  if (e instanceof UserError) return e.message;
  const detail = rawMessage(e);
  try {
    log?.log(`${action}: ${detail || String(e)}`);
  } catch {
    // Logging must never hide the message.
  }
  const known = KNOWN.find(([re]) => re.test(detail));
  if (known) return `${action}: ${known[1]}`;
  return `${action}: đã xảy ra lỗi không mong muốn. Vui lòng thử lại; nếu lỗi lặp lại, báo cho người quản trị (chi tiết được ghi trong nhật ký thực thi của Apps Script).`;
}
