import {
  appraisalNotes,
  appraisalRows,
  appraisalSummary,
  deadlineLines,
  differingRows,
  parseShortDate,
} from '../../src/core/appraisal-view';
import { entry, ktRows, rubricOf } from './helpers';

const rubric = rubricOf(ktRows());

describe('appraisal rows (admin: Tự chấm | Thẩm định | Lý do thẩm định)', () => {
  const entries = {
    '1.1': entry(12, { appraised: 10.5, reason: 'Kế hoạch ban hành chậm' }),
    '1.2': entry(20, { appraised: 20, reason: '' }),
    '2': entry('55', { appraised: 50, reason: '   ' }),
    '3': entry(null, { appraised: 2 }),
  };

  it('lists every leaf in rubric order, numbers in Vietnamese format, the difference flagged', () => {
    const rows = appraisalRows(rubric, entries);
    expect(rows.map((r) => [r.code, r.self, r.appraised, r.reason, r.differs, r.missingReason])).toEqual([
      ['1.1', '12', '10,5', 'Kế hoạch ban hành chậm', true, false],
      ['1.2', '20', '20', '', false, false],
      ['2', '55', '50', '', true, true],
      ['3', '', '2', '', true, true],
      ['4', '', '', '', false, false],
    ]);
    expect(rows[0].title).toBe('Ban hành kế hoạch');
    expect(differingRows(rows).map((r) => r.code)).toEqual(['1.1', '2', '3']);
    expect(appraisalSummary(rows)).toBe('Đã thẩm định 4 tiêu chí, 3 tiêu chí khác điểm tự chấm (2 tiêu chí chưa ghi lý do).');
    expect(appraisalSummary(appraisalRows(rubric, {}))).toBe('Chưa có điểm thẩm định.');
    expect(appraisalSummary(appraisalRows(rubric, { '1.1': entry(3, { appraised: 3 }) }))).toBe(
      'Đã thẩm định 1 tiêu chí, đều bằng điểm tự chấm.',
    );
  });

  it('gives the scorer the appraisal of each appraised criterion only', () => {
    expect(appraisalNotes(rubric, entries)).toEqual({
      '1.1': { appraised: '10,5', reason: 'Kế hoạch ban hành chậm', differs: true },
      '1.2': { appraised: '20', reason: '', differs: false },
      '2': { appraised: '50', reason: '', differs: true },
      '3': { appraised: '2', reason: '', differs: true },
    });
  });
});

describe('deadline lines', () => {
  const today = new Date(2026, 11, 12, 15);
  it('one line per deadline set, in the order given', () => {
    const lines = deadlineLines(
      [
        { label: 'Hạn nộp', date: new Date(2026, 11, 15) },
        { label: 'Hạn giải trình', date: null },
        { label: 'Hạn khác', date: new Date(2026, 11, 10) },
      ],
      today,
    );
    expect(lines).toEqual([
      { label: 'Hạn nộp', text: 'Hạn nộp: còn 3 ngày (hạn 15/12/2026)', daysLeft: 3, overdue: false },
      { label: 'Hạn khác', text: 'Hạn khác: đã quá hạn 2 ngày (hạn 10/12/2026)', daysLeft: -2, overdue: true },
    ]);
  });

  it('reads the short date the unit file stores, refuses an impossible one', () => {
    expect(parseShortDate('15/12/2026')).toEqual(new Date(2026, 11, 15));
    expect(parseShortDate('31/02/2026')).toBeNull();
    expect(parseShortDate('')).toBeNull();
    expect(parseShortDate(new Date(2026, 0, 2))).toEqual(new Date(2026, 0, 2));
  });
});
