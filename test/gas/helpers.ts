// Shared set-up of the add-on tests: a fake Apps Script world with a control spreadsheet.
import { createGasFake, GasFake } from '../fakes/gas';
import { Env, makeEnv } from '../../src/gas/env';
import { SHEETS } from '../../src/core/schema';

export const ADMIN = 'lan.noivu@binhson.gov.vn';

export interface World {
  fake: GasFake;
  env: Env;
  controlId: string;
  /** Make the fake clock advance (ms). */
  advance(ms: number): void;
}

/** `timeZone`: the Google account's default, given to every new spreadsheet (default Asia/Ho_Chi_Minh). */
export function newWorld(opts: { budgetMs?: number; tick?: number; timeZone?: string } = {}): World {
  let now = new Date(2024, 11, 10, 9, 0).getTime();
  const tick = opts.tick ?? 0;
  const clock = () => {
    now += tick;
    return now;
  };
  const fake = createGasFake({ user: ADMIN, now: () => new Date(now), timeZone: opts.timeZone });
  const ss = fake.createSpreadsheet('Bảng điều khiển DVCQ', { active: true });
  const env = makeEnv(fake, { clock, budgetMs: opts.budgetMs });
  return { fake, env, controlId: ss.id, advance: (ms) => (now += ms) };
}

export function control(w: World) {
  return w.fake.spreadsheetById(w.controlId)!;
}

/** Rows of a control sheet as objects keyed by header text. */
export function rowsOf(w: World, sheet: string): Array<Record<string, unknown>> {
  const values = control(w).sheet(sheet).values();
  const [header, ...rows] = values;
  return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

export function unitsRows(w: World) {
  return rowsOf(w, SHEETS.units);
}

/** Act as the admin again, in the control spreadsheet. */
export function asAdmin(w: World): void {
  w.fake.setUser(ADMIN);
  w.fake.setActiveSpreadsheet(w.controlId);
}
