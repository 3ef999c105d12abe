// dvcq submit <ws> <code>… / dvcq reopen <ws> <code>…: offline, submission is recorded in
// `Đơn vị`/`Trạng thái`. A unit with a blocking error cannot be submitted.
import { assessUnit, isSubmitted } from '../../core/assess';
import type { Control } from '../../core/control';
import { hasBlockingError } from '../../core/validate';
import { formatNumber } from '../../core/format';
import { STATUS, Unit } from '../../core/types';
import { SHEETS } from '../../core/schema';
import { Context } from '../context';
import { UserError } from '../errors';
import { readUnitSource } from '../unit-sources';
import { ControlWorkbook, UnitCells } from '../xlsx/control-workbook';

function unitsByCode(control: Control, codes: string[], ctx: Context): { units: Unit[]; unknown: number } {
  const units: Unit[] = [];
  let unknown = 0;
  for (const code of codes) {
    const unit = control.units.find((u) => u.code.toLowerCase() === code.trim().toLowerCase());
    if (unit) units.push(unit);
    else {
      unknown++;
      ctx.err(`Không có đơn vị mã «${code}» trong sheet «${SHEETS.units}».`);
    }
  }
  return { units, unknown };
}

export async function submit(ws: string, codes: string[], ctx: Context): Promise<number> {
  if (!codes.length) throw new UserError('chưa ghi mã đơn vị cần nộp kết quả (ví dụ: dvcq submit <thư mục> BS-X01).');
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  const { units, unknown } = unitsByCode(control, codes, ctx);
  let refused = unknown;
  const updates: UnitCells[] = [];
  for (const unit of units) {
    const where = `${unit.name} (${unit.code})`;
    if (isSubmitted(unit)) {
      ctx.out(`${where}: đã nộp kết quả từ trước.`);
      continue;
    }
    if (!control.rubrics[unit.rubricId]) {
      refused++;
      ctx.err(`Không nộp được ${where}: bộ tiêu chí «${unit.rubricId}» không tồn tại hoặc đang có lỗi (xem sheet «${SHEETS.criteria}»).`);
      continue;
    }
    // Checked as a submitted unit is: every required score must be there.
    const asSubmitted = { ...unit, status: STATUS.submitted };
    const { findings, score } = assessUnit(control, asSubmitted, await readUnitSource(ws, control.settings.year, unit));
    if (hasBlockingError(findings)) {
      refused++;
      const errors = findings.filter((f) => f.severity === 'Lỗi');
      ctx.err(`Không nộp được ${where}: còn ${errors.length} lỗi cần sửa trước:`);
      for (const f of errors) ctx.err(`  - ${f.message}`);
      continue;
    }
    for (const f of findings) ctx.out(`  [${f.severity}] ${f.message}`);
    updates.push({ row: unit.row!, status: STATUS.submitted });
    ctx.out(`Đã nộp kết quả: ${where}${score ? `, tổng điểm ${formatNumber(score.total)}` : ''}.`);
  }
  if (updates.length) {
    book.setUnitCells(updates);
    book.log(
      ctx.now(),
      ctx.user(),
      'Nộp kết quả',
      units
        .filter((u) => updates.some((x) => x.row === u.row))
        .map((u) => u.code)
        .join(', '),
    );
    await book.save();
  }
  return refused ? 1 : 0;
}

export async function reopen(ws: string, codes: string[], ctx: Context): Promise<number> {
  if (!codes.length) throw new UserError('chưa ghi mã đơn vị cần mở lại (ví dụ: dvcq reopen <thư mục> BS-X01).');
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  const { units, unknown } = unitsByCode(control, codes, ctx);
  if (units.length) {
    book.setUnitCells(units.map((u) => ({ row: u.row!, status: STATUS.scoring })));
    book.log(ctx.now(), ctx.user(), 'Mở lại', units.map((u) => u.code).join(', '));
    await book.save();
    for (const u of units) ctx.out(`Đã mở lại: ${u.name} (${u.code}) — trạng thái «${STATUS.scoring}».`);
  }
  return unknown ? 1 : 0;
}
