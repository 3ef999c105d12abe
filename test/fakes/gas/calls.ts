/** Counting of every service call made through the fake, plus failure injection. */

export interface CallSnapshot {
  total: number;
  /** 'Class.method' → number of calls. Methods never called are absent. */
  byMethod: Record<string, number>;
}

export interface CallCounter {
  /** Number of service calls since the last reset. */
  readonly total: number;
  /** 'Class.method' → count (e.g. 'Range.getValues'). Live object; absent key = 0. */
  readonly byMethod: Readonly<Record<string, number>>;
  /** Every call in order ('Class.method'), since the last reset. */
  readonly log: readonly string[];
  /** Count of one 'Class.method', or of a whole class with 'Class.*'; 0 when never called. */
  count(method: string): number;
  reset(): void;
  /** A copy of the current counts. */
  snapshot(): CallSnapshot;
  /** Calls made after `before` was taken (counts subtracted; zero entries dropped). */
  since(before: CallSnapshot): CallSnapshot;
}

interface ArmedFailure {
  method: string;
  remaining: number;
  error: Error | string | undefined;
  active: boolean;
}

export class Calls implements CallCounter {
  total = 0;
  byMethod: Record<string, number> = {};
  log: string[] = [];
  private failures: ArmedFailure[] = [];

  record(method: string, makeError: (message: string) => Error): void {
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    this.log.push(method);
    for (const f of this.failures) {
      if (!f.active || f.method !== method) continue;
      if (f.remaining > 0) {
        f.remaining--;
        continue;
      }
      f.active = false;
      this.failures = this.failures.filter((x) => x.active);
      if (f.error instanceof Error) throw f.error;
      throw makeError(f.error ?? `Injected failure (failAfter) at ${method}`);
    }
  }

  /** Throw on the (n+1)-th call of `method` from now on (once). */
  failAfter(method: string, n: number, error?: Error | string): { cancel(): void } {
    if (!/^\w+\.\w+$/.test(method)) throw new Error(`failAfter: expected 'Class.method', got '${method}'`);
    const f: ArmedFailure = { method, remaining: Math.max(0, Math.floor(n)), error, active: true };
    this.failures.push(f);
    return {
      cancel: () => {
        f.active = false;
        this.failures = this.failures.filter((x) => x.active);
      },
    };
  }

  count(method: string): number {
    if (method.endsWith('.*')) {
      const prefix = method.slice(0, -1);
      let n = 0;
      for (const [k, v] of Object.entries(this.byMethod)) if (k.startsWith(prefix)) n += v;
      return n;
    }
    return this.byMethod[method] ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.byMethod = {};
    this.log = [];
  }

  snapshot(): CallSnapshot {
    return { total: this.total, byMethod: { ...this.byMethod } };
  }

  since(before: CallSnapshot): CallSnapshot {
    const byMethod: Record<string, number> = {};
    for (const [k, v] of Object.entries(this.byMethod)) {
      const d = v - (before.byMethod[k] ?? 0);
      if (d > 0) byMethod[k] = d;
    }
    return { total: this.total - before.total, byMethod };
  }
}
