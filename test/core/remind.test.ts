// «Nhắc đơn vị chưa nộp»: who is late, what the e-mail says, the daily quota and the next day.
import { readControl } from '../../src/core/control';
import { newControlSheets } from '../../src/core/control-template';
import { SHEETS } from '../../src/core/schema';
import { remindStep, REMIND_AGAIN_DAYS } from '../../src/core/steps/remind';

/** The 2024 district sample with three late units; `edit` changes a unit's row of `Đơn vị`. */
function controlOf(deadline: string | null, edit: (row: (string | number | null)[], header: string[]) => void = () => {}) {
  const sheets = Object.fromEntries(newControlSheets({ year: 2024, sample: 'binh-son-2024' }).map((s) => [s.name, s.grid]));
  const config = sheets[SHEETS.config].map((r) => (r[0] === 'Hạn nộp' ? [r[0], deadline, r[2]] : r));
  const units = sheets[SHEETS.units].map((r) => [...r]) as (string | number | null)[][];
  const header = units[0] as string[];
  const status = header.indexOf('Trạng thái');
  for (const r of units.slice(1)) if (['BS-X02', 'BS-X03', 'BS-P09'].includes(String(r[0]))) r[status] = 'Đang chấm';
  for (const r of units.slice(1)) edit(r, header);
  return readControl({ config, units, criteria: sheets[SHEETS.criteria], levels: sheets[SHEETS.levels] });
}

const day = (d: number) => new Date(2024, 10, d, 9, 0);

describe('remindStep', () => {
  it('reminds nobody before the deadline, and stops without a deadline', () => {
    const before = remindStep(controlOf('15/11/2024'), { sources: {}, sent: undefined, today: day(15), quota: 100 });
    expect(before.reminders).toEqual([]);
    expect(before.message).toContain('Chưa đến hạn nộp (15/11/2024)');
    const none = remindStep(controlOf(null), { sources: {}, sent: undefined, today: day(20), quota: 100 });
    expect(none.blockers[0]).toContain('Chưa có «Hạn nộp» trong sheet «Cấu hình»');
  });

  it('writes each late unit an e-mail in Vietnamese: the unit, the deadline, its file, what is missing', () => {
    const out = remindStep(controlOf('15/11/2024'), { sources: {}, sent: undefined, today: day(20), quota: 100 });
    expect(out.reminders.map((r) => r.code)).toEqual(['BS-X02', 'BS-X03', 'BS-P09']);
    const r = out.reminders[0];
    expect(r.to).toBe('binhan.binhson@example.com');
    expect(r.subject).toBe('Nhắc nộp kết quả tự chấm điểm công tác dân vận chính quyền năm 2024 — Xã Bình An');
    expect(r.body).toContain('Kính gửi: Xã Bình An');
    expect(r.body).toContain('là ngày 15/11/2024 (đã quá 5 ngày)');
    expect(r.body).toContain('Còn thiếu: đơn vị chưa nhập điểm vào biểu mẫu.');
    expect(out.message).toBe('3/33 đơn vị chưa nộp sau hạn 15/11/2024; nhắc 3 đơn vị.');
  });

  it('stops at the quota and goes on the next day with the others only, nobody twice', () => {
    const control = controlOf('15/11/2024');
    const first = remindStep(control, { sources: {}, sent: undefined, today: day(20), quota: 1 });
    expect(first.reminders.map((r) => r.code)).toEqual(['BS-X02']);
    expect(first.deferred.map((u) => u.code)).toEqual(['BS-X03', 'BS-P09']);
    expect(first.message).toContain('2 đơn vị chưa nhắc vì đã hết hạn mức gửi thư trong ngày; chạy lại bước này vào ngày mai');
    const sent = first.record(first.reminders);
    expect(sent).toEqual([
      ['Năm', 'Mã đơn vị', 'Tên đơn vị', 'Email', 'Thời điểm gửi'],
      [2024, 'BS-X02', 'Xã Bình An', 'binhan.binhson@example.com', day(20)],
    ]);
    const next = remindStep(control, { sources: {}, sent, today: day(21), quota: 100 });
    expect(next.reminders.map((r) => r.code)).toEqual(['BS-X03', 'BS-P09']);
    expect(next.message).toContain(`1 đơn vị đã được nhắc trong ${REMIND_AGAIN_DAYS} ngày qua nên không nhắc lại`);
    // A week later, a unit still late is reminded again.
    const later = remindStep(control, { sources: {}, sent: next.record(next.reminders), today: day(20 + REMIND_AGAIN_DAYS), quota: 100 });
    expect(later.reminders.map((r) => r.code)).toEqual(['BS-X02']);
  });

  it('names a late unit without a valid e-mail instead of skipping it silently', () => {
    const control = controlOf('15/11/2024', (r, h) => {
      if (r[0] === 'BS-X03') r[h.indexOf('Email người chấm')] = 'không có';
    });
    const out = remindStep(control, { sources: {}, sent: undefined, today: day(20), quota: 100 });
    expect(out.reminders.map((r) => r.code)).toEqual(['BS-X02', 'BS-P09']);
    expect(out.skipped.map((s) => s.unit.code)).toEqual(['BS-X03']);
    expect(out.skipped[0].reason).toContain('email người chấm «không có» không hợp lệ');
    expect(out.message).toContain('1 đơn vị không có email hợp lệ (Xã Bình Chánh)');
  });
});
