// "Tạo biểu mẫu chấm điểm": one spreadsheet per unit, in chunks that stop well before Apps
// Script's 6-minute limit. Idempotent and resumable: a unit whose file exists is skipped, a file
// id is remembered right after the copy, a trashed or deleted file is reported, never recreated
// silently (write «Tạo lại» in `Trạng thái` to ask for a new one). The address a file was shared
// with is remembered too: a failed share is tried again on every run, and a corrected e-mail gets
// the file; a file nobody could be given is never counted as done without saying so.
import type { Rubric, Unit } from '../../core/types';
import { isValidEmail } from '../../core/text';
import { isShared, shareFailed, shareMessage, shareTarget } from '../../core/sharing';
import { parseCursor } from '../../core/gas-support';
import type { JobChunk } from '../api';
import { Env, timer } from '../env';
import { userMessage } from '../errors';
import { FileRecord, KEYS, MasterRecord, Store } from '../store';
import { appendLog, ControlData, readControlData, withLock, writeUnitColumns } from '../control-io';
import { FileState, planTemplateUnit, readyLine, TemplateDone, templatesWrites } from '../../core/steps/templates';
import { blockedMessage, stepBlockers } from '../../core/steps/plan';
import { ensureRootFolder, GroupFolders } from '../folders';
import { ensureMaster, personalize, unitFileName } from '../unit-files';
import { fileRecord, unitLabel } from '../files';
import { copyFile, DriveEntry, fileState, shareWithEditor } from '../drive';
import { scorerMaster, unboundNote } from '../scorer-master';

const STEP = 'templates';
const MIN_RESERVE_MS = 20_000;

interface Cursor {
  i: number;
}

type Outcome = 'created' | 'exists' | 'finished' | 'error';

interface Context {
  env: Env;
  store: Store;
  data: ControlData;
  groups: GroupFolders;
  masters: Map<string, MasterRecord>;
  errors: JobChunk['errors'];
  /** The file of each unit handled in this chunk (created or kept), for the core's status and link. */
  done: TemplateDone;
  root: DriveEntry;
}

function report(ctx: Context, unit: Unit, message: string) {
  ctx.errors.push({ unit: unitLabel(unit), message: `${unitLabel(unit)}: ${message}` });
}

/**
 * Share the unit's file with its scorer; returns the address it is now shared with ('' when it
 * could not be: no address, an invalid one, or Google refused — each reported for the unit).
 */
function share(ctx: Context, fileId: string, unit: Unit): string {
  const target = shareTarget(unit);
  if ('problem' in target) {
    report(ctx, unit, target.problem);
    return '';
  }
  try {
    shareWithEditor(ctx.env, fileId, target.email, shareMessage(unit, ctx.data.control.settings.year));
    return target.email;
  } catch (e) {
    report(ctx, unit, shareFailed(target.email, userMessage(e, 'Chia sẻ', ctx.env.gas.Logger)));
    return '';
  }
}

function master(ctx: Context, rubric: Rubric): MasterRecord {
  let m = ctx.masters.get(rubric.id);
  if (!m) {
    m = ensureMaster(ctx.env, ctx.store, ctx.data.control.settings, rubric, ctx.root.id);
    ctx.masters.set(rubric.id, m);
  }
  return m;
}

function ensureUnit(ctx: Context, unit: Unit): Outcome {
  const { env, store } = ctx;
  const { control } = ctx.data;
  const settings = control.settings;
  const key = KEYS.file(settings.year, unit.code);
  const known = fileRecord(store, settings.year, unit);
  const drive = known ? fileState(env, known.id) : null;
  const file: FileState = !known
    ? { state: 'none' }
    : drive!.state === 'ok'
      ? { state: 'ok', link: known.url }
      : { state: drive!.state === 'trashed' ? 'trashed' : 'gone', link: known.url };
  const action = planTemplateUnit(control, unit, file);
  if (action.kind === 'skip') {
    ctx.errors.push({ unit: unitLabel(unit), message: action.message });
    return 'error';
  }
  const rubric = control.rubrics[unit.rubricId];
  if (known && file.state === 'ok') {
    if (known.state === 'pending') {
      personalize(env, known.id, settings, rubric, unit);
      const sharedWith = share(ctx, known.id, unit);
      store.setJson(key, { ...known, state: 'ok', sharedWith } satisfies FileRecord);
      ctx.done.set(unit.code, { link: known.url });
      return 'finished';
    }
    // A record from before `sharedWith` existed: taken as shared with the unit's (valid) e-mail.
    const legacy = unit.email.trim();
    let record: FileRecord = known.sharedWith === undefined ? { ...known, sharedWith: isValidEmail(legacy) ? legacy : '' } : known;
    if (!isShared(record.sharedWith, unit)) {
      // Not shared yet (a failure, no address), or the address was corrected: share again.
      record = { ...record, sharedWith: share(ctx, known.id, unit) || record.sharedWith };
    }
    if (!store.get(key) || JSON.stringify(store.getJson<FileRecord>(key)) !== JSON.stringify(record)) store.setJson(key, record);
    ctx.done.set(unit.code, { link: known.url });
    return 'exists';
  }
  // A new file: none yet this year, or «Tạo lại» in place of a lost one.
  store.delete(key);
  const m = master(ctx, rubric);
  const copy = copyFile(env, m.id, unitFileName(unit, settings.year), ctx.groups.get(unit.group));
  // Sheet ids survive a copy, so the master's gid links to the copy's `Chấm điểm`.
  const record: FileRecord = { id: copy.id, url: copy.url, gid: m.gid, state: 'pending', sharedWith: '' };
  store.setJson(key, record);
  personalize(env, copy.id, settings, rubric, unit);
  const sharedWith = share(ctx, copy.id, unit);
  store.setJson(key, { ...record, state: 'ok', sharedWith } satisfies FileRecord);
  ctx.done.set(unit.code, { link: record.url });
  return 'created';
}

