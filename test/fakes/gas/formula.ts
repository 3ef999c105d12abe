/**
 * A tiny formula engine for the formulas the add-on writes.
 *
 * Supported:
 * - numbers, "strings" ("" escapes a quote), TRUE/FALSE, error literals (#REF! …);
 * - references: A1, $A$1, A1:B5, A:A, 2:4, with an optional sheet ('Chấm điểm'!D5, Sheet1!A1);
 * - operators: unary + -, %, ^, * /, + -, & (concatenation), = <> < > <= >=;
 * - functions: SUM, MIN, MAX, AVERAGE, COUNT, COUNTA, ROUND, ROUNDUP, ROUNDDOWN, ABS, IF,
 *   IFERROR, ISNUMBER, ISTEXT, ISBLANK, ISFORMULA, COLUMN (one reference), N, AND, OR, NOT, HYPERLINK.
 * Anything else (another function, a named range) evaluates to '#NAME?'; a formula that does
 * not parse evaluates to '#ERROR!'; a circular reference to '#REF!'.
 *
 * Also rewrites references when rows/columns are inserted or deleted and when a sheet is
 * renamed or deleted, as Sheets does.
 */
import { Axis, colToLetters, lettersToCol, quoteSheet, shiftSpan } from './a1';
import { Scalar, dateToSerial, normalizeNumber } from './values';

// ---------------------------------------------------------------------------------------------
// Values

export class FErr {
  constructor(readonly code: string) {}
}
/** A function called with too few or too many arguments: the call's value is #N/A. */
class ArgCountError extends Error {}
/** An empty cell (distinct from the empty string a formula can return). */
export const EMPTY: { readonly empty: true } = Object.freeze({ empty: true as const });
export type FVal = Scalar | FErr | typeof EMPTY;
interface RangeVal {
  kind: 'range';
  cells: FVal[][];
}
type EvalResult = FVal | RangeVal;

