// A unit file deleted for good (not in the trash): Apps Script's openById then fails with an
// "Unexpected error…" that says nothing of the cause. The add-on asks Drive (Files.get) and
// reports the file as missing, instead of "Google is busy, run again" on every run.
import { rowsOf } from './helpers';
import { preparedSample, runAll, unitFiles } from './flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { SHEETS } from '../../src/core/schema';

const UNEXPECTED = 'Unexpected error while getting the method or property openById on object SpreadsheetApp.';

describe('A unit file deleted for good', () => {
  it('is reported as missing (Drive says so), not as a file to read again later — on every run', () => {
    const w = preparedSample();
    const id = unitFiles(w)['BS-X01'].id;
    w.fake.context.deleteItem(id);
    for (let run = 0; run < 2; run++) {
      w.fake.failAfter('SpreadsheetApp.openById', 0, UNEXPECTED);
      w.fake.failAfter('SpreadsheetApp.openById', 0, UNEXPECTED);
      const r = runAll((c) => runAssessChunk(w.env, 'rank', c)).at(-1)!;
      const x01 = rowsOf(w, SHEETS.findings).filter((x) => x['Mã đơn vị'] === 'BS-X01');
      const text = x01.map((x) => String(x['Nội dung'])).join('\n');
      expect(text).toMatch(/không mở được tệp biểu mẫu \(tệp đã bị xóa, nằm trong Thùng rác hoặc không còn quyền truy cập\)/);
      expect(text).not.toMatch(/hãy chạy lại|tạm thời không phản hồi/);
      expect(r.errors.map((e) => e.message).join('\n')).not.toMatch(/tạm thời không phản hồi/);
    }
    expect(w.fake.calls.count('Files.get')).toBeGreaterThan(0);
  });

  it('a file that is there but cannot be opened right now is still read again (Drive says it exists)', () => {
    const w = preparedSample();
    w.fake.failAfter('SpreadsheetApp.openById', 0, UNEXPECTED);
    runAll((c) => runAssessChunk(w.env, 'rank', c));
    expect(w.fake.sleptMs).toBe(1000);
    const x01 = rowsOf(w, SHEETS.findings).filter((x) => x['Mã đơn vị'] === 'BS-X01');
    expect(x01.some((x) => /không (mở|đọc) được tệp/.test(String(x['Nội dung'])))).toBe(false);
  });
});
