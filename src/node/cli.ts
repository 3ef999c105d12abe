// dvcq: argument parsing, dispatch to one function per command, exit codes
// (0 done, 1 an error or a finding that blocks, 2 wrong usage).
import fs from 'node:fs';
import { Context, consoleContext } from './context';
import { describeFsError, UserError } from './errors';
import { removeLeftoverTmp } from './files';
import { linkOf } from './workspace';
import { processAlive, withWorkspaceLock } from './workspace-lock';
import { USAGE } from './usage';
import { init } from './commands/init';
import { templates } from './commands/templates';
import { explain, reopen, setStatus, submit } from './commands/submit';
import { validate } from './commands/validate';
import { rank } from './commands/rank';
import { report } from './commands/report';
import { template } from './commands/template';
import { demo } from './commands/demo';
import { remind } from './commands/remind';
import { DEFAULT_SAMPLE, isSampleName, SAMPLE_NAMES, SampleName } from '../core/samples';

interface Spec {
  /** Positional arguments: how many are required, how many are allowed. */
  min: number;
  max: number;
  flags?: string[];
  options?: string[];
  /** Options whose value may be left out (`--sample`, `--sample binh-son-2024`): the values allowed. */
  choices?: Record<string, readonly string[]>;
  /** The workspace the command writes, locked while it runs (default: the first argument; none: no lock). */
  workspace?: (pos: string[]) => string | undefined;
  run(pos: string[], flags: Set<string>, options: Record<string, string>, ctx: Context): Promise<number>;
}

const COMMANDS: Record<string, Spec> = {
  init: { min: 1, max: 1, choices: { sample: SAMPLE_NAMES }, run: (p, _f, o, ctx) => init(p[0], { sample: sampleOption(o) }, ctx) },
  templates: { min: 1, max: 1, flags: ['upgrade'], run: (p, f, _o, ctx) => templates(p[0], { upgrade: f.has('upgrade') }, ctx) },
  submit: { min: 2, max: Infinity, run: (p, _f, _o, ctx) => submit(p[0], p.slice(1), ctx) },
  reopen: { min: 2, max: Infinity, run: (p, _f, _o, ctx) => reopen(p[0], p.slice(1), ctx) },
  status: { min: 3, max: Infinity, options: ['han'], run: (p, _f, o, ctx) => setStatus(p[0], p[1], p.slice(2), ctx, o.han) },
  explain: { min: 2, max: Infinity, run: (p, _f, _o, ctx) => explain(p[0], p.slice(1), ctx) },
  validate: { min: 1, max: 1, flags: ['json'], run: (p, f, _o, ctx) => validate(p[0], { json: f.has('json') }, ctx) },
  rank: { min: 1, max: 1, flags: ['json'], run: (p, f, _o, ctx) => rank(p[0], { json: f.has('json') }, ctx) },
  report: {
    min: 1,
    max: 1,
    flags: ['final'],
    options: ['template', 'decision-template'],
    run: (p, f, o, ctx) => report(p[0], { template: o.template, decisionTemplate: o['decision-template'], final: f.has('final') }, ctx),
  },
  remind: { min: 1, max: 1, run: (p, _f, _o, ctx) => remind(p[0], ctx) },
  demo: { min: 0, max: 1, choices: { sample: SAMPLE_NAMES }, run: (p, _f, o, ctx) => demo(p[0], sampleOption(o) ?? DEFAULT_SAMPLE, ctx) },
  template: {
    min: 1,
    max: 2,
    workspace: (p) => (p[0] === 'export' ? p[1] : undefined),
    run: (p, _f, _o, ctx) => template(p[0], p.slice(1), ctx),
  },
};

/**
 * Commands that write only into a folder of their own (`demo` replaces it whole). Every other
 * command works on a workspace (its first argument) and runs under the workspace lock.
 */
const OWN_FOLDER = new Set(['demo']);

class UsageError extends Error {}

/** `--sample` alone: the default sample; absent: none. */
function sampleOption(o: Record<string, string>): SampleName | undefined {
  if (!('sample' in o)) return undefined;
  return o.sample && isSampleName(o.sample) ? o.sample : DEFAULT_SAMPLE;
}

function parse(spec: Spec, name: string, args: string[]) {
  const pos: string[] = [];
  const flags = new Set<string>();
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      pos.push(a);
      continue;
    }
    const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
    const choices = spec.choices?.[key];
    if (spec.flags?.includes(key) && inline === undefined) flags.add(key);
    else if (choices) {
      const value = inline ?? (choices.includes(args[i + 1]) ? args[++i] : '');
      if (value && !choices.includes(value)) throw new UsageError(`--${key} nhận một trong: ${choices.join(', ')} (không có «${value}»).`);
      options[key] = value;
    } else if (spec.options?.includes(key)) {
      const value = inline ?? args[++i];
      if (!value || value.startsWith('--')) throw new UsageError(`tùy chọn --${key} cần một giá trị (đường dẫn tệp).`);
      options[key] = value;
    } else throw new UsageError(`lệnh «${name}» không có tùy chọn «${a}».`);
  }
  if (pos.length < spec.min)
    throw new UsageError(
      spec.min === 1 ? `lệnh «${name}» cần thư mục làm việc.` : `lệnh «${name}» cần thư mục làm việc và ít nhất một mã đơn vị.`,
    );
  if (pos.length > spec.max) throw new UsageError(`lệnh «${name}» thừa tham số «${pos[spec.max]}».`);
  return { pos, flags, options };
}

/**
 * Run a command that writes under the workspace lock, after removing what a killed run left
 * (temporary files of a pid that no longer runs). A folder that is not there yet is made by
 * `init` only; for another command the command itself says the control workbook is missing.
 */
async function underLock(ws: string, name: string, ctx: Context, run: () => Promise<number>): Promise<number> {
  if (name === 'init' && !fs.existsSync(ws)) {
    try {
      fs.mkdirSync(ws, { recursive: true });
    } catch (e) {
      throw new UserError(describeFsError(e, 'ghi', ws));
    }
  }
  if (!fs.existsSync(ws) || !fs.statSync(ws).isDirectory()) return run();
  return withWorkspaceLock(ws, name, ctx, async () => {
    const removed = removeLeftoverTmp(ws, processAlive);
    if (removed.length) {
      ctx.err(
        `Đã xóa ${removed.length} tệp tạm do một lần chạy bị dừng giữa chừng để lại: ${removed.map((f) => `«${linkOf(ws, f)}»`).join(', ')}.`,
      );
    }
    return run();
  });
}

/** Run the CLI; returns the exit code. Never throws. */
export async function main(argv: string[], ctx: Context = consoleContext): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    ctx.out(USAGE);
    return 0;
  }
  const spec = COMMANDS[name];
  if (!spec) {
    ctx.err(`Lỗi: không có lệnh «${name}».\n`);
    ctx.err(USAGE);
    return 2;
  }
  try {
    const { pos, flags, options } = parse(spec, name, args);
    const ws = OWN_FOLDER.has(name) ? undefined : spec.workspace ? spec.workspace(pos) : pos[0];
    if (ws === undefined) return await spec.run(pos, flags, options, ctx);
    return await underLock(ws, name, ctx, () => spec.run(pos, flags, options, ctx));
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`Lỗi: ${e.message} Xem «dvcq help».`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    ctx.err(`Lỗi: ${message}`);
    if (process.env.DVCQ_DEBUG === '1' && e instanceof Error && e.stack) ctx.err(e.stack);
    return 1;
  }
}

if (require.main === module) {
  // Output piped into a command that stops reading early (`| head`): stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
