// dvcq templates <ws> [--upgrade]: one unit workbook per unit. The core decides for each unit
// (create, keep, stale, upgrade, skip); this file finds out what exists and does it. A workbook
// is never overwritten: --upgrade regenerates one built from an older rubric with every typed value
// carried over, and keeps the old file as "… (cũ <date-time>).xlsx".
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { SCORING_COLUMNS } from '../../core/schema';
import { formatNumberMax } from '../../core/format';
import type { Rubric, Unit } from '../../core/types';
import { LayoutOptions, layoutOptions, unitSheetLayout } from '../../core/unit-sheet';
import { blockedMessage, stepBlockers, STEP_LABELS } from '../../core/steps/plan';
import { FileState, planTemplateUnit, stopsUnit, TemplatesCounts, templatesSummary, templatesWrites } from '../../core/steps/templates';
import { Context } from '../context';
import { UserError } from '../errors';
import { exists } from '../files';
import { collectGarbage, UNITS_PER_COLLECTION } from '../memory';
import { linkOf, unitLocation, yearDir } from '../workspace';
import { ControlWorkbook } from '../xlsx/control-workbook';
import { readWorkbook, saveWorkbook } from '../xlsx/workbook-io';
import { drawUnitWorkbook, metaGrid, readInputs, readTypedFormulas, scoringGrid, writeInputs } from '../xlsx/unit-workbook';

export interface TemplatesOptions {
  upgrade?: boolean;
}

async function upgradeWorkbook(ws: string, file: string, unit: Unit, rubric: Rubric, opts: LayoutOptions, ctx: Context): Promise<string> {
  const old = await readWorkbook(file);
  const typed = readInputs(old, file);
  // A formula typed in an input cell is not carried (an input holds a value): the value it last
  // showed is, when the file has one, and the user is told either way.
  const formulas = readTypedFormulas(old, file);
  for (const f of formulas) {
    const value = readableResult(f.result);
    if (value !== undefined) typed[f.code] = { ...typed[f.code], [f.field]: value };
  }
  const layout = unitSheetLayout(unit, rubric, opts);
  const wb = await drawUnitWorkbook(layout);
  const inputs = new Set([...layout.scorerInputs, ...layout.appraiserInputs]);
  const { written, notWritten } = writeInputs(wb, file, typed, inputs);
  const backup = await saveWorkbook(wb, file, { now: ctx.now() });
  const kept = linkOf(ws, backup!);
  let message = `${unit.name} (${unit.code}): đã nâng cấp biểu mẫu theo bộ tiêu chí hiện hành, chuyển sang ${written} giá trị đã nhập; tệp cũ được giữ tại «${kept}».`;
  if (notWritten.length) {
    const codes = [...new Set(notWritten.map((n) => n.code))].join(', ');
    message += ` ${notWritten.length} giá trị của tiêu chí ${codes} không còn ô nhập tương ứng; chúng vẫn còn trong tệp cũ.`;
  }
  for (const f of formulas) {
    const value = readableResult(f.result);
    const carried = value !== undefined && !notWritten.some((n) => n.code === f.code && n.field === f.field);
    message +=
      `\n${unit.name} (${unit.code}), ô ${f.cell} (tiêu chí ${f.code}, cột «${SCORING_COLUMNS[f.field]}»): ` +
      `công thức «=${f.formula}» không được chuyển sang biểu mẫu mới vì ô nhập chỉ nhận giá trị; ` +
      (carried
        ? `đã chuyển giá trị ${shownValue(value)} mà công thức tính ra. `
        : 'ô này trong biểu mẫu mới để trống, hãy nhập lại giá trị. ') +
      `Công thức vẫn còn trong tệp cũ «${kept}».`;
  }
  return message;
}

/** The value a formula showed, when the file holds one worth carrying (not an error such as #REF!). */
function readableResult(v: ExcelJS.CellValue | undefined): ExcelJS.CellValue | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  return undefined;
}

const shownValue = (v: ExcelJS.CellValue | undefined) =>
  typeof v === 'number'
    ? formatNumberMax(v, 4)
    : v instanceof Date
      ? v.toLocaleDateString('vi-VN')
      : `«${typeof v === 'string' ? v : JSON.stringify(v)}»`;

