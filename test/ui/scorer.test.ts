// The scorer sidebar in a real browser, talking to the REAL server handlers (src/gas) on the
// in-memory Apps Script fake, set up as the sample district with generated unit files.
import type { Browser, Locator, Page } from 'playwright-core';
import type { ServerApi } from '../../src/gas/api';
import { createServerApi } from '../../src/gas/server-api';
import { readControlData } from '../../src/gas/control-io';
import { SCORING_COLUMNS, SHEETS } from '../../src/core/schema';
import { formatNumber } from '../../src/core/format';
import { SAMPLE } from '../../src/core/sample';
import { ADMIN, World, asAdmin, control, newWorld } from '../gas/helpers';
import { fillSampleScores, generate, sampleControl, unitFiles } from '../gas/flow';
import { Hold, Sidebar, ensureBuilt, launch, networkHosts, openSidebar, screenshot } from './browser';

const XSS_NAME = 'Xã Bình Đông <img src=x onerror=alert(1)>';

let browser: Browser;
let w: World;
let api: ServerApi;
let files: ReturnType<typeof unitFiles>;
const saves = new Hold();
let sb: Sidebar | null = null;

const emailOf = (code: string) => SAMPLE.units.find((u) => u.code === code)!.email;

/** Be `user` in the unit file of `code`, as when that person opens the sidebar there. */
function actIn(code: string, user: string): void {
  w.fake.setUser(user);
  w.fake.setActiveSpreadsheet(files[code].id);
}

async function open(code: string, user: string): Promise<Page> {
  actIn(code, user);
  sb = await openSidebar(browser, 'scorer', api, { before: (name) => (name === 'scorerSave' ? saves.wait() : undefined) });
  await sb.page.locator('.leaf').first().waitFor();
  return sb.page;
}

/** The card of one leaf criterion. */
const leaf = (page: Page, code: string): Locator =>
  page.locator('article.leaf').filter({ has: page.locator('.leaf-head .code').getByText(code, { exact: true }) });

/** The value in the sheet, found by the criterion's code and the column's header text. */
function sheetValue(unit: string, criterion: string, header: string): unknown {
  const grid = w.fake.spreadsheetById(files[unit].id)!.sheet(SHEETS.scoring).values();
  const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
  const row = grid.find((r, i) => i > h && r[grid[h].indexOf(SCORING_COLUMNS.code)] === criterion)!;
  return row[grid[h].indexOf(header)];
}
function sheetA1(unit: string, criterion: string, header: string): string {
  const grid = w.fake.spreadsheetById(files[unit].id)!.sheet(SHEETS.scoring).values();
  const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.self));
  const r = grid.findIndex((x, i) => i > h && x[grid[h].indexOf(SCORING_COLUMNS.code)] === criterion);
  return `${String.fromCharCode(65 + grid[h].indexOf(header))}${r + 1}`;
}

/** The bottom bar's sentence for a server state. */
const totalText = (s: { score: { total: number }; level: string | null }) =>
  `Tổng điểm: ${formatNumber(s.score.total)}/100 — ${s.level ?? 'chưa xếp loại'}`;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  w = newWorld();
  sampleControl(w);
  // A unit name as someone might paste it: it must stay text.
  const units = control(w).sheet(SHEETS.units);
  units.set(units.find('Xã Bình Đông')!, XSS_NAME);
  // Xã Bình Nguyên (7,5 typed in X3.1) has not been accepted: the owner's collection in the submit
  // test below would otherwise take the sample's «Đã nộp» in `Đơn vị` and lock its file.
  const grid = units.values();
  const statusCol = grid[0].indexOf('Trạng thái');
  const x15 = grid.findIndex((r) => r[0] === 'BS-X15');
  units.set(`${String.fromCharCode(65 + statusCol)}${x15 + 1}`, 'Đang chấm');
  generate(w);
  fillSampleScores(w, { submit: false });
  files = unitFiles(w);
  api = createServerApi(w.fake, { clock: w.env.clock });
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  saves.release();
  if (!sb) return;
  const { page, requests, errors, dialogs } = sb;
  sb = null;
  await page.context().close();
  // Nothing but Google's add-on stylesheet may be fetched (and the page works without it).
  expect(networkHosts(requests)).toEqual(['ssl.gstatic.com']);
  expect(requests).toContain('https://ssl.gstatic.com/docs/script/css/add-ons1.css');
  expect(errors.filter((e) => !/ERR_FAILED|ERR_INTERNET|Failed to load resource/.test(e))).toEqual([]);
  expect(dialogs).toEqual([]);
});