/** Units whose file is made (not counting units with errors this run), and how many of them are shared. */
function countReady(ctx: Context, units: Unit[], bad: Set<string>): { ready: number; shared: number } {
  const year = ctx.data.control.settings.year;
  let ready = 0;
  let shared = 0;
  for (const u of units) {
    const r = ctx.store.getJson<FileRecord>(KEYS.file(year, u.code));
    if (bad.has(u.code) || r?.state !== 'ok') continue;
    ready++;
    if (isShared(r.sharedWith, u)) shared++;
  }
  return { ready, shared };
}

/**
 * One chunk of the templates job, from `cursorText` (null: from the first unit). The whole chunk
 * holds the document lock: a second run started meanwhile (a double click) waits, then finds the
 * files already made, instead of copying them twice.
 */
export function runTemplatesChunk(env: Env, cursorText: string | null): JobChunk {
  return withLock(env, () => templatesChunk(env, cursorText));
}

function templatesChunk(env: Env, cursorText: string | null): JobChunk {
  const clock = timer(env);
  const data = readControlData(env);
  const store = new Store(env);
  const { settings, units } = data.control;
  const total = units.length;
  const base: JobChunk = { step: STEP, done: 0, total, finished: true, cursor: null, message: '', errors: [], links: [] };
  const blockers = stepBlockers(data.control, 'templates');
  if (blockers.length) {
    const message = blockedMessage('templates', blockers);
    return { ...base, message, failed: message };
  }
  if (!total) return { ...base, message: 'Chưa có đơn vị nào trong sheet «Đơn vị».' };

  const root = ensureRootFolder(env, store, settings, data.ss, data.grids.config);
  const ctx: Context = {
    env,
    store,
    data,
    root,
    groups: new GroupFolders(env, store, settings.year, root),
    masters: new Map(),
    errors: [],
    done: new Map(),
  };
  const start = Math.min(Math.max(0, parseCursor<Cursor>(cursorText)?.i ?? 0), total);
  const counts: Record<Outcome, number> = { created: 0, exists: 0, finished: 0, error: 0 };
  const bad = new Set<string>();
  let slowest = 0;
  let i = start;
  try {
    for (; i < total; i++) {
      if (i > start && !clock.hasTime(Math.max(MIN_RESERVE_MS, 2 * slowest))) break;
      const began = env.clock();
      const unit = units[i];
      let outcome: Outcome = 'error';
      try {
        outcome = ensureUnit(ctx, unit);
      } catch (e) {
        report(ctx, unit, userMessage(e, 'Tạo biểu mẫu', env.gas.Logger));
      }
      counts[outcome]++;
      if (outcome === 'error') bad.add(unit.code);
      slowest = Math.max(slowest, env.clock() - began);
    }
  } finally {
    // Whatever happened, record what was done (the file ids are already in DocumentProperties).
    withLock(env, () => {
      const writes = templatesWrites(data.control, ctx.done);
      for (const f of writes.findings) ctx.errors.push({ unit: f.unitCode, message: f.message });
      writeUnitColumns(env, data.ss, writes);
      appendLog(
        env,
        data.ss,
        'Tạo biểu mẫu chấm điểm',
        `Đơn vị ${start + 1}–${i}/${total}: tạo mới ${counts.created}, đã có ${counts.exists + counts.finished}, lỗi ${ctx.errors.length}.`,
      );
    });
  }
  const finished = i >= total;
  if (finished) store.delete(KEYS.cursor(STEP));
  else store.setJson(KEYS.cursor(STEP), { i, at: env.clock() });
  const { ready, shared } = countReady(ctx, units, bad);
  // Only a file its scorer was given counts as done; the others are said.
  const done = shared;
  const message = finished
    ? readyLine(ready, total, ready - shared) + (ctx.errors.length ? `; ${ctx.errors.length} việc cần xử lý (xem danh sách lỗi).` : '.')
    : `${done}/${total} đơn vị…`;
  // Files copied in this chunk from a master without the scorer's bound script: said plainly at the end.
  const unbound = finished && [...ctx.masters.values()].some((m) => !m.scorerScript);
  return {
    ...base,
    done,
    finished,
    cursor: finished ? null : JSON.stringify({ i }),
    message: unbound ? `${message} ${unboundNote(scorerMaster(env, store))}` : message,
    errors: ctx.errors,
    links: [{ label: `Thư mục Drive «${root.name}»`, url: root.url }],
  };
}
