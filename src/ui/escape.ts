// Text from sheets is data: these helpers decide what of it may become a link.

/** The address when it is an absolute http(s) URL, else null (no javascript:, data:, relative…). */
export function safeUrl(text: string): string | null {
  const s = String(text ?? '').trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href;
  } catch {
    return null;
  }
}

/** The http(s) addresses inside free text (evidence often mixes words and links). */
export function urlsIn(text: string): string[] {
  const found = String(text ?? '').match(/https?:\/\/[^\s<>"'«»]+/gi) ?? [];
  const out: string[] = [];
  for (const raw of found) {
    const url = safeUrl(raw.replace(/[.,;:)\]]+$/, ''));
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}
