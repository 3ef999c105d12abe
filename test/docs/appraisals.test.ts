// The appraised scores with their reasons in the documents (issue 13): the table «Các tiêu chí có
// điểm thẩm định khác điểm tự chấm», in the report and the decision, only when there are such rows;
// the .docx read back.
import { writeDecisionDocx, writeReportDocx } from '../../src/node/docx';
import { APPRAISAL_TABLE_TITLE, buildDecisionModel, buildReportModel, MISSING_REASON, TABLE_SPECS } from '../../src/core/report-model';
import type { AppraisalRow } from '../../src/core/appraisal-view';
import { paragraphs, partXml, tables, tableWithHeader } from './helpers/docx-read';
import { sampleInput, SPECIAL_NAME } from './helpers/sample';

const row = (code: string, self: string, appraised: string, reason: string, differs = true): AppraisalRow => ({
  code,
  title: `Tiêu chí ${code}`,
  self,
  appraised,
  reason,
  explanation: '',
  differs,
  missingReason: differs && !reason,
});

const APPRAISALS = [
  {
    code: 'X02',
    name: 'Xã Bình Châu',
    rows: [row('X1.1', '4', '3,5', 'Kế hoạch ban hành chậm'), row('X3.1', '6', '5,25', ''), row('X4.1', '2', '2', '', false)],
  },
  { code: 'X09', name: SPECIAL_NAME, rows: [row('X2.2', '', '1,5', 'Chưa có biên bản <họp> & «kết luận»')] },
];
const HEADER = TABLE_SPECS.tham_dinh_khac.header;
const EXPECTED_ROWS = [
  ['1', SPECIAL_NAME, 'X2.2. Tiêu chí X2.2', '—', '1,5', 'Chưa có biên bản <họp> & «kết luận»'],
  ['2', 'Xã Bình Châu', 'X1.1. Tiêu chí X1.1', '4', '3,5', 'Kế hoạch ban hành chậm'],
  ['3', 'Xã Bình Châu', 'X3.1. Tiêu chí X3.1', '6', '5,25', MISSING_REASON],
];

describe('appraisals in the document models', () => {
  it('lists each differing criterion (units by name), the sentence counts them', () => {
    const m = buildReportModel(sampleInput({ appraisals: APPRAISALS }));
    expect(m.tables.tham_dinh_khac.header).toEqual(HEADER);
    expect(m.tables.tham_dinh_khac.rows).toEqual(EXPECTED_ROWS);
    expect(m.fields.ten_bang_tham_dinh).toBe(APPRAISAL_TABLE_TITLE);
    expect(m.fields.cau_tham_dinh).toBe(
      'Qua thẩm định, có 3 tiêu chí của 2 đơn vị có điểm thẩm định khác điểm tự chấm ' +
        '(chi tiết tại bảng «Các tiêu chí có điểm thẩm định khác điểm tự chấm» của Phụ lục kèm theo Báo cáo này).',
    );
    expect(buildDecisionModel(sampleInput({ appraisals: APPRAISALS })).tables.tham_dinh_khac.rows).toEqual(EXPECTED_ROWS);
  });

  it('says nothing when every appraisal equals the self-score, or none was made', () => {
    for (const appraisals of [undefined, [], [{ code: 'X02', name: 'Xã Bình Châu', rows: [row('X4.1', '2', '2', '', false)] }]]) {
      const m = buildReportModel(sampleInput({ appraisals }));
      expect(m.tables.tham_dinh_khac.rows).toEqual([]);
      expect(m.fields.ten_bang_tham_dinh).toBe('');
      expect(m.fields.cau_tham_dinh).toBe('');
    }
  });
});

describe('appraisals in the .docx (default templates)', () => {
  it('report: the table under its heading in the appendix, numbers «3,5», reasons as typed; the sentence in the body', async () => {
    const xml = partXml(await writeReportDocx(sampleInput({ appraisals: APPRAISALS })));
    const t = tableWithHeader(xml, HEADER);
    expect(t.slice(1)).toEqual(EXPECTED_ROWS);
    const paras = paragraphs(xml);
    const heading = paras.indexOf(APPRAISAL_TABLE_TITLE);
    expect(heading).toBeGreaterThan(paras.indexOf('KẾT QUẢ XẾP HẠNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024'));
    expect(paras.some((p) => p.startsWith('Qua thẩm định, có 3 tiêu chí của 2 đơn vị'))).toBe(true);
    // The table comes after the ranking table.
    const all = tables(xml).map((x) => JSON.stringify(x[0]));
    expect(all.indexOf(JSON.stringify(HEADER))).toBeGreaterThan(all.indexOf(JSON.stringify(TABLE_SPECS.xep_hang.header)));
    // No condition tag left over.
    expect(xml).not.toMatch(/\{\{|\}\}/);
  });

  it('decision: the same table after the appendix note', async () => {
    const xml = partXml(await writeDecisionDocx(sampleInput({ appraisals: APPRAISALS })));
    expect(tableWithHeader(xml, HEADER).slice(1)).toEqual(EXPECTED_ROWS);
    const paras = paragraphs(xml);
    expect(paras.indexOf(APPRAISAL_TABLE_TITLE)).toBeGreaterThan(paras.findIndex((p) => p.startsWith('Ghi chú: dấu «—»')));
  });

  it('without differing appraisals: no heading, no table, no sentence, nothing left of the condition', async () => {
    for (const write of [writeReportDocx, writeDecisionDocx]) {
      const xml = partXml(await write(sampleInput()));
      expect(tables(xml).some((x) => JSON.stringify(x[0]) === JSON.stringify(HEADER))).toBe(false);
      expect(paragraphs(xml)).not.toContain(APPRAISAL_TABLE_TITLE);
      expect(paragraphs(xml).some((p) => p.startsWith('Qua thẩm định'))).toBe(false);
      expect(xml).not.toMatch(/\{\{|\}\}/);
    }
  });
});
