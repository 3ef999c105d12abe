// The steps of the year as users read them: the admin sidebar, the menu and the job messages
// all use these words.
import type { AdminStepKey } from './api';

export const STEP_LABELS: Record<AdminStepKey, string> = {
  setup: 'Thiết lập bảng điều khiển',
  templates: 'Tạo biểu mẫu chấm điểm',
  progress: 'Theo dõi tiến độ',
  validate: 'Kiểm tra dữ liệu',
  rank: 'Tổng hợp & xếp hạng',
  report: 'Tạo báo cáo',
  decision: 'Tạo quyết định xếp loại',
};
