// dvcq report <ws> [--template f.docx] [--decision-template f.docx]: the report and the
// classification decision (.docx) in the year folder. An existing document is never overwritten:
// it is kept as "… (cũ <date-time>).docx", since someone may have edited it.
import fs from 'node:fs/promises';
import path from 'node:path';
import PizZip from 'pizzip';
import { DocKind, draftObstacles, finalRefusal, isDraft } from '../../core/report-model';
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
  /** The final version: refused while a unit has not submitted or has a blocking error. */
  final?: boolean;
}

export interface ReportOutput {
  assessment: WorkspaceAssessment;
  report: string;
  decision: string;
  /** Earlier versions kept under a dated name. */
  kept: string[];
  /** Placeholders a user template does not know (they print nothing). */
  warnings: string[];
  /** The documents are drafts («DỰ THẢO»): a unit has not submitted or has a blocking error. */
  draft: boolean;
}

/** Why `buf` is not a Word .docx (an .xlsx, a .pptx, an old .doc, not a zip at all), or null when it is one. */
function notDocxReason(buf: Buffer): string | null {
  let zip: PizZip;
  try {
    zip = new PizZip(buf);
  } catch {
    return 'không phải tệp Office dạng .docx (có thể là tệp .doc cũ, PDF hoặc tệp đã hỏng)';
  }
  if (zip.file('word/document.xml')) return null;
  if (zip.file('xl/workbook.xml')) return 'là bảng tính Excel (.xlsx), không phải văn bản Word';
  if (zip.file('ppt/presentation.xml')) return 'là tệp trình chiếu PowerPoint (.pptx), không phải văn bản Word';
  return 'không phải văn bản Word (.docx)';
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
  const notWord = notDocxReason(buf);
  if (notWord) {
    const option = kind === 'report' ? '--template' : '--decision-template';
    throw new UserError(
      `tệp «${file}» (tùy chọn ${option}) ${notWord}; mẫu văn bản phải là tệp Word .docx. Hãy chọn đúng tệp mẫu .docx rồi chạy lại.`,
    );
  }
  const check = checkTemplate(buf, kind, file);
  const messages = templateCheckMessages(kind, check);
  const blocking = check.missing.length + check.plainLoops.length;
  if (blocking) {
    throw new UserError(
      `«${file}»: ${messages.slice(0, blocking).join(' ')} Sửa mẫu rồi chạy lại (mọi chỗ đánh dấu: «dvcq template guide»; mẫu mặc định để sửa: «dvcq template export <thư mục>»).`,
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
  const refusal = opts.final ? finalRefusal(input) : null;
  if (refusal) {
    const book = await ControlWorkbook.open(ws);
    book.log(ctx.now(), ctx.user(), 'Tạo báo cáo và quyết định (bản chính thức)', refusal);
    await book.save();
    throw new UserError(refusal);
  }
  const draft = isDraft(input);
  const docs = documentPaths(ws, control.settings.year, draft);
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
  return { assessment, report: docs.report, decision: docs.decision, kept, warnings, draft };
}

export async function report(ws: string, opts: ReportOptions, ctx: Context): Promise<number> {
  const out = await runReport(ws, opts, ctx);
  for (const w of out.warnings) ctx.err(`[Cảnh báo] ${w}`);
  const what = out.draft ? ' (bản DỰ THẢO)' : ' (bản chính thức)';
  ctx.out(`Đã tạo báo cáo${what}: ${path.resolve(out.report)}`);
  ctx.out(`Đã tạo quyết định xếp loại${what}: ${path.resolve(out.decision)}`);
  for (const k of out.kept) ctx.out(`Bản trước được giữ lại: ${path.resolve(k)}`);
  if (out.draft) {
    const n = draftObstacles(out.assessment.report!).length;
    ctx.out(
      `Lưu ý: văn bản ghi «DỰ THẢO» vì còn ${n} vướng mắc (đơn vị chưa nộp hoặc hồ sơ chưa hợp lệ, xem sheet «Kiểm tra»); ` +
        'khi đã xử lý hết, chạy «dvcq report <thư mục> --final» để tạo bản chính thức.',
    );
  }
  return 0;
}
