// "Tạo biểu mẫu chấm điểm": one spreadsheet per unit, in chunks that stop well before Apps
// Script's 6-minute limit. Idempotent and resumable, even when an execution is killed at any point
// or an answer from Google is lost: each copy carries the unit's identity on Drive (appProperties,
// set by the copy itself), and a unit without a record is first looked up there (one Files.list
// per group folder) and finished instead of copied again; before sharing a file not copied in this
// run, its permissions are asked, so the scorer gets one e-mail. The record is written last. A
// unit whose file exists is skipped; a trashed or deleted file is reported, never recreated
// silently (write «Tạo lại» in `Trạng thái` to ask for a new one). The address a file was shared
// with is remembered too: a failed share is tried again on every run, and a corrected e-mail gets
// the file; a file nobody could be given is never counted as done without saying so.
import type { Rubric, Unit } from '../../core/types';
import { isValidEmail } from '../../core/text';
import { isShared, shareFailed, shareMessage, shareTarget } from '../../core/sharing';
import { parseCursor } from '../../core/gas-support';
import type { JobChunk } from '../api';
import type { GUser } from '../services';
import { Env, timer } from '../env';
import { userMessage } from '../errors';
import { FileRecord, KEYS, MasterRecord, pruneOldYears, Store } from '../store';
import { appendLog, ControlData, readControlData, withLock, writeUnitColumns } from '../control-io';
import { FileState, planTemplateUnit, readyLine, TemplateDone, templatesWrites } from '../../core/steps/templates';
import { blockedMessage, stepBlockers } from '../../core/steps/plan';
import { ensureRootFolder, GroupFolders } from '../folders';
import { ensureMaster, personalize, unitFileName } from '../unit-files';
import { fileRecord, unitLabel } from '../files';
import { copyFile, DriveEntry, filesWithIdentity, fileState, permissionsOf, shareWithEditor } from '../drive';
import { scorerMaster, unboundNote } from '../scorer-master';
import { canAlreadyEdit, fileOfUnit, IdentifiedFile, unitFileIdentity } from '../../core/file-identity';

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
  /** The add-on's files of the year in each group folder, listed once per chunk when needed. */
  onDrive: Map<string, IdentifiedFile[]>;
  /** The script's user, asked once per chunk (the protections' one editor). */
  me?: GUser;
  owner?: string;
}

function report(ctx: Context, unit: Unit, message: string) {
  ctx.errors.push({ unit: unitLabel(unit), message: `${unitLabel(unit)}: ${message}` });
}

/**
 * Share the unit's file with its scorer; returns the address it is now shared with ('' when it
 * could not be: no address, an invalid one, or Google refused — each reported for the unit).
 * `fresh`: a copy made in this very run, that nobody can have been given yet; any other file's
 * permissions are asked first (one Permissions.list), so that a run killed after sharing, or a
 * share whose answer was lost, does not e-mail the scorer a second time.
 */
function share(ctx: Context, fileId: string, unit: Unit, fresh: boolean): string {
  const target = shareTarget(unit);
  if ('problem' in target) {
    report(ctx, unit, target.problem);
    return '';
  }
  try {
    if (!fresh && canAlreadyEdit(permissionsOf(ctx.env, fileId), target.email)) return target.email;
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

/** The unit's file already on Drive (made by a run that stopped before remembering it), or null. */
function foundOnDrive(ctx: Context, unit: Unit): IdentifiedFile | null {
  const folder = ctx.groups.get(unit.group);
  let files = ctx.onDrive.get(folder);
  if (!files) {
    files = filesWithIdentity(ctx.env, folder, ctx.data.control.settings.year);
    ctx.onDrive.set(folder, files);
  }
  return fileOfUnit(files, ctx.data.control.settings.year, unit);
}

/**
 * Make `fileId` the unit's finished file: its header and meta values written, its protections
 * checked, shared with its scorer, then remembered (the record is the last step: a run stopped
 * before it finds the file again on Drive and finishes it without a second copy or e-mail).
 */
function finish(ctx: Context, unit: Unit, rubric: Rubric, file: { id: string; url: string; gid: number | null }, fresh: boolean): void {
  const { env, store } = ctx;
  const settings = ctx.data.control.settings;
  ctx.me ??= env.gas.Session.getEffectiveUser();
  ctx.owner ??= ctx.me.getEmail(); // once per chunk: who reads the evidence, with the appraisal team
  personalize(env, file.id, settings, rubric, unit, ctx.me, ctx.owner);
  const sharedWith = share(ctx, file.id, unit, fresh);
  store.setFileRecord(settings.year, unit.code, { ...file, state: 'ok', sharedWith });
  ctx.done.set(unit.code, { link: file.url });
}

function ensureUnit(ctx: Context, unit: Unit): Outcome {
  const { env, store } = ctx;
  const { control } = ctx.data;
  const settings = control.settings;
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
      // A record of an older version, written right after the copy.
      finish(ctx, unit, rubric, known, false);
      return 'finished';
    }
    // A record from before `sharedWith` existed: taken as shared with the unit's (valid) e-mail.
    const legacy = unit.email.trim();
    let record: FileRecord = known.sharedWith === undefined ? { ...known, sharedWith: isValidEmail(legacy) ? legacy : '' } : known;
    if (!isShared(record.sharedWith, unit)) {
      // Not shared yet (a failure, no address), or the address was corrected: share again.
      record = { ...record, sharedWith: share(ctx, known.id, unit, false) || record.sharedWith };
    }
    store.setFileRecord(settings.year, unit.code, record);
    ctx.done.set(unit.code, { link: known.url });
    return 'exists';
  }
  // A new file: none yet this year, or «Tạo lại» in place of a lost one. A run stopped after the
  // copy (or whose copy's answer was lost) left it on Drive with the unit's identity: finish that one.
  const m = master(ctx, rubric);
  const found = foundOnDrive(ctx, unit);
  if (found) {
    finish(ctx, unit, rubric, { id: found.id, url: found.url, gid: m.gid }, false);
    return 'finished';
  }
  const copy = copyFile(env, m.id, unitFileName(unit, settings.year), ctx.groups.get(unit.group), unitFileIdentity(settings.year, unit));
  // Sheet ids survive a copy, so the master's gid links to the copy's `Chấm điểm`.
  finish(ctx, unit, rubric, { id: copy.id, url: copy.url, gid: m.gid }, true);
  return 'created';
}

/** Units whose file is made (not counting units with errors this run), and how many of them are shared. */
function countReady(ctx: Context, units: Unit[], bad: Set<string>): { ready: number; shared: number } {
  const year = ctx.data.control.settings.year;
  let ready = 0;
  let shared = 0;
  for (const u of units) {
    const r = ctx.store.fileRecord(year, u.code);
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

  // Records of years before the previous one: the store is small (see store.ts).
  pruneOldYears(store, settings.year);
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
    onDrive: new Map(),
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
