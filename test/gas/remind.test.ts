// «Nhắc đơn vị chưa nộp» in the add-on, on the fake: one e-mail per late unit in Vietnamese with
// its link and what it still lacks, within MailApp's daily quota (the rest the next day), never the
// same reminder twice — not even when the run is killed between recording and sending.
import { newWorld, asAdmin, control, rowsOf, World } from './helpers';
import { generate, runAll, sampleControl, unitFiles } from './flow';
import { adminRun } from '../../src/gas/admin';
import { runRemindChunk } from '../../src/gas/jobs/remind';
import { runStepFromMenu } from '../../src/gas/menu-actions';
import { KEYS, Store } from '../../src/gas/store';
import { SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { ExecutionKilled } from '../fakes/gas';

const DAY = 24 * 3600_000;
/** Phòng Y tế is late in the sample; two more are made late here. */
const LATE = ['BS-P09', 'BS-X01', 'BS-X02'];

function lateWorld(opts: { budgetMs?: number; tick?: number } = {}): World {
  const w = newWorld(opts);
  sampleControl(w);
  generate(w);
  asAdmin(w);
  // Two more units back to «Đang chấm» in `Đơn vị` (their files were never submitted).
  const sheet = control(w).sheet(SHEETS.units);
  const grid = sheet.values();
  const h = grid.findIndex((r) => r.includes(UNIT_COLUMNS.code));
  const col = String.fromCharCode(65 + grid[h].indexOf(UNIT_COLUMNS.status));
  for (const code of ['BS-X01', 'BS-X02']) {
    const r = grid.findIndex((row) => row[grid[h].indexOf(UNIT_COLUMNS.code)] === code);
    sheet.set(`${col}${r + 1}`, 'Đang chấm');
  }
  return w;
}

const remind = (w: World) => adminRun(w.env, 'remind', null);
const sentTo = (w: World) => w.fake.mail.sent.map((m) => m.to);
const emailOf = (w: World, code: string) => String(rowsOf(w, SHEETS.units).find((r) => r[UNIT_COLUMNS.code] === code)![UNIT_COLUMNS.email]);
const recorded = (w: World) => rowsOf(w, SHEETS.reminders).map((r) => String(r['Mã đơn vị']));

describe('Nhắc đơn vị chưa nộp (add-on)', () => {
  it('e-mails each late unit once, in Vietnamese, with its link and what is still missing', () => {
    const w = lateWorld();
    const writes = () => ['Protection.setUnprotectedRanges', 'Range.setValue'].map((m) => w.fake.calls.count(m));
    const before = writes();
    const chunk = remind(w);
    expect(chunk.failed).toBeUndefined();
    expect(chunk.message).toBe('3/33 đơn vị chưa nộp sau hạn 15/11/2024; nhắc 3 đơn vị.');
    expect(sentTo(w).sort()).toEqual(LATE.map((c) => emailOf(w, c)).sort());
    expect(w.fake.calls.count('MailApp.sendEmail')).toBe(3);

    const files = unitFiles(w);
    const yte = w.fake.mail.sent.find((m) => m.to === emailOf(w, 'BS-P09'))!;
    expect(yte.name).toBe('DVCQ');
    expect(yte.subject).toBe('Nhắc nộp kết quả tự chấm điểm công tác dân vận chính quyền năm 2024 — Phòng Y tế');
    expect(yte.body).toContain('Kính gửi: Phòng Y tế');
    expect(yte.body).toContain('Hạn nộp kết quả tự chấm điểm công tác dân vận chính quyền năm 2024 là ngày 15/11/2024 (đã quá 25 ngày).');
    expect(yte.body).toMatch(/Còn thiếu: \d+ tiêu chí chưa chấm \(C1\.1, /);
    expect(yte.body).toContain(`Biểu mẫu chấm điểm của đơn vị: ${files['BS-P09'].url}`);

    expect(recorded(w).sort()).toEqual([...LATE].sort());
    expect(rowsOf(w, SHEETS.log).some((r) => r['Thao tác'] === 'Nhắc đơn vị chưa nộp')).toBe(true);
    // Read only: no unit file was locked, opened or written to.
    expect(writes()).toEqual(before);
  });

  it('stops at the daily quota and continues the next day, without anyone getting the same reminder twice', () => {
    const w = lateWorld();
    w.fake.mail.setDailyQuota(2);
    const first = remind(w);
    expect(w.fake.mail.sent).toHaveLength(2);
    expect(first.message).toContain('nhắc 2 đơn vị');
    expect(first.message).toContain(
      '1 đơn vị chưa nhắc vì đã hết hạn mức gửi thư trong ngày; chạy lại bước này vào ngày mai để nhắc tiếp (không ai nhận trùng thư)',
    );
    expect(first.outcome).toBe('warning');

    const again = remind(w);
    expect(w.fake.mail.sent).toHaveLength(2);
    expect(again.message).toContain('nhắc 0 đơn vị; 2 đơn vị đã được nhắc trong 7 ngày qua nên không nhắc lại');

    w.advance(DAY);
    const next = remind(w);
    expect(next.message).toContain('nhắc 1 đơn vị');
    expect(sentTo(w).sort()).toEqual(LATE.map((c) => emailOf(w, c)).sort());

    remind(w);
    expect(w.fake.mail.sent).toHaveLength(3);
    expect(recorded(w).sort()).toEqual([...LATE].sort());
  });

  it('killed after recording and before sending, never sends twice on resume', () => {
    const w = lateWorld();
    w.fake.killAt('MailApp.sendEmail', 1, 'before'); // the first goes out, then the execution dies
    expect(() => runRemindChunk(w.env, null)).toThrow(ExecutionKilled);
    w.fake.endExecution();
    expect(w.fake.mail.sent).toHaveLength(1);
    expect(recorded(w).sort()).toEqual([...LATE].sort());
    remind(w);
    w.advance(DAY);
    remind(w);
    const counts = new Map<string, number>();
    for (const to of sentTo(w)) counts.set(to, (counts.get(to) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('takes a unit whose e-mail failed out of the record, says so, and reminds it on the next run', () => {
    const w = lateWorld();
    w.fake.failAfter('MailApp.sendEmail', 1, 'Dịch vụ thư tạm thời lỗi');
    const chunk = remind(w);
    expect(w.fake.mail.sent).toHaveLength(2);
    expect(chunk.message).toMatch(/Không gửi được thư cho 1 đơn vị \(.+\); các đơn vị này sẽ được nhắc ở lần chạy sau\./);
    expect(chunk.errors.map((e) => e.message).join('\n')).toContain('chưa gửi được thư nhắc (Dịch vụ thư tạm thời lỗi)');
    expect(recorded(w)).toHaveLength(2);
    remind(w);
    expect(w.fake.mail.sent).toHaveLength(3);
    expect(new Set(sentTo(w)).size).toBe(3);
  });

  it('reads the files in chunks when time is short, and sends once at the end', () => {
    const w = lateWorld({ budgetMs: 75_000, tick: 1000 });
    const chunks = runAll((c) => runRemindChunk(w.env, c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every((c) => !c.finished && c.message.startsWith('Đã đọc '))).toBe(true);
    expect(chunks.at(-1)!.message).toBe('3/33 đơn vị chưa nộp sau hạn 15/11/2024; nhắc 3 đơn vị.');
    expect(w.fake.mail.sent).toHaveLength(3);
    expect(new Store(w.env).get(KEYS.cursor('remind'))).toBeNull();
    expect(w.fake.spreadsheetById(w.controlId)!.sheetNames).not.toContain('Dữ liệu tạm DVCQ');
  });

  it('sends nothing before the deadline, and reads no file', () => {
    const w = lateWorld();
    w.advance(-40 * DAY); // 31/10/2024
    const opened = w.fake.calls.count('SpreadsheetApp.openById');
    const chunk = remind(w);
    expect(chunk.message).toBe('Chưa đến hạn nộp (15/11/2024); chưa có đơn vị nộp chậm để nhắc.');
    expect(w.fake.mail.sent).toHaveLength(0);
    expect(w.fake.calls.count('SpreadsheetApp.openById')).toBe(opened);
  });

  it('runs from the menu and tells the result in an alert', () => {
    const w = lateWorld();
    runStepFromMenu(w.env, 'remind');
    expect(w.fake.ui.alerts.at(-1)).toMatchObject({ title: 'Nhắc đơn vị chưa nộp' });
    expect(JSON.stringify(w.fake.ui.alerts.at(-1))).toContain('nhắc 3 đơn vị');
  });
});
