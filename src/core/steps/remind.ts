// «Nhắc đơn vị chưa nộp»: after `Hạn nộp`, one reminder to each unit that has not submitted, with
// what is still missing in its file. The record of reminders (`Nhắc nộp`, owner-side) keeps a unit
// from being reminded twice within REMIND_AGAIN_DAYS, so a run stopped by the daily mail quota
// continues the next day with the units not yet reminded.
import type { Control } from '../control';
import type { Grid, Unit } from '../types';
import { readSource, UnitSource } from '../assess';
import { REMINDER_COLUMNS, SHEETS, UNIT_COLUMNS } from '../schema';
import { readTable, tableGrid } from '../table';
import { cellText, parseScore } from '../text';
import { formatDateShort } from '../format';
import { leaves } from '../rubric';
import { validateEntries } from '../validate';
import { isSubmitted } from '../status';
import { shareTarget } from '../sharing';
import { decideUnit } from './assess';
import { blockedMessage, stepBlockers } from './plan';

/** A unit reminded is not reminded again before this many days. */
export const REMIND_AGAIN_DAYS = 7;
const DAY = 86_400_000;

export interface ReminderRecord {
  year: number;
  code: string;
  name: string;
  email: string;
  sentAt: Date;
}

export interface Reminder {
  code: string;
  name: string;
  to: string;
  subject: string;
  body: string;
}

export interface RemindInput {
  sources: Record<string, UnitSource | undefined>;
  /** `Nhắc nộp` as read (undefined: no such sheet yet). */
  sent: Grid | undefined;
  today: Date;
  /** How many e-mails may be sent now (the add-on: MailApp's remaining daily quota; offline: Infinity). */
  quota: number;
}

export interface RemindOutput {
  blockers: string[];
  reminders: Reminder[];
  /** Late units left for the next run (quota reached). */
  deferred: Unit[];
  /** Late units that cannot be reminded, and why. */
  skipped: Array<{ unit: Unit; reason: string }>;
  /** `Nhắc nộp` with the reminders of this run added: write it once they are sent. */
  record: (sent: Reminder[]) => Grid;
  message: string;
}

const dayOf = (d: Date) => Math.floor((d.getTime() - d.getTimezoneOffset() * 60_000) / DAY);

function readRecords(grid: Grid | undefined): ReminderRecord[] {
  if (!grid) return [];
  return readTable(grid, REMINDER_COLUMNS, ['code', 'sentAt']).rows.flatMap((r) => {
    const at = r.sentAt instanceof Date ? r.sentAt : null;
    const year = parseScore(r.year);
    return at
      ? [
          {
            year: year.kind === 'number' ? year.value : 0,
            code: cellText(r.code),
            name: cellText(r.name),
            email: cellText(r.email),
            sentAt: at,
          },
        ]
      : [];
  });
}

/** What the unit's file still lacks: criteria without a self-score, and errors to fix. */
function stillMissing(control: Control, unit: Unit, source: UnitSource | undefined): string {
  const rubric = control.rubrics[unit.rubricId];
  if (!rubric || !source || 'missing' in source) return 'đơn vị chưa nhập điểm vào biểu mẫu.';
  const read = readSource(control, unit, rubric, source);
  const blank = leaves(rubric, 'score').filter((c) => cellText(read.entries[c.code]?.self ?? null) === '');
  const unscored = new Set(blank.map((c) => c.code));
  const errors = validateEntries(unit, rubric, read.entries, control.settings.scoring).filter(
    (f) => f.severity === 'Lỗi' && !unscored.has(f.criterion ?? ''),
  ).length;
  const parts: string[] = [];
  if (blank.length) {
    const shown = blank.slice(0, 8).map((c) => c.code);
    parts.push(`${blank.length} tiêu chí chưa chấm (${shown.join(', ')}${blank.length > shown.length ? ', …' : ''})`);
  }
  if (errors) parts.push(`${errors} ô nhập cần sửa (mở biểu mẫu để xem chi tiết)`);
  return parts.length ? `${parts.join('; ')}.` : 'biểu mẫu đã chấm đủ nhưng chưa bấm «Nộp kết quả».';
}

