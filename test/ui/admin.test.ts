// The admin sidebar in a real browser, talking to the REAL server handlers (src/gas) on the
// in-memory Apps Script fake, set up as the sample district (Bình Sơn, 33 units).
import type { Browser, Page } from 'playwright-core';
import type { JobChunk, ServerApi } from '../../src/gas/api';
import { createServerApi } from '../../src/gas/server-api';
import { SHEETS } from '../../src/core/schema';
import { World, control, newWorld } from '../gas/helpers';
import { fillSampleScores, generate, sampleControl, unitFiles } from '../gas/flow';
import { Hold, Sidebar, ensureBuilt, launch, networkHosts, openSidebar, screenshot, until } from './browser';

const XSS_NAME = 'Xã Bình Đông <img src=x onerror=alert(1)>';
const ORDER = ['setup', 'templates', 'progress', 'validate', 'rank', 'report', 'decision'];

let browser: Browser;
let sb: Sidebar | null = null;

interface Setup {
  w: World;
  api: ServerApi;
  chunks: JobChunk[];
  hold: Hold;
}

/**
 * The sample district in its control spreadsheet. The fake clock ticks 1 s per reading and a
 * chunk may run 50 s, so the 33 units take several chunks, as a large district would in Apps Script.
 */
function district(): Setup {
  const w = newWorld({ budgetMs: 50_000, tick: 1000 });
  sampleControl(w);
  const api = createServerApi(w.fake, { clock: w.env.clock, budgetMs: w.env.budgetMs });
  const chunks: JobChunk[] = [];
  // Record what the real server answered, to compare with what the page shows.
  const recorded: ServerApi = {
    ...api,
    adminRun: (step, cursor) => {
      const c = api.adminRun(step, cursor);
      chunks.push(c);
      return c;
    },
  };
  return { w, api: recorded, chunks, hold: new Hold() };
}

async function open(s: Setup): Promise<Page> {
  sb = await openSidebar(browser, 'admin', s.api, { before: (name) => (name === 'adminRun' ? s.hold.wait() : undefined) });
  await sb.page.locator('li.step').first().waitFor();
  return sb.page;
}

/** Keep every text the progress counter showed. */
async function recordCounter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.getElementById('job-count')!;
    const seen: string[] = [];
    (window as unknown as { __counts: string[] }).__counts = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
}
const counts = (page: Page) => page.evaluate(() => (window as unknown as { __counts: string[] }).__counts);

const stepButton = (page: Page, key: string) => page.locator(`li.step[data-step="${key}"] button`);

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
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

