// dvcq template export <ws>: the default report and decision templates as .docx files a user can
// edit and pass back with `report --template` / `--decision-template`, with the placeholder guide
// beside them. dvcq template guide: the guide (Markdown) on standard output (docs/mau-van-ban.md).
// An existing file is never overwritten: it is kept under a dated name.
import fs from 'node:fs/promises';
import path from 'node:path';
import { decisionLayout, reportLayout } from '../../core/doc-layout';
import { guideMarkdown } from '../../core/placeholder-guide';
import { Context } from '../context';
import { writeFileSafely } from '../files';
import { buildDefaultTemplate } from '../docx';

export const TEMPLATE_DIR = 'Mẫu văn bản';
export const TEMPLATE_FILES = {
  report: 'Mẫu báo cáo mặc định.docx',
  decision: 'Mẫu quyết định mặc định.docx',
  guide: 'Hướng dẫn chỗ đánh dấu.md',
} as const;

export async function exportTemplates(ws: string, ctx: Context): Promise<{ files: string[]; kept: string[] }> {
  const dir = path.join(ws, TEMPLATE_DIR);
  const files: string[] = [];
  const kept: string[] = [];
  const write = async (name: string, content: Buffer | string) => {
    const file = path.join(dir, name);
    const old = await writeFileSafely(file, (tmp) => fs.writeFile(tmp, content), { now: ctx.now() });
    files.push(file);
    if (old) kept.push(old);
  };
  await write(TEMPLATE_FILES.report, await buildDefaultTemplate(reportLayout(), 'Mẫu báo cáo công tác dân vận chính quyền'));
  await write(
    TEMPLATE_FILES.decision,
    await buildDefaultTemplate(decisionLayout(), 'Mẫu quyết định công nhận kết quả đánh giá, phân loại'),
  );
  await write(TEMPLATE_FILES.guide, guideMarkdown());
  return { files, kept };
}

export async function template(action: string, args: string[], ctx: Context): Promise<number> {
  if (action === 'guide') {
    ctx.out(guideMarkdown());
    return 0;
  }
  if (action !== 'export' || args.length !== 1) {
    ctx.err('Lỗi: cách dùng «dvcq template export <thư mục>» hoặc «dvcq template guide». Xem «dvcq help».');
    return 2;
  }
  const ws = args[0];
  const out = await exportTemplates(ws, ctx);
  for (const f of out.files) ctx.out(`Đã ghi: ${path.resolve(f)}`);
  for (const k of out.kept) ctx.out(`Bản trước được giữ lại: ${path.resolve(k)}`);
  const [report, decision] = out.files;
  ctx.out(
    `Sửa mẫu trong Word hoặc LibreOffice (giữ nguyên các chỗ đánh dấu {{…}}, xem «${TEMPLATE_FILES.guide}»), rồi chạy:\n` +
      `  dvcq report ${ws} --template "${report}" --decision-template "${decision}"`,
  );
  return 0;
}
