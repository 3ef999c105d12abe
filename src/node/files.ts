// File operations that never lose data: write through a temporary file, keep an old version
// under a dated name instead of overwriting it.
import fs from 'node:fs';
import path from 'node:path';
import { backupName } from './workspace';
import { describeFsError, UserError } from './errors';

export const exists = (p: string) => fs.existsSync(p);

/** Rename an existing `file` to "… (cũ <date-time>)…"; returns the new path, or null when there was none. */
export function keepOldVersion(file: string, now: Date): string | null {
  if (!fs.existsSync(file)) return null;
  let n = 1;
  let target = backupName(file, now);
  while (fs.existsSync(target)) target = backupName(file, now, ++n);
  try {
    fs.renameSync(file, target);
  } catch (e) {
    throw new UserError(describeFsError(e, 'đổi tên', file));
  }
  return target;
}

/**
 * Write `file` through a temporary file beside it, so a crash leaves the old or the new file, never
 * half of one. With `keepOld`, an existing file is first renamed "… (cũ <date-time>)…" (returned).
 */
export async function writeFileSafely(
  file: string,
  write: (tmp: string) => Promise<void>,
  keepOld?: { now: Date },
): Promise<string | null> {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(describeFsError(e, 'ghi', dir));
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(describeFsError(e, 'ghi', file));
  }
  let old: string | null = null;
  try {
    old = keepOld ? keepOldVersion(file, keepOld.now) : null;
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    // Put the old version back where it was, so nothing points at a file that is gone.
    if (old && !fs.existsSync(file)) {
      try {
        fs.renameSync(old, file);
      } catch {
        // The old version stays under its dated name; the message below says the write failed.
      }
    }
    if (e instanceof UserError) throw e;
    throw new UserError(describeFsError(e, 'ghi', file));
  }
  return old;
}
