// «Đính kèm tệp» in the scorer sidebar, in Chromium, on the REAL server handlers over the fake:
// a wrong type and a file above 10 MB are refused in the sidebar (no server call), a PDF is
// uploaded, lands in the scorer's evidence folder, and its link shows in `Minh chứng`.
import type { Browser, Locator, Page } from 'playwright-core';
import type { ServerApi } from '../../src/gas/api';
import { createServerApi } from '../../src/gas/server-api';
import { SCORING_COLUMNS, SHEETS } from '../../src/core/schema';
import { EVIDENCE_MAX_BYTES } from '../../src/core/evidence-upload';
import { SAMPLE } from '../../src/core/sample';
import { World, newWorld } from '../gas/helpers';
import { generate, sampleControl, unitFiles } from '../gas/flow';
import { Sidebar, ensureBuilt, launch, openSidebar } from './browser';

const UNIT = 'BS-X08';
let browser: Browser;
let w: World;
let api: ServerApi;
let files: ReturnType<typeof unitFiles>;
let sb: Sidebar | null = null;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
  w = newWorld();
  sampleControl(w);
  generate(w);
  files = unitFiles(w);
  api = createServerApi(w.fake, { clock: w.env.clock });
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  if (!sb) return;
  const { page, errors } = sb;
  sb = null;
  await page.context().close();
  expect(errors.filter((e) => !/ERR_FAILED|ERR_INTERNET|Failed to load resource/.test(e))).toEqual([]);
});

async function open(): Promise<Page> {
  w.fake.setUser(SAMPLE.units.find((u) => u.code === UNIT)!.email);
  w.fake.setActiveSpreadsheet(files[UNIT].id);
  sb = await openSidebar(browser, 'scorer', api);
  await sb.page.locator('.leaf').first().waitFor();
  return sb.page;
}

const firstLeaf = (page: Page): Locator => page.locator('article.leaf').first();

function sheetEvidence(code: string): unknown {
  const grid = w.fake.spreadsheetById(files[UNIT].id)!.sheet(SHEETS.scoring).values();
  const h = grid.findIndex((r) => r.includes(SCORING_COLUMNS.code) && r.includes(SCORING_COLUMNS.evidence));
  const row = grid.find((r, i) => i > h && r[grid[h].indexOf(SCORING_COLUMNS.code)] === code)!;
  return row[grid[h].indexOf(SCORING_COLUMNS.evidence)];
}

test('refuses a wrong type and a file above 10 MB in the sidebar, uploads a PDF and shows its link', async () => {
  const page = await open();
  const card = firstLeaf(page);
  const code = (await card.locator('.leaf-head .code').textContent())!.trim();
  const file = card.locator('input.ev-file');
  const msg = card.locator('.ev-attach-msg');
  await expect(card.locator('label.ev-attach').textContent()).resolves.toContain('Đính kèm tệp');

  await file.setInputFiles({ name: 'cai-dat.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(msg.textContent()).resolves.toBe(
    'Tệp «cai-dat.exe» không đính kèm được: chỉ nhận tệp PDF, ảnh (JPG, PNG, GIF, WEBP, HEIC), Word (.docx) hoặc Excel (.xlsx).',
  );
  await file.setInputFiles({ name: 'lon.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(EVIDENCE_MAX_BYTES + 1, 1) });
  await expect(msg.textContent()).resolves.toMatch(/^Tệp «lon\.pdf» dung lượng 10,0 MB, vượt giới hạn 10,0 MB/);
  expect(sb!.calls.filter((c) => c.name === 'scorerAttachEvidence')).toEqual([]);

  await file.setInputFiles({ name: 'Kế hoạch 12.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(3000, 2) });
  await page.waitForFunction(() => /Đã đính kèm/.test(document.querySelector('article.leaf .ev-attach-msg')?.textContent ?? ''));
  await expect(msg.textContent()).resolves.toBe('Đã đính kèm «Kế hoạch 12.pdf»; liên kết đã ghi vào ô Minh chứng.');
  const folder = w.fake.drive.list().find((x) => x.kind === 'folder' && x.name === 'Minh chứng – Xã Bình Hải – 2024')!;
  const [stored] = w.fake.drive.children(folder.id);
  expect([stored.name, stored.content?.length]).toEqual(['Kế hoạch 12.pdf', 3000]);
  expect(String(sheetEvidence(code))).toContain(stored.id);
  await expect(card.locator('input.input-evidence').inputValue()).resolves.toBe(sheetEvidence(code));
  // The link is shown as a link under the field.
  await expect(card.locator('.ev-links a').count()).resolves.toBe(1);
});
