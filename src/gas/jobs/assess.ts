// The jobs that read every unit file: "theo dõi tiến độ" (progress), "Kiểm tra dữ liệu" (validate),
// "Tổng hợp & xếp hạng" (rank), and the two documents, which rank first. Files are read three
// calls each, in chunks; what a chunk read waits in a hidden scratch sheet for the last chunk,
// which runs the core (assessAll) and writes the sheets (and the document) under the lock.
import type { Finding, Grid, Unit } from '../../core/types';
import type { UnitSource } from '../../core/assess';
import { assessStep, decideUnit } from '../../core/steps/assess';
import { stepBlockers } from '../../core/steps/plan';
import { SHEETS } from '../../core/schema';
import { cellLink, displayDateTime, parseCursor } from '../../core/gas-support';
import type { DocKind } from '../../core/report-model';
import type { AdminRunOptions, AdminStepKey, JobChunk } from '../api';
import { Env, nowOf, timer } from '../env';
import { UserError } from '../errors';
import { FileRecord, KEYS, Store } from '../store';
import { unitLabel } from '../files';
import { appendLog, appendLogRows, ControlData, readControlData, withLock, writeToolSheet, writeUnitColumns } from '../control-io';
import { CHANGE_ACTION, changeHistory, COLLECTED_SHEET } from '../../core/change-history';
import { Collected, collectUnit, rowsToRead } from '../collect';
import { explanationRanges, scorerRanges } from '../unit-draw';
import { layoutOptions, unitSheetLayout } from '../../core/unit-sheet';
import { DriveEntry, trashedIn } from '../drive';
import { dropScratch, loadScratch, saveScratch } from '../scratch';
import { writeFindingsSheet, writeResultsSheet } from '../output-sheets';
import { findRootFolder, rootFolderName } from '../folders';
import { fileRecord } from '../files';
import { DOC_LABEL, writeDocument } from '../docs/documents';
import { STEP_LABELS } from '../../core/steps/plan';
import { LastRun, refusal, runOutcome } from '../../core/steps/year-plan';
import { isSubmitted } from '../../core/status';

export type AssessStep = Extract<AdminStepKey, 'progress' | 'validate' | 'rank' | 'report' | 'decision'>;

interface Cursor {
  i: number;
  run: string;
  /** The documents' final version was asked for (kept from the first chunk to the last). */
  final?: boolean;
}

/** Options of a job, given with its first chunk («Tạo bản chính thức»: `final`). */
export type AssessOptions = AdminRunOptions;

/** Time kept for the last phase (core, sheets, document). */
const FINAL_RESERVE_MS: Record<AssessStep, number> = { progress: 20_000, validate: 40_000, rank: 60_000, report: 90_000, decision: 90_000 };

/** The steps this module runs (the others are set-up and templates). */
export const isAssessStep = (step: AdminStepKey): step is AssessStep => step in FINAL_RESERVE_MS;

export type { LastRun };

/** Reads one unit's file during a collection (the assessing steps: readUnit; reminders read only). */
export type UnitReader = typeof readUnit;

/** Units from `from` on, read while time is left (`reserve` kept for what follows); also the reminders' job. */
export function collectAll(
  env: Env,
  data: ControlData,
  store: Store,
  from: number,
  clock: ReturnType<typeof timer>,
  reserve: number,
  now: Date,
  read: UnitReader = readUnit,
) {
  const { settings, units, rubrics } = data.control;
  const rows = new Map<string, number>();
  const out = new Map<string, Collected>();
  const records = new Map<string, FileRecord>();
  const trashed = trashedIn(env, unitFolders(store, settings.year, units.slice(from)));
  let slowest = 0;
  let i = from;
  for (; i < units.length; i++) {
    if (i > from && !clock.hasTime(reserve + 2 * slowest)) break;
    const began = env.clock();
    const u = units[i];
    const rubric = rubrics[u.rubricId];
    if (rubric && !rows.has(rubric.id)) rows.set(rubric.id, rowsToRead(settings, rubric));
    const record = fileRecord(store, settings.year, u);
    if (record) records.set(u.code, record);
    out.set(u.code, read(env, data, u, record, trashed, rubric ? rows.get(rubric.id)! : 0, now));
    slowest = Math.max(slowest, env.clock() - began);
  }
  return { next: i, collected: out, records };
}

/**
 * One unit's file, with what the core decides the owner does to it: lock its inputs, open them
 * again, show the owner's record. `now`: the run's start, the time of a submission accepted now.
 */
