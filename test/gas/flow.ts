// Steps of the yearly story, shared by the end-to-end tests.
import { World, asAdmin, newWorld } from './helpers';
import { setupControl } from '../../src/gas/setup';
import { runTemplatesChunk } from '../../src/gas/jobs/templates';
import { readControlData } from '../../src/gas/control-io';
import { Store, FileRecord } from '../../src/gas/store';
import { SAMPLE_NAMES, SampleName, SAMPLES } from '../../src/core/samples';
import { SCORING_COLUMNS, SHEETS } from '../../src/core/schema';
import { STATUS_CELLS } from '../../src/core/unit-sheet';
import type { JobChunk } from '../../src/gas/api';

/** Set up the control spreadsheet with the sample district (Bình Sơn, 33 units). */
export function sampleControl(w: World): void {
  setupControl(w.env);
  setupControl(w.env, { sample: 'binh-son-2024' });
}

/** Run a chunked job to the end; returns every chunk. */
export function runAll(run: (cursor: string | null) => JobChunk, max = 100): JobChunk[] {
  const chunks: JobChunk[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < max; i++) {
    const c = run(cursor);
    chunks.push(c);
    if (c.finished) return chunks;
    cursor = c.cursor;
  }
  throw new Error('job did not finish');
}

export function generate(w: World): JobChunk[] {
  return runAll((c) => runTemplatesChunk(w.env, c));
}

/** Remembered file of each unit, by unit code. */
export function unitFiles(w: World): Record<string, FileRecord> {
  asAdmin(w);
  const { control: c } = readControlData(w.env);
  const store = new Store(w.env);
  const out: Record<string, FileRecord> = {};
  for (const u of c.units) {
    const r = store.fileRecord(c.settings.year, u.code);
    if (r) out[u.code] = r;
  }
  return out;
}

/**
 * Type the sample entries into each unit file, as each scorer would, finding the cells by header
 * text; units whose sample status is 'Đã nộp' are marked submitted in the file's status cell.
 */
export function fillSampleScores(w: World, opts: { submit?: boolean } = {}): void {
  asAdmin(w);
  const { control: c } = readControlData(w.env);
  // Whichever sample the control holds (their unit codes differ).
  const entries = Object.assign({}, ...SAMPLE_NAMES.map((n) => SAMPLES[n].entries(c.rubrics))) as ReturnType<
    (typeof SAMPLES)[SampleName]['entries']
  >;
  const files = unitFiles(w);
  for (const u of c.units) {
    const f = files[u.code];
    if (!f) continue;
    const sheet = w.fake.spreadsheetById(f.id)!.sheet(SHEETS.scoring);
    const grid = sheet.values();
    const header = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
    const col = (h: string) => grid[header].indexOf(h);
    const letter = (i: number) => String.fromCharCode(65 + i);
    for (const [code, e] of Object.entries(entries[u.code] ?? {})) {
      const r = grid.findIndex((row, i) => i > header && row[col(SCORING_COLUMNS.code)] === code);
      if (r < 0) throw new Error(`no row for ${code} in ${u.code}`);
      const put = (h: string, v: unknown, as: string) => {
        if (v === undefined || v === null) return;
        sheet.set(`${letter(col(h))}${r + 1}`, v, { as });
      };
      put(SCORING_COLUMNS.self, e.self, u.email);
      put(SCORING_COLUMNS.evidence, e.evidence, u.email);
      put(SCORING_COLUMNS.note, e.note, u.email);
      put(SCORING_COLUMNS.appraised, e.appraised, w.fake.drive.item(f.id)!.owner); // the council (owner)
      put(SCORING_COLUMNS.reason, e.reason, w.fake.drive.item(f.id)!.owner);
    }
    const sampleUnit = SAMPLE_NAMES.flatMap((n) => SAMPLES[n].data.units).find((x) => x.code === u.code);
    if ((opts.submit ?? true) && sampleUnit?.status === 'Đã nộp') {
      sheet.set(STATUS_CELLS.meta, 'Đã nộp', { as: u.email });
      sheet.set(STATUS_CELLS.text, 'Trạng thái: Đã nộp', { as: u.email });
    }
  }
}

/** The sample district generated, scored by every unit, and the admin at the control spreadsheet. */
export function preparedSample(): World {
  const w = newWorld();
  sampleControl(w);
  generate(w);
  fillSampleScores(w);
  asAdmin(w);
  return w;
}
