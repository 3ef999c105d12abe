// The `Chấm điểm` grid of a unit (with its hidden meta sheet), read from its workbook, for the
// core's per-unit step (assessUnitStep) or submission.
import type { UnitSource } from '../core/assess';
import type { Control } from '../core/control';
import { exists } from './files';
import { unitLocation } from './workspace';
import { readWorkbook } from './xlsx/workbook-io';
import { metaGrid, scoringGrid } from './xlsx/unit-workbook';
import { UserError } from './errors';

/** A UserError as the reason of a missing source (the core adds the unit and the final stop). */
const reason = (e: UserError) => e.message.replace(/\.$/, '');

export async function readUnitSource(ws: string, year: number, unit: Control['units'][number]): Promise<UnitSource> {
  let location: ReturnType<typeof unitLocation>;
  try {
    location = unitLocation(ws, year, unit);
  } catch (e) {
    // A `Liên kết` leading out of the workspace: nothing there is read.
    if (e instanceof UserError) return { missing: reason(e) };
    throw e;
  }
  const { file, link, recorded } = location;
  if (!exists(file)) {
    return recorded
      ? { missing: `không tìm thấy tệp «${link}» (đã bị xóa hoặc di chuyển?)`, link }
      : { missing: 'chưa có biểu mẫu chấm điểm (chạy «dvcq templates» để tạo)' };
  }
  try {
    const wb = await readWorkbook(file);
    // A missing sheet arrives as an empty grid: the core reports it as a structure error. The
    // meta sheet stands in for what the hidden column of `Chấm điểm` lost (the unit's identity).
    return { grid: scoringGrid(wb) ?? [], meta: metaGrid(wb), link };
  } catch (e) {
    if (e instanceof UserError) return { missing: reason(e), link };
    throw e;
  }
}
