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
  /** 'before': the call does not happen (failAfter); 'lost': it happens, then its answer is lost. */
  when: 'before' | 'lost';
}

interface ArmedKill {
  method: string;
  remaining: number;
  /** 'before': killed instead of making the call; 'after': killed right after the call succeeded. */
  when: 'before' | 'after';
}

/**
 * What a killed execution throws, on the call that killed it and on every call after it (fake):
 * Apps Script stops a killed execution (time limit, closed tab, quota) at once; here the script's
 * own catch and finally blocks still run, but none of their service calls reach Google.
 */
export class ExecutionKilled extends Error {
  constructor(method: string) {
    super(`fake: execution killed at ${method}`);
    this.name = 'ExecutionKilled';
  }
}

export class Calls implements CallCounter {
  total = 0;
  byMethod: Record<string, number> = {};
  log: string[] = [];
  private failures: ArmedFailure[] = [];
  private kills: ArmedKill[] = [];
  /** The call that killed this execution (null while it runs); cleared by endExecution. */
  killedAt: string | null = null;

  record(method: string, makeError: (message: string) => Error): void {
    if (this.killedAt) throw new ExecutionKilled(this.killedAt);
    if (this.trigger(method, 'before')) {
      this.killedAt = method;
      throw new ExecutionKilled(method);
    }
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    this.log.push(method);
    for (const f of this.failures) {
      if (!f.active || f.method !== method || f.when !== 'before') continue;
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

  /** After a call succeeded: a lost answer, or the kill armed for it. */
  completed(method: string, makeError: (message: string) => Error): void {
    if (this.trigger(method, 'after')) {
      this.killedAt = method;
      throw new ExecutionKilled(method);
    }
    for (const f of this.failures) {
      if (!f.active || f.method !== method || f.when !== 'lost') continue;
      if (f.remaining > 0) {
        f.remaining--;
        continue;
      }
      f.active = false;
      this.failures = this.failures.filter((x) => x.active);
      if (f.error instanceof Error) throw f.error;
      throw makeError(f.error ?? `Timed out waiting for the answer of ${method} (fake: the call was done, its answer lost)`);
    }
  }

  private trigger(method: string, when: 'before' | 'after'): boolean {
    const k = this.kills.find((x) => x.method === method && x.when === when);
    if (!k) return false;
    if (k.remaining > 0) {
      k.remaining--;
      return false;
    }
    this.kills = this.kills.filter((x) => x !== k);
    return true;
  }

  /** Kill the execution at the (n+1)-th call of `method` from now on: before it is made, or right after it succeeded. */
  killAt(method: string, n: number, when: 'before' | 'after'): void {
    if (!/^\w+\.\w+$/.test(method)) throw new Error(`killAt: expected 'Class.method', got '${method}'`);
    this.kills.push({ method, remaining: Math.max(0, Math.floor(n)), when });
  }

  /** A new execution: a killed one is over (armed kills stay armed). */
  revive(): void {
    this.killedAt = null;
  }

  /** Throw on the (n+1)-th call of `method` from now on (once). */
  failAfter(method: string, n: number, error?: Error | string): { cancel(): void } {
    return this.arm(method, n, error, 'before');
  }

  /** The (n+1)-th call of `method` from now on is made, then throws as if its answer was lost (once). */
  loseResponse(method: string, n: number, error?: Error | string): { cancel(): void } {
    return this.arm(method, n, error, 'lost');
  }

  private arm(method: string, n: number, error: Error | string | undefined, when: ArmedFailure['when']): { cancel(): void } {
    if (!/^\w+\.\w+$/.test(method)) throw new Error(`failAfter: expected 'Class.method', got '${method}'`);
    const f: ArmedFailure = { method, remaining: Math.max(0, Math.floor(n)), error, active: true, when };
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
