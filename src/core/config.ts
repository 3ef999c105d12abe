// `Cấu hình` (key/value rows) and `Xếp loại` (levels and gates) → typed settings.
import { Cell, Gate, Level, ScoringConfig } from './types';
import { EXCLUDE_LEVEL, LEVEL_KIND } from './schema';
import { cellText, isValidEmail, normalizeHeader, parseScore } from './text';
import { DEFAULT_GATES, DEFAULT_LEVELS, DEFAULT_STEP } from './default-rubrics';

/** Everything the documents and the jobs need from `Cấu hình`. */
export interface Settings {
  year: number;
  province: string;
  /** Cơ quan chủ quản, printed above the issuing body (not bold); may be empty. */
  parentBody: string;
  /** Issuing body, one line per printed line ("ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"). */
  issuingBody: string[];
  /** Place name in the date line ("Bình Sơn"). */
  place: string;
  /** The area the report covers ("huyện Bình Sơn"). */
  area: string;
  deadline: Date | null;
  /** E-mails of the appraisal team (`Email tổ thẩm định`): they read the evidence units attach, beside the administrator. */
  appraisers: string[];
  /** `Hạn giải trình`: the default deadline of a unit returned for explanation (null: none). */
  explanationDeadline: Date | null;
  reportNumber: string;
  reportDate: Date | null;
  decisionNumber: string;
  decisionDate: Date | null;
  /** "Kính gửi" of the report. */
  addressee: string;
  reportRecipients: string[];
  decisionRecipients: string[];
  /** Who issues the decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN"). */
  decisionAuthority: string;
  decisionBases: string[];
  /** Old shared «Thẩm quyền ký» (workbooks made before each document had its own): the report's when its own row is empty. */
  signAuthority: string[];
  /** Authority lines of each document's signature ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"); empty: derived (signature.ts). */
  reportSignAuthority: string[];
  decisionSignAuthority: string[];
  /** Opening line of the report ("Thực hiện Công văn số … ngày … của …"); empty: none. */
  reportBasis: string;
  signTitle: string;
  signerName: string;
  /** Drafting unit's code for "Lưu: VT, NV.". */
  drafterCode: string;
  scoring: ScoringConfig;
  /** Google-only: ids of the Drive root folder and of the document templates. */
  driveFolderId: string;
  reportTemplateId: string;
  decisionTemplateId: string;
}

export interface ConfigRow {
  key: Cell;
  value: Cell;
  row?: number;
}
export interface LevelRow {
  kind: Cell;
  code: Cell;
  name: Cell;
  min: Cell;
  maxLevel: Cell;
  row?: number;
}

