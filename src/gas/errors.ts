// Errors the user reads: always Vietnamese, never a stack trace.

/** An expected problem, with a message written for the user. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Common Apps Script errors, said in Vietnamese. */
const KNOWN: Array<[RegExp, string]> = [
  [/lock timeout|another process was holding the lock/i, 'một người khác đang cập nhật bảng điều khiển; vui lòng thử lại sau ít phút.'],
  [/exceeded maximum execution time|too many times|quota|rate limit/i, 'Google tạm giới hạn số lệnh hoặc thời gian chạy; vui lòng chờ ít phút rồi chạy lại (công việc sẽ làm tiếp từ chỗ dừng).'],
  [/protected cell|protected range/i, 'ô cần ghi đang được bảo vệ; chỉ chủ sở hữu biểu mẫu mới sửa được.'],
  [/has not been used in project|access not configured|drive api.*(disabled|not enabled)/i, 'Drive API chưa được bật trong dự án Google Cloud của Apps Script; hãy bật Drive API cho dự án đó rồi chạy lại.'],
  [/permission|access denied|not authorized/i, 'tài khoản đang dùng không có quyền truy cập tệp hoặc thư mục cần thiết.'],
  [/no item with the given id|file not found|is missing \(perhaps it was deleted/i, 'không tìm thấy tệp (có thể đã bị xóa hoặc không còn quyền truy cập).'],
];

/** The Vietnamese message for any error thrown while doing `action` ("Tạo báo cáo"…). */
export function userMessage(e: unknown, action: string): string {
  if (e instanceof UserError) return e.message;
  const raw = e instanceof Error ? e.message : String(e);
  // Apps Script prefixes its own messages with "Exception: " (advanced services with
  // "GoogleJsonResponseException: API call to … failed with error: "); keep only the first line.
  const detail = raw.replace(/^(Exception|GoogleJsonResponseException):\s*/, '').replace(/^API call to [\w.]+ failed with error:\s*/, '').split('\n')[0].slice(0, 300);
  const known = KNOWN.find(([re]) => re.test(detail));
  if (known) return `${action}: ${known[1]}`;
  return `${action}: đã xảy ra lỗi không mong muốn (${detail || 'không rõ nguyên nhân'}). Vui lòng thử lại; nếu lỗi lặp lại, báo cho người quản trị.`;
}
