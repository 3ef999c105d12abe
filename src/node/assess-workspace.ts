// Open a workspace, read every unit file, and run the core's step: the CLI only reads and writes.
import { CHANGE_ACTION, changeHistory, COLLECTED_SHEET } from '../core/change-history';
import type { Control } from '../core/control';
import { AssessOutput, AssessStepName, assessStep } from '../core/steps/assess';
import { STEP_LABELS } from '../core/steps/plan';
import { Context } from './context';
import { UserError } from './errors';
import { ControlWorkbook } from './xlsx/control-workbook';
import { readUnitSources } from './unit-sources';
import { writeFindings, writeResults } from './output-sheets';

export interface WorkspaceAssessment extends AssessOutput {
  book: ControlWorkbook;
  control: Control;
}

/**
 * Run `step` on the workspace and write what it decided: `Đơn vị` (statuses from the files, the
 * year's switch), `Kiểm tra` (validate and after), `Kết quả` (rank and after), `Nhật ký`. A step
 * the control workbook blocks writes only `Kiểm tra` (so the user sees why) and throws.
 */
export async function runStep(ws: string, step: AssessStepName, ctx: Context): Promise<WorkspaceAssessment> {
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  const sources = control.settings.year ? await readUnitSources(ws, control) : {};
  const out = assessStep(control, step, { sources, today: ctx.now() });
  if (out.blockers.length) {
    writeFindings(book, out.findings, control.units);
    await book.save();
    throw new UserError(out.message);
  }
  book.writeUnits(control, out.writes);
  if (step !== 'progress') writeFindings(book, out.findings, control.units);
  if (out.summary && step !== 'validate') writeResults(book, out.results, control.settings);
  book.log(ctx.now(), ctx.user(), STEP_LABELS[step], out.message);
  // Change history (issue 13 item 6): the owner's table of what was last collected, read once and
  // replaced once; each change is a row of `Nhật ký`.
  const history = changeHistory(control, sources, book.grid(COLLECTED_SHEET));
  book.logRows(ctx.now(), ctx.user(), CHANGE_ACTION, history.details);
  book.replaceHiddenSheet(COLLECTED_SHEET, history.grid);
  await book.save();
  return { ...out, book, control };
}
