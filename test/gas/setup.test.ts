import { newWorld, control, rowsOf } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { setupControl } from '../../src/gas/setup';
import { newControlSheets } from '../../src/core/control-template';
import { SHEETS } from '../../src/core/schema';
import { DEFAULT_SAMPLE, SAMPLES } from '../../src/core/samples';

describe('Thiết lập bảng điều khiển', () => {
  it('creates the missing sheets with headers, the default rubric and levels', () => {
    const w = newWorld();
    const r = setupControl(w.env);
    const names = newControlSheets({ year: 2024 }).map((s) => s.name);
    expect(r.created).toEqual(names);
    const ss = control(w);
    for (const n of names) expect(ss.hasSheet(n)).toBe(true);
    expect(rowsOf(w, SHEETS.criteria).length).toBeGreaterThan(20);
    expect(rowsOf(w, SHEETS.levels).map((x) => x['Mã'])).toEqual(expect.arrayContaining(['HTXS', 'HTT', 'HT', 'KHT']));
    expect(ss.sheet(SHEETS.units).values()[0]).toEqual(expect.arrayContaining(['Mã đơn vị', 'Email người chấm', 'Trạng thái', 'Liên kết']));
    expect(ss.sheet(SHEETS.units).fontWeights('A1')[0][0]).toBe('bold');
    // `Trạng thái` is a closed list: a dropdown that refuses a typo.
    const units = ss.sheet(SHEETS.units);
    const status = String.fromCharCode(65 + units.values()[0].indexOf('Trạng thái'));
    for (const row of [2, 50, 2000]) {
      expect(units.cell(`${status}${row}`).validation).toMatchObject({
        values: [
          ['Đã tạo biểu mẫu', 'Đang chấm', 'Đã nộp', 'Trả lại để giải trình', 'Đã giải trình', 'Đã thẩm định', 'Đã công nhận', 'Tạo lại'],
          true,
        ],
        allowInvalid: false,
      });
    }
    expect(units.cell(`${status}1`).validation).toBeNull();
    expect(r.message).toMatch(/^Đã tạo 12 sheet/);
    // Logged, under the document lock.
    expect(rowsOf(w, SHEETS.log).at(-1)).toMatchObject({ 'Thao tác': 'Thiết lập bảng điều khiển' });
    expect(w.fake.locks.acquisitions('document')).toBeGreaterThan(0);
  });

  it('a second run loses no data and leaves foreign sheets untouched', () => {
    const w = newWorld();
    setupControl(w.env);
    const ss = control(w);
    ss.sheet(SHEETS.units).set('A2', [['X01', 'Xã Bình Hải', 'xã', 'Khối xã', 'XA', 'minh@binhhai.gov.vn']]);
    const foreign = ss.sheetNames[0]; // the spreadsheet's own first sheet ("Sheet1")
    ss.sheet(foreign).set('A1', 'ghi chú riêng');
    const before = ss.sheet(SHEETS.criteria).values();

    const r = setupControl(w.env);
    expect(r.created).toEqual([]);
    expect(ss.sheet(SHEETS.units).values()[1].slice(0, 6)).toEqual(['X01', 'Xã Bình Hải', 'xã', 'Khối xã', 'XA', 'minh@binhhai.gov.vn']);
    expect(ss.sheet(foreign).values()).toEqual([['ghi chú riêng']]);
    expect(ss.sheet(SHEETS.criteria).values()).toEqual(before);
    expect(r.message).toMatch(/Giữ nguyên 12 sheet/);

    // With the sample: the edited `Đơn vị` stays as it is.
    const s = setupControl(w.env, { sample: 'binh-son-2024' });
    expect(s.sampleLoaded).not.toContain(SHEETS.units);
    expect(rowsOf(w, SHEETS.units)).toHaveLength(1);
  });

  it('reports missing columns and recreates a deleted sheet only', () => {
    const w = newWorld();
    setupControl(w.env);
    const ss = control(w);
    ss.sheet(SHEETS.units).set('I1', 'Ghi chú'); // "Liên kết" renamed
    ss.model.sheets.splice(ss.model.sheets.indexOf(ss.sheet(SHEETS.results).model), 1);
    const r = setupControl(w.env);
    expect(r.created).toEqual([SHEETS.results]);
    expect(r.missingColumns.join(' ')).toContain('«Liên kết»');
  });

  it('gives the control spreadsheet, and every spreadsheet it makes, the Vietnamese locale and time zone', () => {
    // An account set to English (United States) and Paris time: new spreadsheets get those.
    const w = newWorld({ timeZone: 'Europe/Paris' });
    expect(control(w)).toMatchObject({ locale: 'en_US', timeZone: 'Europe/Paris' });
    sampleControl(w);
    expect(control(w)).toMatchObject({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
    generate(w);
    const made = w.fake.drive.list().filter((x) => x.mimeType === 'application/vnd.google-apps.spreadsheet' && x.id !== w.controlId);
    expect(made.length).toBeGreaterThan(33); // the masters and the unit files (copies inherit both)
    for (const f of made) expect(w.fake.spreadsheetById(f.id)).toMatchObject({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(Object.keys(unitFiles(w))).toHaveLength(33);
    // Set once: a second set-up changes nothing.
    const before = w.fake.calls.snapshot();
    setupControl(w.env);
    expect(w.fake.calls.since(before).byMethod['Spreadsheet.setSpreadsheetLocale']).toBeUndefined();
  });

  it('writes text as text: a date typed in `Cấu hình` stays the text the sample gives', () => {
    const w = newWorld();
    sampleControl(w);
    const deadline = rowsOf(w, SHEETS.config).find((x) => x['Khóa'] === 'Hạn nộp');
    expect(deadline?.['Giá trị']).toBe('15/11/2024');
  });

  it('with the sample, fills the sheets a plain set-up left untouched', () => {
    const w = newWorld();
    setupControl(w.env);
    const r = setupControl(w.env, { sample: 'binh-son-2024' });
    expect(r.sampleLoaded).toEqual(expect.arrayContaining([SHEETS.config, SHEETS.units, SHEETS.narrative, SHEETS.previous]));
    expect(rowsOf(w, SHEETS.units)).toHaveLength(33);
    const year = rowsOf(w, SHEETS.config).find((x) => x['Khóa'] === 'Năm');
    expect(year?.['Giá trị']).toBe(2024);
  });

  it('with the default sample, sets up the province after the reform, with its merges', () => {
    const w = newWorld();
    const r = setupControl(w.env, { sample: DEFAULT_SAMPLE });
    expect(r.created).toContain(SHEETS.merges);
    const units = rowsOf(w, SHEETS.units);
    expect(units).toHaveLength(SAMPLES[DEFAULT_SAMPLE].data.units.length);
    expect(units.some((u) => u['Loại'] === 'đặc khu')).toBe(true);
    const merges = rowsOf(w, SHEETS.merges);
    expect(merges.length).toBe(SAMPLES[DEFAULT_SAMPLE].data.merges!.length);
    expect(merges.filter((m) => m['Tên đơn vị'] === 'Xã Vạn Tường')).toHaveLength(6);
  });
});

describe('Thiết lập: the sheets print and guide (issue 12 item 8)', () => {
  it('freezes the header (repeated when printed), sizes and wraps columns, offers the lists of `Đơn vị`', () => {
    const w = newWorld();
    setupControl(w.env, { sample: DEFAULT_SAMPLE });
    const ss = control(w);
    for (const name of newControlSheets({ year: 2024 }).map((s) => s.name)) expect([name, ss.sheet(name).frozenRows]).toEqual([name, 1]);
    // `Cấu hình`: descriptions wrap in a bounded column instead of running across the sheet.
    const config = ss.sheet(SHEETS.config);
    const desc = config.values()[0].indexOf('Mô tả');
    expect(config.columnWidths[desc + 1]).toBeLessThanOrEqual(50 * 7 + 5);
    expect(config.cell(`${String.fromCharCode(65 + desc)}3`).wrap).toBe(true);

    const units = ss.sheet(SHEETS.units);
    const letter = (h: string) => String.fromCharCode(65 + units.values()[0].indexOf(h));
    const rule = (h: string) => units.cell(`${letter(h)}2`).validation;
    for (const h of ['Nhóm', 'Bộ tiêu chí', 'Điều kiện khống chế']) {
      // One rule over the whole column, none on the header.
      expect([h, units.cell(`${letter(h)}2000`).validation]).toEqual([h, rule(h)]);
      expect(units.cell(`${letter(h)}1`).validation).toBeNull();
      // A list the admin may extend (a new group, rubric or gate; several gates «G1, G2»): a warning, not a refusal.
      expect([h, rule(h)]).toMatchObject([h, { allowInvalid: true }]);
    }
    const groups = [...new Set(SAMPLES[DEFAULT_SAMPLE].data.units.map((u) => String(u.group)))];
    expect(rule('Nhóm')).toMatchObject({ values: [groups, true] });
    expect(rule('Điều kiện khống chế')).toMatchObject({ values: [['G1', 'G2', 'G3a', 'G3b', 'G4'], true] });
    expect(rule('Bộ tiêu chí')!.values[0]).toEqual(
      expect.arrayContaining(SAMPLES[DEFAULT_SAMPLE].data.units.map((u) => String(u.rubricId))),
    );

    // `Nhật ký`: day first, the Vietnamese clock (the fake clock reads 09:00 local on 10/12/2024).
    const log = ss.sheet(SHEETS.log);
    expect(log.numberFormats('A2')[0][0]).toBe('dd/mm/yyyy hh:mm');
    expect(log.displayValues('A2')[0][0]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  });
});
