// File operations that never lose data: write through a temporary file, keep an old version
// under a dated name instead of overwriting it.
import fs from 'node:fs';
import path from 'node:path';
import { backupName } from './workspace';
import { describeFsError, UserError } from './errors';
import { pathTooLongMessage } from '../core/file-names';

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

/** ".<name>.<pid>.tmp" beside `file`: the pid says whose it is (see removeLeftoverTmp). */
const tmpNameOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
// Only what the tool writes (workbooks, documents): a user's own ".x.1.tmp" is not ours to remove.
const TMP_NAME = /^\..+\.(?:xlsx|docx)\.(\d+)\.tmp$/i;

function flushToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Temporary files ".<name>.<pid>.tmp" left under `root` by a run that was killed (its pid no longer
 * runs): removed; returns their paths. Called under the workspace lock, before a command writes.
 * Symbolic links are not followed, and a few levels are enough (workspace/year/group/file).
 */
export function removeLeftoverTmp(root: string, alive: (pid: number) => boolean, depth = 4): string[] {
  const removed: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const e of entries) {
    const p = path.join(root, e.name);
    if (e.isDirectory() && depth > 1) removed.push(...removeLeftoverTmp(p, alive, depth - 1));
    const pid = e.isFile() ? TMP_NAME.exec(e.name)?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    try {
      fs.rmSync(p, { force: true });
      removed.push(p);
    } catch {
      // Still in use (Windows) or read-only: left for a later run.
    }
  }
  return removed;
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
  const tooLong = pathTooLongMessage(path.resolve(file));
  if (tooLong) throw new UserError(tooLong);
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(describeFsError(e, 'ghi', dir));
  }
  const tmp = tmpNameOf(file);
  try {
    await write(tmp);
    // On disk before the rename: after a power cut the new name never points at unwritten data.
    flushToDisk(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(describeFsError(e, 'ghi', file));
  }
  let old: string | null = null;
  try {
    old = keepOld ? keepOldVersion(file, keepOld.now) : null;
    // The folder is not flushed: if the rename does not survive a power cut, the old file is there, whole.
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
