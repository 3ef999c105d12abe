// Both sidebars at Google's sidebar width (300 px) on a small laptop (600 and 560 px high), driven by
// the keyboard as a commune clerk and the Sở Nội vụ official would: every stop visible, every input
// named with its code, «Còn thiếu» as links, invalid values out of the total, and an admin sidebar
// that says what blocks the next step. Real Chromium, real server handlers on the Apps Script fake.
import type { Browser, Page } from 'playwright-core';
import type { ServerApi } from '../../src/gas/api';
import { createServerApi } from '../../src/gas/server-api';
import { SAMPLE } from '../../src/core/sample';
import { ADMIN, World, newWorld } from '../gas/helpers';
import { fillSampleScores, generate, sampleControl, unitFiles } from '../gas/flow';
import { Sidebar, ensureBuilt, launch, openSidebar, screenshot, tabStops, until } from './browser';

let browser: Browser;
let sb: Sidebar | null = null;

const emailOf = (code: string) => SAMPLE.units.find((u) => u.code === code)!.email;

interface District {
  w: World;
  api: ServerApi;
  files: ReturnType<typeof unitFiles>;
}

function district(fill: boolean): District {
  const w = newWorld();
  sampleControl(w);
  generate(w);
  if (fill) fillSampleScores(w, { submit: true });
  return { w, api: createServerApi(w.fake, { clock: w.env.clock }), files: unitFiles(w) };
}

let blank: District;

async function openScorer(d: District, code: string, height: number, api: ServerApi = d.api, width = 300): Promise<Page> {
  d.w.fake.setUser(emailOf(code));
  d.w.fake.setActiveSpreadsheet(d.files[code].id);
  sb = await openSidebar(browser, 'scorer', api, { width, height });
  await sb.page.locator('.leaf').first().waitFor();
  return sb.page;
}

async function openAdmin(d: District, api: ServerApi = d.api): Promise<Page> {
  d.w.fake.setUser(ADMIN);
  d.w.fake.setActiveSpreadsheet(d.w.controlId);
  sb = await openSidebar(browser, 'admin', api, { width: 300, height: 600 });
  await sb.page.locator('li.step').first().waitFor();
  return sb.page;
}

/** The focused element is inside the viewport and its middle is not covered by anything. */
const focusedVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === el || el.contains(hit);
  });

const total = (page: Page) => page.locator('.total-line').textContent();

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  blank = district(false);
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  if (!sb) return;
  const { page, errors, dialogs } = sb;
  sb = null;
  await page.context().close();
  expect(errors.filter((e) => !/ERR_FAILED|ERR_INTERNET|Failed to load resource/.test(e))).toEqual([]);
  expect(dialogs).toEqual([]);
});

// 240×480: the 300×600 sidebar at 125 % zoom.
describe.each([
  [300, 600],
  [300, 560],
  [240, 480],
])('scorer sidebar at %i×%i', (width, height) => {
  test('every keyboard stop is visible and not covered; every input is named with its criterion code; text is 13 px or more', async () => {
    const page = await openScorer(blank, 'BS-X08', height, blank.api, width);
    await screenshot(page, `scorer-blank-${width}x${height}.png`);
    const stops = await tabStops(page);
    const inputs = await page.locator('.tree input').count();
    // Every input of the tree, the group toggles, the list, the tools and the bar: all reached.
    expect(stops.length).toBeGreaterThan(inputs);
    expect(stops.filter((s) => s.problem)).toEqual([]);
    // The submit button that cannot submit yet is a stop (its reason is read with it).
    expect(stops.map((s) => s.name)).toContain('button «Nộp kết quả»');

    const state = blank.api.scorerState();
    for (const c of state.criteria.filter((x) => x.leaf)) {
      await expect(page.getByRole('textbox', { name: `Tự chấm ${c.code}`, exact: true }).count()).resolves.toBe(1);
      const ev = `Minh chứng ${c.code}${c.evidenceRequired ? ' (bắt buộc)' : ''}`;
      await expect(page.getByRole('textbox', { name: ev, exact: true }).count()).resolves.toBe(1);
    }
    const small = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
        if (!own || el.closest('.sr-only') || !el.getClientRects().length) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 13) out.push(`${el.className}: ${size}px`);
      }
      return out;
    });
    expect(small).toEqual([]);

    // Mid-way down with the keyboard: the focused field sits above the bar.
    await page.getByRole('textbox', { name: 'Tự chấm X4.2', exact: true }).focus();
    await expect(focusedVisible(page)).resolves.toBe(true);
    await screenshot(page, `scorer-tab-${width}x${height}.png`);
  });
});

