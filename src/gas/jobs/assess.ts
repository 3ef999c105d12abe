// The jobs that read every unit file: "theo dõi tiến độ" (progress), "Kiểm tra dữ liệu" (validate),
// "Tổng hợp & xếp hạng" (rank), and the two documents, which rank first. Files are read three
// calls each, in chunks; what a chunk read waits in a hidden scratch sheet for the last chunk,
// which runs the core (assessAll) and writes the sheets (and the document) under the lock.
import type { Finding, Unit } from '../../core/types';
import { STATUS } from '../../core/types';
import { assessAll, isSubmitted, UnitSource } from '../../core/assess';
import { SHEETS } from '../../core/schema';
import { cellLink, displayDateTime, parseCursor } from '../../core/gas-support';
import type { DocKind } from '../../core/report-model';
import type { AdminStepKey, JobChunk } from '../api';
import { Env, nowOf, timer } from '../env';
import { UserError } from '../errors';
import { FileRecord, KEYS, Store } from '../store';
import { unitLabel } from '../files';
import { appendLog, ControlData, readControlData, UnitColumnUpdate, updateUnitColumns, withLock } from '../control-io';
import { Collected, collectUnit, rowsToRead, statusFrom, UNREADABLE } from '../collect';
import { trashedIn } from '../drive';
import { dropScratch, loadScratch, saveScratch } from '../scratch';
import { writeFindingsSheet, writeResultsSheet } from '../output-sheets';
import { findRootFolder, rootFolderName } from '../folders';
import { fileRecord } from '../files';
import { DOC_LABEL, writeDocument } from '../docs/documents';
import { STEP_LABELS } from '../steps';

export type AssessStep = Extract<AdminStepKey, 'progress' | 'validate' | 'rank' | 'report' | 'decision'>;

interface Cursor {
  i: number;
  run: string;
}

/** Time kept for the last phase (core, sheets, document). */
const FINAL_RESERVE_MS: Record<AssessStep, number> = { progress: 20_000, validate: 40_000, rank: 60_000, report: 90_000, decision: 90_000 };

/** The steps this module runs (the others are set-up and templates). */
export const isAssessStep = (step: AdminStepKey): step is AssessStep => step in FINAL_RESERVE_MS;

/** Summary of the last finished run of a step, for the admin sidebar. */
export interface LastRun {
  at: string;
  detail: string;
  url?: string;
}

function collectAll(env: Env, data: ControlData, store: Store, from: number, clock: ReturnType<typeof timer>, reserve: number) {
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
    out.set(u.code, collectUnit(env, u, rubric, record, rubric ? rows.get(rubric.id)! : 200, trashed));
    slowest = Math.max(slowest, env.clock() - began);
  }
  return { next: i, collected: out, records };
}

/** Drive folders holding the units' files (group folders, the root for units without a group). */
function unitFolders(store: Store, year: number, units: Unit[]): string[] {
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
export function runAssessChunk(env: Env, step: AssessStep, cursorText: string | null): JobChunk {
  const clock = timer(env);
  const docs = step === 'report' || step === 'decision';
  const data = readControlData(env, docs);
  const store = new Store(env);
  const { units, settings } = data.control;
  const total = units.length;
  const cursor = parseCursor<Cursor>(cursorText);
  const run = cursor?.run ?? String(env.clock());
  const from = Math.min(Math.max(0, cursor?.i ?? 0), total);
  const base: JobChunk = { step, done: 0, total, finished: false, cursor: null, message: '', errors: [], links: [] };
  if (!total) return { ...base, finished: true, message: 'Chưa có đơn vị nào trong sheet «Đơn vị».' };

  const { next, collected, records } = collectAll(env, data, store, from, clock, FINAL_RESERVE_MS[step]);
  if (next < total) {
    withLock(env, () => saveScratch(data.ss, run, [...collected.entries()]));
    const c: Cursor = { i: next, run };
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
      collected.set(u.code, collectUnit(env, u, rubric, records.get(u.code) ?? null, rubric ? rowsToRead(settings, rubric) : 200, trashed));
    }
  }
  store.delete(KEYS.cursor(step));
  return finish(env, step, data, store, collected, records);
}

