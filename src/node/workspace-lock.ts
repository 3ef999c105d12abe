// One command that writes at a time per workspace. Without it, `submit` and `rank` started
// together each read the control workbook, change their part and save: the later save silently
// drops the other's change, though both report success.
//
// The lock is a file `<ws>/.dvcq.lock` created with O_EXCL (exactly one process can create it),
// holding who took it: pid, computer, user, command, time. A second command polls for a short
// while, then says who holds it. A lock whose process has ended (same computer) or that is older
// than a limit (another computer, whose processes cannot be checked) is stale: it is taken over
// with a note. Taking over goes through a second exclusive marker, so two commands that find the
// same stale lock cannot both take it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayDateTime } from '../core/gas-support';
import { Context } from './context';
import { describeFsError, UserError } from './errors';

export const LOCK_FILE = '.dvcq.lock';
/** How long a second command waits for the lock before giving up; DVCQ_LOCK_WAIT (seconds) changes it. */
export const LOCK_WAIT_MS = 10_000;

function lockWaitMs(): number {
  const s = Number(process.env.DVCQ_LOCK_WAIT);
  return process.env.DVCQ_LOCK_WAIT && Number.isFinite(s) && s >= 0 ? s * 1000 : LOCK_WAIT_MS;
}
/** A lock of another computer older than this is stale (a run of 5,000 units takes minutes, not an hour). */
export const FOREIGN_STALE_MS = 3600_000;
/** A lock of this computer older than this is stale even if its pid runs (the pid was reused). */
export const LOCAL_STALE_MS = 24 * 3600_000;
/** A lock file still empty after this long was left by a process killed while creating it. */
const HALF_WRITTEN_MS = 10_000;
const POLL_MS = 150;

export interface LockInfo {
  pid: number;
  host: string;
  user?: string;
  command?: string;
  /** ISO date-time. */
  time: string;
}

/** True while a process with this pid runs on this computer. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.time !== 'string') return null;
    return v as LockInfo;
  } catch {
    return null;
  }
}

const sameHost = (host: string) => host.toLowerCase() === os.hostname().toLowerCase();

function since(info: LockInfo): string {
  const t = new Date(info.time);
  return Number.isNaN(t.getTime()) ? `«${info.time}»` : displayDateTime(t);
}

function holder(info: LockInfo): string {
  const parts = [`tiến trình ${info.pid} trên máy «${info.host}»`];
  if (info.user) parts.push(`người dùng «${info.user}»`);
  return `${info.command ? `lệnh «${info.command}», ` : ''}${parts.join(', ')}, từ ${since(info)}`;
}

/** Why a lock no longer protects anything, or null while it does. */
export function staleReason(info: LockInfo | null, mtimeMs: number, now: number): string | null {
  if (!info) return now - mtimeMs > HALF_WRITTEN_MS ? 'tệp khóa trống hoặc hỏng (lệnh tạo nó đã dừng giữa chừng)' : null;
  const age = now - new Date(info.time).getTime();
  if (sameHost(info.host)) {
    if (!processAlive(info.pid)) return 'tiến trình đó không còn chạy (lệnh đã bị dừng giữa chừng)';
    if (age > LOCAL_STALE_MS) return `khóa đã quá ${LOCAL_STALE_MS / 3600_000} giờ`;
    return null;
  }
  if (!(age <= FOREIGN_STALE_MS)) {
    return `khóa đã quá ${FOREIGN_STALE_MS / 3600_000} giờ mà chưa được giải phóng (không kiểm tra được tiến trình trên máy khác)`;
  }
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readRaw(file: string): { raw: string; mtimeMs: number } | null {
  try {
    return { raw: fs.readFileSync(file, 'utf8'), mtimeMs: fs.statSync(file).mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(describeFsError(e, 'đọc', file));
  }
}

/** Create the lock file; false when it exists already. */
function tryCreate(file: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UserError(describeFsError(e, 'ghi', file));
  }
  try {
    fs.writeSync(fd, JSON.stringify(info));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** Remove a stale lock, if it is still the one judged stale; false when another command got there first. */
function takeOver(file: string, judged: string): boolean {
  const marker = `${file}.tiep-quan`;
  try {
    fs.mkdirSync(marker);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError(describeFsError(e, 'ghi', marker));
    // A marker left by a process killed while taking over (it holds it for milliseconds).
    try {
      if (Date.now() - fs.statSync(marker).mtimeMs > HALF_WRITTEN_MS) fs.rmdirSync(marker);
    } catch {
      // Gone meanwhile: the next round tries again.
    }
    return false;
  }
  try {
    const now = readRaw(file);
    if (now?.raw !== judged) return false;
    fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmdirSync(marker);
  }
}

export interface WorkspaceLock {
  file: string;
  release(): void;
}

/**
 * Take the workspace lock for `command`, waiting up to `waitMs`. Notes (a stale lock taken over)
 * go to `ctx.err`. Throws a UserError naming the holder when the wait is over.
 */
export async function lockWorkspace(ws: string, command: string, ctx: Context, waitMs = lockWaitMs()): Promise<WorkspaceLock> {
  const file = path.join(ws, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), user: ctx.user(), command, time: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(file, mine)) break;
    const held = readRaw(file);
    if (!held) continue; // released meanwhile
    const info = parseLock(held.raw);
    const stale = staleReason(info, held.mtimeMs, Date.now());
    if (stale) {
      if (takeOver(file, held.raw)) {
        ctx.err(`Ghi chú: đã tiếp quản khóa thư mục làm việc ${info ? `của ${holder(info)}` : `«${file}»`}, vì ${stale}.`);
      } else await sleep(POLL_MS / 3);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        `thư mục làm việc «${ws}» đang được một lệnh dvcq khác sử dụng (${info ? holder(info) : 'chưa rõ tiến trình'}). ` +
          `Đã chờ ${Math.round(waitMs / 1000)} giây; lệnh này chưa thay đổi gì. Hãy chờ lệnh kia chạy xong rồi chạy lại; ` +
          `nếu chắc chắn không còn lệnh nào đang chạy, hãy xóa tệp «${file}».`,
      );
    }
    await sleep(POLL_MS);
  }
  const token = JSON.stringify(mine);
  return {
    file,
    release() {
      // Only our own lock: never one a later command took over.
      try {
        if (fs.readFileSync(file, 'utf8') === token) fs.rmSync(file, { force: true });
      } catch {
        // Already gone.
      }
    },
  };
}

/** `lockWorkspace`, run `fn`, release, whatever happens. */
export async function withWorkspaceLock<T>(ws: string, command: string, ctx: Context, fn: () => Promise<T>): Promise<T> {
  const lock = await lockWorkspace(ws, command, ctx);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
