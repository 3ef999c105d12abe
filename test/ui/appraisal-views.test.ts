// What users read of the appraisal round (issue 13 items 2 and 4), in a real browser on the REAL
// server handlers: the scorer sees the appraisers' reasons and the days left; the admin picks a
// unit and sees its criteria side by side. A reason with markup stays text.
import type { Browser, Page } from 'playwright-core';
import type { ServerApi } from '../../src/gas/api';
import { createServerApi } from '../../src/gas/server-api';
import { SCORING_COLUMNS, SHEETS } from '../../src/core/schema';
import { SAMPLE, SAMPLE_REASON } from '../../src/core/sample';
import { World, asAdmin, newWorld } from '../gas/helpers';
import { fillSampleScores, generate, runAll, sampleControl, unitFiles } from '../gas/flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { Sidebar, ensureBuilt, launch, networkHosts, openSidebar, screenshot } from './browser';

const XSS_REASON = 'Thiếu biên bản <img src=x onerror="window.__xss=1"> & «hồ sơ»';
const EXPLANATION = 'Đã ban hành Kế hoạch 12/KH-UBND <b>bổ sung</b> tại Minh chứng';

let browser: Browser;
let w: World;
let api: ServerApi;
let sb: Sidebar | null = null;

const emailOf = (code: string) => SAMPLE.units.find((u) => u.code === code)!.email;

/** Write `value` in the column `header` of criterion `code` of a unit file, as its owner. */
function setCell(unit: string, code: string, header: string, value: string | number): void {
  const file = unitFiles(w)[unit];
  const sheet = w.fake.spreadsheetById(file.id)!.sheet(SHEETS.scoring);
  const grid = sheet.values();
  const hr = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
  const r = grid.findIndex((x, i) => i > hr && x[grid[hr].indexOf(SCORING_COLUMNS.code)] === code);
  sheet.set(`${String.fromCharCode(65 + grid[hr].indexOf(header))}${r + 1}`, value, { as: w.fake.drive.item(file.id)!.owner });
}

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  w = newWorld();
  sampleControl(w);
  generate(w);
  fillSampleScores(w, { submit: false });
  // Xã Bình Dương (BS-X07): the sample's council lowered five criteria with a reason; one reason
  // with markup, one appraisal without a reason.
  setCell('BS-X07', 'X3.1', SCORING_COLUMNS.reason, XSS_REASON);
  setCell('BS-X07', 'X4.2', SCORING_COLUMNS.reason, '');
  // The unit's explanation of X1.1 (the explanation round), markup included.
  setCell('BS-X07', 'X1.1', SCORING_COLUMNS.explanation, EXPLANATION);
  api = createServerApi(w.fake, { clock: w.env.clock });
  // The owner's collection, as before any appraisal round (it makes sure of the files' protections).
  asAdmin(w);
  runAll((c) => runAssessChunk(w.env, 'progress', c));
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  if (!sb) return;
  const { page, requests, errors, dialogs } = sb;
  sb = null;
  await page.context().close();
  expect(networkHosts(requests)).toEqual(['ssl.gstatic.com']);
  expect(errors.filter((e) => !/ERR_FAILED|ERR_INTERNET|Failed to load resource/.test(e))).toEqual([]);
  expect(dialogs).toEqual([]);
});

const leaf = (page: Page, code: string) =>
  page.locator('article.leaf').filter({ has: page.locator('.leaf-head .code').getByText(code, { exact: true }) });

