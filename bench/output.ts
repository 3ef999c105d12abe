// Plain-text tables, number formats, budget checks and the JSON writer of the benchmark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Align = 'left' | 'right';
export interface Column {
  title: string;
  align?: Align;
}

/** A fixed-width text table: header, a rule, rows; numbers right-aligned by default. */
export function formatTable(columns: Column[], rows: Array<Array<string | number>>): string {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatInt(c) : c)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...text.map((r) => (r[i] ?? '').length)));
  const align = columns.map((c, i) => c.align ?? (rows.length && typeof rows[0][i] === 'number' ? 'right' : 'left'));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** 1234567 → "1,234,567" (English separators: the README is read by developers). */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Calls per unit: one decimal below 100, integer above. */
export function formatPerUnit(n: number): string {
  return n < 100 ? n.toFixed(1) : formatInt(n);
}

export function formatRatio(r: number): string {
  return !Number.isFinite(r) ? '—' : r >= 100 ? `${formatInt(r)}×` : `${r.toFixed(1)}×`;
}

/** 850 → "850 ms", 12345 → "12.3 s", 250000 → "4.2 min", 2e7 → "5.6 h". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 2 * 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function formatPercent(x: number): string {
  return x >= 10 ? `${Math.round(x)}%` : `${x.toFixed(1)}%`;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A budget or acceptance check; a failed one prints "FAIL: …" and fails the command. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function check(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}

export function checkLines(checks: Check[]): string[] {
  return checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}: ${c.name} — ${c.detail}`);
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  date: string;
  memoryGb: number;
}

export function machine(now = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    date: now.toISOString(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}, ${m.date.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Writes `data` as indented JSON (creating the folder), returns the absolute path. */
export function writeJson(file: string, data: unknown): string {
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, `${JSON.stringify(data, null, 2)}\n`);
  return abs;
}

/**
 * Replaces the text between `<!-- bench:start -->` and `<!-- bench:end -->` in a README (adding
 * the markers at the end when they are missing); the rest of the file is untouched.
 */
export function replaceReadmeSection(readme: string, section: string): string {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\n${section.trim()}\n${end}`;
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i >= 0 && j > i) return readme.slice(0, i) + block + readme.slice(j + end.length);
  return `${readme.replace(/\s*$/, '')}\n\n${block}\n`;
}