describe('scorer sidebar', () => {
  test('shows the unit, year, deadline, status and the criteria tree, without the appraisal column', async () => {
    const page = await open('BS-X08', emailOf('BS-X08'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Xã Bình Hải');
    await expect(page.locator('.eyebrow').textContent()).resolves.toContain('Năm 2024');
    // Days left from the fake clock (10/12/2024), computed by the server (core/appraisal-view.ts).
    await expect(page.locator('.deadlines li').allTextContents()).resolves.toEqual(['Hạn nộp: đã quá hạn 25 ngày (hạn 15/11/2024)']);
    await expect(page.locator('.chip').first().textContent()).resolves.toBe('Đang chấm');

    const state = api.scorerState();
    const topScore = state.criteria.filter((c) => c.parent === null && c.kind === 'score').length;
    await expect(page.locator('section.section').count()).resolves.toBe(topScore + 2); // + Điểm thưởng, Điểm trừ
    const x11 = leaf(page, 'X1.1');
    const x11c = state.criteria.find((c) => c.code === 'X1.1')!;
    await expect(x11.locator('.leaf-title').textContent()).resolves.toBe(x11c.title);
    await expect(x11.locator('.max').textContent()).resolves.toBe(`Tối đa ${formatNumber(x11c.max)} điểm`);
    await expect(x11.locator('.guidance').textContent()).resolves.toBe(x11c.guidance);
    await expect(x11.locator('.tag').textContent()).resolves.toBe('Bắt buộc minh chứng');
    // Bound to the sheet's values, shown the Vietnamese way.
    await expect(x11.getByLabel('Tự chấm X1.1', { exact: true }).inputValue()).resolves.toBe(state.entries['X1.1'].self);
    await expect(x11.getByLabel('Minh chứng X1.1 (bắt buộc)', { exact: true }).inputValue()).resolves.toBe(state.entries['X1.1'].evidence);
    await expect(page.locator('.total-line').textContent()).resolves.toBe(totalText(state));
    // A scorer does not appraise.
    expect(state.canAppraise).toBe(false);
    await expect(page.getByLabel(/^Thẩm định /).count()).resolves.toBe(0);

    // Groups collapse and open again with the keyboard.
    const toggle = page.locator('.section-toggle').first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('.section-body').first().isHidden()).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'scorer.png');
  });

  test('typing 12 in a criterion worth 10 shows the real above-max message next to the field; fixing it clears it', async () => {
    const page = await open('BS-X08', emailOf('BS-X08'));
    const p2 = leaf(page, 'P2');
    await expect(p2.locator('.max').textContent()).resolves.toBe('Trừ tối đa 10 điểm');
    const input = p2.getByLabel(/^Tự chấm /);
    const msg = p2.locator('.field-self .msg');

    // The keyboard only: focus, type, and the message is there before anything is saved.
    await input.focus();
    await page.keyboard.type('12');
    await expect(msg.textContent()).resolves.toBe('Lỗi: Điểm tự chấm 12 vượt điểm tối đa 10.');
    await expect(msg.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#submit-reason').textContent()).resolves.toBe('Chưa nộp được: còn 1 mục cần xử lý (xem «Còn thiếu»).');
    await expect(page.getByRole('button', { name: 'Nộp kết quả' }).getAttribute('aria-disabled')).resolves.toBe('true');

    // Tab saves (change) and moves on to the evidence field, with a visible focus ring.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(await p2.getByLabel('Minh chứng').getAttribute('id'));
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).resolves.not.toBe('none');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Đã lưu');
    expect(sheetValue('BS-X08', 'P2', SCORING_COLUMNS.self)).toBe(12);
    // The server says the same thing (its message names the place; the sidebar shows it next to the field).
    const server = api.scorerState().findings.find((f) => f.code === 'above-max' && f.criterion === 'P2')!;
    expect(server.message).toMatch(/điểm tự chấm 12 vượt điểm tối đa 10\.$/);
    await expect(msg.textContent()).resolves.toBe('Lỗi: Điểm tự chấm 12 vượt điểm tối đa 10.');
    await screenshot(page, 'scorer-error.png');

    // Fix it; Enter saves.
    await input.fill('2');
    await expect(msg.textContent()).resolves.toBe('');
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Đã lưu');
    expect(sheetValue('BS-X08', 'P2', SCORING_COLUMNS.self)).toBe(2);
    expect(api.scorerState().findings.filter((f) => f.criterion === 'P2')).toEqual([]);
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(page.getByRole('button', { name: 'Nộp kết quả' }).getAttribute('aria-disabled')).resolves.toBe('false');
  });

  test('totals, bonus, deduction and the provisional level change at once; "8,5" is 8.5', async () => {
    const page = await open('BS-X08', emailOf('BS-X08'));
    const before = api.scorerState();
    await expect(page.locator('.total-line').textContent()).resolves.toBe(totalText(before));

    saves.hold(); // the server answers later: what follows is computed in the page
    const p1 = leaf(page, 'P1').getByLabel(/^Tự chấm /);
    await p1.fill('8,5');
    await p1.press('Enter');
    const b2 = leaf(page, 'B2').getByLabel(/^Tự chấm /);
    await b2.fill('1');
    await b2.press('Tab');
    const expected = {
      score: { total: before.score.total - 8.5 + Math.min(before.bonusCap, before.score.bonus + 1) - before.score.bonus },
    };
    const level = before.levels.filter((l) => l.min <= expected.score.total).sort((a, b) => b.min - a.min)[0].name;
    await expect(page.locator('.total-line').textContent()).resolves.toBe(totalText({ ...expected, level }));
    await expect(page.locator('.breakdown').textContent()).resolves.toContain(`trừ −${formatNumber(before.score.penalty + 8.5)}`);
    await expect(page.locator('.breakdown').textContent()).resolves.toContain(`thưởng +${formatNumber(before.score.bonus + 1)}`);
    await expect(page.locator('section.section-penalty .sub').textContent()).resolves.toBe(`−${formatNumber(before.score.penalty + 8.5)}`);
    await expect(page.locator('.save-status').textContent()).resolves.toBe('Đang lưu…');
    expect(saves.pending).toBe(1);

    saves.release();
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Đã lưu');
    const after = api.scorerState();
    expect(sheetValue('BS-X08', 'P1', SCORING_COLUMNS.self)).toBe(8.5);
    expect(after.score.total).toBeCloseTo(expected.score.total, 6);
    expect(after.level).toBe(level);
    await expect(page.locator('.total-line').textContent()).resolves.toBe(totalText(after));
    await expect(p1.inputValue()).resolves.toBe('8,5');
  });

  test('typing in the sheet gives the same result after «Làm mới»', async () => {
    const page = await open('BS-X08', emailOf('BS-X08'));
    const x12 = leaf(page, 'X1.2').getByLabel(/^Tự chấm /);
    // The scorer types in the sheet itself.
    const sheet = w.fake.spreadsheetById(files['BS-X08'].id)!.sheet(SHEETS.scoring);
    sheet.set(sheetA1('BS-X08', 'X1.2', SCORING_COLUMNS.self), 1.25, { as: emailOf('BS-X08') });
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toBe('Đã tải lại dữ liệu từ trang tính.');
    await expect(x12.inputValue()).resolves.toBe('1,25');
    await expect(page.locator('.total-line').textContent()).resolves.toBe(totalText(api.scorerState()));
  });

  test('submit: blocked with the reason while an error remains, confirmed, then locked', async () => {
    const unit = 'BS-X09';
    const page = await open(unit, emailOf(unit));
    const submit = page.getByRole('button', { name: 'Nộp kết quả' });
    const x11 = leaf(page, 'X1.1').getByLabel(/^Tự chấm /);
    const original = await x11.inputValue();
    await x11.fill('abc');
    await expect(submit.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.locator('#submit-reason').textContent()).resolves.toBe('Chưa nộp được: còn 1 mục cần xử lý (xem «Còn thiếu»).');
    await expect(leaf(page, 'X1.1').locator('.field-self .msg').textContent()).resolves.toBe(
      'Lỗi: Điểm tự chấm «abc» không phải là số. Chỉ nhập số, ví dụ 3 hoặc 3,5 — mỗi bậc 0,25.',
    );
    await x11.fill(original);
    await expect(submit.getAttribute('aria-disabled')).resolves.toBe('false');

    // Confirm first; Escape cancels and nothing is sent.
    await submit.click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(confirm.isHidden()).resolves.toBe(true);
    expect(sb!.calls.some((c) => c.name === 'scorerSubmit')).toBe(false);
    await submit.click();
    await expect(page.locator('#confirm-text').textContent()).resolves.toContain('muốn sửa phải đề nghị cơ quan quản lý mở lại');
    await expect(page.locator('#app').textContent()).resolves.not.toContain('Phòng Nội vụ');
    await page.getByRole('button', { name: 'Xác nhận nộp' }).click();
    // A scorer cannot lock the sheet himself: the sidebar says what is true.
    await page
      .locator('.locked-banner')
      .getByText(
        /^Đã nộp kết quả lúc .+ \(.+\)\. Ô nhập sẽ được khóa khi cơ quan quản lý cập nhật tiến độ\. Nếu cần sửa gì, hãy đề nghị cơ quan quản lý mở lại\.$/,
      )
      .waitFor();

    const state = api.scorerState();
    expect(state.locked).toBe(true);
    expect(state.submittedBy).toBe(emailOf(unit));
    await expect(page.locator('.chip').first().textContent()).resolves.toBe('Đã nộp');
    // Every input is read-only; the submit button is gone.
    const editable = await page.locator('.tree input').evaluateAll((els) => els.filter((e) => !(e as HTMLInputElement).readOnly).length);
    expect(editable).toBe(0);
    await expect(submit.count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Mở lại' }).count()).resolves.toBe(0); // only the owner reopens
    // The server refuses any further change.
    expect(() => api.scorerSave('X1.1', 'self', '1')).toThrow(/đã nộp kết quả/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'scorer-submitted.png');

    // The scorer cannot edit the protection of a file he does not own: the admin's next
    // collection ("Theo dõi tiến độ") locks it, leaving no unprotected range.
    asAdmin(w);
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const c = api.adminRun('progress', cursor);
      if (c.finished) break;
      cursor = c.cursor;
    }
    const [protection] = w.fake.spreadsheetById(files[unit].id)!.sheet(SHEETS.scoring).protections;
    expect(protection.type).toBe('SHEET');
    expect(protection.unprotected).toEqual([]);
    expect(
      w.fake
        .spreadsheetById(files[unit].id)!
        .sheet(SHEETS.scoring)
        .canEdit(sheetA1(unit, 'X1.1', SCORING_COLUMNS.self), emailOf(unit)),
    ).toBe(false);
    // Now the sidebar says the inputs are locked.
    actIn(unit, emailOf(unit));
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await page
      .locator('.locked-banner')
      .getByText(/^Đã nộp kết quả lúc .+ \(.+\)\. Các ô nhập đã khóa\.$/)
      .waitFor();
  });

  test('the owner appraises a submitted file (self-score stays closed), and reopens it', async () => {
    const unit = 'BS-X09'; // submitted and locked by the previous test
    const page = await open(unit, ADMIN);
    expect(api.scorerState().canAppraise).toBe(true);
    expect(api.scorerState().locked).toBe(true);
    const appraised = leaf(page, 'X1.1').getByLabel(/^Thẩm định /);
    const self = leaf(page, 'X1.1').getByLabel(/^Tự chấm /);
    await expect(appraised.count()).resolves.toBe(1);
    // The council appraises submitted results: Thẩm định stays open, the scorer's fields do not.
    await expect(appraised.evaluate((e) => (e as HTMLInputElement).readOnly)).resolves.toBe(false);
    await expect(self.evaluate((e) => (e as HTMLInputElement).readOnly)).resolves.toBe(true);
    await expect(
      leaf(page, 'X1.1')
        .getByLabel('Minh chứng')
        .evaluate((e) => (e as HTMLInputElement).readOnly),
    ).resolves.toBe(true);
    await expect(page.locator('.locked-banner').textContent()).resolves.toContain('Cột «Thẩm định» vẫn nhập được.');
    await appraised.fill('2');
    await appraised.press('Enter');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Đã lưu');
    expect(sheetValue(unit, 'X1.1', SCORING_COLUMNS.appraised)).toBe(2);
    expect(api.scorerState().locked).toBe(true);

    await page.getByRole('button', { name: 'Mở lại' }).click();
    await page.locator('.notice').getByText('Đã mở lại biểu chấm điểm; đơn vị có thể sửa và nộp lại.').waitFor();
    await expect(page.locator('.chip').first().textContent()).resolves.toBe('Đang chấm');
    await expect(appraised.evaluate((e) => (e as HTMLInputElement).readOnly)).resolves.toBe(false);
    await expect(self.evaluate((e) => (e as HTMLInputElement).readOnly)).resolves.toBe(false);
    const [protection] = w.fake.spreadsheetById(files[unit].id)!.sheet(SHEETS.scoring).protections;
    expect(protection.unprotected.length).toBeGreaterThan(0);
    expect(
      w.fake
        .spreadsheetById(files[unit].id)!
        .sheet(SHEETS.scoring)
        .canEdit(sheetA1(unit, 'X1.1', SCORING_COLUMNS.self), emailOf(unit)),
    ).toBe(true);

    // The appraised score wins over the self-score in the total.
    const before = api.scorerState();
    expect(before.entries['X1.1'].appraised).toBe('2'); // appraised above, while submitted
    await appraised.fill('1');
    await appraised.press('Enter');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Đã lưu');
    expect(sheetValue(unit, 'X1.1', SCORING_COLUMNS.appraised)).toBe(1);
    const after = api.scorerState();
    expect(after.score.total).toBeCloseTo(before.score.total - 1, 6);
    await expect(page.locator('.total-line').textContent()).resolves.toBe(totalText(after));
    await expect(page.locator('.breakdown').textContent()).resolves.toContain(`tự chấm ${formatNumber(after.score.selfTotal)}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'scorer-appraiser.png');
  });

  test('errors already in the sheet are listed on opening; the item of «Còn thiếu» goes to the field', async () => {
    const page = await open('BS-X15', emailOf('BS-X15')); // the sample typed 7,5 in X3.1 (max 6)
    await expect(page.locator('.summary-line').textContent()).resolves.toBe('Còn thiếu (1)');
    await page.getByRole('button', { name: 'X3.1: điểm tự chấm chưa hợp lệ' }).click();
    const x31 = leaf(page, 'X3.1').getByLabel(/^Tự chấm /);
    await expect(x31.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(x31.inputValue()).resolves.toBe('7,5');
    await expect(leaf(page, 'X3.1').locator('.field-self .msg').textContent()).resolves.toBe('Lỗi: Điểm tự chấm 7,5 vượt điểm tối đa 6.');
    await expect(page.locator('section.section-error .badge-count').textContent()).resolves.toBe('1 lỗi');
  });

  test('a scorer sees the council’s appraisal as text, with its message next to the criterion', async () => {
    const page = await open('BS-X20', emailOf('BS-X20')); // the sample: X9.1 appraised 4, no self-score
    const x91 = leaf(page, 'X9.1');
    await expect(x91.locator('.appraised-text').textContent()).resolves.toBe('Thẩm định: 4');
    await expect(x91.getByLabel(/^Thẩm định /).count()).resolves.toBe(0);
    await expect(x91.locator(':scope > .msgs').textContent()).resolves.toBe(
      'Cảnh báo: Có điểm thẩm định nhưng đơn vị chưa nhập điểm tự chấm.',
    );
  });

  test('a unit name with markup is shown as text: no element made, no script run', async () => {
    const { control: c } = (asAdmin(w), readControlData(w.env));
    const unit = c.units.find((u) => u.name === XSS_NAME)!;
    const page = await open(unit.code, unit.email);
    await expect(page.locator('h1').textContent()).resolves.toBe(XSS_NAME);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await page.waitForTimeout(100);
    expect(sb!.dialogs).toEqual([]);
    // The page never used innerHTML with data: every text node holds the raw characters.
    await expect(page.evaluate(() => document.title)).resolves.toContain(XSS_NAME);
  });
});
