// The value a formula of the unit sheet shows, computed here so that a file written offline carries
// it (a phone or e-mail preview shows the cached value and never computes). Covers exactly the
// functions the unit-sheet layout writes (SUM, COUNT, IF, AND, ISNUMBER, ISFORMULA, N, MIN, MAX, ABS,
// ROUND, COLUMN; + - * /, &, comparisons) with Excel's rules for blanks and text; anything else
// gives no value (undefined) and the cell is left for the spreadsheet to compute.
import type { Cell } from './types';
import { parseA1 } from './gas-support';
import { roundHalfUp } from './round';

/** A formula's value: a number, text, a truth value, or an error such as "#VALUE!". */
export type FormulaValue = number | string | boolean | { error: string };

/** The cells a formula reads: a value typed, or a formula (its text, without "="). */
export interface FormulaCells {
  get(a1: string): { value: Cell } | { formula: string } | undefined;
}

class Unsupported extends Error {}
/** An error value (#VALUE!, #DIV/0!) on its way up to the formula that shows it. */
class SheetError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'fn'; v: string } | { t: 'op'; v: string };

function tokens(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|([A-Z]{1,3}\d+)(?![A-Z0-9(])|([A-Z][A-Z0-9.]*)\(|(<=|>=|<>|[-+*/&=<>(),]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new Unsupported(src.slice(pos));
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'ref', v: m[3] });
    else if (m[4] !== undefined) out.push({ t: 'fn', v: m[4].replace(/^_xlfn\./, '') }, { t: 'op', v: '(' });
    else out.push({ t: 'op', v: m[5] });
    pos = re.lastIndex;
  }
  return out;
}

