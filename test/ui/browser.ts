// Browser harness for the sidebar tests: real Chromium, the built HTML, and a google.script.run
// shim that forwards every call to the REAL server handlers running in Node on the GAS fake.
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerApi } from '../../src/gas/api';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-output/screenshots');
export const STYLESHEET = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function upToDate(): boolean {
  const outs = ['scorer.html', 'admin.html'].map((f) => path.join(ROOT, 'build', f));
  const sources = Math.max(newestMtime(path.join(ROOT, 'src/ui')), newestMtime(path.join(ROOT, 'src/core')));
  return outs.every((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs > sources);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Build (scripts/build.mjs) unless build/*.html is newer than every source it is made from.
 * Test files run in parallel workers: one builds while the others wait for its lock file.
 */
export function ensureBuilt(): void {
  if (upToDate()) return;
  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  const lock = path.join(ROOT, 'build', '.ui-test-build.lock');
  const end = Date.now() + 60_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch {
      if (Date.now() > end) fs.rmSync(lock, { force: true }); // left by a killed run
      sleep(50);
    }
  }
  try {
    if (!upToDate()) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

export interface Sidebar {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** alert/confirm/prompt dialogs that fired. */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Server calls made through the shim, in order. */
  calls: Array<{ name: string; args: unknown[] }>;
}

export interface ShimOptions {
  /** Awaited before each server call runs (lets a test hold a long job between chunks). */
  before?: (name: string, args: unknown[]) => Promise<void> | void;
  width?: number;
  height?: number;
}

/**
 * Open build/<name>.html with a google.script.run shim installed before the page's scripts run.
 * The shim behaves like the real one: server functions are properties of the runner, results
 * come back asynchronously through withSuccessHandler / withFailureHandler, after a JSON trip.
 */
export async function openSidebar(browser: Browser, name: 'scorer' | 'admin', api: ServerApi, opts: ShimOptions = {}): Promise<Sidebar> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 300, height: opts.height ?? 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const sb: Sidebar = { page, requests: [], dialogs: [], errors: [], calls: [] };
  page.on('request', (r) => sb.requests.push(r.url()));
  page.on('dialog', (d) => {
    sb.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => sb.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') sb.errors.push(m.text());
  });
  // No network here: Google's stylesheet fails to load, and the page must look right without it.
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));

  await page.exposeFunction('__dvcqServer', async (fn: string, argsJson: string): Promise<string> => {
    const args = JSON.parse(argsJson) as unknown[];
    sb.calls.push({ name: fn, args });
    try {
      await opts.before?.(fn, args);
      const handler = (api as unknown as Record<string, unknown>)[fn];
      if (typeof handler !== 'function') throw new Error(`Script function not found: ${fn}`);
      const value = await (handler as (...a: unknown[]) => unknown).apply(api, args);
      return JSON.stringify({ ok: true, value: value === undefined ? null : value });
    } catch (e) {
      const err = e as Error;
      return JSON.stringify({ ok: false, name: err?.name ?? 'Error', message: err?.message ?? String(e) });
    }
  });

  await page.addInitScript((names: string[]) => {
    type Handler = ((v: unknown) => void) | null;
    const w = window as unknown as {
      __dvcqServer: (fn: string, args: string) => Promise<string>;
      google: unknown;
    };
    const runner = (ok: Handler, fail: Handler): Record<string, unknown> => {
      const r: Record<string, unknown> = {
        withSuccessHandler: (f: Handler) => runner(f, fail),
        withFailureHandler: (f: Handler) => runner(ok, f),
      };
      for (const n of names) {
        r[n] = (...args: unknown[]) => {
          void w.__dvcqServer(n, JSON.stringify(args)).then((json) => {
            const res = JSON.parse(json) as { ok: boolean; value?: unknown; name?: string; message?: string };
            if (res.ok) ok?.(res.value);
            else {
              const e = new Error(res.message);
              e.name = res.name ?? 'Error';
              fail?.(e);
            }
          });
        };
      }
      return r;
    };
    w.google = { script: { run: runner(null, null), host: { close() {}, setHeight() {}, setWidth() {} } } };
  }, Object.keys(api));

  await page.goto(`file://${path.join(ROOT, 'build', `${name}.html`)}`);
  return sb;
}

/** Hosts the page reached over the network (file: URLs are the page itself). */
export function networkHosts(requests: string[]): string[] {
  return [...new Set(requests.filter((u) => /^(https?|wss?):/i.test(u)).map((u) => new URL(u).host))];
}

export async function screenshot(page: Page, file: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const out = path.join(SCREENSHOTS, file);
  await page.screenshot({ path: out });
  return out;
}

/** Holds server calls while `held` (a test looks at the page between typing and the answer). */
export class Hold {
  private waiting: Array<() => void> = [];
  held = false;

  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    const w = this.waiting;
    this.waiting = [];
    for (const r of w) r();
  }

  /** Calls waiting right now. */
  get pending(): number {
    return this.waiting.length;
  }

  wait(): Promise<void> {
    return this.held ? new Promise((r) => this.waiting.push(r)) : Promise.resolve();
  }
}

/** Wait until `check()` is true (Node-side state changed by the page's calls). */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One keyboard stop: what it is, and why it cannot be seen (null: fully visible). */
export interface Stop {
  name: string;
  problem: string | null;
}

/**
 * Press Tab from the top of the page up to `max` times and, at each stop, check the focused
 * element is inside the viewport and not covered (by the sticky bar or anything else): the
 * points at its left, middle and right edge must hit the element itself. Stops when focus cycles.
 */
export async function tabStops(page: Page, max = 400): Promise<Stop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: Stop[] = [];
  let first: string | null = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (!el.dataset.stopId) el.dataset.stopId = String(Math.random());
      const label =
        el.getAttribute('aria-label') ||
        (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) ||
        el.textContent ||
        el.tagName;
      const r = el.getBoundingClientRect();
      const vh = window.innerHeight;
      const vw = window.innerWidth;
      let problem: string | null = null;
      if (r.width === 0 || r.height === 0) problem = 'no size';
      else if (r.top < 0 || r.bottom > vh + 0.5 || r.left < 0 || r.right > vw + 0.5)
        problem = `outside the viewport (${Math.round(r.top)}..${Math.round(r.bottom)} of ${vh})`;
      else {
        const y = r.top + r.height / 2;
        for (const x of [r.left + 2, r.left + r.width / 2, r.right - 2]) {
          const hit = document.elementFromPoint(x, y);
          if (!hit || !(hit === el || el.contains(hit) || hit.contains(el) || (hit as HTMLLabelElement).htmlFor === el.id)) {
            problem = `covered by ${hit ? `${hit.tagName}.${(hit as HTMLElement).className}` : 'nothing'}`;
            break;
          }
        }
      }
      return { id: el.dataset.stopId, name: `${el.tagName.toLowerCase()} «${String(label).trim().slice(0, 60)}»`, problem };
    });
    if (!stop) continue;
    if (stop.id === first) break;
    first ??= stop.id;
    stops.push({ name: stop.name, problem: stop.problem });
  }
  return stops;
}