function readUnit(
  env: Env,
  data: ControlData,
  u: Unit,
  record: FileRecord | null,
  trashed: ReadonlySet<string>,
  rows: number,
  now: Date,
): Collected {
  // A unit without a valid rubric is reported by readControl; its file is not read.
  const rubric = data.control.rubrics[u.rubricId];
  if (!rows || !rubric) return { source: undefined };
  const layout = () => unitSheetLayout(u, rubric, layoutOptions(data.control.settings, rubric));
  return collectUnit(
    env,
    record,
    rows,
    trashed,
    (source) => decideUnit(data.control, u, source, now),
    () => scorerRanges(layout()),
    () => explanationRanges(layout()),
  );
}

/** Drive folders holding the units' files (group folders, the root for units without a group). */
export function unitFolders(store: Store, year: number, units: Unit[]): string[] {
  const ids = new Set<string>();
  for (const u of units) {
    const id = store.get(u.group.trim() ? KEYS.group(year, u.group.trim()) : KEYS.folder(year));
    if (id) ids.add(id);
  }
  return [...ids];
}

/** Finding links go to the cell of the unit file ("…#gid=0&range=D12"). */
function withCellLinks(findings: Finding[], records: Map<string, FileRecord>): Finding[] {
  return findings.map((f) => {
    const r = records.get(f.unitCode);
    if (!r || !f.link) return f;
    return { ...f, link: cellLink(r.url, r.gid, f.sheet === SHEETS.scoring ? f.cell : null) };
  });
}

/** One chunk of an assessing job. */
export function runAssessChunk(env: Env, step: AssessStep, cursorText: string | null, options: AssessOptions = {}): JobChunk {
  const clock = timer(env);
  const docs = step === 'report' || step === 'decision';
  const data = readControlData(env, docs);
  const store = new Store(env);
  const { units, settings } = data.control;
  const total = units.length;
  const cursor = parseCursor<Cursor>(cursorText);
  const run = cursor?.run ?? String(env.clock());
  // Every chunk of a run records a submission accepted in it with the run's start.
  const now = Number.isFinite(Number(run)) ? new Date(Number(run)) : nowOf(env);
  const final = cursor?.final ?? options.final === true;
  const from = Math.min(Math.max(0, cursor?.i ?? 0), total);
  const base: JobChunk = { step, done: 0, total, finished: false, cursor: null, message: '', errors: [], links: [] };
  if (!total) return { ...base, finished: true, message: 'Chưa có đơn vị nào trong sheet «Đơn vị».' };
  // A step the control workbook blocks reads no file: the core says why.
  if (stepBlockers(data.control, step).length) return finish(env, step, data, store, new Map(), new Map(), undefined, undefined, final);
  // A document needs the year's folder: refuse before reading, checking or ranking anything.
  let folder: DriveEntry | null | undefined;
  if (docs && !cursor) {
    folder = findRootFolder(env, store, settings);
    const why = refusal(step, { hasFolder: !!folder, folderName: rootFolderName(settings.year) });
    if (why) return { ...base, finished: true, message: why, failed: why };
  }

  const { next, collected, records } = collectAll(env, data, store, from, clock, FINAL_RESERVE_MS[step], now);
  if (next < total) {
    withLock(env, () => saveScratch(data.ss, run, [...collected.entries()]));
    const c: Cursor = { i: next, run, ...(final ? { final } : {}) };
    store.setJson(KEYS.cursor(step), { ...c, at: env.clock() });
    return { ...base, done: next, cursor: JSON.stringify(c), message: `Đã đọc ${next}/${total} biểu mẫu…` };
  }
  if (from > 0) {
    for (const [code, c] of loadScratch<Collected>(data.ss, run)) if (!collected.has(code)) collected.set(code, c);
    for (const u of units) {
      const r = fileRecord(store, settings.year, u);
      if (r) records.set(u.code, r);
    }
  }
  // Units read in an earlier chunk but missing from the scratch sheet are read again now.
  const again = units.filter((u) => !collected.has(u.code));
  if (again.length) {
    const trashed = trashedIn(env, unitFolders(store, settings.year, again));
    for (const u of again) {
      const rubric = data.control.rubrics[u.rubricId];
      collected.set(u.code, readUnit(env, data, u, records.get(u.code) ?? null, trashed, rubric ? rowsToRead(settings, rubric) : 0, now));
    }
  }
  store.delete(KEYS.cursor(step));
  return finish(env, step, data, store, collected, records, now, folder, final);
}

