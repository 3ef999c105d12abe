import { newWorld, asAdmin, ADMIN } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { adminRun, adminState } from '../../src/gas/admin';
import { buildMenu, openForFile, showSidebar } from '../../src/gas/menu';
import { chunkText, runStepFromMenu, setupFromMenu } from '../../src/gas/menu-actions';
import { setupControl } from '../../src/gas/setup';

describe('Admin sidebar server functions', () => {
  it('tells what to do before the set-up', () => {
    const w = newWorld();
    const s = adminState(w.env);
    expect(s.year).toBeNull();
    expect(s.steps[0]).toMatchObject({ key: 'setup', state: 'todo' });
    expect(s.steps.map((x) => x.key)).toEqual(['setup', 'templates', 'progress', 'validate', 'rank', 'report', 'decision']);
  });

  it('follows the steps and their links', () => {
    const w = newWorld();
    sampleControl(w);
    let s = adminState(w.env);
    expect(s.year).toBe(2024);
    expect(s.steps.find((x) => x.key === 'templates')).toMatchObject({ state: 'todo', detail: '0/33 đơn vị đã có biểu mẫu' });
    generate(w);
    s = adminState(w.env);
    expect(s.steps.find((x) => x.key === 'templates')).toMatchObject({ state: 'done', detail: '33/33 đơn vị đã có biểu mẫu' });
    expect(s.progress).toMatchObject({ units: 33, created: 33 });
    expect(s.links[0]).toMatchObject({ label: 'Thư mục «Dân vận chính quyền 2024»' });

    const p = adminRun(w.env, 'progress', null);
    // The sample's `Đơn vị` says 32 units submitted: blank files never undo what the owner's sheet records.
    // Their record of the submission (`Nộp lúc`, `Mã kiểm tra`…) starts now, and the message says so once.
    expect(p.message).toBe(
      '32/33 đơn vị đã nộp; 33/33 đã nhập điểm; 33/33 đã có biểu mẫu. Đã ghi bản ghi nộp (cột «Nộp lúc», «Mã kiểm tra») cho 32 đơn vị «Đã nộp» chưa có: ' +
        'mã kiểm tra lấy theo lần nộp ghi trong biểu mẫu (nếu không có: theo ô nhập hiện nay); từ nay mọi thay đổi ô nhập đều được báo.',
    );
    expect(adminRun(w.env, 'progress', null).message).toBe('32/33 đơn vị đã nộp; 33/33 đã nhập điểm; 33/33 đã có biểu mẫu.');
    s = adminState(w.env);
    // It ran: not «Chưa thực hiện»; a unit has not submitted, so it is to review, and the unit is named.
    const progress = s.steps.find((x) => x.key === 'progress')!;
    expect(progress.detail).toMatch(/^32\/33 đã nộp; chưa nộp: [^;,]+ \(lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\)$/);
    expect(progress.state).toBe('warning');
    expect(s.next).toBe('validate');

    const r = adminRun(w.env, 'report', null);
    expect(r.finished).toBe(true);
    s = adminState(w.env);
    expect(s.steps.find((x) => x.key === 'report')!.state).toBe(r.outcome);
    expect(s.links.map((l) => l.label)).toContain('Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024 - DỰ THẢO');
    // The report ranked on its way, but validation and ranking were not run as steps: not marked done.
    expect(s.steps.find((x) => x.key === 'validate')).toMatchObject({ state: 'todo', detail: 'Chưa kiểm tra.' });
    expect(s.steps.find((x) => x.key === 'rank')).toMatchObject({ state: 'todo', detail: 'Chưa xếp hạng.' });
    const v = adminRun(w.env, 'validate', null);
    s = adminState(w.env);
    expect(s.steps.find((x) => x.key === 'validate')!.detail).toMatch(/^\d+ lỗi, \d+ cảnh báo \(lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\)$/);
    expect(s.steps.find((x) => x.key === 'validate')!.state).toBe(v.outcome);
  });

  it('an unknown step or a failure of the whole step comes back as `failed`, in Vietnamese, not as a unit error', () => {
    const w = newWorld();
    sampleControl(w);
    const bad = adminRun(w.env, 'nope' as never, null);
    expect(bad.finished).toBe(true);
    expect(bad.failed).toBe('Bước «nope» không tồn tại.');
    expect(bad.errors).toEqual([]);
    w.fake.locks.holdByOther('document');
    const locked = adminRun(w.env, 'setup', null);
    expect(locked.failed).toBe('Một người khác đang cập nhật bảng điều khiển; vui lòng thử lại sau ít phút.');
    expect(locked.message).toBe(locked.failed);
    expect(locked.errors).toEqual([]);
    w.fake.locks.release('document');
    // An unexpected error: Vietnamese, the English detail in the execution log only.
    w.fake.failAfter('Files.create', 0, 'Backend Error 0xdeadbeef');
    const r = adminRun(w.env, 'templates', null);
    expect(r.failed).toMatch(/^Tạo biểu mẫu chấm điểm: /);
    expect(r.failed).not.toMatch(/Backend|0xdeadbeef/);
    expect(w.fake.logs.join('\n')).toContain('Backend Error 0xdeadbeef');
    expect(r.errors).toEqual([]);
    expect(chunkText(r)).toMatch(/^Không thực hiện được: Tạo biểu mẫu chấm điểm: /);
    // A step that ran is never `failed`.
    expect(adminRun(w.env, 'progress', null).failed).toBeUndefined();
  });
});

