// Building rubrics (Bộ tiêu chí) from the rows of the `Tiêu chí` sheet, with every mistake reported.
import type { Cell, Criterion, CriterionKind, CriterionRow, Rubric } from './types';
import { cellText, DECIMAL_HINT, foldVietnamese, parseScore } from './text';
import { formatNumber } from './format';
import { cyrb53Hex } from './hash';

export interface RubricError {
  rubricId: string;
  code?: string;
  row?: number;
  message: string;
}

const KIND_WORDS: Record<string, CriterionKind> = {
  diem: 'score',
  'diem cham': 'score',
  score: 'score',
  thuong: 'bonus',
  'diem thuong': 'bonus',
  'diem cong': 'bonus',
  bonus: 'bonus',
  tru: 'penalty',
  'diem tru': 'penalty',
  penalty: 'penalty',
};

/** 'điểm' → score, 'thưởng' → bonus, 'trừ' → penalty; tolerant of case, diacritics and "Điểm …". */
export function parseKind(c: Cell): CriterionKind | null {
  return KIND_WORDS[foldVietnamese(cellText(c))] ?? null;
}

const YES_WORDS = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'bat buoc']);

/** 'Có', 'x', true, 1, 'yes' mean "evidence required"; anything else means no. */
export function parseYes(c: Cell | undefined): boolean {
  if (c === true) return true;
  if (typeof c === 'number') return c === 1;
  if (typeof c !== 'string') return false;
  return YES_WORDS.has(foldVietnamese(c));
}

const KIND_LABEL: Record<CriterionKind, string> = {
  score: 'điểm',
  bonus: 'thưởng',
  penalty: 'trừ',
};

/** Vietnamese word for a kind, as typed in the `Loại` column. */
export function kindLabel(kind: CriterionKind): string {
  return KIND_LABEL[kind];
}

// Sums of maxima such as 0.1 + 0.2 must compare equal to 0.3.
const EPS = 1e-9;

/**
 * Stable hash of what scoring depends on (codes, parents, maxima, kinds, evidence flags, in
 * order). Titles and guidance are left out: rewording a criterion must not invalidate workbooks.
 */
export function rubricFingerprint(r: Pick<Rubric, 'criteria'>): string {
  const text = r.criteria
    .map((c) => [c.code, c.parent ?? '', String(c.max), c.kind, c.evidenceRequired ? '1' : '0'].join('\u001f'))
    .join('\u001e');
  return cyrb53Hex(text);
}

const wordingCache = new WeakMap<object, string>();

/**
 * Hash of what people read in a unit file for each criterion (title and guidance), kept apart from
 * `rubricFingerprint`: rewording makes a file stale without touching any score.
 */
export function wordingFingerprint(r: Pick<Rubric, 'criteria'>): string {
  const known = wordingCache.get(r);
  if (known !== undefined) return known;
  const text = r.criteria.map((c) => [c.code, c.title.trim(), c.guidance.trim()].join('\u001f')).join('\u001e');
  const hash = cyrb53Hex(text);
  wordingCache.set(r, hash);
  return hash;
}

/** Codes whose title or guidance differ between two versions of a rubric (same codes compared). */
export function rewordedCodes(before: Pick<Rubric, 'criteria'>, after: Pick<Rubric, 'byCode'>): string[] {
  return before.criteria
    .filter((c) => {
      const now = after.byCode[c.code];
      return now !== undefined && (now.title.trim() !== c.title.trim() || now.guidance.trim() !== c.guidance.trim());
    })
    .map((c) => c.code);
}

/** Leaf criteria (no children) in display order, optionally of one kind. */
export function leaves(rubric: Pick<Rubric, 'criteria'>, kind?: CriterionKind): Criterion[] {
  return rubric.criteria.filter((c) => c.children.length === 0 && (kind === undefined || c.kind === kind));
}

interface Draft {
  code: string;
  parent: string | null;
  title: string;
  max: number | null;
  kind: CriterionKind | null;
  guidance: string;
  evidenceRequired: boolean;
  row?: number;
}

