// The appraised scores with their reasons in the Google Docs documents (issue 13): the same table
// as the .docx, from the same core model; nothing of it when no appraisal differs.
import { newWorld } from './helpers';
import { preparedSample, runAll } from './flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { fillDocument } from '../../src/gas/docs/fill';
import { renderDefaultTemplate } from '../../src/gas/docs/render';
import { APPRAISAL_TABLE_TITLE, buildDecisionModel, buildReportModel, TABLE_SPECS } from '../../src/core/report-model';
import { SAMPLE_REASON } from '../../src/core/sample';
import { sampleInput } from '../docs/helpers/sample';

const HEADER = TABLE_SPECS.tham_dinh_khac.header;

describe('appraisals in the Google Docs documents', () => {
  it('report and decision list the sample council’s lowered criteria with the reasons, numbers «2,5»', () => {
    const w = preparedSample();
    for (const step of ['report', 'decision'] as const) {
      const r = runAll((c) => runAssessChunk(w.env, step, c)).at(-1)!;
      const doc = w.fake.documentById(/\/d\/([^/]+)/.exec(r.links[0].url)![1])!;
      const t = doc.tables.find((x) => JSON.stringify(x.cells[0]) === JSON.stringify(HEADER))!;
      expect(t).toBeDefined();
      const rows = t.cells.slice(1);
      // Bình Dương's five criteria, and one criterion of three other units (sample.ts).
      expect(rows.filter((x) => x[1] === 'Xã Bình Dương').map((x) => /^(\S+)\. /.exec(x[2])![1])).toEqual([
        'X1.1',
        'X3.1',
        'X4.2',
        'X5.2',
        'X7.2',
      ]);
      expect(rows.map((x) => x[0])).toEqual(rows.map((_, i) => String(i + 1)));
      for (const x of rows) {
        expect(x[5]).toBe(SAMPLE_REASON);
        expect(x[4]).toMatch(/^\d+(,\d+)?$/);
      }
      expect(rows.some((x) => x[4].includes(','))).toBe(true);
      expect(doc.text).toContain(APPRAISAL_TABLE_TITLE);
      expect(doc.text).not.toMatch(/\{\{[^}]+\}\}/);
      if (step === 'report') expect(doc.text).toMatch(/Qua thẩm định, có \d+ tiêu chí của \d+ đơn vị có điểm thẩm định khác điểm tự chấm/);
    }
  });

  it('without differing appraisals: no heading, no table, no placeholder left', () => {
    const w = newWorld();
    for (const [kind, build] of [
      ['report', buildReportModel],
      ['decision', buildDecisionModel],
    ] as const) {
      const d = w.fake.createDocument(`Mẫu ${kind}`);
      const doc = renderDefaultTemplate(w.fake, w.fake.DocumentApp.openById(d.id), kind);
      fillDocument(w.fake, doc.getBody(), build(sampleInput()));
      const view = w.fake.documentById(d.id)!;
      expect(view.tables.some((x) => JSON.stringify(x.cells[0]) === JSON.stringify(HEADER))).toBe(false);
      expect(view.text).not.toContain(APPRAISAL_TABLE_TITLE);
      expect(view.text).not.toMatch(/\{\{[^}]+\}\}|Qua thẩm định/);
    }
  });
});