describe('Menu and sidebars', () => {
  it('shows the admin items in a control spreadsheet', () => {
    const w = newWorld();
    setupControl(w.env);
    buildMenu(w.env);
    const captions = w.fake.ui
      .addonMenu()!
      .items.filter((i) => i.caption)
      .map((i) => [i.caption, i.functionName]);
    expect(captions).toEqual([
      ['Mở bảng điều khiển', 'openAdminSidebar'],
      ['Thiết lập bảng điều khiển', 'setupControl'],
      ['Thiết lập kèm dữ liệu mẫu (tỉnh, sau sắp xếp)', 'setupControlWithSample'],
      ['Thiết lập kèm dữ liệu mẫu huyện Bình Sơn 2024', 'setupControlWithDistrictSample'],
      ['Tạo bản gốc biểu chấm điểm', 'createScorerMasterFile'],
      ['Tạo biểu mẫu chấm điểm', 'generateTemplates'],
      ['Kiểm tra dữ liệu', 'validateData'],
      ['Tổng hợp & xếp hạng', 'rankResults'],
      ['Tạo báo cáo', 'createReport'],
      ['Tạo quyết định xếp loại', 'createDecision'],
      ['Nhắc đơn vị chưa nộp', 'remindLateUnits'],
    ]);
  });

  it('shows the scorer item in a unit file, and everything before authorisation', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    w.fake.setActiveSpreadsheet(unitFiles(w)['BS-X01'].id);
    buildMenu(w.env);
    expect(
      w.fake.ui
        .addonMenu()!
        .items.filter((i) => i.caption)
        .map((i) => i.caption),
    ).toEqual(['Mở biểu chấm điểm']);
    // Before authorisation: one neutral item, which opens the sidebar that fits the file.
    // As Apps Script gives it: an AuthMode enum value (its text is not documented, and not 'NONE' in the fake).
    buildMenu(w.env, { authMode: 'NONE' });
    expect(w.fake.ui.addonMenu()!.items.filter((i) => i.caption).length).toBeGreaterThan(0);
    buildMenu(w.env, { authMode: w.fake.ScriptApp.AuthMode.LIMITED });
    expect(w.fake.ui.addonMenu()!.items.find((i) => i.caption)!.caption).toBe('Mở biểu chấm điểm');
    buildMenu(w.env, { authMode: w.fake.ScriptApp.AuthMode.NONE });
    expect(
      w.fake.ui
        .addonMenu()!
        .items.filter((i) => i.caption)
        .map((i) => [i.caption, i.functionName]),
    ).toEqual([['Mở DVCQ', 'openDvcq']]);
    w.fake.setHtmlFile('admin', '<p>admin</p>');
    w.fake.setHtmlFile('scorer', '<p>scorer</p>');
    openForFile(w.env);
    expect(w.fake.ui.sidebars.at(-1)!.title).toBe('Biểu chấm điểm DVCQ');
    expect(
      w.fake.ui
        .addonMenu()!
        .items.filter((i) => i.caption)
        .map((i) => i.caption),
    ).toEqual(['Mở biểu chấm điểm']);
    w.fake.setActiveSpreadsheet(w.controlId);
    openForFile(w.env);
    expect(w.fake.ui.sidebars.at(-1)!.title).toBe('Bảng điều khiển DVCQ');
    expect(w.fake.ui.addonMenu()!.items.filter((i) => i.caption)).toHaveLength(11);
  });

  it('refuses set-up and admin steps in a unit file, which keeps its sheets untouched', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const id = unitFiles(w)['BS-X01'].id;
    w.fake.setActiveSpreadsheet(id);
    const before = w.fake.spreadsheetById(id)!.sheetNames;
    const refusal = 'Đây là biểu chấm điểm của đơn vị, không phải bảng điều khiển.';
    expect(() => setupControl(w.env)).toThrow(refusal);
    expect(() => setupControl(w.env, { sample: 'binh-son-2024' })).toThrow(refusal);
    expect(() => adminState(w.env)).toThrow(refusal);
    for (const step of ['setup', 'templates', 'progress', 'validate', 'rank', 'report', 'decision'] as const) {
      expect(adminRun(w.env, step, null).failed).toBe(refusal);
    }
    runStepFromMenu(w.env, 'templates');
    expect(w.fake.ui.alerts.at(-1)!.prompt).toBe(`Không thực hiện được: ${refusal}`);
    setupFromMenu(w.env);
    expect(w.fake.ui.alerts.at(-1)!.prompt).toBe(refusal);
    expect(w.fake.spreadsheetById(id)!.sheetNames).toEqual(before);
  });

  it('opens the sidebars with Vietnamese titles', () => {
    const w = newWorld();
    w.fake.setHtmlFile('admin', '<p>admin</p>');
    w.fake.setHtmlFile('scorer', '<p>scorer</p>');
    showSidebar(w.env, 'admin');
    showSidebar(w.env, 'scorer');
    expect(w.fake.ui.sidebars.map((s) => s.title)).toEqual(['Bảng điều khiển DVCQ', 'Biểu chấm điểm DVCQ']);
  });

  it('a menu item tells the result in an alert, and how to continue an unfinished job', () => {
    const w = newWorld({ budgetMs: 30_000, tick: 1000 });
    sampleControl(w);
    const c = runStepFromMenu(w.env, 'templates');
    expect(c.finished).toBe(false);
    const alert = w.fake.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Tạo biểu mẫu chấm điểm');
    expect(alert.prompt).toMatch(/chạy lại mục này trên menu/);
    // Running the item again resumes where it stopped.
    let last = c;
    for (let i = 0; i < 20 && !last.finished; i++) last = runStepFromMenu(w.env, 'templates');
    expect(last.message).toMatch(/^33\/33/);
    expect(w.fake.calls.count('Files.copy')).toBe(33);
    asAdmin(w);
    void ADMIN;
  });
});

