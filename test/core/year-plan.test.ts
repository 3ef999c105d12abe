import { outcomeMessage, refusal, runOutcome, yearPlan, YearFacts, blockersLine } from '../../src/core/steps/year-plan';

const unit = (name: string, o: Partial<YearFacts['units'][number]> = {}) => ({ name, submitted: true, hasFile: true, shared: true, ...o });
const facts = (o: Partial<YearFacts> = {}): YearFacts => ({
  year: 2024,
  missingSheets: [],
  controlErrors: 0,
  units: [unit('Xã Bình An'), unit('Phòng Y tế', { submitted: false })],
  last: {},
  ...o,
});
const step = (f: YearFacts, key: string) => yearPlan(f).steps.find((s) => s.key === key)!;

describe('yearPlan: the steps of the year as the admin sidebar shows them', () => {
  it('after the templates the next step is progress, then validation — never the report', () => {
    expect(yearPlan(facts()).next).toBe('progress');
    const ran = facts({ last: { progress: runOutcome('progress', counts(2, 1), ['Phòng Y tế'], '09:00 10/12/2024') } });
    expect(yearPlan(ran).next).toBe('validate');
  });

  it('progress that ran is not «Chưa thực hiện»; it names the unit that has not submitted', () => {
    const run = runOutcome('progress', counts(2, 1), ['Phòng Y tế'], '09:00');
    const s = step(facts({ last: { progress: run } }), 'progress');
    expect(s.state).toBe('warning');
    expect(s.detail).toBe('1/2 đã nộp; chưa nộp: Phòng Y tế (lúc 09:00)');
    expect(step(facts(), 'progress')).toMatchObject({ state: 'todo', detail: 'Chưa cập nhật tiến độ.' });
  });

  it('a validation with errors is to review, not done; ranking names its blockers with the sheet to open', () => {
    const validate = runOutcome('validate', { ...counts(2, 1), errors: 2, warnings: 1 }, ['Phòng Y tế'], '09:00');
    expect(validate.state).toBe('warning');
    expect(outcomeMessage('validate', validate)).toBe('Đã chạy xong «Kiểm tra dữ liệu» nhưng cần xem lại: 2 lỗi, 1 cảnh báo.');
    const f = facts({ last: { validate } });
    const rank = step(f, 'rank');
    expect(blockersLine('rank', rank.blockers)).toBe('Trước khi xếp hạng: chưa nộp: Phòng Y tế · 2 lỗi (mở sheet «Kiểm tra»)');
    expect(rank.blockers.find((b) => b.sheet)?.sheet).toBe('Kiểm tra');
    expect(rank.confirm).toBeNull();
  });

  it('a ranking that classified nobody is not done; a clean validation is', () => {
    expect(runOutcome('rank', counts(2, 2), [], 'x').state).toBe('warning');
    expect(runOutcome('rank', counts(2, 2), [], 'x').detail).toBe(
      '0/2 đơn vị được xếp loại: chưa đơn vị nào được xếp loại; 0 lỗi, 0 cảnh báo',
    );
    expect(runOutcome('validate', counts(2, 2), [], 'x').state).toBe('done');
    expect(outcomeMessage('validate', runOutcome('validate', counts(2, 2), [], 'x'))).toBe('Hoàn tất: 0 lỗi, 0 cảnh báo.');
  });

  it('asks before a decision while anything is open, and not when all is clear', () => {
    const open = step(facts(), 'decision');
    expect(open.confirm).toMatch(/^Còn việc chưa xong: chưa nộp: Phòng Y tế · chưa chạy «Kiểm tra dữ liệu»/);
    expect(open.confirm).toContain('DỰ THẢO');
    const clean = facts({
      units: [unit('Xã Bình An')],
      last: {
        validate: runOutcome('validate', counts(1, 1), [], 'x'),
        rank: runOutcome('rank', { ...counts(1, 1), classified: 1 }, [], 'x'),
        report: { ...runOutcome('report', { ...counts(1, 1), classified: 1 }, [], 'x'), detail: 'Báo cáo' },
      },
    });
    expect(step(clean, 'decision')).toMatchObject({ blockers: [], confirm: null });
    expect(yearPlan(clean).next).toBe('progress');
  });

  it('refuses a document before anything runs when the year has no folder', () => {
    expect(refusal('report', { hasFolder: false, folderName: 'Dân vận chính quyền 2024' })).toBe(
      'Chưa thực hiện «Tạo báo cáo»: chưa có thư mục «Dân vận chính quyền 2024» trên Drive; hãy chạy «Tạo biểu mẫu chấm điểm» trước. Chưa có gì được kiểm tra hay xếp hạng.',
    );
    expect(refusal('report', { hasFolder: true, folderName: 'x' })).toBeNull();
    expect(refusal('validate', { hasFolder: false, folderName: 'x' })).toBeNull();
  });
});

function counts(total: number, submitted: number) {
  return { total, submitted, errors: 0, warnings: 0, classified: 0 };
}