type Node =
  | { k: 'lit'; v: FormulaValue }
  | { k: 'ref'; a1: string }
  | { k: 'fn'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

function parse(src: string): Node {
  const ts = tokens(src);
  let i = 0;
  const peek = () => ts[i];
  const opAt = () => (peek()?.t === 'op' ? String(peek().v) : null);
  const isOp = (v: string) => opAt() === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Unsupported(v);
    i++;
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    while (ops.includes(opAt() ?? '')) {
      const op = String(ts[i++].v);
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = ts[i++];
    if (!t) throw new Unsupported('end');
    if (t.t === 'num' || t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'ref') return { k: 'ref', a1: t.v };
    if (t.t === 'fn') {
      expect('(');
      const args: Node[] = [];
      if (!isOp(')')) {
        args.push(compare());
        while (isOp(',')) {
          i++;
          args.push(compare());
        }
      }
      expect(')');
      return { k: 'fn', name: t.v, args };
    }
    if (t.v === '-') return { k: 'neg', a: primary() };
    if (t.v === '(') {
      const e = compare();
      expect(')');
      return e;
    }
    throw new Unsupported(t.v);
  };
  const term = binary(['*', '/'], primary);
  const additive = binary(['+', '-'], term);
  const concat = binary(['&'], additive);
  const compare: () => Node = binary(['=', '<>', '<', '>', '<=', '>='], concat);
  const root = compare();
  if (i !== ts.length) throw new Unsupported('trailing');
  return root;
}

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;

/** Evaluates formulas over `cells`, each cell once. */
export class FormulaEvaluator {
  private readonly memo = new Map<string, FormulaValue | null | undefined>();
  constructor(private readonly cells: FormulaCells) {}

  /** The value of the formula `formula` (without "="); undefined when it uses something not covered. */
  evaluate(formula: string): FormulaValue | undefined {
    try {
      const v = this.eval(parse(formula.replace(/^=/, '')));
      return v === null ? 0 : v;
    } catch (e) {
      // RangeError: a formula nested or chained too deep for the stack (a hostile input) gets no value either.
      if (e instanceof Unsupported || e instanceof RangeError) return undefined;
      throw e;
    }
  }

  /** A cell's value: null for a blank cell. */
  private cell(a1: string): FormulaValue | null {
    if (this.memo.has(a1)) {
      const v = this.memo.get(a1);
      if (v === undefined) throw new Unsupported(`cycle ${a1}`);
      return v;
    }
    this.memo.set(a1, undefined);
    const c = this.cells.get(a1);
    let v: FormulaValue | null;
    if (!c) v = null;
    else if ('formula' in c) {
      v = this.eval(parse(c.formula.replace(/^=/, '')));
      if (v === null) v = 0;
    } else v = c.value === null || c.value === '' ? null : c.value instanceof Date ? null : c.value;
    this.memo.set(a1, v);
    return v;
  }

  private num(v: FormulaValue | null): number {
    if (isError(v)) throw new SheetError(v.error);
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = Number(v.trim());
    if (v.trim() === '' || !Number.isFinite(n)) throw new SheetError('#VALUE!');
    return n;
  }

  private eval(n: Node): FormulaValue | null {
    try {
      return this.evalRaw(n);
    } catch (e) {
      if (e instanceof SheetError) return { error: e.code };
      throw e;
    }
  }

  private evalRaw(n: Node): FormulaValue | null {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref':
        return this.cell(n.a1);
      case 'neg':
        return -this.num(this.eval(n.a));
      case 'bin': {
        const a = this.eval(n.a);
        const b = this.eval(n.b);
        if (isError(a)) return a;
        if (isError(b)) return b;
        const text = (v: FormulaValue | null) =>
          v === null || isError(v) ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
        if (n.op === '&') return text(a) + text(b);
        if (['+', '-', '*', '/'].includes(n.op)) {
          const x = this.num(a);
          const y = this.num(b);
          if (n.op === '/' && y === 0) return { error: '#DIV/0!' };
          return n.op === '+' ? x + y : n.op === '-' ? x - y : n.op === '*' ? x * y : x / y;
        }
        return this.compare(n.op, a, b);
      }
      case 'fn':
        return this.call(n.name, n.args);
    }
  }

  private compare(op: string, a: FormulaValue | null, b: FormulaValue | null): boolean {
    const norm = (v: FormulaValue | null, other: FormulaValue | null) =>
      v === null ? (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0) : v;
    const x = norm(a, b);
    const y = norm(b, a);
    if (typeof x !== typeof y) throw new Unsupported('mixed comparison');
    const c = typeof x === 'string' ? x.toLowerCase().localeCompare(typeof y === 'string' ? y.toLowerCase() : '') : Number(x) - Number(y);
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
  }

  /** Numbers among the arguments as SUM/COUNT/MIN/MAX see them: a referenced text or blank is skipped. */
  private numbers(args: Node[]): number[] {
    const out: number[] = [];
    for (const a of args) {
      const v = this.eval(a);
      if (isError(v)) throw new SheetError(v.error);
      if (a.k === 'ref') {
        if (typeof v === 'number') out.push(v);
      } else out.push(this.num(v));
    }
    return out;
  }

  private call(name: string, args: Node[]): FormulaValue | null {
    const arg = (i: number) => this.eval(args[i]);
    switch (name) {
      case 'SUM':
        return this.numbers(args).reduce((s, x) => s + x, 0);
      case 'COUNT':
        return args.filter((a) => typeof this.eval(a) === 'number').length;
      case 'MIN':
      case 'MAX': {
        const xs = this.numbers(args);
        return xs.length ? (name === 'MIN' ? Math.min(...xs) : Math.max(...xs)) : 0;
      }
      case 'ABS':
        return Math.abs(this.num(arg(0)));
      case 'ROUND':
        return roundHalfUp(this.num(arg(0)), this.num(arg(1)));
      case 'N': {
        const v = arg(0);
        if (isError(v)) return v;
        return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
      }
      case 'ISNUMBER':
        return typeof arg(0) === 'number';
      case 'ISFORMULA': {
        const a = args[0];
        if (a?.k !== 'ref') throw new Unsupported('ISFORMULA');
        const c = this.cells.get(a.a1);
        return !!c && 'formula' in c;
      }
      case 'AND':
        return args.every((a) => this.num(this.eval(a)) !== 0);
      case 'IF': {
        const c = arg(0);
        if (isError(c)) return c;
        if (typeof c === 'string') return { error: '#VALUE!' };
        const yes = this.num(c) !== 0;
        if (yes) return args.length > 1 ? this.eval(args[1]) : true;
        return args.length > 2 ? this.eval(args[2]) : false;
      }
      case 'COLUMN': {
        const a = args[0];
        const at = a?.k === 'ref' ? parseA1(a.a1) : null;
        if (!at) throw new Unsupported('COLUMN');
        return at[1] + 1;
      }
      default:
        throw new Unsupported(name);
    }
  }
}