describe('«Tạo quyết định» from the menu', () => {
  it('asks first while units are in the way, as the sidebar does; «No» makes nothing, «Yes» a draft', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w); // nobody has scored yet: every unit is in the way
    w.fake.ui.respondWith('NO');
    const no = runStepFromMenu(w.env, 'decision');
    const asked = w.fake.ui.alerts.at(-1)!;
    expect(asked.buttons).toBe('YES_NO');
    expect(asked.prompt).toMatch(/^Còn việc chưa xong: .*Vẫn tạo quyết định\?$/);
    expect(no.message).toBe('Đã hủy; chưa tạo gì.');
    expect(w.fake.calls.count('Files.copy')).toBe(33); // the unit files only: no document
    expect(adminState(w.env).steps.find((s) => s.key === 'decision')!.state).toBe('todo');

    w.fake.ui.respondWith('YES');
    let c = runStepFromMenu(w.env, 'decision');
    for (let i = 0; i < 20 && !c.finished; i++) c = runStepFromMenu(w.env, 'decision');
    expect(c.links.map((l) => l.label).join()).toMatch(/DỰ THẢO/);
  });

  it('asks nothing before the other steps', () => {
    const w = newWorld();
    sampleControl(w);
    runStepFromMenu(w.env, 'templates');
    expect(w.fake.ui.alerts.map((a) => a.buttons)).not.toContain('YES_NO');
  });
});

describe('A menu run and its alert stay within the 6 minutes of an execution', () => {
  it('the chunk stops early and everything is written before the blocking alert', () => {
    // Each unit takes the clock about 10 s (every clock reading advances it by 2 s).
    const w = newWorld({ tick: 2000 });
    sampleControl(w);
    const started = w.env.clock();
    w.fake.calls.reset();
    const c = runStepFromMenu(w.env, 'templates');
    const elapsed = w.env.clock() - started;
    expect(c.finished).toBe(false);
    // At least 3 minutes of the 6 are left for the user to read and close the alert.
    expect(elapsed).toBeLessThan(3 * 60 * 1000);
    const log = w.fake.calls.log;
    expect(log.lastIndexOf('SpreadsheetApp.flush')).toBeGreaterThan(-1);
    expect(log.lastIndexOf('SpreadsheetApp.flush')).toBeLessThan(log.lastIndexOf('Ui.alert'));
  });
});