function finish(
  env: Env,
  step: AssessStep,
  data: ControlData,
  store: Store,
  collected: Map<string, Collected>,
  records: Map<string, FileRecord>,
  now?: Date,
  /** The year's folder when this call already looked it up (one Drive call less). */
  foundFolder?: DriveEntry | null,
  final = false,
): JobChunk {
  const { control, ss } = data;
  const total = control.units.length;
  const sources: Record<string, UnitSource | undefined> = {};
  const locked: Record<string, boolean> = {};
  for (const [code, c] of collected) {
    sources[code] = c.source;
    if (c.locked !== undefined) locked[code] = c.locked;
  }
  const known: Record<string, string> = {};
  for (const [code, r] of records) known[code] = r.url;
  const out = assessStep(control, step, { sources, known, locked, today: nowOf(env), now });
  const action = STEP_LABELS[step];
  const at = displayDateTime(nowOf(env));
  const chunk: JobChunk = { step, done: total, total, finished: true, cursor: null, message: out.message, errors: [], links: [] };
  const findings = withCellLinks(out.findings, records);
  if (out.blockers.length) {
    // The rules could not be read: say why in `Kiểm tra`, keep `Kết quả` and the documents as they were.
    withLock(env, () => {
      writeFindingsSheet(ss, findings, control.units);
      dropScratch(ss);
      appendLog(env, ss, action, out.message);
    });
    return { ...chunk, done: 0, failed: out.message };
  }
  for (const f of out.findings) {
    if (f.code === 'file-unreadable') {
      const u = control.units.find((x) => x.code === f.unitCode);
      if (u) chunk.errors.push({ unit: unitLabel(u), message: f.message });
    }
  }
  withLock(env, () => {
    writeUnitColumns(env, ss, out.writes);
    if (step !== 'progress') writeFindingsSheet(ss, findings, control.units);
    if (out.summary && step !== 'progress' && step !== 'validate') {
      writeResultsSheet(env.gas, ss, out.results, control.settings.scoring.levels);
    }
    dropScratch(ss); // also what an abandoned earlier run left
    if (step !== 'report' && step !== 'decision') appendLog(env, ss, action, out.message);
    // Change history (issue 13 item 6): the owner's table of what was last collected, read once
    // and rewritten once (hidden); the changes go to `Nhật ký` in one write.
    const history = changeHistory(control, sources, ss.getSheetByName(COLLECTED_SHEET)?.getDataRange().getValues() as Grid | undefined);
    writeToolSheet(ss, COLLECTED_SHEET, history.grid).sheet.hideSheet();
    appendLogRows(env, ss, CHANGE_ACTION, history.details);
  });
  // Only the step that was asked for is recorded: a report ranks, but ranking is not thereby «done».
  const decided = new Map(out.writes.updates.filter((u) => u.status).map((u) => [u.code, u.status!]));
  const notSubmitted = control.units.filter((u) => !isSubmitted({ status: decided.get(u.code) ?? u.status })).map((u) => u.name || u.code);
  const run = runOutcome(step, out.counts, notSubmitted, at);
  chunk.outcome = run.state;
  if (step !== 'report' && step !== 'decision') {
    store.setJson(KEYS.last(step), run);
    return chunk;
  }

  const kind: DocKind = step;
  const folder = foundFolder ?? findRootFolder(env, store, control.settings);
  if (!folder) {
    throw new UserError(`Chưa có thư mục «${rootFolderName(control.settings.year)}» trên Drive: hãy chạy «Tạo biểu mẫu chấm điểm» trước.`);
  }
  const doc = writeDocument(env, store, kind, out.report!, folder, { final });
  const label = DOC_LABEL[kind];
  chunk.links = [{ label: doc.name, url: doc.url }];
  chunk.message =
    `Đã tạo ${label} «${doc.name}» trong thư mục «${folder.name}».` +
    (doc.previous ? ` Bản trước được giữ lại với tên «${doc.previous}».` : '') +
    (doc.unknown.length ? ` Mẫu có chỗ đánh dấu không xác định, được giữ nguyên: ${doc.unknown.map((u) => `{{${u}}}`).join(', ')}.` : '');
  store.setJson(KEYS.last(step), { ...run, detail: doc.name, url: doc.url } satisfies LastRun);
  withLock(env, () => appendLog(env, ss, action, `${chunk.message} Liên kết: ${doc.url}`));
  return chunk;
}
