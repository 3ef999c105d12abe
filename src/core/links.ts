// Whether a `Liên kết` cell may be followed offline: only to a file inside the workspace folder, so
// a mistyped or malicious link never makes the tool read, rename or rewrite a file elsewhere.
// Pure text rules (no file system); the adapter joins the segments to the workspace path.

export type LinkCheck = { ok: true; segments: string[] } | { ok: false; reason: string };

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const DRIVE = /^[a-z]:/i;
const CONTROL_CHARS = /[\u0000-\u001f]/;

/** "/a//b/./c" → ["a", "b", "c"]; null when ".." climbs above the start. */
function segmentsOf(path: string): string[] | null {
  const out: string[] = [];
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(part);
  }
  return out;
}

/**
 * A link relative to the workspace ("Dân vận chính quyền 2024/Cụm 1/….xlsx", "/" or "\"), normalized
 * into path segments; refused with the reason (Vietnamese, to follow "ô «Liên kết» ghi «…»: ")
 * when it leaves the workspace. An absolute path is accepted only inside `root` (the workspace's
 * absolute path, when the caller knows it).
 */
export function checkWorkspaceLink(link: string, root?: string): LinkCheck {
  const text = link.normalize('NFC').trim();
  if (text === '') return { ok: false, reason: 'để trống' };
  if (CONTROL_CHARS.test(text)) return { ok: false, reason: 'có ký tự điều khiển, không phải đường dẫn tệp' };
  if (URL.test(text)) return { ok: false, reason: 'là một địa chỉ web, không phải đường dẫn tệp trong thư mục làm việc' };
  if (/^[\\/]/.test(text) || DRIVE.test(text)) {
    const inside = root ? within(text, root) : null;
    if (inside) return { ok: true, segments: inside };
    return { ok: false, reason: 'là đường dẫn tuyệt đối tới nơi nằm ngoài thư mục làm việc' };
  }
  const segments = segmentsOf(text);
  if (!segments) return { ok: false, reason: 'dùng «..» để trỏ ra ngoài thư mục làm việc' };
  if (!segments.length) return { ok: false, reason: 'không trỏ tới tệp nào' };
  return { ok: true, segments };
}

/** Segments of an absolute `path` below `root`, or null when it is not below it. */
function within(path: string, root: string): string[] | null {
  const drive = (p: string) => (DRIVE.test(p) ? p.slice(0, 2).toLowerCase() : '');
  if (drive(path) !== drive(root)) return null;
  const p = segmentsOf(path.slice(drive(path).length));
  const r = segmentsOf(root.normalize('NFC').slice(drive(root).length));
  if (!p || !r || p.length <= r.length || r.some((s, i) => s !== p[i])) return null;
  return p.slice(r.length);
}

/** The sentence shown when a link is refused (the unit is named by the caller). */
export function refusedLinkMessage(link: string, reason: string, column = 'Liên kết'): string {
  return (
    `ô «${column}» ghi «${link}»: ${reason}. Công cụ không đọc và không ghi tệp nào nằm ngoài thư mục làm việc. ` +
    `Hãy chép tệp biểu mẫu vào thư mục làm việc và ghi «${column}» là đường dẫn tính từ thư mục đó ` +
    `(ví dụ «Dân vận chính quyền 2024/Cụm 1/BS-X08 - Xã Bình Chánh.xlsx»), hoặc xóa ô «${column}» để công cụ tìm tệp ở chỗ mặc định.`
  );
}
