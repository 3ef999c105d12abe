// The appraisal round on the add-on: the in-memory Apps Script, driven as people do — the council
// (the files' owner) typing into a unit file, the admin typing into `Đơn vị` and running the
// sidebar's steps, the scorer writing his explanation and sending it from the scorer sidebar.
import { createServerApi } from '../../src/gas/server-api';
import { setupControl } from '../../src/gas/setup';
import { readControlData } from '../../src/gas/control-io';
import { CHANGE_ACTION } from '../../src/core/change-history';
import { LOG_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { ADMIN, asAdmin, control, newWorld, rowsOf, unitsRows, World } from '../gas/helpers';
import { unitFiles } from '../gas/flow';
import { adminRunner, fileIndex, snapshotOf, typeInto } from './addon-run';
import { ModelCapture } from './models';
import { Round } from './story';
import { RoundSnapshot, StepLog } from './snapshot';

/** The admin types `value` into `Đơn vị`/`column` of the unit's row. */
function typeInUnits(w: World, code: string, column: string, value: unknown): void {
  asAdmin(w);
  const sheet = control(w).sheet(SHEETS.units);
  const grid = sheet.values();
  const col = grid[0].indexOf(column);
  const row = grid.findIndex((r) => r[grid[0].indexOf(UNIT_COLUMNS.code)] === code);
  sheet.set(`${String.fromCharCode(65 + col)}${row + 1}`, value, { as: ADMIN });
}

const statusOf = (w: World, code: string) => String(unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === code)?.[UNIT_COLUMNS.status] ?? '');

export function runAddonRound(round: Round, models: ModelCapture): RoundSnapshot {
  const { story, returned } = round;
  const w = newWorld();
  const api = createServerApi(w.fake, { clock: w.env.clock });
  const steps: StepLog[] = [];
  const admin = adminRunner(w, api, steps);
  // «Kiểm tra dữ liệu»: a collection that also writes `Kiểm tra` («Theo dõi tiến độ» does not).
  const collect = (label: string) => admin('validate', `validate (${label})`);

  // 1. Set-up, templates, the scorers type, the sample's units submit; «Theo dõi tiến độ» collects.
  asAdmin(w);
  steps.push({ step: 'setup with sample', outcome: 'finished', output: setupControl(w.env, { sample: 'binh-son-2024' }).message });
  admin('templates');
  const files = unitFiles(w);
  const units = new Map(readControlData(w.env).control.units.map((u) => [u.code, u]));
  for (const [unit, values] of Object.entries(story.typed)) typeInto(w, files[unit].id, values, units.get(unit)!.email);
  const asScorer = (unit: string) => {
    w.fake.setActiveSpreadsheet(files[unit].id);
    w.fake.setUser(units.get(unit)!.email);
  };
  for (const unit of story.submit) {
    asScorer(unit);
    api.scorerSubmit();
  }
  admin('progress');
  // 2. The council (the files' owner) types `Thẩm định` and `Lý do thẩm định` (an owner-only column).
  const owner = (unit: string) => w.fake.drive.item(files[unit].id)!.owner;
  for (const [unit, byCode] of Object.entries(round.appraisal)) typeInto(w, files[unit].id, byCode, owner(unit));
  // 3. The admin returns the unit in `Đơn vị` with its deadline (Sheets turns a typed 20/12/2024
  //    into a date in a Vietnamese-locale spreadsheet), then a collection.
  typeInUnits(w, returned, UNIT_COLUMNS.status, 'Trả lại để giải trình');
  typeInUnits(w, returned, UNIT_COLUMNS.explainBy, round.deadline.date);
  collect('after the return');
  // 4. An illegal step typed by the admin in `Đơn vị`; the collection refuses it.
  typeInUnits(w, round.illegal, UNIT_COLUMNS.status, 'Đã công nhận');
  collect('after the illegal step');
  const afterIllegal = snapshotOf(w);
  // 5. The scorer writes `Giải trình` and adds evidence from his sidebar, then sends it; the
  //    owner's next collection accepts it.
  asScorer(returned);
  for (const [code, v] of Object.entries(round.explanation)) api.scorerSave(code, 'explanation', v);
  api.scorerSave(round.evidence.code, 'evidence', round.evidence.text);
  const sent = api.scorerExplain();
  steps.push({ step: 'scorerExplain', outcome: 'finished', output: `file status ${sent.status}` });
  collect('after the explanation');
  const statusAfterExplanation = statusOf(w, returned);
  // 6. The council changes one score and its reason.
  const { code, ...change } = round.change;
  typeInto(w, files[returned].id, { [code]: change }, owner(returned));
  // 7. Appraised, then recognised: typed by the admin, a collection after each.
  for (const status of ['Đã thẩm định', 'Đã công nhận']) {
    typeInUnits(w, returned, UNIT_COLUMNS.status, status);
    collect(`after ${status}`);
  }
  // 8. Rank, report, decision.
  admin('rank');
  models.start();
  admin('report');
  admin('decision');
  const docs = models.take();
  return {
    backEnd: 'add-on',
    afterIllegal,
    final: snapshotOf(w),
    report: docs.report,
    decision: docs.decision,
    statusAfterExplanation,
    changes: rowsOf(w, SHEETS.log)
      .filter((r) => r[LOG_COLUMNS.action] === CHANGE_ACTION)
      .map((r) => String(r[LOG_COLUMNS.detail])),
    steps,
    files: fileIndex(w),
  };
}