/** The keys of `Cấu hình`, with a description users read beside each value. */
export const CONFIG_KEYS = {
  year: ['Năm', 'Năm đánh giá'],
  province: ['Tỉnh', 'Tỉnh, thành phố'],
  parentBody: ['Cơ quan chủ quản', 'In phía trên tên cơ quan ban hành (bỏ trống nếu không có)'],
  issuingBody: ['Cơ quan ban hành', 'Tên cơ quan ban hành văn bản; xuống dòng bằng dấu "|"'],
  place: ['Địa danh', 'Địa danh ghi ở dòng ngày tháng'],
  area: ['Địa bàn', 'Phạm vi báo cáo, ví dụ "huyện Bình Sơn"'],
  deadline: ['Hạn nộp', 'Hạn đơn vị nộp kết quả tự chấm (ngày/tháng/năm)'],
  appraisers: [
    'Email tổ thẩm định',
    'Email các thành viên tổ thẩm định, cách nhau bởi dấu ","; được xem tệp minh chứng các đơn vị đính kèm (người quản trị luôn được xem)',
  ],
  explanationDeadline: ['Hạn giải trình', 'Hạn đơn vị gửi giải trình khi bị trả lại (ngày/tháng/năm; bỏ trống nếu chưa định)'],
  reportNumber: ['Số báo cáo', 'Số, ký hiệu báo cáo, ví dụ 285/BC-UBND'],
  reportDate: ['Ngày báo cáo', 'Bỏ trống để lấy ngày tạo báo cáo'],
  decisionNumber: ['Số quyết định', 'Số, ký hiệu quyết định, ví dụ 1520/QĐ-UBND'],
  decisionDate: ['Ngày quyết định', 'Bỏ trống để lấy ngày tạo quyết định'],
  addressee: ['Kính gửi', 'Cơ quan nhận báo cáo'],
  reportBasis: [
    'Căn cứ báo cáo',
    'Văn bản yêu cầu báo cáo, in ở câu mở đầu, ví dụ: Thực hiện Công văn số 2150/SNV-XDCQ ngày 01/11/2024 của Sở Nội vụ tỉnh Quảng Ngãi về việc báo cáo kết quả công tác dân vận chính quyền năm 2024',
  ],
  reportRecipients: ['Nơi nhận báo cáo', 'Mỗi nơi nhận cách nhau bởi dấu ";"'],
  decisionRecipients: ['Nơi nhận quyết định', 'Mỗi nơi nhận cách nhau bởi dấu ";"'],
  decisionAuthority: ['Thẩm quyền ban hành quyết định', 'Ví dụ CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN'],
  decisionBases: ['Căn cứ quyết định', 'Mỗi căn cứ cách nhau bởi dấu "|"'],
  signAuthority: ['Thẩm quyền ký', 'Dòng cũ, thay bằng «Thẩm quyền ký báo cáo» và «Thẩm quyền ký quyết định»'],
  reportSignAuthority: [
    'Thẩm quyền ký báo cáo',
    'Bỏ trống để công cụ tự ghi theo Nghị định 30/2020: báo cáo của Ủy ban ký «TM. ỦY BAN NHÂN DÂN», phó chủ tịch ký thêm «KT. CHỦ TỊCH»; xuống dòng bằng dấu "|"',
  ],
  decisionSignAuthority: [
    'Thẩm quyền ký quyết định',
    'Bỏ trống để công cụ tự ghi: quyết định của Chủ tịch ký «CHỦ TỊCH», hoặc «KT. CHỦ TỊCH» khi phó chủ tịch ký (không ký «TM.»); xuống dòng bằng dấu "|"',
  ],
  signTitle: ['Chức vụ người ký', 'Ví dụ PHÓ CHỦ TỊCH'],
  signerName: ['Người ký', 'Họ và tên người ký'],
  drafterCode: ['Đơn vị soạn thảo', 'Chữ viết tắt đơn vị soạn thảo, ví dụ NV'],
  step: ['Bước điểm', 'Điểm nhập phải là bội số của giá trị này'],
  bonusCap: ['Trần điểm thưởng', 'Bỏ trống để lấy tổng điểm tối đa các tiêu chí thưởng'],
  driveFolderId: ['Thư mục Drive', 'Do công cụ ghi: mã thư mục gốc của năm'],
  reportTemplateId: ['Mẫu báo cáo', 'Mã tài liệu Google Docs dùng làm mẫu báo cáo (bỏ trống để dùng mẫu mặc định)'],
  decisionTemplateId: ['Mẫu quyết định', 'Mã tài liệu Google Docs dùng làm mẫu quyết định (bỏ trống để dùng mẫu mặc định)'],
} as const;
export type ConfigKey = keyof typeof CONFIG_KEYS;

/** Keys still read from old workbooks but no longer written into a new one. */
export const LEGACY_CONFIG_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>(['signAuthority']);

const splitList = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

/** A date cell, or text dd/mm/yyyy; null otherwise. */
export function asDate(c: Cell): Date | null {
  if (c instanceof Date && !isNaN(c.getTime())) return c;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cellText(c));
  return m ? new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1])) : null;
}

function asNumber(c: Cell): number | null {
  const p = parseScore(c);
  return p.kind === 'number' ? p.value : null;
}

