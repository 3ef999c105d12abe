// Checks of what a unit typed in `Chấm điểm`, always against the rubric of the control workbook.
import type { Cell, Criterion, Entries, Entry, Finding, Rubric, ScoringConfig, Severity } from './types';
import { cellText, DECIMAL_HINT, looksLikeFormulaOrScript, parseScore } from './text';
import { effectiveValue } from './score';
import { formatNumberMax } from './format';
import { SHEETS } from './schema';
import { EvidenceFound, evidenceItems } from './evidence';

export type FindingCode =
  | 'not-a-number'
  | 'negative'
  | 'above-max'
  | 'step'
  | 'children-above-parent'
  | 'bonus-cap'
  | 'penalty-sign'
  | 'missing-evidence'
  | 'evidence-not-found'
  | 'evidence-outside'
  | 'blank-score'
  | 'appraisal-without-self'
  | 'appraisal-without-reason'
  | 'formula-text'
  | 'unknown-criterion'
  | 'number-as-text'
  | 'ambiguous-number';

/** Findings that do not block classification: scoring handles them or they need a human look. */
const WARNINGS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'bonus-cap',
  'appraisal-without-self',
  // The appraiser's omission must not keep the unit out of the ranking: a warning for the owner.
  'appraisal-without-reason',
  'unknown-criterion',
  'number-as-text',
]);

const EPS = 1e-9;
const ENTRY_CELLS = ['self', 'appraised', 'evidence', 'note', 'reason'] as const;
type EntryCell = (typeof ENTRY_CELLS)[number];
const VALUE_FIELDS = [
  { field: 'self', label: 'điểm tự chấm' },
  { field: 'appraised', label: 'điểm thẩm định' },
] as const;

/** Numbers as typed, up to 4 decimals, Vietnamese style ("8,5"). */
const num = (n: number) => formatNumberMax(n, 4);

/** Quote user text in a message without flooding it. */
function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `«${short}»`;
}

/** What to type, in plain words: «Chỉ nhập số, ví dụ 3 hoặc 3,5 — mỗi bậc 0,25». */
function typeHint(step: number): string {
  const half = isMultiple(0.5, step) ? 3.5 : 3 + step;
  return `Chỉ nhập số, ví dụ 3 hoặc ${num(half)}${step > 0 ? ` — mỗi bậc ${num(step)}` : ''}`;
}

/** «3 điểm» is a number with words: say which number to type; other text: say what a score looks like. */
function notANumber(label: string, text: string, step: number): string {
  const lead = /^\s*(\d+(?:,\d+)?)\s*[^\d\s.,]/u.exec(text);
  const n = lead ? parseScore(lead[1]) : null;
  if (n && n.kind === 'number') return `${label} ${quote(text)} có kèm chữ; chỉ nhập số, tức là ${num(n.value)}.`;
  return `${label} ${quote(text)} không phải là số. ${typeHint(step)}.`;
}

