import {
  appraisalNotes,
  appraisalRows,
  appraisalSummary,
  deadlineLines,
  differingRows,
  fileDeadlines,
  parseShortDate,
  unitDeadlines,
} from '../../src/core/appraisal-view';
import { returnedDeadlineIn, returnedLine } from '../../src/core/round-flow';
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
    expect(appraisalRows(rubric, { ...entries, '1.1': { ...entries['1.1'], explanation: ' Đã bổ sung kế hoạch ' } })[0].explanation).toBe(
      'Đã bổ sung kế hoạch',
    );
    expect(rows[0].explanation).toBe('');
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

describe('Hạn giải trình in the sidebars (the unit’s own deadline)', () => {
  const today = new Date(2024, 11, 12, 9);
  it('the scorer: read from the status copy of a returned file, beside Hạn nộp; none once sent', () => {
    const line = returnedLine(new Date(2024, 11, 20));
    expect(returnedDeadlineIn(line)).toEqual(new Date(2024, 11, 20));
    expect(returnedDeadlineIn(returnedLine(null))).toBeNull();
    const lines = deadlineLines(fileDeadlines('15/11/2024', 'Trả lại để giải trình', line), today);
    expect(lines.map((l) => l.text)).toEqual([
      'Hạn nộp: đã quá hạn 27 ngày (hạn 15/11/2024)',
      'Hạn giải trình: còn 8 ngày (hạn 20/12/2024)',
    ]);
    expect(fileDeadlines('15/11/2024', 'Đã giải trình', line).map((d) => d.label)).toEqual(['Hạn nộp']);
    expect(fileDeadlines('', 'Đang chấm', '').filter((d) => d.date)).toEqual([]);
  });

  it('the admin: the unit’s Hạn giải trình of Đơn vị (else Cấu hình’s) while it is returned', () => {
    const base = { deadline: new Date(2024, 10, 15), explanationDeadline: new Date(2024, 11, 14) };
    const own = { status: 'Trả lại để giải trình', round: { explainBy: new Date(2024, 11, 20) } };
    expect(unitDeadlines(base, own).map((d) => [d.label, d.date])).toEqual([
      ['Hạn nộp', new Date(2024, 10, 15)],
      ['Hạn giải trình', new Date(2024, 11, 20)],
    ]);
    expect(unitDeadlines(base, { status: 'Trả lại để giải trình' })[1].date).toEqual(new Date(2024, 11, 14));
    expect(unitDeadlines(base, { ...own, status: 'Đã giải trình' }).map((d) => d.label)).toEqual(['Hạn nộp']);
  });
});
