// Offline documents: the report and the classification decision as .docx, from the default
// layout or from a user's Word template with the same `{{placeholders}}`.
import { readFile } from 'fs/promises';
import { decisionLayout, reportLayout } from '../../core/doc-layout';
import { buildDecisionModel, buildReportModel, ReportInput } from '../../core/report-model';
import { buildDefaultTemplate } from './template';
import { renderDocx } from './render';

export { buildDefaultTemplate } from './template';
export { checkTemplate, renderDocx, templateCheckMessages } from './render';
export type { TemplateCheck } from './render';

async function loadTemplate(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tìm thấy tệp' : String((e as Error).message ?? e);
    throw new Error(`Không đọc được ${what.toLowerCase()} «${path}»: ${detail}.`);
  }
}

/** The report (.docx). `templatePath`: a user's template replacing the default layout. */
export async function writeReportDocx(input: ReportInput, templatePath?: string): Promise<Buffer> {
  const KIND = 'Mẫu báo cáo';
  const what = templatePath ? `${KIND} «${templatePath}»` : `${KIND} mặc định`;
  const template = templatePath
    ? await loadTemplate(templatePath, KIND)
    : await buildDefaultTemplate(reportLayout(), `Báo cáo công tác dân vận chính quyền năm ${input.settings.year}`);
  return renderDocx(template, buildReportModel(input), what);
}

/** The classification decision with its appendix (.docx). */
export async function writeDecisionDocx(input: ReportInput, templatePath?: string): Promise<Buffer> {
  const KIND = 'Mẫu quyết định';
  const what = templatePath ? `${KIND} «${templatePath}»` : `${KIND} mặc định`;
  const template = templatePath
    ? await loadTemplate(templatePath, KIND)
    : await buildDefaultTemplate(
        decisionLayout(),
        `Quyết định công nhận kết quả đánh giá, phân loại công tác dân vận năm ${input.settings.year}`,
      );
  return renderDocx(template, buildDecisionModel(input), what);
}
