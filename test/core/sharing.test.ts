import { isShared, shareMessage, shareTarget } from '../../src/core/sharing';

describe('who gets a unit`s file', () => {
  it('the scorer`s valid e-mail, trimmed; a blank or invalid one says what to do', () => {
    expect(shareTarget({ email: '  minh@binhhai.gov.vn ' })).toEqual({ email: 'minh@binhhai.gov.vn' });
    expect(shareTarget({ email: '' })).toEqual({
      problem:
        'chưa có email người chấm; biểu mẫu đã được tạo nhưng chưa chia sẻ cho người chấm. Ghi email vào cột «Email người chấm» rồi chạy lại.',
    });
    expect(shareTarget({ email: 'minh@' })).toEqual({
      problem: 'email người chấm «minh@» không hợp lệ; biểu mẫu đã được tạo nhưng chưa chia sẻ cho người chấm. Sửa email rồi chạy lại.',
    });
  });

  it('a file is shared again when the e-mail changed or sharing failed; case and spaces do not count', () => {
    expect(isShared('Minh@BinhHai.gov.vn', { email: ' minh@binhhai.gov.vn' })).toBe(true);
    expect(isShared('cu@binhhai.gov.vn', { email: 'minh@binhhai.gov.vn' })).toBe(false);
    expect(isShared('', { email: 'minh@binhhai.gov.vn' })).toBe(false);
    expect(isShared(undefined, { email: 'minh@binhhai.gov.vn' })).toBe(true);
  });

  it('the e-mail names the year and the unit', () => {
    expect(shareMessage({ name: 'Xã Bình Hải' }, 2025)).toMatch(
      /^Anh\/chị được chia sẻ biểu mẫu chấm điểm công tác dân vận chính quyền năm 2025 của đơn vị Xã Bình Hải\./,
    );
  });
});
