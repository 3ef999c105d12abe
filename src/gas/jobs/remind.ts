// «Nhắc đơn vị chưa nộp» in the add-on: the units' files are read in chunks as the assessing jobs
// read them (jobs/assess.ts collectAll, the scratch sheet between chunks), but read only — no lock,
// no acceptance, no status copy: a reminder changes nothing in a unit's file or in `Đơn vị`. The last
// chunk asks the core (remindStep) who is late and what each still lacks, within MailApp's
// remaining daily quota, and sends one e-mail per late unit.
//
// Kill-safety: the reminders are recorded in `Nhắc nộp` (one write, flushed) BEFORE any is sent, so
// a run killed while sending never sends the same reminder again on resume: at most once, never
// twice. A unit whose send failed is taken out of the record again and reported, so the next run
// reminds it.
import type { Unit } from '../../core/types';
import type { UnitSource } from '../../core/assess';
import { remindStep, Reminder } from '../../core/steps/remind';
import { STEP_LABELS } from '../../core/steps/plan';
import { SHEETS } from '../../core/schema';
import { parseCursor } from '../../core/gas-support';
import { layoutOptions, unitSheetLayout } from '../../core/unit-sheet';
import type { JobChunk } from '../api';
import { Env, nowOf, timer } from '../env';
import { rawMessage } from '../errors';
import { FileRecord, KEYS, Store } from '../store';
import { fileRecord, unitLabel } from '../files';
import { appendLog, ControlData, readControlData, readGrid, withLock, writeToolSheet } from '../control-io';
import { Collected, collectUnit, rowsToRead } from '../collect';
import { scorerRanges } from '../unit-draw';
import { trashedIn } from '../drive';
import { dropScratch, loadScratch, saveScratch } from '../scratch';
import { collectAll, unitFolders } from './assess';

interface Cursor {
  i: number;
  run: string;
}

/** Time kept for the last phase: the core, one write, then one sendEmail per reminder. */
const FINAL_RESERVE_MS = 60_000;
/** What the sender's name shows in the scorer's mailbox. */
const SENDER_NAME = 'DVCQ';

/** A unit's file read for a reminder: its scores, with no action on the file (the owner decides nothing here). */
function readOnly(env: Env, data: ControlData, u: Unit, record: FileRecord | null, trashed: ReadonlySet<string>, rows: number): Collected {
  const rubric = data.control.rubrics[u.rubricId];
  if (!rows || !rubric) return { source: undefined };
  const ranges = () => scorerRanges(unitSheetLayout(u, rubric, layoutOptions(data.control.settings, rubric)));
  return collectUnit(env, record, rows, trashed, () => ({ lock: false, unlock: false, copy: () => null }), ranges);
}

/** One chunk of the reminders' job. */
export function runRemindChunk(env: Env, cursorText: string | null): JobChunk {
  const clock = timer(env);
  const data = readControlData(env);
  const store = new Store(env);
  const { units, settings } = data.control;
  const total = units.length;
  const cursor = parseCursor<Cursor>(cursorText);
  const run = cursor?.run ?? String(env.clock());
  const now = nowOf(env);
  const from = Math.min(Math.max(0, cursor?.i ?? 0), total);
  const base: JobChunk = { step: 'remind', done: 0, total, finished: false, cursor: null, message: '', errors: [], links: [] };
  if (!total) return { ...base, finished: true, message: 'Chưa có đơn vị nào trong sheet «Đơn vị».' };
  // Blocked, no deadline yet, deadline not passed, nobody late by `Đơn vị` (a file cannot make a unit
  // submitted in `Đơn vị` late): the core says so before any file is read. Quota 0: nothing is sent.
  if (!cursor) {
    const early = remindStep(data.control, { sources: {}, sent: readGrid(data.ss, SHEETS.reminders), today: now, quota: 0 });
    if (early.blockers.length) return { ...base, finished: true, message: early.message, failed: early.message };
    if (!early.deferred.length && !early.skipped.length) {
      withLock(env, () => appendLog(env, data.ss, STEP_LABELS.remind, early.message));
      return { ...base, done: total, finished: true, message: early.message, outcome: 'done' };
    }
  }

  const { next, collected } = collectAll(env, data, store, from, clock, FINAL_RESERVE_MS, now, readOnly);
  if (next < total) {
    withLock(env, () => saveScratch(data.ss, run, [...collected.entries()]));
    const c: Cursor = { i: next, run };
    store.setJson(KEYS.cursor('remind'), { ...c, at: env.clock() });
    return { ...base, done: next, cursor: JSON.stringify(c), message: `Đã đọc ${next}/${total} biểu mẫu…` };
  }
  if (from > 0) for (const [code, c] of loadScratch<Collected>(data.ss, run)) if (!collected.has(code)) collected.set(code, c);
  // Units read in an earlier chunk but missing from the scratch sheet are read again now.
  const again = units.filter((u) => !collected.has(u.code));
  if (again.length) {
    const trashed = trashedIn(env, unitFolders(store, settings.year, again));
    for (const u of again) {
      const rubric = data.control.rubrics[u.rubricId];
      const rows = rubric ? rowsToRead(settings, rubric) : 0;
      collected.set(u.code, readOnly(env, data, u, fileRecord(store, settings.year, u), trashed, rows));
    }
  }
  store.delete(KEYS.cursor('remind'));
  const sources: Record<string, UnitSource | undefined> = {};
  for (const [code, c] of collected) sources[code] = c.source;
  return sendReminders(env, data, sources, base, from > 0);
}

