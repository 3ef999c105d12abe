// The `Chấm điểm` grid of a unit (with its hidden meta sheet), read from its workbook, for the
// core's per-unit step (assessUnitStep) or submission, with the `Minh chứng` paths core asked
// about that exist beside it.
import fs from 'node:fs';
import path from 'node:path';
import type { UnitSource } from '../core/assess';
import type { Control } from '../core/control';
import { evidencePathsOf } from '../core/steps/assess';
import { exists } from './files';
import { unitLocation } from './workspace';
import { readWorkbook } from './xlsx/workbook-io';
import { metaGrid, scoringGrid } from './xlsx/unit-workbook';
import { UserError } from './errors';

/** A UserError as the reason of a missing source (the core adds the unit and the final stop). */
const reason = (e: UserError) => e.message.replace(/\.$/, '');

export async function readUnitSource(ws: string, control: Control, unit: Control['units'][number]): Promise<UnitSource> {
  let location: ReturnType<typeof unitLocation>;
  try {
    location = unitLocation(ws, control.settings.year, unit);
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
    const read = { grid: scoringGrid(wb) ?? [], meta: metaGrid(wb), link };
    return { ...read, evidence: { found: existingPaths(path.dirname(file), evidencePathsOf(control, unit, read)) } };
  } catch (e) {
    if (e instanceof UserError) return { missing: reason(e), link };
    throw e;
  }
}

/**
 * The paths (relative, «/»-separated, already kept inside the folder by core) that exist under
 * `folder`, as a file or a folder. A name leading out through a symbolic link counts as absent.
 */
function existingPaths(folder: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  let root: string;
  try {
    root = fs.realpathSync(folder);
  } catch {
    return [];
  }
  return paths.filter((p) => {
    try {
      const real = fs.realpathSync(path.join(folder, ...p.split('/')));
      return real === root || real.startsWith(root + path.sep);
    } catch {
      return false;
    }
  });
}
