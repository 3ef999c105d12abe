// "Tạo biểu mẫu chấm điểm": one spreadsheet per unit, in chunks that stop well before Apps
// Script's 6-minute limit. Idempotent and resumable: a unit whose file exists is skipped, a file
// id is remembered right after the copy, a trashed or deleted file is reported, never recreated
// silently (write «Tạo lại» in `Trạng thái` to ask for a new one).
import type { Rubric, Unit } from '../../core/types';
import { STATUS } from '../../core/types';
import { isValidEmail, normalizeHeader } from '../../core/text';
import { parseCursor } from '../../core/gas-support';
import type { JobChunk } from '../api';
import { Env, timer } from '../env';
import { userMessage } from '../errors';
import { FileRecord, KEYS, MasterRecord, Store } from '../store';
import { appendLog, ControlData, readControlData, UnitColumnUpdate, updateUnitColumns, withLock } from '../control-io';
import { ensureRootFolder, GroupFolders } from '../folders';
import { ensureMaster, personalize, unitFileName } from '../unit-files';
import { fileRecord, unitLabel } from '../files';
import { copyFile, DriveEntry, fileState, shareWithEditor } from '../drive';

/** Written by the admin in `Trạng thái` to ask for a new file in place of a trashed or deleted one. */
export const RECREATE = 'Tạo lại';
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
  updates: Map<number, UnitColumnUpdate>;
  root: DriveEntry;
}

function report(ctx: Context, unit: Unit, message: string) {
  ctx.errors.push({ unit: unitLabel(unit), message: `${unitLabel(unit)}: ${message}` });
}

/** Link of the unit's file; the status says 'Đã tạo biểu mẫu' unless it already says more. */
function noteUnit(ctx: Context, unit: Unit, url: string) {
  const status = !unit.status.trim() || normalizeHeader(unit.status) === normalizeHeader(RECREATE) ? STATUS.created : undefined;
  const link = unit.link !== url ? url : undefined;
  if (unit.row && (status || link)) ctx.updates.set(unit.row, { status, link });
}

/** The e-mail Google sends the scorer with the link to the unit's file. */
export function shareMessage(unit: Unit, year: number): string {
  return (
    `Anh/chị được chia sẻ biểu mẫu chấm điểm công tác dân vận chính quyền năm ${year} của đơn vị ${unit.name}. ` +
    'Mở tệp theo đường liên kết, tự chấm điểm ở các ô nền trắng (Tự chấm, Minh chứng, Ghi chú) rồi nộp trước hạn.'
  );
}

function share(ctx: Context, fileId: string, unit: Unit) {
  const email = unit.email.trim();
  if (!email) return report(ctx, unit, 'chưa có email người chấm; biểu mẫu đã được tạo nhưng chưa chia sẻ.');
  if (!isValidEmail(email)) {
    return report(ctx, unit, `email người chấm «${email}» không hợp lệ; biểu mẫu đã được tạo nhưng chưa chia sẻ.`);
  }
  try {
    shareWithEditor(ctx.env, fileId, email, shareMessage(unit, ctx.data.control.settings.year));
  } catch (e) {
    report(ctx, unit, `biểu mẫu đã được tạo nhưng chưa chia sẻ được cho «${email}» (${userMessage(e, 'Chia sẻ')}).`);
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
  const settings = ctx.data.control.settings;
  const rubric = ctx.data.control.rubrics[unit.rubricId];
  if (!rubric) {
    report(ctx, unit, `bộ tiêu chí «${unit.rubricId}» không có hoặc còn lỗi trong sheet «Tiêu chí»; chưa tạo biểu mẫu.`);
    return 'error';
  }
  const key = KEYS.file(settings.year, unit.code);
  const known = fileRecord(store, settings.year, unit);
  if (known) {
    const state = fileState(env, known.id);
    if (state.state === 'ok') {
      if (known.state === 'pending') {
        personalize(env, known.id, settings, rubric, unit);
        share(ctx, known.id, unit);
        store.setJson(key, { ...known, state: 'ok' });
        noteUnit(ctx, unit, known.url);
        return 'finished';
      }
      if (!store.get(key)) store.setJson(key, known);
      noteUnit(ctx, unit, known.url);
      return 'exists';
    }
    if (normalizeHeader(unit.status) !== normalizeHeader(RECREATE)) {
      const why = state.state === 'trashed' ? 'tệp biểu mẫu đang nằm trong Thùng rác' : 'không tìm thấy tệp biểu mẫu (đã bị xóa hẳn hoặc không còn quyền truy cập)';
      report(
        ctx,
        unit,
        `${why}; công cụ không tạo lại để tránh mất điểm đã nhập. Hãy khôi phục tệp từ Thùng rác của Google Drive, ` +
          `hoặc ghi «${RECREATE}» vào cột «Trạng thái» của đơn vị này rồi chạy lại để tạo biểu mẫu mới.`,
      );
      return 'error';
    }
    store.delete(key);
  }
  const m = master(ctx, rubric);
  const copy = copyFile(env, m.id, unitFileName(unit, settings.year), ctx.groups.get(unit.group));
  // Sheet ids survive a copy, so the master's gid links to the copy's `Chấm điểm`.
  const record: FileRecord = { id: copy.id, url: copy.url, gid: m.gid, state: 'pending' };
  store.setJson(key, record);
  personalize(env, copy.id, settings, rubric, unit);
  share(ctx, copy.id, unit);
  store.setJson(key, { ...record, state: 'ok' });
  noteUnit(ctx, unit, record.url);
  return 'created';
}

function countReady(ctx: Context, units: Unit[], bad: Set<string>): number {
  const year = ctx.data.control.settings.year;
  return units.filter((u) => !bad.has(u.code) && ctx.store.getJson<FileRecord>(KEYS.file(year, u.code))?.state === 'ok').length;
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
  if (!total) return { ...base, message: 'Chưa có đơn vị nào trong sheet «Đơn vị».' };

  const root = ensureRootFolder(env, store, settings, data.ss, data.grids.config);
  const ctx: Context = {
    env, store, data, root,
    groups: new GroupFolders(env, store, settings.year, root),
    masters: new Map(),
    errors: [],
    updates: new Map(),
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
        report(ctx, unit, userMessage(e, 'Tạo biểu mẫu'));
      }
      counts[outcome]++;
      if (outcome === 'error') bad.add(unit.code);
      slowest = Math.max(slowest, env.clock() - began);
    }
  } finally {
    // Whatever happened, record what was done (the file ids are already in DocumentProperties).
    withLock(env, () => {
      updateUnitColumns(data.ss, data.grids.units, ctx.updates);
      appendLog(
        env, data.ss, 'Tạo biểu mẫu chấm điểm',
        `Đơn vị ${start + 1}–${i}/${total}: tạo mới ${counts.created}, đã có ${counts.exists + counts.finished}, lỗi ${ctx.errors.length}.`,
      );
    });
  }
  const finished = i >= total;
  if (finished) store.delete(KEYS.cursor(STEP));
  else store.setJson(KEYS.cursor(STEP), { i, at: env.clock() });
  const done = countReady(ctx, units, bad);
  const message = finished
    ? `${done}/${total} đơn vị đã có biểu mẫu` + (ctx.errors.length ? `; ${ctx.errors.length} việc cần xử lý (xem danh sách lỗi).` : '.')
    : `${done}/${total} đơn vị…`;
  return {
    ...base,
    done,
    finished,
    cursor: finished ? null : JSON.stringify({ i }),
    message,
    errors: ctx.errors,
    links: [{ label: `Thư mục Drive «${root.name}»`, url: root.url }],
  };
}