function isMultiple(v: number, step: number): boolean {
  if (!(step > 0)) return true;
  const q = v / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/**
 * Validate one unit's entries. Every finding names the unit, the criterion and the cell.
 * Entries of parent criteria only matter for the children-above-parent check (and formula text).
 */
export function validateEntries(
  unit: { code: string; name: string },
  rubric: Rubric,
  entries: Entries,
  cfg: ScoringConfig,
  /** `evidence`: which `Minh chứng` paths exist beside the unit's file; without it paths are not looked for. */
  opts: { sheet?: string; evidence?: EvidenceFound } = {},
): Finding[] {
  const sheet = opts.sheet ?? SHEETS.scoring;
  const findings: Finding[] = [];
  const found = opts.evidence ? new Set(opts.evidence.found) : null;

  const add = (code: FindingCode, criterion: string | undefined, cell: string | undefined, what: string, level?: Severity) => {
    let place = `${unit.name} (${unit.code})`;
    if (criterion) place += `, tiêu chí ${criterion}`;
    if (cell) place += `, ô ${cell}`;
    const severity: Severity = level ?? (WARNINGS.has(code) ? 'Cảnh báo' : 'Lỗi');
    const f: Finding = { severity, unitCode: unit.code, sheet, message: `${place}: ${what}`, code };
    if (criterion) f.criterion = criterion;
    if (cell) f.cell = cell;
    findings.push(f);
  };

  /** Formula/script text is reported and kept as data; returns true when found. */
  const checkFormula = (criterion: string, e: Entry | undefined, field: EntryCell): boolean => {
    const raw: Cell | undefined = e?.[field];
    if (typeof raw !== 'string') return false;
    const text = cellText(raw);
    if (!looksLikeFormulaOrScript(text)) return false;
    add(
      'formula-text',
      criterion,
      e?.cells?.[field],
      `nội dung có dạng công thức hoặc mã lệnh (${quote(text)}), không được tính và không được thực thi; chỉ nhập số/văn bản.`,
    );
    return true;
  };

  const checkLeaf = (c: Criterion, e: Entry | undefined) => {
    const present = { self: false, appraised: false };
    for (const { field, label } of VALUE_FIELDS) {
      const p = parseScore(e?.[field] ?? null);
      if (p.kind === 'blank') continue;
      present[field] = true;
      const cell = e?.cells?.[field];
      if (p.kind === 'text') {
        if (p.ambiguous) {
          // "1.000" is 1 to some and 1000 to others: never guess a score.
          add(
            'ambiguous-number',
            c.code,
            cell,
            `${label} ${quote(p.text)} không rõ là số nào (dấu chấm, dấu phẩy có thể là dấu thập phân hoặc dấu tách hàng nghìn); điểm chưa được tính. Hãy ${DECIMAL_HINT}.`,
          );
        } else if (!checkFormula(c.code, e, field)) add('not-a-number', c.code, cell, notANumber(label, p.text, cfg.step));
        continue;
      }
      const v = p.value;
      if (typeof e?.[field] === 'string') {
        // The tool reads "3,5" typed as text, but the sheet's own totals skip a text cell.
        add(
          'number-as-text',
          c.code,
          cell,
          `${label} «${cellText(e[field])}» được lưu dạng văn bản; công cụ tính là ${num(v)} nhưng tổng điểm trong biểu mẫu không cộng ô này. Hãy nhập lại dưới dạng số.`,
        );
      }
      if (v < 0 && c.kind === 'penalty') {
        add('penalty-sign', c.code, cell, `điểm trừ nhập số dương, ví dụ ${num(-v)}, không nhập ${num(v)}.`);
      } else if (v < 0) {
        add('negative', c.code, cell, `${label} ${num(v)} là số âm; điểm không được âm.`);
      }
      const size = c.kind === 'penalty' ? Math.abs(v) : v;
      if (size > c.max + EPS) add('above-max', c.code, cell, `${label} ${num(v)} vượt điểm tối đa ${num(c.max)}.`);
      if (!isMultiple(v, cfg.step)) {
        const low = Math.floor(v / cfg.step) * cfg.step;
        add(
          'step',
          c.code,
          cell,
          `${label} ${num(v)} không đúng bậc điểm. ${typeHint(cfg.step)} (gần nhất: ${num(low)} hoặc ${num(low + cfg.step)}).`,
        );
      }
    }
    const evidenceIsFormula = checkFormula(c.code, e, 'evidence');
    checkFormula(c.code, e, 'note');
    checkFormula(c.code, e, 'reason');
    const selfP = parseScore(e?.self ?? null);
    const appraisedP = parseScore(e?.appraised ?? null);
    // Only where the file has the column: files made before it cannot carry a reason.
    if (
      e !== undefined &&
      'reason' in e &&
      appraisedP.kind === 'number' &&
      Math.abs(appraisedP.value - (selfP.kind === 'number' ? selfP.value : 0)) > EPS &&
      cellText(e?.reason ?? null) === ''
    ) {
      const self = selfP.kind === 'number' ? num(selfP.value) : 'chưa chấm';
      add(
        'appraisal-without-reason',
        c.code,
        e?.cells?.reason ?? e?.cells?.appraised,
        `điểm thẩm định ${num(appraisedP.value)} khác điểm tự chấm (${self}) nhưng chưa ghi lý do; hãy ghi vào cột «Lý do thẩm định».`,
      );
    }

    // A blank bonus or deduction simply means 0; an appraiser may add a deduction on his own.
    if (c.kind === 'score') {
      if (!present.self && !present.appraised) {
        add('blank-score', c.code, e?.cells?.self, 'chưa nhập điểm tự chấm.');
      } else if (!present.self) {
        add('appraisal-without-self', c.code, e?.cells?.appraised, 'có điểm thẩm định nhưng đơn vị chưa nhập điểm tự chấm.');
      }
    }
    const eff = effectiveValue(e);
    const claimed = eff === null ? 0 : c.kind === 'penalty' ? Math.abs(eff) : eff;
    const required = c.evidenceRequired && claimed > 0;
    if (required && cellText(e?.evidence ?? null) === '') {
      add(
        'missing-evidence',
        c.code,
        e?.cells?.evidence,
        `chưa có minh chứng; tiêu chí này bắt buộc minh chứng khi có điểm (${num(claimed)} điểm).`,
      );
    } else if (!evidenceIsFormula) {
      checkEvidencePaths(c.code, e, required ? claimed : 0);
    }
  };

  /**
   * Paths in `Minh chứng`: one leading out of the unit's folder is refused; one the back-end did
   * not find is reported. A Cảnh báo, unless the criterion requires evidence (it has points) and
   * nothing else in the cell is evidence: then it is as blocking as an empty cell (Lỗi).
   */
  const checkEvidencePaths = (criterion: string, e: Entry | undefined, required: number) => {
    const items = evidenceItems(e?.evidence ?? null);
    const bad = items.flatMap((i) =>
      i.kind !== 'path'
        ? []
        : i.outside
          ? [{ text: i.text, outside: true }]
          : found && !found.has(i.path)
            ? [{ text: i.text, outside: false }]
            : [],
    );
    if (bad.length === 0) return;
    const blocking = required > 0 && bad.length === items.length;
    const tail = blocking
      ? ` Tiêu chí này bắt buộc minh chứng khi có điểm (${num(required)} điểm), nên vẫn coi là chưa có minh chứng.`
      : '';
    for (const b of bad) {
      // The whole path, so the scorer finds it (only a runaway length is cut).
      const shown = `«${b.text.length > 200 ? `${b.text.slice(0, 200)}…` : b.text}»`;
      const what = b.outside
        ? `đường dẫn minh chứng ${shown} trỏ ra ngoài thư mục chứa biểu mẫu của đơn vị nên không được dùng; ` +
          'hãy chép tệp vào thư mục này (ví dụ thư mục «minh-chung» bên cạnh biểu mẫu) và ghi đường dẫn tương đối, ví dụ «minh-chung/ke-hoach.pdf».'
        : `không tìm thấy tệp minh chứng ${shown} (đường dẫn tính từ thư mục chứa biểu mẫu của đơn vị); hãy kiểm tra tên tệp hoặc chép tệp vào đúng chỗ.`;
      add(b.outside ? 'evidence-outside' : 'evidence-not-found', criterion, e?.cells?.evidence, what + tail, blocking ? 'Lỗi' : 'Cảnh báo');
    }
  };

  // Effective points of a criterion: a leaf's own, a parent's the sum of its children.
  const points = (c: Criterion): number => {
    if (c.children.length === 0) {
      const v = effectiveValue(entries[c.code]) ?? 0;
      return c.kind === 'penalty' ? Math.abs(v) : v;
    }
    return c.children.reduce((acc, k) => acc + points(rubric.byCode[k]), 0);
  };

  const checkParent = (c: Criterion, e: Entry | undefined) => {
    for (const field of ENTRY_CELLS) checkFormula(c.code, e, field);
    const sum = points(c);
    if (sum > c.max + EPS) {
      add(
        'children-above-parent',
        c.code,
        e?.cells?.self,
        `tổng điểm các tiêu chí thành phần ${num(sum)} vượt điểm tối đa ${num(c.max)} của tiêu chí ${c.code}.`,
      );
      return;
    }
    // A number typed over the parent's total formula.
    for (const { field } of VALUE_FIELDS) {
      const p = parseScore(e?.[field] ?? null);
      if (p.kind !== 'number') continue;
      const size = c.kind === 'penalty' ? Math.abs(p.value) : p.value;
      if (size > c.max + EPS) {
        add(
          'children-above-parent',
          c.code,
          e?.cells?.[field],
          `tổng điểm ${num(p.value)} của các tiêu chí thành phần vượt điểm tối đa ${num(c.max)} của tiêu chí ${c.code}.`,
        );
        return;
      }
    }
  };

  for (const c of rubric.criteria) {
    const e = entries[c.code];
    if (c.children.length === 0) checkLeaf(c, e);
    else checkParent(c, e);
  }

  checkBonusCap(rubric, entries, cfg, add);

  for (const code of Object.keys(entries)) {
    if (rubric.byCode[code]) continue;
    const e = entries[code];
    const what = code
      ? `mã tiêu chí «${code}» không có trong bộ tiêu chí «${rubric.id}»; nội dung dòng này không được tính điểm.`
      : `dòng không có mã tiêu chí; nội dung dòng này không được tính điểm.`;
    add('unknown-criterion', code || undefined, e?.cells?.self, what);
    for (const field of ENTRY_CELLS) checkFormula(code, e, field);
  }
  return findings;
}

function checkBonusCap(
  rubric: Rubric,
  entries: Entries,
  cfg: ScoringConfig,
  add: (code: FindingCode, criterion: string | undefined, cell: string | undefined, what: string) => void,
): void {
  const cap = cfg.bonusCap ?? rubric.bonusMax;
  const parts: string[] = [];
  let sum = 0;
  for (const c of rubric.criteria) {
    if (c.kind !== 'bonus' || c.children.length > 0) continue;
    const e = entries[c.code];
    const v = Math.max(0, effectiveValue(e) ?? 0);
    if (v <= 0) continue;
    sum += v;
    const cell = e?.cells?.appraised && parseScore(e.appraised ?? null).kind === 'number' ? e.cells.appraised : e?.cells?.self;
    parts.push(`${c.code}${cell ? ` (ô ${cell})` : ''}: ${num(v)}`);
  }
  if (sum > cap + EPS) {
    add(
      'bonus-cap',
      undefined,
      undefined,
      `tổng điểm thưởng ${num(sum)} (${parts.join('; ')}) vượt mức tối đa ${num(cap)}; khi tính điểm chỉ cộng ${num(cap)}.`,
    );
  }
}

/** True when a finding must stop the unit from being classified. */
export function hasBlockingError(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'Lỗi');
}
