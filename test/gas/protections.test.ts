// The protections of every unit file are set to "owner only" explicitly and checked, never taken
// as the copy carried them: whatever a copy's protections list (Google does not document it), the
// scorer cannot change «Điểm tối đa» or the hidden meta sheet once the file is shared with them.
import { newWorld, ADMIN } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { readControlData } from '../../src/gas/control-io';
import { SHEETS } from '../../src/core/schema';
import type { World } from './helpers';

function scorerOf(w: World, code: string): string {
  return readControlData(w.env).control.units.find((u) => u.code === code)!.email;
}

describe.each(['keep', 'mirror'] as const)('Protections of a unit file (a copy whose protections %s the editors)', (protectionsOnCopy) => {
  it('the scorer cannot change «Điểm tối đa» nor the meta sheet; only the owner is listed, no domain edit', () => {
    const w = newWorld();
    // The copy behaviour under test.
    const fake = w.fake;
    fake.context.protectionsOnCopy = protectionsOnCopy;
    sampleControl(w);
    const last = generate(w).at(-1)!;
    expect(last.errors).toEqual([]);
    const file = unitFiles(w)['BS-X01'];
    const view = fake.spreadsheetById(file.id)!;
    for (const p of view.protections.filter((x) => x.type === 'SHEET')) {
      expect(p.editors).toEqual([ADMIN]);
      expect(p.domainEdit).toBe(false);
    }
    const scorer = scorerOf(w, 'BS-X01');
    const sheet = view.sheet(SHEETS.scoring);
    const row = sheet.values().findIndex((r) => r[0] === 'X1.1') + 1;
    expect(() => sheet.set(`C${row}`, 100, { as: scorer })).toThrow(/protected cell/);
    expect(() => view.sheet(SHEETS.meta).set('B2', 'BS-X02', { as: scorer })).toThrow(/protected cell/);
    // The scorer's own cells stay open.
    sheet.set(`D${row}`, 1, { as: scorer });
  });
});