describe('scorer sidebar: the appraisal as the unit reads it', () => {
  test('each appraised criterion shows the appraisers’ score and reason, as text; the deadline with the days left', async () => {
    const file = unitFiles(w)['BS-X07']; // (as the admin)
    w.fake.setUser(emailOf('BS-X07'));
    w.fake.setActiveSpreadsheet(file.id);
    const state = api.scorerState();
    expect(state.canAppraise).toBe(false);
    sb = await openSidebar(browser, 'scorer', api);
    const page = sb.page;
    await page.locator('.leaf').first().waitFor();
    // The fake clock is 10/12/2024; the sample's Hạn nộp 15/11/2024.
    await expect(page.locator('.deadlines li').allTextContents()).resolves.toEqual(['Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)']);
    await expect(page.locator('.deadlines li.deadline-overdue').count()).resolves.toBe(1);

    const x11 = leaf(page, 'X1.1');
    const self11 = state.entries['X1.1'].self.replace('.', ',');
    const app11 = state.appraisals['X1.1'].appraised;
    await expect(x11.locator('.appraisal-note p').allTextContents()).resolves.toEqual([
      `Điểm thẩm định ${app11} khác điểm tự chấm ${self11}.`,
      `Lý do thẩm định: ${SAMPLE_REASON}`,
    ]);
    expect(app11).toMatch(/^\d+(,\d+)?$/);
    // The reason with markup is text: no element made, no script run.
    const x31 = leaf(page, 'X3.1');
    await expect(x31.locator('.appraisal-reason').textContent()).resolves.toBe(`Lý do thẩm định: ${XSS_REASON}`);
    await expect(page.locator('.appraisal-note img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    // Appraised without a reason: said so.
    await expect(leaf(page, 'X4.2').locator('.appraisal-missing').textContent()).resolves.toBe('Chưa có lý do thẩm định.');
    // A criterion not appraised shows no box.
    await expect(leaf(page, 'X1.2').locator('.appraisal-note').isHidden()).resolves.toBe(true);
    await x11.scrollIntoViewIfNeeded();
    await screenshot(page, 'scorer-appraisal.png');
  });
});

describe('admin sidebar: a unit’s self and appraised scores side by side', () => {
  test('pick a unit: Tự chấm | Thẩm định | Lý do thẩm định, differences highlighted, Hạn nộp with the days left', async () => {
    asAdmin(w);
    let unitViews = 0;
    const counted: ServerApi = {
      ...api,
      adminUnitView: (code) => {
        unitViews++;
        return api.adminUnitView(code);
      },
    };
    sb = await openSidebar(browser, 'admin', counted);
    const page = sb.page;
    await page.locator('li.step').first().waitFor();
    // The days left before Hạn nộp, in the progress card, as the server counts them.
    await expect(page.locator('.progress-card .deadline-line').allTextContents()).resolves.toEqual([
      'Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)',
    ]);
    const name = SAMPLE.units.find((u) => u.code === 'BS-X07')!.name;
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('BS-X07');
    await page.locator('.appraisal-table').waitFor();
    expect(unitViews).toBe(1);
    const expected = api.adminUnitView('BS-X07');
    await expect(page.locator('.appraisal-card .deadline-line').textContent()).resolves.toBe(
      'Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)',
    );
    await expect(page.locator('.appraisal-summary').textContent()).resolves.toBe(
      'Đã thẩm định 5 tiêu chí, 5 tiêu chí khác điểm tự chấm (1 tiêu chí chưa ghi lý do).',
    );
    await expect(page.getByRole('link', { name: `Mở biểu chấm điểm của ${name}` }).count()).resolves.toBe(1);
    const rows = page.locator('.appraisal-table tbody tr');
    await expect(rows.count()).resolves.toBe(5);
    const shown: string[][] = await rows.evaluateAll((trs: HTMLElement[]) =>
      trs.map((tr): string[] => [tr.className, ...Array.from(tr.children).map((c) => (c.textContent ?? '').trim())]),
    );
    const want = expected.rows
      .filter((r) => r.appraised)
      .map((r) => [
        'row-differs',
        r.code,
        r.self,
        `${r.appraised} (khác điểm tự chấm)`,
        `${r.reason || 'Chưa ghi lý do'}${r.explanation ? `Giải trình của đơn vị: ${r.explanation}` : ''}`,
      ]);
    expect(shown).toEqual(want);
    expect(shown.find((r) => r[1] === 'X3.1')![4]).toBe(XSS_REASON);
    // The unit's explanation under the appraisers' reason, as text.
    await expect(page.locator('.appraisal-table tr[data-code="X1.1"] .unit-explanation').textContent()).resolves.toBe(
      `Giải trình của đơn vị: ${EXPLANATION}`,
    );
    await expect(page.locator('.appraisal-table img').count()).resolves.toBe(0);
    // Numbers in the Vietnamese format (a half point: «3,5»), never «3.5».
    expect(shown.flatMap((r) => [r[2], r[3]]).some((t) => /\d\.\d/.test(t))).toBe(false);

    // Every criterion on demand, the ones not appraised plain.
    await page.getByLabel('Hiện cả tiêu chí chưa thẩm định').check();
    await expect(rows.count()).resolves.toBe(expected.rows.length);
    await expect(page.locator('.appraisal-table tbody tr.row-differs').count()).resolves.toBe(5);
    expect(unitViews).toBe(1); // re-rendered, not read again
    await page.locator('.appraisal-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-appraisal.png');
  });
});
