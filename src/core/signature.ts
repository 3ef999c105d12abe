// Who signs each document, and how (NĐ 30/2020/NĐ-CP, Phụ lục I, and DOMAIN.md §7): a document
// issued by a collective body (the report of an Ủy ban nhân dân) is signed «TM. ỦY BAN NHÂN DÂN»,
// then «KT. CHỦ TỊCH» when a vice-chair signs; a document issued by the head personally (the Chủ
// tịch's decision) is signed «CHỦ TỊCH», or «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH» — never «TM.». Each
// document has its own setting; when it is empty the lines are derived from the title.
import type { Settings } from './config';
import { CONFIG_KEYS } from './config';
import { foldVietnamese } from './text';

export type SignedDoc = 'report' | 'decision';

export interface Signature {
  /** Authority lines above the title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), upper case. */
  authority: string[];
  /** The signer's title ("PHÓ CHỦ TỊCH"), upper case. */
  title: string;
}

const upper = (s: string) => s.normalize('NFC').trim().toUpperCase();
const folded = (s: string) => foldVietnamese(s).trim();
const isUbnd = (line: string) => /^(uy ban nhan dan|ubnd)\b/.test(folded(line));
const isDeputy = (title: string) => /^pho\b/.test(folded(title));
/** "PHÓ CHỦ TỊCH" → "CHỦ TỊCH"; "PHÓ GIÁM ĐỐC" → "GIÁM ĐỐC". */
const headOf = (title: string) => upper(title).replace(/^PHÓ\s+/u, '');

/** The decision is issued by the head personally ("CHỦ TỊCH ỦY BAN NHÂN DÂN …", or empty: the default). */
export function decisionByHead(s: Settings): boolean {
  const authority = folded(s.decisionAuthority);
  if (authority === '') return s.issuingBody.length === 0 || s.issuingBody.some(isUbnd);
  return !isUbnd(authority);
}

/** The report is issued by the collective body when the issuing body is an Ủy ban nhân dân. */
const reportByCollective = (s: Settings) => s.issuingBody.some(isUbnd);

/** The lines a document gets when its own setting is empty. */
function defaultAuthority(s: Settings, doc: SignedDoc): string[] {
  const lines: string[] = [];
  const collective = doc === 'report' ? reportByCollective(s) : !decisionByHead(s);
  if (collective) lines.push('TM. ỦY BAN NHÂN DÂN');
  if (isDeputy(s.signTitle)) lines.push(`KT. ${headOf(s.signTitle)}`);
  return lines;
}

/** The typed setting of a document: its own row, then (report only) the old shared «Thẩm quyền ký». */
function typedAuthority(s: Settings, doc: SignedDoc): string[] | null {
  const own = doc === 'report' ? s.reportSignAuthority : s.decisionSignAuthority;
  if (own.length) return own;
  if (doc === 'report' && s.signAuthority.length) return s.signAuthority;
  return null;
}

export function signatureOf(s: Settings, doc: SignedDoc): Signature {
  return { authority: (typedAuthority(s, doc) ?? defaultAuthority(s, doc)).map(upper), title: upper(s.signTitle) };
}

/**
 * Combinations that cannot be signed: «TM.» on a decision the Chủ tịch issues personally, «KT.»
 * with a head's title, a deputy's title without «KT.». Each message names the setting and the fix.
 */
export function signatureProblems(s: Settings): string[] {
  const problems: string[] = [];
  for (const doc of ['report', 'decision'] as const) {
    const typed = typedAuthority(s, doc);
    if (!typed) continue;
    const { authority, title } = signatureOf(s, doc);
    const key =
      doc === 'report' && !s.reportSignAuthority.length
        ? CONFIG_KEYS.signAuthority[0]
        : CONFIG_KEYS[doc === 'report' ? 'reportSignAuthority' : 'decisionSignAuthority'][0];
    const where = `«${key}» ghi «${authority.join(' | ')}»`;
    const fix = `hãy sửa «${key}», hoặc để trống để công cụ tự ghi «${defaultAuthority(s, doc).join(' | ') || title}».`;
    const hasTm = authority.some((l) => /^TM\./u.test(l));
    const kt = authority.find((l) => /^KT\./u.test(l));
    if (doc === 'decision' && hasTm && decisionByHead(s)) {
      problems.push(
        `${where} nhưng quyết định do Chủ tịch ban hành («${CONFIG_KEYS.decisionAuthority[0]}»: ` +
          `«${s.decisionAuthority || 'CHỦ TỊCH ỦY BAN NHÂN DÂN'}»), nên không ký «TM.» (chỉ văn bản của tập thể Ủy ban mới ký «TM.»); ${fix}`,
      );
    }
    if (kt && title && !isDeputy(title)) {
      problems.push(`${where} nhưng «${CONFIG_KEYS.signTitle[0]}» là «${title}»: «KT.» chỉ dùng khi cấp phó ký thay; ${fix}`);
    }
    if (!kt && isDeputy(title)) {
      problems.push(`${where} nhưng người ký là «${title}» (cấp phó) nên phải có dòng «KT. ${headOf(title)}»; ${fix}`);
    }
  }
  return problems;
}