function reminderOf(control: Control, unit: Unit, to: string, source: UnitSource | undefined, today: Date): Reminder {
  const { year, deadline } = control.settings;
  const late = deadline ? Math.max(0, dayOf(today) - dayOf(deadline)) : 0;
  const link = cellText(unit.link ?? '') || (source && 'link' in source ? (source.link ?? '') : '');
  const body = [
    `Kính gửi: ${unit.name}`,
    '',
    `Hạn nộp kết quả tự chấm điểm công tác dân vận chính quyền năm ${year} là ngày ${formatDateShort(deadline!)}` +
      `${late ? ` (đã quá ${late} ngày)` : ''}. Đến nay đơn vị chưa nộp kết quả.`,
    '',
    `Còn thiếu: ${stillMissing(control, unit, source)}`,
    ...(link ? ['', `Biểu mẫu chấm điểm của đơn vị: ${link}`] : []),
    '',
    'Đề nghị đơn vị hoàn thành biểu mẫu và nộp kết quả trong thời gian sớm nhất.',
    'Nếu cần hỗ trợ, vui lòng trả lời thư này.',
  ].join('\n');
  return {
    code: unit.code,
    name: unit.name,
    to,
    subject: `Nhắc nộp kết quả tự chấm điểm công tác dân vận chính quyền năm ${year} — ${unit.name}`,
    body,
  };
}

export function remindStep(control: Control, input: RemindInput): RemindOutput {
  const { year, deadline } = control.settings;
  const records = readRecords(input.sent);
  const record = (sent: Reminder[]) =>
    tableGrid(REMINDER_COLUMNS, [
      ...records.map((r) => ({ ...r })),
      ...sent.map((s) => ({ year, code: s.code, name: s.name, email: s.to, sentAt: input.today })),
    ]);
  const none = { reminders: [], deferred: [], skipped: [], record };
  const blocked = stepBlockers(control, 'remind');
  if (blocked.length) return { ...none, blockers: [blockedMessage('remind', blocked)], message: blockedMessage('remind', blocked) };
  if (!deadline)
    return {
      ...none,
      blockers: [`Chưa có «Hạn nộp» trong sheet «${SHEETS.config}» (ngày/tháng/năm); chưa biết đơn vị nào nộp chậm.`],
      message: `Chưa nhắc: chưa có «Hạn nộp» trong sheet «${SHEETS.config}».`,
    };
  if (dayOf(input.today) <= dayOf(deadline))
    return { ...none, blockers: [], message: `Chưa đến hạn nộp (${formatDateShort(deadline)}); chưa có đơn vị nộp chậm để nhắc.` };

  const recent = new Set(
    records.filter((r) => r.year === year && dayOf(input.today) - dayOf(r.sentAt) < REMIND_AGAIN_DAYS).map((r) => r.code.toUpperCase()),
  );
  const late = control.units.filter((u) => {
    const decided = decideUnit(control, u, input.sources[u.code], input.today).status;
    return !isSubmitted({ ...u, status: decided ?? u.status });
  });
  const reminders: Reminder[] = [];
  const deferred: Unit[] = [];
  const skipped: Array<{ unit: Unit; reason: string }> = [];
  let already = 0;
  for (const u of late) {
    if (recent.has(u.code.toUpperCase())) {
      already++;
      continue;
    }
    const target = shareTarget(u);
    if ('problem' in target) {
      skipped.push({ unit: u, reason: `chưa nhắc được: ${target.problem.split(';')[0]} (cột «${UNIT_COLUMNS.email}»).` });
      continue;
    }
    if (reminders.length >= input.quota) deferred.push(u);
    else reminders.push(reminderOf(control, u, target.email, input.sources[u.code], input.today));
  }
  const parts = [
    `${late.length}/${control.units.length} đơn vị chưa nộp sau hạn ${formatDateShort(deadline)}`,
    `nhắc ${reminders.length} đơn vị`,
  ];
  if (already) parts.push(`${already} đơn vị đã được nhắc trong ${REMIND_AGAIN_DAYS} ngày qua nên không nhắc lại`);
  if (skipped.length) parts.push(`${skipped.length} đơn vị không có email hợp lệ (${skipped.map((s) => s.unit.name).join(', ')})`);
  if (deferred.length)
    parts.push(
      `${deferred.length} đơn vị chưa nhắc vì đã hết hạn mức gửi thư trong ngày; chạy lại bước này vào ngày mai để nhắc tiếp (không ai nhận trùng thư)`,
    );
  return { blockers: [], reminders, deferred, skipped, record, message: `${parts.join('; ')}.` };
}
