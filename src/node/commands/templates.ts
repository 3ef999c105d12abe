// dvcq templates <ws> [--upgrade]: one unit workbook per unit. Never overwrites a workbook; one built
// from an older rubric is only reported, or with --upgrade regenerated with every typed value
// carried over and the old file kept as "… (cũ <date-time>).xlsx".
import path from 'node:path';
import type { Control } from '../../core/control';
import { STATUS, Rubric, Unit } from '../../core/types';
import { SHEETS, UNIT_COLUMNS } from '../../core/schema';
import { LayoutOptions, layoutOptions, readUnitSheet, unitSheetLayout } from '../../core/unit-sheet';
import { normalizeHeader } from '../../core/text';
import { Context } from '../context';
import { UserError } from '../errors';
import { exists } from '../files';
import { linkOf, unitLocation, yearDir } from '../workspace';
import { ControlWorkbook, UnitCells } from '../xlsx/control-workbook';
import { readWorkbook, saveWorkbook } from '../xlsx/workbook-io';
import { drawUnitWorkbook, readInputs, scoringGrid, writeInputs } from '../xlsx/unit-workbook';

export interface TemplatesOptions {
  upgrade?: boolean;
}

export interface TemplatesReport {
  created: string[];
  kept: string[];
  upgraded: string[];
  /** Built from an older rubric, not upgraded (run with --upgrade). */
  stale: string[];
  skipped: string[];
}

/** Control findings that make it unsafe to give a unit a workbook. */
const BLOCKING = new Set(['duplicate-unit', 'unknown-rubric', 'missing-unit-code']);
const KEEP_STATUS = [STATUS.scoring, STATUS.submitted].map(normalizeHeader);

type Outcome = { kind: keyof TemplatesReport; message?: string; cells?: Omit<UnitCells, 'row'> };

async function upgradeWorkbook(ws: string, file: string, unit: Unit, rubric: Rubric, opts: LayoutOptions, ctx: Context): Promise<string> {
  const old = await readWorkbook(file);
  const typed = readInputs(old, file);
  const layout = unitSheetLayout(unit, rubric, opts);
  const wb = await drawUnitWorkbook(layout);
  const inputs = new Set([...layout.scorerInputs, ...layout.appraiserInputs]);
  const { written, notWritten } = writeInputs(wb, file, typed, inputs);
  const backup = await saveWorkbook(wb, file, { now: ctx.now() });
  let message = `${unit.name} (${unit.code}): đã nâng cấp biểu mẫu theo bộ tiêu chí hiện hành, chuyển sang ${written} giá trị đã nhập; tệp cũ được giữ tại «${linkOf(ws, backup!)}».`;
  if (notWritten.length) {
    const codes = [...new Set(notWritten.map((n) => n.code))].join(', ');
    message += ` ${notWritten.length} giá trị của tiêu chí ${codes} không còn ô nhập tương ứng; chúng vẫn còn trong tệp cũ.`;
  }
  return message;
}

