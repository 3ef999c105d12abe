// dvcq report <ws> [--template f.docx] [--decision-template f.docx]: the report and the
// classification decision (.docx) in the year folder. An existing document is never overwritten:
// it is kept as "… (cũ <date-time>).docx", since someone may have edited it.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocKind } from '../../core/report-model';
import { Context } from '../context';
import { describeFsError, UserError } from '../errors';
import { writeFileSafely } from '../files';
import { documentPaths, linkOf } from '../workspace';
import { checkTemplate, templateCheckMessages, writeDecisionDocx, writeReportDocx } from '../docx';
import { runStep, WorkspaceAssessment } from '../assess-workspace';
import { ControlWorkbook } from '../xlsx/control-workbook';

export interface ReportOptions {
  template?: string;
  decisionTemplate?: string;
}

export interface ReportOutput {
  assessment: WorkspaceAssessment;
  report: string;
  decision: string;
  /** Earlier versions kept under a dated name. */
  kept: string[];
  /** Placeholders a user template does not know (they print nothing). */
  warnings: string[];
}

/** A user template must hold every required placeholder; unknown ones only warn. */
async function checkUserTemplate(file: string | undefined, kind: DocKind): Promise<string[]> {
  if (!file) return [];
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    throw new UserError(describeFsError(e, 'đọc', file));
  }
  const check = checkTemplate(buf, kind);
  const messages = templateCheckMessages(kind, check);
  if (check.missing.length) {
    throw new UserError(
      `«${file}»: ${messages.slice(0, check.missing.length).join(' ')} Hãy thêm trường này vào mẫu (xem danh sách trường trong tài liệu hướng dẫn) rồi chạy lại.`,
    );
  }
  return messages.map((m) => `«${file}»: ${m}`);
}

export async function runReport(ws: string, opts: ReportOptions, ctx: Context): Promise<ReportOutput> {
  const warnings = [...(await checkUserTemplate(opts.template, 'report')), ...(await checkUserTemplate(opts.decisionTemplate, 'decision'))];
  // The documents are built from a fresh ranking, so `Kết quả` and the documents always agree. The
  // control workbook is saved and let go first, so that it and the documents are never in memory
  // together (at 5,000 units that would pass the memory budget); it is reopened for `Nhật ký`.
  const assessment = await runStep(ws, 'report', ctx);
  const { control } = assessment;
  const input = assessment.report!;
  const docs = documentPaths(ws, control.settings.year);
  const kept: string[] = [];
  const write = async (file: string, content: Buffer) => {
    const old = await writeFileSafely(file, (tmp) => fs.writeFile(tmp, content), { now: ctx.now() });
    if (old) kept.push(old);
  };
  await write(docs.report, await writeReportDocx(input, opts.template));
  await write(docs.decision, await writeDecisionDocx(input, opts.decisionTemplate));

  const book = await ControlWorkbook.open(ws);
  book.log(
    ctx.now(),
    ctx.user(),
    'Tạo báo cáo và quyết định',
    [linkOf(ws, docs.report), linkOf(ws, docs.decision), ...kept.map((k) => `giữ bản cũ: ${linkOf(ws, k)}`)].join('; '),
  );
  await book.save();
  return { assessment, report: docs.report, decision: docs.decision, kept, warnings };
}

export async function report(ws: string, opts: ReportOptions, ctx: Context): Promise<number> {
  const out = await runReport(ws, opts, ctx);
  for (const w of out.warnings) ctx.err(`[Cảnh báo] ${w}`);
  const errors = out.assessment.findings.filter((f) => f.severity === 'Lỗi').length;
  ctx.out(`Đã tạo báo cáo: ${path.resolve(out.report)}`);
  ctx.out(`Đã tạo quyết định xếp loại: ${path.resolve(out.decision)}`);
  for (const k of out.kept) ctx.out(`Bản trước được giữ lại: ${path.resolve(k)}`);
  if (errors) ctx.out(`Lưu ý: còn ${errors} lỗi dữ liệu (sheet «Kiểm tra»); các đơn vị có lỗi không được xếp loại trong văn bản.`);
  return 0;
}
