// dvcq demo [dir] [--sample name]: the whole pipeline on a built-in sample (synthetic scores):
// init --sample, templates, scores typed into the unit workbooks, validate, rank, report.
import fs from 'node:fs';
import path from 'node:path';
import { isSubmitted } from '../../core/status';
import { SampleName, SAMPLES } from '../../core/samples';
import { SHEETS } from '../../core/schema';
import { formatNumber } from '../../core/format';
import { Context, quiet } from '../context';
import { describeFsError, UserError } from '../errors';
import { unitLocation, yearDir } from '../workspace';
import { ControlWorkbook } from '../xlsx/control-workbook';
import { readWorkbook, saveWorkbook } from '../xlsx/workbook-io';
import { INPUT_FIELDS, InputValues, writeInputs } from '../xlsx/unit-workbook';
import { excelValue } from '../xlsx/grid';
import { init } from './init';
import { templates } from './templates';
import { runStep } from '../assess-workspace';
import { runReport } from './report';

export const DEFAULT_DEMO_DIR = 'demo-output';
/** Marks a folder as the demo's own output, which a later demo may replace. */
const MARKER = '.dvcq-demo';

/** An empty folder, or one holding a previous demo's output (replaced); anything else is refused. */
function prepareFolder(dir: string): void {
  try {
    if (fs.existsSync(dir)) {
      if (!fs.statSync(dir).isDirectory()) throw new UserError(`«${dir}» là một tệp, không phải thư mục.`);
      const entries = fs.readdirSync(dir);
      if (entries.length && !entries.includes(MARKER)) {
        throw new UserError(
          `thư mục «${dir}» đã có dữ liệu không phải của bản chạy thử; không xóa. Hãy chọn một thư mục trống hoặc chưa có.`,
        );
      }
      for (const e of entries) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, MARKER), 'Thư mục kết quả của «dvcq demo»; lần chạy sau sẽ thay toàn bộ nội dung.\n');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(describeFsError(e, 'ghi', dir));
  }
}

/** Type the synthetic entries into every unit workbook, as a scorer would. */
async function typeSampleScores(ws: string, sample: SampleName): Promise<void> {
  const control = (await ControlWorkbook.open(ws)).read();
  const entries = SAMPLES[sample].entries(control.rubrics);
  for (const unit of control.units) {
    const typed = entries[unit.code];
    if (!typed) continue;
    const values: InputValues = {};
    for (const [code, e] of Object.entries(typed)) {
      values[code] = {};
      for (const f of INPUT_FIELDS) if (e[f] !== undefined) values[code][f] = excelValue(e[f] ?? null);
    }
    const { file } = unitLocation(ws, control.settings.year, unit);
    const wb = await readWorkbook(file);
    writeInputs(wb, file, values);
    await saveWorkbook(wb, file);
  }
}

export async function demo(dir: string | undefined, sample: SampleName, ctx: Context): Promise<number> {
  const started = Date.now();
  const ws = path.resolve(dir ?? DEFAULT_DEMO_DIR);
  prepareFolder(ws);
  const q = quiet(ctx);
  await init(ws, { sample }, q);
  await templates(ws, {}, q);
  await typeSampleScores(ws, sample);
  const { findings } = await runStep(ws, 'validate', q);
  const out = await runReport(ws, {}, q);
  const { control } = out.assessment;
  const summary = out.assessment.summary!;

  const errors = findings.filter((f) => f.severity === 'Lỗi').length;
  const submitted = control.units.filter(isSubmitted).length;
  const files = fs.readdirSync(yearDir(ws, control.settings.year), { recursive: true }).filter((f) => String(f).endsWith('.xlsx')).length;
  ctx.out(`Bản chạy thử: ${SAMPLES[sample].label}.`);
  ctx.out(
    `  Đơn vị: ${control.units.length}; đã nộp: ${submitted}; được xếp loại: ${summary.classified}; không xếp loại: ${summary.notClassified}.`,
  );
  ctx.out(`  ${summary.byLevel.map((l) => `${l.level}: ${l.count}`).join('; ')}.`);
  ctx.out(
    `  Kiểm tra dữ liệu: ${findings.length} phát hiện (${errors} lỗi, ${findings.length - errors} cảnh báo) — xem sheet «${SHEETS.findings}».`,
  );
  ctx.out('Tệp kết quả:');
  ctx.out(`  Bảng điều khiển (sheet «${SHEETS.results}», «${SHEETS.findings}»): ${out.assessment.file}`);
  ctx.out(`  Biểu mẫu chấm điểm (${files} tệp): ${yearDir(ws, control.settings.year)}`);
  ctx.out(`  Báo cáo: ${out.report}`);
  ctx.out(`  Quyết định xếp loại: ${out.decision}`);
  ctx.out(`Xong sau ${formatNumber((Date.now() - started) / 1000, 1)} giây.`);
  return 0;
}
