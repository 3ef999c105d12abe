// The appraised scores with their reasons in the documents offline (issue 13): `dvcq report` on
// real files — unit workbooks typed like an appraiser would, the .docx read back.
import fs from 'node:fs';
import { templates } from '../../src/node/commands/templates';
import { submit } from '../../src/node/commands/submit';
import { report } from '../../src/node/commands/report';
import { documentPaths } from '../../src/node/workspace';
import { APPRAISAL_TABLE_TITLE, TABLE_SPECS } from '../../src/core/report-model';
import { capture, removeTmpDirs, tmpDir, typeScores } from './helpers';
import { setupWorkspace, unitFile, UNITS } from './case';
import { paragraphs, partXml, tables, tableWithHeader } from '../docs/helpers/docx-read';

afterAll(removeTmpDirs);

const YEAR = 2024;
const [a01, a02] = UNITS;
const HEADER = TABLE_SPECS.tham_dinh_khac.header;

async function documents(ws: string) {
  const ctx = capture();
  expect(await report(ws, {}, ctx)).toBe(0);
  const draft = ctx.lines.some((l) => l.includes('DỰ THẢO'));
  const paths = documentPaths(ws, YEAR, draft);
  return { report: partXml(fs.readFileSync(paths.report)), decision: partXml(fs.readFileSync(paths.decision)) };
}

describe('dvcq report: the criteria appraised differently from the self-score', () => {
  test('listed with self, appraised («14,5») and the reason in both documents; absent while no appraisal differs', async () => {
    const ws = tmpDir();
    await setupWorkspace(ws, [a01, a02]);
    expect(await templates(ws, {}, capture())).toBe(0);
    await typeScores(unitFile(ws, YEAR, a01), { '1.1': { 'Tự chấm': 15 }, '1.2': { 'Tự chấm': 25 }, '2': { 'Tự chấm': 55 } });
    await typeScores(unitFile(ws, YEAR, a02), { '1.1': { 'Tự chấm': 15 }, '1.2': { 'Tự chấm': 20 }, '2': { 'Tự chấm': 55 } });
    expect(await submit(ws, ['A01', 'A02'], capture())).toBe(0);

    // Nothing appraised (one appraisal equal to the self-score): no table, no heading, no sentence.
    await typeScores(unitFile(ws, YEAR, a01), { '1.2': { 'Thẩm định': 25 } });
    const before = await documents(ws);
    for (const xml of [before.report, before.decision]) {
      expect(tables(xml).some((t) => JSON.stringify(t[0]) === JSON.stringify(HEADER))).toBe(false);
      expect(paragraphs(xml)).not.toContain(APPRAISAL_TABLE_TITLE);
    }

    // The council lowers two criteria of Bình Minh, one with a reason, and one of An Hòa.
    await typeScores(unitFile(ws, YEAR, a02), {
      '1.1': { 'Thẩm định': 14.5, 'Lý do thẩm định': 'Kế hoạch ban hành chậm so với hướng dẫn' },
      '2': { 'Thẩm định': 50 },
    });
    await typeScores(unitFile(ws, YEAR, a01), { '2': { 'Thẩm định': 52.5, 'Lý do thẩm định': 'Thiếu biên bản họp <quý IV> & phụ lục' } });
    const after = await documents(ws);
    const expected = [
      ['1', 'Xã An Hòa', '2. Cải cách hành chính', '55', '52,5', 'Thiếu biên bản họp <quý IV> & phụ lục'],
      ['2', 'Xã Bình Minh', '1.1. Ban hành kế hoạch', '15', '14,5', 'Kế hoạch ban hành chậm so với hướng dẫn'],
      ['3', 'Xã Bình Minh', '2. Cải cách hành chính', '55', '50', '(chưa ghi lý do)'],
    ];
    for (const xml of [after.report, after.decision]) {
      expect(tableWithHeader(xml, HEADER).slice(1)).toEqual(expected);
      expect(paragraphs(xml)).toContain(APPRAISAL_TABLE_TITLE);
    }
    expect(paragraphs(after.report).some((p) => p.startsWith('Qua thẩm định, có 3 tiêu chí của 2 đơn vị có điểm thẩm định khác'))).toBe(
      true,
    );
  });
});
