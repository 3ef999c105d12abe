import { isSubmitted, STATUS_WORDS, statusStepRefusal } from '../../src/core/status';
import { changeStatus } from '../../src/core/steps/submit';
import { unit } from './helpers';

describe('the appraisal round statuses (issue 13)', () => {
  it('lists the documented flow for the dropdown, and every status after «Đã nộp» counts as submitted', () => {
    expect(STATUS_WORDS).toEqual([
      'Đã tạo biểu mẫu',
      'Đang chấm',
      'Đã nộp',
      'Trả lại để giải trình',
      'Đã giải trình',
      'Đã thẩm định',
      'Đã công nhận',
      'Tạo lại',
    ]);
    for (const s of ['Đã nộp', 'Trả lại để giải trình', 'Đã giải trình', 'Đã thẩm định', 'đã công nhận']) {
      expect([s, isSubmitted({ status: s })]).toEqual([s, true]);
    }
    expect(isSubmitted({ status: 'Đang chấm' })).toBe(false);
  });

  it('allows the documented steps only', () => {
    const path = ['Đang chấm', 'Đã nộp', 'Trả lại để giải trình', 'Đã giải trình', 'Đã thẩm định', 'Đã công nhận'];
    for (let i = 1; i < path.length; i++) expect(statusStepRefusal(path[i - 1], path[i])).toBe('');
    expect(statusStepRefusal('Đã nộp', 'Đã thẩm định')).toBe('');
    expect(statusStepRefusal('Đã giải trình', 'Trả lại để giải trình')).toBe('');
  });

  it('refuses an illegal step with a message naming the current status', () => {
    expect(statusStepRefusal('Đang chấm', 'Đã công nhận')).toBe(
      'không chuyển được sang «Đã công nhận» vì trạng thái hiện tại là «Đang chấm»; từ trạng thái này chỉ chuyển được sang «Đã nộp».',
    );
    expect(statusStepRefusal('Trả lại để giải trình', 'Đã thẩm định')).toContain('trạng thái hiện tại là «Trả lại để giải trình»');
    expect(statusStepRefusal('Đã công nhận', 'Đang chấm')).toContain('đây là bước cuối của năm');
    expect(statusStepRefusal('Đã nộp', 'Da cong nhan')).toContain('không có trong danh sách');
  });

  it('changeStatus: the owner returns a submitted unit; an illegal step leaves the status as it was', () => {
    const u = { ...unit('A01', 'Xã An Hòa', 'Cụm 1'), status: 'Đã nộp' };
    const back = changeStatus(u, 'Trả lại để giải trình');
    expect(back).toMatchObject({ refused: false, update: { status: 'Trả lại để giải trình' } });
    expect(back.message).toBe(
      'Xã An Hòa (A01): «Đã nộp» → «Trả lại để giải trình» (chưa có hạn giải trình: ghi «Hạn giải trình» ở sheet «Cấu hình» hoặc dùng --han).',
    );
    const wrong = changeStatus({ ...u, status: 'Trả lại để giải trình' }, 'Đã công nhận');
    expect(wrong.refused).toBe(true);
    expect(wrong.update).toBeUndefined();
    expect(wrong.message).toContain('trạng thái hiện tại là «Trả lại để giải trình»');
    expect(changeStatus({ ...u, status: 'Đang chấm' }, 'Đã nộp').message).toContain('dvcq submit');
  });
});