describe('admin sidebar', () => {
  test('lists the steps of the year in order, each with its state, detail and button', async () => {
    const s = district();
    const page = await open(s);
    const state = s.api.adminState();
    await expect(page.locator('li.step').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).resolves.toEqual(ORDER);
    for (const step of state.steps) {
      const li = page.locator(`li.step[data-step="${step.key}"]`);
      await expect(li.locator('.step-label').textContent()).resolves.toBe(step.label);
      await expect(li.locator('.chip').textContent()).resolves.toBe(
        { todo: 'Chưa thực hiện', done: 'Đã xong', warning: 'Cần xem lại' }[step.state],
      );
      await expect(li.locator('.step-detail').textContent()).resolves.toBe(step.detail);
      await expect(li.locator('button').count()).resolves.toBe(1);
    }
    await expect(page.locator('h1').textContent()).resolves.toBe('Dân vận chính quyền năm 2024');
    await expect(page.locator('.progress-units').textContent()).resolves.toBe('33 đơn vị trong danh sách');
    await expect(page.locator('.bar-title').textContent()).resolves.toBe('Bước tiếp theo: Tạo biểu mẫu chấm điểm');
  });

  test('«Tạo biểu mẫu» runs chunk by chunk, shows failed units without stopping, and links the folder', async () => {
    const s = district();
    // One unit with markup in its name and an address that cannot be shared with.
    const units = control(s.w).sheet(SHEETS.units);
    const at = units.find('Xã Bình Đông')!;
    units.set(at, XSS_NAME);
    const emailCol = units.values()[0].indexOf('Email người chấm');
    units.set(`${String.fromCharCode(65 + emailCol)}${at.replace(/^[A-Z]+/, '')}`, 'không-phải-email');

    const page = await open(s);
    await recordCounter(page);
    await stepButton(page, 'templates').click();
    // The unit whose address is invalid has its file, but its scorer cannot open it: not counted.
    await page.locator('#job-count').getByText('32/33 đơn vị', { exact: true }).waitFor();
    await page.locator('.job-message.job-warn').waitFor();

    // Several chunks, each resumed from the previous cursor, the count rising to 33.
    expect(s.chunks.length).toBeGreaterThanOrEqual(3);
    expect(s.chunks.map((c) => c.done)).toEqual([...s.chunks.map((c) => c.done)].sort((a, b) => a - b));
    const calls = sb!.calls.filter((c) => c.name === 'adminRun');
    expect(calls[0].args).toEqual(['templates', null]);
    calls.slice(1).forEach((c, i) => expect(c.args).toEqual(['templates', s.chunks[i].cursor]));
    const seen = await counts(page);
    expect(seen).toContain(`${s.chunks[0].done}/33 đơn vị`);
    expect(seen.at(-1)).toBe('32/33 đơn vị');
    expect(s.chunks.at(-1)!.message).toMatch(/^32\/33 đơn vị đã có biểu mẫu; 1 đơn vị có biểu mẫu nhưng chưa chia sẻ được cho người chấm/);
    const bar = page.getByRole('progressbar');
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('32');
    await expect(bar.getAttribute('aria-valuemax')).resolves.toBe('33');

    // The files are in the fake Drive: one per unit, in the year's folder.
    const files = unitFiles(s.w);
    expect(Object.keys(files)).toHaveLength(33);
    const root = s.w.fake.drive.byPath('My Drive/Dân vận chính quyền 2024')!;
    for (const f of Object.values(files)) expect(s.w.fake.drive.path(f.id).startsWith('My Drive/Dân vận chính quyền 2024/')).toBe(true);

    // The failed unit is listed, as text, and the others were done.
    const errors = page.locator('li.step[data-step="templates"] .job-errors li');
    await expect(errors.count()).resolves.toBe(1);
    const text = (await errors.textContent())!;
    expect(text).toContain(XSS_NAME);
    expect(text).toContain('«không-phải-email» không hợp lệ');
    await expect(page.locator('img').count()).resolves.toBe(0);

    // Links open in a new tab without an opener.
    const link = page.locator('li.step[data-step="templates"] .job-links a').first();
    await expect(link.getAttribute('href')).resolves.toBe(s.chunks.at(-1)!.links[0].url);
    expect(s.chunks.at(-1)!.links[0].url).toContain(root.id);
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toMatch(/\bnoopener\b/);
    const folderLink = page.locator('.links-card a');
    await expect(folderLink.first().textContent()).resolves.toBe('Thư mục «Dân vận chính quyền 2024»');
    await expect(folderLink.first().getAttribute('rel')).resolves.toMatch(/\bnoopener\b/);
    // Not done while a file is not shared, and said so.
    await expect(page.locator('li.step[data-step="templates"] .chip').textContent()).resolves.toBe('Cần xem lại');
    await expect(page.locator('li.step[data-step="templates"] .step-detail').textContent()).resolves.toBe(
      '32/33 đơn vị đã có biểu mẫu; 1 đơn vị có biểu mẫu nhưng chưa chia sẻ được cho người chấm',
    );
  });

  test('a step that cannot be done at all says «Không thực hiện được: …», not a unit error', async () => {
    const s = district();
    generate(s.w);
    s.w.fake.setActiveSpreadsheet(s.w.controlId);
    const page = await open(s);
    s.w.fake.locks.holdByOther('document'); // someone else is writing the control spreadsheet
    await stepButton(page, 'validate').click();
    await page.locator('.job-message.job-failed').waitFor();
    const reason = 'Một người khác đang cập nhật bảng điều khiển; vui lòng thử lại sau ít phút.';
    expect(s.chunks.at(-1)).toMatchObject({ failed: reason, errors: [] });
    await expect(page.locator('.job-message').textContent()).resolves.toBe(`Không thực hiện được: ${reason}`);
    await expect(page.locator('li.step[data-step="validate"] .job-failed-step').textContent()).resolves.toBe(
      `Không thực hiện được: ${reason}`,
    );
    await expect(page.locator('.job-errors').count()).resolves.toBe(0);
    await expect(page.locator('#app').textContent()).resolves.not.toMatch(/Hoàn tất|đơn vị bị lỗi/);
    s.w.fake.locks.release('document');
  });

  test('buttons of steps already run read naturally', async () => {
    const s = district();
    generate(s.w);
    fillSampleScores(s.w, { submit: true });
    s.w.fake.setActiveSpreadsheet(s.w.controlId);
    for (const step of ['validate', 'rank', 'report', 'decision'] as const) {
      let cursor: string | null = null;
      for (let i = 0; i < 50; i++) {
        const c = s.api.adminRun(step, cursor);
        if (c.finished) break;
        cursor = c.cursor;
      }
    }
    const page = await open(s);
    const texts = await page.locator('li.step button').evaluateAll((els) => els.map((e) => [e.getAttribute('data-step'), e.textContent]));
    expect(Object.fromEntries(texts)).toEqual({
      setup: 'Thiết lập lại',
      templates: 'Tạo biểu mẫu cho đơn vị mới',
      progress: 'Cập nhật tiến độ',
      validate: 'Kiểm tra lại',
      rank: 'Xếp hạng lại',
      report: 'Tạo lại báo cáo',
      decision: 'Tạo lại quyết định',
    });
    await expect(page.locator('#app').textContent()).resolves.not.toContain('Kiểm tra dữ liệu lại');
  });

  test('a browser signed in to several Google accounts is told so in Vietnamese', async () => {
    const s = district();
    const denied: ServerApi = {
      ...s.api,
      adminState: () => {
        throw new Error("We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.");
      },
    };
    sb = await openSidebar(browser, 'admin', denied);
    const alert = sb.page.locator('.alert');
    await alert.getByText(/Trình duyệt đang đăng nhập nhiều tài khoản Google/).waitFor();
    await expect(alert.textContent()).resolves.toBe(
      'Có lỗi: Trình duyệt đang đăng nhập nhiều tài khoản Google; hãy dùng một tài khoản (hoặc cửa sổ ẩn danh) rồi thử lại.',
    );
    await expect(alert.textContent()).resolves.not.toMatch(/sorry|PERMISSION_DENIED/);
  });

  test('«Dừng» stops after the running chunk; «Tiếp tục» goes on from the cursor without duplicating a file', async () => {
    const s = district();
    const page = await open(s);
    s.hold.hold();
    await stepButton(page, 'templates').click();
    await until(() => s.hold.pending === 1);
    const stop = page.getByRole('button', { name: 'Dừng' });
    await stop.click();
    await page.getByRole('button', { name: 'Đang dừng…' }).waitFor();
    s.hold.release();
    const resume = page.getByRole('button', { name: 'Tiếp tục' });
    await resume.waitFor();
    const first = s.chunks[0];
    expect(first.finished).toBe(false);
    await expect(page.locator('#job-count').textContent()).resolves.toBe(`${first.done}/33 đơn vị`);
    await expect(page.locator('.job-message').textContent()).resolves.toBe(
      `Đã dừng ở ${first.done}/33 đơn vị. Bấm «Tiếp tục» để chạy tiếp từ chỗ dừng.`,
    );
    await page.waitForTimeout(150);
    expect(sb!.calls.filter((c) => c.name === 'adminRun')).toHaveLength(1);
    await expect(resume.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.waitForTimeout(300);
    await screenshot(page, 'admin-stopped.png');

    // Resume with the keyboard.
    await page.keyboard.press('Enter');
    await page.locator('#job-count').getByText('33/33 đơn vị', { exact: true }).waitFor();
    const calls = sb!.calls.filter((c) => c.name === 'adminRun');
    expect(calls[1].args).toEqual(['templates', first.cursor]);
    const files = unitFiles(s.w);
    expect(new Set(Object.values(files).map((f) => f.id)).size).toBe(33);
    const sheets = s.w.fake.drive.list().filter((x) => x.kind === 'file' && /BS-[XP]\d\d/.test(x.name));
    expect(sheets).toHaveLength(33);
  });

  test('«Theo dõi tiến độ» counts the units with files, entered and submitted', async () => {
    const s = district();
    generate(s.w);
    fillSampleScores(s.w, { submit: true });
    s.w.fake.setActiveSpreadsheet(s.w.controlId);
    const page = await open(s);
    await stepButton(page, 'progress').click();
    // One unit has not submitted: not a success, and the unit is named.
    await page.locator('.job-message.job-warn').waitFor();
    const missing = s.api.adminState().progress.notSubmitted;
    await expect(page.locator('.job-message').textContent()).resolves.toContain(`chưa nộp: ${missing[0]}`);
    const p = s.api.adminState().progress;
    expect(p).toMatchObject({ units: 33, created: 33 });
    const stats = await page.locator('.stat-row').evaluateAll((els) => els.map((e) => e.textContent));
    expect(stats).toEqual([`Đã có biểu mẫu${p.created}/33`, `Đã nhập điểm${p.entered}/33`, `Đã nộp kết quả${p.submitted}/33`]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300); // the bar's width transition
    await screenshot(page, 'admin.png');
  });
});

describe('admin sidebar, the end of the year', () => {
  test('validation, ranking, report and decision run from the bar, each linking what it produced', async () => {
    const s = district();
    generate(s.w);
    fillSampleScores(s.w, { submit: true });
    s.w.fake.setActiveSpreadsheet(s.w.controlId);
    const page = await open(s);
    const next = page.locator('.bar .actions .btn-primary:visible');
    // After the templates: progress first, then validation (never the report).
    await expect(page.locator('.bar-title').textContent()).resolves.toBe('Bước tiếp theo: Theo dõi tiến độ');
    const actions = {
      progress: 'Cập nhật tiến độ',
      validate: 'Kiểm tra dữ liệu',
      rank: 'Tổng hợp & xếp hạng',
      report: 'Tạo báo cáo',
      decision: 'Tạo quyết định',
    };
    for (const [key, action] of Object.entries(actions)) {
      await expect(next.textContent()).resolves.toBe(key === 'progress' ? action : `Tiếp theo: ${action}`);
      await next.click();
      // The sample has errors and a unit not submitted: the decision is asked first (a draft).
      if (key === 'decision') await page.getByRole('button', { name: 'Vẫn tạo quyết định (dự thảo)' }).click();
      await page
        .locator(`li.step[data-step="${key}"] .chip`)
        .getByText(/^(Đã xong|Cần xem lại)$/)
        .waitFor();
      await page
        .locator('.job-message')
        .getByText(/^(Hoàn tất|Đã chạy xong, cần xem lại)/)
        .waitFor();
    }
    // The report and the decision are Google Docs in the year's folder, linked from the sidebar.
    const state = s.api.adminState();
    const report = state.links.find((l) => l.label.startsWith('Báo cáo'))!;
    const decision = state.links.find((l) => l.label.startsWith('Quyết định'))!;
    for (const l of [report, decision]) {
      const id = /\/d\/([^/]+)/.exec(l.url)![1];
      expect(s.w.fake.documentById(id)).toBeDefined();
      expect(s.w.fake.drive.path(id).startsWith('My Drive/Dân vận chính quyền 2024/')).toBe(true);
    }
    for (const l of state.links) {
      const a = page.locator('.links-card a').filter({ hasText: l.label });
      await expect(a.getAttribute('href')).resolves.toBe(l.url);
      await expect(a.getAttribute('target')).resolves.toBe('_blank');
      await expect(a.getAttribute('rel')).resolves.toMatch(/\bnoopener\b/);
    }
    await page.locator('.links-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-done.png');
  });
});
