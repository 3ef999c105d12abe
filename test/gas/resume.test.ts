import { newWorld, control, asAdmin } from './helpers';
import { generate, runAll, sampleControl, unitFiles } from './flow';
import { runTemplatesChunk } from '../../src/gas/jobs/templates';
import { SHEETS } from '../../src/core/schema';
import type { World } from './helpers';

/** Every unit file in Drive (not trashed), by unit code found in its name. */
function filesInDrive(w: World): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of w.fake.drive.list()) {
    const m = /^(BS-[XP]\d\d) - /.exec(it.name);
    if (m && !it.trashed) out[m[1]] = (out[m[1]] ?? 0) + 1;
  }
  return out;
}

describe('Resuming the templates job', () => {
  it('a failure of the copy (Drive Files.copy) after k units, then a resume: exactly one file per unit, no lost score', () => {
    const w = newWorld();
    sampleControl(w);
    w.fake.failAfter('Files.copy', 12);
    const first = generate(w).at(-1)!;
    expect(first.finished).toBe(true);
    expect(first.done).toBe(32);
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0].message).toMatch(/^Xã Bình Minh \(BS-X13\): Tạo biểu mẫu: đã xảy ra lỗi không mong muốn/);

    // A scorer already typed a score.
    const files = unitFiles(w);
    const sheet = w.fake.spreadsheetById(files['BS-X01'].id)!.sheet(SHEETS.scoring);
    const cell = `D${sheet.values().findIndex((r) => r[0] === 'X1.1') + 1}`;
    sheet.set(cell, 2.5, { as: 'chauo.binhson@example.com' });

    asAdmin(w);
    const again = generate(w).at(-1)!;
    expect(again.done).toBe(33);
    expect(again.errors).toEqual([]);
    const counts = filesInDrive(w);
    expect(Object.keys(counts)).toHaveLength(33);
    expect(Object.values(counts).every((n) => n === 1)).toBe(true);
    expect(w.fake.spreadsheetById(unitFiles(w)['BS-X01'].id)!.sheet(SHEETS.scoring).cell(cell).value).toBe(2.5);
  });

  it('a failure after the copy leaves the copy on Drive, with its identity; the resume finishes it without copying again', () => {
    const w = newWorld();
    sampleControl(w);
    w.fake.failAfter('SpreadsheetApp.openById', 5);
    const first = generate(w).at(-1)!;
    expect(first.errors).toHaveLength(1);
    const code = /\(([^)]+)\)/.exec(first.errors[0].unit)![1];
    // Not remembered (the record is written last), but on Drive with the unit's identity.
    expect(unitFiles(w)[code]).toBeUndefined();
    const orphan = w.fake.drive.list().filter((it) => it.name.startsWith(`${code} - `));
    expect(orphan).toHaveLength(1);
    expect(w.fake.context.item(orphan[0].id)!.appProperties).toMatchObject({ dvcqYear: '2024', dvcqUnit: code });
    const copies = w.fake.calls.count('Files.copy');
    const again = generate(w).at(-1)!;
    expect(again.done).toBe(33);
    expect(w.fake.calls.count('Files.copy')).toBe(copies);
    expect(unitFiles(w)[code]).toMatchObject({ id: orphan[0].id, state: 'ok' });
    const meta = w.fake.spreadsheetById(orphan[0].id)!.sheet(SHEETS.meta).values();
    expect(meta.find((r) => r[0] === 'Mã đơn vị')?.[1]).toBe(code);
    expect(Object.values(filesInDrive(w)).every((n) => n === 1)).toBe(true);
  });

  it('stops well before the time limit and resumes from the cursor', () => {
    const w = newWorld({ budgetMs: 60_000, tick: 500 });
    sampleControl(w);
    const chunks = runAll((c) => runTemplatesChunk(w.env, c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0].finished).toBe(false);
    expect(chunks[0].message).toMatch(/^\d+\/33 đơn vị…$/);
    expect(chunks.at(-1)!.message).toMatch(/^33\/33 đơn vị đã có biểu mẫu/);
    expect(Object.values(filesInDrive(w)).every((n) => n === 1)).toBe(true);
    expect(Object.keys(filesInDrive(w))).toHaveLength(33);
    // `Đơn vị` has every link.
    const rows = control(w).sheet(SHEETS.units).values();
    const link = rows[0].indexOf('Liên kết');
    expect(rows.slice(1).every((r) => String(r[link]).startsWith('https://docs.google.com/spreadsheets/d/'))).toBe(true);
  });
});
