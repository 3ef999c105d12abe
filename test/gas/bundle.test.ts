// build/Code.js as Apps Script runs it: top-level functions called by name in a context whose
// globals are the services (here the fake).
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { execFileSync } from 'child_process';
import { createGasFake } from '../fakes/gas';
import { SHEETS } from '../../src/core/schema';
import { makeEnv } from '../../src/gas/env';
import { fillSampleScores } from './flow';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'build/Code.js');

/** Newest modification time of the sources the bundle is built from. */
function newestSource(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  // `npm test` builds first; build here only when the bundle is missing or older than the sources.
  const stale =
    !fs.existsSync(bundle) ||
    fs.statSync(bundle).mtimeMs < Math.max(newestSource(path.join(root, 'src/gas')), newestSource(path.join(root, 'src/core')));
  if (stale) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
}, 120_000);

function load() {
  const fake = createGasFake({ user: 'lan.noivu@binhson.gov.vn' });
  // The same Date as the fake, so dates keep their type across the boundary (one realm in Apps Script).
  const context: Record<string, unknown> = { Date, console };
  fake.installGlobals(context);
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(bundle, 'utf8'), context, { filename: 'Code.js' });
  const call = (name: string, ...args: unknown[]) => {
    expect(typeof context[name]).toBe('function');
    return (context[name] as (...a: unknown[]) => unknown)(...args);
  };
  return { fake, call, context };
}

describe('build/Code.js', () => {
  it('declares every entry point as a top-level function', () => {
    const { context } = load();
    for (const name of [
      'onOpen',
      'onInstall',
      'openDvcq',
      'openAdminSidebar',
      'openScorerSidebar',
      'setupControl',
      'setupControlWithSample',
      'generateTemplates',
      'validateData',
      'rankResults',
      'createReport',
      'createDecision',
      'remindLateUnits',
      'scorerState',
      'scorerSave',
      'scorerSubmit',
      'scorerReopen',
      'scorerExplain',
      'adminState',
      'adminRun',
      'adminShowSheet',
      'adminUnitView',
    ]) {
      expect(typeof context[name]).toBe('function');
    }
  });

  it('runs the year from the menu: onOpen, set-up, generate, validate, rank, report, decision', () => {
    const { fake, call } = load();
    const ss = fake.createSpreadsheet('Bảng điều khiển', { active: true });
    call('onOpen', { authMode: 'LIMITED' });
    expect(fake.ui.addonMenu()!.items.find((i) => i.caption === 'Tạo biểu mẫu chấm điểm')!.functionName).toBe('generateTemplates');

    call('setupControl');
    call('setupControlWithSample');
    expect(fake.spreadsheetById(ss.id)!.sheet(SHEETS.units).values()).toHaveLength(38);

    const gen = call('generateTemplates') as { finished: boolean; message: string };
    expect(gen.finished).toBe(true);
    expect(gen.message).toMatch(/^37\/37 đơn vị đã có biểu mẫu/);
    expect(fake.drive.byPath('My Drive/Dân vận chính quyền 2025')).toBeDefined();

    // The scorers type their scores (cells found by header text) and submit.
    fillSampleScores({ fake, env: makeEnv(fake), controlId: ss.id, advance: () => undefined });
    expect((call('validateData') as { message: string }).message).toMatch(/^Kiểm tra xong 37 đơn vị: [1-9]\d* lỗi/);
    expect((call('rankResults') as { message: string }).message).toMatch(/^Đã xếp hạng/);
    expect(fake.spreadsheetById(ss.id)!.sheet(SHEETS.results).charts).toHaveLength(1);
    const report = call('createReport') as { message: string; links: Array<{ url: string }> };
    expect(report.message).toMatch(/^Đã tạo báo cáo/);
    const decision = call('createDecision') as { message: string };
    expect(decision.message).toMatch(/^Đã tạo quyết định/);
    // «Nhắc đơn vị chưa nộp»: MailApp reached through the bundle's globals, one e-mail per late unit.
    const reminded = call('remindLateUnits') as { message: string; failed?: string };
    expect(reminded.failed).toBeUndefined();
    const n = Number(/nhắc (\d+) đơn vị/.exec(reminded.message)?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(fake.mail.sent).toHaveLength(n);
    const alerts = fake.ui.alerts.map((a) => a.title);
    expect(alerts).toEqual(
      expect.arrayContaining(['Tạo biểu mẫu chấm điểm', 'Tổng hợp & xếp hạng', 'Tạo báo cáo', 'Tạo quyết định xếp loại']),
    );
    const doc = fake.documentById(/\/d\/([^/]+)/.exec(report.links[0].url)![1])!;
    expect(doc.text).toContain('BÁO CÁO');

    // The sidebars' server functions, by name.
    const state = call('adminState') as { steps: Array<{ key: string; state: string }> };
    // It ran (with the sample's errors it is «Cần xem lại», not «Đã xong»).
    expect(state.steps.find((s) => s.key === 'report')!.state).not.toBe('todo');
    const chunk = call('adminRun', 'progress', null) as { finished: boolean };
    expect(chunk.finished).toBe(true);

    // Drive through the advanced service only (DriveApp needs the full drive scope).
    for (const c of ['DriveApp', 'Folder', 'File', 'FolderIterator', 'FileIterator']) expect(fake.calls.count(`${c}.*`)).toBe(0);
    expect(fake.calls.count('Files.copy')).toBeGreaterThanOrEqual(37);
    expect(fake.calls.count('Permissions.create')).toBe(37);
  });

  it('without the Drive advanced service, says in Vietnamese how to enable it', () => {
    const { fake, call, context } = load();
    delete context.Drive;
    fake.createSpreadsheet('Bảng điều khiển', { active: true });
    call('setupControlWithSample');
    const gen = call('generateTemplates') as { finished: boolean; message: string } | undefined;
    void gen;
    const a = fake.ui.alerts.at(-1)!;
    expect(a.title).toBe('Tạo biểu mẫu chấm điểm');
    expect(a.prompt).toContain('Chưa bật dịch vụ nâng cao Drive API (v3) cho dự án Apps Script.');
  });

  it('an error in a menu item becomes a Vietnamese alert', () => {
    const { fake, call } = load();
    fake.createSpreadsheet('Trống', { active: true });
    call('generateTemplates');
    const a = fake.ui.alerts.at(-1)!;
    expect(a.title).toBe('Tạo biểu mẫu chấm điểm');
    expect(a.prompt).toMatch(/Tạo biểu mẫu chấm điểm|Chưa có đơn vị/);
    expect(a.prompt).not.toMatch(/\bat \w+ \(/);
  });
});
