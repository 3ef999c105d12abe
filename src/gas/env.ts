// What every action runs with: the Apps Script services (real or fake), a clock and a time budget.
import { GasServices, gasServices } from './services';

export interface Env {
  gas: GasServices;
  /** Milliseconds since the epoch; injectable so tests can make time pass. */
  clock: () => number;
  /** Time a job chunk may run before it stops and returns a cursor (Apps Script stops at 6 min). */
  budgetMs: number;
}

export const DEFAULT_BUDGET_MS = 4.5 * 60 * 1000;

export interface EnvOptions {
  clock?: () => number;
  budgetMs?: number;
}

export function makeEnv(gas: GasServices = gasServices(), opts: EnvOptions = {}): Env {
  return { gas, clock: opts.clock ?? (() => Date.now()), budgetMs: opts.budgetMs ?? DEFAULT_BUDGET_MS };
}

export const nowOf = (env: Env) => new Date(env.clock());

/** A deadline measured from now with the env's clock. */
export function timer(env: Env, budgetMs = env.budgetMs) {
  const start = env.clock();
  return {
    elapsed: () => env.clock() - start,
    /** True while at least `reserveMs` of the budget is left. */
    hasTime: (reserveMs = 0) => env.clock() - start + reserveMs < budgetMs,
  };
}

/** The e-mail of the user running the script ('' when Google does not reveal it). */
export function activeUser(env: Env): string {
  try {
    return env.gas.Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