async function ensureWorkbook(ws: string, control: Control, unit: Unit, opts: TemplatesOptions, ctx: Context): Promise<Outcome> {
  const where = `${unit.name} (${unit.code})`;
  const blocking = control.findings.filter((f) => f.unitCode === unit.code && BLOCKING.has(f.code));
  if (blocking.length) return { kind: 'skipped', message: `${where}: bỏ qua — ${blocking.map((f) => f.message).join(' ')}` };
  const rubric = control.rubrics[unit.rubricId];
  if (!rubric) {
    return { kind: 'skipped', message: `${where}: bỏ qua — bộ tiêu chí «${unit.rubricId}» đang có lỗi (xem sheet «${SHEETS.criteria}»).` };
  }
  const layoutOpts = layoutOptions(control.settings, rubric, ctx.now());
  const { file, link, recorded } = unitLocation(ws, control.settings.year, unit);
  const cells: Omit<UnitCells, 'row'> = recorded ? {} : { link };
  // A new link while another was recorded: a new year's file, whose status starts afresh.
  const newYear = !recorded && unit.link !== '';
  if (
    newYear ||
    (!KEEP_STATUS.includes(normalizeHeader(unit.status)) && normalizeHeader(unit.status) !== normalizeHeader(STATUS.created))
  ) {
    cells.status = STATUS.created;
  }

  if (!exists(file)) {
    if (recorded) {
      return {
        kind: 'skipped',
        message:
          `${where}: không tìm thấy tệp «${link}» ghi ở cột «${UNIT_COLUMNS.link}» (đã bị xóa hoặc di chuyển?). ` +
          `Hãy đưa tệp về đúng chỗ; nếu tệp đã mất, xóa ô «${UNIT_COLUMNS.link}» của đơn vị rồi chạy lại để tạo biểu mẫu mới.`,
      };
    }
    await saveWorkbook(await drawUnitWorkbook(unitSheetLayout(unit, rubric, layoutOpts)), file);
    return { kind: 'created', cells };
  }

  const grid = scoringGrid(await readWorkbook(file));
  if (!grid) {
    return {
      kind: 'skipped',
      message: `${where}: tệp «${link}» không còn sheet «${SHEETS.scoring}» (bị đổi tên hoặc xóa?); tệp được giữ nguyên, hãy đặt lại tên sheet.`,
    };
  }
  const read = readUnitSheet(grid, unit, rubric, layoutOpts);
  const wrong = read.findings.find((f) => f.code === 'wrong-unit' || f.code === 'wrong-rubric');
  if (wrong) {
    return {
      kind: 'skipped',
      message: `${wrong.message} Tệp «${link}» được giữ nguyên; muốn tạo biểu mẫu mới, đổi tên tệp này (hoặc xóa ô «${UNIT_COLUMNS.link}») rồi chạy lại.`,
    };
  }
  const stale = read.findings.find((f) => f.code === 'stale-rubric');
  if (!stale) return { kind: 'kept', cells };
  if (!opts.upgrade) return { kind: 'stale', message: stale.message, cells };
  return { kind: 'upgraded', message: await upgradeWorkbook(ws, file, unit, rubric, layoutOpts, ctx), cells };
}

export async function templates(ws: string, opts: TemplatesOptions, ctx: Context): Promise<number> {
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  const report: TemplatesReport = { created: [], kept: [], upgraded: [], stale: [], skipped: [] };
  const updates: UnitCells[] = [];
  // Problems of the control workbook; those that stop a unit are told with the unit below.
  for (const f of control.findings) if (!f.unitCode || !BLOCKING.has(f.code)) ctx.err(`[${f.severity}] ${f.message}`);
  for (const unit of control.units) {
    let outcome: Outcome;
    try {
      outcome = await ensureWorkbook(ws, control, unit, opts, ctx);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      outcome = { kind: 'skipped', message: `${unit.name} (${unit.code}): ${e.message}` };
    }
    report[outcome.kind].push(unit.code);
    if (outcome.message) (outcome.kind === 'skipped' ? ctx.err : ctx.out)(outcome.message);
    if (outcome.cells && Object.keys(outcome.cells).length && unit.row) updates.push({ row: unit.row, ...outcome.cells });
  }

  if (updates.length || report.created.length || report.upgraded.length) {
    book.setUnitCells(updates);
    book.log(ctx.now(), ctx.user(), 'Tạo biểu mẫu chấm điểm', summaryLine(report));
    await book.save();
  }
  ctx.out(summaryLine(report));
  if (report.stale.length) {
    ctx.out(
      `${report.stale.length} biểu mẫu được tạo từ bộ tiêu chí cũ (${report.stale.join(', ')}). ` +
        `Chạy «dvcq templates ${ws} --upgrade» để tạo lại theo bộ tiêu chí hiện hành: mọi điểm đã nhập được chuyển sang, tệp cũ được giữ lại.`,
    );
  }
  ctx.out(`Thư mục biểu mẫu: ${path.resolve(yearDir(ws, control.settings.year))}`);
  const controlErrors = control.findings.some((f) => f.severity === 'Lỗi' && !f.unitCode);
  return report.skipped.length || controlErrors ? 1 : 0;
}

function summaryLine(r: TemplatesReport): string {
  const parts = [`Đã tạo ${r.created.length} biểu mẫu`, `giữ nguyên ${r.kept.length + r.stale.length} biểu mẫu đã có`];
  if (r.upgraded.length) parts.push(`nâng cấp ${r.upgraded.length}`);
  parts.push(`bỏ qua ${r.skipped.length} đơn vị`);
  return `${parts.join(', ')}.`;
}
