// The story on the add-on: the in-memory Apps Script fake, driven as people do — the admin's
// menu set-up and sidebar steps (server functions, each job run to completion), the scorers typing
// into their own files, the scorer sidebar's submit, the council's appraisal through the sidebar.
import { createServerApi } from '../../src/gas/server-api';
import { setupControl } from '../../src/gas/setup';
import { readControlData } from '../../src/gas/control-io';
import type { AdminStepKey, ServerApi } from '../../src/gas/api';
import { ADMIN, asAdmin, control, newWorld, World } from '../gas/helpers';
import { runAll, unitFiles } from '../gas/flow';
import { ModelCapture } from './models';
import { NEXT_YEAR, Story } from './story';
import { COMPARED_SHEETS, FileIndex, RawCell, Snapshot, StepLog } from './snapshot';

export function snapshotOf(w: World): Record<string, RawCell[][]> {
  const ss = w.fake.SpreadsheetApp.openById(w.controlId);
  return Object.fromEntries(
    COMPARED_SHEETS.map((name) => {
      const sheet = ss.getSheetByName(name);
      return [name, sheet ? (sheet.getDataRange().getValues() as RawCell[][]) : []];
    }),
  );
}

/** Every unit file on the fake Drive by id: "BS-X01 - Thị trấn Châu Ổ - Biểu chấm điểm DVCQ 2024". */
export function fileIndex(w: World): FileIndex {
  const index: FileIndex = {};
  for (const it of w.fake.drive.list()) {
    const m = /^(\S+) - .* - Biểu chấm điểm DVCQ (\d{4})$/.exec(it.name);
    if (m && it.kind === 'file') index[it.id] = { unit: m[1], year: Number(m[2]) };
  }
  return index;
}

/** Type values into a unit file's `Chấm điểm` sheet as `as`, finding rows and columns by header text. */
export function typeInto(w: World, fileId: string, values: Record<string, Partial<Record<string, unknown>>>, as: string): void {
  const sheet = w.fake.spreadsheetById(fileId)!.sheet('Chấm điểm');
  const grid = sheet.values();
  const h = grid.findIndex((r) => r.includes('Mã') && r.includes('Tự chấm'));
  const letter = (i: number) => String.fromCharCode(65 + i);
  for (const [code, cells] of Object.entries(values)) {
    const r = grid.findIndex((row, i) => i > h && row[grid[h].indexOf('Mã')] === code);
    if (r < 0) throw new Error(`no row ${code} in ${fileId}`);
    for (const [column, v] of Object.entries(cells)) {
      if (v !== undefined && v !== null) sheet.set(`${letter(grid[h].indexOf(column))}${r + 1}`, v, { as });
    }
  }
}

/** An admin step run to completion as the admin, its outcome logged in `steps`. */
export function adminRunner(w: World, api: ServerApi, steps: StepLog[]) {
  return (step: AdminStepKey, label: string = step) => {
    asAdmin(w);
    const chunks = runAll((cursor) => api.adminRun(step, cursor));
    const last = chunks[chunks.length - 1];
    steps.push({
      step: label,
      outcome: last.failed !== undefined ? `failed: ${last.failed}` : 'finished',
      output: [last.message, ...last.errors.map((e) => e.message)].join('\n'),
    });
  };
}

export function runAddonStory(story: Story, models: ModelCapture): Snapshot {
  const w = newWorld();
  const api = createServerApi(w.fake, { clock: w.env.clock });
  const steps: StepLog[] = [];
  const admin = adminRunner(w, api, steps);

  // 1. «Thiết lập kèm dữ liệu mẫu».
  asAdmin(w);
  const setup = setupControl(w.env, { sample: 'binh-son-2024' });
  steps.push({ step: 'setup with sample', outcome: 'finished', output: setup.message });
  // 2. «Tạo biểu mẫu chấm điểm».
  admin('templates');
  // 3. Each scorer types into his own file.
  const files = unitFiles(w);
  const units = new Map(readControlData(w.env).control.units.map((u) => [u.code, u]));
  for (const [unit, values] of Object.entries(story.typed)) typeInto(w, files[unit].id, values, units.get(unit)!.email);
  // 4. Each scorer clicks «Nộp kết quả» in the sidebar of his file; the admin's progress step collects.
  const submitted: string[] = [];
  const refused: string[] = [];
  for (const unit of story.submit) {
    w.fake.setActiveSpreadsheet(files[unit].id);
    w.fake.setUser(units.get(unit)!.email);
    const state = api.scorerSubmit();
    const errors = state.findings.filter((f) => f.severity === 'Lỗi').length;
    if (state.status === 'Đã nộp') submitted.push(unit);
    else refused.push(`${unit} (${state.status}, ${errors} lỗi)`);
  }
  steps.push({
    step: 'scorerSubmit',
    outcome: 'finished',
    output: `${submitted.length} submitted; refused: ${refused.join(', ') || 'none'}`,
  });
  admin('progress');
  // 5. The appraisal council (the files' owner) enters `Thẩm định` through the sidebar.
  for (const [unit, byCode] of Object.entries(story.appraised)) {
    w.fake.setActiveSpreadsheet(files[unit].id);
    w.fake.setUser(w.fake.drive.item(files[unit].id)!.owner);
    for (const [code, v] of Object.entries(byCode)) api.scorerSave(code, 'appraised', String(v));
  }
  // 6. Rank, report, decision.
  admin('rank');
  models.start();
  admin('report');
  admin('decision');
  const docs = models.take();
  const afterRanking = snapshotOf(w);

  // 7. A new year: `Năm` 2024 → 2025 in `Cấu hình` (typed by the admin), templates again, validate.
  asAdmin(w);
  const config = control(w).sheet('Cấu hình');
  const grid = config.values();
  const yearRow = grid.findIndex((r) => String(r[0]).trim() === 'Năm');
  const valueCol = grid[0].indexOf('Giá trị');
  config.set(`${String.fromCharCode(65 + valueCol)}${yearRow + 1}`, NEXT_YEAR, { as: ADMIN });
  admin('templates', `Năm → ${NEXT_YEAR}: templates`);
  admin('validate');
  const afterNewYear = snapshotOf(w);

  return { backEnd: 'add-on', afterRanking, afterNewYear, report: docs.report, decision: docs.decision, steps, files: fileIndex(w) };
}
