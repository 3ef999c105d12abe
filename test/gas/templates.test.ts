import { newWorld, unitsRows, asAdmin, control, ADMIN } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { SHEETS } from '../../src/core/schema';
import { SAMPLE } from '../../src/core/sample';
import { layoutFingerprint, layoutOptions, unitSheetLayout } from '../../src/core/unit-sheet';
import { readControlData } from '../../src/gas/control-io';
import { scorerRanges } from '../../src/gas/unit-draw';
import { runTemplatesChunk } from '../../src/gas/jobs/templates';

describe('Tạo biểu mẫu chấm điểm', () => {
  it('creates the folder tree, one shared, protected file per unit, and records it in `Đơn vị`', () => {
    const w = newWorld();
    sampleControl(w);
    const chunks = generate(w);
    const last = chunks.at(-1)!;
    expect(last).toMatchObject({ step: 'templates', finished: true, done: 33, total: 33 });
    expect(last.message).toMatch(/^33\/33 đơn vị đã có biểu mẫu/);

    const drive = w.fake.drive;
    const root = drive.byPath('My Drive/Dân vận chính quyền 2024')!;
    expect(root.kind).toBe('folder');
    const groups = drive
      .children(root.id)
      .filter((x) => x.kind === 'folder')
      .map((x) => x.name)
      .sort();
    expect(groups).toEqual(['Khối cơ quan chuyên môn', 'Khối xã, thị trấn']);
    const files = unitFiles(w);
    expect(Object.keys(files)).toHaveLength(33);

    const { control: c } = readControlData(w.env);
    for (const u of c.units) {
      const item = drive.item(files[u.code].id)!;
      expect(drive.path(item.id)).toBe(`My Drive/Dân vận chính quyền 2024/${u.group}/${item.name}`);
      expect(item.name).toContain(u.code);
      expect(item.editors).toEqual([u.email]); // exactly its scorer
      expect(item.owner).toBe(ADMIN);
    }
    // Each scorer was notified once.
    expect(drive.shares.map((s) => s.email).sort()).toEqual(SAMPLE.units.map((u) => u.email).sort());
    // `Cấu hình` remembers the folder.
    const cfg = control(w).sheet(SHEETS.config).values();
    expect(cfg.find((r) => r[0] === 'Thư mục Drive')?.[1]).toBe(root.id);

    // Status and link of every unit.
    for (const r of unitsRows(w)) {
      expect(r['Liên kết']).toBe(files[String(r['Mã đơn vị'])].url);
      // The sample says who had submitted: statuses typed by the admin are kept.
      const sample = SAMPLE.units.find((u) => u.code === r['Mã đơn vị'])!;
      expect(r['Trạng thái']).toBe(sample.status);
    }
  });

  it('draws every unit file from the layout: values, formulas, protection, validation, notes, meta', () => {
    const w = newWorld();
    sampleControl(w);
    const afterSetup = w.fake.calls.snapshot();
    generate(w);
    const generation = w.fake.calls.since(afterSetup);
    const { control: c } = readControlData(w.env);
    const files = unitFiles(w);
    const unit = c.units.find((u) => u.code === 'BS-X08')!;
    const rubric = c.rubrics[unit.rubricId];
    const ss = w.fake.spreadsheetById(files[unit.code].id)!;
    const layout = unitSheetLayout(unit, rubric, layoutOptions(c.settings, rubric));
    const sheet = ss.sheet(SHEETS.scoring);

    // Values (rows 1–6 personalised) and formulas of the parent rows and totals.
    const values = sheet.values(`A1:J${layout.cells.length}`);
    expect(values[1][0]).toBe(`Đơn vị: ${unit.name} — Mã đơn vị: ${unit.code}`);
    expect(values[1][7]).toBe(unit.code);
    const formulas = sheet.formulas(`A1:J${layout.cells.length}`);
    layout.cells.forEach((row, r) =>
      row.forEach((cell, c2) => {
        if (cell && typeof cell === 'object' && 'formula' in cell) expect(formulas[r][c2]).toBe(`=${cell.formula}`);
        else if (r > 5 && typeof cell === 'string') expect(values[r][c2]).toBe(cell);
        else if (typeof cell === 'number') expect(values[r][c2]).toBe(cell);
      }),
    );
    expect(sheet.hiddenColumns).toEqual([8]);
    expect(sheet.frozenRows).toBe(layout.headerRow + 1);

    // Protection: the whole sheet, except the scorer's inputs (and the status cells).
    const [p] = sheet.protections;
    expect(p.type).toBe('SHEET');
    expect(p.editors).toEqual([ADMIN]);
    expect(new Set(p.unprotected)).toEqual(new Set(scorerRanges(layout)));
    for (const a of layout.appraiserInputs) expect(sheet.canEdit(a, unit.email)).toBe(false);
    for (const a of layout.scorerInputs) expect(sheet.canEdit(a, unit.email)).toBe(true);
    expect(sheet.canEdit('C9', unit.email)).toBe(false);

    // ONE custom-formula rule on the whole score block (Tự chấm and Thẩm định, first to last
    // criterion row), its formula written for the block's top-left cell: Sheets reads a custom
    // formula's relative references from the top-left cell of the range the rule is applied to.
    const first = layout.headerRow + 2;
    const last = first + rubric.criteria.length - 1;
    const d = `D${first}`;
    const formula = `=OR(ISBLANK(${d}),AND(ISNUMBER(${d}),${d}>=0,${d}<=$C${first},MOD(ROUND(${d}/0.25,6),1)=0))`;
    for (const row of sheet.validations(`D${first}:E${last}`)) {
      for (const v of row) expect(v).toMatchObject({ criteria: 'CUSTOM_FORMULA', values: [formula], allowInvalid: true });
    }
    for (const v of layout.validations) expect(sheet.cell(v.cell).validation?.values).toEqual([formula]);
    for (const a of [`D${first - 1}`, `D${last + 1}`, `F${first}`, `C${first}`]) expect(sheet.cell(a).validation).toBeNull();
    // Applied with one setDataValidation per master (never per cell).
    expect(generation.byMethod['Range.setDataValidations'] ?? 0).toBe(0);
    expect(generation.byMethod['Range.setDataValidation']).toBe(new Set(c.units.map((u) => u.rubricId)).size);
    expect(sheet.conditionalRules).toHaveLength(1);
    for (const n of layout.notes) expect(sheet.cell(n.cell).note).toBe(n.text);

    // Hidden meta sheet.
    const meta = ss.sheet(SHEETS.meta);
    expect(meta.hidden).toBe(true);
    const kv = Object.fromEntries(meta.values().map((r) => [String(r[0]), r[1]] as const));
    expect(kv['Mã đơn vị']).toBe(unit.code);
    expect(kv['Tên đơn vị']).toBe(unit.name);
    expect(kv['Mã kiểm tra bộ tiêu chí']).toBe(layoutFingerprint(rubric, layoutOptions(c.settings, rubric)));
  });

  it('two units of the same rubric differ only in rows 2–6 and the meta values', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const files = unitFiles(w);
    const a = w.fake.spreadsheetById(files['BS-X02'].id)!;
    const b = w.fake.spreadsheetById(files['BS-X03'].id)!;
    const va = a
      .sheet(SHEETS.scoring)
      .formulas()
      .map((r, i) => r.map((f, j) => f || a.sheet(SHEETS.scoring).values()[i][j]));
    const vb = b
      .sheet(SHEETS.scoring)
      .formulas()
      .map((r, i) => r.map((f, j) => f || b.sheet(SHEETS.scoring).values()[i][j]));
    const diffRows = new Set<number>();
    va.forEach((row, r) => row.forEach((x, c) => x !== vb[r][c] && diffRows.add(r + 1)));
    expect([...diffRows].every((r) => r >= 2 && r <= 6)).toBe(true);
    expect(diffRows.has(2)).toBe(true);
    const ma = a.sheet(SHEETS.meta).values();
    const mb = b.sheet(SHEETS.meta).values();
    const metaDiff = ma.map((r, i) => (String(r[1]) === String(mb[i][1]) ? null : r[0])).filter(Boolean);
    expect(metaDiff).toEqual(['Mã đơn vị', 'Tên đơn vị']);

    // And in the core layouts too.
    const { control: c } = readControlData(w.env);
    const [u1, u2] = [c.units[1], c.units[2]];
    const rubric = c.rubrics[u1.rubricId];
    const l1 = unitSheetLayout(u1, rubric, layoutOptions(c.settings, rubric));
    const l2 = unitSheetLayout(u2, rubric, layoutOptions(c.settings, rubric));
    l1.cells.forEach((row, r) => {
      if (r >= 1 && r <= 5) return;
      expect(JSON.stringify(row)).toBe(JSON.stringify(l2.cells[r]));
    });
  });

  it('is idempotent: a second run skips every unit and creates nothing', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const count = w.fake.drive.list().length;
    const again = generate(w).at(-1)!;
    expect(again.message).toMatch(/^33\/33/);
    expect(w.fake.drive.list().length).toBe(count);
    expect(w.fake.calls.count('Files.copy')).toBe(33);
  });

  it('reports a trashed file and does not recreate it, unless the admin asks with «Tạo lại»', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const files = unitFiles(w);
    w.fake.drive.trash(files['BS-X05'].id);
    w.fake.drive.delete(files['BS-P01'].id);
    const r = generate(w).at(-1)!;
    expect(r.done).toBe(31);
    expect(r.errors.map((e) => e.unit)).toEqual(
      expect.arrayContaining([expect.stringContaining('BS-X05'), expect.stringContaining('BS-P01')]),
    );
    expect(r.errors.find((e) => e.unit.includes('BS-X05'))!.message).toMatch(/Thùng rác/);
    expect(w.fake.calls.count('Files.copy')).toBe(33);

    // The admin asks for a new file for BS-P01.
    asAdmin(w);
    const rows = control(w).sheet(SHEETS.units).values();
    const row = rows.findIndex((x) => x[0] === 'BS-P01') + 1;
    const col = rows[0].indexOf('Trạng thái');
    control(w)
      .sheet(SHEETS.units)
      .set(`${String.fromCharCode(65 + col)}${row}`, 'Tạo lại');
    const r2 = generate(w).at(-1)!;
    expect(r2.done).toBe(32);
    expect(unitFiles(w)['BS-P01'].id).not.toBe(files['BS-P01'].id);
    expect(unitFiles(w)['BS-X05'].id).toBe(files['BS-X05'].id);
  });

  it('handles units with an unknown rubric or an invalid e-mail, with messages, without stopping', () => {
    const w = newWorld();
    sampleControl(w);
    const sheet = control(w).sheet(SHEETS.units);
    const rows = sheet.values();
    const col = (h: string) => String.fromCharCode(65 + rows[0].indexOf(h));
    sheet.set(`${col('Bộ tiêu chí')}3`, 'KHONG_CO');
    sheet.set(`${col('Email người chấm')}4`, 'sai-email');
    const r = generate(w).at(-1)!;
    expect(r.finished).toBe(true);
    // 32 files, one of them not shared (invalid e-mail): not counted as done, and said so.
    expect(r.done).toBe(31);
    expect(r.message).toMatch(
      /^31\/33 đơn vị đã có biểu mẫu; 1 đơn vị có biểu mẫu nhưng chưa chia sẻ được cho người chấm; 2 việc cần xử lý/,
    );
    const bad = r.errors.map((e) => e.message).join('\n');
    expect(bad).toMatch(/bộ tiêu chí «KHONG_CO»/);
    expect(bad).toMatch(/«sai-email» không hợp lệ; biểu mẫu đã được tạo nhưng chưa chia sẻ/);
    const files = unitFiles(w);
    expect(Object.keys(files)).toHaveLength(32);
    const code = String(rows[3][0]);
    expect(w.fake.drive.item(files[code].id)!.editors).toEqual([]);
  });

  it('waits for another run holding the lock instead of copying twice', () => {
    const w = newWorld();
    sampleControl(w);
    w.fake.locks.holdByOther('document');
    expect(() => runTemplatesChunk(w.env, null)).toThrow('Một người khác đang cập nhật bảng điều khiển; vui lòng thử lại sau ít phút.');
    expect(w.fake.calls.count('Files.copy')).toBe(0);
    w.fake.locks.release('document');
    expect(generate(w).at(-1)!.done).toBe(33);
  });
});
