// Parity of the appraisal round (issue 13): one round through both back-ends — the `dvcq` CLI on
// real .xlsx files, the add-on on the in-memory Apps Script — compared at two moments:
//   1. set-up with the Bình Sơn 2024 sample, templates, scorers type, the sample's units submit;
//   2. the council types `Thẩm định` and `Lý do thẩm định` in BS-X07 and BS-X01;
//   3. the owner returns BS-X07 for explanation with the deadline 20/12/2024; a collection;
//   4. the admin types «Đã công nhận» for BS-X01 («Đã nộp») in `Đơn vị`; a collection refuses it
//      → `Kết quả`, `Kiểm tra`, `Đơn vị` compared cell by cell;
//   5. BS-X07's scorer writes `Giải trình`, adds evidence and sends it; a collection;
//   6. the council changes one `Thẩm định` of BS-X07 and its reason;
//   7. BS-X07 → «Đã thẩm định» → «Đã công nhận», a collection after each;
//   8. rank, report, decision → the sheets and the document models compared.
// The steps differ only where the back-ends do (test/parity/round-cli.ts, round-addon.ts): offline
// the owner's `dvcq status`/`dvcq explain` record a step at once, online the admin types it in
// `Đơn vị` (or the scorer sends it from his file) and a collection records it; so every step is
// followed by a collection (validate) on both, and what is compared is what a user then sees.
import { removeTmpDirs } from '../node/helpers';
import { buildRound, Round } from './story';
import { captureModels } from './models';
import { runCliRound } from './round-cli';
import { runAddonRound } from './round-addon';
import { COMPARED_SHEETS, RoundSnapshot } from './snapshot';
import { expectNoDifferences, modelDifferences, normalise, sheetDifferences } from './compare';

let round: Round;
let cli: RoundSnapshot;
let addon: RoundSnapshot;

beforeAll(async () => {
  round = buildRound();
  const models = captureModels();
  try {
    cli = await runCliRound(round, models);
    addon = runAddonRound(round, models);
  } finally {
    models.restore();
  }
}, 120_000);

afterAll(removeTmpDirs);

/** Rows of a compared sheet as objects keyed by header text, normalised. */
function rows(snap: RoundSnapshot, when: 'afterIllegal' | 'final', sheet: string): Array<Record<string, string | number | boolean>> {
  const [head, ...body] = snap[when][sheet] ?? [];
  const names = (head ?? []).map((h) => String(normalise(h, snap.files)));
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, normalise(r[i], snap.files)])));
}
const both = () => [cli, addon];

