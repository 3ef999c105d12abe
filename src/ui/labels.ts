// Vietnamese words shown by both sidebars (DESIGN §9), in one place.
export const T = {
  refresh: 'Làm mới',
  loading: 'Đang tải dữ liệu…',
  saving: 'Đang lưu…',
  saved: 'Đã lưu',
  saveFailed: 'Chưa lưu được',
  year: 'Năm',
  deadline: 'Hạn nộp',
  group: 'Nhóm',
  unitCode: 'Mã đơn vị',
  self: 'Tự chấm',
  appraised: 'Thẩm định',
  evidence: 'Minh chứng',
  note: 'Ghi chú',
  max: 'Điểm tối đa',
  evidenceRequired: 'Bắt buộc minh chứng',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
  total: 'Tổng điểm',
  submit: 'Nộp kết quả',
  reopen: 'Mở lại',
  confirmSubmit: 'Xác nhận nộp',
  cancel: 'Hủy',
  stop: 'Dừng',
  resume: 'Tiếp tục',
  error: 'Lỗi',
  warning: 'Cảnh báo',
  notClassified: 'Không xếp loại',
} as const;

/** "3 lỗi", "1 cảnh báo" … (Vietnamese nouns do not change in the plural). */
export const count = (n: number, noun: string) => `${n} ${noun}`;
