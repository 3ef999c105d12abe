// The appraisal round on the offline back-end: `dvcq` commands in-process on real .xlsx files, the
// council and the scorer typing into the unit workbook by header text, the admin typing into the
// control workbook as in Excel.
import fs from 'node:fs';
import path from 'node:path';
import { init } from '../../src/node/commands/init';
import { templates } from '../../src/node/commands/templates';
import { explain, setStatus, submit } from '../../src/node/commands/submit';
import { rank } from '../../src/node/commands/rank';
import { report } from '../../src/node/commands/report';
import { validate } from '../../src/node/commands/validate';
import { controlPath } from '../../src/node/workspace';
import { CHANGE_ACTION } from '../../src/core/change-history';
import { LOG_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { capture, editBook, header, openBook, rowsOf, text, tmpDir, typeScores } from '../node/helpers';
import { fileIndex, snapshotOf, unitFilesOf } from './cli-run';
import { ModelCapture } from './models';
import { Round, STORY_NOW } from './story';
import { RoundSnapshot, StepLog } from './snapshot';

/** The admin types `value` into `Đơn vị`/`column` of the unit's row of the control workbook. */
async function typeInUnits(ws: string, code: string, column: string, value: string): Promise<void> {
  await editBook(controlPath(ws), (wb) => {
    const sheet = wb.getWorksheet(SHEETS.units)!;
    const h = header(sheet, [UNIT_COLUMNS.code, column]);
    for (let r = h.row + 1; r <= sheet.rowCount; r++) {
      if (text(sheet.getRow(r).getCell(h.col(UNIT_COLUMNS.code)).value) === code) sheet.getRow(r).getCell(h.col(column)).value = value;
    }
  });
}

export async function statusOf(ws: string, code: string): Promise<string> {
  const rows = rowsOf((await openBook(controlPath(ws))).getWorksheet(SHEETS.units)!, [UNIT_COLUMNS.code, UNIT_COLUMNS.status]);
  return text(rows.find((r) => text(r[UNIT_COLUMNS.code]) === code)?.[UNIT_COLUMNS.status] ?? null);
}

async function changesOf(ws: string): Promise<string[]> {
  const log = (await openBook(controlPath(ws))).getWorksheet(SHEETS.log)!;
  return rowsOf(log, [LOG_COLUMNS.action, LOG_COLUMNS.detail])
    .filter((r) => text(r[LOG_COLUMNS.action]) === CHANGE_ACTION)
    .map((r) => text(r[LOG_COLUMNS.detail]));
}

export async function runCliRound(round: Round, models: ModelCapture): Promise<RoundSnapshot> {
  const { story, returned } = round;
  const ws = tmpDir('dvcq-parity-round-');
  const steps: StepLog[] = [];
  const step = async (name: string, run: (ctx: ReturnType<typeof capture>) => Promise<number>) => {
    const ctx = capture(STORY_NOW);
    let outcome: string;
    try {
      outcome = `exit ${await run(ctx)}`;
    } catch (e) {
      outcome = `error: ${(e as Error).message}`;
    }
    steps.push({ step: name, outcome, output: ctx.lines.concat(ctx.errors).join('\n') });
  };
  const collect = (label: string) => step(`validate (${label})`, (ctx) => validate(ws, {}, ctx));

  // 1. Set-up, templates, the scorers type, the sample's units submit; the collection the add-on
  //    makes with «Theo dõi tiến độ» after the submissions is a validate here (the change history
  //    of both back-ends then starts from the same record).
  await step('init --sample', (ctx) => init(ws, { sample: 'binh-son-2024' }, ctx));
  await step('templates', (ctx) => templates(ws, {}, ctx));
  const files = await unitFilesOf(ws);
  for (const [unit, values] of Object.entries(story.typed)) await typeScores(files[unit], values);
  await step('submit', (ctx) => submit(ws, story.submit, ctx));
  await collect('after the submissions');
  // 2. The council types `Thẩm định` and `Lý do thẩm định`.
  for (const [unit, byCode] of Object.entries(round.appraisal)) await typeScores(files[unit], byCode);
  // 3. The owner returns the unit for explanation, with a deadline; a collection.
  await step('status Trả lại để giải trình', (ctx) => setStatus(ws, 'Trả lại để giải trình', [returned], ctx, round.deadline.text));
  await collect('after the return');
  // 4. An illegal step typed by the admin in `Đơn vị`; the collection refuses it.
  await typeInUnits(ws, round.illegal, UNIT_COLUMNS.status, 'Đã công nhận');
  await collect('after the illegal step');
  const afterIllegal = await snapshotOf(ws);
  // 5. The scorer writes `Giải trình` and adds evidence in his workbook, then sends it; a collection.
  await typeScores(files[returned], {
    ...Object.fromEntries(Object.entries(round.explanation).map(([code, v]) => [code, { 'Giải trình': v }])),
    [round.evidence.code]: { 'Giải trình': round.explanation[round.evidence.code], 'Minh chứng': round.evidence.text },
  });
  // Offline a `Minh chứng` line is a path from the unit's folder, and validate reports one that
  // does not exist: the scorer copies the file there (online the line is the scorer's text or the
  // link of a file attached in the sidebar, which the add-on does not look up).
  const added = round.evidence.text.split('\n').pop()!;
  fs.writeFileSync(path.join(path.dirname(files[returned]), added), '%PDF-1.4\n');
  await step('explain', (ctx) => explain(ws, [returned], ctx));
  await collect('after the explanation');
  const statusAfterExplanation = await statusOf(ws, returned);
  // 6. The council changes one score and its reason.
  const { code, ...change } = round.change;
  await typeScores(files[returned], { [code]: change });
  // 7. Appraised, then recognised (a collection after each, as the add-on needs).
  for (const status of ['Đã thẩm định', 'Đã công nhận']) {
    await step(`status ${status}`, (ctx) => setStatus(ws, status, [returned], ctx));
    await collect(`after ${status}`);
  }
  // 8. Rank, report and decision.
  await step('rank', (ctx) => rank(ws, {}, ctx));
  models.start();
  await step('report', (ctx) => report(ws, {}, ctx));
  const docs = models.take();
  return {
    backEnd: 'CLI',
    afterIllegal,
    final: await snapshotOf(ws),
    report: docs.report,
    decision: docs.decision,
    statusAfterExplanation,
    changes: await changesOf(ws),
    steps,
    files: fileIndex(ws),
  };
}
