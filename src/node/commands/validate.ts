// dvcq validate <ws> [--json]: every finding (control workbook and every unit) to `Kiểm tra`.
import { findingsGrid } from '../../core/output-tables';
import { FINDING_COLUMNS } from '../../core/schema';
import { cellText } from '../../core/text';
import { Context } from '../context';
import { runStep } from '../assess-workspace';

export interface ValidateOptions {
  json?: boolean;
}

export async function validate(ws: string, opts: ValidateOptions, ctx: Context): Promise<number> {
  const { control, findings, message, counts } = await runStep(ws, 'validate', ctx);
  if (opts.json) {
    ctx.out(JSON.stringify(findings, null, 2));
  } else {
    // Same order as the sheet: errors first.
    const [header, ...rows] = findingsGrid(findings, control.units);
    const at = (name: string) => header.indexOf(name);
    for (const r of rows) ctx.out(`[${cellText(r[at(FINDING_COLUMNS.severity)])}] ${cellText(r[at(FINDING_COLUMNS.message)])}`);
    ctx.out(message);
  }
  return counts.errors ? 1 : 0;
}
