// Errors a user can act on: the message is Vietnamese and names the place (file, sheet, cell).
// The CLI prints them as "Lỗi: …" without a stack trace.

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A file-system error (ENOENT, EACCES, EBUSY…) as a Vietnamese sentence about `file`. */
export function describeFsError(e: unknown, action: 'đọc' | 'ghi' | 'đổi tên' | 'xóa', file: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    ENOENT: 'không tìm thấy tệp hoặc thư mục',
    EACCES: 'không có quyền truy cập',
    EPERM: 'không được phép (tệp có thể đang mở trong Excel/LibreOffice hoặc chỉ đọc)',
    EBUSY: 'tệp đang được chương trình khác sử dụng (hãy đóng Excel/LibreOffice)',
    EISDIR: 'đây là một thư mục, không phải tệp',
    ENOSPC: 'ổ đĩa đã đầy',
    EROFS: 'ổ đĩa chỉ đọc',
  };
  const reason = (code && why[code]) || (e instanceof Error ? e.message : String(e));
  return `không ${action} được «${file}»: ${reason}.`;
}
