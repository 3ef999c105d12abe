// What a sidebar shows when a server call fails: the server's Vietnamese message as it is, the
// failures of google.script.run itself in Vietnamese, never raw English.
import { failureMessage } from '../../src/ui/rpc';

describe('failureMessage', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('keeps the server’s Vietnamese message, without Apps Script’s prefix', () => {
    expect(failureMessage(new Error('Exception: Lưu điểm: Đơn vị đã nộp kết quả.'))).toBe('Lưu điểm: Đơn vị đã nộp kết quả.');
    expect(failureMessage(new Error('Chỉ chủ sở hữu biểu mẫu (cơ quan quản lý) mới mở lại được biểu mẫu đã nộp.'))).toBe(
      'Chỉ chủ sở hữu biểu mẫu (cơ quan quản lý) mới mở lại được biểu mẫu đã nộp.',
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('says the multi-account PERMISSION_DENIED of google.script.run in Vietnamese', () => {
    const e = new Error("ScriptError: We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.");
    expect(failureMessage(e)).toBe(
      'Trình duyệt đang đăng nhập nhiều tài khoản Google; hãy dùng một tài khoản (hoặc cửa sổ ẩn danh) rồi thử lại.',
    );
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('PERMISSION_DENIED'));
  });

  it('says time-outs, network failures, authorisation and server errors in Vietnamese', () => {
    const cases: Array<[string, RegExp]> = [
      ['Exceeded maximum execution time', /^Máy chủ Apps Script chạy quá thời gian cho phép/],
      ['NetworkError: Connection failure due to HTTP 0', /^Mất kết nối mạng/],
      ['Failed to fetch', /^Mất kết nối mạng/],
      ['Authorization is required to perform that action.', /^Tiện ích chưa được cấp quyền/],
      ["ScriptError: We're sorry, a server error occurred. Please wait a bit and try again.", /^Máy chủ Google tạm thời gặp lỗi/],
      ['Script function not found: adminRun', /^Máy chủ không có chức năng/],
    ];
    for (const [raw, want] of cases) {
      const shown = failureMessage(new Error(raw));
      expect(shown).toMatch(want);
      expect(shown).not.toContain(raw);
    }
  });

  it('never shows unknown English: a Vietnamese message instead, the detail in the console', () => {
    const shown = failureMessage(new Error('TypeError: Cannot read properties of undefined (reading "x")'));
    expect(shown).toBe('Máy chủ báo lỗi không rõ nguyên nhân. Vui lòng thử lại; nếu lỗi lặp lại, báo cho người quản trị.');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Cannot read properties'));
    expect(failureMessage(undefined)).toMatch(/^Máy chủ báo lỗi không rõ nguyên nhân/);
  });
});
