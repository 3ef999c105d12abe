// Generation (the templates job) killed at each point of a unit's creation, or losing Google's
// answer to a call that was done, then resumed: exactly one file and one sharing e-mail per unit.
import { newWorld, asAdmin } from './helpers';
import type { World } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { ExecutionKilled } from '../fakes/gas';

const UNITS = 33;

/** Unit files in Drive (not trashed), by unit code found in the name. */
function filesInDrive(w: World): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of w.fake.drive.list()) {
    const m = /^(BS-[XP]\d\d) - /.exec(it.name);
    if (m && !it.trashed) out[m[1]] = (out[m[1]] ?? 0) + 1;
  }
  return out;
}

/** Sharing e-mails Google sent, by file id. */
function mailsByFile(w: World): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of w.fake.context.shares) if (s.notify) out.set(s.itemId, (out.get(s.itemId) ?? 0) + 1);
  return out;
}

function expectOneFileAndOneMailPerUnit(w: World): void {
  const files = filesInDrive(w);
  expect(Object.keys(files)).toHaveLength(UNITS);
  expect(Object.entries(files).filter(([, n]) => n !== 1)).toEqual([]);
  const records = unitFiles(w);
  expect(Object.values(records).filter((r) => r.state === 'ok')).toHaveLength(UNITS);
  const mails = mailsByFile(w);
  expect(Object.entries(records).filter(([, r]) => mails.get(r.id) !== 1)).toEqual([]);
  expect([...mails.values()].reduce((a, b) => a + b, 0)).toBe(UNITS);
}

/** Index (0-based, among calls of `method`) of the first call of `method` after the `nth` (0-based) call of `after`. */
function callAfter(log: readonly string[], after: string, nth: number, method: string): number {
  let seen = -1;
  let count = 0;
  for (const call of log) {
    if (seen >= nth && call === method) return count;
    if (call === method) count++;
    if (call === after) seen++;
  }
  throw new Error(`no ${method} after ${after} #${nth}`);
}

/** The calls of a whole generation without faults (the world is deterministic). */
function cleanLog(): string[] {
  const w = newWorld();
  sampleControl(w);
  w.fake.calls.reset();
  generate(w);
  return [...w.fake.calls.log];
}

describe('Generation killed at each point, then resumed', () => {
  const K = 12; // the 13th unit
  const log = cleanLog();
  const points: Array<[string, (w: World) => void]> = [
    ['before the copy', (w) => w.fake.killAt('Files.copy', K, 'before')],
    ['after the copy', (w) => w.fake.killAt('Files.copy', K, 'after')],
    // The unit's record (the last write of a unit) is the first setProperty after its copy.
    ['after recording', (w) => w.fake.killAt('Properties.setProperty', callAfter(log, 'Files.copy', K, 'Properties.setProperty'), 'after')],
    ['after sharing', (w) => w.fake.killAt('Permissions.create', K, 'after')],
  ];

  it.each(points)('killed %s: exactly one file and one e-mail per unit after the resume', (_, arm) => {
    const w = newWorld();
    sampleControl(w);
    w.fake.calls.reset();
    arm(w);
    expect(() => generate(w)).toThrow(ExecutionKilled);
    expect(w.fake.killedAt).not.toBeNull();
    w.fake.endExecution();
    asAdmin(w);
    const last = generate(w).at(-1)!;
    expect(last.errors).toEqual([]);
    expect(last.done).toBe(UNITS);
    expectOneFileAndOneMailPerUnit(w);
  });

  it('killed after any one call of a unit (every call from its copy to its record), then resumed: one file and one e-mail per unit', () => {
    const copies = log.flatMap((call, i) => (call === 'Files.copy' ? [i] : []));
    const [from, to] = [copies[K], copies[K + 1] - 1];
    expect(to - from).toBeGreaterThan(8);
    for (let i = from; i <= to; i++) {
      const method = log[i];
      const nth = log.slice(0, i).filter((c) => c === method).length;
      const w = newWorld();
      sampleControl(w);
      w.fake.calls.reset();
      w.fake.killAt(method, nth, 'after');
      expect(() => generate(w)).toThrow(ExecutionKilled);
      w.fake.endExecution();
      asAdmin(w);
      expect(generate(w).at(-1)!.errors).toEqual([]);
      expectOneFileAndOneMailPerUnit(w);
    }
  });

  it('the resume after a kill makes no copy for the units already on Drive', () => {
    const w = newWorld();
    sampleControl(w);
    w.fake.killAt('Files.copy', K, 'after');
    expect(() => generate(w)).toThrow(ExecutionKilled);
    w.fake.endExecution();
    asAdmin(w);
    const before = w.fake.calls.snapshot();
    generate(w);
    const used = w.fake.calls.since(before).byMethod;
    expect(used['Files.copy']).toBe(UNITS - K - 1);
  });
});

describe('Killed while making the folders and the masters, then resumed', () => {
  /** Folders and spreadsheets in Drive (not trashed) by name. */
  function liveByName(w: World, kind: 'folder' | 'file'): Record<string, number> {
    const out: Record<string, number> = {};
    for (const it of w.fake.drive.list()) if (it.kind === kind && !it.trashed) out[it.name] = (out[it.name] ?? 0) + 1;
    return out;
  }

  it.each([
    // Files.create: the year folder (0), the master spreadsheet (1), the first group folder (2).
    ['after the master spreadsheet is created, before it is drawn', 'Files.create', 1],
    ['after the first group folder is created, before it is remembered', 'Files.create', 2],
    ['while the master is being drawn', 'Range.setValues', 0],
  ])('killed %s: one folder per group and one master per rubric after the resume', (_, method, nth) => {
    const w = newWorld();
    sampleControl(w);
    w.fake.calls.reset();
    w.fake.killAt(method, nth, 'after');
    expect(() => generate(w)).toThrow(ExecutionKilled);
    w.fake.endExecution();
    asAdmin(w);
    expect(generate(w).at(-1)!.errors).toEqual([]);
    expectOneFileAndOneMailPerUnit(w);
    const folders = liveByName(w, 'folder');
    expect(Object.entries(folders).filter(([name, n]) => name !== 'My Drive' && n !== 1)).toEqual([]);
    const masters = Object.entries(liveByName(w, 'file')).filter(([name]) => name.startsWith('Mẫu gốc'));
    expect(masters.length).toBeGreaterThan(0);
    expect(masters.filter(([, n]) => n !== 1)).toEqual([]);
  });
});

describe('An answer of Google lost after the call was done', () => {
  it('a copy made but its answer lost: the unit is reported, and the resume finishes that copy', () => {
    const w = newWorld();
    sampleControl(w);
    w.fake.loseResponse('Files.copy', 12);
    const first = generate(w).at(-1)!;
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0].message).toMatch(/^Xã Bình Minh \(BS-X13\): Tạo biểu mẫu: dịch vụ của Google tạm thời không phản hồi/);
    asAdmin(w);
    const again = generate(w).at(-1)!;
    expect(again.errors).toEqual([]);
    expectOneFileAndOneMailPerUnit(w);
  });

  it('a share done but its answer lost: the next run sees the permission and sends no second e-mail', () => {
    const w = newWorld();
    sampleControl(w);
    w.fake.loseResponse('Permissions.create', 12);
    const first = generate(w).at(-1)!;
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0].message).toMatch(/chưa chia sẻ được/);
    asAdmin(w);
    const again = generate(w).at(-1)!;
    expect(again.errors).toEqual([]);
    expect(again.message).toMatch(/^33\/33 đơn vị đã có biểu mẫu/);
    expectOneFileAndOneMailPerUnit(w);
  });
});
