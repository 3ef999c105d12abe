/**
 * MailApp fake: sendEmail(message) records the message; the daily quota counts recipients
 * (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()),
 * 100 a day for a personal account by default, and is refilled on the next calendar day of the
 * context's time zone (Google refreshes it within 24 hours at a time that varies — fake). Over the
 * quota sendEmail throws "Service invoked too many times for one day: email." (the message listed
 * on https://developers.google.com/apps-script/guides/services/quotas).
 */
import type { GMailApp } from '../../../src/gas/services';
import type { FakeContext } from './context';
import { fail } from './errors';

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  name: string | null;
  from: string;
  at: Date;
}

export const OVER_QUOTA = 'Service invoked too many times for one day: email.';

export class MailState {
  /** Recipients a day (a personal account: 100). */
  dailyQuota = 100;
  readonly sent: SentMail[] = [];
  constructor(private readonly ctx: FakeContext) {}
  day(d: Date = this.ctx.now()): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.ctx.timeZone }).format(d);
  }
  remaining(): number {
    const today = this.day();
    const used = this.sent.filter((m) => this.day(m.at) === today).reduce((n, m) => n + m.to.split(',').length, 0);
    return Math.max(0, this.dailyQuota - used);
  }
}

export class MailAppFake implements GMailApp {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: MailState,
  ) {}
  getRemainingDailyQuota(): number {
    return this.state.remaining();
  }
  sendEmail(message: { to: string; subject: string; body: string; name?: string }): void {
    const to = String(message.to ?? '').trim();
    const recipients = to.split(',').map((s) => s.trim());
    for (const r of recipients) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r)) fail(`Invalid email: ${r}`);
    if (recipients.length > this.state.remaining()) fail(OVER_QUOTA);
    this.state.sent.push({
      to,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      name: message.name ?? null,
      from: this.ctx.user,
      at: new Date(this.ctx.now().getTime()),
    });
  }
}