function where(rubricId: string, code: string | undefined, row: number | undefined): string {
  const parts = [`Bộ tiêu chí «${rubricId}»`];
  if (code) parts.push(`tiêu chí ${code}`);
  if (row !== undefined) parts.push(`dòng ${row}`);
  return parts.join(', ');
}

/** Parse all rubrics of the `Tiêu chí` sheet; a rubric with any error is left out of `rubrics`. */
export function parseRubrics(rows: CriterionRow[]): { rubrics: Record<string, Rubric>; errors: RubricError[] } {
  const errors: RubricError[] = [];
  const groups = new Map<string, CriterionRow[]>();

  for (const row of rows) {
    const rubricId = cellText(row.rubricId);
    const code = cellText(row.code);
    if (rubricId === '' && code === '') continue; // blank line
    if (rubricId === '') {
      errors.push({
        rubricId: '',
        code,
        row: row.row,
        message: `${row.row !== undefined ? `Dòng ${row.row}, ` : ''}tiêu chí ${code}: chưa ghi tên bộ tiêu chí (cột «Bộ tiêu chí»).`,
      });
      continue;
    }
    const list = groups.get(rubricId);
    if (list) list.push(row);
    else groups.set(rubricId, [row]);
  }

  const rubrics: Record<string, Rubric> = {};
  for (const [rubricId, groupRows] of groups) {
    const own: RubricError[] = [];
    const rubric = parseOneRubric(rubricId, groupRows, own);
    errors.push(...own);
    if (rubric && own.length === 0) rubrics[rubricId] = rubric;
  }
  return { rubrics, errors };
}

function parseOneRubric(rubricId: string, rows: CriterionRow[], errors: RubricError[]): Rubric | null {
  const fail = (code: string | undefined, row: number | undefined, what: string) =>
    errors.push({ rubricId, code, row, message: `${where(rubricId, code, row)}: ${what}` });

  const drafts: Draft[] = [];
  const byCode = new Map<string, Draft>();
  for (const row of rows) {
    const code = cellText(row.code);
    if (code === '') {
      fail(undefined, row.row, 'thiếu mã tiêu chí (cột «Mã»).');
      continue;
    }
    if (byCode.has(code)) {
      const first = byCode.get(code)!.row;
      fail(code, row.row, `mã tiêu chí bị trùng${first !== undefined ? ` với dòng ${first}` : ''}.`);
      continue;
    }
    const maxParsed = parseScore(row.max);
    let max: number | null = null;
    if (maxParsed.kind !== 'number') {
      const shown =
        maxParsed.kind === 'blank'
          ? 'để trống'
          : maxParsed.ambiguous
            ? `«${maxParsed.text}» không rõ là số nào (${DECIMAL_HINT})`
            : `«${maxParsed.text}» không phải là số`;
      fail(code, row.row, `điểm tối đa ${shown}.`);
    } else if (maxParsed.value < 0) {
      fail(code, row.row, `điểm tối đa ${formatNumber(maxParsed.value)} là số âm.`);
    } else {
      max = maxParsed.value;
    }
    const kind = parseKind(row.kind);
    if (kind === null) {
      const typed = cellText(row.kind);
      fail(code, row.row, `${typed ? `loại «${typed}» không hợp lệ` : 'chưa ghi loại'}; chỉ dùng «điểm», «thưởng» hoặc «trừ».`);
    }
    const parent = cellText(row.parent);
    const draft: Draft = {
      code,
      parent: parent === '' ? null : parent,
      title: cellText(row.title),
      max,
      kind,
      guidance: cellText(row.guidance ?? null),
      evidenceRequired: parseYes(row.evidenceRequired),
      row: row.row,
    };
    drafts.push(draft);
    byCode.set(code, draft);
  }

  const children = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.parent === null) continue;
    if (!byCode.has(d.parent)) {
      fail(d.code, d.row, `mã cha «${d.parent}» không có trong bộ tiêu chí.`);
      continue;
    }
    const list = children.get(d.parent);
    if (list) list.push(d);
    else children.set(d.parent, [d]);
  }

  checkCycles(drafts, byCode, fail);

  for (const d of drafts) {
    const parent = d.parent === null ? undefined : byCode.get(d.parent);
    if (parent && parent.kind && d.kind && parent.kind !== d.kind) {
      fail(d.code, d.row, `loại «${kindLabel(d.kind)}» khác loại «${kindLabel(parent.kind)}» của tiêu chí cha ${parent.code}.`);
    }
    const kids = children.get(d.code);
    if (!kids || d.max === null || kids.some((k) => k.max === null)) continue;
    const sum = kids.reduce((acc, k) => acc + (k.max as number), 0);
    if (sum > d.max + EPS) {
      fail(
        d.code,
        d.row,
        `tổng điểm tối đa của các tiêu chí thành phần (${formatNumber(sum)}) vượt điểm tối đa ${formatNumber(d.max)} của tiêu chí.`,
      );
    }
  }

  const topScore = drafts.filter((d) => d.parent === null && d.kind === 'score');
  const maxScore = topScore.reduce((acc, d) => acc + (d.max ?? 0), 0);
  if (topScore.length === 0) {
    fail(undefined, undefined, 'không có tiêu chí loại «điểm» nào.');
  } else if (maxScore <= 0) {
    fail(undefined, undefined, 'tổng điểm tối đa của các tiêu chí loại «điểm» phải lớn hơn 0.');
  }

  if (errors.length > 0) return null;
  return buildRubric(rubricId, drafts, children, maxScore);
}