/** What exists of the unit's workbook for the control's year. */
async function fileState(ws: string, year: number, unit: Unit): Promise<{ state: FileState; file: string; link: string }> {
  const { file, link, recorded } = unitLocation(ws, year, unit);
  if (!exists(file)) return { state: recorded ? { state: 'gone', link } : { state: 'none' }, file, link };
  const wb = await readWorkbook(file);
  // The meta sheet stands in for what the hidden column lost (the unit's identity).
  return { state: { state: 'ok', link, grid: scoringGrid(wb), meta: metaGrid(wb) }, file, link };
}

export async function templates(ws: string, opts: TemplatesOptions, ctx: Context): Promise<number> {
  const book = await ControlWorkbook.open(ws);
  const control = book.read();
  const blockers = stepBlockers(control, 'templates');
  if (blockers.length) throw new UserError(blockedMessage('templates', blockers));
  const year = control.settings.year;
  // Problems of the control workbook; those that stop a unit are told with the unit below.
  for (const f of control.findings) if (!stopsUnit(f)) ctx.err(`[${f.severity}] ${f.message}`);
  const counts: TemplatesCounts = { total: control.units.length, created: 0, kept: 0, upgraded: 0, stale: 0, skipped: 0 };
  const done = new Map<string, { link: string }>();
  const stale: string[] = [];
  for (const [i, unit] of control.units.entries()) {
    // Each file drawn or read leaves garbage; see memory.ts.
    if (i % UNITS_PER_COLLECTION === UNITS_PER_COLLECTION - 1) collectGarbage();
    try {
      const found = await fileState(ws, year, unit);
      const action = planTemplateUnit(control, unit, found.state, opts);
      const rubric = control.rubrics[unit.rubricId];
      if (action.kind === 'create') {
        // A new file (or «Tạo lại»): where `templates` puts it, never over an existing one.
        const fresh = unitLocation(ws, year, { ...unit, link: '' });
        if (exists(fresh.file)) throw new UserError(`tệp «${fresh.link}» đã có; công cụ không ghi đè.`);
        await saveWorkbook(
          await drawUnitWorkbook(unitSheetLayout(unit, rubric, layoutOptions(control.settings, rubric, ctx.now()))),
          fresh.file,
        );
        done.set(unit.code, { link: fresh.link });
        counts.created++;
      } else if (action.kind === 'upgrade') {
        ctx.out(await upgradeWorkbook(ws, found.file, unit, rubric, layoutOptions(control.settings, rubric, ctx.now()), ctx));
        done.set(unit.code, { link: found.link });
        counts.upgraded++;
      } else if (action.kind === 'keep' || action.kind === 'stale') {
        if (action.kind === 'stale') {
          ctx.out(action.message);
          stale.push(unit.code);
        }
        done.set(unit.code, { link: found.link });
        counts[action.kind === 'keep' ? 'kept' : 'stale']++;
      } else {
        ctx.err(action.message);
        counts.skipped++;
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      ctx.err(`${unit.name} (${unit.code}): ${e.message}`);
      counts.skipped++;
    }
  }

  const writes = templatesWrites(control, done);
  for (const f of writes.findings) ctx.err(`[${f.severity}] ${f.message}`);
  const summary = templatesSummary(counts);
  book.writeUnits(control, writes);
  book.log(ctx.now(), ctx.user(), STEP_LABELS.templates, summary);
  await book.save();
  ctx.out(summary);
  if (stale.length) {
    ctx.out(
      `${stale.length} biểu mẫu được tạo từ bộ tiêu chí cũ (${stale.join(', ')}). ` +
        `Chạy «dvcq templates ${ws} --upgrade» để tạo lại theo bộ tiêu chí hiện hành: mọi điểm đã nhập được chuyển sang, tệp cũ được giữ lại.`,
    );
  }
  ctx.out(`Thư mục biểu mẫu: ${path.resolve(yearDir(ws, year))}`);
  const controlErrors = control.findings.some((f) => f.severity === 'Lỗi' && !f.unitCode);
  return counts.skipped || controlErrors ? 1 : 0;
}
