// "Tạo báo cáo" / "Tạo quyết định xếp loại": copy the template (the user's, from `Cấu hình`, or
// the default one, created once), fill it, save it in the year folder. A re-run keeps the previous
// document, renamed with a date suffix. Never two documents with the official name: the template
// is checked before anything is copied; the copy is made under a working name and remembered at
// once as pending (a leftover of a run that died is trashed by the next one); only when it is
// filled and saved is the previous document renamed, then the new one given the official name.
import type { Settings } from '../../core/config';
import {
  buildDecisionModel,
  buildReportModel,
  DocKind,
  draftFileName,
  finalRefusal,
  isDraft,
  ReportInput,
  REQUIRED_PLACEHOLDERS,
} from '../../core/report-model';
import { SHEETS } from '../../core/schema';
import { CONFIG_KEYS } from '../../core/config';
import { oldVersionName, placeholdersIn } from '../../core/gas-support';
import { Env, nowOf } from '../env';
import { UserError } from '../errors';
import { KEYS, Store } from '../store';
import { copyFile, createDocumentFile, DriveEntry, fileState, renameFile, trashFile } from '../drive';
import type { DocModel } from '../../core/report-model';
import { renderDefaultTemplate } from './render';
import { placeholderUsage } from '../../core/placeholder-guide';
import { fillDocument, templateProblems } from './fill';

export const DOC_LABEL: Record<DocKind, string> = { report: 'báo cáo', decision: 'quyết định' };

export function documentName(kind: DocKind, year: number, draft = false): string {
  return draftFileName(
    kind === 'report'
      ? `Báo cáo kết quả thực hiện công tác dân vận chính quyền năm ${year}`
      : `Quyết định công nhận kết quả đánh giá, phân loại công tác dân vận chính quyền năm ${year}`,
    draft,
  );
}

export interface DocumentOutput {
  name: string;
  url: string;
  /** Name given to the previous document, when there was one. */
  previous: string | null;
  /** Placeholders of the template the model does not know. */
  unknown: string[];
}

export const defaultTemplateName = (kind: DocKind) => `Mẫu ${DOC_LABEL[kind]} mặc định DVCQ`;
export const documentUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

/** The template file: the user's (id in `Cấu hình`), else the default one (created when missing). */
function templateFile(env: Env, store: Store, kind: DocKind, settings: Settings, folder: DriveEntry): DriveEntry {
  const userId = kind === 'report' ? settings.reportTemplateId : settings.decisionTemplateId;
  const key = kind === 'report' ? CONFIG_KEYS.reportTemplateId[0] : CONFIG_KEYS.decisionTemplateId[0];
  if (userId) {
    const s = fileState(env, userId);
    if (s.state === 'ok') return s.file;
    throw new UserError(
      `Không mở được mẫu ${DOC_LABEL[kind]} có mã «${userId}» (ghi ở «${key}», sheet «${SHEETS.config}»): ` +
        (s.state === 'trashed'
          ? 'tệp đang nằm trong Thùng rác. '
          : 'tệp không tồn tại, hoặc là tài liệu không do công cụ tạo (công cụ chỉ có quyền với tệp do chính nó tạo). ') +
        `Cách làm: để trống ô «${key}», chạy lại để công cụ tạo «Mẫu ${DOC_LABEL[kind]} mặc định DVCQ» trong thư mục năm, ` +
        'rồi sửa hoặc dán nội dung mẫu của mình vào tài liệu đó.',
    );
  }
  const known = store.get(KEYS.template(kind));
  if (known) {
    const s = fileState(env, known);
    if (s.state === 'ok') return s.file;
  }
  const name = defaultTemplateName(kind);
  const doc = renderDefaultTemplate(env.gas, createDocumentFile(env, name, folder.id), kind);
  const id = doc.getId();
  doc.saveAndClose();
  store.set(KEYS.template(kind), id);
  return { id, name, url: documentUrl(id) };
}

