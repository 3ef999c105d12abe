// The public contract of both workbooks: sheet names and column headers that users see and that
// tools find by header text (never by column letter).

export const SHEETS = {
  config: 'Cấu hình',
  units: 'Đơn vị',
  criteria: 'Tiêu chí',
  levels: 'Xếp loại',
  narrative: 'Nội dung báo cáo',
  indicators: 'Số liệu',
  templateGuide: 'Hướng dẫn mẫu',
  previous: 'Kết quả năm trước',
  /** Optional: which old units each unit was formed from (the 2025 reform), for comparisons. */
  merges: 'Sắp xếp đơn vị',
  results: 'Kết quả',
  findings: 'Kiểm tra',
  log: 'Nhật ký',
  history: 'Trạng thái các năm',
  /** Tool-written: the reminders sent (`steps/remind.ts`), so nobody gets the same one twice. */
  reminders: 'Nhắc nộp',
  // Unit workbook.
  scoring: 'Chấm điểm',
  meta: 'Thông tin biểu mẫu',
} as const;

/** Column definitions of a table: key → header text. Order = column order when we create it. */
export type Columns = Record<string, string>;

export const CONFIG_COLUMNS = { key: 'Khóa', value: 'Giá trị', description: 'Mô tả' } as const;

export const UNIT_COLUMNS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  type: 'Loại',
  group: 'Nhóm',
  rubricId: 'Bộ tiêu chí',
  email: 'Email người chấm',
  gates: 'Điều kiện khống chế',
  status: 'Trạng thái',
  link: 'Liên kết',
  /** The year `Trạng thái` and `Liên kết` belong to (tool-written; another year's are kept in `Trạng thái các năm`). */
  statusYear: 'Năm của trạng thái',
  // The owner's record of an accepted submission (tool-written; the unit file shows only a copy):
  /** When the owner's side accepted the submission. */
  acceptedAt: 'Nộp lúc',
  /** Who asked for it, as the request said (the add-on) or who ran `submit` (the CLI). */
  acceptedBy: 'Người nộp',
  /** Fingerprint of the scorer's inputs accepted (inputs-fingerprint.ts). */
  acceptedCheck: 'Mã kiểm tra',
  /** «Có» once the owner has locked the file's inputs and read the protection back (add-on only). */
  locked: 'Khóa ô nhập',
  // The explanation round (issue 13 item 3), tool-written:
  /** The deadline of the unit's explanation, set when the owner returns it (blank: `Hạn giải trình` of `Cấu hình`). */
  explainBy: 'Hạn giải trình',
  /** When the owner's side accepted the unit's explanation. */
  explainedAt: 'Giải trình lúc',
  /** Fingerprints per criterion of the inputs kept while returned (Tự chấm, Ghi chú), recorded at the return. */
  returnedCheck: 'Mã kiểm tra khi trả lại',
  /** The status the tool last wrote: a status typed over it is checked against the round's steps. */
  recordedStatus: 'Trạng thái đã ghi',
} as const;

/** `Trạng thái các năm`: the status and link of each unit in the years before the current one. */
export const HISTORY_COLUMNS = {
  year: 'Năm',
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  status: 'Trạng thái',
  link: 'Liên kết',
  acceptedAt: 'Nộp lúc',
  acceptedBy: 'Người nộp',
  acceptedCheck: 'Mã kiểm tra',
  locked: 'Khóa ô nhập',
} as const;

export const CRITERIA_COLUMNS = {
  rubricId: 'Bộ tiêu chí',
  code: 'Mã',
  parent: 'Mã cha',
  title: 'Nội dung',
  max: 'Điểm tối đa',
  kind: 'Loại',
  guidance: 'Hướng dẫn',
  evidenceRequired: 'Bắt buộc minh chứng',
} as const;

/** `Xếp loại`: one table holding both the levels and the gates, told apart by `Loại`. */
export const LEVEL_COLUMNS = {
  kind: 'Loại',
  code: 'Mã',
  name: 'Tên',
  min: 'Điểm tối thiểu',
  maxLevel: 'Mức tối đa được xếp',
} as const;
export const LEVEL_KIND = { level: 'Mức xếp loại', gate: 'Điều kiện khống chế' } as const;
/** Written in `Mức tối đa được xếp` for a gate that excludes the unit. */
export const EXCLUDE_LEVEL = 'KXL';

export const NARRATIVE_COLUMNS = { key: 'Mục', text: 'Nội dung' } as const;
/** `Nội dung báo cáo` as an outline (outline.ts); NARRATIVE_COLUMNS is the older key/text table. */
export const OUTLINE_COLUMNS = { level: 'Cấp', number: 'Số', heading: 'Tiêu đề', text: 'Nội dung' } as const;

/** `Số liệu`: the report's figures (indicators.ts). */
export const INDICATOR_COLUMNS = {
  code: 'Mã',
  name: 'Chỉ tiêu',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  unit: 'Đơn vị tính',
} as const;

export const PREVIOUS_COLUMNS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  total: 'Tổng điểm',
  level: 'Xếp loại',
  /** Optional: a row without it is the year before the control's year; older years feed the results table over the years. */
  year: 'Năm',
} as const;

/** `Nhắc nộp`: one row per reminder sent (or written, offline). */
export const REMINDER_COLUMNS = {
  year: 'Năm',
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  email: 'Email',
  sentAt: 'Thời điểm gửi',
} as const;

/** `Sắp xếp đơn vị`: one row per old unit merged into a unit of this year. */
export const MERGE_COLUMNS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  oldCode: 'Mã đơn vị cũ',
  oldName: 'Tên đơn vị cũ',
} as const;

export const RESULT_COLUMNS = {
  rank: 'Thứ hạng',
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  group: 'Nhóm',
  groupRank: 'Thứ hạng trong nhóm',
  selfTotal: 'Tổng điểm tự chấm',
  base: 'Điểm các tiêu chí',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
  total: 'Tổng điểm',
  level: 'Xếp loại',
  reasons: 'Ghi chú',
} as const;

export const FINDING_COLUMNS = {
  severity: 'Mức độ',
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  criterion: 'Tiêu chí',
  cell: 'Ô',
  message: 'Nội dung',
  link: 'Liên kết',
} as const;

export const LOG_COLUMNS = { time: 'Thời gian', user: 'Người thực hiện', action: 'Thao tác', detail: 'Chi tiết' } as const;

/** Unit workbook, sheet `Chấm điểm`. */
export const SCORING_COLUMNS = {
  code: 'Mã',
  title: 'Nội dung tiêu chí',
  max: 'Điểm tối đa',
  self: 'Tự chấm',
  appraised: 'Thẩm định',
  evidence: 'Minh chứng',
  note: 'Ghi chú',
  /** The appraiser's reason, right of the hidden column (kept optional: older files lack it). */
  reason: 'Lý do thẩm định',
  /** The unit's explanation (issue 13 item 3), right of the reason; optional like it. */
  explanation: 'Giải trình',
} as const;

/** Unit workbook, hidden sheet: key/value rows. */
export const META_COLUMNS = { key: 'Khóa', value: 'Giá trị' } as const;
export const META_KEYS = {
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  rubricId: 'Bộ tiêu chí',
  fingerprint: 'Mã kiểm tra bộ tiêu chí',
  year: 'Năm',
  createdAt: 'Thời điểm tạo',
} as const;
