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

const NO_SERVER =
  'Không kết nối được với máy chủ Apps Script. Hãy mở thanh bên này từ menu tiện ích trong Google Trang tính.';

function runner(): ScriptRunner | null {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run ?? null;
}

function toServerError(e: unknown): ServerError {
  if (e instanceof ServerError) return e;
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  // Apps Script prefixes thrown messages with "Exception: " or "Error: ".
  const message = raw.replace(/^(?:Exception|Error|ScriptError):\s*/, '').trim();
  return new ServerError(message || 'Máy chủ báo lỗi không rõ nguyên nhân. Vui lòng thử lại.');
}

/** Call one server function; resolves with its result, rejects with a ServerError. */
export function call<K extends ServerName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const run = runner();
    if (!run) {
      reject(new ServerError(NO_SERVER));
      return;
    }
    const r = run
      .withSuccessHandler((value) => resolve(value as Result<K>))
      .withFailureHandler((error) => reject(toServerError(error)));
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