function sendReminders(
  env: Env,
  data: ControlData,
  sources: Record<string, UnitSource | undefined>,
  base: JobChunk,
  /** Earlier chunks kept what they read in the scratch sheet: dropped now. */
  scratch: boolean,
): JobChunk {
  const { ss, control } = data;
  const action = STEP_LABELS.remind;
  const chunk: JobChunk = { ...base, done: base.total, finished: true };
  // The recipients MailApp may still reach today (valid for this execution, per the reference above).
  const quota = env.gas.MailApp.getRemainingDailyQuota();
  const sent: Reminder[] = [];
  const failed: Array<{ r: Reminder; why: string }> = [];
  const out = withLock(env, () => {
    // Read under the lock: two runs at once cannot both record (and send) the same reminder.
    const o = remindStep(control, { sources, sent: readGrid(ss, SHEETS.reminders), today: nowOf(env), quota });
    if (scratch) dropScratch(ss);
    if (o.reminders.length) {
      writeToolSheet(ss, SHEETS.reminders, o.record(o.reminders));
      env.gas.SpreadsheetApp.flush();
    }
    return o;
  });
  if (out.blockers.length) return { ...chunk, done: 0, message: out.message, failed: out.message };
  // MailApp sends one message per call: there is no batch send
  // (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)), and each
  // message has its own recipient, subject and body.
  for (const r of out.reminders) {
    try {
      env.gas.MailApp.sendEmail({ to: r.to, subject: r.subject, body: r.body, name: SENDER_NAME });
      sent.push(r);
    } catch (e) {
      env.gas.Logger.log(`Gửi thư nhắc ${r.code}: ${rawMessage(e)}`);
      failed.push({ r, why: rawMessage(e) });
    }
  }
  let message = out.message;
  if (failed.length) {
    // Not sent: out of the record again, so the next run reminds them.
    message += ` Không gửi được thư cho ${failed.length} đơn vị (${failed.map((f) => f.r.name).join(', ')}); các đơn vị này sẽ được nhắc ở lần chạy sau.`;
  }
  withLock(env, () => {
    if (failed.length) writeToolSheet(ss, SHEETS.reminders, out.record(sent));
    appendLog(env, ss, action, message);
  });
  for (const s of out.skipped) chunk.errors.push({ unit: unitLabel(s.unit), message: `${s.unit.name} (${s.unit.code}): ${s.reason}` });
  for (const f of failed)
    chunk.errors.push({ unit: `${f.r.name} (${f.r.code})`, message: `${f.r.name} (${f.r.code}): chưa gửi được thư nhắc (${f.why}).` });
  chunk.message = message;
  chunk.outcome = failed.length || out.deferred.length || out.skipped.length ? 'warning' : 'done';
  return chunk;
}