/** The template's required placeholders are there, and its table placeholders can take a table. */
function checkTemplate(env: Env, kind: DocKind, template: DriveEntry, model: DocModel): void {
  const body = env.gas.DocumentApp.openById(template.id).getBody();
  const present = placeholdersIn(body.getText());
  const have = new Set(present);
  const missing = REQUIRED_PLACEHOLDERS[kind].filter((p) => !have.has(p));
  if (missing.length) {
    throw new UserError(
      `Mẫu ${DOC_LABEL[kind]} «${template.name}» thiếu chỗ đánh dấu ${missing.map((m) => `{{${m}}}`).join(', ')}. ` +
        `Thêm vào mẫu: ${missing.map((m) => `${m}: ${placeholderUsage({ name: m, kind: model.tables[m] ? 'table' : model.lists[m] ? 'list' : 'field' }).google}`).join('; ')}; ` +
        `rồi chạy lại (mọi chỗ đánh dấu: sheet «${SHEETS.templateGuide}»).`,
    );
  }
  const problems = templateProblems(env.gas, body, model, present);
  if (problems.length) {
    throw new UserError(`Mẫu ${DOC_LABEL[kind]} «${template.name}»: ${problems.join('; ')}. Sửa mẫu rồi chạy lại.`);
  }
}

/** Keep the previous document of this year under a dated name; returns that name. */
function keepPrevious(env: Env, store: Store, kind: DocKind, year: number): string | null {
  const id = store.get(KEYS.doc(year, kind));
  if (!id) return null;
  const s = fileState(env, id);
  if (s.state !== 'ok') return null;
  const name = oldVersionName(s.file.name, nowOf(env));
  renameFile(env, id, name);
  return name;
}

/** The working name of a copy being filled (never the official name). */
export const workingName = (name: string) => `${name} (đang tạo — sẽ tự xóa nếu bị gián đoạn)`;

/** Trash what a run that died between the copy and the end left behind. */
function dropPending(env: Env, store: Store, kind: DocKind, year: number): void {
  const key = KEYS.pendingDoc(year, kind);
  const id = store.get(key);
  if (!id) return;
  trashFile(env, id);
  store.delete(key);
}

/** The document of `kind` from the core's input (ReportInput, built by the step), in `folder`. */
export function writeDocument(
  env: Env,
  store: Store,
  kind: DocKind,
  modelInput: ReportInput,
  folder: DriveEntry,
  opts: { final?: boolean } = {},
): DocumentOutput {
  const year = modelInput.settings.year;
  // The final version is refused (before any copy) while a unit is in the way; the core lists them.
  const refusal = opts.final ? finalRefusal(modelInput) : null;
  if (refusal) throw new UserError(refusal);
  const template = templateFile(env, store, kind, modelInput.settings, folder);
  const model = kind === 'report' ? buildReportModel(modelInput) : buildDecisionModel(modelInput);
  // Everything that can be known to fail is checked on the template, before anything is copied.
  checkTemplate(env, kind, template, model);
  dropPending(env, store, kind, year);

  const name = documentName(kind, year, isDraft(modelInput));
  const pendingKey = KEYS.pendingDoc(year, kind);
  const copy = copyFile(env, template.id, workingName(name), folder.id);
  store.set(pendingKey, copy.id);
  let unknown: string[];
  try {
    const doc = env.gas.DocumentApp.openById(copy.id);
    unknown = fillDocument(env.gas, doc.getBody(), model).unknown;
    doc.saveAndClose();
  } catch (e) {
    // The half-filled copy goes to the trash now (else the next run does it).
    try {
      trashFile(env, copy.id);
      store.delete(pendingKey);
    } catch {
      // Left pending: trashed by the next run.
    }
    throw e;
  }
  // Filled and saved: the previous document steps aside, then the new one takes the name.
  const previous = keepPrevious(env, store, kind, year);
  renameFile(env, copy.id, name);
  store.set(KEYS.doc(year, kind), copy.id);
  store.delete(pendingKey);
  return { name, url: copy.url, previous, unknown };
}