describe('scorer sidebar at 300×600', () => {
  test('the disabled submit button is reachable by Tab and reads its reason; pressing it leads to «Còn thiếu»', async () => {
    const page = await openScorer(blank, 'BS-X12', 600);
    // A score typed where evidence is required: a neutral to-do until submitting is tried.
    const last = blank.api
      .scorerState()
      .criteria.filter((c) => c.leaf && c.kind === 'score' && c.evidenceRequired)
      .at(-1)!;
    await page.getByRole('textbox', { name: `Tự chấm ${last.code}`, exact: true }).fill('1');
    const evMsg = page
      .locator('article.leaf')
      .filter({ has: page.getByRole('textbox', { name: `Tự chấm ${last.code}`, exact: true }) })
      .locator('.field-evidence .msg p');
    await expect(evMsg.getAttribute('class')).resolves.toBe('m m-hint');
    const submit = page.getByRole('button', { name: 'Nộp kết quả' });
    await expect(submit.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(submit.evaluate((e) => (e as HTMLButtonElement).disabled)).resolves.toBe(false);
    await submit.focus();
    const reason = page.locator('#submit-reason');
    await expect(reason.isVisible()).resolves.toBe(true);
    const why = (await reason.textContent())!;
    expect(why).toMatch(/^Chưa nộp được: còn \d+ tiêu chí chưa chấm và 1 mục khác \(xem «Còn thiếu»\)\.$/);
    await expect(submit.getAttribute('aria-describedby')).resolves.toBe('submit-reason');
    await screenshot(page, 'scorer-submit-reason.png');
    await page.keyboard.press('Enter');
    // Nothing is sent; the keyboard is on the first missing item.
    expect(sb!.calls.some((c) => c.name === 'scorerSubmit')).toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('X1.1 chưa chấm');
    await expect(focusedVisible(page)).resolves.toBe(true);
    await expect(evMsg.getAttribute('class')).resolves.toBe('m m-error');
    await expect(evMsg.textContent()).resolves.toMatch(/^Lỗi: Chưa có minh chứng/);
  });

  test('«Còn thiếu» names each missing item; its link scrolls to the field; groups count what is missing; filter and jump by code', async () => {
    const page = await openScorer(blank, 'BS-X08', 600);
    const state = blank.api.scorerState();
    const scoreLeaves = state.criteria.filter((c) => c.leaf && c.kind === 'score').map((c) => c.code);
    await expect(page.locator('.summary-line').textContent()).resolves.toBe(`Còn thiếu (${scoreLeaves.length})`);
    await page.getByRole('button', { name: `Hiện cả ${scoreLeaves.length} mục` }).click();
    const items = await page.locator('.missing-list li').allTextContents();
    expect(items).toEqual(scoreLeaves.map((c) => `${c} chưa chấm`));
    // Each group says how many of its criteria are missing, also when folded.
    const x4 = page.locator('section.section').filter({ has: page.locator('.section-toggle .code').getByText('X4', { exact: true }) });
    const inX4 = scoreLeaves.filter((c) => c.startsWith('X4.')).length;
    await x4.locator('.section-toggle').click();
    await expect(x4.locator('.badge-todo').textContent()).resolves.toBe(`${inX4} còn thiếu`);
    await x4.locator('.section-toggle').click();

    // The link goes to the field (a folded group opens), visible above the bar.
    await page.getByRole('button', { name: 'X4.2 chưa chấm' }).click();
    const x42 = page.getByRole('textbox', { name: 'Tự chấm X4.2', exact: true });
    await expect(x42.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(focusedVisible(page)).resolves.toBe(true);
    await screenshot(page, 'scorer-missing-link.png');

    // A score typed: the required evidence is a neutral to-do until the field is left.
    await x42.fill('1');
    const x42c = state.criteria.find((c) => c.code === 'X4.2')!;
    expect(x42c.evidenceRequired).toBe(true);
    const evidence = page.getByRole('textbox', { name: 'Minh chứng X4.2 (bắt buộc)', exact: true });
    const evMsg = page.locator('article.leaf').filter({ has: evidence }).locator('.field-evidence .msg p');
    await expect(evMsg.textContent()).resolves.toBe('Cần minh chứng (bắt buộc khi có điểm).');
    await expect(evMsg.getAttribute('class')).resolves.toBe('m m-hint');
    await expect(evidence.getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(page.locator('.missing-list').textContent()).resolves.toContain('X4.2 thiếu minh chứng');
    await screenshot(page, 'scorer-evidence-todo.png');
    await evidence.focus();
    await page.keyboard.press('Tab'); // left empty: now it is an error
    await expect(evMsg.getAttribute('class')).resolves.toBe('m m-error');
    await expect(evidence.getAttribute('aria-invalid')).resolves.toBe('true');

    // «Chỉ hiện tiêu chí còn thiếu»: only the criteria with something missing stay.
    await page.getByLabel('Chỉ hiện tiêu chí còn thiếu').check();
    const shown = await page.locator('article.leaf:visible .leaf-head .code').allTextContents();
    const missingCodes = [...new Set((await page.locator('.missing-list li').allTextContents()).map((t) => t.split(/[ :]/)[0]))];
    expect(shown).toEqual(missingCodes);
    expect(shown).not.toContain('B1'); // a blank bonus is not missing
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'scorer-filter.png');
    await page.getByLabel('Chỉ hiện tiêu chí còn thiếu').uncheck();

    // Jump by code, any case.
    const jump = page.getByLabel('Đến tiêu chí', { exact: true });
    await jump.fill('x3.2');
    await jump.press('Enter');
    await expect(page.getByRole('textbox', { name: /^Tự chấm X3\.2$/ }).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(focusedVisible(page)).resolves.toBe(true);
    await jump.fill('Z7');
    await jump.press('Enter');
    await expect(page.locator('#jump-msg').textContent()).resolves.toBe('Không có tiêu chí mã «Z7». Gõ mã như trong biểu mẫu, ví dụ X1.1.');
  });

  test('an invalid value leaves the total unchanged («chưa tính ô lỗi»); no level until every criterion is scored', async () => {
    const page = await openScorer(blank, 'BS-X10', 600);
    await expect(total(page)).resolves.toBe('Tổng điểm: 0/100 — chưa xếp loại');
    const self = (code: string) => page.getByRole('textbox', { name: `Tự chấm ${code}`, exact: true });
    const state = blank.api.scorerState();
    const x11 = state.criteria.find((c) => c.code === 'X1.1')!;
    await self('X1.1').fill('1');
    await expect(total(page)).resolves.toBe('Tổng điểm: 1/100 — chưa xếp loại');
    // Above the maximum, negative, off the step, words: the total stays 1.
    for (const bad of [String(x11.max + 1), '-1', '0,3', '3 điểm']) {
      await self('X1.2').fill(bad);
      await expect(total(page)).resolves.toBe('Tổng điểm: 1/100 — chưa xếp loại (chưa tính ô lỗi)');
    }
    await expect(page.locator('article.leaf .field-self .msg').filter({ hasText: '3 điểm' }).textContent()).resolves.toBe(
      'Lỗi: Điểm tự chấm «3 điểm» có kèm chữ; chỉ nhập số, tức là 3.',
    );
    await page.getByRole('button', { name: 'Chi tiết' }).click();
    await expect(page.locator('.breakdown').textContent()).resolves.toContain('Chưa tính ô lỗi: X1.2.');
    await screenshot(page, 'scorer-invalid.png');
    // A penalty typed negative is not added back either.
    await self('X1.2').fill('');
    const p1 = state.criteria.find((c) => c.kind === 'penalty' && c.leaf)!;
    await self(p1.code).fill('-2');
    await expect(total(page)).resolves.toBe('Tổng điểm: 1/100 — chưa xếp loại (chưa tính ô lỗi)');
  });

  test('a stale «Chưa lưu được» goes when the saved value is typed back', async () => {
    let fail = true;
    const flaky: ServerApi = {
      ...blank.api,
      scorerSave: (...args) => {
        if (fail) throw new Error('Mất kết nối.');
        return blank.api.scorerSave(...args);
      },
    };
    const page = await openScorer(blank, 'BS-X11', 600, flaky);
    const x11 = page.getByRole('textbox', { name: 'Tự chấm X1.1', exact: true });
    await x11.fill('1');
    await x11.press('Enter');
    await page.locator('.save-status').getByText('Chưa lưu được').waitFor();
    await screenshot(page, 'scorer-save-failed.png');
    await x11.fill(''); // the value the sheet holds
    await expect(page.locator('.save-status').textContent()).resolves.toBe('');
    await expect(page.locator('.msg').filter({ hasText: 'Chưa lưu được' }).count()).resolves.toBe(0);
    fail = false;
  });
});

describe('admin sidebar at 300×600', () => {
  test('states the blockers of the next step, never shows errors as success, and asks before a decision while errors remain', async () => {
    const d = district(true);
    const page = await openAdmin(d);
    const bar = page.locator('.bar');
    const next = page.locator('.bar .actions .btn-primary:visible');
    const notSubmitted = d.api.adminState().progress.notSubmitted;
    expect(notSubmitted.length).toBe(1);
    // After the templates the next step is progress, not the report.
    await expect(page.locator('.bar-title').textContent()).resolves.toBe('Bước tiếp theo: Theo dõi tiến độ');
    await expect(page.locator('.not-submitted').textContent()).resolves.toBe(`Chưa nộp: ${notSubmitted[0]}`);
    const stops = await tabStops(page);
    expect(stops.filter((s) => s.problem)).toEqual([]);
    await screenshot(page, 'admin-start.png');

    await next.click();
    const progress = page.locator('li.step[data-step="progress"]');
    await progress.locator('.chip').getByText('Cần xem lại').waitFor();
    await expect(progress.locator('.step-detail').textContent()).resolves.toMatch(
      new RegExp(`^32/33 đã nộp; chưa nộp: ${notSubmitted[0]} \\(lúc .+\\)$`),
    );
    await expect(page.locator('.bar-title').textContent()).resolves.toBe('Theo dõi tiến độ');

    await expect(next.textContent()).resolves.toBe('Tiếp theo: Kiểm tra dữ liệu');
    await next.click();
    const validate = page.locator('li.step[data-step="validate"]');
    await validate.locator('.chip').getByText('Cần xem lại').waitFor();
    const message = page.locator('.job-message');
    await expect(message.textContent()).resolves.toMatch(/^Đã chạy xong, cần xem lại: Kiểm tra xong 33 đơn vị: [1-9]\d* lỗi/);
    await expect(message.getAttribute('class')).resolves.toBe('job-message job-warn');
    await expect(page.locator('#app').textContent()).resolves.not.toContain('Hoàn tất');
    // The next step (ranking) says what blocks it, naming the unit and the sheet to open.
    const errors = /(\d+) lỗi/.exec((await validate.locator('.step-detail').textContent())!)![1];
    const blockers = `Trước khi xếp hạng: chưa nộp: ${notSubmitted[0]} · ${errors} lỗi (mở sheet «Kiểm tra»)`;
    await expect(page.locator('li.step[data-step="rank"] .step-blockers').textContent()).resolves.toBe(blockers);
    await expect(message.textContent()).resolves.toContain(blockers);
    // The sheet that shows the errors opens from the sidebar.
    await page.locator('li.step[data-step="rank"]').getByRole('button', { name: 'Mở sheet «Kiểm tra»' }).click();
    await until(() => d.w.fake.spreadsheetById(d.w.controlId)!.activeSheet === 'Kiểm tra');
    await screenshot(page, 'admin-validate-errors.png');

    for (const key of ['rank', 'report']) {
      await next.click();
      await page
        .locator(`li.step[data-step="${key}"] .chip`)
        .getByText(/^(Đã xong|Cần xem lại)$/)
        .waitFor();
    }
    // The decision while errors remain: asked first, nothing run until confirmed.
    const before = sb!.calls.filter((c) => c.name === 'adminRun').length;
    await next.click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toContain(
      `Còn việc chưa xong: chưa nộp: ${notSubmitted[0]} · ${errors} lỗi (mở sheet «Kiểm tra»)`,
    );
    await expect(dialog.textContent()).resolves.toContain('DỰ THẢO');
    await expect(
      page.getByRole('button', { name: 'Vẫn tạo quyết định (dự thảo)' }).evaluate((e) => e === document.activeElement),
    ).resolves.toBe(true);
    await expect(focusedVisible(page)).resolves.toBe(true);
    await screenshot(page, 'admin-decision-confirm.png');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    expect(sb!.calls.filter((c) => c.name === 'adminRun').length).toBe(before);
    await next.click();
    await page.getByRole('button', { name: 'Vẫn tạo quyết định (dự thảo)' }).click();
    await page
      .locator('li.step[data-step="decision"] .chip')
      .getByText(/^(Đã xong|Cần xem lại)$/)
      .waitFor();
    expect(sb!.calls.filter((c) => c.name === 'adminRun' && c.args[0] === 'decision').length).toBeGreaterThan(0);
    await expect(bar.isVisible()).resolves.toBe(true);
  });

  test('«Tạo báo cáo» first refuses without running validation or ranking; set-up again shows no «1/1»', async () => {
    const w = newWorld();
    sampleControl(w);
    const d: District = { w, api: createServerApi(w.fake, { clock: w.env.clock }), files: {} };
    const page = await openAdmin(d);
    await page.locator('li.step[data-step="report"] button').click();
    await page.locator('.job-message.job-failed').waitFor();
    await expect(page.locator('.job-message').textContent()).resolves.toBe(
      'Không thực hiện được: Chưa thực hiện «Tạo báo cáo»: chưa có thư mục «Dân vận chính quyền 2024» trên Drive; hãy chạy «Tạo biểu mẫu chấm điểm» trước. Chưa có gì được kiểm tra hay xếp hạng.',
    );
    const state = d.api.adminState();
    for (const key of ['validate', 'rank', 'report']) expect(state.steps.find((s) => s.key === key)!.state).toBe('todo');
    await expect(page.locator('li.step[data-step="rank"] .chip').textContent()).resolves.toBe('Chưa thực hiện');
    await screenshot(page, 'admin-report-refused.png');

    await page.locator('li.step[data-step="setup"] button').click();
    await page.locator('.job-message.job-done').waitFor();
    await expect(page.locator('#job-count').textContent()).resolves.toBe('');
    await expect(page.locator('#app').textContent()).resolves.not.toContain('1/1');
  });
});
