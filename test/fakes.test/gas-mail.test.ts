// The fake's MailApp: messages recorded, a daily quota counted in recipients that refills the next
// day, and the documented error over the quota.
import { createGasFake, OVER_QUOTA } from '../fakes/gas';

const USER = 'lan@example.gov.vn';

function world() {
  let now = new Date(2024, 10, 20, 9, 0).getTime();
  const fake = createGasFake({ user: USER, now: () => new Date(now) });
  return { fake, advance: (ms: number) => (now += ms) };
}

const msg = (to: string) => ({ to, subject: 'Nhắc nộp', body: 'Kính gửi', name: 'DVCQ' });

describe('MailApp fake', () => {
  it('records each message with its sender, and counts the calls', () => {
    const { fake } = world();
    fake.MailApp.sendEmail(msg('a@example.com'));
    expect(fake.mail.sent).toEqual([
      { to: 'a@example.com', subject: 'Nhắc nộp', body: 'Kính gửi', name: 'DVCQ', from: USER, at: new Date(2024, 10, 20, 9, 0) },
    ]);
    expect(fake.calls.count('MailApp.sendEmail')).toBe(1);
  });

  it('has 100 recipients a day, one less per recipient, and throws over the quota without sending', () => {
    const { fake } = world();
    expect(fake.MailApp.getRemainingDailyQuota()).toBe(100);
    fake.MailApp.sendEmail(msg('a@example.com, b@example.com'));
    expect(fake.MailApp.getRemainingDailyQuota()).toBe(98);
    fake.mail.setDailyQuota(3);
    expect(fake.MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => fake.MailApp.sendEmail(msg('c@example.com, d@example.com'))).toThrow(OVER_QUOTA);
    fake.MailApp.sendEmail(msg('c@example.com'));
    expect(fake.MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => fake.MailApp.sendEmail(msg('d@example.com'))).toThrow(OVER_QUOTA);
    expect(fake.mail.sent.map((m) => m.to)).toEqual(['a@example.com, b@example.com', 'c@example.com']);
  });

  it('refills the quota the next day', () => {
    const { fake, advance } = world();
    fake.mail.setDailyQuota(1);
    fake.MailApp.sendEmail(msg('a@example.com'));
    expect(fake.MailApp.getRemainingDailyQuota()).toBe(0);
    advance(24 * 3600_000);
    expect(fake.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it('refuses an invalid address', () => {
    const { fake } = world();
    expect(() => fake.MailApp.sendEmail(msg('không phải email'))).toThrow('Invalid email: không phải email');
    expect(fake.mail.sent).toEqual([]);
  });
});