function finish(
  env: Env,
  step: AssessStep,
  data: ControlData,
  store: Store,
  collected: Map<string, Collected>,
  records: Map<string, FileRecord>,
): JobChunk {
  const { control, ss } = data;
  const total = control.units.length;
  // The submission recorded in each file becomes the unit's `Trạng thái`.
  const updates = new Map<string, UnitColumnUpdate>();
  const units: Unit[] = control.units.map((u) => {
    const c = collected.get(u.code)!;
    const status = statusFrom(c, u.status);
    const link = records.get(u.code)?.url;
    if (status !== u.status || (link && link !== u.link)) {
      updates.set(u.code, { status: status !== u.status ? status : undefined, link: link && link !== u.link ? link : undefined });
    }
    return { ...u, status };
  });
  // Files that could not be read this time (Google busy): said for each unit, never taken for missing files.
  const unreadable = new Set(control.units.filter((u) => collected.get(u.code)?.unreadable).map((u) => u.code));
  const submitted = units.filter(isSubmitted).length;
  const withFile = units.filter((u) => records.has(u.code)).length;
  const entered = units.filter((u) => u.status === STATUS.submitted || u.status === STATUS.scoring).length;
  const sources: Record<string, UnitSource | undefined> = {};
  for (const [code, c] of collected) sources[code] = c.source;
  const action = STEP_LABELS[step];
  const at = displayDateTime(nowOf(env));
  const chunk: JobChunk = { step, done: total, total, finished: true, cursor: null, message: '', errors: [], links: [] };
  for (const u of control.units) {
    if (unreadable.has(u.code)) chunk.errors.push({ unit: unitLabel(u), message: `${unitLabel(u)}: ${UNREADABLE}.` });
  }

  if (step === 'progress') {
    withLock(env, () => {
      updateUnitColumns(env, ss, updates);
      dropScratch(ss); // also what an abandoned earlier run left
      chunk.message = `${submitted}/${total} đơn vị đã nộp; ${entered}/${total} đã nhập điểm; ${withFile}/${total} đã có biểu mẫu.`;
      appendLog(env, ss, action, chunk.message);
    });
    store.setJson(KEYS.last(step), { at, detail: `${submitted}/${total} đã nộp` } satisfies LastRun);
    return chunk;
  }

  const assessment = assessAll({ ...control, units }, sources);
  // A file that could not be read is a Lỗi whatever the submission (the core says Cảnh báo for a
  // unit that has not submitted); the adapter's own findings are added after the core's.
  const own = [...collected.values()].flatMap((c) => c.findings ?? []);
  const all = [
    ...assessment.findings.map((f) =>
      f.code === 'missing-file' && unreadable.has(f.unitCode) ? { ...f, severity: 'Lỗi' as const, code: 'file-unreadable' } : f,
    ),
    ...own,
  ];
  const findings = withCellLinks(all, records);
  const errors = findings.filter((f) => f.severity === 'Lỗi').length;
  const warnings = findings.length - errors;
  const checked = `${errors} lỗi, ${warnings} cảnh báo`;
  withLock(env, () => {
    updateUnitColumns(env, ss, updates);
    writeFindingsSheet(ss, findings, units);
    if (step !== 'validate') writeResultsSheet(env.gas, ss, assessment.results, control.settings.scoring.levels);
    dropScratch(ss);
  });
  store.setJson(KEYS.last('validate'), { at, detail: checked } satisfies LastRun);
  const classified = assessment.summary.classified;
  if (step === 'validate') {
    chunk.message = `Kiểm tra xong ${total} đơn vị: ${checked} (xem sheet «${SHEETS.findings}»).`;
    withLock(env, () => appendLog(env, ss, action, chunk.message));
    return chunk;
  }
  store.setJson(KEYS.last('rank'), { at, detail: `${classified}/${total} đơn vị được xếp loại` } satisfies LastRun);
  if (step === 'rank') {
    chunk.message = `Đã xếp hạng: ${classified}/${total} đơn vị được xếp loại; ${checked} (xem sheet «${SHEETS.results}» và «${SHEETS.findings}»).`;
    withLock(env, () => appendLog(env, ss, action, chunk.message));
    return chunk;
  }

  const kind: DocKind = step;
  const folder = findRootFolder(env, store, control.settings);
  if (!folder) {
    throw new UserError(`Chưa có thư mục «${rootFolderName(control.settings.year)}» trên Drive: hãy chạy «Tạo biểu mẫu chấm điểm» trước.`);
  }
  const out = writeDocument(
    env,
    store,
    kind,
    {
      settings: control.settings,
      results: assessment.results,
      summary: assessment.summary,
      narrative: control.narrative,
      previous: control.previous,
      submitted,
    },
    folder,
  );
  const label = DOC_LABEL[kind];
  chunk.links = [{ label: out.name, url: out.url }];
  chunk.message =
    `Đã tạo ${label} «${out.name}» trong thư mục «${folder.name}».` +
    (out.previous ? ` Bản trước được giữ lại với tên «${out.previous}».` : '') +
    (out.unknown.length ? ` Mẫu có chỗ đánh dấu không xác định, được giữ nguyên: ${out.unknown.map((u) => `{{${u}}}`).join(', ')}.` : '');
  store.setJson(KEYS.last(step), { at, detail: out.name, url: out.url } satisfies LastRun);
  withLock(env, () => {
    appendLog(env, ss, action, `${chunk.message} Liên kết: ${out.url}`);
  });
  return chunk;
}
