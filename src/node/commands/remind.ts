// dvcq remind <ws>: «Nhắc đơn vị chưa nộp» offline. Sends nothing: one .eml per late unit (open it
// in a mail program to send) and a summary .csv, in «Nhắc nộp <date>» of the year's folder; the
// reminders go to `Nhắc nộp` so a unit is not reminded twice within a week.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { stringify } from 'csv-stringify/sync';
import { remindStep, Reminder } from '../../core/steps/remind';
import { STEP_LABELS } from '../../core/steps/plan';
import { SHEETS } from '../../core/schema';
import { unitFileStem } from '../../core/file-names';
import { Context } from '../context';
import { UserError } from '../errors';
import { writeFileSafely } from '../files';
import { yearDir } from '../workspace';
import { ControlWorkbook } from '../xlsx/control-workbook';
import { readUnitSource } from '../unit-sources';
import type { UnitSource } from '../../core/assess';
import { isSubmitted } from '../../core/status';

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The message as RFC 5322 text (UTF-8 headers and body encoded by nodemailer), not sent. */
async function eml(r: Reminder, date: Date): Promise<Buffer> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await composer.sendMail({ to: r.to, subject: r.subject, text: r.body, date });
  return info.message as Buffer;
}

export async function remind(ws: string, ctx: Context): Promise<number> {
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  // Only the files of units not yet submitted are read (an accepted unit is never reminded); a unit
  // without a valid rubric is reported by readControl and its file is not read.
  const sources: Record<string, UnitSource | undefined> = {};
  const { year } = control.settings;
  if (year)
    for (const u of control.units)
      if (!isSubmitted(u) && control.rubrics[u.rubricId]) sources[u.code] = await readUnitSource(ws, control, u);
  const out = remindStep(control, { sources, sent: book.grid(SHEETS.reminders), today: ctx.now(), quota: Infinity });
  if (out.blockers.length) throw new UserError(out.blockers.join('\n'));
  if (out.reminders.length) {
    const dir = path.join(yearDir(ws, control.settings.year), `Nhắc nộp ${isoDay(ctx.now())}`);
    for (const r of out.reminders) {
      const body = await eml(r, ctx.now());
      await writeFileSafely(path.join(dir, `${unitFileStem(r)}.eml`), (tmp) => fs.promises.writeFile(tmp, body));
    }
    // A BOM so that Excel opens the Vietnamese text as UTF-8.
    const csv =
      '\uFEFF' +
      stringify([
        ['Mã đơn vị', 'Tên đơn vị', 'Email', 'Tiêu đề', 'Tệp thư'],
        ...out.reminders.map((r) => [r.code, r.name, r.to, r.subject, `${unitFileStem(r)}.eml`]),
      ]);
    await writeFileSafely(path.join(dir, 'tong-hop.csv'), (tmp) => fs.promises.writeFile(tmp, csv, 'utf8'));
    book.replaceTable(SHEETS.reminders, out.record(out.reminders));
    ctx.out(`Đã soạn ${out.reminders.length} thư nhắc (chưa gửi) trong «${dir}».`);
  }
  for (const s of out.skipped) ctx.out(`${s.unit.name} (${s.unit.code}): ${s.reason}`);
  book.log(ctx.now(), ctx.user(), STEP_LABELS.remind, out.message);
  await book.save();
  ctx.out(out.message);
  return 0;
}
