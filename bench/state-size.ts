// Bytes of state the add-on keeps in the control spreadsheet's DocumentProperties (Google allows
// 9 KB per value and 500 KB in all: https://developers.google.com/apps-script/guides/services/quotas),
// measured by running «Tạo biểu mẫu chấm điểm» for three years in a row on the fake, as the admin
// sidebar runs it (the templates job prunes records older than the previous year).
import { BENCH_YEAR } from './synthetic';
import { newWorld, runJob, World } from './gas-bench';
import { SHEETS } from '../src/core/schema';
import { check, Check, formatInt } from './output';

export const PROPERTY_LIMITS = { storeBytes: 500 * 1024, valueBytes: 9 * 1024 } as const;

export interface YearState {
  year: number;
  /** Every key and value of the store after the year's templates job (UTF-8 bytes). */
  totalBytes: number;
  /** The unit file records of that year, divided by the number of units. */
  bytesPerUnit: number;
  largestValue: number;
  errors: number;
}

export interface StateSize {
  units: number;
  years: YearState[];
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function setYear(w: World, year: number): void {
  const sheet = w.fake.spreadsheetById(w.controlId)!.sheet(SHEETS.config);
  const row = sheet.values().findIndex((r) => r[0] === 'Năm') + 1;
  if (row <= 0) throw new Error('bench: no «Năm» row in Cấu hình');
  sheet.set(`B${row}`, year);
}

/** Generate the files of `units` units for three consecutive years; the store measured after each. */
export function measureState(units: number, criteria = 10): StateSize {
  const w = newWorld(units, criteria);
  const out: YearState[] = [];
  for (let k = 0; k < 3; k++) {
    const year = BENCH_YEAR + k;
    setYear(w, year);
    const run = runJob(w, 'templates');
    const props = w.fake.properties.document(w.controlId);
    let total = 0;
    let records = 0;
    let largest = 0;
    for (const [key, value] of props) {
      total += utf8(key) + utf8(value);
      largest = Math.max(largest, utf8(value));
      if (key.startsWith(`dvcq:file:${year}:`)) records += utf8(key) + utf8(value);
    }
    out.push({
      year,
      totalBytes: total,
      bytesPerUnit: records / units,
      largestValue: largest,
      errors: run.unitErrors.length + (run.error ? 1 : 0),
    });
  }
  return { units, years: out };
}

/** 1,000 units × 3 years: measured when the run had 1,000 units, else the measured bytes scaled per unit. */
export function projectedThousand(s: StateSize): number {
  const last = s.years.at(-1)!;
  return s.units === 1000 ? last.totalBytes : Math.round((last.totalBytes / s.units) * 1000);
}

export function stateTable(s: StateSize): string {
  const lines = [`year   store bytes   bytes/unit (file record)   largest value`];
  for (const y of s.years) {
    lines.push(
      `${y.year}   ${formatInt(y.totalBytes).padStart(11)}   ${y.bytesPerUnit.toFixed(1).padStart(24)}   ${formatInt(y.largestValue).padStart(13)}`,
    );
  }
  const p = projectedThousand(s);
  const measured = s.units === 1000 ? 'measured' : `scaled from ${formatInt(s.units)} units`;
  lines.push(
    `1,000 units × 3 years: ${formatInt(p)} bytes (${measured}; ${((100 * p) / PROPERTY_LIMITS.storeBytes).toFixed(1)}% of the ` +
      `${formatInt(PROPERTY_LIMITS.storeBytes)}-byte store; records of years before the previous one are pruned)`,
  );
  return lines.join('\n');
}

export function stateChecks(s: StateSize): Check[] {
  const p = projectedThousand(s);
  const largest = Math.max(...s.years.map((y) => y.largestValue));
  const errors = s.years.reduce((n, y) => n + y.errors, 0);
  return [
    check(
      'state: 1,000 units × 3 years under half the DocumentProperties store',
      p < PROPERTY_LIMITS.storeBytes / 2 && errors === 0,
      `${formatInt(p)} of ${formatInt(PROPERTY_LIMITS.storeBytes)} bytes${errors ? `; ${errors} unit errors` : ''}`,
    ),
    check(
      'state: every value under half the 9 KB limit per value',
      largest < PROPERTY_LIMITS.valueBytes / 2,
      `largest ${formatInt(largest)} bytes`,
    ),
  ];
}
