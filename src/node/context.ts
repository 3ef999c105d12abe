// What a command needs from its surroundings: where to print, the clock, the user's name.
// Tests pass their own context to capture the output and fix the time.
import os from 'node:os';

export interface Context {
  out: (line: string) => void;
  err: (line: string) => void;
  now(): Date;
  user(): string;
}

function userName(): string {
  try {
    return os.userInfo().username || process.env.USER || process.env.USERNAME || 'không rõ';
  } catch {
    return process.env.USER || process.env.USERNAME || 'không rõ';
  }
}

export const consoleContext: Context = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
  user: userName,
};

/** Same clock and user, no output (commands run inside `demo`). */
export const quiet = (ctx: Context): Context => ({ ...ctx, out: () => undefined, err: () => undefined });