export interface FormulaEnv {
  /** Value of a cell (evaluating its formula); `sheet` null = the formula's own sheet; undefined sheet → null. */
  cell(sheet: string | null, row: number, col: number): FVal | null;
  /** Dimensions of a sheet, or null when it does not exist. */
  bounds(sheet: string | null): { rows: number; cols: number } | null;
  /** Whether a cell holds a formula (for ISFORMULA); absent = never. */
  hasFormula?(sheet: string | null, row: number, col: number): boolean;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface RefEnd {
  colAbs: boolean;
  col: number | null;
  rowAbs: boolean;
  row: number | null;
}
export interface RefToken {
  t: 'ref';
  start: number;
  end: number;
  prefix: string; // the sheet prefix as written, including '!' ('' when none)
  sheet: string | null;
  ends: RefEnd[]; // 1 (cell) or 2 (range)
}
type Token =
  | { t: 'num'; v: number; start: number; end: number }
  | { t: 'str'; v: string; start: number; end: number }
  | { t: 'err'; v: string; start: number; end: number }
  | { t: 'func'; v: string; start: number; end: number }
  | { t: 'name'; v: string; start: number; end: number }
  | { t: 'op'; v: string; start: number; end: number }
  | { t: '(' | ')' | ','; start: number; end: number }
  | RefToken;

const PREFIX = String.raw`(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
const RE_PREFIX = new RegExp(PREFIX, 'uy');
const RE_CELLRANGE = new RegExp(String.raw`(${CELL})(?::(${CELL}))?(?![\p{L}\p{N}_(])`, 'uy');
const RE_COLRANGE = new RegExp(String.raw`(${COL}):(${COL})(?![\p{L}\p{N}_(])`, 'uy');
const RE_ROWRANGE = new RegExp(String.raw`(${ROW}):(${ROW})(?![\p{L}\p{N}_(.])`, 'uy');
const RE_NUM = /(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/y;
const RE_IDENT = /[A-Za-z_][A-Za-z0-9_.]*/y;
const RE_ERR = /#(REF!|N\/A|NAME\?|DIV\/0!|VALUE!|NUM!|NULL!|ERROR!)/y;

function parseEndText(s: string): RefEnd {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(s)!;
  return {
    colAbs: m[1] === '$' && m[2] !== '',
    col: m[2] ? lettersToCol(m[2]) : null,
    rowAbs: m[2] === '' ? m[1] === '$' : m[3] === '$',
    row: m[4] ? Number(m[4]) : null,
  };
}

function tryAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= src.length) throw new SyntaxError('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += src[j++];
      }
      out.push({ t: 'str', v, start: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const m = tryAt(RE_ERR, src, i);
      if (!m) throw new SyntaxError('bad error literal');
      out.push({ t: 'err', v: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if ('(),'.includes(ch)) {
      out.push({ t: ch as '(' | ')' | ',', start: i, end: i + 1 });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ t: 'op', v: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) {
      out.push({ t: 'op', v: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    // References (with an optional sheet prefix)
    let p = i;
    let prefix = '';
    let sheet: string | null = null;
    const pm = tryAt(RE_PREFIX, src, i);
    if (pm) {
      prefix = pm[0];
      sheet = pm[1] !== undefined ? pm[1].replace(/''/g, "'") : pm[2];
      p = i + pm[0].length;
    }
    const rm = tryAt(RE_CELLRANGE, src, p) ?? tryAt(RE_COLRANGE, src, p) ?? tryAt(RE_ROWRANGE, src, p);
    if (rm) {
      const ends = [parseEndText(rm[1])];
      if (rm[2]) ends.push(parseEndText(rm[2]));
      out.push({ t: 'ref', start: i, end: p + rm[0].length, prefix, sheet, ends });
      i = p + rm[0].length;
      continue;
    }
    if (pm) throw new SyntaxError('sheet prefix without a reference');
    const nm = tryAt(RE_NUM, src, i);
    if (nm) {
      out.push({ t: 'num', v: Number(nm[0]), start: i, end: i + nm[0].length });
      i += nm[0].length;
      continue;
    }
    const im = tryAt(RE_IDENT, src, i);
    if (im) {
      let j = i + im[0].length;
      while (src[j] === ' ') j++;
      const isFunc = src[j] === '(';
      out.push({ t: isFunc ? 'func' : 'name', v: im[0].toUpperCase(), start: i, end: i + im[0].length });
      i += im[0].length;
      continue;
    }
    throw new SyntaxError(`unexpected '${ch}'`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser

type Node =
  | { k: 'lit'; v: FVal }
  | { k: 'ref'; ref: RefToken }
  | { k: 'un'; op: string; e: Node }
  | { k: 'pct'; e: Node }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'name'; name: string };

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  parse(): Node {
    const n = this.comparison();
    if (this.i < this.toks.length) throw new SyntaxError('trailing tokens');
    return n;
  }
  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }
  private comparison(): Node {
    let l = this.concat();
    for (let op = this.peekOp('=', '<>', '<', '>', '<=', '>='); op; op = this.peekOp('=', '<>', '<', '>', '<=', '>=')) {
      this.i++;
      l = { k: 'bin', op, l, r: this.concat() };
    }
    return l;
  }
  private concat(): Node {
    let l = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      l = { k: 'bin', op: '&', l, r: this.additive() };
    }
    return l;
  }
  private additive(): Node {
    let l = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      l = { k: 'bin', op, l, r: this.multiplicative() };
    }
    return l;
  }
  private multiplicative(): Node {
    let l = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      l = { k: 'bin', op, l, r: this.power() };
    }
    return l;
  }
  private power(): Node {
    let l = this.unary();
    while (this.peekOp('^')) {
      this.i++;
      l = { k: 'bin', op: '^', l, r: this.unary() };
    }
    return l;
  }
  private unary(): Node {
    const op = this.peekOp('+', '-');
    if (op) {
      this.i++;
      return { k: 'un', op, e: this.unary() };
    }
    let e = this.primary();
    while (this.peekOp('%')) {
      this.i++;
      e = { k: 'pct', e };
    }
    return e;
  }
  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new SyntaxError('unexpected end');
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: t.v };
      case 'str':
        return { k: 'lit', v: t.v };
      case 'err':
        return { k: 'lit', v: new FErr(t.v) };
      case 'ref':
        return { k: 'ref', ref: t };
      case 'name':
        if (t.v === 'TRUE' || t.v === 'FALSE') return { k: 'lit', v: t.v === 'TRUE' };
        return { k: 'name', name: t.v };
      case 'func': {
        const open = this.toks[this.i++];
        if (!open || open.t !== '(') throw new SyntaxError('expected (');
        const args: Node[] = [];
        if (this.toks[this.i]?.t === ')') {
          this.i++;
          return { k: 'call', name: t.v, args };
        }
        for (;;) {
          const nt = this.toks[this.i];
          // An omitted argument (IF(A1,,1)) counts as empty.
          if (nt && (nt.t === ',' || nt.t === ')')) args.push({ k: 'lit', v: EMPTY });
          else args.push(this.comparison());
          const sep = this.toks[this.i++];
          if (sep?.t === ')') break;
          if (sep?.t !== ',') throw new SyntaxError('expected , or )');
        }
        return { k: 'call', name: t.v, args };
      }
      case '(': {
        const e = this.comparison();
        if (this.toks[this.i++]?.t !== ')') throw new SyntaxError('expected )');
        return e;
      }
      default:
        throw new SyntaxError('unexpected token');
    }
  }
}

const parseCache = new Map<string, Node | SyntaxError>();

function parseFormula(formula: string): Node | SyntaxError {
  let n = parseCache.get(formula);
  if (n) return n;
  try {
    n = new Parser(tokenize(formula.replace(/^=/, ''))).parse();
  } catch (e) {
    n = e instanceof SyntaxError ? e : new SyntaxError(String(e));
  }
  if (parseCache.size > 5000) parseCache.clear();
  parseCache.set(formula, n);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

const isErr = (v: unknown): v is FErr => v instanceof FErr;
const isEmpty = (v: unknown): v is typeof EMPTY => v === EMPTY;
const VALUE = () => new FErr('#VALUE!');

function toNum(v: FVal): number | FErr {
  if (isErr(v)) return v;
  if (isEmpty(v)) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return dateToSerial(v);
  if (v.trim() === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : VALUE();
}

function toText(v: FVal): string | FErr {
  if (isErr(v)) return v;
  if (isEmpty(v)) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(normalizeNumber(v));
  if (v instanceof Date) return String(dateToSerial(v));
  return v;
}

function toBool(v: FVal): boolean | FErr {
  if (isErr(v)) return v;
  if (isEmpty(v)) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof Date) return true;
  const u = v.toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  return VALUE();
}

function compare(a: FVal, b: FVal): number {
  const norm = (x: FVal, other: FVal): Scalar => {
    if (!isEmpty(x)) return x instanceof Date ? dateToSerial(x) : (x as Scalar);
    if (typeof other === 'string') return '';
    if (typeof other === 'boolean') return false;
    return 0;
  };
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

function roundTo(x: number, digits: number, mode: 'half' | 'up' | 'down'): number {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const scaled = Number(`${ax}e${d}`);
  const fixed = Number(scaled.toPrecision(15));
  const r = mode === 'half' ? Math.round(fixed) : mode === 'up' ? Math.ceil(fixed) : Math.floor(fixed);
  return sign * Number(`${r}e${-d}`);
}

class Evaluator {
  constructor(private readonly env: FormulaEnv) {}

  scalar(n: Node): FVal {
    const r = this.ev(n);
    if ((r as RangeVal).kind === 'range') {
      const cells = (r as RangeVal).cells;
      if (cells.length === 1 && cells[0].length === 1) return cells[0][0];
      return VALUE();
    }
    return r as FVal;
  }

  /** Flatten arguments for SUM-like functions: numbers from ranges, coerced scalars. */
  private numbers(args: Node[]): number[] | FErr {
    const out: number[] = [];
    for (const a of args) {
      const r = this.ev(a);
      if ((r as RangeVal).kind === 'range') {
        for (const row of (r as RangeVal).cells)
          for (const v of row) {
            if (isErr(v)) return v;
            if (typeof v === 'number') out.push(v);
            else if (v instanceof Date) out.push(dateToSerial(v));
          }
      } else {
        const v = r as FVal;
        if (isEmpty(v)) continue;
        // Text in a referenced cell is ignored, as in Sheets and Excel; only a literal is coerced.
        if (a.k === 'ref' && typeof v !== 'number' && !(v instanceof Date)) {
          if (isErr(v)) return v;
          continue;
        }
        const x = toNum(v);
        if (isErr(x)) return x;
        out.push(x);
      }
    }
    return out;
  }

  private flat(args: Node[]): FVal[] {
    const out: FVal[] = [];
    for (const a of args) {
      const r = this.ev(a);
      if ((r as RangeVal).kind === 'range') for (const row of (r as RangeVal).cells) out.push(...row);
      else out.push(r as FVal);
    }
    return out;
  }

  private call(name: string, args: Node[]): FVal {
    const nargs = (min: number, max: number) => {
      if (args.length < min || args.length > max) throw new ArgCountError(name);
    };
    switch (name) {
      case 'SUM': {
        const ns = this.numbers(args);
        return isErr(ns) ? ns : ns.reduce((a, b) => a + b, 0);
      }
      case 'MIN':
      case 'MAX': {
        const ns = this.numbers(args);
        if (isErr(ns)) return ns;
        if (ns.length === 0) return 0;
        return name === 'MIN' ? Math.min(...ns) : Math.max(...ns);
      }
      case 'AVERAGE': {
        const ns = this.numbers(args);
        if (isErr(ns)) return ns;
        return ns.length === 0 ? new FErr('#DIV/0!') : ns.reduce((a, b) => a + b, 0) / ns.length;
      }
      case 'COUNT':
        return this.flat(args).filter((v) => typeof v === 'number' || v instanceof Date).length;
      case 'COUNTA':
        return this.flat(args).filter((v) => !isEmpty(v)).length;
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        nargs(1, 2);
        const x = toNum(this.scalar(args[0]));
        const d = args[1] ? toNum(this.scalar(args[1])) : 0;
        if (isErr(x)) return x;
        if (isErr(d)) return d;
        return roundTo(x, d, name === 'ROUND' ? 'half' : name === 'ROUNDUP' ? 'up' : 'down');
      }
      case 'ABS': {
        nargs(1, 1);
        const x = toNum(this.scalar(args[0]));
        return isErr(x) ? x : Math.abs(x);
      }
      case 'IF': {
        nargs(1, 3);
        const c = toBool(this.scalar(args[0]));
        if (isErr(c)) return c;
        if (c) return args.length > 1 ? this.scalar(args[1]) : true;
        return args.length > 2 ? this.scalar(args[2]) : false;
      }
      case 'IFERROR': {
        nargs(1, 2);
        const v = this.scalar(args[0]);
        return isErr(v) ? (args[1] ? this.scalar(args[1]) : EMPTY) : v;
      }
      case 'ISNUMBER': {
        nargs(1, 1);
        const v = this.scalar(args[0]);
        return typeof v === 'number' || v instanceof Date;
      }
      case 'ISTEXT': {
        nargs(1, 1);
        return typeof this.scalar(args[0]) === 'string';
      }
      case 'ISBLANK': {
        nargs(1, 1);
        return isEmpty(this.scalar(args[0]));
      }
      case 'AND':
      case 'OR': {
        const vs = this.flat(args).filter((v) => !isEmpty(v) && typeof v !== 'string');
        if (vs.length === 0) return VALUE();
        const bs: boolean[] = [];
        for (const v of vs) {
          const b = toBool(v);
          if (isErr(b)) return b;
          bs.push(b);
        }
        return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
      }
      case 'NOT': {
        nargs(1, 1);
        const b = toBool(this.scalar(args[0]));
        return isErr(b) ? b : !b;
      }
      case 'ISFORMULA': {
        nargs(1, 1);
        const a = args[0];
        if (a.k !== 'ref') return new FErr('#N/A');
        const e = a.ref.ends[0];
        return !!this.env.hasFormula?.(a.ref.sheet, e.row ?? 1, e.col ?? 1);
      }
      case 'COLUMN': {
        // Only the one-argument form with a reference (the unit sheet's recorded layout uses it).
        nargs(1, 1);
        const a = args[0];
        if (a.k !== 'ref') return new FErr('#N/A');
        return a.ref.ends[0].col ?? 1;
      }
      case 'N': {
        nargs(1, 1);
        const v = this.scalar(args[0]);
        if (isErr(v)) return v;
        if (typeof v === 'number') return v;
        if (typeof v === 'boolean') return v ? 1 : 0;
        if (v instanceof Date) return dateToSerial(v);
        return 0;
      }
      case 'HYPERLINK': {
        nargs(1, 2);
        const url = this.scalar(args[0]);
        return args[1] ? this.scalar(args[1]) : url;
      }
      default:
        return new FErr('#NAME?');
    }
  }

  ev(n: Node): EvalResult {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'name':
        return new FErr('#NAME?');
      case 'ref':
        return this.ref(n.ref);
      case 'un': {
        const x = toNum(this.scalar(n.e));
        if (isErr(x)) return x;
        return n.op === '-' ? -x : x;
      }
      case 'pct': {
        const x = toNum(this.scalar(n.e));
        return isErr(x) ? x : x / 100;
      }
      case 'call':
        try {
          return this.call(n.name, n.args);
        } catch (e) {
          if (e instanceof ArgCountError) return new FErr('#N/A');
          throw e;
        }
      case 'bin': {
        const l = this.scalar(n.l);
        const r = this.scalar(n.r);
        if (isErr(l)) return l;
        if (isErr(r)) return r;
        if (n.op === '&') {
          const a = toText(l);
          const b = toText(r);
          if (isErr(a)) return a;
          if (isErr(b)) return b;
          return a + b;
        }
        if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
          const c = compare(l, r);
          switch (n.op) {
            case '=':
              return c === 0;
            case '<>':
              return c !== 0;
            case '<':
              return c < 0;
            case '>':
              return c > 0;
            case '<=':
              return c <= 0;
            default:
              return c >= 0;
          }
        }
        const a = toNum(l);
        const b = toNum(r);
        if (isErr(a)) return a;
        if (isErr(b)) return b;
        switch (n.op) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return b === 0 ? new FErr('#DIV/0!') : a / b;
          default: {
            const p = Math.pow(a, b);
            return Number.isFinite(p) ? p : new FErr('#NUM!');
          }
        }
      }
    }
  }

  private ref(ref: RefToken): EvalResult {
    const b = this.env.bounds(ref.sheet);
    if (!b) return new FErr('#REF!');
    const [e1, e2] = ref.ends;
    if (!e2) {
      const v = this.env.cell(ref.sheet, e1.row!, e1.col!);
      return v === null ? new FErr('#REF!') : v;
    }
    const r1 = e1.row ?? 1;
    const c1 = e1.col ?? 1;
    const r2 = e2.row ?? b.rows;
    const c2 = e2.col ?? b.cols;
    const cells: FVal[][] = [];
    for (let r = Math.min(r1, r2); r <= Math.min(Math.max(r1, r2), b.rows); r++) {
      const row: FVal[] = [];
      for (let c = Math.min(c1, c2); c <= Math.min(Math.max(c1, c2), b.cols); c++) {
        const v = this.env.cell(ref.sheet, r, c);
        row.push(v === null ? new FErr('#REF!') : v);
      }
      cells.push(row);
    }
    return { kind: 'range', cells };
  }
}

/**
 * Evaluate a formula, keeping errors and empties as FVal (for references between formula cells);
 * fvalToScalar turns the result into what Range.getValues shows.
 */
export function evaluateFormulaRaw(formula: string, env: FormulaEnv): FVal {
  const node = parseFormula(formula);
  if (node instanceof SyntaxError) return new FErr('#ERROR!');
  return new Evaluator(env).scalar(node);
}

export function fvalToScalar(v: FVal): Scalar {
  if (isErr(v)) return v.code;
  if (isEmpty(v)) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? normalizeNumber(v) : '#NUM!';
  return v;
}

// ---------------------------------------------------------------------------------------------
// Rewriting references

function endText(e: RefEnd): string {
  return `${e.col !== null ? `${e.colAbs ? '$' : ''}${colToLetters(e.col)}` : ''}${e.row !== null ? `${e.rowAbs ? '$' : ''}${e.row}` : ''}`;
}

function rewrite(formula: string, fn: (ref: RefToken) => string | null): string {
  if (!formula.startsWith('=')) return formula;
  let toks: Token[];
  try {
    toks = tokenize(formula.slice(1));
  } catch {
    return formula;
  }
  let out = '';
  let last = 0;
  const body = formula.slice(1);
  for (const t of toks) {
    if (t.t !== 'ref') continue;
    const repl = fn(t);
    if (repl === null) continue;
    out += body.slice(last, t.start) + repl;
    last = t.end;
  }
  return '=' + out + body.slice(last);
}

/**
 * Shift the references of `formula` that point into the sheet for which `targets(sheetPrefix)`
 * is true, for rows/columns inserted before `at` (count > 0) or deleted from `at` (count < 0).
 */
export function shiftReferences(
  formula: string,
  targets: (sheet: string | null) => boolean,
  axis: Axis,
  at: number,
  count: number,
): string {
  return rewrite(formula, (ref) => {
    if (!targets(ref.sheet)) return null;
    const key = axis === 'row' ? 'row' : 'col';
    const ends = ref.ends.map((e) => ({ ...e }));
    const a = ends[0][key];
    const b = ends.length > 1 ? ends[1][key] : a;
    if (a === null || b === null) return null; // whole rows/columns along the other axis
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const span = shiftSpan(lo, hi, at, count);
    if (!span) return ref.prefix + '#REF!';
    ends[0][key] = span[0];
    if (ends.length > 1) ends[1][key] = span[1];
    return ref.prefix + ends.map(endText).join(':');
  });
}

/** Rename the sheet in references (`'Old'!A1` → `'New'!A1`); a null `to` makes them #REF!. */
export function renameSheetReferences(formula: string, from: string, to: string | null): string {
  return rewrite(formula, (ref) => {
    if (ref.sheet === null || ref.sheet.toLowerCase() !== from.toLowerCase()) return null;
    if (to === null) return '#REF!';
    return `${quoteSheet(to)}!${ref.ends.map(endText).join(':')}`;
  });
}
