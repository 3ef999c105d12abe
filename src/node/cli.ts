// dvcq: argument parsing, dispatch to one function per command, exit codes
// (0 done, 1 an error or a finding that blocks, 2 wrong usage).
import { Context, consoleContext } from './context';
import { USAGE } from './usage';
import { init } from './commands/init';
import { templates } from './commands/templates';
import { reopen, submit } from './commands/submit';
import { validate } from './commands/validate';
import { rank } from './commands/rank';
import { report } from './commands/report';
import { template } from './commands/template';
import { demo } from './commands/demo';

interface Spec {
  /** Positional arguments: how many are required, how many are allowed. */
  min: number;
  max: number;
  flags?: string[];
  options?: string[];
  run(pos: string[], flags: Set<string>, options: Record<string, string>, ctx: Context): Promise<number>;
}

const COMMANDS: Record<string, Spec> = {
  init: { min: 1, max: 1, flags: ['sample'], run: (p, f, _o, ctx) => init(p[0], { sample: f.has('sample') }, ctx) },
  templates: { min: 1, max: 1, flags: ['upgrade'], run: (p, f, _o, ctx) => templates(p[0], { upgrade: f.has('upgrade') }, ctx) },
  submit: { min: 2, max: Infinity, run: (p, _f, _o, ctx) => submit(p[0], p.slice(1), ctx) },
  reopen: { min: 2, max: Infinity, run: (p, _f, _o, ctx) => reopen(p[0], p.slice(1), ctx) },
  validate: { min: 1, max: 1, flags: ['json'], run: (p, f, _o, ctx) => validate(p[0], { json: f.has('json') }, ctx) },
  rank: { min: 1, max: 1, flags: ['json'], run: (p, f, _o, ctx) => rank(p[0], { json: f.has('json') }, ctx) },
  report: {
    min: 1,
    max: 1,
    flags: ['final'],
    options: ['template', 'decision-template'],
    run: (p, f, o, ctx) => report(p[0], { template: o.template, decisionTemplate: o['decision-template'], final: f.has('final') }, ctx),
  },
  demo: { min: 0, max: 1, run: (p, _f, _o, ctx) => demo(p[0], ctx) },
  template: { min: 1, max: 2, run: (p, _f, _o, ctx) => template(p[0], p.slice(1), ctx) },
};

class UsageError extends Error {}

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
    if (spec.flags?.includes(key) && inline === undefined) flags.add(key);
    else if (spec.options?.includes(key)) {
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
    return await spec.run(pos, flags, options, ctx);
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