/** A year such as 2024, or null. */
function validYear(c: Cell): number | null {
  const y = asNumber(c);
  return y !== null && Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

const positive = (n: number | null) => (n !== null && n > 0 ? n : null);
const atLeastZero = (n: number | null) => (n !== null && n >= 0 ? n : null);

/** Map `Cấu hình` rows (by the Vietnamese key) and `Xếp loại` rows into settings; unknown keys are ignored. */
export function parseSettings(configRows: ConfigRow[], levelRows: LevelRow[] = []): Settings {
  const byKey = new Map<string, Cell>();
  for (const r of configRows) byKey.set(normalizeHeader(r.key), r.value);
  const get = (k: ConfigKey): Cell => byKey.get(normalizeHeader(CONFIG_KEYS[k][0])) ?? null;
  const text = (k: ConfigKey) => cellText(get(k));
  const lines = (k: ConfigKey) => splitList(text(k), /\s*[|\n]\s*/);
  const list = (k: ConfigKey) => splitList(text(k), /\s*[;\n]\s*/);
  const { levels, gates } = parseLevels(levelRows);
  return {
    // 0 when missing or invalid: never the clock's year (in January that is the wrong one);
    // readControl reports it and every step refuses to run.
    year: validYear(get('year')) ?? 0,
    province: text('province'),
    parentBody: text('parentBody'),
    issuingBody: lines('issuingBody'),
    place: text('place'),
    area: text('area'),
    deadline: asDate(get('deadline')),
    appraisers: splitList(text('appraisers'), /[\s,;]+/).filter(isValidEmail),
    explanationDeadline: asDate(get('explanationDeadline')),
    reportNumber: text('reportNumber'),
    reportDate: asDate(get('reportDate')),
    decisionNumber: text('decisionNumber'),
    decisionDate: asDate(get('decisionDate')),
    addressee: text('addressee'),
    reportRecipients: list('reportRecipients'),
    decisionRecipients: list('decisionRecipients'),
    decisionAuthority: text('decisionAuthority'),
    decisionBases: lines('decisionBases'),
    signAuthority: lines('signAuthority'),
    reportSignAuthority: lines('reportSignAuthority'),
    decisionSignAuthority: lines('decisionSignAuthority'),
    reportBasis: text('reportBasis'),
    signTitle: text('signTitle'),
    signerName: text('signerName'),
    drafterCode: text('drafterCode'),
    scoring: {
      step: positive(asNumber(get('step'))) ?? DEFAULT_STEP,
      bonusCap: atLeastZero(asNumber(get('bonusCap'))),
      levels,
      gates,
    },
    driveFolderId: text('driveFolderId'),
    reportTemplateId: text('reportTemplateId'),
    decisionTemplateId: text('decisionTemplateId'),
  };
}

/** `Xếp loại` rows → levels and gates; an empty sheet gives the defaults (and checkLevels reports it: no ranking). */
export function parseLevels(rows: LevelRow[]): { levels: Level[]; gates: Gate[] } {
  return checkLevels(rows).parsed;
}

/**
 * Levels and gates with the problems that would silently change a classification: an unknown
 * `Loại`, a level without a name or a numeric minimum, two levels with the same minimum, a gate
 * whose maximum level does not exist. Messages name the sheet row.
 */
export function checkLevels(rows: LevelRow[]): { parsed: { levels: Level[]; gates: Gate[] }; problems: string[] } {
  const levels: Level[] = [];
  const gates: Array<Gate & { row?: number }> = [];
  const problems: string[] = [];
  const mins = new Set<number>();
  const at = (r: LevelRow) => (r.row ? `dòng ${r.row}: ` : '');
  for (const r of rows) {
    const kind = normalizeHeader(r.kind);
    const code = cellText(r.code);
    if (!code && !cellText(r.name)) continue;
    if (!code) {
      problems.push(`${at(r)}chưa có mã.`);
      continue;
    }
    if (kind === normalizeHeader(LEVEL_KIND.gate)) {
      gates.push({ code, name: cellText(r.name), maxLevel: cellText(r.maxLevel), row: r.row });
    } else if (kind === normalizeHeader(LEVEL_KIND.level)) {
      const min = asNumber(r.min);
      if (!cellText(r.name)) problems.push(`${at(r)}mức «${code}» chưa có tên.`);
      if (min === null) problems.push(`${at(r)}mức «${code}» có điểm tối thiểu «${cellText(r.min)}» không phải là số.`);
      else if (mins.has(min)) problems.push(`${at(r)}hai mức xếp loại có cùng điểm tối thiểu ${min}.`);
      if (min !== null) mins.add(min);
      levels.push({ code, name: cellText(r.name), min: min ?? 0 });
    } else {
      problems.push(`${at(r)}cột «Loại» ghi «${cellText(r.kind)}»; chỉ nhận «${LEVEL_KIND.level}» hoặc «${LEVEL_KIND.gate}».`);
    }
  }
  if (!levels.length) problems.push(`chưa có mức xếp loại nào (dòng có «Loại» là «${LEVEL_KIND.level}»); không xếp loại được.`);
  const codes = new Set(levels.map((l) => normalizeHeader(l.code)));
  for (const g of gates) {
    if (!g.maxLevel)
      problems.push(
        `${g.row ? `dòng ${g.row}: ` : ''}điều kiện «${g.code}» chưa ghi mức tối đa được xếp (mã mức, hoặc ${EXCLUDE_LEVEL} để không xếp loại).`,
      );
    else if (normalizeHeader(g.maxLevel) !== normalizeHeader(EXCLUDE_LEVEL) && levels.length && !codes.has(normalizeHeader(g.maxLevel))) {
      problems.push(
        `${g.row ? `dòng ${g.row}: ` : ''}điều kiện «${g.code}» ghi mức tối đa «${g.maxLevel}» không có trong các mức xếp loại.`,
      );
    }
  }
  const parsed = {
    levels: levels.length ? levels : DEFAULT_LEVELS.map((l) => ({ ...l })),
    gates: (gates.length || levels.length ? gates : DEFAULT_GATES).map(({ code, name, maxLevel }) => ({
      code,
      name,
      maxLevel: maxLevel || EXCLUDE_LEVEL,
    })),
  };
  return { parsed, problems };
}

/** A problem of `Cấu hình`, by the key it concerns. */
export interface SettingsProblem {
  key: ConfigKey;
  message: string;
  /** A problem that changes no rule (no ranking or document is wrong): a warning, not a blocker. */
  warning?: boolean;
}

/** Rows of `Cấu hình` a rule is read from: deleting one would silently change the rule. */
const RULE_KEYS: readonly ConfigKey[] = ['year', 'step', 'bonusCap'];

/** Values of `Cấu hình` that are missing or would be silently replaced by a default: each gets a message. */
export function checkSettings(configRows: ConfigRow[]): SettingsProblem[] {
  const byKey = new Map<string, ConfigRow>();
  for (const r of configRows) byKey.set(normalizeHeader(r.key), r);
  const problems: SettingsProblem[] = [];
  const get = (k: ConfigKey) => byKey.get(normalizeHeader(CONFIG_KEYS[k][0]));
  const label = (k: ConfigKey) => `«${CONFIG_KEYS[k][0]}»${get(k)?.row ? ` (dòng ${get(k)!.row})` : ''}`;
  const filled = (k: ConfigKey) => cellText(get(k)?.value ?? null) !== '';
  const add = (key: ConfigKey, message: string, warning?: boolean) => problems.push({ key, message, ...(warning ? { warning } : {}) });
  for (const k of RULE_KEYS) {
    if (!get(k)) add(k, `không có dòng «${CONFIG_KEYS[k][0]}» (${CONFIG_KEYS[k][1].toLowerCase()}); hãy thêm lại dòng này.`);
  }
  if (get('year') && validYear(get('year')!.value) === null) {
    add(
      'year',
      filled('year')
        ? `${label('year')} ghi «${cellText(get('year')!.value)}»; cần một năm, ví dụ 2025.`
        : `${label('year')} đang để trống; cần ghi năm đánh giá, ví dụ 2025.`,
    );
  }
  for (const k of ['deadline', 'explanationDeadline', 'reportDate', 'decisionDate'] as const) {
    if (filled(k) && !asDate(get(k)!.value))
      add(k, `${label(k)} ghi «${cellText(get(k)!.value)}»; cần ngày dạng ngày/tháng/năm, ví dụ 15/11/2024.`);
  }
  const wrongEmails = splitList(cellText(get('appraisers')?.value ?? null), /[\s,;]+/).filter((e) => !isValidEmail(e));
  if (wrongEmails.length) {
    add(
      'appraisers',
      `${label('appraisers')} có ${wrongEmails.map((e) => `«${e}»`).join(', ')} không phải email; ` +
        'người này không được xem minh chứng cho đến khi sửa lại.',
      true,
    );
  }
  const step = asNumber(get('step')?.value ?? null);
  if (get('step') && (step === null || step <= 0)) {
    add('step', `${label('step')} ghi «${cellText(get('step')!.value)}»; cần một số dương, ví dụ 0,25.`);
  }
  const cap = asNumber(get('bonusCap')?.value ?? null);
  if (filled('bonusCap') && (cap === null || cap < 0)) {
    add('bonusCap', `${label('bonusCap')} ghi «${cellText(get('bonusCap')!.value)}»; cần một số không âm, hoặc bỏ trống.`);
  }
  return problems;
}
