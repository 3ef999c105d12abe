// The explanation round in the scorer sidebar, in a real browser on the real server handlers
// (issue 13 item 3): a returned unit shows a `Giải trình` box per criterion and «Gửi giải trình»;
// the explanation typed there reaches the sheet, the request is recorded in the file, and the
// owner's next collection accepts it.
import type { Browser } from 'playwright-core';
import type { ServerApi } from '../../src/gas/api';
import { createServerApi } from '../../src/gas/server-api';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { SCORING_COLUMNS, SHEETS, UNIT_COLUMNS } from '../../src/core/schema';
import { ADMIN, World, asAdmin, control, unitsRows } from '../gas/helpers';
import { preparedSample, runAll, unitFiles } from '../gas/flow';
import { Sidebar, ensureBuilt, launch, openSidebar } from './browser';

const CODE = 'BS-X07';
let browser: Browser;
let w: World;
let api: ServerApi;
let sb: Sidebar | null = null;
/** The unit's file id, read once (unitFiles acts as the admin). */
let fileId = '';

const unitRow = () => unitsRows(w).find((u) => u[UNIT_COLUMNS.code] === CODE)!;
function collect() {
  asAdmin(w);
  runAll((c) => runAssessChunk(w.env, 'validate', c));
}
function sheetValue(criterion: string, header: string): unknown {
  const grid = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring).values();
  const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
  return grid.find((r, i) => i > h && r[0] === criterion)![grid[h].indexOf(header)];
}

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  w = preparedSample();
  collect();
  // The round's default deadline of `Cấu hình` becomes the unit's at the return.
  const config = control(w).sheet(SHEETS.config);
  config.set(`B${config.values().findIndex((r) => r[0] === 'Hạn giải trình') + 1}`, '20/12/2024', { as: ADMIN });
  const sheet = control(w).sheet(SHEETS.units);
  const grid = sheet.values();
  const row = grid.findIndex((r) => r[grid[0].indexOf(UNIT_COLUMNS.code)] === CODE);
  sheet.set(`${String.fromCharCode(65 + grid[0].indexOf(UNIT_COLUMNS.status))}${row + 1}`, 'Trả lại để giải trình', { as: ADMIN });
  collect();
  api = createServerApi(w.fake, { clock: w.env.clock });
  fileId = unitFiles(w)[CODE].id;
});

afterAll(async () => {
  await sb?.page.context().close();
  await browser?.close();
});

// The fake's clock: 10/12/2024.
const DEADLINES = ['Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)', 'Hạn giải trình: còn 10 ngày (hạn 20/12/2024)'];

test('the admin’s view of a returned unit: its Hạn giải trình with the days left beside Hạn nộp', async () => {
  asAdmin(w);
  sb = await openSidebar(browser, 'admin', api);
  const page = sb.page;
  await page.locator('li.step').first().waitFor();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption(CODE);
  await page.locator('.appraisal-table').waitFor();
  await expect(page.locator('.appraisal-card .deadline-line').allTextContents()).resolves.toEqual(DEADLINES);
  await sb.page.context().close();
  sb = null;
});

test('a returned unit: Giải trình per criterion, Tự chấm read-only, «Gửi giải trình» sends the request', async () => {
  w.fake.setUser(String(unitRow()[UNIT_COLUMNS.email]));
  w.fake.setActiveSpreadsheet(fileId);
  sb = await openSidebar(browser, 'scorer', api);
  const page = sb.page;
  await page.locator('.leaf').first().waitFor();
  await expect(page.locator('.chip').first().textContent()).resolves.toBe('Trả lại để giải trình');
  // The unit's own deadline, as the status copy in its file names it, with the days left.
  await expect(page.locator('.deadlines li').allTextContents()).resolves.toEqual(DEADLINES);
  const x11 = page.locator('article.leaf').filter({ has: page.locator('.leaf-head .code').getByText('X1.1', { exact: true }) });
  await expect(x11.getByLabel('Tự chấm X1.1', { exact: true }).getAttribute('aria-readonly')).resolves.toBe('true');
  const box = x11.getByLabel('Giải trình X1.1', { exact: true });
  await box.fill('Đã bổ sung biên bản <b>họp</b>');
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Đã lưu');
  expect(sheetValue('X1.1', 'Giải trình')).toBe('Đã bổ sung biên bản <b>họp</b>');
  const send = page.getByRole('button', { name: 'Gửi giải trình' });
  await expect(send.isVisible()).resolves.toBe(true);
  await send.click();
  await page.locator('.notice:not([hidden]), .alert:not([hidden])').first().waitFor();
  expect((await page.locator('.alert').isHidden()) ? '' : await page.locator('.alert').textContent()).toBe('');
  await expect(page.locator('.notice').textContent()).resolves.toContain('Đã gửi giải trình');
  await expect(page.locator('.chip').first().textContent()).resolves.toBe('Đã giải trình');
  await expect(send.isVisible()).resolves.toBe(false);
  // A request only, until the owner's collection accepts it.
  expect(unitRow()[UNIT_COLUMNS.status]).toBe('Trả lại để giải trình');
  collect();
  expect(unitRow()[UNIT_COLUMNS.status]).toBe('Đã giải trình');
  // Typed text stays text: no element was made from it.
  await expect(page.locator('b').count()).resolves.toBe(0);
});
