// «Đính kèm minh chứng» in the scorer's sidebar: a file sent by google.script.run (base64) is
// checked again here (type, size), stored in the scorer's own Drive folder «Minh chứng – <đơn vị>
// – <năm>» (made once, found again by its appProperties), which is shared as reader with the
// readers of the unit file's meta sheet only, the sharing read back; then its link is added to
// the criterion's `Minh chứng` cell (one write, through scorerSave). Under `drive.file` the script
// sees only the folder and files it created itself.
import type { EvidenceUpload, ScorerState } from './api';
import { STATUS } from '../core/types';
import {
  evidenceFileRefusal,
  evidenceFolderIdentity,
  evidenceFolderName,
  evidenceMimeType,
  evidenceReaders,
  evidenceSharingProblem,
  withEvidenceLink,
} from '../core/evidence-upload';
import { activeUser, Env, nowOf } from './env';
import { UserError } from './errors';
import { createFolder, DriveEntry, foldersWithIdentity, permissionsOf, shareWithReader, uploadFile } from './drive';
import { openUnitView, readView, statusOf } from './unit-view';
import { EXTRA_META, metaText, metaValues } from './unit-meta';
import { scorerSave } from './scorer';

export function scorerAttachEvidence(env: Env, upload: EvidenceUpload): ScorerState {
  const name = String(upload?.name ?? '')
    .normalize('NFC')
    .trim();
  const code = String(upload?.code ?? '').trim();
  // Type first, before anything is read or decoded; the size once the bytes are known.
  const typeRefusal = evidenceFileRefusal(name, 1);
  if (typeRefusal) throw new UserError(typeRefusal);
  const view = openUnitView(env);
  if (statusOf(view) === STATUS.submitted) {
    throw new UserError('Đơn vị đã nộp kết quả nên không đính kèm thêm minh chứng được. Liên hệ cơ quan quản lý nếu cần mở lại biểu mẫu.');
  }
  const c = view.rubric.byCode[code];
  if (!c || c.children.length) throw new UserError(`Tiêu chí «${code}» không có ô minh chứng (chỉ đính kèm ở tiêu chí thành phần).`);
  let bytes: GoogleAppsScript.Byte[];
  try {
    bytes = env.gas.Utilities.base64Decode(String(upload.base64 ?? ''));
  } catch {
    throw new UserError(`Không đọc được nội dung tệp «${name}» gửi lên; hãy chọn lại tệp.`);
  }
  const sizeRefusal = evidenceFileRefusal(name, bytes.length);
  if (sizeRefusal) throw new UserError(sizeRefusal);

  const scorer = activeUser(env);
  if (!scorer)
    throw new UserError('Không xác định được tài khoản Google đang dùng nên chưa đính kèm được; hãy đăng nhập rồi mở lại biểu mẫu.');
  const readers = evidenceReaders(metaText(metaValues(view.metaGrid), EXTRA_META.evidenceReaders), scorer);
  if (!readers) {
    throw new UserError(
      'Biểu mẫu này chưa ghi người xem minh chứng (tạo trước khi có chức năng đính kèm), nên tệp chưa được tải lên. ' +
        'Hãy ghi đường liên kết của tài liệu vào ô «Minh chứng», hoặc đề nghị cơ quan quản lý cấp lại biểu mẫu.',
    );
  }
  const year = view.year ?? nowOf(env).getFullYear();
  const folder = evidenceFolder(env, view.unit, year, scorer, readers);
  const file = uploadFile(env, env.gas.Utilities.newBlob(bytes, evidenceMimeType(name)!, name), name, evidenceMimeType(name)!, folder.id);
  const current = readView(view).entries[code]?.evidence ?? null;
  return scorerSave(env, code, 'evidence', withEvidenceLink(current, file.url));
}

/**
 * The unit's evidence folder in the scorer's Drive, made once (found again by its identity on a
 * later attachment or after a run killed before it finished), shared with `readers` only. What
 * Drive then lists is checked: anyone else — another unit, a link for anyone — and nothing is
 * uploaded.
 */
function evidenceFolder(env: Env, unit: { code: string; name: string }, year: number, scorer: string, readers: string[]): DriveEntry {
  const identity = evidenceFolderIdentity(year, unit.code);
  const folder = foldersWithIdentity(env, identity)[0] ?? createFolder(env, evidenceFolderName(unit.name, year), undefined, identity);
  let perms = permissionsOf(env, folder.id);
  const missing = readers.filter((r) => !perms.some((p) => p.type === 'user' && (p.emailAddress ?? '').toLowerCase() === r));
  if (missing.length) {
    for (const r of missing) shareWithReader(env, folder.id, r);
    perms = permissionsOf(env, folder.id);
  }
  const problem = evidenceSharingProblem(perms, scorer, readers);
  if (problem) throw new UserError(problem);
  return folder;
}
