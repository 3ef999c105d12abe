// Open a workspace, read the unit files one at a time, and run the core's step: the CLI only reads
// and writes. Each file is read, handed to the core and dropped before the next one is opened, so
// memory stays flat in the number of units (what the core keeps of a unit is a few findings and a score).
import { collectGarbage, UNITS_PER_COLLECTION } from './memory';
import { CHANGE_ACTION, COLLECTED_SHEET, historyOf } from '../core/change-history';
import type { Entries } from '../core/types';
import type { Control } from '../core/control';
import { AssessOutput, AssessStepName, assessUnitStep, finishAssessStep, UnitStepOutcome, unitEntries } from '../core/steps/assess';
import { STEP_LABELS, stepBlockers } from '../core/steps/plan';
import { Context } from './context';
import { UserError } from './errors';
import { ControlWorkbook } from './xlsx/control-workbook';
import { readUnitSource } from './unit-sources';
import { writeFindings, writeResults } from './output-sheets';

export interface WorkspaceAssessment extends AssessOutput {
  /** The control workbook's path. The workbook itself is saved and let go (a caller reopens it to write more). */
  file: string;
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
  const outcomes: UnitStepOutcome[] = [];
  // What each file held, kept small (its entries, not its grid) for the change history.
  const entries: Record<string, Entries | null> = {};
  // A step the control workbook blocks reads no file: the core says why.
  if (!stepBlockers(control, step).length) {
    for (const [i, unit] of control.units.entries()) {
      if (i % UNITS_PER_COLLECTION === UNITS_PER_COLLECTION - 1) collectGarbage();
      // A unit without a valid rubric is reported by readControl; its file is not read.
      const read = control.settings.year && control.rubrics[unit.rubricId];
      const source = read ? await readUnitSource(ws, control, unit) : undefined;
      outcomes.push(assessUnitStep(control, step, unit, source, { now: ctx.now() }));
      entries[unit.code] = unitEntries(control, unit, source);
    }
  }
  const out = finishAssessStep(control, step, outcomes, ctx.now());
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
  const history = historyOf(control, entries, book.grid(COLLECTED_SHEET));
  book.logRows(ctx.now(), ctx.user(), CHANGE_ACTION, history.details);
  book.replaceHiddenSheet(COLLECTED_SHEET, history.grid);
  await book.save();
  return { ...out, file: book.file, control };
}
