// Parity: one story through both back-ends — the `dvcq` CLI on real .xlsx files, the add-on on the
// in-memory Apps Script — and every output compared: `Kết quả`, `Kiểm tra` and `Đơn vị` cell by
// cell, the report and decision models field by field. The story (test/parity/story.ts):
//   1. set-up with the Bình Sơn 2024 sample; 2. templates;
//   3. scorers type scores, evidence and notes (bad entries: above the maximum, «3 điểm», a
//      negative, a blank required score, a penalty with the wrong sign; bonuses) — one unit untouched;
//   4. the sample's submitted units submit; 5. `Thẩm định` in two units;
//   6. rank, report, decision; 7. `Năm` 2024 → 2025, templates, validate.
// Each failure lists every difference (sheet!cell «column» unit: CLI value / add-on value).
import { removeTmpDirs } from '../node/helpers';
import { buildStory } from './story';
import { captureModels } from './models';
import { runCliStory } from './cli-run';
import { runAddonStory } from './addon-run';
import { COMPARED_SHEETS, Snapshot } from './snapshot';
import { expectNoDifferences, modelDifferences, normalise, sheetDifferences } from './compare';

let cli: Snapshot;
let addon: Snapshot;

beforeAll(async () => {
  const story = buildStory();
  const models = captureModels();
  try {
    cli = await runCliStory(story, models);
    addon = runAddonStory(story, models);
  } finally {
    models.restore();
  }
}, 120_000);

afterAll(removeTmpDirs);

describe('parity of the CLI and the add-on on one story', () => {
  describe('after rank, report and decision (2024)', () => {
    test.each(COMPARED_SHEETS)('%s: same cells', (sheet) => {
      expectNoDifferences(`${sheet} after ranking`, sheetDifferences(sheet, cli, addon, 'afterRanking'), cli, addon);
    });

    test('«Khóa ô nhập» (compared on its own): «Có» for every unit the add-on accepted, blank offline', () => {
      const column = (snap: Snapshot) => {
        const [head, ...rows] = snap.afterRanking['Đơn vị'] ?? [];
        const at = (h: string) => head.findIndex((x) => normalise(x, snap.files) === h);
        return rows
          .filter((r) => normalise(r[at('Mã đơn vị')], snap.files) !== '')
          .map((r) => [normalise(r[at('Trạng thái')], snap.files), normalise(r[at('Khóa ô nhập')], snap.files)]);
      };
      const online = column(addon);
      expect(online.filter(([status]) => status === 'Đã nộp').length).toBeGreaterThan(20);
      for (const [status, locked] of online) expect(locked).toBe(status === 'Đã nộp' ? 'Có' : '');
      expect(new Set(column(cli).map(([, locked]) => locked))).toEqual(new Set(['']));
    });

    test('report model: same fields, lists and tables', () => {
      expectNoDifferences('Report model', modelDifferences('report', cli.report, addon.report), cli, addon);
      expect(addon.report).toEqual(cli.report);
    });

    test('decision model: same fields, lists and tables', () => {
      expectNoDifferences('Decision model', modelDifferences('decision', cli.decision, addon.decision), cli, addon);
      expect(addon.decision).toEqual(cli.decision);
    });
  });

  describe('after Năm 2024 → 2025, templates and validate', () => {
    test.each(COMPARED_SHEETS)('%s: same cells', (sheet) => {
      expectNoDifferences(`${sheet} after the new year`, sheetDifferences(sheet, cli, addon, 'afterNewYear'), cli, addon);
    });
  });
});