describe('parity of the CLI and the add-on on the appraisal round', () => {
  describe('after an illegal status step typed in Đơn vị (step 4)', () => {
    test.each(COMPARED_SHEETS)('%s: same cells', (sheet) => {
      expectNoDifferences(`${sheet} after the illegal step`, sheetDifferences(sheet, cli, addon, 'afterIllegal'), cli, addon);
    });

    test('refused on both: a Lỗi naming the current status «Đã nộp», and «Đã nộp» written back', () => {
      for (const snap of both()) {
        const errors = rows(snap, 'afterIllegal', 'Kiểm tra').filter(
          (f) => f['Mã đơn vị'] === round.illegal && f['Mức độ'] === 'Lỗi' && String(f['Nội dung']).includes('«Đã công nhận»'),
        );
        expect({ backEnd: snap.backEnd, errors: errors.map((f) => f['Nội dung']) }).toEqual({
          backEnd: snap.backEnd,
          errors: [expect.stringContaining('vì trạng thái hiện tại là «Đã nộp»')],
        });
        const unit = rows(snap, 'afterIllegal', 'Đơn vị').find((u) => u['Mã đơn vị'] === round.illegal)!;
        expect([snap.backEnd, unit['Trạng thái']]).toEqual([snap.backEnd, 'Đã nộp']);
        const returned = rows(snap, 'afterIllegal', 'Đơn vị').find((u) => u['Mã đơn vị'] === round.returned)!;
        expect([snap.backEnd, returned['Trạng thái'], returned['Hạn giải trình']]).toEqual([
          snap.backEnd,
          'Trả lại để giải trình',
          '<date>',
        ]);
      }
    });
  });

  describe('after the explanation, the appraisal, rank, report and decision (step 8)', () => {
    test.each(COMPARED_SHEETS)('%s: same cells', (sheet) => {
      expectNoDifferences(`${sheet} at the end`, sheetDifferences(sheet, cli, addon, 'final'), cli, addon);
    });

    test('the explanation sent and collected: «Đã giải trình» on both; at the end «Đã công nhận» on both', () => {
      expect([cli.statusAfterExplanation, addon.statusAfterExplanation]).toEqual(['Đã giải trình', 'Đã giải trình']);
      for (const snap of both()) {
        const unit = rows(snap, 'final', 'Đơn vị').find((u) => u['Mã đơn vị'] === round.returned)!;
        expect([snap.backEnd, unit['Trạng thái']]).toEqual([snap.backEnd, 'Đã công nhận']);
      }
    });

    test('«Khóa ô nhập» (compared on its own): «Có» online for the recognised and the submitted unit, blank offline', () => {
      // The add-on locks a unit file's inputs and reads the protection back; an offline .xlsx is on
      // the scorer's own disk, so the CLI leaves the column blank (compare.ts BACK_END_COLUMNS).
      const locked = (snap: RoundSnapshot, when: 'afterIllegal' | 'final', code: string) =>
        rows(snap, when, 'Đơn vị').find((u) => u['Mã đơn vị'] === code)!['Khóa ô nhập'];
      // Returned: the explanation cells are open, so not locked; recognised: locked again.
      expect([locked(addon, 'afterIllegal', round.returned), locked(addon, 'final', round.returned)]).toEqual(['', 'Có']);
      expect(locked(addon, 'final', round.illegal)).toBe('Có');
      expect(new Set(rows(cli, 'final', 'Đơn vị').map((u) => u['Khóa ô nhập']))).toEqual(new Set(['']));
    });

    test('Nhật ký: the same change history (details of «Thay đổi dữ liệu chấm điểm»), with the Giải trình lines', () => {
      // Not compared cell by cell: the times and the users differ by nature (the CLI's clock and
      // OS user, the add-on's clock and Google accounts); the details say what changed.
      for (const [code, v] of Object.entries(round.explanation)) {
        const line = `${round.returned}, tiêu chí ${code}, Giải trình: (trống) → ${v}`;
        for (const snap of both()) expect([snap.backEnd, snap.changes]).toEqual([snap.backEnd, expect.arrayContaining([line])]);
      }
      // The council's second look: the old and the new reason of the criterion it re-scored.
      const { code } = round.change;
      const rescored = `${round.returned}, tiêu chí ${code}, Lý do thẩm định: ${round.appraisal[round.returned][code]['Lý do thẩm định']} → ${round.change['Lý do thẩm định']}`;
      for (const snap of both()) expect([snap.backEnd, snap.changes]).toEqual([snap.backEnd, expect.arrayContaining([rescored])]);
      expect(new Set(addon.changes)).toEqual(new Set(cli.changes));
    });

    test('report model: same fields, lists and tables; BS-X07 in the table of criteria appraised differently, with the new reason', () => {
      expectNoDifferences('Report model', modelDifferences('report', cli.report, addon.report), cli, addon);
      expect(addon.report).toEqual(cli.report);
      const table = Object.values(cli.report?.tables ?? {}).find((t) => t.header.includes('Lý do thẩm định'));
      expect(table?.header).toEqual(['STT', 'Tên đơn vị', 'Tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định', 'Lý do thẩm định']);
      const { code } = round.change;
      const number = (n: unknown) => String(n).replace('.', ',');
      const rowOf = (c: string) => table!.rows.find((r) => r[1] === 'Xã Bình Dương' && r[2].startsWith(`${c}.`));
      // The score and reason the council changed after the explanation, not the first ones.
      expect(rowOf(code)?.slice(3)).toEqual([
        number(round.story.typed[round.returned][code]['Tự chấm']),
        number(round.change['Thẩm định']),
        round.change['Lý do thẩm định'],
      ]);
      for (const [c, a] of Object.entries(round.appraisal[round.returned])) {
        if (c !== code && a['Lý do thẩm định']) expect(rowOf(c)?.[5]).toBe(a['Lý do thẩm định']);
      }
    });

    test('decision model: same fields, lists and tables; the reasons of BS-X07 in it', () => {
      expectNoDifferences('Decision model', modelDifferences('decision', cli.decision, addon.decision), cli, addon);
      expect(addon.decision).toEqual(cli.decision);
      expect(JSON.stringify(cli.decision)).toContain(round.change['Lý do thẩm định']);
    });
  });
});
