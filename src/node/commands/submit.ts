// dvcq submit <ws> <code>… / dvcq reopen <ws> <code>…: offline, submission is recorded in
// `Đơn vị`/`Trạng thái`; the core decides (a unit with a blocking error is refused).
import type { Control } from '../../core/control';
import type { Unit } from '../../core/types';
import { blockedMessage, StepName, stepBlockers, STEP_LABELS, UnitUpdate, unitWrites } from '../../core/steps/plan';
import { changeStatus, explainUnit, reopenUnit, SubmitOutcome, submitUnit, unitByCode, unknownUnitMessage } from '../../core/steps/submit';
import { parseDeadline } from '../../core/round-flow';
import { canonicalStatus } from '../../core/status';
import { STATUS } from '../../core/types';
import { unitEntries } from '../../core/steps/assess';
import { Context } from '../context';
import { UserError } from '../errors';
import { readUnitSource } from '../unit-sources';
import { ControlWorkbook } from '../xlsx/control-workbook';
import { fileStatusCopy } from '../../core/acceptance';
import { SHEETS } from '../../core/schema';
import { STATUS_CELLS } from '../../core/unit-sheet';
import { exists } from '../files';
import { unitLocation } from '../workspace';
import { findSheet } from '../xlsx/grid';
import { readWorkbook, saveWorkbook } from '../xlsx/workbook-io';

/**
 * The unit file's status line and hidden status cell, rewritten as a copy of what `Đơn vị` now
 * records (so the file does not keep saying «Đang chấm» after a submit). Only these two cells;
 * a file that cannot be written (open in Excel) keeps its old copy and the user is told: the record
 * in `Đơn vị` is what counts.
 */
async function showStatusInFile(ws: string, control: Control, unit: Unit, update: Omit<UnitUpdate, 'code'>, ctx: Context): Promise<void> {
  const copy = fileStatusCopy(update);
  if (!copy) return;
  let file = '';
  try {
    file = unitLocation(ws, control.settings.year, unit).file;
    if (!exists(file)) return;
    const wb = await readWorkbook(file);
    const sheet = findSheet(wb, SHEETS.scoring);
    if (!sheet) return;
    sheet.getCell(STATUS_CELLS.text).value = copy.line;
    sheet.getCell(STATUS_CELLS.meta).value = copy.status;
    await saveWorkbook(wb, file);
  } catch (e) {
    if (!(e instanceof UserError) && !(e instanceof Error && 'code' in e)) throw e;
    ctx.err(
      `Chú ý: chưa ghi được trạng thái «${copy.status}» vào tệp «${file || unit.code}» (${e.message}); «${SHEETS.units}» vẫn ghi đúng trạng thái.`,
    );
  }
}

async function run(
  ws: string,
  codes: string[],
  step: Extract<StepName, 'submit' | 'reopen' | 'status' | 'explain'>,
  decide: (control: Control, unit: Unit) => Promise<SubmitOutcome>,
  ctx: Context,
): Promise<number> {
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  const blockers = stepBlockers(control, step);
  if (blockers.length) throw new UserError(blockedMessage(step, blockers));
  let refused = 0;
  const own = new Map<string, Omit<UnitUpdate, 'code'>>();
  for (const code of codes) {
    const unit = unitByCode(control, code);
    if (!unit) {
      refused++;
      ctx.err(unknownUnitMessage(code));
      continue;
    }
    const o = await decide(control, unit);
    if (o.refused) {
      refused++;
      ctx.err(o.message);
      for (const f of o.findings) ctx.err(`  - ${f.message}`);
      continue;
    }
    for (const f of o.findings) ctx.out(`  [${f.severity}] ${f.message}`);
    ctx.out(o.message);
    if (o.update) own.set(unit.code, o.update);
  }
  if (own.size) {
    book.writeUnits(control, unitWrites(control, own));
    book.log(ctx.now(), ctx.user(), STEP_LABELS[step], [...own.keys()].join(', '));
    await book.save();
    for (const [code, update] of own) await showStatusInFile(ws, control, unitByCode(control, code)!, update, ctx);
  }
  return refused ? 1 : 0;
}

export async function submit(ws: string, codes: string[], ctx: Context): Promise<number> {
  if (!codes.length) throw new UserError('chưa ghi mã đơn vị cần nộp kết quả (ví dụ: dvcq submit <thư mục> BS-X01).');
  return run(
    ws,
    codes,
    'submit',
    async (control, unit) => submitUnit(control, unit, await readUnitSource(ws, control, unit), ctx.now(), ctx.user()),
    ctx,
  );
}

export async function reopen(ws: string, codes: string[], ctx: Context): Promise<number> {
  if (!codes.length) throw new UserError('chưa ghi mã đơn vị cần mở lại (ví dụ: dvcq reopen <thư mục> BS-X01).');
  return run(ws, codes, 'reopen', (_control, unit) => Promise.resolve(reopenUnit(unit)), ctx);
}

/**
 * dvcq status <ws> "<trạng thái>" <code>… [--han dd/mm/yyyy]: the owner moves units along the round;
 * illegal steps refused. A return's deadline: --han, else `Hạn giải trình` of `Cấu hình`.
 */
export async function setStatus(ws: string, status: string, codes: string[], ctx: Context, han?: string): Promise<number> {
  if (!codes.length)
    throw new UserError('chưa ghi mã đơn vị cần chuyển trạng thái (ví dụ: dvcq status <thư mục> "Trả lại để giải trình" BS-X01).');
  const typed = han === undefined ? null : parseDeadline(han);
  if (typeof typed === 'string') throw new UserError(typed);
  return run(
    ws,
    codes,
    'status',
    async (control, unit) => {
      // A return records the file's inputs the round keeps (Tự chấm, Ghi chú): read it only then.
      const entries =
        canonicalStatus(status) === STATUS.returned ? unitEntries(control, unit, await readUnitSource(ws, control, unit)) : undefined;
      return changeStatus(unit, status, { deadline: typed ?? control.settings.explanationDeadline, entries });
    },
    ctx,
  );
}

/** dvcq explain <ws> <code>…: the explanation of a returned unit recorded (the scorer wrote `Giải trình` in the file). */
export async function explain(ws: string, codes: string[], ctx: Context): Promise<number> {
  if (!codes.length) throw new UserError('chưa ghi mã đơn vị gửi giải trình (ví dụ: dvcq explain <thư mục> BS-X01).');
  return run(
    ws,
    codes,
    'explain',
    async (control, unit) => explainUnit(control, unit, await readUnitSource(ws, control, unit), ctx.now()),
    ctx,
  );
}
