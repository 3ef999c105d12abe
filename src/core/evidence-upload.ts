// Files a scorer attaches to a criterion from the sidebar: which types and sizes are taken (checked
// in the sidebar and again on the server, with the same words), the Drive folder they go to and
// its identity, who may read it, and the `Minh chứng` text with the new link.
import { cleanName } from './file-names';
import type { Cell } from './types';
import { cellText } from './text';

/** At most 10 MB per file (the bytes sent through google.script.run are base64: 4/3 of it). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** The types taken, by extension: PDF, images, Word and Excel (.docx, .xlsx). */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What the file input accepts (the same list, for the browser's picker). */
export const EVIDENCE_ACCEPT = Object.keys(EVIDENCE_TYPES)
  .map((e) => `.${e}`)
  .join(',');

const TYPE_WORDS = 'PDF, ảnh (JPG, PNG, GIF, WEBP, HEIC), Word (.docx) hoặc Excel (.xlsx)';

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;

/** The MIME type a file is stored with: the one of its extension (what the browser says is not trusted). */
export function evidenceMimeType(name: string): string | null {
  const ext = /\.([^.]+)$/u.exec(name.trim())?.[1]?.toLowerCase() ?? '';
  return EVIDENCE_TYPES[ext] ?? null;
}

/** Why a file cannot be attached (a Vietnamese sentence naming it), or null when it can. */
export function evidenceFileRefusal(name: string, bytes: number): string | null {
  const shown = `«${name.trim() || 'không tên'}»`;
  if (!evidenceMimeType(name)) return `Tệp ${shown} không đính kèm được: chỉ nhận tệp ${TYPE_WORDS}.`;
  if (bytes <= 0) return `Tệp ${shown} rỗng (0 byte); hãy chọn lại tệp.`;
  if (bytes > EVIDENCE_MAX_BYTES) {
    return `Tệp ${shown} dung lượng ${mb(bytes)}, vượt giới hạn ${mb(EVIDENCE_MAX_BYTES)} cho mỗi tệp; hãy nén hoặc tách tệp rồi đính kèm lại.`;
  }
  return null;
}

/** «Minh chứng – <tên đơn vị> – <năm>», in the scorer's Drive. */
export function evidenceFolderName(unitName: string, year: number | string): string {
  return `Minh chứng – ${cleanName(unitName) || 'đơn vị'} – ${year}`;
}

/** appProperties of a unit's evidence folder: found again by them, never made twice. */
export const EVIDENCE_FOLDER_KEY = 'dvcqEvidence';
export function evidenceFolderIdentity(year: number | string, unitCode: string): Record<string, string> {
  // A unit code fits Drive's 124 bytes per property (codes are short; control.ts refuses none here).
  return { dvcqYear: String(year), [EVIDENCE_FOLDER_KEY]: unitCode.trim().slice(0, 100) };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/u;

/**
 * Who reads a unit's evidence: the e-mails of the meta row (the administrator, the appraisers),
 * each once, lower-cased, without the one attaching (who owns the folder: the owner attaching in
 * the file's sidebar shares with nobody). Invalid entries are left out. Null when the row names
 * nobody (a file made before it): nobody could read the files.
 */
export function evidenceReaders(metaValue: Cell, scorer: string): string[] | null {
  const me = scorer.trim().toLowerCase();
  const listed: string[] = [];
  for (const part of cellText(metaValue).split(/[\s,;]+/u)) {
    const e = part.trim().toLowerCase();
    if (e && EMAIL.test(e) && !listed.includes(e)) listed.push(e);
  }
  return listed.length ? listed.filter((e) => e !== me) : null;
}

/** A folder permission as Drive lists it. */
export interface EvidencePermission {
  type?: string;
  role?: string;
  emailAddress?: string;
}

/**
 * Why the folder's sharing is not what it must be (only the scorer as owner and the readers as
 * readers: no other unit, no link), or null. Read back after sharing: Drive's answer is checked.
 */
export function evidenceSharingProblem(perms: readonly EvidencePermission[], scorer: string, readers: readonly string[]): string | null {
  const me = scorer.trim().toLowerCase();
  const want = new Set(readers);
  const seen = new Set<string>();
  const others: string[] = [];
  for (const p of perms) {
    const email = (p.emailAddress ?? '').toLowerCase();
    if (p.type === 'user' && p.role === 'owner' && email === me) continue;
    if (p.type === 'user' && p.role === 'reader' && want.has(email)) {
      seen.add(email);
      continue;
    }
    others.push(
      p.type === 'anyone' ? 'bất kỳ ai có đường liên kết' : p.type === 'domain' ? 'cả tên miền' : `${email || p.type} (${p.role})`,
    );
  }
  const missing = readers.filter((r) => !seen.has(r));
  if (others.length) {
    return `Thư mục minh chứng đang được chia sẻ cho người ngoài cơ quan quản lý và thẩm định: ${others.join(', ')}. Hãy bỏ chia sẻ này trong Google Drive rồi đính kèm lại.`;
  }
  if (missing.length) return `Chưa chia sẻ được thư mục minh chứng cho ${missing.join(', ')}; hãy thử lại.`;
  return null;
}

/** The `Minh chứng` cell with `link` added on its own line (kept as it is when already there). */
export function withEvidenceLink(cell: Cell, link: string): string {
  const text = cellText(cell);
  if (text.split(/[\r\n;]+/u).some((s) => s.trim() === link)) return text;
  return text ? `${text}\n${link}` : link;
}
