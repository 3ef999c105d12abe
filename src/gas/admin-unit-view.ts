// «Xem điểm thẩm định» of the admin sidebar: one unit's criteria side by side (Tự chấm | Thẩm
// định | Lý do thẩm định) from ONE read of its file (openById, getRange, getValues: the same three
// calls as a collection, whatever the number of criteria); the rows are the core's.
import { unitAppraisalView } from '../core/appraisal-view';
import type { AdminUnitView } from './api';
import type { Env } from './env';
import { nowOf } from './env';
import { readControlData } from './control-io';
import { Store } from './store';
import { fileRecord } from './files';
import { readWithRetry, rowsToRead, UNREADABLE } from './collect';

export function adminUnitView(env: Env, code: string): AdminUnitView {
  const { control } = readControlData(env);
  const unit = control.units.find((u) => u.code === code);
  const rubric = unit ? control.rubrics[unit.rubricId] : undefined;
  const record = unit ? fileRecord(new Store(env), control.settings.year, unit) : null;
  let grid = null;
  let problem: string | null = null;
  if (unit && rubric && record?.state === 'ok') {
    const read = readWithRetry(env, record.id, rowsToRead(control.settings, rubric));
    if ('grid' in read) grid = read.grid;
    else if ('failed' in read) problem = `Chưa xem được: ${UNREADABLE}.`;
    else problem = 'Không mở được tệp biểu mẫu của đơn vị (tệp đã bị xóa, đổi tên sheet hoặc không còn quyền truy cập).';
  }
  const view = unitAppraisalView(control, code, grid, problem, nowOf(env));
  return { ...view, url: record?.state === 'ok' ? record.url : null };
}
