// The one door from a sidebar to the server: google.script.run wrapped in a typed Promise.
// Every server function the sidebars may call is named in ServerApi (src/gas/api.ts); the
// argument and result types come from there, so a misspelt name or a wrong argument fails to
// compile.
import type { ServerApi } from '../gas/api';

export type ServerName = keyof ServerApi;
type Args<K extends ServerName> = Parameters<ServerApi[K]>;
type Result<K extends ServerName> = ReturnType<ServerApi[K]>;

/** The part of google.script.run that the sidebars use (the real object has more). */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

/** A failed server call, with a Vietnamese message that can be shown as is. */
export class ServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerError';
  }
}

const NO_SERVER = 'Không kết nối được với máy chủ Apps Script. Hãy mở thanh bên này từ menu tiện ích trong Google Trang tính.';

function runner(): ScriptRunner | null {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run ?? null;
}

/** Failures of google.script.run itself (not of the server's code), said in Vietnamese. */
const CLIENT_FAILURES: Array<[RegExp, string]> = [
  // Several Google accounts signed in: google.script.run runs as the default account, which is
  // not the one that opened the file (a known limitation of Apps Script).
  [/PERMISSION_DENIED/, 'Trình duyệt đang đăng nhập nhiều tài khoản Google; hãy dùng một tài khoản (hoặc cửa sổ ẩn danh) rồi thử lại.'],
  [
    /exceeded maximum execution time/i,
    'Máy chủ Apps Script chạy quá thời gian cho phép (6 phút). Hãy chạy lại: công việc dài sẽ làm tiếp từ chỗ dừng.',
  ],
  [
    /networkerror|network error|failed to fetch|connection failure|http 0\b|err_internet|err_network|load failed/i,
    'Mất kết nối mạng với máy chủ Google. Kiểm tra kết nối Internet rồi thử lại.',
  ],
  [
    /authori[sz]ation is required|requires authori[sz]ation|not authori[sz]ed/i,
    'Tiện ích chưa được cấp quyền. Hãy mở lại thanh bên từ menu Tiện ích mở rộng và cấp quyền khi Google hỏi.',
  ],
  [/script function not found/i, 'Máy chủ không có chức năng được gọi. Hãy cập nhật tiện ích rồi mở lại thanh bên.'],
  [
    /server error occurred|please wait a bit and try again|internal error|service unavailable|timed out|too many simultaneous invocations/i,
    'Máy chủ Google tạm thời gặp lỗi. Vui lòng thử lại sau ít phút.',
  ],
];

/** Vietnamese letters beyond plain ASCII: the server's own messages always have some. */
const VIETNAMESE = /[À-ỹĐđ]/;

const UNKNOWN = 'Máy chủ báo lỗi không rõ nguyên nhân. Vui lòng thử lại; nếu lỗi lặp lại, báo cho người quản trị.';

/**
 * The message to show for a failed call: the server's Vietnamese message as it is; a failure of
 * google.script.run (several accounts, timeout, network…) said in Vietnamese; raw English is
 * never shown — it goes to the browser console.
 */
export function failureMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  // Apps Script prefixes thrown messages with "Exception: " or "Error: ".
  const message = raw.replace(/^(?:Exception|Error|ScriptError|UserError):\s*/, '').trim();
  const known = CLIENT_FAILURES.find(([re]) => re.test(message));
  if (known) {
    logRaw(raw);
    return known[1];
  }
  if (message && VIETNAMESE.test(message)) return message;
  logRaw(raw || String(e));
  return UNKNOWN;
}

function logRaw(raw: string): void {
  if (typeof console !== 'undefined') console.warn(`DVCQ: lỗi gọi máy chủ — ${raw}`);
}

function toServerError(e: unknown): ServerError {
  if (e instanceof ServerError) return e;
  return new ServerError(failureMessage(e));
}

/** Call one server function; resolves with its result, rejects with a ServerError. */
export function call<K extends ServerName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const run = runner();
    if (!run) {
      reject(new ServerError(NO_SERVER));
      return;
    }
    const r = run.withSuccessHandler((value) => resolve(value as Result<K>)).withFailureHandler((error) => reject(toServerError(error)));
    const fn = (r as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      reject(new ServerError(`Máy chủ không có chức năng «${name}». Hãy cập nhật tiện ích.`));
      return;
    }
    try {
      (fn as (...a: unknown[]) => void).apply(r, args);
    } catch (e) {
      reject(toServerError(e));
    }
  });
}

/** Serialises calls: the next one starts when the previous one has settled. */
export class CallQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private count = 0;

  constructor(private readonly onBusyChange: (busy: boolean) => void = () => undefined) {}

  get busy(): boolean {
    return this.count > 0;
  }

  push<T>(task: () => Promise<T>): Promise<T> {
    this.count++;
    if (this.count === 1) this.onBusyChange(true);
    const run = this.tail.then(task, task);
    this.tail = run.then(
      () => this.settle(),
      () => this.settle(),
    );
    return run;
  }

  private settle(): void {
    this.count--;
    if (this.count === 0) this.onBusyChange(false);
  }
}