/** Report each parent loop once, naming every code on it ("X1 → X2 → X1"). */
function checkCycles(
  drafts: Draft[],
  byCode: Map<string, Draft>,
  fail: (code: string | undefined, row: number | undefined, what: string) => void,
): void {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of drafts) {
    if (state.has(start.code)) continue;
    const path: Draft[] = [];
    let cur: Draft | undefined = start;
    while (cur && !state.has(cur.code)) {
      state.set(cur.code, 'visiting');
      path.push(cur);
      cur = cur.parent === null ? undefined : byCode.get(cur.parent);
    }
    if (cur && state.get(cur.code) === 'visiting') {
      const loop = path.slice(path.indexOf(cur));
      const names = [...loop.map((d) => d.code), cur.code].join(' → ');
      fail(cur.code, cur.row, `mã cha tạo thành vòng lặp (${names}).`);
    }
    for (const d of path) state.set(d.code, 'done');
  }
}

function buildRubric(id: string, drafts: Draft[], children: Map<string, Draft[]>, maxScore: number): Rubric {
  const criteria: Criterion[] = [];
  const byCode: Record<string, Criterion> = {};
  const visit = (d: Draft, depth: number) => {
    const kids = children.get(d.code) ?? [];
    const c: Criterion = {
      code: d.code,
      parent: d.parent,
      title: d.title,
      max: d.max as number,
      kind: d.kind as CriterionKind,
      guidance: d.guidance,
      evidenceRequired: d.evidenceRequired,
      children: kids.map((k) => k.code),
      depth,
    };
    criteria.push(c);
    byCode[c.code] = c;
    for (const k of kids) visit(k, depth + 1);
  };
  for (const d of drafts) if (d.parent === null) visit(d, 0);

  const bonusMax = drafts.filter((d) => d.parent === null && d.kind === 'bonus').reduce((acc, d) => acc + (d.max as number), 0);
  const rubric: Rubric = { id, criteria, byCode, maxScore, bonusMax, fingerprint: '' };
  rubric.fingerprint = rubricFingerprint(rubric);
  return rubric;
}

/** What a criterion row of `Tiêu chí` holds (a parsed criterion, or one the sidebar received). */
export type CriterionFields = Pick<Criterion, 'code' | 'parent' | 'title' | 'max' | 'kind' | 'guidance' | 'evidenceRequired'>;

/** Criteria back to `Tiêu chí` rows, the input of `parseRubrics` (the unit file embeds them; the sidebar rebuilds its rubric). */
export function rubricRows(rubricId: string, criteria: readonly CriterionFields[]): CriterionRow[] {
  return criteria.map((c) => ({
    rubricId,
    code: c.code,
    parent: c.parent ?? '',
    title: c.title,
    max: c.max,
    kind: kindLabel(c.kind),
    guidance: c.guidance,
    evidenceRequired: c.evidenceRequired ? 'Có' : '',
  }));
}
