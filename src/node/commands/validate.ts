// dvcq validate <ws> [--json]: every finding (control workbook and every unit) to `Kiểm tra`.
import { findingsGrid } from '../../core/output-tables';
import { FINDING_COLUMNS, SHEETS } from '../../core/schema';
import { cellText } from '../../core/text';
import { Context } from '../context';
import { assessWorkspace, WorkspaceAssessment } from '../assess-workspace';
import { writeFindings } from '../output-sheets';

export interface ValidateOptions {
  json?: boolean;
}

/** Assess the workspace and write `Kiểm tra` (and the log). */
export async function runValidate(ws: string, ctx: Context): Promise<WorkspaceAssessment> {
  const a = await assessWorkspace(ws);
  const errors = a.findings.filter((f) => f.severity === 'Lỗi').length;
  writeFindings(a.book, a.findings, a.control.units);
  a.book.log(ctx.now(), ctx.user(), 'Kiểm tra dữ liệu', `${errors} lỗi, ${a.findings.length - errors} cảnh báo`);
  await a.book.save();
  return a;
}

export async function validate(ws: string, opts: ValidateOptions, ctx: Context): Promise<number> {
  const { book, control, findings } = await runValidate(ws, ctx);
  const errors = findings.filter((f) => f.severity === 'Lỗi').length;
  const warnings = findings.length - errors;
  if (opts.json) {
    ctx.out(JSON.stringify(findings, null, 2));
  } else {
    // Same order as the sheet: errors first.
    const [header, ...rows] = findingsGrid(findings, control.units);
    const at = (name: string) => header.indexOf(name);
    for (const r of rows) ctx.out(`[${cellText(r[at(FINDING_COLUMNS.severity)])}] ${cellText(r[at(FINDING_COLUMNS.message)])}`);
    ctx.out(
      findings.length
        ? `Kiểm tra dữ liệu: ${errors} lỗi, ${warnings} cảnh báo (đã ghi vào sheet «${SHEETS.findings}» của «${book.file}»).`
        : `Kiểm tra dữ liệu: không có phát hiện nào (sheet «${SHEETS.findings}» đã được cập nhật).`,
    );
  }
  return errors ? 1 : 0;
}
